// The Scenario: every input a user can set, and the only thing a link, the CLI and the
// engine read. This file is the hand-written contract; `schema.ts` validates against it
// (zod) and must infer exactly this shape.

export type Dataflow = (typeof DATAFLOWS)[number];
export type Precision = (typeof PRECISIONS)[number];
export type PanelId = (typeof PANELS)[number];
/** Topology of the SRAM-only system's chip-to-chip network. */
export type Topology = (typeof TOPOLOGIES)[number];
// Appended, never reordered: links and files name machines by id.
export const GPU_IDS = ['a100-40gb', 'a100-80gb', 'h100-sxm', 'h200', 'b200', 'b300', 'gb300-nvl72', 'rubin-nvl72'] as const;
export type GpuId = (typeof GPU_IDS)[number];
/** SRAM-only machines: GroqChip 1 (the talk's), then the 2026 machines (issue 11). */
export const CHIP_IDS = ['lpu', 'groq3-lpx', 'cerebras-wse3'] as const;
export type ChipId = (typeof CHIP_IDS)[number];
export const MODEL_IDS = [
  'llama-2-7b',
  'llama-2-13b',
  'llama-2-70b',
  'llama-3.1-8b',
  'llama-3.1-70b',
  'llama-3.1-405b',
  'mixtral-8x7b',
  'falcon-180b',
  'gpt-3-175b',
  // 2025 models (issue 11): appended, so the ids above keep their meaning in links.
  'deepseek-v3',
  'llama-4-maverick',
  'llama-4-scout',
  'qwen3-235b-a22b',
  'gpt-oss-120b',
  'kimi-k2',
] as const;
export type ModelId = (typeof MODEL_IDS)[number];
/** mxfp4: OCP microscaling FP4, 4-bit elements plus one 8-bit scale per 32 (4.25 bits). */
export const PRECISIONS = ['fp16', 'bf16', 'fp8', 'int8', 'int4', 'mxfp4'] as const;
/** Serving software a GPU figure assumes (src/engine/llm/stacks.ts). */
/** tensorrt-llm: the 2023-24 releases most corpus rows measured; tensorrt-llm-2025: its Blackwell min-latency mode. Appended only. */
export const STACK_IDS = ['pytorch', 'tensorrt-llm', 'vllm', 'tensorrt-llm-2025'] as const;
export type StackId = (typeof STACK_IDS)[number];
/** static: a batch starts and ends together (static-batch benchmarks); continuous: in-flight batching at a fixed concurrency. */
export const BATCHING_MODES = ['static', 'continuous'] as const;
export type Batching = (typeof BATCHING_MODES)[number];
/** The batch sweep keeps the scenario's machine, or re-chooses the minimum machine per batch. */
export const SWEEP_MACHINES = ['fixed', 'minimum'] as const;
export type SweepMachine = (typeof SWEEP_MACHINES)[number];
/** Speculative decoding: none, a separate draft model, or the model's own multi-token-prediction / EAGLE-style head. */
export const SPECULATION_MODES = ['off', 'draft', 'mtp'] as const;
export type SpeculationMode = (typeof SPECULATION_MODES)[number];
/**
 * Disaggregated serving: each machine alone, or one machine prefills and the other decodes,
 * the prompt's KV cache moved between them (src/engine/llm/disaggregated.ts).
 */
export const DISAGG_MODES = ['off', 'gpu-to-sram', 'sram-to-gpu'] as const;
export type DisaggMode = (typeof DISAGG_MODES)[number];
export const TOPOLOGIES = ['ring', 'torus2d', 'fully-connected', 'dragonfly'] as const;
export const DATAFLOWS = ['ws', 'os', 'is'] as const;
export const PANELS = ['argument', 'dataflow', 'sram', 'interconnect', 'latency'] as const;

/** One GEMM on one systolic array: O[M x N] = A[M x K] . B[K x N]. */
export interface GemmScenario {
  rows: number; // 1..256
  cols: number; // 1..256
  dataflow: Dataflow;
  m: number; // 1..65536
  k: number;
  n: number;
  /** Seed of the int8 operand generator (deterministic operands). */
  seed: number;
}

/** A transformer, dense or mixture-of-experts. */
export interface ModelSpec {
  id: string;
  name: string;
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Intermediate size of one FFN (one expert for MoE). */
  ffn: number;
  /** Gated FFN (SwiGLU: 3 matrices) or plain (2 matrices). */
  gatedFfn: boolean;
  vocab: number;
  /** 1 for dense models. */
  experts: number;
  activeExperts: number;
  // Optional shape features (absent: the plain MHA/GQA transformer above, so older presets,
  // files and links mean what they meant). docs/llm-model.md, "Attention kinds".
  /** Experts every token passes through besides the routed ones (each `ffn` wide). */
  sharedExperts?: number;
  /** MoE models: layers whose FFN is one dense FFN instead of experts (DeepSeek first_k_dense_replace; Llama 4: layers - layers / interleave step). */
  denseLayers?: number;
  /** Intermediate size of those dense FFNs (default `ffn`). */
  denseFfn?: number;
  /**
   * Multi-head latent attention (DeepSeek-V2/V3): the cache holds one compressed latent of
   * this width per token per layer instead of K and V per head. `headDim` is then the
   * non-rotary query/key and the value head dim (qk_nope_head_dim = v_head_dim).
   */
  kvLoraRank?: number;
  /** MLA: width of the rotary key part shared by all heads and cached beside the latent (qk_rope_head_dim). */
  ropeHeadDim?: number;
  /** MLA: rank of the query compression (q_lora_rank); 0 or absent: queries projected directly. */
  qLoraRank?: number;
  /** Sliding-window attention: the window in tokens, on `slidingLayers` of the layers. */
  slidingWindow?: number;
  slidingLayers?: number;
  /** Multi-token-prediction modules carried beside the model (not in `paramsB`; used only by speculative decoding). */
  mtpLayers?: number;
  /** Total parameters as published, for display and checks. */
  paramsB: number;
  source: string;
}

export interface LlmWorkload {
  /** Preset id (MODEL_IDS) or 'custom' (then `custom` holds the full spec). */
  model: ModelId | 'custom';
  custom: ModelSpec | null;
  batch: number; // concurrent users (sequences)
  prompt: number; // input tokens
  output: number; // generated tokens
  weights: Precision;
  activations: Precision;
  kv: Precision;
  /** How users share the machine: a static batch, or continuous batching at `batch` concurrent requests. */
  batching: Batching;
  /** Batch sweep: keep this scenario's machine at every batch, or the minimum machine per batch. */
  sweepMachine: SweepMachine;
  /** Speculative decoding on both machines (off: plain decoding, the talk's "apples to apples"). */
  speculative: Speculation;
  /** Prefill on one machine, decode on the other (the scenario's SRAM machine and GPU baseline), or off. */
  disagg: DisaggMode;
}

/**
 * Each step drafts `k` tokens (a small draft model, or a one-layer prediction head), the
 * target checks all of them in one pass, and each draft token is accepted with probability
 * `accept` until the first rejection (docs/llm-model.md, "Speculative decoding").
 */
export interface Speculation {
  mode: SpeculationMode;
  /** Draft model (mode 'draft'): a preset smaller than the target. */
  draft: ModelId;
  /** Draft tokens per step. */
  k: number;
  /** Probability a draft token is accepted, given the ones before it were: in (0, 1). */
  accept: number;
}

/** SRAM-only chip (GroqChip / TSP lineage). All figures editable; presets carry sources. */
export interface ChipSpec {
  id: string;
  name: string;
  sramMB: number; // decimal MB per chip
  clockMHz: number;
  tflopsFp16: number;
  topsInt8: number;
  sramBandwidthTBps: number;
  linksPerChip: number;
  linkBandwidthGBps: number; // per link, per direction
  hopLatencyUs: number;
  chipsPerNode: number;
  /** Each chip's own way in from outside the system (host port or network), GB/s per direction: a KV cache moved in from another machine. */
  ioGBps: number;
  powerW: number; // per chip (card), at load
  priceUsdPerChipHour: number; // amortised system cost per chip-hour
  /** Fraction of peak compute a compiled schedule achieves (fitted, editable). */
  computeEfficiency: number;
  /**
   * Fitted: fraction of the quoted SRAM bandwidth sustained when streaming weights and KV at
   * small batch (symmetric to the GPU's hbmEfficiency); absorbs weight install into the matrix
   * units, vector work and schedule slack. Compute tasks take max(FLOPs / (peak x
   * computeEfficiency), bytes / (sramBandwidth x sramEfficiency)).
   */
  sramEfficiency: number;
  /**
   * Fitted: time per layer that does not scale with the layer's width (vector work, the
   * synchronisation of the chips of a layer, schedule slack), microseconds.
   */
  layerOverheadUs: number;
  sources: Record<string, string>;
}

/** Figures of a serving stack (stacks.ts), merged into the GPU's figures and overridable like them. */
export interface StackFigures {
  /** Fitted: kernel-launch gaps and small kernels per transformer layer, microseconds. */
  launchOverheadUsPerLayer: number;
  /** Fitted: fixed time of one tensor-parallel all-reduce beyond its transfers, microseconds. */
  allReduceOverheadUs: number;
  /** Fitted: per-request time outside the layers (scheduling, first sampling step), ms. */
  requestOverheadMs: number;
  /** Weight-only kernels stream at this share of the 16-bit rate (dequantisation per weight). */
  int8StreamEfficiency: number;
  int4StreamEfficiency: number;
  fp8StreamEfficiency: number;
  /** Share of HBM bandwidth the attention kernel sustains reading the KV cache. */
  kvReadEfficiency: number;
  /** Mixture-of-experts: grouped expert GEMMs (and routing, token permutation) reach this share of the dense GEMM rate, 16-bit math. */
  expertComputeEfficiency: number;
  /** The same with fp8 math. */
  expertComputeEfficiencyFp8: number;
}

export interface GpuSpec extends StackFigures {
  id: GpuId | string;
  name: string;
  hbmGB: number;
  hbmBandwidthTBps: number;
  tflopsBf16: number;
  tflopsFp8: number; // 0 when not supported (falls back to bf16 math)
  topsInt8: number;
  tflopsFp4: number; // 0 when not supported
  nvlinkGBps: number; // per GPU, bidirectional, as datasheets quote it
  gpusPerNode: number;
  interNodeGBps: number; // per GPU, per direction (InfiniBand)
  interNodeLatencyUs: number;
  nvlinkLatencyUs: number;
  powerW: number;
  priceUsdPerHour: number;
  /** Fitted: fraction of HBM bandwidth achieved when streaming 16-bit weights. */
  hbmEfficiency: number;
  /** Fraction of the 16-bit peak large GEMMs sustain. */
  computeEfficiency: number;
  /** Fraction of the fp8 peak large fp8 GEMMs sustain (lower than 16-bit on Hopper). */
  computeEfficiencyFp8: number;
  /** Run-to-run jitter (coefficient of variation of time per token, static batching). */
  jitterCv: number;
  sources: Record<string, string>;
}

export interface SramSystem {
  chip: ChipId;
  overrides: Partial<Omit<ChipSpec, 'id' | 'name' | 'sources'>>;
  /** null = the minimum that fits. */
  chips: number | null;
  topology: Topology;
}

export interface GpuSystem {
  gpu: GpuId;
  overrides: Partial<Omit<GpuSpec, 'id' | 'name' | 'sources'>>;
  /** null = the minimum that fits. */
  gpus: number | null;
  /** Serving software the figures assume. */
  stack: StackId;
  /** Tensor-parallel degree; null = choose (up to gpusPerNode). */
  tp: number | null;
  /** Seed for the run-to-run jitter. */
  seed: number;
}

interface ViewState {
  panel: PanelId;
  cycle: number;
  tour: { id: string; step: number } | null;
  presenter: boolean;
}

export interface Classroom {
  /** Ids of controls and panels the author hid. */
  hidden: string[];
  locked: boolean;
}

/** Current document version. History and migration: docs/scenario-format.md, migrate.ts. */
export const SCENARIO_VERSION = 2;

export interface Scenario {
  v: typeof SCENARIO_VERSION;
  gemm: GemmScenario;
  llm: LlmWorkload;
  lpu: SramSystem;
  gpu: GpuSystem;
  view: ViewState;
  classroom: Classroom;
}
