// Transformer presets. Shapes are read from each model's published config; `paramsB` is the
// headline count as published, used only to check the formulas in workload.ts.
import type { LlmWorkload, ModelId, ModelSpec } from '../../scenario/types';

const dense = { experts: 1, activeExperts: 1 } as const;

export const MODELS: Record<ModelId, ModelSpec> = {
  'llama-2-7b': {
    id: 'llama-2-7b', name: 'Llama-2 7B', layers: 32, hidden: 4096, heads: 32, kvHeads: 32, headDim: 128,
    ffn: 11008, gatedFfn: true, vocab: 32000, ...dense, paramsB: 6.74,
    source: 'HF meta-llama/Llama-2-7b-hf config.json; Touvron et al. 2023, "Llama 2" (arXiv:2307.09288)',
  },
  'llama-2-13b': {
    id: 'llama-2-13b', name: 'Llama-2 13B', layers: 40, hidden: 5120, heads: 40, kvHeads: 40, headDim: 128,
    ffn: 13824, gatedFfn: true, vocab: 32000, ...dense, paramsB: 13.0,
    source: 'HF meta-llama/Llama-2-13b-hf config.json; arXiv:2307.09288',
  },
  'llama-2-70b': {
    id: 'llama-2-70b', name: 'Llama-2 70B', layers: 80, hidden: 8192, heads: 64, kvHeads: 8, headDim: 128,
    ffn: 28672, gatedFfn: true, vocab: 32000, ...dense, paramsB: 70,
    source: 'HF meta-llama/Llama-2-70b-hf config.json (GQA, 8 KV heads); arXiv:2307.09288',
  },
  'llama-3.1-8b': {
    id: 'llama-3.1-8b', name: 'Llama-3.1 8B', layers: 32, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128,
    ffn: 14336, gatedFfn: true, vocab: 128256, ...dense, paramsB: 8.03,
    source: 'HF meta-llama/Llama-3.1-8B config.json; Llama Team 2024, "The Llama 3 Herd of Models" (arXiv:2407.21783)',
  },
  'llama-3.1-70b': {
    id: 'llama-3.1-70b', name: 'Llama-3.1 70B', layers: 80, hidden: 8192, heads: 64, kvHeads: 8, headDim: 128,
    ffn: 28672, gatedFfn: true, vocab: 128256, ...dense, paramsB: 70.6,
    source: 'HF meta-llama/Llama-3.1-70B config.json; arXiv:2407.21783',
  },
  'llama-3.1-405b': {
    id: 'llama-3.1-405b', name: 'Llama-3.1 405B', layers: 126, hidden: 16384, heads: 128, kvHeads: 8, headDim: 128,
    ffn: 53248, gatedFfn: true, vocab: 128256, ...dense, paramsB: 405,
    source: 'HF meta-llama/Llama-3.1-405B config.json; arXiv:2407.21783 (Table 3)',
  },
  'mixtral-8x7b': {
    id: 'mixtral-8x7b', name: 'Mixtral 8x7B', layers: 32, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128,
    ffn: 14336, gatedFfn: true, vocab: 32000, experts: 8, activeExperts: 2, paramsB: 46.7,
    source: 'HF mistralai/Mixtral-8x7B-v0.1 config.json; Jiang et al. 2024, "Mixtral of Experts" (arXiv:2401.04088): 46.7B total, 12.9B active',
  },
  'falcon-180b': {
    id: 'falcon-180b', name: 'Falcon 180B', layers: 80, hidden: 14848, heads: 232, kvHeads: 8, headDim: 64,
    ffn: 59392, gatedFfn: false, vocab: 65024, ...dense, paramsB: 180,
    source: 'HF tiiuae/falcon-180B config.json (multi-query groups = 8, GELU FFN 4x hidden); Almazrouei et al. 2023 (arXiv:2311.16867)',
  },
  'gpt-3-175b': {
    id: 'gpt-3-175b', name: 'GPT-3 175B', layers: 96, hidden: 12288, heads: 96, kvHeads: 96, headDim: 128,
    ffn: 49152, gatedFfn: false, vocab: 50257, ...dense, paramsB: 175,
    source: 'Brown et al. 2020, "Language Models are Few-Shot Learners" (arXiv:2005.14165), Table 2.1',
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
