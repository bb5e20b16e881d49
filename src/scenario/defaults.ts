// The teaching default: what the app opens with and what every bad field falls back to.
// Choices (docs/scenario-format.md, "Defaults"):
// - gemm: an 8x8 weight-stationary array small enough to read every PE, with M = 16 so the
//   input stream is visibly longer than the fill/drain skew, K = N = 8 so one fold fits.
// - llm: Llama-2-70B (the model of the talk's era and of Groq's public demo), one user,
//   1,024 prompt + 256 output tokens, everything fp16: the plain apples-to-apples basis
//   (the GPU baselines measured in bf16; 16-bit weights are the fair SRAM count too).
//   Speculative decoding off (the talk's "apples to apples"); when switched on, a draft of
//   4 tokens from Llama-2-7B accepted at 0.6 each (vLLM's examples draft 3-7 tokens;
//   a Llama-3-8B draft for 70B measured 58.7% accepted: docs/research/2026-prices-power-and-links.md).
// - lpu: chips = null (the minimum that holds the model), dragonfly (the ISCA 2022 system).
// - gpu: one H100 SXM class machine, GPU count and tensor parallelism chosen by the model,
//   served by TensorRT-LLM (the stack NVIDIA's own published figures use).
import type { ModelSpec, Scenario } from './types';
import { SCENARIO_VERSION } from './types';

export const DEFAULT_SCENARIO: Scenario = deepFreeze({
  v: SCENARIO_VERSION,
  gemm: { rows: 8, cols: 8, dataflow: 'ws', m: 16, k: 8, n: 8, seed: 1 },
  llm: {
    model: 'llama-2-70b',
    custom: null,
    batch: 1,
    prompt: 1024,
    output: 256,
    weights: 'fp16',
    activations: 'fp16',
    kv: 'fp16',
    batching: 'static',
    sweepMachine: 'fixed',
    speculative: { mode: 'off', draft: 'llama-2-7b', k: 4, accept: 0.6 },
    disagg: 'off',
  },
  lpu: { chip: 'lpu', overrides: {}, chips: null, topology: 'dragonfly' },
  gpu: { gpu: 'h100-sxm', overrides: {}, stack: 'tensorrt-llm', gpus: null, tp: null, seed: 1 },
  view: { panel: 'dataflow', cycle: 0, tour: null, presenter: false },
  classroom: { hidden: [], locked: false },
});

/**
 * The starting point of a custom model (when `llm.model` becomes 'custom') and the
 * fallback for a bad `llm.custom.*` field: Llama-2-70B's shape, renamed.
 */
export const DEFAULT_CUSTOM_MODEL: ModelSpec = deepFreeze({
  id: 'custom',
  name: 'Custom model',
  layers: 80,
  hidden: 8192,
  heads: 64,
  kvHeads: 8,
  headDim: 128,
  ffn: 28672,
  gatedFfn: true,
  vocab: 32000,
  experts: 1,
  activeExperts: 1,
  paramsB: 70,
  source: 'Shape of Llama-2-70B: HF meta-llama/Llama-2-70b-hf config.json; arXiv:2307.09288',
});

/** A fresh, mutable copy (the constants above are frozen). */
export function cloneScenario(s: Scenario): Scenario {
  return structuredClone(s) as Scenario;
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
