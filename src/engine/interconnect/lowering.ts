// Lowers a Program on a built topology into the flat arrays the wasm simulation reads,
// validating it on the way. Every task becomes >= 1 elementary op: a compute, a send, one
// op per ring position per collective step, or a no-op (a collective over one chip).
import { LIMITS } from './limits';
import type { Program } from './program';
import type { BuiltTopology } from './topology';
import { checkInteger } from './validate';

export const KIND_COMPUTE = 0;
export const KIND_SEND = 1;
export const KIND_ALLREDUCE = 2;
export const KIND_ALLGATHER = 3;
export const KIND_NOOP = 4;

/** GB/s -> bytes per microsecond. */
export const BYTES_PER_US_PER_GBPS = 1e3;

export interface LoweredProgram {
  taskKind: Int32Array;
  /** Chip (compute), route (send) or start in ringRoute (collective: ring position i uses route ringRoute[taskA + i]). */
  taskA: Int32Array;
  /** Ring size of a collective. */
  taskP: Int32Array;
  taskOpBase: Int32Array;
  /** Duration in us (compute) or bytes per op (transfers). */
  taskVal: Float64Array;
  taskDeps: Int32Array;
  succOff: Int32Array;
  succ: Int32Array;
  /** Route of each ring position of each collective (ring edge i -> i+1). */
  ringRoute: Int32Array;
  routeOff: Int32Array;
  routeLinks: Int32Array;
  routeUsPerByte: Float64Array;
  routeLatencyUs: Float64Array;
  /** Source and destination chip of each route. */
  routeSrc: Int32Array;
  routeDst: Int32Array;
  ops: number;
  /** Upper bound on ops ready at once (sizes the event queue). */
  queue: number;
  /** Timeline events the full schedule would have (compute: 1, transfer: 1 per link crossed). */
  totalEvents: number;
}

export function collectiveSteps(kind: number, p: number): number {
  if (p < 2) return 0;
  return kind === KIND_ALLREDUCE ? 2 * (p - 1) : p - 1;
}

export function lowerProgram(topo: BuiltTopology, program: Program): LoweredProgram {
  const tasks = program.tasks;
  if (!Array.isArray(tasks)) throw new Error('program.tasks: must be an array');
  checkInteger('program.tasks.length', tasks.length, 0, LIMITS.maxTasks);
  const n = tasks.length;
  const chips = topo.chips;
  const taskKind = new Int32Array(n);
  const taskA = new Int32Array(n);
  const taskP = new Int32Array(n);
  const taskOpBase = new Int32Array(n);
  const taskVal = new Float64Array(n);
  const taskDeps = new Int32Array(n);
  const routeKey = new Map<number, number>();
  const routeOff: number[] = [0];
  const routeLinks: number[] = [];
  const routeUsPerByte: number[] = [];
  const routeLatencyUs: number[] = [];
  const routeSrc: number[] = [];
  const routeDst: number[] = [];
  const ringRoute: number[] = [];

  const routeOf = (src: number, dst: number): number => {
    const key = src * chips + dst;
    const known = routeKey.get(key);
    if (known !== undefined) return known;
    const path = topo.cachedRoute(src, dst);
    let minBw = Infinity;
    let lat = 0;
    for (let k = 0; k < path.length; k++) {
      const dl = path[k];
      routeLinks.push(dl);
      minBw = Math.min(minBw, topo.bandwidthGBps[dl >> 1]);
      lat += topo.latencyUs[dl >> 1];
    }
    routeOff.push(routeLinks.length);
    routeUsPerByte.push(path.length ? 1 / (minBw * BYTES_PER_US_PER_GBPS) : 0);
    routeLatencyUs.push(lat);
    routeSrc.push(src);
    routeDst.push(dst);
    const id = routeSrc.length - 1;
    routeKey.set(key, id);
    return id;
  };
  const hops = (r: number): number => routeOff[r + 1] - routeOff[r];

  let ops = 0;
  let queue = 0;
  let totalEvents = 0;
  // deps resolved to task indices, flat (task t's deps are depIdx[depOff[t] .. depOff[t+1]))
  const depOff = new Int32Array(n + 1);
  let depIdx = new Int32Array(Math.max(16, 2 * n));
  let depLen = 0;
  // ids equal to indices (what the program builders emit) skip the id map
  let dense = true;
  const index = new Map<number, number>();
  const stamp = new Int32Array(chips).fill(-1);
  const bad = (t: number, field: string, rule: string, got: unknown): Error =>
    new Error(`program.tasks[${t}].${field}: ${rule} (got ${String(got)})`);
  const isChip = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < chips;
  const chipRule = `must be a chip index in [0, ${chips - 1}]`;

  for (let t = 0; t < n; t++) {
    const task = tasks[t];
    const id = task.id;
    if (!Number.isSafeInteger(id)) throw bad(t, 'id', 'must be an integer', id);
    if (dense && id !== t) {
      dense = false;
      for (let k = 0; k < t; k++) index.set(k, k);
    }
    if (!dense) {
      if (index.has(id)) throw bad(t, 'id', 'must be unique', id);
      index.set(id, t);
    }
    const deps = task.deps;
    if (!Array.isArray(deps)) throw bad(t, 'deps', 'must be an array of task ids', deps);
    if (depLen + deps.length > depIdx.length) {
      const grown = new Int32Array(Math.max(2 * depIdx.length, depLen + deps.length));
      grown.set(depIdx);
      depIdx = grown;
    }
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k];
      const di = dense ? (Number.isInteger(d) && d >= 0 && d < t ? d : -1) : (index.get(d) ?? -1);
      if (di < 0 || di >= t) throw bad(t, 'deps', 'must list ids of earlier tasks', d);
      depIdx[depLen++] = di;
    }
    depOff[t + 1] = depLen;
    taskDeps[t] = deps.length;
    taskOpBase[t] = ops;
    switch (task.kind) {
      case 'compute': {
        if (!isChip(task.chip)) throw bad(t, 'chip', chipRule, task.chip);
        const us = task.durationUs;
        if (!(us >= 0 && us <= LIMITS.maxDurationUs)) throw bad(t, 'durationUs', `must be in [0, ${LIMITS.maxDurationUs}] us`, us);
        taskKind[t] = KIND_COMPUTE;
        taskA[t] = task.chip;
        taskVal[t] = us;
        ops += 1;
        queue += 1;
        totalEvents += 1;
        break;
      }
      case 'send': {
        if (!isChip(task.src)) throw bad(t, 'src', chipRule, task.src);
        if (!isChip(task.dst)) throw bad(t, 'dst', chipRule, task.dst);
        if (!(task.bytes >= 0 && task.bytes <= LIMITS.maxBytes)) throw bad(t, 'bytes', `must be in [0, ${LIMITS.maxBytes}]`, task.bytes);
        taskKind[t] = KIND_SEND;
        taskA[t] = routeOf(task.src, task.dst);
        taskVal[t] = task.bytes;
        ops += 1;
        queue += 1;
        totalEvents += hops(taskA[t]);
        break;
      }
      case 'allreduce':
      case 'allgather': {
        const ring = task.chips;
        if (!Array.isArray(ring) || ring.length < 1 || ring.length > chips) {
          throw bad(t, 'chips', `must list 1 to ${chips} chips`, Array.isArray(ring) ? `${ring.length} chips` : ring);
        }
        if (!(task.bytes >= 0 && task.bytes <= LIMITS.maxBytes)) throw bad(t, 'bytes', `must be in [0, ${LIMITS.maxBytes}]`, task.bytes);
        for (let i = 0; i < ring.length; i++) {
          const c = ring[i];
          if (!isChip(c)) throw bad(t, `chips[${i}]`, chipRule, c);
          if (stamp[c] === t) throw bad(t, `chips[${i}]`, 'must not repeat a chip', c);
          stamp[c] = t;
        }
        const p = ring.length;
        const kind = task.kind === 'allreduce' ? KIND_ALLREDUCE : KIND_ALLGATHER;
        const steps = collectiveSteps(kind, p);
        if (steps === 0) {
          taskKind[t] = KIND_NOOP;
          ops += 1;
          queue += 1;
          break;
        }
        taskKind[t] = kind;
        taskP[t] = p;
        // all-reduce moves bytes/p per step (reduce-scatter then all-gather of chunks);
        // all-gather forwards each chip's whole contribution
        taskVal[t] = kind === KIND_ALLREDUCE ? task.bytes / p : task.bytes;
        let ringHops = 0;
        taskA[t] = ringRoute.length;
        for (let i = 0; i < p; i++) {
          const r = routeOf(ring[i], ring[i + 1 === p ? 0 : i + 1]);
          ringRoute.push(r);
          ringHops += hops(r);
        }
        ops += steps * p;
        queue += p;
        totalEvents += steps * ringHops;
        break;
      }
      default:
        throw bad(t, 'kind', 'must be compute, send, allreduce or allgather', (task as { kind: unknown }).kind);
    }
    if (ops > LIMITS.maxOps) {
      throw new Error(
        `program: expands to more than ${LIMITS.maxOps} elementary transfers/computes (at task ${t}); use fewer or smaller collectives`,
      );
    }
  }

  const { succOff, succ } = successors(n, depOff, depIdx, depLen);

  return {
    taskKind,
    taskA,
    taskP,
    taskOpBase,
    taskVal,
    taskDeps,
    succOff,
    succ,
    ringRoute: Int32Array.from(ringRoute),
    routeOff: Int32Array.from(routeOff),
    routeLinks: Int32Array.from(routeLinks),
    routeUsPerByte: Float64Array.from(routeUsPerByte),
    routeLatencyUs: Float64Array.from(routeLatencyUs),
    routeSrc: Int32Array.from(routeSrc),
    routeDst: Int32Array.from(routeDst),
    ops,
    queue,
    totalEvents,
  };
}

/** Each task's successors in CSR form, in task order (keeps the schedule deterministic), from its dependencies' CSR. */
export function successors(n: number, depOff: Int32Array, depIdx: Int32Array, depLen: number): { succOff: Int32Array; succ: Int32Array } {
  const succOff = new Int32Array(n + 1);
  for (let k = 0; k < depLen; k++) succOff[depIdx[k] + 1]++;
  for (let t = 0; t < n; t++) succOff[t + 1] += succOff[t];
  const fill = succOff.slice(0, n);
  const succ = new Int32Array(depLen);
  for (let t = 0; t < n; t++) for (let k = depOff[t]; k < depOff[t + 1]; k++) succ[fill[depIdx[k]]++] = t;
  return { succOff, succ };
}
