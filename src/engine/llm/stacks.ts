// Serving stacks: the software a GPU number assumes. The same GPUs are faster or slower under
// different software (how the tensor-parallel all-reduce runs, launch gaps between kernels,
// a fixed time per request, how fast weight-only dequantising kernels stream, how the
// attention kernel reads the KV cache). Each figure is fitted on named calibration cases
// (docs/calibration.md) or taken from the stack's own documentation; `resolveGpu` merges the
// chosen stack into the GPU's figures, and scenario overrides patch the result per field.
import type { StackId, StackFigures } from '../../scenario/types';

export interface StackSpec extends StackFigures {
  id: StackId;
  name: string;
  /** Tensor-parallel all-reduce inside a node: NCCL ring, or a one-shot (direct) exchange. */
  collective: 'ring' | 'direct';
  /** The attention copies K and V to every query head before the kernel (grouped-query attention not exploited). */
  kvCopiedPerQueryHead: boolean;
  /** Weight-only quantisation also quantises the output head (else it stays at 16 bits). */
  quantisesOutputHead: boolean;
  sources: Record<keyof StackFigures | 'collective' | 'kvCopiedPerQueryHead' | 'quantisesOutputHead', string>;
}

/** The stack a GPU figure assumes unless the scenario says otherwise (NVIDIA's own published figures use it). */
export const DEFAULT_STACK: StackId = 'tensorrt-llm';

/** TensorRT-LLM's 2023-24 releases; its 2025 min-latency mode below starts from these figures. */
const TENSORRT_LLM: StackSpec = {
  id: 'tensorrt-llm',
  name: 'TensorRT-LLM (incl. NVIDIA NIM, FasterTransformer)',
  collective: 'direct',
  kvCopiedPerQueryHead: false,
  quantisesOutputHead: false,
  launchOverheadUsPerLayer: 21.0,
  allReduceOverheadUs: 33.1,
  requestOverheadMs: 11.6,
  int8StreamEfficiency: 0.85,
  int4StreamEfficiency: 0.75,
  fp8StreamEfficiency: 1,
  kvReadEfficiency: 0.6,
  expertComputeEfficiency: 0.698,
  expertComputeEfficiencyFp8: 0.287,
  sources: {
    collective:
      "TensorRT-LLM's own all-reduce (cpp/tensorrt_llm/thop/allreduceOp.cpp, strategies ONESHOT and TWOSHOT; NVIDIA/TensorRT-LLM PR 9145 falls back to ONESHOT when there are fewer tokens than GPUs): a one-shot exchange over NVLink for decode-sized messages",
    kvCopiedPerQueryHead: 'Assumed: its fused attention kernels serve each KV head to its group of query heads (grouped-query attention)',
    quantisesOutputHead:
      'TensorRT Model Optimizer, the quantiser TensorRT-LLM checkpoints come from (modelopt/torch/quantization/config.py @103b1bb, _default_disabled_quantizer_cfg): "*lm_head*" is not quantised in any of its int8, fp8, int4-AWQ or fp4 configs',
    launchOverheadUsPerLayer:
      "Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): time per layer that does not scale with the weights streamed or the GEMM FLOPs (kernel gaps, small kernels); half gpt-fast's (more kernel fusion). It trades against allReduceOverheadUs along a shallow valley of the fit (docs/calibration.md)",
    allReduceOverheadUs:
      'Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): fixed time of one custom all-reduce beyond its transfers',
    requestOverheadMs:
      'Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): per-request time outside the layers (scheduling, sampling the first token, host round trip)',
    int8StreamEfficiency: 'Assumed (no TensorRT-LLM weight-only row): dequantising GEMV kernels stream below the 16-bit rate',
    int4StreamEfficiency: 'Assumed (no TensorRT-LLM weight-only row)',
    fp8StreamEfficiency: 'fp8 weights run fp8 math on Hopper (W8A8, no dequantisation): the 16-bit streaming rate',
    kvReadEfficiency: 'Assumed (docs/calibration.md): share of HBM bandwidth the attention kernel sustains reading a long KV cache',
    expertComputeEfficiency:
      'Fitted on trtllm-v090-mixtral-a100-fp16-tp2-bs512-128-128 (docs/calibration.md): share of the dense 16-bit GEMM rate the grouped expert GEMMs of Mixtral reach (TensorRT-LLM v0.9 MoE plugin)',
    expertComputeEfficiencyFp8:
      'Fitted on trtllm-v090-mixtral-h100-fp8-tp2-ttft-2048, trtllm-v090-mixtral-h100-fp8-tp2-bs512-128-128 (docs/calibration.md): share of the dense fp8 GEMM rate the grouped expert GEMMs reach (TensorRT-LLM v0.9: few tokens per expert, routing and token permutation; far below the 16-bit share, as the fp8 rows show)',
  },
};

export const STACKS: Record<StackId, StackSpec> = {
  pytorch: {
    id: 'pytorch',
    name: 'PyTorch (gpt-fast: torch.compile, CUDA graphs, NCCL)',
    collective: 'ring',
    kvCopiedPerQueryHead: true,
    quantisesOutputHead: true,
    launchOverheadUsPerLayer: 42.3,
    allReduceOverheadUs: 6.56,
    requestOverheadMs: 0,
    int8StreamEfficiency: 0.855,
    int4StreamEfficiency: 0.584,
    fp8StreamEfficiency: 0.855,
    kvReadEfficiency: 0.6,
    expertComputeEfficiency: 0.698,
    expertComputeEfficiencyFp8: 0.287,
    sources: {
      collective: 'gpt-fast README (pytorch-labs/gpt-fast): tensor parallelism through torch.distributed, i.e. NCCL ring all-reduce',
      quantisesOutputHead:
        'gpt-fast quantize.py (pytorch-labs/gpt-fast @1095a5c): the int8 and int4 handlers replace every nn.Linear, the output head included; the token embedding (nn.Embedding) stays bf16',
      kvCopiedPerQueryHead:
        "gpt-fast's Llama model as carried in pytorch/ao (torchao/_models/llama/model.py, Attention.forward): k and v are repeat_interleave'd to n_head heads before F.scaled_dot_product_attention",
      launchOverheadUsPerLayer:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts, docs/calibration.md): the time per layer that does not scale with the bytes streamed (kernel gaps, norms, rotary, attention at short context)',
      allReduceOverheadUs:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): fixed time of one small NCCL all-reduce (launch, synchronisation) beyond its transfers',
      requestOverheadMs: 'gpt-fast measures decode only (tokens/s after the prompt): no per-request time is in its figures',
      int8StreamEfficiency:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): int8 weight-only GEMV streams at this share of the 16-bit rate (dequantisation work per weight)',
      int4StreamEfficiency:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): int4 (group size 32, bf16 scales) weight-only GEMV streams at this share of the 16-bit rate',
      fp8StreamEfficiency: 'Assumed equal to int8 weight-only (no gpt-fast fp8 row)',
      kvReadEfficiency: 'Assumed (docs/calibration.md): share of HBM bandwidth the attention kernel sustains reading the KV cache',
      expertComputeEfficiency:
        "Assumed equal to TensorRT-LLM's fitted figure (the gpt-fast Mixtral rows are batch 1 and memory-bound: they do not constrain it)",
      expertComputeEfficiencyFp8: "Assumed equal to TensorRT-LLM's fitted figure",
    },
  },
  'tensorrt-llm': TENSORRT_LLM,
  'tensorrt-llm-2025': {
    ...TENSORRT_LLM,
    id: 'tensorrt-llm-2025',
    name: 'TensorRT-LLM 2025, min-latency (Blackwell)',
    allReduceOverheadUs: 10.4,
    sources: {
      collective:
        'NVIDIA/TensorRT-LLM blog "Pushing Latency Boundaries: Optimizing DeepSeek-R1 Performance on NVIDIA B200 GPUs" (tech_blog/blog1): min-latency decode with fused all-reduce kernels over NVLink (one-shot)',
      kvCopiedPerQueryHead: "As TensorRT-LLM's earlier releases",
      quantisesOutputHead: "As TensorRT-LLM's earlier releases (Model Optimizer leaves lm_head unquantised)",
      launchOverheadUsPerLayer:
        "Assumed: TensorRT-LLM's earlier fitted figure (the one 2025 row fits the all-reduce, which dominates at TP 8)",
      allReduceOverheadUs:
        "Fitted on nvidia-maverick-b200-eagle3-1038 (scripts/fit-calibration.ts): fixed time of one decode all-reduce beyond its transfers, with the 2025 fused NVLink all-reduce kernels (the 2023-24 releases' 33 us is most of a Llama 4 Maverick token at TP 8)",
      requestOverheadMs: "Assumed: TensorRT-LLM's earlier fitted figure",
      int8StreamEfficiency: "Assumed: TensorRT-LLM's earlier figure",
      int4StreamEfficiency: "Assumed: TensorRT-LLM's earlier figure (NVFP4 and MXFP4 weights stream alike)",
      fp8StreamEfficiency: 'fp8 weights run fp8 math (W8A8, no dequantisation): the 16-bit streaming rate',
      kvReadEfficiency: "Assumed: TensorRT-LLM's earlier figure",
      expertComputeEfficiency: "Assumed: TensorRT-LLM's earlier fitted figure",
      expertComputeEfficiencyFp8: "Assumed: TensorRT-LLM's earlier fitted figure",
    },
  },
  vllm: {
    id: 'vllm',
    name: 'vLLM (PagedAttention, CUDA graphs, custom all-reduce)',
    collective: 'direct',
    kvCopiedPerQueryHead: false,
    quantisesOutputHead: false,
    launchOverheadUsPerLayer: 38,
    allReduceOverheadUs: 15,
    requestOverheadMs: 8,
    int8StreamEfficiency: 0.8,
    int4StreamEfficiency: 0.7,
    fp8StreamEfficiency: 0.95,
    kvReadEfficiency: 0.5,
    expertComputeEfficiency: 0.698,
    expertComputeEfficiencyFp8: 0.287,
    sources: {
      collective:
        'vLLM custom all-reduce kernels (vllm-project/vllm PR 2192 and its design note "Latency-optimal allreduce and cuda graph optimization": small decode all-reduces are latency-bound, NCCL\'s ring is O(n) in latency, a one-shot kernel is O(1))',
      kvCopiedPerQueryHead: 'Assumed: its paged attention kernels serve each KV head to its group of query heads',
      quantisesOutputHead:
        'vLLM docs features/quantization/fp8.md: the llm-compressor recipe it recommends ignores lm_head, and online fp8 quantises "all Linear modules (except for the final lm_head)"',
      launchOverheadUsPerLayer:
        'Assumed between TensorRT-LLM and eager PyTorch (no vLLM row in the corpus): CUDA graphs, less kernel fusion',
      allReduceOverheadUs: 'Assumed (no vLLM row in the corpus)',
      requestOverheadMs: 'Assumed (no vLLM row in the corpus): Python scheduler and sampler per iteration',
      int8StreamEfficiency: 'Assumed (no vLLM row in the corpus)',
      int4StreamEfficiency: 'Assumed (no vLLM row in the corpus)',
      fp8StreamEfficiency: 'Assumed (no vLLM row in the corpus)',
      kvReadEfficiency: 'Assumed (no vLLM row in the corpus): paged KV blocks read below the contiguous rate',
      expertComputeEfficiency: 'Assumed equal to TensorRT-LLM (no vLLM row in the corpus)',
      expertComputeEfficiencyFp8: 'Assumed equal to TensorRT-LLM (no vLLM row in the corpus)',
    },
  },
};

/** The stack's choices that are not numbers, in words, each with its source (shown beside the stack select). */
export function stackTraits(st: StackSpec): { text: string; source: string }[] {
  return [
    { text: st.collective === 'ring' ? 'all-reduce: NCCL ring' : 'all-reduce: one-shot', source: st.sources.collective },
    {
      text: st.kvCopiedPerQueryHead ? 'K/V copied to every query head' : 'K/V read once per KV head',
      source: st.sources.kvCopiedPerQueryHead,
    },
    {
      text: st.quantisesOutputHead ? 'output head quantised with the weights' : 'output head kept at 16 bits',
      source: st.sources.quantisesOutputHead,
    },
  ];
}
