// One home for the limits the link schema and the LLM engine share: the schema accepts a
// value only if the engine can run it (the engine's own checks then add the rules that
// depend on several fields, such as a torus's chip count).
import type { ModelSpec } from './types';

export type Range = readonly [min: number, max: number, integer?: boolean];

export const LLM_LIMITS = {
  batch: 4096,
  /** Prompt + output, and each alone. */
  tokens: 131072,
  lpuChips: 20000,
  gpus: 4096,
} as const;

/** A custom model's figures: wide enough for any published model, bounded for the partitioner. */
export const MODEL_RANGES = {
  layers: [1, 1000, true],
  hidden: [1, 131072, true],
  heads: [1, 4096, true],
  kvHeads: [1, 4096, true],
  headDim: [1, 4096, true],
  ffn: [1, 1048576, true],
  vocab: [1, 4194304, true],
  experts: [1, 1024, true],
  activeExperts: [1, 1024, true],
  paramsB: [0, 100000],
} as const satisfies Partial<Record<keyof ModelSpec, Range>>;
