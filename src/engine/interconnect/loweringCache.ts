// Expanding and lowering a program is most of a simulation's time, and the LLM model simulates
// programs of one structure again and again: a layout's decode step and its prefill chunk (the
// same tasks with other bytes and durations), the same layout at another batch or prompt. So the
// lowered structure is kept per topology and only the values are applied anew. A structure is
// reused only when every task's kind, id, deps, chips, algorithm and label are equal; values that
// lowering would refuse take the full path, so the errors are the same as without the cache.
import { expandedValue, expandWithOrigins } from './collectives';
import { lowerFused, type FusedLowering } from './fusedLowering';
import { LIMITS } from './limits';
import { KIND_ALLREDUCE, KIND_COMPUTE, KIND_NOOP, lowerProgram, type LoweredProgram } from './lowering';
import type { Program } from './program';
import type { BuiltTopology } from './topology';

export interface Lowered {
  low: LoweredProgram;
  /** Label of each lowered task (the expanded program's). */
  labels: readonly string[];
}

interface Entry extends Lowered {
  topo: BuiltTopology;
  chipsPerNode: number;
  structure: Int32Array;
  originalLabels: string[];
  origin: Int32Array;
  mul: Float64Array;
  div: Float64Array;
}

const KIND_CODE: Record<string, number> = { compute: 0, send: 1, allreduce: 2, allgather: 3 };
const ALGORITHM_CODE: Record<string, number> = { ring: 1, direct: 2, hierarchical: 3 };

/** Structure numbers kept over all entries: a 10,440-chip step (~2.8M) fits, memory stays bounded (4 bytes each). */
const MAX_CACHED_NUMBERS = 4_000_000;

/** Growable buffer of int32s; push returns false on anything else (such a program is never cached). */
class Flat {
  buf = new Int32Array(1 << 14);
  len = 0;
  push(v: unknown): boolean {
    if (typeof v !== 'number' || (v | 0) !== v) return false;
    if (this.len === this.buf.length) {
      const grown = new Int32Array(2 * this.buf.length);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.len++] = v;
    return true;
  }
  pushAll(xs: unknown): boolean {
    if (!Array.isArray(xs) || !this.push(xs.length)) return false;
    for (let k = 0; k < xs.length; k++) if (!this.push(xs[k])) return false;
    return true;
  }
}

/** Writes the program's structure (everything but bytes and durations); false when it has no clean one. */
function writeStructure(program: Program, out: Flat, labels: string[]): boolean {
  const tasks = program.tasks;
  if (!Array.isArray(tasks)) return false;
  out.len = 0;
  labels.length = 0;
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    const kind = KIND_CODE[task?.kind];
    if (kind === undefined || !out.push(kind) || !out.push(task.id) || !out.pushAll(task.deps)) return false;
    labels.push(task.label);
    if (task.kind === 'compute') {
      if (!out.push(task.chip)) return false;
    } else if (task.kind === 'send') {
      if (!out.push(task.src) || !out.push(task.dst)) return false;
    } else {
      const alg = task.algorithm === undefined ? 0 : ALGORITHM_CODE[task.algorithm];
      if (alg === undefined || !out.push(alg) || !out.pushAll(task.chips)) return false;
    }
  }
  return true;
}

function sameStructure(e: Entry, flat: Flat, labels: string[]): boolean {
  if (e.structure.length !== flat.len || e.originalLabels.length !== labels.length) return false;
  for (let k = 0; k < flat.len; k++) if (e.structure[k] !== flat.buf[k]) return false;
  for (let k = 0; k < labels.length; k++) if (e.originalLabels[k] !== labels[k]) return false;
  return true;
}

/**
 * Writes the program's values into the entry's lowered arrays, with the arithmetic expansion and
 * lowering use; false (nothing usable written) when lowering would refuse one of them.
 */
function applyValues(e: Entry, program: Program): boolean {
  const tasks = program.tasks;
  const { taskKind, taskP, taskVal } = e.low;
  for (let t = 0; t < taskKind.length; t++) {
    const o = e.origin[t];
    if (o < 0) continue; // a join: no value
    const task = tasks[o];
    const original = task.kind === 'compute' ? task.durationUs : task.bytes;
    if (typeof original !== 'number') return false;
    const v = expandedValue(original, e.mul[t], e.div[t]);
    const kind = taskKind[t];
    if (kind === KIND_COMPUTE) {
      if (!(v >= 0 && v <= LIMITS.maxDurationUs)) return false;
      taskVal[t] = v;
      continue;
    }
    if (!(v >= 0 && v <= LIMITS.maxBytes)) return false;
    // as lowerProgram: an all-reduce moves bytes/p per step; a collective over one chip nothing
    taskVal[t] = kind === KIND_ALLREDUCE ? v / taskP[t] : kind === KIND_NOOP ? 0 : v;
  }
  return true;
}

/** The reference path: expand, then lower (throws the error naming the bad field). */
export function lowerInTwoSteps(topo: BuiltTopology, program: Program, chipsPerNode: number): FusedLowering {
  const ex = expandWithOrigins(program, topo.chips, chipsPerNode);
  return { low: lowerProgram(topo, ex.program), labels: ex.program.tasks.map((t) => t.label), origin: ex.origin, mul: ex.mul, div: ex.div };
}

/** Lowers programs, reusing the last `size` structures (most recently used first). */
export function createLoweringCache(size: number): (topo: BuiltTopology, program: Program, chipsPerNode: number) => Lowered {
  const entries: Entry[] = [];
  const flat = new Flat();
  const labels: string[] = [];
  return (topo, program, chipsPerNode) => {
    const clean = writeStructure(program, flat, labels);
    if (clean) {
      const at = entries.findIndex((e) => e.topo === topo && e.chipsPerNode === chipsPerNode && sameStructure(e, flat, labels));
      // a failed apply leaves that entry's values half-written: harmless, a later hit rewrites them all
      if (at >= 0 && applyValues(entries[at], program)) {
        const [hit] = entries.splice(at, 1);
        entries.unshift(hit);
        return hit;
      }
    }
    const ex = lowerFused(topo, program, chipsPerNode) ?? lowerInTwoSteps(topo, program, chipsPerNode);
    const lowered: Lowered = { low: ex.low, labels: ex.labels };
    if (!clean) return lowered;
    const entry: Entry = {
      ...lowered,
      topo,
      chipsPerNode,
      structure: flat.buf.slice(0, flat.len),
      originalLabels: [...labels],
      origin: ex.origin,
      mul: ex.mul,
      div: ex.div,
    };
    entries.unshift(entry);
    let numbers = 0;
    for (let k = 0; k < entries.length; k++) {
      numbers += entries[k].structure.length;
      if (k >= size || (k > 0 && numbers > MAX_CACHED_NUMBERS)) {
        entries.length = k;
        break;
      }
    }
    return entry;
  };
}
