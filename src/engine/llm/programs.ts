// Program builders: turn a layout into the task DAG of one step (a decode step, or one prefill
// chunk) for the interconnect simulation, plus the NetworkSpec of each machine.
import type { CollectiveAlgorithm, NetworkSpec, Program, Task } from '../interconnect/program';
import type { ChipSpec, GpuSpec, ModelSpec, Topology } from '../../scenario/types';
import { bytesPerElement, chipPeakTflops, gpuPeakTflops, mathPrecision } from './precision';
import { headWork, layerWork, type Formats } from './workload';
import { chipSramTBps } from './hardware';
import { lpuChipIndex, lpuIoChipIndex, type GpuLayout, type LpuLayout } from './partition';
import type { StackSpec } from './stacks';

/** GroqNode: 4 global ports per card (Hot Chips 34 summaries; Argonne docs). */
const LPU_GLOBAL_PORTS = 4;

/** Time split of one chain of compute tasks (the critical path when the network is free). */
export interface ComputeSplit {
  /** Compute-bound task time (FLOPs / sustained peak). */
  computeUs: number;
  /** Memory-bound task time (bytes / sustained bandwidth). */
  memoryUs: number;
  /** Fixed per-task overheads (kernel launches). */
  overheadUs: number;
  /** Math that ran hidden under a longer memory stream (memory-bound tasks), not on the critical path. */
  hiddenComputeUs: number;
}

export interface BuiltStep {
  spec: NetworkSpec;
  program: Program;
  split: ComputeSplit;
  /** FLOPs and weight-memory bytes of the whole step, all chips. */
  flops: number;
  memoryBytes: number;
}

interface StepShape {
  batch: number;
  /** New tokens per sequence this step (1 for decode, the chunk for prefill). */
  newTokens: number;
  /** Tokens already in the KV cache. */
  context: number;
}

/** TFLOPS -> FLOP per microsecond; TB/s -> bytes per microsecond. */
const PER_US = 1e6;

class ProgramWriter {
  tasks: Task[] = [];
  private next = 0;
  compute(chip: number, durationUs: number, deps: number[], label: string): number {
    const id = this.next++;
    this.tasks.push({ kind: 'compute', id, chip, durationUs, deps, label });
    return id;
  }
  send(src: number, dst: number, bytes: number, deps: number[], label: string): number {
    const id = this.next++;
    this.tasks.push({ kind: 'send', id, src, dst, bytes, deps, label });
    return id;
  }
  collective(
    kind: 'allreduce' | 'allgather',
    chips: number[],
    bytes: number,
    deps: number[],
    label: string,
    algorithm: CollectiveAlgorithm,
  ): number {
    const id = this.next++;
    this.tasks.push(algorithm === 'ring' ? { kind, id, chips, bytes, deps, label } : { kind, id, chips, bytes, deps, label, algorithm });
    return id;
  }
}

/**
 * Sends one vector to every chip of `dst` (shard j from `srcOf(j)`). With `chipsPerNode`
 * (a dragonfly, where two nodes share one global link) one message crosses to each node
 * the destination occupies, to its first chip, which forwards it over local links; without,
 * every shard gets its own message (GPUs: one NIC each). Returns, per destination chip, the
 * task after which it holds the vector.
 */
function deliver(
  w: ProgramWriter,
  dst: number[],
  srcOf: (j: number) => { chip: number; dep: number },
  bytes: number,
  label: string,
  chipsPerNode: number | null,
): number[] {
  const out = new Array<number>(dst.length);
  const leaders = new Map<number, number>(); // node -> index of its first destination chip
  dst.forEach((c, j) => {
    const node = chipsPerNode === null ? j : Math.floor(c / chipsPerNode);
    const lead = leaders.get(node);
    if (lead === undefined) {
      leaders.set(node, j);
      const s = srcOf(j);
      out[j] = s.chip === c ? s.dep : w.send(s.chip, c, bytes, [s.dep], label);
    } else {
      out[j] = w.send(dst[lead], c, bytes, [out[lead]], `${label} (in node)`);
    }
  });
  return out;
}

/**
 * A unit of work on one chip: the larger of math and memory, plus a fixed overhead. Weights
 * and the KV cache stream at their own rates (weight-only kernels dequantise; the attention
 * kernel reads K/V at its own efficiency).
 */
export interface Cost {
  /** GEMM FLOPs (they overlap with streaming the weights). */
  flops: number;
  /** Attention over the context: its own kernel, reading the KV cache; it does not overlap with the GEMMs. */
  contextFlops?: number;
  /** FLOPs of routed experts (mixture-of-experts FFN), which run at their own rate. */
  expertFlops?: number;
  weightBytes: number;
  kvBytes: number;
  /** Activation traffic of the elementwise kernels between the GEMMs (memory-bound, not overlapped). */
  activationBytes?: number;
}
interface Rates {
  flopsPerUs: number;
  /** Grouped expert GEMMs (few tokens per expert, routing and token permutation) run slower than dense ones. */
  expertFlopsPerUs: number;
  weightBytesPerUs: number;
  kvBytesPerUs: number;
  /** Streaming rate of the elementwise kernels' activations (GPU: HBM; SRAM machine: on chip). */
  activationBytesPerUs: number;
  /** Fixed time of each layer task (half a layer: attention or FFN). */
  overheadUs: number;
  /** Fixed time added to a task that ends in a tensor-parallel all-reduce. */
  collectiveOverheadUs: number;
}

export function taskUs(c: Cost, r: Rates, split: ComputeSplit | null = null, collective = false): number {
  // GEMMs against their weight stream, then the attention kernel against its KV-cache reads
  const gemmMath = c.flops / r.flopsPerUs + (c.expertFlops ?? 0) / r.expertFlopsPerUs;
  const gemmMem = c.weightBytes / r.weightBytesPerUs;
  const ctxMath = (c.contextFlops ?? 0) / r.flopsPerUs;
  const ctxMem = c.kvBytes / r.kvBytesPerUs;
  const elementwise = (c.activationBytes ?? 0) / r.activationBytesPerUs;
  const fixed = r.overheadUs + (collective ? r.collectiveOverheadUs : 0);
  if (split) {
    for (const [math, mem] of [
      [gemmMath, gemmMem],
      [ctxMath, ctxMem],
    ]) {
      if (math >= mem) split.computeUs += math;
      else {
        split.memoryUs += mem;
        split.hiddenComputeUs += math;
      }
    }
    split.memoryUs += elementwise;
    split.overheadUs += fixed;
  }
  return Math.max(gemmMath, gemmMem) + Math.max(ctxMath, ctxMem) + elementwise + fixed;
}

/**
 * The one description of a transformer layer both machines run, per tensor-parallel shard:
 * attention (QKV/O weights and the KV cache) then the FFN, each followed by an all-reduce of
 * the hidden vectors when tp > 1. The simulated programs and the closed forms both read it.
 */
interface LayerCosts {
  attn: Cost;
  ffn: Cost;
  vectorBytes: number;
}

export function layerCosts(m: ModelSpec, f: Formats, step: StepShape, tp: number): LayerCosts {
  const work = layerWork(m, f, step.batch, step.newTokens, step.context);
  return {
    attn: {
      flops: (work.attnFlops - work.attnContextFlops) / tp,
      contextFlops: work.attnContextFlops / tp,
      weightBytes: work.attnWeightBytes / tp,
      kvBytes: work.kvBytes / tp,
      activationBytes: work.activationBytes / 2 / tp,
    },
    ffn:
      m.experts > 1
        ? {
            flops: (work.ffnFlops - work.expertFlops) / tp, // shared experts and dense layers: plain GEMMs
            expertFlops: work.expertFlops / tp,
            weightBytes: work.ffnWeightBytes / tp,
            kvBytes: 0,
            activationBytes: work.activationBytes / 2 / tp,
          }
        : { flops: work.ffnFlops / tp, weightBytes: work.ffnWeightBytes / tp, kvBytes: 0, activationBytes: work.activationBytes / 2 / tp },
    vectorBytes: step.batch * step.newTokens * m.hidden * bytesPerElement(f.activations),
  };
}

/** Time of one layer on one shard, collectives excluded. */
export function layerComputeUs(c: LayerCosts, r: Rates, tp: number): number {
  return taskUs(c.attn, r, null, tp > 1) + taskUs(c.ffn, r, null, tp > 1);
}

/** The layer loop shared by both machines: attention, all-reduce, FFN, all-reduce, per layer. */
function writeLayers(
  w: ProgramWriter,
  m: ModelSpec,
  f: Formats,
  step: StepShape,
  rates: Rates,
  split: ComputeSplit,
  stages: number,
  layersPerStage: number,
  tp: number,
  chipOf: (stage: number, shard: number) => number,
  entry: number[],
  totals: { flops: number; bytes: number },
  algorithm: CollectiveAlgorithm,
  chipsPerNode: number | null,
  maxLayers = m.layers,
): { ready: number[]; stagesBuilt: number } {
  const work = layerWork(m, f, step.batch, step.newTokens, step.context);
  const { attn, ffn, vectorBytes } = layerCosts(m, f, step, tp);
  let ready = entry; // per shard: the task after which shard j may start
  let st = 0;
  for (; st < stages && st * layersPerStage < maxLayers; st++) {
    const chips = Array.from({ length: tp }, (_, j) => chipOf(st, j));
    if (st > 0) {
      const prev = ready;
      ready = deliver(w, chips, (j) => ({ chip: chipOf(st - 1, j), dep: prev[j] }), vectorBytes, `hand-off to stage ${st}`, chipsPerNode);
    }
    const first = st * layersPerStage;
    const last = Math.min(m.layers, maxLayers, first + layersPerStage);
    for (let layer = first; layer < last; layer++) {
      const a = chips.map((c, j) => w.compute(c, taskUs(attn, rates, j === 0 ? split : null, tp > 1), [ready[j]], `L${layer} attention`));
      const ar1 = tp > 1 ? w.collective('allreduce', chips, vectorBytes, a, `L${layer} attention all-reduce`, algorithm) : a[0];
      const fz = chips.map((c, j) => w.compute(c, taskUs(ffn, rates, j === 0 ? split : null, tp > 1), [ar1], `L${layer} FFN`));
      const ar2 = tp > 1 ? w.collective('allreduce', chips, vectorBytes, fz, `L${layer} FFN all-reduce`, algorithm) : fz[0];
      ready = chips.map(() => ar2);
      totals.flops += work.attnFlops + work.ffnFlops;
      totals.bytes += work.attnWeightBytes + work.kvBytes + work.ffnWeightBytes;
    }
  }
  return { ready, stagesBuilt: st };
}

function lpuNetworkSpec(chip: ChipSpec, chips: number, topology: Topology): NetworkSpec {
  return {
    topology,
    chips,
    chipsPerNode: chip.chipsPerNode,
    linkBandwidthGBps: chip.linkBandwidthGBps,
    hopLatencyUs: chip.hopLatencyUs,
    globalLinksPerChip: Math.max(1, Math.min(LPU_GLOBAL_PORTS, chip.linksPerChip - (chip.chipsPerNode - 1))),
    globalBandwidthGBps: chip.linkBandwidthGBps,
    globalLatencyUs: chip.hopLatencyUs,
  };
}

function gpuNetworkSpec(gpu: GpuSpec, gpus: number): NetworkSpec {
  return {
    topology: 'nvswitch',
    chips: gpus,
    chipsPerNode: Math.min(gpu.gpusPerNode, gpus),
    linkBandwidthGBps: gpu.nvlinkGBps / 2,
    hopLatencyUs: gpu.nvlinkLatencyUs,
    globalLinksPerChip: 1,
    globalBandwidthGBps: gpu.interNodeGBps,
    globalLatencyUs: gpu.interNodeLatencyUs,
  };
}

export function lpuRates(chip: ChipSpec, f: Formats): Rates {
  const peak = chipPeakTflops(chip, mathPrecision(f.weights, f.activations));
  // Static schedule: no launch gaps, but a fixed time per layer (vector work, synchronising
  // the layer's chips, slack); streaming runs at the fitted fraction of the quoted SRAM bandwidth.
  const sram = chipSramTBps(chip) * chip.sramEfficiency * PER_US;
  const flopsPerUs = peak * chip.computeEfficiency * PER_US;
  return {
    flopsPerUs,
    expertFlopsPerUs: flopsPerUs,
    weightBytesPerUs: sram,
    kvBytesPerUs: sram,
    activationBytesPerUs: sram,
    overheadUs: chip.layerOverheadUs / 2,
    collectiveOverheadUs: 0,
  };
}

/** The formats the output head runs in (its weights may be kept wider than the layers'). */
export function headFormats(f: Formats): Formats {
  return f.head && f.head !== f.weights ? { ...f, weights: f.head } : f;
}

/** Share of the 16-bit streaming rate a weight format reaches (weight-only kernels dequantise). */
function weightStreamEfficiency(gpu: GpuSpec, weights: Formats['weights']): number {
  switch (weights) {
    case 'int8':
      return gpu.int8StreamEfficiency;
    case 'int4':
    case 'mxfp4': // 4-bit weight-only kernels dequantise alike (no MXFP4 row in the corpus)
      return gpu.int4StreamEfficiency;
    case 'fp8':
      return gpu.fp8StreamEfficiency;
    default:
      return 1;
  }
}

const runsFp8 = (gpu: GpuSpec, f: Formats) => mathPrecision(f.weights, f.activations) === 'fp8' && gpu.tflopsFp8 > 0;

/** Share of the peak of the math format large GEMMs sustain. */
function gpuComputeEfficiency(gpu: GpuSpec, f: Formats): number {
  return runsFp8(gpu, f) ? gpu.computeEfficiencyFp8 : gpu.computeEfficiency;
}

/**
 * KV-cache traffic per byte of cache an attention step needs: a kernel that serves each KV
 * head to its group of query heads reads it once; a stack that first copies K and V to every
 * query head (repeat_interleave, as gpt-fast's model does) reads the cache, writes the copies
 * and reads them again.
 */
export function kvTrafficFactor(m: ModelSpec, stack: Pick<StackSpec, 'kvCopiedPerQueryHead'>): number {
  return stack.kvCopiedPerQueryHead ? 1 + 2 * (m.heads / m.kvHeads) : 1;
}

export function gpuRates(gpu: GpuSpec, f: Formats, kvTraffic = 1): Rates {
  const peak = gpuPeakTflops(gpu, mathPrecision(f.weights, f.activations));
  const hbm = gpu.hbmBandwidthTBps * PER_US;
  const flopsPerUs = peak * gpuComputeEfficiency(gpu, f) * PER_US;
  return {
    flopsPerUs,
    expertFlopsPerUs: flopsPerUs * (runsFp8(gpu, f) ? gpu.expertComputeEfficiencyFp8 : gpu.expertComputeEfficiency),
    weightBytesPerUs: hbm * gpu.hbmEfficiency * weightStreamEfficiency(gpu, f.weights),
    kvBytesPerUs: (hbm * gpu.kvReadEfficiency) / kvTraffic,
    activationBytesPerUs: hbm * gpu.hbmEfficiency,
    overheadUs: gpu.launchOverheadUsPerLayer / 2, // two kernel groups per layer (attention, FFN)
    collectiveOverheadUs: gpu.allReduceOverheadUs,
  };
}

/**
 * One step on the SRAM machine: the embedding chips send the new tokens' vectors to stage 0,
 * every stage runs its layers tensor-parallel and hands off to the next, the last stage
 * returns to the head chips, which compute logits and gather the chosen token.
 */
/**
 * Collective algorithm of the SRAM machine's tensor-parallel group: inside a fully connected
 * node every chip has a link to every peer, so a direct exchange (2 steps) is what a static
 * schedule does; a group of whole dragonfly nodes goes hierarchical; rings and tori keep the ring.
 */
export function lpuCollectiveAlgorithm(topology: Topology, tp: number, chipsPerNode: number): CollectiveAlgorithm {
  if (topology === 'fully-connected') return 'direct';
  if (topology !== 'dragonfly') return 'ring';
  if (tp % chipsPerNode === 0 && tp > chipsPerNode) return 'hierarchical';
  // a group of up to two nodes' worth of chips: direct (some messages cross a global link)
  return tp <= 2 * chipsPerNode ? 'direct' : 'ring';
}

/** GPUs: direct inside an NVSwitch node (one-shot all-reduce of TensorRT-LLM-class stacks), hierarchical across nodes. */
export function gpuCollectiveAlgorithm(tp: number, gpusPerNode: number, preferred: 'ring' | 'direct'): CollectiveAlgorithm {
  if (preferred === 'ring') return 'ring';
  return tp <= gpusPerNode ? 'direct' : 'hierarchical';
}

interface LpuStepOptions {
  /** Build only the first `layers` layers (work bound; the caller scales). Default: all. */
  layers?: number;
}

export function buildLpuStep(
  m: ModelSpec,
  f: Formats,
  chip: ChipSpec,
  layout: LpuLayout,
  topology: Topology,
  step: StepShape,
  opts: LpuStepOptions = {},
): BuiltStep {
  const w = new ProgramWriter();
  const rates = lpuRates(chip, f);
  const split: ComputeSplit = { computeUs: 0, memoryUs: 0, overheadUs: 0, hiddenComputeUs: 0 };
  const totals = { flops: 0, bytes: 0 };
  const { tp, ioChips } = layout;
  const vectorBytes = step.batch * step.newTokens * m.hidden * bytesPerElement(f.activations);
  const tokens = step.batch * step.newTokens;
  const io = Array.from({ length: ioChips }, (_, j) => lpuIoChipIndex(layout, j));
  const lookup = io.map((c, j) =>
    w.compute(
      c,
      taskUs({ flops: 0, weightBytes: vectorBytes / ioChips, kvBytes: 0 }, rates, j === 0 ? split : null),
      [],
      'embedding lookup',
    ),
  );
  const viaNode = topology === 'dragonfly' ? chip.chipsPerNode : null;
  const stage0 = Array.from({ length: tp }, (_, j) => lpuChipIndex(layout, 0, j));
  const entry = deliver(
    w,
    stage0,
    (j) => ({ chip: io[j % ioChips], dep: lookup[j % ioChips] }),
    vectorBytes,
    'embeddings to stage 0',
    viaNode,
  );
  const layers = Math.max(1, Math.min(m.layers, opts.layers ?? m.layers));
  const { ready: out, stagesBuilt } = writeLayers(
    w,
    m,
    f,
    step,
    rates,
    split,
    layout.stages,
    layout.layersPerStage,
    tp,
    (st, j) => lpuChipIndex(layout, st, j),
    entry,
    totals,
    lpuCollectiveAlgorithm(topology, tp, chip.chipsPerNode),
    viaNode,
    layers,
  );
  const lastStage = stagesBuilt - 1;
  const back = deliver(
    w,
    io,
    (j) => ({ chip: lpuChipIndex(layout, lastStage, j % tp), dep: out[j % tp] }),
    vectorBytes,
    'hidden state to head',
    viaNode,
  );
  // Decode: logits for every token; prefill: only each sequence's last token needs them.
  const headTokens = step.newTokens === 1 ? tokens : step.batch;
  const head = headWork(m, f, headTokens);
  const hc = io.map((c, j) =>
    w.compute(
      c,
      taskUs({ flops: head.flops / ioChips, weightBytes: head.weightBytes / ioChips, kvBytes: 0 }, rates, j === 0 ? split : null),
      [back[j]],
      'output head',
    ),
  );
  if (ioChips > 1)
    w.collective(
      'allgather',
      io,
      headTokens * 8,
      hc,
      'gather sampled tokens',
      lpuCollectiveAlgorithm(topology, ioChips, chip.chipsPerNode),
    );
  totals.flops += head.flops;
  totals.bytes += head.weightBytes;
  return {
    spec: lpuNetworkSpec(chip, layout.chips, topology),
    program: { tasks: w.tasks },
    split,
    flops: totals.flops,
    memoryBytes: totals.bytes,
  };
}

/** One step on the GPUs: tensor parallel within a node, pipeline stages across nodes. */
export function buildGpuStep(m: ModelSpec, f: Formats, gpu: GpuSpec, layout: GpuLayout, step: StepShape, stack: StackSpec): BuiltStep {
  const w = new ProgramWriter();
  const collective = stack.collective;
  const rates = gpuRates(gpu, f, kvTrafficFactor(m, stack));
  const split: ComputeSplit = { computeUs: 0, memoryUs: 0, overheadUs: 0, hiddenComputeUs: 0 };
  const totals = { flops: 0, bytes: 0 };
  const { tp, pp } = layout;
  const chipOf = (st: number, j: number) => st * tp + j;
  const vectorBytes = step.batch * step.newTokens * m.hidden * bytesPerElement(f.activations);
  const entry = Array.from({ length: tp }, (_, j) =>
    w.compute(
      chipOf(0, j),
      taskUs({ flops: 0, weightBytes: vectorBytes, kvBytes: 0 }, rates, j === 0 ? split : null),
      [],
      'embedding lookup',
    ),
  );
  const algorithm = gpuCollectiveAlgorithm(tp, gpu.gpusPerNode, collective);
  const out = writeLayers(w, m, f, step, rates, split, pp, Math.ceil(m.layers / pp), tp, chipOf, entry, totals, algorithm, null).ready;
  const headTokens = step.newTokens === 1 ? step.batch * step.newTokens : step.batch;
  const head = headWork(m, f, headTokens);
  const last = Array.from({ length: tp }, (_, j) => chipOf(pp - 1, j));
  const headRates = gpuRates(gpu, headFormats(f));
  const hc = last.map((c, j) =>
    w.compute(
      c,
      taskUs({ flops: head.flops / tp, weightBytes: head.weightBytes / tp, kvBytes: 0 }, headRates, j === 0 ? split : null),
      [out[j]],
      'output head',
    ),
  );
  if (tp > 1) w.collective('allgather', last, (headTokens * m.vocab * bytesPerElement(f.activations)) / tp, hc, 'gather logits', algorithm);
  totals.flops += head.flops;
  totals.bytes += head.weightBytes;
  return { spec: gpuNetworkSpec(gpu, layout.gpus), program: { tasks: w.tasks }, split, flops: totals.flops, memoryBytes: totals.bytes };
}
