// Interconnect and LLM-model speed. Times the REAL decode steps the LLM model builds
// (src/engine/llm/benchCases.ts): Llama-2-70B on the ~576-chip system (int8 weights, 7 chips
// per layer, direct all-reduces inside nodes) and on the 10,440-chip dragonfly (128 chips per
// layer, hierarchical all-reduces). Wall time per simulate() call including lowering, TS -> wasm
// marshalling and result building (up to 20,000 timeline events); median of several runs after
// one warm-up (the program's structure is then lowered already: only its values are applied;
// decode*NewStructureMs times a structure lowered anew each call), plus the process CPU time per call (decode576CpuMs, decode10440CpuMs), which a
// loaded machine disturbs less. Also times the whole simulateLlm on the default scenario
// (simulateLlmDefaultMs, simulateLlmDefaultCpuMs) as the worker runs it.
import { loadWasmModule } from '../engine/wasmNode';
import { createInterconnect } from '../engine/interconnect';
import { buildLpuDecodeStepCase, LPU_STEP_CASES } from '../engine/llm/benchCases';
import { simulateLlm } from '../engine/llm/simulate';
import { DEFAULT_SCENARIO } from '../scenario/defaults';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall and CPU ms of `runs` calls after one warm-up. */
function time(runs: number, f: () => void): { wall: number; cpu: number } {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function runInterconnectBench(log: (line: string) => void): Promise<Record<string, number>> {
  const sim = createInterconnect(await loadWasmModule('interconnect'));
  const out: Record<string, number> = {};
  for (const [id, runs, key] of [
    ['llama-2-70b-576', 15, 'decode576Ms'],
    ['llama-2-70b-10440', 5, 'decode10440Ms'],
  ] as const) {
    const c = LPU_STEP_CASES[id];
    const step = buildLpuDecodeStepCase(c);
    const result = sim.simulate(step.spec, step.program);
    const t = time(runs, () => sim.simulate(step.spec, step.program));
    out[key] = t.wall;
    out[key.replace('Ms', 'CpuMs')] = t.cpu;
    // A structure the simulator has not lowered before (the first task's label differs each
    // call), so expansion and lowering run again: the cost of a new layout.
    let fresh = 0;
    const relabelled = () => ({ tasks: [{ ...step.program.tasks[0], label: `new structure ${fresh++}` }, ...step.program.tasks.slice(1)] });
    const cold = time(runs, () => sim.simulate(step.spec, relabelled()));
    out[key.replace('Ms', 'NewStructureMs')] = cold.wall;
    log(
      `interconnect: LPU decode step ${id} (${c.chips} chips, tp ${c.tp}, ${step.program.tasks.length} tasks): ` +
        `${t.wall.toFixed(1)} ms per simulation (median of ${runs}; CPU ${t.cpu.toFixed(1)} ms; ${cold.wall.toFixed(1)} ms for a structure not lowered before); simulated step ${result.stepUs.toFixed(1)} us, ` +
        `critical path ${result.computeUs.toFixed(1)} us compute + ${result.communicationUs.toFixed(1)} us communication`,
    );
  }
  // A batch change touches both machines, so neither reuses its last run: alternate batch 1
  // and 2 so every call simulates both, as the worker does after that control changes.
  const batches = [DEFAULT_SCENARIO, { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 2 } }];
  let call = 0;
  const t = time(6, () => simulateLlm(batches[call++ % 2], sim));
  out.simulateLlmDefaultMs = t.wall;
  out.simulateLlmDefaultCpuMs = t.cpu;
  log(
    `llm: simulateLlm(default scenario, batch alternating 1/2: both machines simulated) ${t.wall.toFixed(1)} ms (median of 6; CPU ${t.cpu.toFixed(1)} ms)`,
  );
  return out;
}
