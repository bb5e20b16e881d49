// The SRAM-only machine: statically scheduled, so every token of a step takes the same time
// (p99 = p50). Users are pipelined: the batch is split into micro-batches that occupy
// different stages at once (pipeline.ts). One micro-batch's pass through all stages is
// simulated (decode step, and one prefill chunk); the steady state of the pipeline follows
// in closed form from it. See docs/llm-model.md.
import type { MachineResult, RooflinePoint } from '../types';
import type { ChipSpec, ModelSpec, Topology } from '../../scenario/types';
import { collectiveOps } from '../interconnect/collectives';
import { directAllReduceUs, ringAllReduceUs, transferUs, type Interconnect } from './analyticNetwork';
import { lpuLayout, PREFILL_CHUNK_TOKENS, type LpuCandidate, type LpuLayout, type Shape } from './partition';
import { buildLpuStep, layerComputeUs, layerCosts, lpuCollectiveAlgorithm, lpuRates, taskUs, type BuiltStep } from './programs';
import { chipPeakTflops, mathPrecision } from './precision';
import { headWork } from './workload';
import { lpuSystemChips } from './systemSize';
import { chipSramTBps } from './hardware';
import { breakdownOf, economics, notFitting, rooflinePoint } from './metrics';
import { microBatching, pipelinedPrefillUs, pipelinedTokenUs } from './pipeline';
import { simulateContinuous } from './continuous';
import { speculationSummary, speculativeTiming, type SpeculationInputs, type SpeculativeTiming } from './speculative';

/**
 * Elementary ops (sends, computes, collective steps) one simulated pass may expand to. Above
 * it only the first stages are simulated and the pass is scaled by the closed form (see
 * `runLpu`); every stage runs the same layers, so the first ones are representative.
 */
const LLM_OPS_BUDGET = 250_000;

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
  /** Timeline events kept from the simulated decode step (default: all the simulator keeps). */
  maxEvents?: number;
  /** Speculative decoding (null or absent: plain decoding). */
  speculation?: SpeculationInputs | null;
}

/** Context a decode step sees on average over the answer. */
export function meanDecodeContext(s: Shape): number {
  return s.prompt + Math.floor(s.output / 2);
}

type Geometry = Pick<LpuCandidate, 'tp' | 'stages' | 'layersPerStage' | 'ioChips'>;

/** Contention-free all-reduce of the tensor-parallel group, with the algorithm the program uses. */
function lpuAllReduceUs(chip: ChipSpec, topology: Topology, tp: number, bytes: number): number {
  if (tp <= 1) return 0;
  const bw = chip.linkBandwidthGBps;
  const lat = chip.hopLatencyUs;
  const cpn = chip.chipsPerNode;
  const alg = lpuCollectiveAlgorithm(topology, tp, cpn);
  // a group that straddles two nodes routes some messages local-global-local
  const straddles = topology === 'dragonfly' && cpn % tp !== 0;
  if (alg === 'direct' && tp > cpn) {
    // the chips of one node send to the others' over the one or two global links between them
    const cross = 2 * (tp - cpn) * cpn;
    return 2 * (3 * lat + Math.max(1, cross / 2) * transferUs(bytes / tp, bw));
  }
  if (alg === 'direct') return directAllReduceUs(tp, bytes, bw, straddles ? 3 * lat : lat);
  if (alg === 'hierarchical') {
    const nodes = tp / cpn;
    const inNode = directAllReduceUs(cpn, bytes, bw, lat);
    // across nodes: the cpn chips of a node each send bytes/tp to the same-position chip of
    // every other node. Measured in the simulation (docs/llm-model.md), the peers are served
    // nearly one after another (shared global links, multi-hop routes, FIFO queues), each
    // costing about a local-global-local route latency plus the cpn chunks on the shared link.
    const perPeer = 3 * lat + cpn * transferUs(bytes / tp, bw);
    return inNode + 2 * (nodes - 1) * perPeer;
  }
  return ringAllReduceUs(tp, bytes, bw, tp <= cpn ? lat : 3 * lat);
}

interface LpuClosedStep {
  /** One micro-batch's pass through `stagesBuilt` stages and the head. */
  passComputeUs: number;
  passCommUs: number;
  /** The busiest stage's occupancy by one micro-batch (its layers, collectives, hand-off). */
  stageComputeUs: number;
  stageCommUs: number;
  /** Output head (and embedding) work per micro-batch on the head chips. */
  headUs: number;
}

/**
 * Closed-form pass of `users` users (one micro-batch) through a layout: the compute chain plus
 * contention-free collectives (same algorithm as the program). `stagesBuilt` < stages: the
 * truncated program the simulation ran. `step` defaults to one decode step at the mean context.
 */
export function lpuClosedFormStep(
  m: ModelSpec,
  s: Shape,
  chip: ChipSpec,
  topology: Topology,
  g: Geometry,
  users: number,
  step: { newTokens: number; context: number } = { newTokens: 1, context: meanDecodeContext(s) },
  layersBuilt = m.layers,
): LpuClosedStep {
  const r = lpuRates(chip, s);
  const tp = g.tp;
  const costs = layerCosts(m, s, { batch: users, ...step }, tp);
  const layerComp = layerComputeUs(costs, r, tp);
  const vec = costs.vectorBytes;
  const ar = lpuAllReduceUs(chip, topology, tp, vec);
  // dragonfly hand-off: local-global-local route to the node's first chip, then one local forward
  const hop =
    topology === 'dragonfly'
      ? 4 * chip.hopLatencyUs + 2 * transferUs(vec, chip.linkBandwidthGBps)
      : chip.hopLatencyUs + transferUs(vec, chip.linkBandwidthGBps);
  const head = headWork(m, s, users); // logits of each user's last token only
  const headUs =
    taskUs({ flops: head.flops / g.ioChips, weightBytes: head.weightBytes / g.ioChips, kvBytes: 0 }, r) +
    taskUs({ flops: 0, weightBytes: vec / g.ioChips, kvBytes: 0 }, r);
  const layers = Math.min(m.layers, layersBuilt);
  const built = Math.min(g.stages, Math.ceil(layers / g.layersPerStage));
  return {
    passComputeUs: layers * layerComp + headUs,
    passCommUs: layers * 2 * ar + (built + 1) * hop,
    stageComputeUs: g.layersPerStage * layerComp,
    stageCommUs: g.layersPerStage * 2 * ar + hop,
    headUs,
  };
}

/**
 * Closed-form time per output token of a layout at the batch of `s`, micro-batches pipelined.
 * `newTokens` > 1: one step over that many positions per user (a speculative check).
 */
export function lpuClosedFormTokenUs(
  m: ModelSpec,
  s: Shape,
  chip: ChipSpec,
  topology: Topology,
  g: Geometry,
  commScale = 1,
  newTokens = 1,
): number {
  const mb = microBatching(s.batch, g.stages);
  const c = lpuClosedFormStep(m, s, chip, topology, g, mb.microBatchSize, { newTokens, context: meanDecodeContext(s) });
  return pipelinedTokenUs(
    c.passComputeUs + c.passCommUs * commScale,
    c.stageComputeUs + c.stageCommUs * commScale,
    c.headUs,
    mb.microBatches,
  );
}

interface DecodeTiming {
  /** Time per output token: with speculation when the inputs ask for it. */
  tokenUs: number;
  plainUs: number;
  spec: (SpeculativeTiming & { draftChips: number }) | null;
}

/**
 * Closed-form time per output token at the batch of `s`, plain or speculative. The drafter of
 * a separate draft model gets its own chips (its minimum layout); a prediction head is one
 * more layer on a tensor-parallel group of the target's width.
 */
export function lpuDecodeTokenUs(
  i: Pick<LpuInputs, 'model' | 'chip' | 'topology' | 'speculation'>,
  s: Shape,
  g: Geometry,
  commScale = 1,
): DecodeTiming {
  const plainUs = lpuClosedFormTokenUs(i.model, s, i.chip, i.topology, g, commScale);
  const sp = i.speculation;
  if (!sp) return { tokenUs: plainUs, plainUs, spec: null };
  const verifyUs = lpuClosedFormTokenUs(i.model, s, i.chip, i.topology, g, commScale, sp.k + 1);
  let draftTokenUs: number;
  let draftChips: number;
  if (sp.mode === 'draft') {
    const dl = layoutLpu({ model: sp.drafter, shape: s, chip: i.chip, chips: null, topology: i.topology, explain: false });
    // a draft that fits nowhere is refused by validation; here it costs nothing rather than NaN
    draftTokenUs = dl.fits ? lpuClosedFormTokenUs(sp.drafter, s, i.chip, i.topology, dl, commScale) : 0;
    draftChips = dl.fits ? dl.chips : 0;
  } else {
    draftTokenUs = lpuClosedFormTokenUs(sp.drafter, s, i.chip, i.topology, { ...g, stages: 1, layersPerStage: 1 }, commScale);
    draftChips = g.tp;
  }
  const t = speculativeTiming(sp, draftTokenUs, verifyUs);
  return { tokenUs: t.tokenUs, plainUs, spec: { ...t, draftChips } };
}

/** With chips = null, layouts with up to this fraction more chips than the minimum compete. */
const LPU_SIZE_SLACK = 0.25;

/**
 * Lays the model out. Chips given: among the layouts that fit, the smallest closed-form time
 * per output token (users pipelined) wins, on a near tie the one with fewer chips. Chips =
 * null: layouts with up to LPU_SIZE_SLACK more chips than the minimum compete on chip-time
 * per token (system chips x time per output token: the cost per token), so one node more is
 * bought when it makes the system much faster (e.g. 9-chip groups instead of one 328-chip group).
 */
export function layoutLpu(i: LpuInputs): LpuLayout {
  const roundUp = (n: number) => lpuSystemChips(n, i.topology, i.chip.chipsPerNode);
  const tokenUs = (c: LpuCandidate) => lpuClosedFormTokenUs(i.model, i.shape, i.chip, i.topology, c);
  return lpuLayout(i.model, i.shape, i.chip, i.chips, {
    tp: i.tp,
    explain: i.explain,
    score: i.chips === null ? (c) => tokenUs(c) * roundUp(c.chips) * (1 + 1e-6 * c.chips) : (c) => tokenUs(c) * (1 + 1e-6 * c.chips),
    roundUp,
    slack: LPU_SIZE_SLACK,
  });
}

/** Elementary ops (and tasks, once collectives are expanded) of one layer of a layout. */
function lpuLayerOps(chip: ChipSpec, topology: Topology, tp: number): number {
  const alg = lpuCollectiveAlgorithm(topology, tp, chip.chipsPerNode);
  const nodes = Math.max(1, Math.ceil(tp / chip.chipsPerNode));
  return 2 * tp + (tp > 1 ? 2 * collectiveOps('allreduce', alg, tp, nodes) : 0);
}

/** Elementary ops of one simulated pass through the first `layers` layers of a layout. */
function lpuPassOps(m: ModelSpec, chip: ChipSpec, topology: Topology, g: Geometry, layers = m.layers): number {
  const stages = Math.ceil(Math.min(m.layers, layers) / g.layersPerStage);
  return Math.min(m.layers, layers) * lpuLayerOps(chip, topology, g.tp) + stages * g.tp + 4 * g.ioChips + g.ioChips * g.ioChips;
}

/** Layers to simulate so that one pass stays within LLM_OPS_BUDGET (all of them when it does). */
function lpuLayersToSimulate(m: ModelSpec, chip: ChipSpec, topology: Topology, g: Geometry): number {
  if (lpuPassOps(m, chip, topology, g) <= LLM_OPS_BUDGET) return m.layers;
  return Math.max(1, Math.floor(LLM_OPS_BUDGET / (lpuLayerOps(chip, topology, g.tp) + g.tp)));
}

/** One micro-batch's decode step (all layers, or the first `layers`). */
export function buildLpuDecodeStep(i: LpuInputs, layout: LpuLayout = layoutLpu(i), layers = i.model.layers): BuiltStep {
  const users = microBatching(i.shape.batch, layout.stages).microBatchSize;
  return buildLpuStep(
    i.model,
    i.shape,
    i.chip,
    layout,
    i.topology,
    { batch: users, newTokens: 1, context: meanDecodeContext(i.shape) },
    { layers },
  );
}

/** The prefill runs in chunks of `chunk` tokens per sequence; each is costed at the mean context of the prompt's chunks. */
function lpuPrefillChunking(s: Shape): { chunk: number; chunks: number; context: number } {
  const chunk = Math.min(s.prompt, PREFILL_CHUNK_TOKENS);
  return { chunk, chunks: Math.ceil(s.prompt / chunk), context: Math.max(0, Math.floor(s.prompt / 2 - chunk / 2)) };
}

export interface LpuRun {
  result: MachineResult;
  roofline: RooflinePoint[];
  layout: LpuLayout;
  /** Simulated / closed-form communication time of the decode pass (scales the sweep's closed forms). */
  commScale: number;
  /** Simulated static time per token / its closed form at the scenario's batch: scales the sweep's closed forms. */
  sweepScale: number;
}

interface ScaledPass {
  passUs: number;
  stageUs: number;
  commScale: number;
}

/** A simulated (possibly truncated) pass scaled to the whole pipeline with the closed form. */
function scalePass(stepUs: number, commUs: number, built: LpuClosedStep, full: LpuClosedStep): ScaledPass {
  const commScale = built.passCommUs > 0 ? commUs / built.passCommUs : 1;
  const builtClosed = built.passComputeUs + built.passCommUs;
  const fullClosed = full.passComputeUs + full.passCommUs;
  const passUs = builtClosed > 0 ? stepUs * (fullClosed / builtClosed) : stepUs;
  return { passUs, stageUs: full.stageComputeUs + full.stageCommUs * commScale, commScale };
}

export function runLpu(i: LpuInputs, net: Interconnect): LpuRun {
  const { chip, shape: s, model: m, topology } = i;
  const layout = layoutLpu(i);
  if (!layout.fits) {
    return {
      result: notFitting('lpu', chip.name, layout.message ?? 'does not fit', layout.chips, layout.chipsNeeded),
      roofline: [],
      layout,
      commScale: 1,
      sweepScale: 1,
    };
  }
  const mb = microBatching(s.batch, layout.stages);
  const users = mb.microBatchSize;
  const simLayers = lpuLayersToSimulate(m, chip, topology, layout);
  const simStages = Math.ceil(simLayers / layout.layersPerStage);
  const decode = buildLpuDecodeStep(i, layout, simLayers);
  const decodeNet = net.simulate(decode.spec, decode.program, i.maxEvents === undefined ? undefined : { maxEvents: i.maxEvents });
  const ctx = { newTokens: 1, context: meanDecodeContext(s) };
  const dec = scalePass(
    decodeNet.stepUs,
    decodeNet.communicationUs,
    lpuClosedFormStep(m, s, chip, topology, layout, users, ctx, simLayers),
    lpuClosedFormStep(m, s, chip, topology, layout, users, ctx),
  );
  const headUs = lpuClosedFormStep(m, s, chip, topology, layout, users).headUs;
  const tpotMs = pipelinedTokenUs(dec.passUs, dec.stageUs, headUs, mb.microBatches) / 1000;

  // Prefill: one chunk (64 tokens of each user of a micro-batch) simulated through the pipeline
  // (its all-reduces carry 64x the bytes of a decode step's, so contention matters); the
  // micro-batches' chunks then stream through the stages.
  const pc = lpuPrefillChunking(s);
  const chunkStep = { batch: users, newTokens: pc.chunk, context: pc.context };
  const pre = buildLpuStep(m, s, chip, layout, topology, chunkStep, { layers: simLayers });
  const preNet = net.simulate(pre.spec, pre.program, { maxEvents: 0 });
  const preCtx = { newTokens: pc.chunk, context: pc.context };
  const pf = scalePass(
    preNet.stepUs,
    preNet.communicationUs,
    lpuClosedFormStep(m, s, chip, topology, layout, users, preCtx, simLayers),
    lpuClosedFormStep(m, s, chip, topology, layout, users, preCtx),
  );
  const ttftMs = pipelinedPrefillUs(pf.passUs, Math.max(pf.stageUs, pf.passUs / (layout.stages + 1)), mb.microBatches * pc.chunks) / 1000;

  // speculative decoding: the closed form's ratio speculative / plain carried onto the simulated step
  const dt = lpuDecodeTokenUs(i, s, layout, dec.commScale);
  const specRatio = dt.tokenUs / dt.plainUs;
  const draftChips = dt.spec?.draftChips ?? 0;
  const powerW = (layout.chips + draftChips) * chip.powerW;
  const costPerHourUsd = (layout.chips + draftChips) * chip.priceUsdPerChipHour;
  // Continuous batching: the same static schedule per iteration, but other users' prefills
  // interleave with the decode steps (continuous.ts); scaled by the simulated pass as the sweep is.
  // simulated / closed-form time per token at this batch: carries the DES into the closed forms
  const decodeScale = (tpotMs * 1000) / lpuClosedFormTokenUs(m, s, chip, topology, layout, dec.commScale);
  const timing =
    s.batching === 'continuous'
      ? (() => {
          const at = (batch: number) => ({ ...s, batch });
          const prefillClosed = (k: number) => {
            const kb = microBatching(k, layout.stages);
            const c = lpuClosedFormStep(m, at(k), chip, topology, layout, kb.microBatchSize, preCtx);
            return pipelinedPrefillUs(
              c.passComputeUs + c.passCommUs * pf.commScale,
              c.stageComputeUs + c.stageCommUs * pf.commScale,
              kb.microBatches * pc.chunks,
            );
          };
          const prefillScale = (ttftMs * 1000) / prefillClosed(s.batch);
          const r = simulateContinuous(
            s.batch,
            s.output,
            {
              decodeUs: (b) => lpuDecodeTokenUs(i, at(b), layout, dec.commScale).tokenUs * decodeScale,
              prefillUs: (k) => prefillClosed(k) * prefillScale,
              requestOverheadUs: 0,
            },
            1,
          );
          return {
            ttftMs: r.ttftP50Ms,
            p99TtftMs: r.ttftP99Ms,
            tpotMs: r.itlP50Ms,
            p99TpotMs: r.itlP99Ms,
            outputTokensPerSecond: r.outputTokensPerSecond,
          };
        })()
      : { ttftMs, p99TtftMs: ttftMs, tpotMs: tpotMs * specRatio, p99TpotMs: tpotMs * specRatio, outputTokensPerSecond: undefined };
  const econ = economics(timing.ttftMs, timing.tpotMs, s.batch, s.output, powerW, costPerHourUsd, timing.outputTokensPerSecond);
  const peak = layout.chipsUsed * chipPeakTflops(chip, mathPrecision(s.weights, s.activations));
  const bw = layout.chipsUsed * chipSramTBps(chip);
  // a truncated pass stands for all stages: work scales with the stages, times with the closed form
  const stageRatio = m.layers / simLayers;
  const passScale = decodeNet.stepUs > 0 ? dec.passUs / decodeNet.stepUs : 1;
  const bd = breakdownOf({ built: decode, net: decodeNet });
  const breakdown = {
    computeMs: bd.computeMs * passScale,
    memoryMs: bd.memoryMs * passScale,
    overheadMs: bd.overheadMs * passScale,
    networkMs: bd.networkMs * passScale,
    hiddenComputeMs: (bd.hiddenComputeMs ?? 0) * passScale,
  };
  const pipe = { streamEfficiency: chip.sramEfficiency, stages: layout.stages };
  return {
    layout,
    commScale: dec.commScale,
    sweepScale: decodeScale,
    result: {
      machine: 'lpu',
      name: chip.name,
      software: 'compiled static schedule',
      batching: s.batching ?? 'static',
      fits: true,
      chips: layout.chips,
      chipsNeeded: layout.chipsNeeded,
      tensorParallel: layout.tp,
      pipelineStages: layout.stages,
      ttftMs: timing.ttftMs,
      p99TtftMs: timing.p99TtftMs,
      tpotMs: timing.tpotMs,
      p99TpotMs: timing.p99TpotMs,
      ...econ,
      powerW,
      costPerHourUsd,
      occupancy: layout.occupancy,
      network: decodeNet,
      breakdown,
      microBatches: mb.microBatches,
      microBatchSize: users,
      simulatedStages: simStages,
      simulatedLayers: simLayers,
      ...(i.speculation && dt.spec
        ? { speculation: speculationSummary(i.speculation, dt.spec, decodeScale / 1000, tpotMs, draftChips) }
        : {}),
    },
    roofline: [
      // prefill chunks stream through the stages (many in flight); decode: one micro-batch per busy stage
      rooflinePoint(
        'lpu',
        'prefill',
        pre.flops * stageRatio * mb.microBatches * pc.chunks,
        pre.memoryBytes * stageRatio * mb.microBatches * pc.chunks,
        ttftMs,
        peak,
        bw,
        breakdownOf({ built: pre, net: preNet }),
        { ...pipe, busyStages: Math.min(layout.stages, mb.microBatches * pc.chunks) },
      ),
      rooflinePoint(
        'lpu',
        'decode',
        decode.flops * stageRatio * mb.microBatches,
        decode.memoryBytes * stageRatio * mb.microBatches,
        tpotMs,
        peak,
        bw,
        breakdown,
        { ...pipe, busyStages: Math.min(layout.stages, mb.microBatches) },
      ),
    ],
  };
}
