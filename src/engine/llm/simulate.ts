// simulateLlm: a Scenario in, both machines' results, the batch sweep and the roofline out.
import type { LlmResult } from '../types';
import type { Scenario } from '../../scenario/types';
import type { Interconnect } from './analyticNetwork';
import { resolveChip, resolveGpu } from './hardware';
import { resolveModel } from './models';
import type { Shape } from './partition';
import { runLpu, type LpuInputs } from './lpu';
import { runGpu, type GpuInputs } from './gpu';
import { gpuSweepPoint, lpuSweepPoint, sweepBatches } from './sweep';
import { validateLlmInputs } from './validate';

export function shapeOf(s: Scenario): Shape {
  const { batch, prompt, output, weights, activations, kv } = s.llm;
  return { batch, prompt, output, weights, activations, kv };
}

export function lpuInputs(s: Scenario): LpuInputs {
  return { model: resolveModel(s.llm), shape: shapeOf(s), chip: resolveChip(s.lpu), chips: s.lpu.chips, topology: s.lpu.topology };
}

export function gpuInputs(s: Scenario): GpuInputs {
  return { model: resolveModel(s.llm), shape: shapeOf(s), gpu: resolveGpu(s.gpu), gpus: s.gpu.gpus, tp: s.gpu.tp, seed: s.gpu.seed };
}

/** Timeline events per machine the panels get by default (critical path first). */
export const LLM_PANEL_MAX_EVENTS = 4000;

export interface SimulateLlmOptions {
  /** Timeline events kept per machine's decode step (default LLM_PANEL_MAX_EVENTS; at most 20,000). */
  maxEvents?: number;
}

/** Throws (naming each bad field) when the scenario is invalid; a workload that does not fit is a result. */
export function simulateLlm(scenario: Scenario, net: Interconnect, options: SimulateLlmOptions = {}): LlmResult {
  const invalid = validateLlmInputs(scenario).filter((p) => p.kind === 'invalid');
  if (invalid.length > 0) throw new Error(invalid.map((p) => p.message).join('; '));
  const maxEvents = options.maxEvents ?? LLM_PANEL_MAX_EVENTS;
  const li: LpuInputs = { ...lpuInputs(scenario), maxEvents };
  const gi: GpuInputs = { ...gpuInputs(scenario), maxEvents };
  const lpu = runLpu(li, net);
  const gpu = runGpu(gi, net);
  // The sweep keeps a machine size the scenario gives; a size left to the model (null) is
  // re-chosen per batch, the smallest that holds it (see sweep.ts).
  const lpuFixed: typeof li = li;
  const gpuFixed: typeof gi = gi;
  const sweep = sweepBatches().flatMap((b) => [
    lpuSweepPoint(lpuFixed, b, lpu.commScale),
    gpuSweepPoint(gpuFixed, b, gpu.commScale, gpu.jitter.p50),
  ]);
  return { lpu: lpu.result, gpu: gpu.result, sweep, roofline: [...lpu.roofline, ...gpu.roofline] };
}
