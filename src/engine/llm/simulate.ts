// simulateLlm: a Scenario in, both machines' results, the batch sweep and the roofline out.
import type { LlmResult } from '../types';
import type { Scenario } from '../../scenario/types';
import type { Interconnect } from './analyticNetwork';
import { resolveChip, resolveGpu } from './hardware';
import { resolveModel } from './models';
import { runLpu, type LpuInputs, type LpuRun } from './lpu';
import { runGpu, type GpuInputs, type GpuRun } from './gpu';
import { gpuSweepPoint, lpuSweepPoint, sweepBatches } from './sweep';
import { llmInputProblems } from './validate';
import { gpuShapeOf, shapeOf } from './shapes';
import { memoryNeed } from './memoryNeed';
import { kvFormula } from './workload';
import { speculationInputs } from './speculative';
import { disaggregate } from './disaggregated';

export function lpuInputs(s: Scenario): LpuInputs {
  const model = resolveModel(s.llm);
  return {
    model,
    shape: shapeOf(s),
    chip: resolveChip(s.lpu),
    chips: s.lpu.chips,
    topology: s.lpu.topology,
    speculation: speculationInputs(s.llm.speculative, model),
  };
}

export function gpuInputs(s: Scenario): GpuInputs {
  const model = resolveModel(s.llm);
  return {
    model,
    speculation: speculationInputs(s.llm.speculative, model),
    shape: gpuShapeOf(s),
    gpu: resolveGpu(s.gpu),
    gpus: s.gpu.gpus,
    tp: s.gpu.tp,
    seed: s.gpu.seed,
    stack: s.gpu.stack,
  };
}

/** Timeline events per machine the panels get by default (critical path first). */
export const LLM_PANEL_MAX_EVENTS = 4000;

export interface SimulateLlmOptions {
  /** Timeline events kept per machine's decode step (default LLM_PANEL_MAX_EVENTS; at most 20,000). */
  maxEvents?: number;
}

// Each machine's run depends only on its own inputs: a change to one machine's controls
// re-simulates that machine alone (the other's run is most of the time of a control change).
// Runs are pure, so the last one per machine is reused when its inputs are equal.
interface Memo<T> {
  key: string;
  net: Interconnect | null;
  run: T | null;
}
const lpuMemo: Memo<LpuRun> = { key: '', net: null, run: null };
const gpuMemo: Memo<GpuRun> = { key: '', net: null, run: null };

function lastRun<T>(memo: Memo<T>, inputs: object, net: Interconnect, run: () => T): T {
  const key = JSON.stringify(inputs);
  if (memo.run !== null && memo.net === net && memo.key === key) return memo.run;
  memo.run = run();
  memo.key = key;
  memo.net = net;
  return memo.run;
}

/** Where a run may stop early: after these phases the caller may abandon the generator. */
export type LlmPhase = 'validated' | 'sram-machine' | 'gpu' | 'sweep-half';

/**
 * simulateLlm in phases: yields at each phase boundary so a caller that runs it in a worker
 * can hand control back to its event loop there, hear that the run was superseded, and stop
 * (a run is pure: an abandoned one leaves nothing behind but the per-machine memo).
 * Throws (naming each bad field) when the scenario is invalid; a workload that does not fit is a result.
 */
export function* simulateLlmPhases(
  scenario: Scenario,
  net: Interconnect,
  options: SimulateLlmOptions = {},
): Generator<LlmPhase, LlmResult> {
  const invalid = llmInputProblems(scenario);
  if (invalid.length > 0) throw new Error(invalid.map((p) => p.message).join('; '));
  yield 'validated';
  const maxEvents = options.maxEvents ?? LLM_PANEL_MAX_EVENTS;
  const li: LpuInputs = { ...lpuInputs(scenario), maxEvents };
  const gi: GpuInputs = { ...gpuInputs(scenario), maxEvents };
  const lpu = lastRun(lpuMemo, li, net, () => runLpu(li, net));
  yield 'sram-machine';
  const gpu = lastRun(gpuMemo, gi, net, () => runGpu(gi, net));
  yield 'gpu';
  // The sweep keeps this scenario's machine (the chips and layout width it runs on) unless the
  // user chose the minimum machine per batch (sweep.ts); a machine that does not fit here has
  // no size to keep, so it is sized per batch.
  const fixed = scenario.llm.sweepMachine !== 'minimum';
  const ls: LpuInputs = fixed && lpu.result.fits ? { ...li, chips: lpu.result.chips } : li;
  const gs: GpuInputs = fixed && gpu.result.fits ? { ...gi, gpus: gpu.result.chips, tp: gpu.result.tensorParallel } : gi;
  const batches = sweepBatches();
  const sweep: LlmResult['sweep'] = [];
  for (let i = 0; i < batches.length; i++) {
    if (i === batches.length >> 1) yield 'sweep-half';
    sweep.push(lpuSweepPoint(ls, batches[i], lpu.commScale, lpu.sweepScale), gpuSweepPoint(gs, batches[i], gpu.commScale, gpu.sweepScale));
  }
  const memory = {
    lpu: lpu.result.fits ? null : memoryNeed(scenario, 'lpu', lpu.result.chips),
    gpu: gpu.result.fits ? null : memoryNeed(scenario, 'gpu', gpu.result.chips),
  };
  const model = resolveModel(scenario.llm);
  return {
    lpu: lpu.result,
    gpu: gpu.result,
    sweep,
    roofline: [...lpu.roofline, ...gpu.roofline],
    memoryNeed: memory,
    inputs: { llm: scenario.llm, lpu: scenario.lpu, gpu: scenario.gpu },
    modelName: model.name,
    kvFormula: kvFormula(model),
    disagg: disaggregate(scenario, model, lpu.result, gpu.result),
  };
}

/**
 * The whole run at once (CLI, tests, calibration). The returned results may be shared with a
 * later call (see lastRun): treat them as read-only.
 */
export function simulateLlm(scenario: Scenario, net: Interconnect, options: SimulateLlmOptions = {}): LlmResult {
  const run = simulateLlmPhases(scenario, net, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
