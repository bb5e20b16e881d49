// The HBM GPU baseline: per-layer time = max(math, weight streaming) + launch overhead, with
// the collectives simulated over NVSwitch, and seeded run-to-run jitter for p50/p99.
import type { MachineResult, RooflinePoint } from '../types';
import type { GpuSpec, ModelSpec } from '../../scenario/types';
import { ringAllReduceUs, transferUs, type Interconnect } from './analyticNetwork';
import { gpuLayout, type GpuLayout, type Shape } from './partition';
import { buildGpuStep, gpuRates, type BuiltStep } from './programs';
import { bytesPerElement, gpuPeakTflops, mathPrecision } from './precision';
import { headWork, layerWork } from './workload';
import { jitterPercentiles } from './jitter';
import { breakdownOf, economics, notFitting, rooflinePoint } from './metrics';
import { meanDecodeContext } from './lpu';

export interface GpuInputs {
  model: ModelSpec;
  shape: Shape;
  gpu: GpuSpec;
  gpus: number | null;
  tp: number | null;
  seed: number;
}

export function buildGpuDecodeStep(i: GpuInputs, layout: GpuLayout): BuiltStep {
  return buildGpuStep(i.model, i.shape, i.gpu, layout, { batch: i.shape.batch, newTokens: 1, context: meanDecodeContext(i.shape) });
}

/** Closed-form decode step: per-layer max(math, HBM) + launch overhead, ring collectives, pipeline hops. */
export function gpuClosedFormStep(i: GpuInputs, tp: number, pp: number): { computeUs: number; commUs: number } {
  const { model: m, shape: s, gpu: g } = i;
  const r = gpuRates(g, s);
  const w = layerWork(m, s, s.batch, 1, meanDecodeContext(s));
  const per = (flops: number, bytes: number) => Math.max(flops / tp / r.flopsPerUs, bytes / tp / r.bytesPerUs) + r.overheadUs;
  const head = headWork(m, s, s.batch);
  const comp = m.layers * (per(w.attnFlops, w.attnWeightBytes + w.kvBytes) + per(w.ffnFlops, w.ffnWeightBytes)) + per(head.flops, head.weightBytes);
  const vec = s.batch * m.hidden * bytesPerElement(s.activations);
  const ar = ringAllReduceUs(tp, vec, g.nvlinkGBps / 2, g.nvlinkLatencyUs);
  const hop = (pp - 1) * (g.interNodeLatencyUs + transferUs(vec, g.interNodeGBps));
  return { computeUs: comp, commUs: m.layers * 2 * ar + hop };
}

export interface GpuRun {
  result: MachineResult;
  roofline: RooflinePoint[];
  layout: GpuLayout;
  commScale: number;
  /** p50 and p99 jitter multipliers. */
  jitter: { p50: number; p99: number };
}

export function runGpu(i: GpuInputs, net: Interconnect): GpuRun {
  const { gpu: g, shape: s, model: m } = i;
  const layout = gpuLayout(m, s, g, i.gpus, i.tp);
  const jitter = jitterPercentiles(g.jitterCv, i.seed);
  if (!layout.fits) {
    return { result: notFitting(String(g.id), g.name, layout.message ?? 'does not fit', layout.gpus, layout.gpusNeeded), roofline: [], layout, commScale: 1, jitter };
  }
  const decode = buildGpuDecodeStep(i, layout);
  const decodeNet = net.simulate(decode.spec, decode.program);
  // The whole prompt in one pass (the GPU's large HBM holds the activations).
  const pre = buildGpuStep(m, s, g, layout, { batch: s.batch, newTokens: s.prompt, context: 0 });
  const preNet = net.simulate(pre.spec, pre.program);
  const ttftMs = preNet.stepUs / 1000;
  const baseMs = decodeNet.stepUs / 1000;
  const tpotMs = baseMs * jitter.p50;
  const p99TpotMs = baseMs * jitter.p99;
  const powerW = layout.gpus * g.powerW;
  const costPerHourUsd = layout.gpus * g.priceUsdPerHour;
  const econ = economics(ttftMs, tpotMs, s.batch, s.output, powerW, costPerHourUsd);
  const closed = gpuClosedFormStep(i, layout.tp, layout.pp);
  const commScale = closed.commUs > 0 ? decodeNet.communicationUs / closed.commUs : 1;
  const math = mathPrecision(s.weights, s.activations);
  const peak = layout.gpus * gpuPeakTflops(g, math);
  const bw = layout.gpus * g.hbmBandwidthTBps;
  return {
    layout, commScale, jitter,
    result: {
      machine: String(g.id), name: g.name, fits: true, chips: layout.gpus, chipsNeeded: layout.gpusNeeded,
      tensorParallel: layout.tp, pipelineStages: layout.pp, ttftMs, tpotMs, p99TpotMs, ...econ,
      powerW, costPerHourUsd, occupancy: layout.occupancy, network: decodeNet, breakdown: breakdownOf({ built: decode, net: decodeNet }),
    },
    roofline: [
      rooflinePoint(String(g.id), 'prefill', pre.flops, pre.memoryBytes, ttftMs, peak, bw),
      rooflinePoint(String(g.id), 'decode', decode.flops, decode.memoryBytes, baseMs, peak, bw),
    ],
  };
}
