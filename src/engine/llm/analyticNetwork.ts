// Closed-form (alpha-beta) communication costs, and a list-scheduling evaluator of a Program
// that uses them. It ignores link contention and topology beyond "inside / outside a node",
// so it is a lower bound on what the discrete-event simulation reports. Used to choose layouts,
// to scale the simulated step across a batch sweep, and as the fallback `Interconnect`.
import type { NetworkResult, TimelineEvent } from '../types';
import type { NetworkSpec, Program, Task } from '../interconnect/program';

/** The interconnect simulator's interface (src/engine/interconnect, wasm). */
export interface Interconnect {
  simulate(spec: NetworkSpec, program: Program, options?: { maxEvents?: number }): NetworkResult;
}

/** GB/s -> bytes per microsecond. */
const BYTES_PER_US_PER_GBPS = 1e3;

export function transferUs(bytes: number, bandwidthGBps: number): number {
  return bytes / (bandwidthGBps * BYTES_PER_US_PER_GBPS);
}

/** Ring all-reduce: 2(p-1) steps, each moving bytes/p and paying one latency. */
export function ringAllReduceUs(p: number, bytes: number, bandwidthGBps: number, latencyUs: number): number {
  if (p <= 1) return 0;
  return 2 * (p - 1) * (latencyUs + transferUs(bytes / p, bandwidthGBps));
}

/**
 * Direct all-reduce: reduce-scatter then all-gather, each one round in which every chip sends
 * bytes/p to each of its p-1 peers. With a dedicated link per peer (fully connected node) the
 * sends go in parallel: 2(latency + (bytes/p)/bandwidth). Through one port (a GPU's NVLink
 * to the NVSwitch) they queue: 2(latency + (p-1)(bytes/p)/bandwidth). `latencyUs` is the
 * whole route's (2 link latencies through a switch).
 */
export function directAllReduceUs(p: number, bytes: number, bandwidthGBps: number, latencyUs: number, onePort = false): number {
  if (p <= 1) return 0;
  return 2 * (latencyUs + (onePort ? p - 1 : 1) * transferUs(bytes / p, bandwidthGBps));
}

/**
 * Hierarchical all-reduce over `nodes` nodes of g chips: direct reduce-scatter in the node
 * (bytes/g per peer), direct all-reduce of each bytes/g share across nodes (bytes/(g N) per
 * peer, over the global links), direct all-gather in the node. Contention-free.
 */
function hierarchicalAllReduceUs(
  g: number,
  nodes: number,
  bytes: number,
  local: { bandwidthGBps: number; latencyUs: number; onePort: boolean },
  global: { bandwidthGBps: number; latencyUs: number; onePort: boolean },
): number {
  const inNode = g > 1 ? directAllReduceUs(g, bytes, local.bandwidthGBps, local.latencyUs, local.onePort) : 0;
  const across = directAllReduceUs(nodes, bytes / g, global.bandwidthGBps, global.latencyUs, global.onePort);
  return inNode + across;
}

/** Ring all-gather: p-1 steps of bytes each. */
function ringAllGatherUs(p: number, bytes: number, bandwidthGBps: number, latencyUs: number): number {
  if (p <= 1) return 0;
  return (p - 1) * (latencyUs + transferUs(bytes, bandwidthGBps));
}

function sameNode(spec: NetworkSpec, a: number, b: number): boolean {
  return Math.floor(a / spec.chipsPerNode) === Math.floor(b / spec.chipsPerNode);
}

/** Bandwidth and latency of the slowest hop among a set of chips (global link if they span nodes). */
function pathFigures(spec: NetworkSpec, chips: number[]): { bw: number; lat: number } {
  const spans = chips.some((c) => !sameNode(spec, c, chips[0]));
  if (!spans) return { bw: spec.linkBandwidthGBps, lat: spec.hopLatencyUs };
  // Dragonfly minimal route: local, global, local hop; other topologies approximated the same way.
  return {
    bw: Math.min(spec.linkBandwidthGBps, spec.globalBandwidthGBps),
    lat: spec.globalLatencyUs + 2 * spec.hopLatencyUs,
  };
}

function analyticTaskUs(spec: NetworkSpec, t: Task): number {
  switch (t.kind) {
    case 'compute':
      return t.durationUs;
    case 'send': {
      const f = pathFigures(spec, [t.src, t.dst]);
      return f.lat + transferUs(t.bytes, f.bw);
    }
    case 'allreduce': {
      const f = pathFigures(spec, t.chips);
      const onePort = spec.topology === 'nvswitch';
      if (t.algorithm === 'direct') return directAllReduceUs(t.chips.length, t.bytes, f.bw, f.lat, onePort);
      if (t.algorithm === 'hierarchical') {
        const nodes = new Set(t.chips.map((c) => Math.floor(c / spec.chipsPerNode))).size;
        const g = Math.max(1, Math.round(t.chips.length / nodes));
        const local = pathFigures(spec, [t.chips[0]]);
        return hierarchicalAllReduceUs(
          g,
          nodes,
          t.bytes,
          { bandwidthGBps: local.bw, latencyUs: local.lat, onePort },
          { bandwidthGBps: f.bw, latencyUs: f.lat, onePort: onePort || spec.globalLinksPerChip < nodes - 1 },
        );
      }
      return ringAllReduceUs(t.chips.length, t.bytes, f.bw, f.lat);
    }
    case 'allgather': {
      const f = pathFigures(spec, t.chips);
      return ringAllGatherUs(t.chips.length, t.bytes, f.bw, f.lat);
    }
  }
}

const MAX_EVENTS = 20000;

/**
 * Evaluates a Program with closed-form task times: a task starts when its dependencies end
 * (and, for compute, when its chip is free). Tasks must be listed after their dependencies.
 */
export function evaluateProgram(spec: NetworkSpec, program: Program): NetworkResult {
  const end = new Map<number, number>();
  const pred = new Map<number, number>(); // critical predecessor
  const chipFree = new Float64Array(spec.chips);
  const events: TimelineEvent[] = [];
  let last = -1;
  let stepUs = 0;
  for (const t of program.tasks) {
    let start = 0;
    let crit = -1;
    for (const d of t.deps) {
      const e = end.get(d);
      if (e === undefined) throw new Error(`task ${t.id} depends on ${d}, which is not listed before it`);
      if (e > start) {
        start = e;
        crit = d;
      }
    }
    if (t.kind === 'compute') start = Math.max(start, chipFree[t.chip]);
    const finish = start + analyticTaskUs(spec, t);
    if (t.kind === 'compute') chipFree[t.chip] = finish;
    end.set(t.id, finish);
    pred.set(t.id, crit);
    if (finish >= stepUs) {
      stepUs = finish;
      last = t.id;
    }
    if (events.length < MAX_EVENTS) {
      events.push({
        kind: t.kind === 'compute' ? 'compute' : 'transfer',
        lane: t.kind === 'compute' ? t.chip : t.kind === 'send' ? t.src : t.chips[0],
        startUs: start,
        endUs: finish,
        label: t.label,
        ...(t.kind === 'compute' ? {} : { bytes: t.bytes }),
        onCriticalPath: false,
      });
    }
  }
  // Walk the critical path back from the last task to split compute from communication.
  const byId = new Map(program.tasks.map((t, i) => [t.id, i] as const));
  let computeUs = 0;
  let communicationUs = 0;
  for (let id = last; id >= 0; id = pred.get(id) ?? -1) {
    const i = byId.get(id);
    if (i === undefined) break;
    const t = program.tasks[i];
    const d = analyticTaskUs(spec, t);
    if (t.kind === 'compute') computeUs += d;
    else communicationUs += d;
    if (i < events.length) events[i].onCriticalPath = true;
  }
  return {
    topology: spec.topology,
    endpoints: spec.chips,
    chips: spec.chips,
    links: [],
    events,
    eventsTruncated: program.tasks.length > MAX_EVENTS,
    stepUs,
    computeUs,
    communicationUs,
  };
}

/** The closed-form evaluator behind the same interface as the wasm simulator. */
export const analyticInterconnect: Interconnect = { simulate: evaluateProgram };
