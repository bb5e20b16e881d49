// What a transformer costs: parameters, bytes, KV cache, FLOPs. Pure closed forms.
// Conventions: a multiply-add is 2 FLOPs; the input embedding and the output head are counted
// as separate matrices (untied) even where a model ties them (<1% of any preset).
import type { LlmWorkload, ModelSpec, Precision } from '../../scenario/types';
import { bytesPerElement, EMBEDDING_TABLE_FORMAT } from './precision';

export type Formats = Pick<LlmWorkload, 'weights' | 'activations' | 'kv'> & {
  /** The output head's weight format when it differs from the layers' (precision.ts outputHeadFormat). */
  head?: Precision;
};

function attentionParamsPerLayer(m: ModelSpec): number {
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  return m.hidden * q + 2 * m.hidden * kv + q * m.hidden; // Wq, Wk, Wv, Wo
}

function ffnParamsPerExpert(m: ModelSpec): number {
  return (m.gatedFfn ? 3 : 2) * m.hidden * m.ffn;
}

function routerParams(m: ModelSpec): number {
  return m.experts > 1 ? m.hidden * m.experts : 0;
}

/** Every parameter of one layer (all experts), norms included. */
export function paramsPerLayer(m: ModelSpec): number {
  return attentionParamsPerLayer(m) + m.experts * ffnParamsPerExpert(m) + routerParams(m) + 2 * m.hidden;
}

/** Parameters one token multiplies by in one layer (active experts only). */
function activeParamsPerLayer(m: ModelSpec): number {
  return attentionParamsPerLayer(m) + m.activeExperts * ffnParamsPerExpert(m) + routerParams(m);
}

export function embeddingParams(m: ModelSpec): number {
  return m.vocab * m.hidden;
}

/** All parameters: layers + input embedding + output head. */
export function totalParams(m: ModelSpec): number {
  return m.layers * paramsPerLayer(m) + 2 * embeddingParams(m);
}

/** Parameters used as matmul weights per generated token (embedding lookup is not a matmul). */
export function activeMatmulParams(m: ModelSpec): number {
  return m.layers * activeParamsPerLayer(m) + embeddingParams(m);
}

/** The input embedding table and the output head, each at its own format. */
export function ioWeightBytes(m: ModelSpec, f: Formats): number {
  return embeddingParams(m) * (bytesPerElement(EMBEDDING_TABLE_FORMAT) + bytesPerElement(f.head ?? f.weights));
}

export function weightBytesTotal(m: ModelSpec, f: Formats): number {
  return m.layers * paramsPerLayer(m) * bytesPerElement(f.weights) + ioWeightBytes(m, f);
}

export function kvBytesPerTokenPerLayer(m: ModelSpec, f: Pick<Formats, 'kv'>): number {
  return 2 * m.kvHeads * m.headDim * bytesPerElement(f.kv);
}

/** K and V of one token across all layers (Llama-2-70B fp16: 327,680 B). */
export function kvBytesPerToken(m: ModelSpec, f: Pick<Formats, 'kv'>): number {
  return m.layers * kvBytesPerTokenPerLayer(m, f);
}

/** Attention score + weighted-sum FLOPs of one new token against `context` cached tokens, one layer. */
function attentionFlopsPerLayer(m: ModelSpec, context: number): number {
  return 4 * m.heads * m.headDim * context;
}

/** FLOPs to generate one token with `context` tokens already cached (Llama-2-70B: ~137 GFLOP at short context). */
export function decodeFlopsPerToken(m: ModelSpec, context: number): number {
  return 2 * activeMatmulParams(m) + m.layers * attentionFlopsPerLayer(m, context);
}

/** FLOPs of the prefill of one prompt (causal attention; the output head runs for the last token only). */
export function prefillFlops(m: ModelSpec, prompt: number): number {
  const layerMatmul = 2 * m.layers * activeParamsPerLayer(m) * prompt;
  const attention = m.layers * 4 * m.heads * m.headDim * ((prompt * (prompt + 1)) / 2);
  return layerMatmul + attention + 2 * embeddingParams(m);
}

/** Expected number of distinct experts `tokens` routed tokens touch (uniform routing). */
export function expertsTouched(m: ModelSpec, tokens: number): number {
  if (m.experts <= 1) return 1;
  const missOne = Math.pow(1 - m.activeExperts / m.experts, tokens);
  return Math.min(m.experts, m.experts * (1 - missOne));
}

/** Activation values of one token in one layer that are live at once (in, q/k/v, FFN intermediate, out). */
export function activationBytesPerTokenPerLayer(m: ModelSpec, f: Formats): number {
  const qkv = (m.heads + 2 * m.kvHeads) * m.headDim;
  const ffnWidth = m.activeExperts * m.ffn * (m.gatedFfn ? 2 : 1);
  return (2 * m.hidden + qkv + ffnWidth) * bytesPerElement(f.activations);
}

/** Work of one layer for one step: `newTokens` per sequence, each after `context` cached tokens. */
interface LayerWork {
  /** Q/K/V/O projections and attention over the context together. */
  attnFlops: number;
  /** The part of attnFlops that is attention over the context (scores and weighted sum of V). */
  attnContextFlops: number;
  ffnFlops: number;
  attnWeightBytes: number;
  /** FFN weights read this step (MoE: only the experts the step's tokens touch). */
  ffnWeightBytes: number;
  /** KV cache read (past tokens) and written (new tokens). */
  kvBytes: number;
  /**
   * Activation traffic of the kernels between the GEMMs (norms, rotary, SiLU x gate, residual
   * adds): every live activation of every token written once and read once.
   */
  activationBytes: number;
}

export function layerWork(m: ModelSpec, f: Formats, batch: number, newTokens: number, context: number): LayerWork {
  const tokens = batch * newTokens;
  const wb = bytesPerElement(f.weights);
  const avgContext = context + (newTokens + 1) / 2; // causal: token i sees context + i
  return {
    attnFlops: tokens * (2 * attentionParamsPerLayer(m) + attentionFlopsPerLayer(m, avgContext)),
    attnContextFlops: tokens * attentionFlopsPerLayer(m, avgContext),
    ffnFlops: tokens * 2 * (m.activeExperts * ffnParamsPerExpert(m) + routerParams(m)),
    attnWeightBytes: attentionParamsPerLayer(m) * wb,
    ffnWeightBytes: (expertsTouched(m, tokens) * ffnParamsPerExpert(m) + routerParams(m)) * wb,
    kvBytes: batch * (context + newTokens) * kvBytesPerTokenPerLayer(m, f),
    activationBytes: 2 * tokens * activationBytesPerTokenPerLayer(m, f),
  };
}

/** Work of the output head for `tokens` tokens (one per sequence at decode). */
export function headWork(m: ModelSpec, f: Formats, tokens: number): { flops: number; weightBytes: number } {
  return { flops: 2 * embeddingParams(m) * tokens, weightBytes: embeddingParams(m) * bytesPerElement(f.head ?? f.weights) };
}
