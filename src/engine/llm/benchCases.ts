// Building blocks the bench times: the decode-step programs of large SRAM systems.
import type { ModelId, Precision, Topology } from '../../scenario/types';
import type { NetworkResult } from '../types';
import type { Interconnect } from './analyticNetwork';
import { LPU_CHIP } from './hardware';
import { MODELS } from './models';
import { buildLpuDecodeStep, layoutLpu, type LpuInputs } from './lpu';
import type { BuiltStep } from './programs';

export interface LpuStepCase {
  model: ModelId;
  chips: number;
  /** Tensor-parallel degree pinned so the layout spreads over the system. */
  tp: number;
  weights: Precision;
  batch: number;
  prompt: number;
  output: number;
  topology: Topology;
}

/** The ~576-chip Llama-2-70B system (int8 weights, 7 chips per layer) and the ISCA 2022 10,440-chip system. */
export const LPU_STEP_CASES = {
  'llama-2-70b-576': {
    model: 'llama-2-70b',
    chips: 576,
    tp: 7,
    weights: 'int8',
    batch: 1,
    prompt: 1024,
    output: 256,
    topology: 'dragonfly',
  },
  'llama-2-70b-10440': {
    model: 'llama-2-70b',
    chips: 10440,
    tp: 128,
    weights: 'fp16',
    batch: 1,
    prompt: 1024,
    output: 256,
    topology: 'dragonfly',
  },
} as const satisfies Record<string, LpuStepCase>;

function inputsOf(c: LpuStepCase): LpuInputs {
  return {
    model: MODELS[c.model],
    chip: LPU_CHIP,
    chips: c.chips,
    topology: c.topology,
    tp: c.tp,
    shape: { batch: c.batch, prompt: c.prompt, output: c.output, weights: c.weights, activations: 'fp16', kv: 'fp16' },
  };
}

/** The spec and program of one decode step of a case (build once, simulate many times). */
export function buildLpuDecodeStepCase(c: LpuStepCase): BuiltStep {
  const i = inputsOf(c);
  const layout = layoutLpu(i);
  if (!layout.fits) throw new Error(`bench case ${c.model} on ${c.chips} chips does not fit: ${layout.message ?? ''}`);
  return buildLpuDecodeStep(i, layout);
}

/** One simulated decode step of a case. */
export function decodeStepLpu(net: Interconnect, c: LpuStepCase): NetworkResult {
  const b = buildLpuDecodeStepCase(c);
  return net.simulate(b.spec, b.program);
}
