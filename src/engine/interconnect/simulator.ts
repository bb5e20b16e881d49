// The wasm discrete-event simulation behind a typed, synchronous TS API.
import type { NetworkLink, NetworkResult, TimelineEvent } from '../types';
import { LIMITS } from './limits';
import { KIND_ALLGATHER, KIND_ALLREDUCE, KIND_COMPUTE, KIND_NOOP, KIND_SEND, collectiveSteps, type LoweredProgram } from './lowering';
import type { NetworkSpec, Program } from './program';
import type { BuiltTopology } from './topology';
import { buildTopology } from './topologies';
import { validateSpec } from './validate';
import { createLoweringCache } from './loweringCache';

export interface SimulateOptions {
  /**
   * Timeline events to return (critical path first, then in schedule order), at most
   * LIMITS.maxEvents (the default). The panels need a few thousand; fewer events build faster.
   */
  maxEvents?: number;
}

export interface Interconnect {
  /** Simulates one statically scheduled step; throws an Error naming the bad field on bad input. */
  simulate(spec: NetworkSpec, program: Program, options?: SimulateOptions): NetworkResult;
  /** Bytes of wasm memory the simulator holds now. */
  memoryBytes(): number;
}

interface WasmExports {
  memory: WebAssembly.Memory;
  setup(
    tasks: number,
    succ: number,
    routes: number,
    routeLinks: number,
    links: number,
    chips: number,
    ops: number,
    queue: number,
    cap: number,
    ringRoutes: number,
  ): number;
  run(): number;
  criticalPath(): number;
}

// Pointer table slots (order fixed by `setup` in src/engine/assembly/interconnect.ts).
const SLOT = {
  taskKind: 0,
  taskA: 1,
  taskP: 2,
  taskOpBase: 3,
  taskVal: 4,
  taskDeps: 5,
  succOff: 6,
  succ: 7,
  routeOff: 8,
  routeLinks: 9,
  routeUsPerByte: 10,
  linkLat: 11,
  linkBusy: 24,
  opEnd: 25,
  record: 27,
  critical: 28,
  ringRoute: 29,
} as const;
const SLOTS = 32;

/** Built topologies kept per simulator (most recently used first). */
const TOPOLOGY_CACHE = 8;
/** Lowered program structures kept per simulator: each machine's decode step and prefill chunk, and a spare. */
const LOWERING_CACHE = 16;

function topologyKey(spec: NetworkSpec): string {
  return [
    spec.topology,
    spec.chips,
    spec.chipsPerNode,
    spec.linkBandwidthGBps,
    spec.hopLatencyUs,
    spec.globalLinksPerChip,
    spec.globalBandwidthGBps,
    spec.globalLatencyUs,
  ].join('|');
}

export function createInterconnect(module: WebAssembly.Module): Interconnect {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new Error('interconnect wasm aborted');
      },
    },
  });
  const wasm = instance.exports as unknown as WasmExports;
  // Building a 10,440-chip dragonfly takes a few ms and its route memo is worth keeping; the
  // LLM model alternates between the SRAM machine's network and the GPUs', so keep a few.
  const cached: { key: string; topo: BuiltTopology }[] = [];
  const lower = createLoweringCache(LOWERING_CACHE);

  function topologyFor(spec: NetworkSpec): BuiltTopology {
    const key = topologyKey(spec);
    const at = cached.findIndex((c) => c.key === key);
    if (at >= 0) {
      const [hit] = cached.splice(at, 1);
      cached.unshift(hit);
      return hit.topo;
    }
    const topo = buildTopology(spec);
    cached.unshift({ key, topo });
    if (cached.length > TOPOLOGY_CACHE) cached.pop();
    return topo;
  }

  function simulate(spec: NetworkSpec, given: Program, options: SimulateOptions = {}): NetworkResult {
    validateSpec(spec);
    const maxEvents = Math.max(0, Math.min(LIMITS.maxEvents, Math.floor(options.maxEvents ?? LIMITS.maxEvents)));
    const topo = topologyFor(spec);
    const { low, labels } = lower(topo, given, spec.chipsPerNode);
    const nTasks = low.taskKind.length;
    const nLinks = topo.linkA.length;
    const tablePtr = wasm.setup(
      nTasks,
      low.succ.length,
      low.routeUsPerByte.length,
      low.routeLinks.length,
      nLinks,
      topo.chips,
      low.ops,
      low.queue,
      maxEvents,
      low.ringRoute.length,
    );
    // setup grew memory: views are made only now, and again after criticalPath()
    let table = new Uint32Array(wasm.memory.buffer, tablePtr, SLOTS);
    const i32 = (slot: number, len: number): Int32Array => new Int32Array(wasm.memory.buffer, table[slot], len);
    const f64 = (slot: number, len: number): Float64Array => new Float64Array(wasm.memory.buffer, table[slot], len);
    i32(SLOT.taskKind, nTasks).set(low.taskKind);
    i32(SLOT.taskA, nTasks).set(low.taskA);
    i32(SLOT.taskP, nTasks).set(low.taskP);
    i32(SLOT.taskOpBase, nTasks).set(low.taskOpBase);
    f64(SLOT.taskVal, nTasks).set(low.taskVal);
    i32(SLOT.taskDeps, nTasks).set(low.taskDeps);
    i32(SLOT.succOff, nTasks + 1).set(low.succOff);
    i32(SLOT.succ, low.succ.length).set(low.succ);
    i32(SLOT.routeOff, low.routeOff.length).set(low.routeOff);
    i32(SLOT.routeLinks, low.routeLinks.length).set(low.routeLinks);
    f64(SLOT.routeUsPerByte, low.routeUsPerByte.length).set(low.routeUsPerByte);
    f64(SLOT.linkLat, nLinks).set(topo.latencyUs);
    i32(SLOT.ringRoute, low.ringRoute.length).set(low.ringRoute);

    const stepUs = wasm.run();
    const critLen = wasm.criticalPath();
    table = new Uint32Array(wasm.memory.buffer, tablePtr, SLOTS);
    const opEnd = f64(SLOT.opEnd, low.ops);
    const critical = i32(SLOT.critical, critLen);
    const record = i32(SLOT.record, Math.min(maxEvents, low.ops));
    const busy = f64(SLOT.linkBusy, 2 * nLinks);

    const links: NetworkLink[] = new Array<NetworkLink>(nLinks);
    for (let l = 0; l < nLinks; l++) {
      links[l] = {
        id: l,
        a: topo.linkA[l],
        b: topo.linkB[l],
        bandwidthGBps: topo.bandwidthGBps[l],
        latencyUs: topo.latencyUs[l],
        kind: topo.linkKind[l],
        // the busier direction: a link is as loaded as its worst direction
        utilization: stepUs > 0 ? Math.min(1, Math.max(busy[2 * l], busy[2 * l + 1]) / stepUs) : 0,
      };
    }

    let computeUs = 0;
    for (let i = 0; i < critLen; i++) {
      const op = critical[i];
      const t = taskOfOp(low, op);
      if (low.taskKind[t] === KIND_COMPUTE) computeUs += low.taskVal[t];
    }
    const events = timeline(labels, low, topo, opEnd, critical, record, maxEvents);
    return {
      topology: spec.topology,
      endpoints: topo.endpoints,
      chips: topo.chips,
      links,
      events,
      eventsTruncated: events.length < low.totalEvents,
      stepUs,
      computeUs,
      communicationUs: Math.max(0, stepUs - computeUs),
    };
  }

  return { simulate, memoryBytes: () => wasm.memory.buffer.byteLength };
}

/** Task owning elementary op `op` (ops are numbered task by task). */
function taskOfOp(low: LoweredProgram, op: number): number {
  const base = low.taskOpBase;
  let lo = 0;
  let hi = base.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (base[mid] <= op) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Timeline events: every critical-path op first, then ops in schedule order, up to the cap. */
function timeline(
  labels: readonly string[],
  low: LoweredProgram,
  topo: BuiltTopology,
  opEnd: Float64Array,
  critical: Int32Array,
  record: Int32Array,
  maxEvents: number,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const onPath = new Set<number>(critical);
  // one label string per collective step, shared by the p transfers of that step
  let labelKey = -1;
  let labelText = '';
  const add = (op: number, crit: boolean): boolean => {
    const t = taskOfOp(low, op);
    const kind = low.taskKind[t];
    if (kind === KIND_NOOP) return true;
    const end = opEnd[op];
    const label = labels[t];
    if (kind === KIND_COMPUTE) {
      if (events.length >= maxEvents) return false;
      events.push({ kind: 'compute', lane: low.taskA[t], startUs: end - low.taskVal[t], endUs: end, label, onCriticalPath: crit });
      return true;
    }
    let route = low.taskA[t];
    let text = label;
    if (kind !== KIND_SEND) {
      const p = low.taskP[t];
      const local = op - low.taskOpBase[t];
      const step = Math.floor(local / p);
      route = low.ringRoute[route + (local - step * p)];
      const key = low.taskOpBase[t] + step;
      if (key !== labelKey) {
        const steps = collectiveSteps(kind === KIND_ALLREDUCE ? KIND_ALLREDUCE : KIND_ALLGATHER, p);
        labelKey = key;
        labelText = `${label} step ${step + 1}/${steps}`;
      }
      text = labelText;
    }
    const a = low.routeOff[route];
    const b = low.routeOff[route + 1];
    if (events.length + (b - a) > maxEvents) return false;
    const bytes = low.taskVal[t];
    const ser = bytes * low.routeUsPerByte[route];
    let start = end - low.routeLatencyUs[route] - ser;
    for (let k = a; k < b; k++) {
      const link = low.routeLinks[k] >> 1;
      events.push({ kind: 'transfer', lane: link, startUs: start, endUs: start + ser, label: text, bytes, onCriticalPath: crit });
      start += topo.latencyUs[link];
    }
    return true;
  };
  for (let i = critical.length - 1; i >= 0; i--) if (!add(critical[i], true)) break;
  for (let i = 0; i < record.length; i++) if (!onPath.has(record[i]) && !add(record[i], false)) break;
  events.sort((x, y) => x.startUs - y.startUs || x.lane - y.lane || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  return events;
}
