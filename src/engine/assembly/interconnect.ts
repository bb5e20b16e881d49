// Discrete-event simulation of one statically scheduled step on a chip-to-chip network.
// The TS wrapper (src/engine/interconnect/simulator.ts) lowers a Program into flat arrays
// written straight into this module's memory; see docs/interconnect-model.md for the model.
//
// Everything is allocated once per run by `setup` (stub runtime: `heap.reset()` then bump
// allocation), so the hot loop never allocates. Arrays are raw pointers, read with load/store.

export function version(): i32 { return 2; }

// Task kinds (must match KIND_* in src/engine/interconnect/lowering.ts).
const KIND_COMPUTE: i32 = 0;
const KIND_SEND: i32 = 1;
const KIND_ALLREDUCE: i32 = 2;
const KIND_ALLGATHER: i32 = 3;
const KIND_NOOP: i32 = 4;

// Pointer table: slot order must match POINTER_SLOTS in lowering.ts.
const SLOTS: i32 = 32;
const table: usize = memory.data(SLOTS * 4);

let nTasks: i32 = 0;
let nOps: i32 = 0;
let nChips: i32 = 0;
let nDirLinks: i32 = 0;
let recordCap: i32 = 0;

// inputs
let taskKind: usize = 0; // i32[T]
let taskA: usize = 0; // i32[T]: chip (compute) | route (send) | start in ringRoute (collective)
let ringRoute: usize = 0; // i32[RR]: route of each ring position of each collective
let taskP: usize = 0; // i32[T]: ring size (collective)
let taskOpBase: usize = 0; // i32[T]
let taskVal: usize = 0; // f64[T]: duration us (compute) | bytes per op (transfers)
let taskDeps: usize = 0; // i32[T]: number of deps (consumed)
let succOff: usize = 0; // i32[T+1]
let succ: usize = 0; // i32[S]
let routeOff: usize = 0; // i32[R+1]
let routeLinks: usize = 0; // i32[RL]: directed link ids (2*link + dir)
let routeUsPerByte: usize = 0; // f64[R]: 1 / bottleneck bandwidth
let linkLat: usize = 0; // f64[DL/2]
// state
let chipFree: usize = 0; // f64[C]
let chipLast: usize = 0; // i32[C]
let linkFree: usize = 0; // f64[DL]
let linkLast: usize = 0; // i32[DL]
let taskReady: usize = 0; // f64[T]
let taskReadyPred: usize = 0; // i32[T]
let taskDone: usize = 0; // f64[T]
let taskDoneOp: usize = 0; // i32[T]
let taskOpsLeft: usize = 0; // i32[T]
let heapBase: usize = 0; // {f64 time, i32 op, i32 task}[Q]
// NF FIFOs of the same entries, each a ring buffer of keys appended in nondecreasing order
const NF: i32 = 4;
let fifoBase: usize = 0;
let fifoCap: i32 = 0;
// per FIFO: head i32, len i32, last op i32, pad, last time f64 (24 bytes)
const fifoState: usize = memory.data(NF * 24);
@inline function fHead(j: i32): i32 { return load<i32>(fifoState + <usize>j * 24); }
@inline function fLen(j: i32): i32 { return load<i32>(fifoState + <usize>j * 24, 4); }
@inline function fLastOp(j: i32): i32 { return load<i32>(fifoState + <usize>j * 24, 8); }
@inline function fLastTime(j: i32): f64 { return load<f64>(fifoState + <usize>j * 24, 16); }
@inline function fEntry(j: i32, slot: i32): usize { return fifoBase + ((<usize>j * <usize>fifoCap + <usize>slot) << 4); }
let hSize: i32 = 0;
// outputs
let linkBusy: usize = 0; // f64[DL]
let opEnd: usize = 0; // f64[O]
let opPred: usize = 0; // i32[O]
let record: usize = 0; // i32[recordCap]: ops in the order they were scheduled
let recordLen: i32 = 0;
let critical: usize = 0; // i32[critLen], from the last op back to the first
let critLen: i32 = 0;
let lastOp: i32 = -1; // op that ends last (lowest id on ties)

@inline function ldI(base: usize, i: i32): i32 { return load<i32>(base + (<usize>i << 2)); }
@inline function stI(base: usize, i: i32, v: i32): void { store<i32>(base + (<usize>i << 2), v); }
@inline function ldF(base: usize, i: i32): f64 { return load<f64>(base + (<usize>i << 3)); }
@inline function stF(base: usize, i: i32, v: f64): void { store<f64>(base + (<usize>i << 3), v); }

function alloc(slot: i32, bytes: i32): usize {
  // 8-byte aligned blocks (stub runtime aligns to 16), at least one word so pointers are distinct
  const p = heap.alloc(<usize>max(bytes, 8));
  store<u32>(table + (<usize>slot << 2), <u32>p);
  return p;
}

/** Allocates every array for one run; returns the pointer table (u32[SLOTS]). */
export function setup(
  tasks: i32, succCount: i32, routes: i32, routeLinkCount: i32, links: i32, chips: i32,
  ops: i32, queue: i32, cap: i32, ringRoutes: i32,
): usize {
  heap.reset();
  nTasks = tasks; nOps = ops; nChips = chips; nDirLinks = links * 2; recordCap = cap;
  taskKind = alloc(0, tasks << 2);
  taskA = alloc(1, tasks << 2);
  taskP = alloc(2, tasks << 2);
  taskOpBase = alloc(3, tasks << 2);
  taskVal = alloc(4, tasks << 3);
  taskDeps = alloc(5, tasks << 2);
  succOff = alloc(6, (tasks + 1) << 2);
  succ = alloc(7, succCount << 2);
  routeOff = alloc(8, (routes + 1) << 2);
  routeLinks = alloc(9, routeLinkCount << 2);
  routeUsPerByte = alloc(10, routes << 3);
  linkLat = alloc(11, links << 3);
  chipFree = alloc(12, chips << 3);
  chipLast = alloc(13, chips << 2);
  linkFree = alloc(14, nDirLinks << 3);
  linkLast = alloc(15, nDirLinks << 2);
  taskReady = alloc(16, tasks << 3);
  taskReadyPred = alloc(17, tasks << 2);
  taskDone = alloc(18, tasks << 3);
  taskDoneOp = alloc(19, tasks << 2);
  taskOpsLeft = alloc(20, tasks << 2);
  heapBase = alloc(21, queue << 4);
  // FIFOs are bounded (a full one is skipped; the heap takes any key), so memory stays small
  fifoCap = min(queue, 1 << 16);
  fifoBase = alloc(22, (fifoCap * NF) << 4);
  linkBusy = alloc(24, nDirLinks << 3);
  opEnd = alloc(25, ops << 3);
  opPred = alloc(26, ops << 2);
  record = alloc(27, cap << 2);
  store<u32>(table + (28 << 2), 0);
  ringRoute = alloc(29, ringRoutes << 2);
  return table;
}

// ---------------------------------------------------------------- event queue
// Binary min-heap on (time, op id): ties go to the earlier op, so the order is total and
// the schedule is the same on every run.

@inline function before(ta: f64, oa: i32, tb: f64, ob: i32): bool {
  return ta < tb || (ta == tb && oa < ob);
}

// Entries are 16 bytes: f64 time, i32 op, i32 task, so one compare touches one cache line.
@inline function hT(i: i32): f64 { return load<f64>(heapBase + (<usize>i << 4)); }
@inline function hO(i: i32): i32 { return load<i32>(heapBase + (<usize>i << 4), 8); }
@inline function hK(i: i32): i32 { return load<i32>(heapBase + (<usize>i << 4), 12); }
@inline function hSet(i: i32, time: f64, op: i32, task: i32): void {
  const p = heapBase + (<usize>i << 4);
  store<f64>(p, time);
  store<i32>(p, op, 8);
  store<i32>(p, task, 12);
}

function heapPush(time: f64, op: i32, task: i32): void {
  let i = hSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = hT(parent);
    const po = hO(parent);
    if (!before(time, op, pt, po)) break;
    hSet(i, pt, po, hK(parent));
    i = parent;
  }
  hSet(i, time, op, task);
}

/** Removes the heap root. */
function heapPopRoot(): void {
  const last = --hSize;
  if (last == 0) return;
  siftDown(hT(last), hO(last), hK(last), last);
}

/** Replaces the heap root by a new entry: one sift instead of a pop and a push. */
function heapReplaceTop(time: f64, op: i32, task: i32): void {
  siftDown(time, op, task, hSize);
}

function siftDown(t: f64, o: i32, k: i32, last: i32): void {
  let i = 0;
  while (true) {
    let c = (i << 1) + 1;
    if (c >= last) break;
    let ct = hT(c);
    let co = hO(c);
    const r = c + 1;
    if (r < last) {
      const rt = hT(r);
      const ro = hO(r);
      if (before(rt, ro, ct, co)) { c = r; ct = rt; co = ro; }
    }
    if (!before(ct, co, t, o)) break;
    hSet(i, ct, co, hK(c));
    i = c;
  }
  hSet(i, t, o, k);
}

// The ready queue is a binary heap plus NF sorted FIFOs. A key goes to the FIFO whose last
// key is the largest one not after it (so the FIFO stays sorted), else to an empty FIFO, else
// to the heap; the next op is the earliest of the NF + 1 heads. Ops finish "now + a duration"
// and a step has few distinct durations, so nearly all keys take the O(1) FIFO path. Pop
// order depends only on the (time, op) keys, so the schedule is that of a single heap.
let qTime: f64 = 0;
let qOp: i32 = 0;
let qTask: i32 = 0;
let qSrc: i32 = -1; // FIFO index, or -1 for the heap

function push(time: f64, op: i32, task: i32): void {
  let best = -1;
  let bestT: f64 = 0;
  let bestO: i32 = 0;
  let empty = -1;
  for (let j = 0; j < NF; j++) {
    const len = fLen(j);
    if (len == 0) {
      if (empty < 0) empty = j;
      continue;
    }
    if (len == fifoCap) continue;
    const lt = fLastTime(j);
    const lo = fLastOp(j);
    if (!before(time, op, lt, lo) && (best < 0 || before(bestT, bestO, lt, lo))) {
      best = j; bestT = lt; bestO = lo;
    }
  }
  if (best < 0) best = empty;
  if (best < 0 || fifoCap == 0) {
    heapPush(time, op, task);
    return;
  }
  const st = fifoState + <usize>best * 24;
  const len = load<i32>(st, 4);
  let slot = load<i32>(st) + len;
  if (slot >= fifoCap) slot -= fifoCap;
  const p = fEntry(best, slot);
  store<f64>(p, time);
  store<i32>(p, op, 8);
  store<i32>(p, task, 12);
  store<i32>(st, len + 1, 4);
  store<i32>(st, op, 8);
  store<f64>(st, time, 16);
}

/** Reads the earliest (time, op) into qTime, qOp, qTask without removing it; false when empty. */
function peek(): bool {
  let found = false;
  if (hSize > 0) {
    qTime = hT(0); qOp = hO(0); qTask = hK(0); qSrc = -1;
    found = true;
  }
  for (let j = 0; j < NF; j++) {
    if (fLen(j) == 0) continue;
    const p = fEntry(j, fHead(j));
    const ft = load<f64>(p);
    const fo = load<i32>(p, 8);
    if (!found || before(ft, fo, qTime, qOp)) {
      qTime = ft; qOp = fo; qTask = load<i32>(p, 12); qSrc = j;
      found = true;
    }
  }
  return found;
}

/** Removes the entry `peek` read. */
function removePeeked(): void {
  if (qSrc < 0) {
    heapPopRoot();
  } else {
    const st = fifoState + <usize>qSrc * 24;
    let head = load<i32>(st) + 1;
    if (head == fifoCap) head = 0;
    store<i32>(st, head);
    store<i32>(st, load<i32>(st, 4) - 1, 4);
  }
}

// ---------------------------------------------------------------- tasks

function startTask(t: i32): void {
  const ready = ldF(taskReady, t);
  const pred = ldI(taskReadyPred, t);
  const base = ldI(taskOpBase, t);
  const kind = ldI(taskKind, t);
  if (kind == KIND_ALLREDUCE || kind == KIND_ALLGATHER) {
    const p = ldI(taskP, t);
    stI(taskOpsLeft, t, p);
    for (let i = 0; i < p; i++) {
      stI(opPred, base + i, pred);
      push(ready, base + i, t);
    }
  } else {
    stI(taskOpsLeft, t, 1);
    stI(opPred, base, pred);
    push(ready, base, t);
  }
}

function completeTask(t: i32): void {
  const done = ldF(taskDone, t);
  const doneOp = ldI(taskDoneOp, t);
  const a = ldI(succOff, t);
  const b = ldI(succOff, t + 1);
  for (let k = a; k < b; k++) {
    const s = ldI(succ, k);
    if (done > ldF(taskReady, s) || ldI(taskReadyPred, s) < 0) {
      stF(taskReady, s, done);
      stI(taskReadyPred, s, doneOp);
    }
    const left = ldI(taskDeps, s) - 1;
    stI(taskDeps, s, left);
    if (left == 0) startTask(s);
  }
}

/** Ends one op of task t at `end`; the task completes when its last op does. */
function finishOp(t: i32, op: i32, end: f64): void {
  if (end > ldF(taskDone, t) || ldI(taskDoneOp, t) < 0) {
    stF(taskDone, t, end);
    stI(taskDoneOp, t, op);
  }
  const left = ldI(taskOpsLeft, t) - 1;
  stI(taskOpsLeft, t, left);
  if (left == 0) completeTask(t);
}

/**
 * Runs the simulation over the arrays filled by the caller; returns the makespan (us).
 * Inputs consumed: taskDeps (counts down). Outputs: opEnd, opPred, linkBusy, record.
 */
export function run(): f64 {
  for (let c = 0; c < nChips; c++) { stF(chipFree, c, 0); stI(chipLast, c, -1); }
  for (let l = 0; l < nDirLinks; l++) { stF(linkFree, l, 0); stI(linkLast, l, -1); stF(linkBusy, l, 0); }
  for (let t = 0; t < nTasks; t++) {
    stF(taskReady, t, 0); stI(taskReadyPred, t, -1);
    stF(taskDone, t, 0); stI(taskDoneOp, t, -1);
  }
  hSize = 0;
  memory.fill(fifoState, 0, NF * 24);
  recordLen = 0;
  for (let t = 0; t < nTasks; t++) if (ldI(taskDeps, t) == 0) startTask(t);

  let makespan: f64 = -1;
  lastOp = -1;
  while (peek()) {
    const time = qTime;
    const op = qOp;
    const t = qTask;
    const kind = ldI(taskKind, t);
    // A collective step that only hands on to the next step keeps its queue slot until then
    // (replace-top); anything else leaves the queue now, before it may push other ops.
    let deferred = false;
    let p = 1;
    let step = 0;
    let pos = 0;
    let steps = 0;
    if (kind == KIND_ALLREDUCE || kind == KIND_ALLGATHER) {
      p = ldI(taskP, t);
      steps = kind == KIND_ALLREDUCE ? 2 * (p - 1) : p - 1;
      const local = op - ldI(taskOpBase, t);
      step = local / p;
      pos = local - step * p;
      deferred = step + 1 < steps;
    }
    if (!deferred) removePeeked();
    let pred = ldI(opPred, op);
    let end = time;
    if (kind == KIND_COMPUTE) {
      const chip = ldI(taskA, t);
      let start = time;
      const free = ldF(chipFree, chip);
      if (free > start) { start = free; pred = ldI(chipLast, chip); }
      end = start + ldF(taskVal, t);
      stF(chipFree, chip, end);
      stI(chipLast, chip, op);
    } else if (kind != KIND_NOOP) {
      let route = ldI(taskA, t);
      if (kind != KIND_SEND) route = ldI(ringRoute, route + pos);
      const a = ldI(routeOff, route);
      const b = ldI(routeOff, route + 1);
      const ser = ldF(taskVal, t) * ldF(routeUsPerByte, route);
      // Cut-through: the head reaches link k after the latencies of links 0..k-1; every link
      // of the route carries the message for `ser` at the bottleneck rate. Start when all are free.
      let start = time;
      let off: f64 = 0;
      for (let k = a; k < b; k++) {
        const dl = ldI(routeLinks, k);
        const f = ldF(linkFree, dl) - off;
        if (f > start) { start = f; pred = ldI(linkLast, dl); }
        off += ldF(linkLat, dl >> 1);
      }
      off = 0;
      for (let k = a; k < b; k++) {
        const dl = ldI(routeLinks, k);
        stF(linkFree, dl, start + off + ser);
        stI(linkLast, dl, op);
        stF(linkBusy, dl, ldF(linkBusy, dl) + ser);
        off += ldF(linkLat, dl >> 1);
      }
      end = b > a ? start + off + ser : time;
      if (kind != KIND_SEND) {
        stF(opEnd, op, end);
        stI(opPred, op, pred);
        if (recordLen < recordCap) stI(record, recordLen++, op);
        if (end > makespan || (end == makespan && op < lastOp)) { makespan = end; lastOp = op; }
        if (deferred) {
          // ring position i+1 forwards what it received from i at the next step
          const next = op + (pos + 1 == p ? 1 : p + 1);
          stI(opPred, next, op);
          // pop order depends only on keys, so which structure holds an entry does not matter
          if (qSrc < 0) {
            heapReplaceTop(end, next, t);
          } else {
            removePeeked();
            push(end, next, t);
          }
        } else {
          finishOp(t, op, end);
        }
        continue;
      }
    }
    stF(opEnd, op, end);
    stI(opPred, op, pred);
    if (recordLen < recordCap) stI(record, recordLen++, op);
    if (end > makespan || (end == makespan && op < lastOp)) { makespan = end; lastOp = op; }
    finishOp(t, op, end);
  }
  return max(makespan, 0);
}

/** Ops that ran; fewer than nOps means some task never became ready (cannot happen for a DAG). */
export function recordedCount(): i32 { return recordLen; }

/**
 * Walks the critical path back from the op that ends last (lowest id on ties) and writes
 * it into a new buffer (pointer in table slot 28). Call after `run`; may grow memory.
 */
export function criticalPath(): i32 {
  const last = lastOp;
  let n = 0;
  for (let o = last; o >= 0; o = ldI(opPred, o)) n++;
  critical = alloc(28, n << 2);
  critLen = n;
  let i = 0;
  for (let o = last; o >= 0; o = ldI(opPred, o)) stI(critical, i++, o);
  return n;
}
