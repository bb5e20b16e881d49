// The wasm event loop against a plain, slow TypeScript reference of the same model
// (docs/interconnect-model.md): ops popped by linear scan in (ready time, op id) order,
// chips and link directions served FIFO, cut-through transfers, ring collectives.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '../wasmNode';
import type { NetworkSpec, Program, Task } from './program';
import { createInterconnect, type Interconnect } from './simulator';
import { spec } from './testNetworks';
import { buildTopology } from './topologies';

let sim: Interconnect;
beforeAll(async () => {
  sim = createInterconnect(await loadWasmModule('interconnect'));
});

interface RefOp {
  task: number;
  kind: 'compute' | 'transfer' | 'noop';
  chip: number;
  duration: number;
  src: number;
  dst: number;
  bytes: number;
  next: number; // following op of a ring collective, or -1
  ready: number;
  waiting: boolean;
}

function reference(netSpec: NetworkSpec, program: Program): number {
  const topo = buildTopology(netSpec);
  const ops: RefOp[] = [];
  const first: number[][] = [];
  const lastCount: number[] = [];
  program.tasks.forEach((task, t) => {
    const base = ops.length;
    const blank = { task: t, chip: 0, duration: 0, src: 0, dst: 0, bytes: 0, next: -1, ready: 0, waiting: false };
    if (task.kind === 'compute') {
      ops.push({ ...blank, kind: 'compute', chip: task.chip, duration: task.durationUs });
      first.push([base]);
      lastCount.push(1);
    } else if (task.kind === 'send') {
      ops.push({ ...blank, kind: 'transfer', src: task.src, dst: task.dst, bytes: task.bytes });
      first.push([base]);
      lastCount.push(1);
    } else {
      const p = task.chips.length;
      const steps = p < 2 ? 0 : task.kind === 'allreduce' ? 2 * (p - 1) : p - 1;
      if (steps === 0) {
        ops.push({ ...blank, kind: 'noop' });
        first.push([base]);
        lastCount.push(1);
        return;
      }
      const chunk = task.kind === 'allreduce' ? task.bytes / p : task.bytes;
      for (let s = 0; s < steps; s++)
        for (let i = 0; i < p; i++)
          ops.push({
            ...blank,
            kind: 'transfer',
            src: task.chips[i],
            dst: task.chips[(i + 1) % p],
            bytes: chunk,
            next: s + 1 < steps ? base + (s + 1) * p + ((i + 1) % p) : -1,
          });
      first.push(Array.from({ length: p }, (_, i) => base + i));
      lastCount.push(p);
    }
  });
  const depsLeft = program.tasks.map((t) => t.deps.length);
  const taskReady = program.tasks.map(() => 0);
  const opsLeft = [...lastCount];
  const done: number[] = [];
  const index = new Map(program.tasks.map((t, i) => [t.id, i]));
  const succ: number[][] = program.tasks.map(() => []);
  program.tasks.forEach((t, i) => t.deps.forEach((d) => succ[index.get(d)!].push(i)));
  const chipFree = new Map<number, number>();
  const linkFree = new Map<number, number>();
  const start = (t: number): void => first[t].forEach((o) => ((ops[o].ready = taskReady[t]), (ops[o].waiting = true)));
  program.tasks.forEach((_, t) => depsLeft[t] === 0 && start(t));
  let makespan = 0;
  for (;;) {
    let o = -1;
    for (let k = 0; k < ops.length; k++) if (ops[k].waiting && (o < 0 || ops[k].ready < ops[o].ready)) o = k;
    if (o < 0) break;
    const op = ops[o];
    op.waiting = false;
    let end = op.ready;
    if (op.kind === 'compute') {
      end = Math.max(op.ready, chipFree.get(op.chip) ?? 0) + op.duration;
      chipFree.set(op.chip, end);
    } else if (op.kind === 'transfer') {
      const route = topo.cachedRoute(op.src, op.dst);
      if (route.length > 0) {
        let minBw = Infinity;
        for (const dl of route) minBw = Math.min(minBw, topo.bandwidthGBps[dl >> 1]);
        const ser = op.bytes / (minBw * 1e3);
        let s = op.ready;
        let off = 0;
        for (const dl of route) {
          s = Math.max(s, (linkFree.get(dl) ?? 0) - off);
          off += topo.latencyUs[dl >> 1];
        }
        off = 0;
        for (const dl of route) {
          linkFree.set(dl, s + off + ser);
          off += topo.latencyUs[dl >> 1];
        }
        end = s + off + ser;
      }
    }
    makespan = Math.max(makespan, end);
    if (op.next >= 0) {
      ops[op.next].ready = end;
      ops[op.next].waiting = true;
      continue;
    }
    done[op.task] = Math.max(done[op.task] ?? 0, end);
    if (--opsLeft[op.task] > 0) continue;
    for (const s of succ[op.task]) {
      taskReady[s] = Math.max(taskReady[s], done[op.task]);
      if (--depsLeft[s] === 0) start(s);
    }
  }
  return makespan;
}

/** Small deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomProgram(seed: number, chips: number, n: number): Program {
  const r = rng(seed);
  const pick = (k: number): number => Math.floor(r() * k);
  const tasks: Task[] = [];
  for (let id = 0; id < n; id++) {
    const deps = id === 0 ? [] : Array.from(new Set(Array.from({ length: pick(3) }, () => pick(id))));
    const kind = r();
    if (kind < 0.4) tasks.push({ kind: 'compute', id, chip: pick(chips), durationUs: 1 + pick(20), deps, label: 'c' });
    else if (kind < 0.8)
      tasks.push({ kind: 'send', id, src: pick(chips), dst: pick(chips), bytes: 1000 * (1 + pick(500)), deps, label: 's' });
    else {
      const all = Array.from({ length: chips }, (_, i) => i).sort(() => r() - 0.5);
      tasks.push({
        kind: r() < 0.5 ? 'allreduce' : 'allgather',
        id,
        chips: all.slice(0, 1 + pick(Math.min(chips, 9))),
        bytes: 1000 * (1 + pick(200)),
        deps,
        label: 'k',
      });
    }
  }
  return { tasks };
}

describe('wasm simulation equals the reference model', () => {
  const networks: NetworkSpec[] = [
    spec('ring', 6, { hopLatencyUs: 0.5 }),
    spec('torus2d', 12, { hopLatencyUs: 0.3 }),
    spec('fully-connected', 5),
    spec('dragonfly', 24, { chipsPerNode: 4, globalLinksPerChip: 1, globalBandwidthGBps: 25 }),
    spec('nvswitch', 16, { linkBandwidthGBps: 450, globalLinksPerChip: 1, globalBandwidthGBps: 50 }),
  ];
  for (const net of networks) {
    it.each([1, 2, 3, 4])(`${net.topology}, random program %i`, (seed) => {
      const program = randomProgram(seed * 7919 + net.chips, net.chips, 60);
      const ref = reference(net, program);
      const got = sim.simulate(net, program);
      expect(got.stepUs).toBeGreaterThan(0);
      expect(got.stepUs).toBeCloseTo(ref, 9);
    });
  }
});

describe('wasm simulation equals the reference model under heavy queueing', () => {
  it('300 tasks, few deps, on a 12-chip torus', () => {
    const net = spec('torus2d', 12, { hopLatencyUs: 0.25 });
    const program = randomProgram(4242, 12, 300);
    expect(sim.simulate(net, program).stepUs).toBeCloseTo(reference(net, program), 9);
  });
});
