// Which layers and shards sit on which chip. The SRAM machine holds everything on chip
// (weights, KV cache, activations); the GPU splits over HBM. Both answer "does it fit, and
// if not, what would it need".
import type { ChipOccupancy } from '../types';
import type { ChipSpec, GpuSpec, LlmWorkload, ModelSpec } from '../../scenario/types';
import { bytesPerElement } from './precision';
import { microBatching } from './pipeline';
import {
  activationBytesPerTokenPerLayer,
  ioWeightBytes,
  kvBytesPerTokenPerLayer,
  kvShards,
  kvTokensPerLayer,
  paramsPerLayer,
  type Formats,
} from './workload';
import { rangeOf } from '../../scenario/fields';

/** A workload's shape; `batching` defaults to static. */
export type Shape = Formats & Pick<LlmWorkload, 'batch' | 'prompt' | 'output'> & { batching?: LlmWorkload['batching'] };

/** The SRAM machine runs the prefill in chunks of this many tokens per sequence (activation buffers sized for it). */
export const PREFILL_CHUNK_TOKENS = 64;
/** Largest tensor-parallel group considered on the SRAM machine. */
const MAX_LPU_TP = 512;
/** Fraction of HBM usable for weights, KV and activations (rest: CUDA context, workspace, fragmentation). */
export const HBM_USABLE_FRACTION = 0.9;
/**
 * Tokens one GPU forward pass holds activations for: servers split a long prefill (or many
 * prompts) into chunks of at most this many tokens (TensorRT-LLM's default max_num_tokens).
 */
export const GPU_PREFILL_CHUNK_TOKENS = 8192;
/** HBM capacities are binary: an "80 GB" GPU holds 80 GiB. */
const HBM_GB = 2 ** 30;
/** One GPU's HBM in bytes. */
export const gpuHbmBytes = (g: Pick<GpuSpec, 'hbmGB'>): number => g.hbmGB * HBM_GB;

/** What `batch` counts: users of a static batch, or concurrent requests under continuous batching. */
function usersWord(s: Shape): string {
  return s.batching === 'continuous' ? 'concurrency' : 'batch';
}

const MB = 1e6;
const GB = 1e9;

export interface LpuLayout {
  fits: boolean;
  message?: string;
  /** Chips in the system (given, or the minimum). */
  chips: number;
  /** Chips holding something. */
  chipsUsed: number;
  /** Minimum chips this workload needs. */
  chipsNeeded: number;
  tp: number;
  stages: number;
  layersPerStage: number;
  /** Chips holding the embedding table and output head, after the last stage. */
  ioChips: number;
  /** Users per micro-batch in flight through the stages (activation buffers are sized for it). */
  microBatchSize: number;
  occupancy: ChipOccupancy[];
}

interface LpuSizes {
  capacity: number;
  layerWeights: number;
  layerKvPrompt: number;
  layerKvFinal: number;
  layerActivations: number;
  ioBytes: number;
}

/** `actBatch`: users whose prefill-chunk activations a stage holds at once (one micro-batch). */
function lpuSizes(m: ModelSpec, s: Shape, chip: ChipSpec, actBatch = s.batch): LpuSizes {
  const kvTok = kvBytesPerTokenPerLayer(m, s);
  return {
    capacity: chip.sramMB * MB,
    layerWeights: paramsPerLayer(m) * bytesPerElement(s.weights),
    layerKvPrompt: s.batch * kvTokensPerLayer(m, s.prompt) * kvTok,
    layerKvFinal: s.batch * kvTokensPerLayer(m, s.prompt + s.output) * kvTok,
    layerActivations: actBatch * Math.min(s.prompt, PREFILL_CHUNK_TOKENS) * activationBytesPerTokenPerLayer(m, s),
    ioBytes: ioWeightBytes(m, s),
  };
}

/** Layers one chip of a tp-wide group can hold (0 if not even one). Activations are live for one layer at a time. */
function layersPerChip(z: LpuSizes, tp: number): number {
  const free = z.capacity - z.layerActivations / tp;
  const perLayer = (z.layerWeights + z.layerKvFinal) / tp;
  return free <= 0 ? 0 : Math.floor(free / perLayer);
}

function ioChipsFor(z: LpuSizes, batch: number, m: ModelSpec, s: Shape): number {
  const logits = batch * m.vocab * bytesPerElement(s.activations);
  for (let n = 1; n <= MAX_LPU_TP; n++) if ((z.ioBytes + logits) / n <= z.capacity) return n;
  return Infinity;
}

export interface LpuCandidate {
  tp: number;
  stages: number;
  layersPerStage: number;
  ioChips: number;
  chips: number;
  microBatchSize: number;
}

/**
 * Every tp with the fewest stages that fit (`allStages`: also every larger stage count),
 * cheapest first. Stages hold the activations of one micro-batch of ceil(batch / stages)
 * users at a time, so the fit depends on the stage count.
 */
export function lpuCandidates(m: ModelSpec, s: Shape, chip: ChipSpec, allStages = false, maxChips = Infinity): LpuCandidate[] {
  const z1 = lpuSizes(m, s, chip, 1);
  const io = ioChipsFor(z1, s.batch, m, s);
  const out: LpuCandidate[] = [];
  if (!Number.isFinite(io)) return out;
  // Tensor-parallel groups are 1..2 x chipsPerNode chips, then whole nodes. A group a little
  // larger than a node (e.g. 9 chips when a layer and its KV cache outgrow a node of 8) puts
  // some messages on global links but saves chips; beyond two nodes only whole nodes are worth it.
  const cpn = chip.chipsPerNode;
  for (let tp = 1; tp <= MAX_LPU_TP; tp = tp < 2 * cpn ? tp + 1 : (Math.floor(tp / cpn) + 1) * cpn) {
    let lastStages = 0;
    for (let l = Math.min(m.layers, layersPerChip(z1, tp)); l >= 1; l--) {
      const stages = Math.ceil(m.layers / l);
      if (stages === lastStages) continue;
      if (tp * stages + io > maxChips) break; // more stages only need more chips
      const b = microBatching(s.batch, stages).microBatchSize;
      if (layersPerChip(lpuSizes(m, s, chip, b), tp) < Math.ceil(m.layers / stages)) continue;
      lastStages = stages;
      out.push({ tp, stages, layersPerStage: Math.ceil(m.layers / stages), ioChips: io, chips: tp * stages + io, microBatchSize: b });
      if (!allStages) break;
    }
  }
  return out.sort((a, b) => a.chips - b.chips || a.tp - b.tp || a.stages - b.stages);
}

function lpuOccupancy(m: ModelSpec, s: Shape, chip: ChipSpec, c: LpuCandidate): ChipOccupancy[] {
  const z = lpuSizes(m, s, chip, c.microBatchSize);
  const occ: ChipOccupancy[] = [];
  for (let st = 0; st < c.stages; st++) {
    const first = st * c.layersPerStage;
    const last = Math.min(m.layers, first + c.layersPerStage) - 1;
    const n = last - first + 1;
    for (let j = 0; j < c.tp; j++) {
      occ.push({
        weightsBytes: (n * z.layerWeights) / c.tp,
        kvPromptBytes: (n * z.layerKvPrompt) / c.tp,
        kvFinalBytes: (n * z.layerKvFinal) / c.tp,
        activationBytes: z.layerActivations / c.tp,
        capacityBytes: z.capacity,
        label: `${n === 1 ? `layer ${first}` : `layers ${first}-${last}`}, shard ${j + 1}/${c.tp}`,
      });
    }
  }
  for (let j = 0; j < c.ioChips; j++) {
    occ.push({
      weightsBytes: z.ioBytes / c.ioChips,
      kvPromptBytes: 0,
      kvFinalBytes: 0,
      activationBytes: (s.batch * m.vocab * bytesPerElement(s.activations)) / c.ioChips,
      capacityBytes: z.capacity,
      label: `embedding + output head, shard ${j + 1}/${c.ioChips}`,
    });
  }
  return occ;
}

interface LpuLayoutOptions {
  /** Force a tensor-parallel degree (bench: spread a model over every chip). */
  tp?: number;
  /** Scores a candidate (lower is better) when several fit in the chips given; default: fewest chips. */
  score?: (c: LpuCandidate) => number;
  /** false: skip the largest-batch search in the no-fit message (the sweep only needs fits). */
  explain?: boolean;
  /** With chips = null: the system size the minimum is rounded up to (whole nodes); layouts up to it compete. */
  roundUp?: (chipsNeeded: number) => number;
  /**
   * With chips = null: layouts using up to this fraction more chips than the minimum compete
   * (default 0), and the system is the chosen layout's chips rounded up.
   */
  slack?: number;
}

/** Largest batch that fits in `chips` chips, 0 if none (binary search over the fit test). */
function lpuMaxBatch(m: ModelSpec, s: Shape, chip: ChipSpec, chips: number): number {
  const fitsAt = (b: number) => lpuCandidates(m, { ...s, batch: b }, chip).some((c) => c.chips <= chips);
  if (!fitsAt(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (hi <= 1 << 20 && fitsAt(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fitsAt(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A layout that does not fit: nothing placed, and why. */
function noLayout(chips: number, chipsNeeded: number, message: string): LpuLayout {
  return {
    fits: false,
    chips,
    chipsUsed: 0,
    chipsNeeded,
    tp: 0,
    stages: 0,
    layersPerStage: 0,
    ioChips: 0,
    microBatchSize: 0,
    occupancy: [],
    message,
  };
}

/** Lays the model out on `chips` SRAM chips (null: the minimum that fits). */
export function lpuLayout(m: ModelSpec, s: Shape, chip: ChipSpec, chips: number | null, opts: LpuLayoutOptions = {}): LpuLayout {
  let cands = lpuCandidates(m, s, chip);
  const cheapest = cands[0];
  if (!cheapest) {
    return noLayout(
      chips ?? 0,
      Infinity,
      `${m.name} at batch ${s.batch} does not fit on any number of ${chip.name} chips (${chip.sramMB} MB each): the activations of one layer exceed a chip's SRAM even split ${MAX_LPU_TP} ways; reduce the batch or prompt`,
    );
  }
  // Policy: keep each tensor-parallel group inside one node (fully connected, one hop) when a
  // layer fits in a node; across nodes every collective step pays a global hop.
  const inNode = cands.find((c) => c.tp <= chip.chipsPerNode);
  const chipsNeeded = (inNode ?? cheapest).chips;
  const spanNote = cheapest.chips < chipsNeeded ? ` (${cheapest.chips} if tensor-parallel groups span nodes)` : '';
  const roundUp = opts.roundUp ?? ((n: number) => n);
  // The largest system a scenario may name (a trillion-parameter model at a large batch can
  // need more): say so rather than build a network the simulator refuses.
  const maxChips = rangeOf('lpu.chips').max;
  if (chips === null && chipsNeeded > maxChips) {
    return noLayout(
      maxChips,
      chipsNeeded,
      `${m.name} (${s.weights} weights, ${s.kv} KV) at batch ${s.batch} with ${s.prompt}+${s.output} tokens needs ${chipsNeeded} chips, ` +
        `more than the ${maxChips} a system may have here; reduce the batch, the context or the precision.`,
    );
  }
  const budget = chips ?? Math.min(maxChips, roundUp(Math.ceil(chipsNeeded * (1 + (opts.slack ?? 0)))));
  // with a score, every stage count that fits the budget competes (more stages: more users in flight)
  if (opts.score) cands = lpuCandidates(m, s, chip, true, budget);
  if (opts.tp !== undefined) cands = cands.filter((c) => c.tp === opts.tp);
  const fitting = cands.filter((c) => c.chips <= budget);
  if (fitting.length === 0) {
    const maxB = chips === null || opts.explain === false ? 0 : lpuMaxBatch(m, s, chip, chips);
    const forced = opts.tp !== undefined ? ` with tensor parallel ${opts.tp}` : '';
    return noLayout(
      budget,
      chipsNeeded,
      `${m.name} (${s.weights} weights, ${s.kv} KV) at batch ${s.batch} with ${s.prompt}+${s.output} tokens needs ${chipsNeeded} chips` +
        `${spanNote}${forced}; ${budget} given.` +
        (maxB > 0 ? ` The largest ${usersWord(s)} that fits on ${budget} chips is ${maxB}.` : ''),
    );
  }
  const score = opts.score ?? ((c: LpuCandidate) => c.chips);
  const best = fitting.reduce((a, b) => (score(b) < score(a) ? b : a));
  return {
    fits: true,
    chips: chips ?? roundUp(best.chips),
    chipsUsed: best.chips,
    chipsNeeded,
    tp: best.tp,
    stages: best.stages,
    layersPerStage: best.layersPerStage,
    ioChips: best.ioChips,
    microBatchSize: best.microBatchSize,
    occupancy: lpuOccupancy(m, s, chip, best),
  };
}

/**
 * Chip index of shard j of stage st. Stages come first so that a group of chipsPerNode (or a
 * divisor of it) lines up with a node; the embedding/head chips follow the last stage.
 */
export function lpuChipIndex(layout: Pick<LpuLayout, 'tp'>, stage: number, shard: number): number {
  return stage * layout.tp + shard;
}

/** Chip index of embedding/head shard j. */
export function lpuIoChipIndex(layout: Pick<LpuLayout, 'tp' | 'stages'>, shard: number): number {
  return layout.stages * layout.tp + shard;
}

// ---------------------------------------------------------------- GPU

export interface GpuLayout {
  fits: boolean;
  message?: string;
  gpus: number;
  gpusNeeded: number;
  tp: number;
  pp: number;
  /** Largest batch whose KV cache fits on these GPUs. */
  maxBatch: number;
  occupancy: ChipOccupancy[];
}

interface GpuBytes {
  weights: number;
  kvPrompt: number;
  kvFinal: number;
  activations: number;
  capacity: number;
}

function gpuBytesPerGpu(m: ModelSpec, s: Shape, g: GpuSpec, tp: number, pp: number): GpuBytes {
  const kvShard = 1 / kvShards(m, tp); // KV heads replicate when tp exceeds them
  const kvTok = kvBytesPerTokenPerLayer(m, s) * (m.layers / pp) * kvShard;
  const weights = (m.layers * paramsPerLayer(m) * bytesPerElement(s.weights) + ioWeightBytes(m, s)) / (tp * pp);
  return {
    weights,
    kvPrompt: s.batch * kvTokensPerLayer(m, s.prompt) * kvTok,
    kvFinal: s.batch * kvTokensPerLayer(m, s.prompt + s.output) * kvTok,
    activations: (Math.min(s.batch * s.prompt, GPU_PREFILL_CHUNK_TOKENS) * activationBytesPerTokenPerLayer(m, s)) / tp,
    capacity: gpuHbmBytes(g) * HBM_USABLE_FRACTION,
  };
}

function gpuFits(b: GpuBytes): boolean {
  return b.weights + b.kvFinal + b.activations <= b.capacity;
}

/** Default tensor-parallel degree for `gpus` GPUs: the largest power of two within a node that divides it and the heads. */
function defaultTp(m: ModelSpec, g: GpuSpec, gpus: number): number {
  let tp = 1;
  while (tp * 2 <= Math.min(gpus, g.gpusPerNode) && gpus % (tp * 2) === 0 && m.heads % (tp * 2) === 0) tp *= 2;
  return tp;
}

const MAX_GPUS = 4096;

/** Smallest GPU count (tp within a node, pipeline across nodes) that holds the workload. */
function gpuMinGpus(m: ModelSpec, s: Shape, g: GpuSpec): { gpus: number; tp: number; pp: number } | null {
  for (let n = 1; n <= MAX_GPUS; n++) {
    const tp = defaultTp(m, g, n);
    if (n <= g.gpusPerNode ? tp !== n : tp !== Math.min(g.gpusPerNode, n)) continue;
    const pp = n / tp;
    if (gpuFits(gpuBytesPerGpu(m, s, g, tp, pp))) return { gpus: n, tp, pp };
  }
  return null;
}

function gpuMaxBatch(m: ModelSpec, s: Shape, g: GpuSpec, tp: number, pp: number): number {
  const one = gpuBytesPerGpu(m, { ...s, batch: 1 }, g, tp, pp);
  const chunk = gpuBytesPerGpu(m, { ...s, batch: GPU_PREFILL_CHUNK_TOKENS }, g, tp, pp).activations; // the largest activations any batch needs
  return Math.max(0, Math.floor((one.capacity - one.weights - chunk) / one.kvFinal));
}

/** Lays the model out on `gpus` GPUs (null: the minimum that fits). */
export function gpuLayout(m: ModelSpec, s: Shape, g: GpuSpec, gpus: number | null, tpGiven: number | null): GpuLayout {
  const min = gpuMinGpus(m, s, g);
  const gpusNeeded = min?.gpus ?? Infinity;
  const n = gpus ?? min?.gpus ?? 0;
  if (n === 0 || (gpus === null && !min)) {
    // Say why: with the widest tensor parallel a node allows, what one GPU must still hold.
    const widest = gpuBytesPerGpu(m, s, g, Math.min(g.gpusPerNode, m.heads), 1);
    const why =
      widest.activations > widest.capacity
        ? `: the prefill activations of one layer need ${(widest.activations / GB).toFixed(1)} GB per GPU even split ${Math.min(g.gpusPerNode, m.heads)} ways, more than the ${(widest.capacity / GB).toFixed(1)} GB usable; reduce the batch or prompt`
        : '';
    return {
      fits: false,
      gpus: 0,
      gpusNeeded,
      tp: 0,
      pp: 0,
      maxBatch: 0,
      occupancy: [],
      message: `${m.name} at batch ${s.batch} does not fit on up to ${MAX_GPUS} ${g.name} GPUs${why}`,
    };
  }
  const tp = tpGiven ?? (gpus === null && min ? min.tp : defaultTp(m, g, n));
  const pp = Math.max(1, Math.floor(n / tp));
  const bytes = gpuBytesPerGpu(m, s, g, tp, pp);
  const maxBatch = gpuMaxBatch(m, s, g, tp, pp);
  if (!gpuFits(bytes)) {
    const weightsOnly = bytes.weights > bytes.capacity;
    const message = weightsOnly
      ? `${m.name} ${s.weights} weights need ${((bytes.weights * tp * pp) / GB).toFixed(1)} GB; ${n} x ${g.name} hold ${((bytes.capacity * n) / GB).toFixed(1)} GB usable: needs ${Number.isFinite(gpusNeeded) ? gpusNeeded : 'more than ' + MAX_GPUS} GPUs`
      : `${usersWord(s)} ${s.batch} with ${s.prompt}+${s.output} tokens: KV cache does not fit on ${n} x ${g.name}; max ${usersWord(s)} ${maxBatch} on ${n} GPU${n === 1 ? '' : 's'}, or ${Number.isFinite(gpusNeeded) ? gpusNeeded : 'more than ' + MAX_GPUS} GPUs for ${usersWord(s)} ${s.batch}`;
    return { fits: false, message, gpus: n, gpusNeeded, tp, pp, maxBatch, occupancy: [] };
  }
  const occupancy: ChipOccupancy[] = [];
  const perStage = Math.ceil(m.layers / pp);
  for (let st = 0; st < pp; st++) {
    const first = st * perStage;
    const last = Math.min(m.layers, first + perStage) - 1;
    for (let j = 0; j < tp; j++) {
      occupancy.push({
        weightsBytes: bytes.weights,
        kvPromptBytes: bytes.kvPrompt,
        kvFinalBytes: bytes.kvFinal,
        activationBytes: bytes.activations,
        capacityBytes: gpuHbmBytes(g),
        label: `${pp > 1 ? `stage ${st + 1}/${pp}, ` : ''}layers ${first}-${last}, TP shard ${j + 1}/${tp}`,
      });
    }
  }
  return { fits: true, gpus: n, gpusNeeded, tp, pp, maxBatch, occupancy };
}
