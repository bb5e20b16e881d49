import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '../wasmNode';
import { createInterconnect } from './simulator';
import { createLoweringCache } from './loweringCache';
import { buildTopology } from './topologies';
import type { Program, Task } from './program';
import { spec } from './testNetworks';

let wasm: WebAssembly.Module;
beforeAll(async () => {
  wasm = await loadWasmModule('interconnect');
});

const SPEC = spec('dragonfly', 32, { chipsPerNode: 8 });
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

/** A step with every kind of task and collective algorithm; `k` scales its bytes and durations. */
function step(k: number, label = 'layer'): Program {
  const tasks: Task[] = [
    { kind: 'compute', id: 0, chip: 0, durationUs: 3 * k, deps: [], label: `${label} matmul` },
    { kind: 'allreduce', id: 1, chips: range(8), bytes: 1.1e5 * k, deps: [0], label: 'ar direct', algorithm: 'direct' },
    { kind: 'allreduce', id: 2, chips: range(16), bytes: 7.7e5 * k, deps: [1], label: 'ar hier', algorithm: 'hierarchical' },
    { kind: 'allgather', id: 3, chips: range(16, 8), bytes: 3.3e4 * k, deps: [2], label: 'ag hier', algorithm: 'hierarchical' },
    { kind: 'allreduce', id: 4, chips: [0, 9, 17], bytes: 5e4 * k, deps: [3], label: 'ar ring' },
    { kind: 'send', id: 5, src: 3, dst: 30, bytes: 9e3 * k, deps: [4], label: 'send' },
    { kind: 'allgather', id: 6, chips: [5], bytes: 10 * k, deps: [5], label: 'one chip' },
    { kind: 'compute', id: 7, chip: 30, durationUs: 1.7 * k, deps: [6], label: 'head' },
  ];
  return { tasks };
}

describe('the lowering cache', () => {
  it('a program of a known structure with new values gives exactly the result a fresh simulator gives', () => {
    const warm = createInterconnect(wasm);
    warm.simulate(SPEC, step(1));
    for (const k of [2, 0.37, 1e3]) {
      expect(warm.simulate(SPEC, step(k))).toEqual(createInterconnect(wasm).simulate(SPEC, step(k)));
    }
  });

  it('reuses a structure only when it is the same: new values reuse it, a new dep, chip or label does not', () => {
    const lower = createLoweringCache(4);
    const topo = buildTopology(SPEC);
    const first = lower(topo, step(1), 8);
    expect(lower(topo, step(5), 8)).toBe(first);
    const otherDep = step(1);
    otherDep.tasks[7].deps = [5, 6];
    const otherChip = step(1);
    (otherChip.tasks[1] as { chips: number[] }).chips = range(8, 1);
    for (const p of [otherDep, otherChip, step(1, 'prefill')]) expect(lower(topo, p, 8)).not.toBe(first);
    expect(lower(topo, step(1, 'prefill'), 8).labels[0]).toBe('prefill matmul');
    // another topology (even of the same spec) never shares a structure
    expect(lower(buildTopology(SPEC), step(1), 8)).not.toBe(first);
  });

  it('keeps its own copy: changing a program after it was simulated does not change the next result', () => {
    const warm = createInterconnect(wasm);
    const p = step(1);
    warm.simulate(SPEC, p);
    p.tasks[5] = { ...p.tasks[5], deps: [0] } as Task;
    expect(warm.simulate(SPEC, step(1))).toEqual(createInterconnect(wasm).simulate(SPEC, step(1)));
  });

  it('a value lowering refuses is refused with the same message on a cached structure', () => {
    const warm = createInterconnect(wasm);
    warm.simulate(SPEC, step(1));
    for (const bad of [step(1e9), step(-1), step(Number.NaN)]) {
      let fresh = '';
      try {
        createInterconnect(wasm).simulate(SPEC, bad);
      } catch (e) {
        fresh = (e as Error).message;
      }
      expect(fresh).toMatch(/program\.tasks\[\d+\]\.(bytes|durationUs)/);
      expect(() => warm.simulate(SPEC, bad)).toThrow(fresh);
    }
    // and the cache still answers good programs exactly afterwards
    expect(warm.simulate(SPEC, step(3))).toEqual(createInterconnect(wasm).simulate(SPEC, step(3)));
  });
});
