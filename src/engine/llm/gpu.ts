// The HBM GPU baseline: per-layer time = max(math, weight streaming) + launch overhead, with
// the collectives simulated over NVSwitch, and seeded run-to-run jitter for p50/p99.
// With pipeline stages across nodes, users are pipelined in micro-batches (pipeline.ts).
import type { MachineResult, RooflinePoint } from '../types';
import type { GpuSpec, ModelSpec, StackId } from '../../scenario/types';
import { DEFAULT_STACK, STACKS, type StackSpec } from './stacks';
import { directAllReduceUs, ringAllReduceUs, transferUs, type Interconnect } from './analyticNetwork';
import { gpuLayout, type GpuLayout, type Shape } from './partition';
import {
  buildGpuStep,
  gpuCollectiveAlgorithm,
  gpuRates,
  headFormats,
  kvTrafficFactor,
  layerComputeUs,
  layerCosts,
  taskUs,
  type BuiltStep,
} from './programs';
import { gpuPeakTflops, mathPrecision } from './precision';
import { headWork } from './workload';
import { jitterPercentiles } from './jitter';
import { breakdownOf, economics, notFitting, rooflinePoint } from './metrics';
import { meanDecodeContext } from './lpu';
import { microBatching, pipelinedPrefillUs, pipelinedTokenUs } from './pipeline';
import { simulateContinuous } from './continuous';
import { speculationSummary, speculativeTiming, type SpeculationInputs, type SpeculativeTiming } from './speculative';

export interface GpuInputs {
  model: ModelSpec;
  shape: Shape;
  gpu: GpuSpec;
  gpus: number | null;
  tp: number | null;
  seed: number;
  /** Serving stack (its figures are already in `gpu`); it also sets the all-reduce algorithm. */
  stack?: StackId;
  /** Timeline events kept from the simulated decode step. */
  maxEvents?: number;
  /** Speculative decoding (null or absent: plain decoding). */
  speculation?: SpeculationInputs | null;
}

/** The serving stack of the inputs (its figures are already merged into `gpu`). */
export function stackOf(i: Pick<GpuInputs, 'stack'>): StackSpec {
  return STACKS[i.stack ?? DEFAULT_STACK];
}

/** The stack's tensor-parallel all-reduce: NCCL ring or a one-shot exchange. */
function collectiveOf(i: Pick<GpuInputs, 'stack'>): 'ring' | 'direct' {
  return stackOf(i).collective;
}

export function buildGpuDecodeStep(i: GpuInputs, layout: GpuLayout): BuiltStep {
  const users = microBatching(i.shape.batch, layout.pp).microBatchSize;
  return buildGpuStep(i.model, i.shape, i.gpu, layout, { batch: users, newTokens: 1, context: meanDecodeContext(i.shape) }, stackOf(i));
}

interface GpuClosedStep {
  passComputeUs: number;
  passCommUs: number;
  stageComputeUs: number;
  stageCommUs: number;
}

/** Closed-form pass of `users` users: per-layer max(math, HBM) + launch overhead, all-reduces, pipeline hops. */
export function gpuClosedFormStep(
  i: GpuInputs,
  tp: number,
  pp: number,
  users: number,
  step: { newTokens: number; context: number } = { newTokens: 1, context: meanDecodeContext(i.shape) },
): GpuClosedStep {
  const { model: m, shape: s, gpu: g } = i;
  const r = gpuRates(g, s, kvTrafficFactor(m, stackOf(i)));
  const costs = layerCosts(m, s, { batch: users, ...step }, tp);
  const head = headWork(m, s, users);
  const layer = layerComputeUs(costs, r, tp);
  const vec = costs.vectorBytes;
  const bw = g.nvlinkGBps / 2;
  const lat = 2 * g.nvlinkLatencyUs; // GPU -> NVSwitch -> GPU
  const alg = gpuCollectiveAlgorithm(tp, g.gpusPerNode, collectiveOf(i));
  const ar = alg === 'ring' ? ringAllReduceUs(tp, vec, bw, lat) : directAllReduceUs(tp, vec, bw, lat, true);
  const hopUs = g.interNodeLatencyUs * 2 + transferUs(vec, g.interNodeGBps);
  const layersPerStage = Math.ceil(m.layers / pp);
  return {
    // embedding lookup, the layers, the output head: the tasks buildGpuStep writes on each shard
    passComputeUs:
      taskUs({ flops: 0, weightBytes: vec, kvBytes: 0 }, r) +
      m.layers * layer +
      taskUs({ flops: head.flops / tp, weightBytes: head.weightBytes / tp, kvBytes: 0 }, gpuRates(g, headFormats(s))),
    passCommUs: m.layers * 2 * ar + (pp - 1) * hopUs,
    stageComputeUs: layersPerStage * layer,
    stageCommUs: layersPerStage * 2 * ar + (pp > 1 ? hopUs : 0),
  };
}

/** Closed-form time per output token (users pipelined over the stages); `newTokens` > 1: a step over that many positions per user. */
export function gpuClosedFormTokenUs(i: GpuInputs, tp: number, pp: number, commScale = 1, newTokens = 1): number {
  const mb = microBatching(i.shape.batch, pp);
  const c = gpuClosedFormStep(i, tp, pp, mb.microBatchSize, { newTokens, context: meanDecodeContext(i.shape) });
  return pipelinedTokenUs(c.passComputeUs + c.passCommUs * commScale, c.stageComputeUs + c.stageCommUs * commScale, 0, mb.microBatches);
}

/**
 * Closed-form time per output token, plain or speculative. The drafter shares the target's
 * GPUs (its weights are small beside the target's; their HBM is not counted), split over the
 * widest tensor-parallel group up to the target's that its heads allow, in one stage.
 */
export function gpuDecodeTokenUs(
  i: GpuInputs,
  tp: number,
  pp: number,
  commScale = 1,
): { tokenUs: number; plainUs: number; spec: SpeculativeTiming | null } {
  const plainUs = gpuClosedFormTokenUs(i, tp, pp, commScale);
  const sp = i.speculation;
  if (!sp) return { tokenUs: plainUs, plainUs, spec: null };
  const verifyUs = gpuClosedFormTokenUs(i, tp, pp, commScale, sp.k + 1);
  let dtp = tp;
  while (dtp > 1 && sp.drafter.heads % dtp !== 0) dtp /= 2;
  const draftTokenUs = gpuClosedFormTokenUs({ ...i, model: sp.drafter }, dtp, 1, commScale);
  const t = speculativeTiming(sp, draftTokenUs, verifyUs);
  return { tokenUs: t.tokenUs, plainUs, spec: t };
}

/**
 * Continuous batching at the scenario's concurrency (continuous.ts): decode iterations at every
 * batch up to it and prefills of any number of waiting prompts, in closed form scaled by the
 * simulated step and prefill at the scenario's batch (contention, routing, pipelining).
 */
function continuousTiming(
  i: GpuInputs,
  layout: GpuLayout,
  sim: { decodeUs: number; decodeClosedUs: number; prefillUs: number; commScale: number; preScale: number },
) {
  const { shape: s, gpu: g } = i;
  const at = (batch: number) => ({ ...i, shape: { ...s, batch } });
  const decodeScale = sim.decodeClosedUs > 0 ? sim.decodeUs / sim.decodeClosedUs : 1;
  const prefillClosed = (k: number) => {
    const mb = microBatching(k, layout.pp);
    const c = gpuClosedFormStep(at(k), layout.tp, layout.pp, mb.microBatchSize, { newTokens: s.prompt, context: 0 });
    return pipelinedPrefillUs(
      c.passComputeUs + c.passCommUs * sim.preScale,
      c.stageComputeUs + c.stageCommUs * sim.preScale,
      mb.microBatches,
    );
  };
  const prefillScale = sim.prefillUs / prefillClosed(s.batch);
  const r = simulateContinuous(
    s.batch,
    s.output,
    {
      decodeUs: (b) => gpuDecodeTokenUs(at(b), layout.tp, layout.pp, sim.commScale).tokenUs * decodeScale,
      prefillUs: (k) => prefillClosed(k) * prefillScale,
      requestOverheadUs: g.requestOverheadMs * 1000,
    },
    i.seed,
  );
  return {
    ttftMs: r.ttftP50Ms,
    p99TtftMs: r.ttftP99Ms,
    tpotMs: r.itlP50Ms,
    p99TpotMs: r.itlP99Ms,
    outputTokensPerSecond: r.outputTokensPerSecond,
  };
}

export interface GpuRun {
  result: MachineResult;
  roofline: RooflinePoint[];
  layout: GpuLayout;
  commScale: number;
  /** Simulated static time per token / its closed form at the scenario's batch: scales the sweep's closed forms. */
  sweepScale: number;
  /** p50 and p99 jitter multipliers. */
  jitter: { p50: number; p99: number };
}

export function runGpu(i: GpuInputs, net: Interconnect): GpuRun {
  const { gpu: g, shape: s, model: m } = i;
  const layout = gpuLayout(m, s, g, i.gpus, i.tp);
  const jitter = jitterPercentiles(g.jitterCv, i.seed);
  if (!layout.fits) {
    return {
      result: notFitting(String(g.id), g.name, layout.message ?? 'does not fit', layout.gpus, layout.gpusNeeded),
      roofline: [],
      layout,
      commScale: 1,
      sweepScale: 1,
      jitter,
    };
  }
  const mb = microBatching(s.batch, layout.pp);
  const users = mb.microBatchSize;
  const decode = buildGpuDecodeStep(i, layout);
  const decodeNet = net.simulate(decode.spec, decode.program, i.maxEvents === undefined ? undefined : { maxEvents: i.maxEvents });
  const closed = gpuClosedFormStep(i, layout.tp, layout.pp, users);
  const commScale = closed.passCommUs > 0 ? decodeNet.communicationUs / closed.passCommUs : 1;
  const stageUs = closed.stageComputeUs + closed.stageCommUs * commScale;
  const baseMs = pipelinedTokenUs(decodeNet.stepUs, stageUs, 0, mb.microBatches) / 1000;
  // The whole prompt of a micro-batch in one pass (the GPU's large HBM holds the activations);
  // micro-batches follow each other through the stages.
  const pre = buildGpuStep(m, s, g, layout, { batch: users, newTokens: s.prompt, context: 0 }, stackOf(i));
  const preNet = net.simulate(pre.spec, pre.program, { maxEvents: 0 });
  const preClosed = gpuClosedFormStep(i, layout.tp, layout.pp, users, { newTokens: s.prompt, context: 0 });
  const preScale = preClosed.passCommUs > 0 ? preNet.communicationUs / preClosed.passCommUs : 1;
  const preStageUs = preClosed.stageComputeUs + preClosed.stageCommUs * preScale;
  // the stack's fixed per-request time (scheduling, sampling the first token) comes on top
  const ttftMs =
    pipelinedPrefillUs(preNet.stepUs, layout.pp > 1 ? preStageUs : preNet.stepUs, mb.microBatches) / 1000 + g.requestOverheadMs;
  const breakdown = breakdownOf({ built: decode, net: decodeNet });
  // speculative decoding: the closed form's ratio speculative / plain carried onto the simulated step
  const dt = gpuDecodeTokenUs(i, layout.tp, layout.pp, commScale);
  const specRatio = dt.tokenUs / dt.plainUs;
  const powerW = layout.gpus * g.powerW;
  const costPerHourUsd = layout.gpus * g.priceUsdPerHour;
  const timing =
    s.batching === 'continuous'
      ? continuousTiming(i, layout, {
          decodeUs: baseMs * 1000,
          decodeClosedUs: gpuClosedFormTokenUs(i, layout.tp, layout.pp, commScale),
          prefillUs: ttftMs * 1000 - g.requestOverheadMs * 1000,
          commScale,
          preScale,
        })
      : {
          ttftMs,
          p99TtftMs: ttftMs,
          tpotMs: baseMs * specRatio * jitter.p50,
          p99TpotMs: baseMs * specRatio * jitter.p99,
          outputTokensPerSecond: undefined,
        };
  const { tpotMs, p99TpotMs } = timing;
  const econ = economics(timing.ttftMs, tpotMs, s.batch, s.output, powerW, costPerHourUsd, timing.outputTokensPerSecond);
  const math = mathPrecision(s.weights, s.activations);
  const peak = layout.gpus * gpuPeakTflops(g, math);
  const bw = layout.gpus * g.hbmBandwidthTBps;
  // the sweep's point at this batch equals the table's static time per token (p50)
  const sweepScale = (baseMs * 1000 * jitter.p50) / gpuClosedFormTokenUs(i, layout.tp, layout.pp, commScale);
  return {
    layout,
    commScale,
    sweepScale,
    jitter,
    result: {
      machine: String(g.id),
      name: g.name,
      software: STACKS[i.stack ?? DEFAULT_STACK].name,
      batching: s.batching ?? 'static',
      fits: true,
      chips: layout.gpus,
      chipsNeeded: layout.gpusNeeded,
      tensorParallel: layout.tp,
      pipelineStages: layout.pp,
      ttftMs: timing.ttftMs,
      p99TtftMs: timing.p99TtftMs,
      tpotMs,
      p99TpotMs,
      ...econ,
      powerW,
      costPerHourUsd,
      occupancy: layout.occupancy,
      network: decodeNet,
      breakdown,
      microBatches: mb.microBatches,
      microBatchSize: users,
      simulatedStages: layout.pp,
      // in the table's terms: scaled onto the simulated step, with its p50 jitter
      ...(i.speculation && dt.spec
        ? { speculation: speculationSummary(i.speculation, dt.spec, (baseMs * jitter.p50) / dt.plainUs, baseMs * jitter.p50, 0) }
        : {}),
    },
    roofline: [
      rooflinePoint(
        String(g.id),
        'prefill',
        pre.flops * mb.microBatches,
        pre.memoryBytes * mb.microBatches,
        ttftMs,
        peak,
        bw,
        breakdownOf({ built: pre, net: preNet }),
        { streamEfficiency: g.hbmEfficiency, busyStages: Math.min(layout.pp, mb.microBatches), stages: layout.pp },
      ),
      rooflinePoint(
        String(g.id),
        'decode',
        decode.flops * mb.microBatches,
        decode.memoryBytes * mb.microBatches,
        baseMs,
        peak,
        bw,
        breakdown,
        { streamEfficiency: g.hbmEfficiency, busyStages: Math.min(layout.pp, mb.microBatches), stages: layout.pp },
      ),
    ],
  };
}
