// The SRAM-only machine: statically scheduled, so every token of a step takes the same time
// (p99 = p50). Decode: one simulated step. Prefill: one chunk simulated, the rest pipelined.
import type { MachineResult, RooflinePoint } from '../types';
import type { ChipSpec, ModelSpec, Topology } from '../../scenario/types';
import { ringAllReduceUs, transferUs, type Interconnect } from './analyticNetwork';
import { lpuLayout, PREFILL_CHUNK_TOKENS, type LpuLayout, type Shape } from './partition';
import { buildLpuStep, lpuRates, type BuiltStep } from './programs';
import { chipPeakTflops, mathPrecision, bytesPerElement } from './precision';
import { layerWork } from './workload';
import { lpuSystemChips } from './systemSize';
import { breakdownOf, economics, notFitting, rooflinePoint } from './metrics';

export interface LpuInputs {
  model: ModelSpec;
  shape: Shape;
  chip: ChipSpec;
  chips: number | null;
  topology: Topology;
  /** Force a tensor-parallel degree (bench). */
  tp?: number;
  /** false: no largest-batch search when it does not fit (sweep). */
  explain?: boolean;
}

/** Context a decode step sees on average over the answer. */
export function meanDecodeContext(s: Shape): number {
  return s.prompt + Math.floor(s.output / 2);
}

/**
 * Closed-form step of a layout: the compute chain plus ring, contention-free communication.
 * `step` defaults to one decode step at the mean context.
 */
export function lpuClosedFormStep(
  m: ModelSpec, s: Shape, chip: ChipSpec, tp: number, stages: number,
  step: { newTokens: number; context: number } = { newTokens: 1, context: meanDecodeContext(s) },
): { computeUs: number; commUs: number } {
  const r = lpuRates(chip, s);
  const w = layerWork(m, s, s.batch, step.newTokens, step.context);
  const comp = Math.max(w.attnFlops / tp / r.flopsPerUs, (w.attnWeightBytes + w.kvBytes) / tp / r.bytesPerUs) +
    Math.max(w.ffnFlops / tp / r.flopsPerUs, w.ffnWeightBytes / tp / r.bytesPerUs);
  const vec = s.batch * step.newTokens * m.hidden * bytesPerElement(s.activations);
  const lat = tp <= chip.chipsPerNode ? chip.hopLatencyUs : 3 * chip.hopLatencyUs;
  const ar = ringAllReduceUs(tp, vec, chip.linkBandwidthGBps, lat);
  const hop = chip.hopLatencyUs + transferUs(vec, chip.linkBandwidthGBps);
  return { computeUs: m.layers * comp, commUs: m.layers * 2 * ar + (stages + 1) * hop };
}

function estimateStepUs(m: ModelSpec, s: Shape, chip: ChipSpec, tp: number, stages: number): number {
  const e = lpuClosedFormStep(m, s, chip, tp, stages);
  return e.computeUs + e.commUs;
}

/** Lays the model out; with chips = null the system is the minimum rounded up to a buildable network. */
export function layoutLpu(i: LpuInputs): LpuLayout {
  const layout = lpuLayout(i.model, i.shape, i.chip, i.chips, {
    tp: i.tp,
    explain: i.explain,
    score: (c) => estimateStepUs(i.model, i.shape, i.chip, c.tp, c.stages) * (1 + 1e-9 * c.chips),
    roundUp: (n) => lpuSystemChips(n, i.topology, i.chip.chipsPerNode),
  });
  return layout;
}

export function buildLpuDecodeStep(i: LpuInputs, layout: LpuLayout = layoutLpu(i)): BuiltStep {
  return buildLpuStep(i.model, i.shape, i.chip, layout, i.topology, { batch: i.shape.batch, newTokens: 1, context: meanDecodeContext(i.shape) });
}

/** The prefill runs in chunks of `chunk` tokens per sequence; each is costed at the mean context of the prompt's chunks. */
export function lpuPrefillChunking(s: Shape): { chunk: number; chunks: number; context: number } {
  const chunk = Math.min(s.prompt, PREFILL_CHUNK_TOKENS);
  return { chunk, chunks: Math.ceil(s.prompt / chunk), context: Math.max(0, Math.floor(s.prompt / 2 - chunk / 2)) };
}

export function buildLpuPrefillChunk(i: LpuInputs, layout: LpuLayout): { built: BuiltStep; chunk: number; chunks: number } {
  const c = lpuPrefillChunking(i.shape);
  const built = buildLpuStep(i.model, i.shape, i.chip, layout, i.topology, { batch: i.shape.batch, newTokens: c.chunk, context: c.context });
  return { built, chunk: c.chunk, chunks: c.chunks };
}

export interface LpuRun {
  result: MachineResult;
  roofline: RooflinePoint[];
  layout: LpuLayout;
  /** Simulated / closed-form communication time of the decode step (scales the sweep's closed forms). */
  commScale: number;
}

export function runLpu(i: LpuInputs, net: Interconnect): LpuRun {
  const { chip, shape: s, model: m } = i;
  const layout = layoutLpu(i);
  if (!layout.fits) {
    return { result: notFitting('lpu', chip.name, layout.message ?? 'does not fit', layout.chips, layout.chipsNeeded), roofline: [], layout, commScale: 1 };
  }
  const decode = buildLpuDecodeStep(i, layout);
  const decodeNet = net.simulate(decode.spec, decode.program);
  const closed = lpuClosedFormStep(m, s, chip, layout.tp, layout.stages);
  const commScale = closed.commUs > 0 ? decodeNet.communicationUs / closed.commUs : 1;
  // Prefill: one chunk's pass simulated (its all-reduces carry 64x the bytes of a decode step's,
  // so contention matters; scaling the decode step's ratio underestimated it by ~40%). Chunks
  // stream through the pipeline: the first takes the whole pass, each later one a stage's share.
  const pre = buildLpuPrefillChunk(i, layout);
  const passUs = net.simulate(pre.built.spec, pre.built.program).stepUs;
  const ttftMs = (passUs + (pre.chunks - 1) * (passUs / layout.stages)) / 1000;
  const tpotMs = decodeNet.stepUs / 1000;
  const powerW = layout.chips * chip.powerW;
  const costPerHourUsd = layout.chips * chip.priceUsdPerChipHour;
  const econ = economics(ttftMs, tpotMs, s.batch, s.output, powerW, costPerHourUsd);
  const peak = layout.chipsUsed * chipPeakTflops(chip, mathPrecision(s.weights, s.activations));
  const bw = layout.chipsUsed * chip.sramBandwidthTBps;
  return {
    layout, commScale,
    result: {
      machine: 'lpu', name: chip.name, fits: true, chips: layout.chips, chipsNeeded: layout.chipsNeeded,
      tensorParallel: layout.tp, pipelineStages: layout.stages, ttftMs, tpotMs, p99TpotMs: tpotMs, ...econ,
      powerW, costPerHourUsd, occupancy: layout.occupancy, network: decodeNet, breakdown: breakdownOf({ built: decode, net: decodeNet }),
    },
    roofline: [
      rooflinePoint('lpu', 'prefill', pre.built.flops * pre.chunks, pre.built.memoryBytes * pre.chunks, ttftMs, peak, bw),
      rooflinePoint('lpu', 'decode', decode.flops, decode.memoryBytes, tpotMs, peak, bw),
    ],
  };
}
