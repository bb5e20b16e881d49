// Lowers 'direct' and 'hierarchical' collectives into plain sends joined by no-op tasks
// (a collective over one chip), so the event loop needs no new op kind. Ring collectives
// (the default) pass through untouched and are expanded step by step in the wasm loop.
import type { CollectiveAlgorithm, Program, Task } from './program';

const ALGORITHMS: readonly CollectiveAlgorithm[] = ['ring', 'direct', 'hierarchical'];

type Collective = Extract<Task, { kind: 'allreduce' | 'allgather' }>;

/** True when some task asks for a non-ring algorithm (or names an unknown one). */
function needsExpansion(program: Program): boolean {
  const tasks = program.tasks;
  if (!Array.isArray(tasks)) return false;
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    if ((task.kind === 'allreduce' || task.kind === 'allgather') && task.algorithm !== undefined && task.algorithm !== 'ring') return true;
  }
  return false;
}

/**
 * A transfer's bytes as a share of its original task's: bytes = original bytes x mul / div,
 * computed only here and in `expandedValue`, so a simulation that reuses a lowered structure
 * with new values (simulator.ts) gets the bytes an expansion would have, to the last bit.
 */
export interface Share {
  mul: number;
  div: number;
}
const WHOLE: Share = { mul: 1, div: 1 };

/** The value (bytes, or a compute's duration) an expanded task takes from its original task's value. */
export const expandedValue = (original: number, mul: number, div: number): number => (original * mul) / div;

/**
 * Writes the expanded program; new ids are the indices. For each task it notes the original
 * task its value comes from (-1: a join, whose value is 0) and the share of it.
 */
class Writer {
  readonly tasks: Task[] = [];
  readonly origin: number[] = [];
  readonly mul: number[] = [];
  readonly div: number[] = [];
  /** The original task being expanded, and its bytes. */
  from = 0;
  fromBytes = 0;
  private note(origin: number, share: Share): number {
    this.origin.push(origin);
    this.mul.push(share.mul);
    this.div.push(share.div);
    return this.tasks.length;
  }
  send(src: number, dst: number, share: Share, deps: number[], label: string): number {
    const id = this.note(this.from, share);
    this.tasks.push({ kind: 'send', id, src, dst, bytes: expandedValue(this.fromBytes, share.mul, share.div), deps, label });
    return id;
  }
  /** A no-op that ends when all deps have: a collective over one chip. */
  join(chip: number, deps: number[], label: string): number {
    const id = this.note(-1, WHOLE);
    this.tasks.push({ kind: 'allreduce', id, chips: [chip], bytes: 0, deps, label });
    return id;
  }
  /** Task `t` of the original program, its deps renumbered. */
  copy(task: Task, t: number, deps: number[], extra: Partial<Task> = {}): number {
    const id = this.note(t, WHOLE);
    this.tasks.push({ ...task, id, deps, ...extra } as Task);
    return id;
  }
}

/**
 * One direct exchange inside `group` (chip indices): in round k = 1..p-1 chip i sends its
 * `share` of the original task's bytes to chip i+k, so each round every chip sends once and
 * receives once (no receiver gets two messages at the same instant from the same round). Returns, per chip, a join
 * that ends when that chip has received everything (and its own `ready` has ended).
 */
function exchange(w: Writer, group: number[], share: Share, ready: number[], label: string): number[] {
  const p = group.length;
  const incoming: number[][] = group.map((_, i) => [ready[i]]);
  // one deps array per sender, shared by its p-1 sends (programs get large: less garbage)
  const from = ready.map((r) => [r]);
  for (let k = 1; k < p; k++) {
    for (let i = 0; i < p; i++) {
      const j = (i + k) % p;
      incoming[j].push(w.send(group[i], group[j], share, from[i], label));
    }
  }
  return group.map((c, j) => w.join(c, incoming[j], `${label} (received)`));
}

function direct(w: Writer, task: Collective, start: number): number {
  const p = task.chips.length;
  const ready = task.chips.map(() => start);
  if (task.kind === 'allgather') {
    const done = exchange(w, task.chips, WHOLE, ready, `${task.label} all-gather`);
    return w.join(task.chips[0], done, task.label);
  }
  const chunk = { mul: 1, div: p };
  const rs = exchange(w, task.chips, chunk, ready, `${task.label} reduce-scatter`);
  const ag = exchange(w, task.chips, chunk, rs, `${task.label} all-gather`);
  return w.join(task.chips[0], ag, task.label);
}

/**
 * Nodes of equal size g (by chip index / chipsPerNode, in the order listed): direct
 * reduce-scatter inside each node (bytes/g per peer), a direct all-reduce of each chip's
 * bytes/g share with the same-position chips of the other nodes, direct all-gather inside
 * each node. All-gather: across nodes first (bytes each), then inside nodes (N x bytes each).
 * Returns null when the nodes are uneven (the caller falls back to the ring).
 */
/** The chips grouped by node, in order of first appearance; null when nodes hold unequal counts. */
export function nodeGroups(chips: readonly number[], chipsPerNode: number): number[][] | null {
  const nodes = new Map<number, number[]>();
  for (const c of chips) {
    const n = Math.floor(c / chipsPerNode);
    const list = nodes.get(n);
    if (list) list.push(c);
    else nodes.set(n, [c]);
  }
  const groups = [...nodes.values()];
  return groups.some((x) => x.length !== groups[0].length) ? null : groups;
}

function hierarchical(w: Writer, task: Collective, start: number, chipsPerNode: number): number | null {
  const groups = nodeGroups(task.chips, chipsPerNode);
  if (!groups) return null;
  const g = groups[0].length;
  const N = groups.length;
  if (N === 1) return direct(w, task, start);
  // ready[n][j]: the task after which chip j of node n may go on
  let ready: number[][] = groups.map((x) => x.map(() => start));
  const across = (share: Share, label: string): void => {
    const next = groups.map((x) => x.map(() => -1));
    for (let j = 0; j < g; j++) {
      const column = groups.map((x) => x[j]);
      const done = exchange(
        w,
        column,
        share,
        groups.map((_, n) => ready[n][j]),
        label,
      );
      for (let n = 0; n < N; n++) next[n][j] = done[n];
    }
    ready = next;
  };
  const within = (share: Share, label: string): void => {
    ready = groups.map((x, n) => (g > 1 ? exchange(w, x, share, ready[n], label) : ready[n]));
  };
  if (task.kind === 'allgather') {
    across(WHOLE, `${task.label} all-gather across nodes`);
    within({ mul: N, div: 1 }, `${task.label} all-gather in node`);
  } else {
    const inNode = { mul: 1, div: g };
    const acrossNodes = { mul: 1, div: g * N };
    within(inNode, `${task.label} reduce-scatter in node`);
    across(acrossNodes, `${task.label} reduce-scatter across nodes`);
    across(acrossNodes, `${task.label} all-gather across nodes`);
    within(inNode, `${task.label} all-gather in node`);
  }
  return w.join(task.chips[0], ready.flat(), task.label);
}

/** A program with its collectives expanded, and where each task's value comes from. */
interface Expansion {
  program: Program;
  /** Per task: the original task its bytes (or duration) come from; -1 for a join (value 0). */
  origin: Int32Array;
  /** Per task: its value is expandedValue(original value, mul, div). */
  mul: Float64Array;
  div: Float64Array;
}

/**
 * The program with every non-ring collective replaced by sends and joins; the task a later
 * task depends on becomes the collective's final join. Returns the input itself when there
 * is nothing to expand. Chips, bytes and deps of a collective are checked here (messages name
 * the original task) because the expansion uses them before lowering sees them.
 */
export function expandCollectives(program: Program, chips: number, chipsPerNode: number): Program {
  return expandWithOrigins(program, chips, chipsPerNode).program;
}

/** expandCollectives, noting for each task the original task its value comes from. */
export function expandWithOrigins(program: Program, chips: number, chipsPerNode: number): Expansion {
  if (!needsExpansion(program)) {
    const n = Array.isArray(program.tasks) ? program.tasks.length : 0;
    return {
      program,
      origin: Int32Array.from({ length: n }, (_, t) => t),
      mul: new Float64Array(n).fill(1),
      div: new Float64Array(n).fill(1),
    };
  }
  const w = new Writer();
  const idOf = new Map<number, number>();
  const tasks = program.tasks;
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    const bad = (field: string, rule: string, got: unknown): Error =>
      new Error(`program.tasks[${t}].${field}: ${rule} (got ${String(got)})`);
    if (!Number.isSafeInteger(task.id)) throw bad('id', 'must be an integer', task.id);
    if (idOf.has(task.id)) throw bad('id', 'must be unique', task.id);
    if (!Array.isArray(task.deps)) throw bad('deps', 'must be an array of task ids', task.deps);
    const deps = task.deps.map((d) => {
      const m = idOf.get(d);
      if (m === undefined) throw bad('deps', 'must list ids of earlier tasks', d);
      return m;
    });
    if ((task.kind === 'allreduce' || task.kind === 'allgather') && task.algorithm !== undefined && task.algorithm !== 'ring') {
      if (!ALGORITHMS.includes(task.algorithm)) throw bad('algorithm', `must be one of ${ALGORITHMS.join(', ')}`, task.algorithm);
      const ring = task.chips;
      if (!Array.isArray(ring) || ring.length < 1 || ring.length > chips) {
        throw bad('chips', `must list 1 to ${chips} chips`, Array.isArray(ring) ? `${ring.length} chips` : ring);
      }
      const seen = new Set<number>();
      ring.forEach((c, i) => {
        if (!(Number.isInteger(c) && c >= 0 && c < chips)) throw bad(`chips[${i}]`, `must be a chip index in [0, ${chips - 1}]`, c);
        if (seen.has(c)) throw bad(`chips[${i}]`, 'must not repeat a chip', c);
        seen.add(c);
      });
      if (!(task.bytes >= 0)) throw bad('bytes', 'must be >= 0', task.bytes);
      w.from = t;
      w.fromBytes = task.bytes;
      // the start join carries the collective's deps, so each send has one dep
      const start = w.join(ring[0], deps, `${task.label} (start)`);
      let end: number | null = null;
      if (ring.length === 1) end = start;
      else if (task.algorithm === 'direct') end = direct(w, task, start);
      else end = hierarchical(w, task, start, chipsPerNode);
      end ??= w.copy(task, t, [start], { algorithm: 'ring' });
      idOf.set(task.id, end);
      continue;
    }
    idOf.set(task.id, w.copy(task, t, deps));
  }
  return { program: { tasks: w.tasks }, origin: Int32Array.from(w.origin), mul: Float64Array.from(w.mul), div: Float64Array.from(w.div) };
}

/** Elementary ops a collective of p chips costs under each algorithm (for work budgets). */
export function collectiveOps(kind: 'allreduce' | 'allgather', algorithm: CollectiveAlgorithm, p: number, nodes: number): number {
  if (p < 2) return 1;
  const phases = kind === 'allreduce' ? 2 : 1;
  if (algorithm === 'ring') return phases * (p - 1) * p;
  if (algorithm === 'direct' || nodes <= 1) return phases * p * (p - 1) + phases * p + 2;
  const g = p / nodes;
  // in-node exchanges + across-node exchanges, each with one join per chip
  return phases * (p * (g - 1) + p) + phases * (p * (nodes - 1) + p) + 2;
}
