// What a transformer costs: parameters, bytes, KV cache, FLOPs. Pure closed forms.
// Conventions: a multiply-add is 2 FLOPs; the input embedding and the output head are counted
// as separate matrices (untied) even where a model ties them (<1% of any preset).
import type { LlmWorkload, ModelSpec, Precision } from '../../scenario/types';
import { bytesPerElement, EMBEDDING_TABLE_FORMAT } from './precision';

export type Formats = Pick<LlmWorkload, 'weights' | 'activations' | 'kv'> & {
  /** The output head's weight format when it differs from the layers' (precision.ts outputHeadFormat). */
  head?: Precision;
};

/** Multi-head latent attention (kvLoraRank set): K and V are rebuilt from one cached latent. */
export const isMla = (m: ModelSpec): boolean => (m.kvLoraRank ?? 0) > 0;

function attentionParamsPerLayer(m: ModelSpec): number {
  if (isMla(m)) {
    // DeepSeek-V3 modeling: q (optionally through a q_lora_rank bottleneck) to every head's
    // non-rotary and rotary parts; kv_a to the latent plus the shared rotary key; kv_b from
    // the latent to every head's K (non-rotary) and V; o back to hidden; RMSNorms on the latents.
    const rope = m.ropeHeadDim ?? 0;
    const qRank = m.qLoraRank ?? 0;
    const kvRank = m.kvLoraRank ?? 0;
    const qOut = m.heads * (m.headDim + rope);
    const q = qRank > 0 ? m.hidden * qRank + qRank + qRank * qOut : m.hidden * qOut;
    const kv = m.hidden * (kvRank + rope) + kvRank + kvRank * m.heads * 2 * m.headDim;
    return q + kv + m.heads * m.headDim * m.hidden;
  }
  const q = m.heads * m.headDim;
  const kv = m.kvHeads * m.headDim;
  return m.hidden * q + 2 * m.hidden * kv + q * m.hidden; // Wq, Wk, Wv, Wo
}

const ffnMatrices = (m: ModelSpec): number => (m.gatedFfn ? 3 : 2);

function ffnParamsPerExpert(m: ModelSpec): number {
  return ffnMatrices(m) * m.hidden * m.ffn;
}

function routerParams(m: ModelSpec): number {
  return m.experts > 1 ? m.hidden * m.experts : 0;
}

/** Layers with a dense FFN: all of a dense model's, `denseLayers` of a mixture of experts'. */
export function denseFfnLayers(m: ModelSpec): number {
  return m.experts > 1 ? Math.min(m.layers, m.denseLayers ?? 0) : m.layers;
}

function denseFfnParams(m: ModelSpec): number {
  return ffnMatrices(m) * m.hidden * (m.denseFfn ?? m.ffn);
}

/**
 * FFN parameters of the average layer that `routed` routed experts per MoE layer contribute
 * (plus the shared experts and the router). Layers differ (dense vs MoE); the engine places
 * and times an average layer, which is exact for totals and for layers that hold equal shares.
 */
function ffnParamsPerLayer(m: ModelSpec, routed: number): number {
  const dense = denseFfnLayers(m);
  const moe = m.layers - dense;
  const moeLayer = (routed + (m.sharedExperts ?? 0)) * ffnParamsPerExpert(m) + routerParams(m);
  if (moe === 0) return denseFfnParams(m);
  if (dense === 0) return moeLayer;
  return (dense * denseFfnParams(m) + moe * moeLayer) / m.layers;
}

/** Every parameter of the average layer (all experts), norms included. */
export function paramsPerLayer(m: ModelSpec): number {
  return attentionParamsPerLayer(m) + ffnParamsPerLayer(m, m.experts) + 2 * m.hidden;
}

/** Parameters one token multiplies by in the average layer (active experts only). */
function activeParamsPerLayer(m: ModelSpec): number {
  return attentionParamsPerLayer(m) + ffnParamsPerLayer(m, m.activeExperts);
}

export function embeddingParams(m: ModelSpec): number {
  return m.vocab * m.hidden;
}

/** All parameters: layers + input embedding + output head (multi-token-prediction modules excluded, as published totals do). */
export function totalParams(m: ModelSpec): number {
  return m.layers * paramsPerLayer(m) + 2 * embeddingParams(m);
}

/**
 * Parameters of the multi-token-prediction modules (DeepSeek-V3 section 2.2): each is one MoE
 * layer plus a projection of [hidden; embedding] (2 x hidden -> hidden) and its norms; the
 * embedding and output head are the main model's.
 */
export function mtpParams(m: ModelSpec): number {
  const moeLayer = attentionParamsPerLayer(m) + ffnParamsPerLayer({ ...m, denseLayers: 0 }, m.experts) + 2 * m.hidden;
  return (m.mtpLayers ?? 0) * (moeLayer + 2 * m.hidden * m.hidden + 3 * m.hidden);
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

/**
 * Elements one token adds to one layer's cache: K and V of every KV head (MHA: kvHeads =
 * heads; GQA: fewer), or MLA's latent plus its shared rotary key.
 */
export function kvElementsPerTokenPerLayer(m: ModelSpec): number {
  return isMla(m) ? (m.kvLoraRank ?? 0) + (m.ropeHeadDim ?? 0) : 2 * m.kvHeads * m.headDim;
}

export function kvBytesPerTokenPerLayer(m: ModelSpec, f: Pick<Formats, 'kv'>): number {
  return kvElementsPerTokenPerLayer(m) * bytesPerElement(f.kv);
}

/**
 * Ways the KV cache splits over `tp` tensor-parallel shards: by KV head, replicated once tp
 * exceeds them; MLA's latent is shared by all heads, so every shard holds all of it.
 */
export function kvShards(m: ModelSpec, tp: number): number {
  return Math.min(tp, isMla(m) ? 1 : m.kvHeads);
}

/** The model's shape in words, for the model selector: attention kind and experts. */
export function shapeSummary(m: ModelSpec): string {
  const parts: string[] = [];
  if (isMla(m)) parts.push(`MLA (latent ${m.kvLoraRank} + ${m.ropeHeadDim ?? 0} rotary)`);
  else parts.push(m.kvHeads === m.heads ? `MHA (${m.heads} heads)` : `GQA (${m.heads} query, ${m.kvHeads} KV heads)`);
  const sliding = slidingLayers(m);
  if (sliding > 0) parts.push(`window ${m.slidingWindow} tokens on ${sliding} of ${m.layers} layers`);
  if (m.experts > 1) {
    const shared = m.sharedExperts ? ` + ${m.sharedExperts} shared` : '';
    const dense = denseFfnLayers(m) > 0 ? `, ${denseFfnLayers(m)} dense-FFN layers` : '';
    parts.push(`${m.experts} experts (${m.activeExperts} active${shared})${dense}`);
  }
  if (m.mtpLayers) parts.push(`${m.mtpLayers} MTP module${m.mtpLayers > 1 ? 's' : ''} (not run)`);
  return parts.join(', ');
}

/** Layers with sliding-window attention (0 without a window). */
function slidingLayers(m: ModelSpec): number {
  return m.slidingWindow ? Math.min(m.layers, m.slidingLayers ?? 0) : 0;
}

/**
 * Tokens the average layer caches for a sequence of `tokens`: all of them, except that a
 * sliding-window layer keeps only the last `slidingWindow`.
 */
export function kvTokensPerLayer(m: ModelSpec, tokens: number): number {
  const sliding = slidingLayers(m);
  if (sliding === 0) return tokens;
  return ((m.layers - sliding) * tokens + sliding * Math.min(tokens, m.slidingWindow ?? tokens)) / m.layers;
}

/**
 * What one token adds to the KV cache, in words, per attention kind (the panels' explanations):
 * "2 × 8 KV heads × 128 head dim × 80 layers" (MHA, GQA) or "(512 latent + 64 rotary) × 61
 * layers" (MLA), with the sliding-window layers' cap.
 */
export function kvFormula(m: ModelSpec): { text: string; linear: boolean } {
  const perLayer = isMla(m)
    ? `(${m.kvLoraRank} latent + ${m.ropeHeadDim ?? 0} rotary)`
    : `2 (K and V) × ${m.kvHeads} KV heads × ${m.headDim} head dim`;
  const sliding = slidingLayers(m);
  const cap = sliding > 0 ? `; the ${sliding} sliding-window layers keep only the last ${m.slidingWindow} tokens` : '';
  // Linear in tokens unless a window caps some layers.
  return { text: `${perLayer} values per layer × ${m.layers} layers${cap}`, linear: sliding === 0 };
}

/** K and V of one token across all layers, while the context is within every window (Llama-2-70B fp16: 327,680 B). */
export function kvBytesPerToken(m: ModelSpec, f: Pick<Formats, 'kv'>): number {
  return m.layers * kvBytesPerTokenPerLayer(m, f);
}

/** The KV cache of one sequence of `tokens` tokens, all layers (sliding-window layers capped at the window). */
export function kvBytesPerSequence(m: ModelSpec, f: Pick<Formats, 'kv'>, tokens: number): number {
  return m.layers * kvTokensPerLayer(m, tokens) * kvBytesPerTokenPerLayer(m, f);
}

/**
 * Attention score + weighted-sum FLOPs of one new token against `context` cached tokens, the
 * average layer. MLA at decode multiplies the queries into the latent (absorbed: scores over
 * latent + rotary key, sum over the latent; what FlashMLA runs); a prefill (`expanded`)
 * rebuilds per-head K and V and attends like MHA with head dim (headDim + rope) for the scores.
 */
function attentionFlopsPerLayer(m: ModelSpec, context: number, expanded = false): number {
  const perToken = isMla(m)
    ? expanded
      ? 2 * m.heads * (2 * m.headDim + (m.ropeHeadDim ?? 0))
      : 2 * m.heads * (2 * (m.kvLoraRank ?? 0) + (m.ropeHeadDim ?? 0))
    : 4 * m.heads * m.headDim;
  return perToken * kvTokensPerLayer(m, context);
}

/** FLOPs to generate one token with `context` tokens already cached (Llama-2-70B: ~137 GFLOP at short context). */
export function decodeFlopsPerToken(m: ModelSpec, context: number): number {
  return 2 * activeMatmulParams(m) + m.layers * attentionFlopsPerLayer(m, context);
}

/** Sum over positions 1..n of the tokens position i attends to, in a layer with window w. */
function causalPairs(n: number, w: number): number {
  if (n <= w) return (n * (n + 1)) / 2;
  return (w * (w + 1)) / 2 + (n - w) * w;
}

/** FLOPs of the prefill of one prompt (causal attention; the output head runs for the last token only). */
export function prefillFlops(m: ModelSpec, prompt: number): number {
  const layerMatmul = 2 * m.layers * activeParamsPerLayer(m) * prompt;
  const sliding = slidingLayers(m);
  const pairs = (m.layers - sliding) * causalPairs(prompt, prompt) + sliding * causalPairs(prompt, m.slidingWindow ?? prompt);
  const attention = attentionFlopsPerLayer(m, 1, true) * pairs; // one context token, with the window not reached
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
  const qkv = isMla(m)
    ? m.heads * (m.headDim + (m.ropeHeadDim ?? 0)) + kvElementsPerTokenPerLayer(m) + (m.qLoraRank ?? 0)
    : (m.heads + 2 * m.kvHeads) * m.headDim;
  const gate = m.gatedFfn ? 2 : 1;
  const moeWidth = (m.activeExperts + (m.sharedExperts ?? 0)) * m.ffn * gate;
  // a dense model's (or dense layer's) one FFN; the wider of the two kinds of layer is live at once
  const dense = denseFfnLayers(m);
  const ffnWidth =
    dense === m.layers ? (m.denseFfn ?? m.ffn) * gate : dense === 0 ? moeWidth : Math.max(moeWidth, (m.denseFfn ?? m.ffn) * gate);
  return (2 * m.hidden + qkv + ffnWidth) * bytesPerElement(f.activations);
}

/** Work of one layer for one step: `newTokens` per sequence, each after `context` cached tokens. */
interface LayerWork {
  /** Q/K/V/O projections and attention over the context together. */
  attnFlops: number;
  /** The part of attnFlops that is attention over the context (scores and weighted sum of V). */
  attnContextFlops: number;
  /** FFN FLOPs, routed experts, shared experts and dense FFNs together. */
  ffnFlops: number;
  /** The part of ffnFlops in routed experts (and the router): grouped GEMMs of few tokens each. */
  expertFlops: number;
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
  const expanded = newTokens > 1; // a prefill chunk (MLA: attention in the expanded form)
  const moeLayers = m.layers - denseFfnLayers(m);
  const routed = m.experts > 1 ? m.activeExperts * ffnParamsPerExpert(m) + routerParams(m) : 0;
  return {
    attnFlops: tokens * (2 * attentionParamsPerLayer(m) + attentionFlopsPerLayer(m, avgContext, expanded)),
    attnContextFlops: tokens * attentionFlopsPerLayer(m, avgContext, expanded),
    ffnFlops: tokens * 2 * ffnParamsPerLayer(m, m.activeExperts),
    expertFlops: tokens * 2 * (moeLayers === m.layers ? routed : (moeLayers * routed) / m.layers),
    attnWeightBytes: attentionParamsPerLayer(m) * wb,
    ffnWeightBytes: ffnParamsPerLayer(m, expertsTouched(m, tokens)) * wb,
    kvBytes: batch * kvTokensPerLayer(m, context + newTokens) * kvBytesPerTokenPerLayer(m, f),
    activationBytes: 2 * tokens * activationBytesPerTokenPerLayer(m, f),
  };
}

/** Work of the output head for `tokens` tokens (one per sequence at decode). */
export function headWork(m: ModelSpec, f: Formats, tokens: number): { flops: number; weightBytes: number } {
  return { flops: 2 * embeddingParams(m) * tokens, weightBytes: embeddingParams(m) * bytesPerElement(f.head ?? f.weights) };
}
