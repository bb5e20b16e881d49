// The limits the link schema and the LLM engine share, as the engine reads them: derived from
// the field registry (fields.ts), so the schema accepts a value only if the engine can run it
// (the engine's own checks then add the rules that depend on several fields, such as a
// torus's chip count).
import { MAX_TOKENS, rangeOf, rangesUnder, type NumericRange } from './fields';
import type { ModelSpec } from './types';

export const LLM_LIMITS = {
  batch: rangeOf('llm.batch').max,
  /** Prompt + output, and each alone. */
  tokens: MAX_TOKENS,
  lpuChips: rangeOf('lpu.chips').max,
  gpus: rangeOf('gpu.gpus').max,
} as const;

/** A custom model's numeric figures and their ranges. */
export const MODEL_RANGES: Partial<Record<keyof ModelSpec, NumericRange>> = rangesUnder('llm.custom.');
