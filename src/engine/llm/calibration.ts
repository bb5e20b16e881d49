// Published measurements the model is checked against, and the modelled value for each.
// The fitted factors live in the presets (hardware.ts) and scenario overrides can change
// them; docs/calibration.md says how they were chosen.
import type { CalibrationRow } from '../types';
import type { GpuId, LlmWorkload, ModelId, Topology } from '../../scenario/types';
import type { Interconnect } from './analyticNetwork';
import { GPUS, LPU_CHIP } from './hardware';
import { MODELS } from './models';
import { runGpu } from './gpu';
import { runLpu } from './lpu';
import type { Shape } from './partition';

export interface CalibrationCase {
  id: string;
  description: string;
  source: string;
  metric: CalibrationRow['metric'];
  published: number;
  tolerance: number;
  model: ModelId;
  shape: Shape;
  machine: { kind: 'gpu'; gpu: GpuId; gpus: number; tp: number; collective: 'ring' | 'direct' } | { kind: 'lpu'; chips: number; topology: Topology; tp?: number };
}

const f16 = { weights: 'bf16', activations: 'bf16', kv: 'bf16' } as const satisfies Pick<LlmWorkload, 'weights' | 'activations' | 'kv'>;

export const CALIBRATION_CASES: CalibrationCase[] = [
  {
    id: 'gpt-fast-7b-a100',
    description: '1 x A100-80GB (power-capped 330 W), gpt-fast, Llama-2-7B bf16, batch 1 (short prompt, 200 tokens out)',
    source: 'pytorch-labs/gpt-fast README (benchmark table): 104.9 tokens/s',
    metric: 'tokensPerSecondPerUser', published: 104.9, tolerance: 0.15,
    model: 'llama-2-7b', shape: { batch: 1, prompt: 8, output: 200, ...f16 },
    machine: { kind: 'gpu', gpu: 'a100-80gb', gpus: 1, tp: 1, collective: 'ring' },
  },
  {
    id: 'gpt-fast-70b-8xa100',
    description: '8 x A100-80GB, tensor parallel 8, gpt-fast, Llama-2-70B bf16, batch 1',
    source: 'pytorch-labs/gpt-fast README (tensor parallelism table): 62.5 tokens/s',
    metric: 'tokensPerSecondPerUser', published: 62.5, tolerance: 0.2,
    model: 'llama-2-70b', shape: { batch: 1, prompt: 8, output: 200, ...f16 },
    // gpt-fast all-reduces through torch.distributed (NCCL ring for small messages)
    machine: { kind: 'gpu', gpu: 'a100-80gb', gpus: 8, tp: 8, collective: 'ring' },
  },
  {
    id: 'nim-70b-fp8-2xh100',
    description:
      '2 x H100, tensor parallel 2, NVIDIA NIM 1.8 (TensorRT-LLM), Llama-3.3-70B fp8, 5,000 in / 500 out, 1 user. Modelled with the llama-3.1-70b preset: Llama-3.3-70B has the same architecture (80 layers, 8192 hidden, GQA 8, vocab 128256).',
    source: 'NVIDIA NIM benchmarking docs (Llama-3.3-70B-Instruct, H100 x2, fp8): 18.58 ms per output token (TTFT 406.8 ms)',
    metric: 'tpotMs', published: 18.58, tolerance: 0.2,
    model: 'llama-3.1-70b', shape: { batch: 1, prompt: 5000, output: 500, weights: 'fp8', activations: 'fp8', kv: 'fp8' },
    // TensorRT-LLM: one-shot (direct) all-reduce over NVLink
    machine: { kind: 'gpu', gpu: 'h100-sxm', gpus: 2, tp: 2, collective: 'direct' },
  },
  {
    id: 'groq-70b-576',
    description:
      'Groq LPU system, ~576 chips, Llama-2-70B, 1 user. Precision note: 576 x 230 MB = 132 GB cannot hold 138 GB of fp16 weights, so some weights must be below 16 bits; modelled as int8 weights with fp16 activations and KV (math in fp16). Layout pinned to spread each layer over 7 chips (80 x 7 + 2 = 562 of the 576 chips, as the reported deployment spreads ~7.2 chips per layer); left free (chips = minimum), the partitioner picks a smaller system (about 330 chips at 1,024 + 256 tokens).',
    source: 'TechPowerUp; isopack blog "About that Groq demo" (vendor claim ~300 tokens/s per user, ~576 chips)',
    metric: 'tokensPerSecondPerUser', published: 300, tolerance: 0.25,
    model: 'llama-2-70b', shape: { batch: 1, prompt: 1024, output: 512, weights: 'int8', activations: 'fp16', kv: 'fp16' },
    machine: { kind: 'lpu', chips: 576, topology: 'dragonfly', tp: 7 },
  },
];

/** Modelled value of one case with the presets as they are. */
export function modelledValue(c: CalibrationCase, net: Interconnect): number {
  const model = MODELS[c.model];
  const r = c.machine.kind === 'gpu'
    ? runGpu({ model, shape: c.shape, gpu: GPUS[c.machine.gpu], gpus: c.machine.gpus, tp: c.machine.tp, seed: 1, collective: c.machine.collective, maxEvents: 0 }, net).result
    : runLpu({ model, shape: c.shape, chip: LPU_CHIP, chips: c.machine.chips, topology: c.machine.topology, tp: c.machine.tp, maxEvents: 0 }, net).result;
  if (!r.fits) throw new Error(`calibration case ${c.id} does not fit: ${r.message ?? ''}`);
  return c.metric === 'tpotMs' ? r.tpotMs : r.tokensPerSecondPerUser;
}

export function calibrationRows(net: Interconnect): CalibrationRow[] {
  return CALIBRATION_CASES.map((c) => {
    const modelled = modelledValue(c, net);
    return {
      id: c.id, description: c.description, source: c.source, metric: c.metric,
      published: c.published, modelled, error: (modelled - c.published) / c.published, tolerance: c.tolerance,
    };
  });
}
