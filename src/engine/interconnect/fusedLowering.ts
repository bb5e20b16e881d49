// Expansion and lowering in one pass, straight into typed arrays: the same arrays, labels and
// value origins as lowerProgram(topo, expandWithOrigins(program).program), without building the
// expanded program (a layout's step expands to tens of thousands of task objects: most of a new
// layout's time and garbage, and code that runs once per layout never gets optimised by the JIT).
// It only handles programs that both steps accept: on anything they would refuse it returns
// null and the caller takes them, so the error messages stay theirs.
import { LIMITS } from './limits';
import {
  BYTES_PER_US_PER_GBPS,
  KIND_ALLGATHER,
  KIND_ALLREDUCE,
  KIND_COMPUTE,
  KIND_NOOP,
  KIND_SEND,
  collectiveSteps,
  successors,
  type LoweredProgram,
} from './lowering';
import { expandedValue, nodeGroups } from './collectives';
import type { Program, Task } from './program';
import type { BuiltTopology } from './topology';

export interface FusedLowering {
  low: LoweredProgram;
  labels: string[];
  /** Per lowered task, as expandWithOrigins: the original task its value comes from (-1: a join), and the share. */
  origin: Int32Array;
  mul: Float64Array;
  div: Float64Array;
}

/** A growable Int32Array or Float64Array. */
class Grow<A extends Int32Array | Float64Array> {
  len = 0;
  constructor(
    public buf: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.len === this.buf.length) {
      const grown = this.make(2 * this.buf.length);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.len++] = v;
  }
  done(): A {
    return this.buf.slice(0, this.len) as A;
  }
}
const ints = (n = 1024) => new Grow(new Int32Array(n), (k) => new Int32Array(k));
const floats = (n = 1024) => new Grow(new Float64Array(n), (k) => new Float64Array(k));

/** Thrown inside the pass when the two-step path would refuse the program. */
const REFUSED = new Error('refused');

const isAlgorithm = (a: unknown): boolean => a === 'ring' || a === 'direct' || a === 'hierarchical';
const expands = (task: Task): boolean =>
  (task.kind === 'allreduce' || task.kind === 'allgather') && task.algorithm !== undefined && task.algorithm !== 'ring';

/** Writes lowered tasks one by one, with the checks and arithmetic of lowerProgram. */
class Lowerer {
  // One column per task field, grown together (one capacity check per task, not one per field:
  // this code runs once per layout, mostly unoptimised, so every call counts).
  private n = 0;
  private kind = new Int32Array(1024);
  private a = new Int32Array(1024);
  private p = new Int32Array(1024);
  private opBase = new Int32Array(1024);
  private val = new Float64Array(1024);
  private depCount = new Int32Array(1024);
  private origin = new Int32Array(1024);
  private mul = new Float64Array(1024);
  private div = new Float64Array(1024);
  readonly depOff = ints();
  readonly depIdx = ints(4096);
  readonly labels: string[] = [];
  readonly ringRoute = ints();
  readonly routeOff = ints();
  readonly routeLinks = ints(4096);
  readonly routeUsPerByte = floats();
  readonly routeLatencyUs = floats();
  readonly routeSrc = ints();
  readonly routeDst = ints();
  private readonly routeKey = new Map<number, number>();
  private readonly stamp: Int32Array;
  private readonly oneDep = [0];
  ops = 0;
  queue = 0;
  totalEvents = 0;
  /** The original task being written, and its value (bytes or duration). */
  from = 0;
  fromValue = 0;

  constructor(private readonly topo: BuiltTopology) {
    this.depOff.push(0);
    this.routeOff.push(0);
    this.stamp = new Int32Array(topo.chips).fill(-1);
  }

  get tasks(): number {
    return this.n;
  }

  private grow(): void {
    const cap = 2 * this.kind.length;
    const i32 = (x: Int32Array) => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    const f64 = (x: Float64Array) => {
      const y = new Float64Array(cap);
      y.set(x);
      return y;
    };
    this.kind = i32(this.kind);
    this.a = i32(this.a);
    this.p = i32(this.p);
    this.opBase = i32(this.opBase);
    this.val = f64(this.val);
    this.depCount = i32(this.depCount);
    this.origin = i32(this.origin);
    this.mul = f64(this.mul);
    this.div = f64(this.div);
  }

  isChip(c: unknown): c is number {
    return Number.isInteger(c) && (c as number) >= 0 && (c as number) < this.topo.chips;
  }

  private route(src: number, dst: number): number {
    const key = src * this.topo.chips + dst;
    const known = this.routeKey.get(key);
    if (known !== undefined) return known;
    const path = this.topo.cachedRoute(src, dst);
    let minBw = Infinity;
    let lat = 0;
    for (let k = 0; k < path.length; k++) {
      const dl = path[k];
      this.routeLinks.push(dl);
      minBw = Math.min(minBw, this.topo.bandwidthGBps[dl >> 1]);
      lat += this.topo.latencyUs[dl >> 1];
    }
    this.routeOff.push(this.routeLinks.len);
    this.routeUsPerByte.push(path.length ? 1 / (minBw * BYTES_PER_US_PER_GBPS) : 0);
    this.routeLatencyUs.push(lat);
    this.routeSrc.push(src);
    this.routeDst.push(dst);
    const id = this.routeSrc.len - 1;
    this.routeKey.set(key, id);
    return id;
  }

  private hops(r: number): number {
    return this.routeOff.buf[r + 1] - this.routeOff.buf[r];
  }

  /** Starts a task; its deps are then added with dep(). */
  private begin(kind: number, origin: number, mul: number, div: number, label: string): number {
    const t = this.n++;
    if (t === this.kind.length) this.grow();
    // a, p, val and the dep count start at 0 (fresh columns)
    this.kind[t] = kind;
    this.opBase[t] = this.ops;
    this.origin[t] = origin;
    this.mul[t] = mul;
    this.div[t] = div;
    this.labels.push(label);
    return t;
  }
  dep(t: number, d: number): void {
    this.depIdx.push(d);
    this.depCount[t]++;
  }
  private end(): void {
    this.depOff.push(this.depIdx.len);
    if (this.ops > LIMITS.maxOps || this.n > LIMITS.maxTasks) throw REFUSED;
  }

  compute(chip: unknown, us: unknown, deps: ArrayLike<number>, origin: number, label: string): number {
    if (!this.isChip(chip) || !(typeof us === 'number' && us >= 0 && us <= LIMITS.maxDurationUs)) throw REFUSED;
    const t = this.begin(KIND_COMPUTE, origin, 1, 1, label);
    for (let k = 0; k < deps.length; k++) this.dep(t, deps[k]);
    this.a[t] = chip;
    this.val[t] = us;
    this.ops += 1;
    this.queue += 1;
    this.totalEvents += 1;
    this.end();
    return t;
  }

  /** A send of the current original task's value x mul / div, after the one task `dep`. */
  send(src: number, dst: number, mul: number, div: number, dep: number, label: string): number {
    this.oneDep[0] = dep; // no array per send
    return this.sendAfter(src, dst, expandedValue(this.fromValue, mul, div), this.oneDep, this.from, mul, div, label);
  }

  sendAfter(
    src: unknown,
    dst: unknown,
    bytes: unknown,
    deps: ArrayLike<number>,
    origin: number,
    mul: number,
    div: number,
    label: string,
  ): number {
    if (!this.isChip(src) || !this.isChip(dst) || !(typeof bytes === 'number' && bytes >= 0 && bytes <= LIMITS.maxBytes)) throw REFUSED;
    const t = this.begin(KIND_SEND, origin, mul, div, label);
    for (let k = 0; k < deps.length; k++) this.dep(t, deps[k]);
    const r = this.route(src, dst);
    this.a[t] = r;
    this.val[t] = bytes;
    this.ops += 1;
    this.queue += 1;
    this.totalEvents += this.hops(r);
    this.end();
    return t;
  }

  /** A no-op ending when all deps have (an expansion's join: a collective over one chip). */
  join(deps: ArrayLike<number>, label: string): number {
    const t = this.begin(KIND_NOOP, -1, 1, 1, label);
    for (let k = 0; k < deps.length; k++) this.dep(t, deps[k]);
    this.ops += 1;
    this.queue += 1;
    this.end();
    return t;
  }

  /** A ring collective (or a no-op over one chip), as lowerProgram lowers it. */
  ring(kind: 'allreduce' | 'allgather', chips: unknown, bytes: unknown, deps: ArrayLike<number>, origin: number, label: string): number {
    if (!Array.isArray(chips) || chips.length < 1 || chips.length > this.topo.chips) throw REFUSED;
    if (!(typeof bytes === 'number' && bytes >= 0 && bytes <= LIMITS.maxBytes)) throw REFUSED;
    const t = this.begin(KIND_NOOP, origin, 1, 1, label);
    for (let i = 0; i < chips.length; i++) {
      const c: unknown = chips[i];
      if (!this.isChip(c) || this.stamp[c] === t) throw REFUSED;
      this.stamp[c] = t;
    }
    for (let k = 0; k < deps.length; k++) this.dep(t, deps[k]);
    const p = chips.length;
    const code = kind === 'allreduce' ? KIND_ALLREDUCE : KIND_ALLGATHER;
    const steps = collectiveSteps(code, p);
    if (steps === 0) {
      this.ops += 1;
      this.queue += 1;
      this.end();
      return t;
    }
    this.kind[t] = code;
    this.p[t] = p;
    this.val[t] = code === KIND_ALLREDUCE ? bytes / p : bytes;
    this.a[t] = this.ringRoute.len;
    let ringHops = 0;
    for (let i = 0; i < p; i++) {
      const r = this.route(chips[i], chips[i + 1 === p ? 0 : i + 1]);
      this.ringRoute.push(r);
      ringHops += this.hops(r);
    }
    this.ops += steps * p;
    this.queue += p;
    this.totalEvents += steps * ringHops;
    this.end();
    return t;
  }

  finish(): FusedLowering {
    const n = this.n;
    const depOff = this.depOff.buf;
    const depIdx = this.depIdx.buf;
    const depLen = this.depIdx.len;
    const { succOff, succ } = successors(n, depOff, depIdx, depLen);
    return {
      low: {
        taskKind: this.kind.slice(0, n),
        taskA: this.a.slice(0, n),
        taskP: this.p.slice(0, n),
        taskOpBase: this.opBase.slice(0, n),
        taskVal: this.val.slice(0, n),
        taskDeps: this.depCount.slice(0, n),
        succOff,
        succ,
        ringRoute: this.ringRoute.done(),
        routeOff: this.routeOff.done(),
        routeLinks: this.routeLinks.done(),
        routeUsPerByte: this.routeUsPerByte.done(),
        routeLatencyUs: this.routeLatencyUs.done(),
        routeSrc: this.routeSrc.done(),
        routeDst: this.routeDst.done(),
        ops: this.ops,
        queue: this.queue,
        totalEvents: this.totalEvents,
      },
      labels: this.labels,
      origin: this.origin.slice(0, n),
      mul: this.mul.slice(0, n),
      div: this.div.slice(0, n),
    };
  }
}

/**
 * One direct exchange inside `group`, as collectives.ts writes it: in round k = 1..p-1 chip i
 * sends its share to chip i+k; then one join per chip after its `ready` and everything it received.
 */
function exchange(w: Lowerer, group: readonly number[], mul: number, div: number, ready: readonly number[], label: string): number[] {
  const p = group.length;
  const first = w.tasks;
  for (let k = 1; k < p; k++) for (let i = 0; i < p; i++) w.send(group[i], group[(i + k) % p], mul, div, ready[i], label);
  const received = `${label} (received)`;
  const joins: number[] = new Array<number>(p);
  const deps: number[] = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    deps[0] = ready[j];
    // round k's send to chip j came from chip j-k
    for (let k = 1; k < p; k++) deps[k] = first + (k - 1) * p + ((j - k + p) % p);
    joins[j] = w.join(deps, received);
  }
  return joins;
}

function direct(w: Lowerer, kind: Task['kind'], chips: readonly number[], start: number, label: string): number {
  const p = chips.length;
  const ready = chips.map(() => start);
  if (kind === 'allgather') return w.join(exchange(w, chips, 1, 1, ready, `${label} all-gather`), label);
  const rs = exchange(w, chips, 1, p, ready, `${label} reduce-scatter`);
  return w.join(exchange(w, chips, 1, p, rs, `${label} all-gather`), label);
}

/** As collectives.ts's hierarchical; null when the nodes are uneven (a ring then). */
function hierarchical(
  w: Lowerer,
  kind: Task['kind'],
  chips: readonly number[],
  start: number,
  label: string,
  chipsPerNode: number,
): number | null {
  const groups = nodeGroups(chips, chipsPerNode);
  if (!groups) return null;
  const g = groups[0].length;
  const N = groups.length;
  if (N === 1) return direct(w, kind, chips, start, label);
  let ready: number[][] = groups.map((x) => x.map(() => start));
  const across = (mul: number, div: number, text: string): void => {
    const next = groups.map((x) => x.map(() => -1));
    for (let j = 0; j < g; j++) {
      const done = exchange(
        w,
        groups.map((x) => x[j]),
        mul,
        div,
        groups.map((_, n) => ready[n][j]),
        text,
      );
      for (let n = 0; n < N; n++) next[n][j] = done[n];
    }
    ready = next;
  };
  const within = (mul: number, div: number, text: string): void => {
    ready = groups.map((x, n) => (g > 1 ? exchange(w, x, mul, div, ready[n], text) : ready[n]));
  };
  if (kind === 'allgather') {
    across(1, 1, `${label} all-gather across nodes`);
    within(N, 1, `${label} all-gather in node`);
  } else {
    within(1, g, `${label} reduce-scatter in node`);
    across(1, g * N, `${label} reduce-scatter across nodes`);
    across(1, g * N, `${label} all-gather across nodes`);
    within(1, g, `${label} all-gather in node`);
  }
  return w.join(ready.flat(), label);
}

/** True when `chips` is a list of distinct chip indices the expansion accepts. */
function cleanChips(w: Lowerer, chips: unknown, limit: number): chips is number[] {
  if (!Array.isArray(chips) || chips.length < 1 || chips.length > limit) return false;
  const seen = new Set<number>();
  for (const c of chips) {
    if (!w.isChip(c) || seen.has(c)) return false;
    seen.add(c);
  }
  return true;
}

/**
 * lowerProgram(topo, expandWithOrigins(program, topo.chips, chipsPerNode).program) with the
 * expansion's origins, in one pass; null when either step would throw.
 */
export function lowerFused(topo: BuiltTopology, program: Program, chipsPerNode: number): FusedLowering | null {
  const tasks: unknown = program?.tasks;
  if (!Array.isArray(tasks) || tasks.length > LIMITS.maxTasks) return null;
  const w = new Lowerer(topo);
  // an original id -> the lowered task a later task waits for
  const idOf = new Map<number, number>();
  const deps: number[] = [];
  try {
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t] as Task;
      if (task === null || typeof task !== 'object') return null;
      const id = task.id;
      if (!Number.isSafeInteger(id) || idOf.has(id) || !Array.isArray(task.deps)) return null;
      deps.length = 0;
      for (const d of task.deps) {
        const m = idOf.get(d);
        if (m === undefined) return null;
        deps.push(m);
      }
      const label = task.label;
      switch (task.kind) {
        case 'compute':
          idOf.set(id, w.compute(task.chip, task.durationUs, deps, t, label));
          break;
        case 'send':
          idOf.set(id, w.sendAfter(task.src, task.dst, task.bytes, deps, t, 1, 1, label));
          break;
        case 'allreduce':
        case 'allgather': {
          if (!expands(task)) {
            idOf.set(id, w.ring(task.kind, task.chips, task.bytes, deps, t, label));
            break;
          }
          const chips = task.chips;
          if (!isAlgorithm(task.algorithm) || !cleanChips(w, chips, topo.chips) || !(task.bytes >= 0)) return null;
          w.from = t;
          w.fromValue = task.bytes;
          // the start join carries the collective's deps, so each send has one dep
          const start = w.join(deps, `${label} (start)`);
          let end: number | null = start;
          if (chips.length > 1) {
            end =
              task.algorithm === 'direct'
                ? direct(w, task.kind, chips, start, label)
                : hierarchical(w, task.kind, chips, start, label, chipsPerNode);
          }
          end ??= w.ring(task.kind, chips, task.bytes, [start], t, label);
          idOf.set(id, end);
          break;
        }
        default:
          return null;
      }
    }
  } catch (e) {
    if (e === REFUSED) return null;
    throw e;
  }
  return w.finish();
}
