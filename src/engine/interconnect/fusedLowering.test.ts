// The one-pass lowering must give exactly what expanding and then lowering give, on the real
// programs the LLM model builds and on every kind of task, and hand back what they would refuse.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '../wasmNode';
import { createInterconnect } from './simulator';
import { lowerFused } from './fusedLowering';
import { lowerInTwoSteps } from './loweringCache';
import { buildTopology } from './topologies';
import type { NetworkSpec, Program, Task } from './program';
import { spec } from './testNetworks';
import { simulateLlm } from '../llm/simulate';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';
import type { Scenario } from '../../scenario/types';

let wasm: WebAssembly.Module;
beforeAll(async () => {
  wasm = await loadWasmModule('interconnect');
});

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

function expectSame(s: NetworkSpec, program: Program): void {
  const topo = buildTopology(s);
  const fused = lowerFused(topo, program, s.chipsPerNode);
  expect(fused).not.toBeNull();
  expect(fused).toEqual(lowerInTwoSteps(topo, program, s.chipsPerNode));
}

/** Every program a scenario's simulateLlm hands the simulator, with its spec. */
function programsOf(scenario: Scenario): [NetworkSpec, Program][] {
  const seen: [NetworkSpec, Program][] = [];
  const sim = createInterconnect(wasm);
  simulateLlm(scenario, {
    simulate: (s, p, o) => {
      seen.push([s, p]);
      return sim.simulate(s, p, o);
    },
  });
  return seen;
}

const scenario = (edit: (s: Scenario) => void): Scenario => {
  const s = cloneScenario(DEFAULT_SCENARIO);
  edit(s);
  return s;
};

describe('the one-pass lowering', () => {
  const cases: [string, (s: Scenario) => void][] = [
    ['default', () => {}],
    ['prompt 2048 (a new layout)', (s) => void (s.llm.prompt = 2048)],
    ['batch 64 (a new layout, 4 GPUs)', (s) => void ((s.llm.batch = 64), (s.llm.prompt = 2048))],
    ['torus', (s) => void (s.lpu.topology = 'torus2d')],
    ['fully connected', (s) => void (s.lpu.topology = 'fully-connected')],
    ['ring, 8 GPUs', (s) => void ((s.lpu.topology = 'ring'), (s.gpu.gpus = 8))],
    ['16 GPUs over two nodes, a small model', (s) => void ((s.llm.model = 'llama-2-7b'), (s.gpu.gpus = 16), (s.gpu.tp = 8))],
  ];
  it.each(cases)('gives exactly the two-step lowering of every program the LLM model builds: %s', (_, edit) => {
    const programs = programsOf(scenario(edit));
    expect(programs.length).toBeGreaterThanOrEqual(2);
    for (const [s, p] of programs) expectSame(s, p);
  });

  it('gives exactly the two-step lowering of every kind of task and algorithm, uneven nodes and sparse ids included', () => {
    const s = spec('dragonfly', 32, { chipsPerNode: 8 });
    const tasks: Task[] = [
      { kind: 'compute', id: 10, chip: 0, durationUs: 3, deps: [], label: 'matmul' },
      { kind: 'allreduce', id: 4, chips: range(8), bytes: 1.1e5, deps: [10], label: 'ar direct', algorithm: 'direct' },
      { kind: 'allgather', id: 7, chips: [3, 1, 2], bytes: 1.7e3, deps: [4, 10], label: 'ag direct', algorithm: 'direct' },
      { kind: 'allreduce', id: 2, chips: range(16), bytes: 7.7e5, deps: [7], label: 'ar hier', algorithm: 'hierarchical' },
      { kind: 'allgather', id: 3, chips: range(24, 8), bytes: 3.3e4, deps: [2], label: 'ag hier', algorithm: 'hierarchical' },
      { kind: 'allreduce', id: 5, chips: [0, 1, 8], bytes: 9e4, deps: [3], label: 'uneven nodes', algorithm: 'hierarchical' },
      { kind: 'allreduce', id: 6, chips: [0, 9, 17], bytes: 5e4, deps: [5], label: 'ar ring' },
      { kind: 'allgather', id: 8, chips: [4], bytes: 10, deps: [6], label: 'one chip', algorithm: 'direct' },
      { kind: 'send', id: 9, src: 3, dst: 30, bytes: 9e3, deps: [8, 8], label: 'send' },
      { kind: 'allgather', id: 11, chips: [5], bytes: 10, deps: [9], label: 'one chip ring' },
      { kind: 'compute', id: 12, chip: 30, durationUs: 1.7, deps: [11], label: 'head' },
    ];
    expectSame(s, { tasks });
    // with no collective to expand, the program is lowered as it is
    expectSame(s, { tasks: tasks.filter((t) => !('algorithm' in t)).map((t) => ({ ...t, deps: [] })) });
  });

  it('hands back (null) every program either step refuses, so their error names the field', () => {
    const s = spec('dragonfly', 32, { chipsPerNode: 8 });
    const topo = buildTopology(s);
    const ok = (): Task[] => [
      { kind: 'compute', id: 0, chip: 0, durationUs: 3, deps: [], label: 'c' },
      { kind: 'allreduce', id: 1, chips: range(8), bytes: 1e5, deps: [0], label: 'ar', algorithm: 'direct' },
    ];
    const edits: ((t: Task[]) => void)[] = [
      (t) => ((t[0] as { chip: number }).chip = 32),
      (t) => ((t[0] as { durationUs: number }).durationUs = -1),
      (t) => ((t[1] as { chips: number[] }).chips = [0, 1, 1]),
      (t) => ((t[1] as { algorithm: string }).algorithm = 'tree'),
      (t) => ((t[1] as { bytes: number }).bytes = 1e15), // each send's share is beyond the limit
      (t) => ((t[1] as { bytes: number }).bytes = Number.NaN),
      (t) => (t[1].deps = [1]),
      (t) => (t[1].id = 0),
      (t) => ((t[1] as { kind: string }).kind = 'broadcast'),
      (t) => t.push({ kind: 'allreduce', id: 2, chips: [0, 0], bytes: 1, deps: [], label: 'ring repeats' }),
    ];
    expect(lowerFused(topo, { tasks: ok() }, 8)).not.toBeNull();
    for (const edit of edits) {
      const tasks = ok();
      edit(tasks);
      expect(lowerFused(topo, { tasks }, 8)).toBeNull();
      expect(() => lowerInTwoSteps(topo, { tasks }, 8)).toThrow(/program/);
    }
  });
});
