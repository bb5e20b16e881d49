// Shared arithmetic that turns step times into the numbers a user reads (rates, cost, energy).
import type { MachineResult, NetworkResult, RooflinePoint } from '../types';
import type { BuiltStep, ComputeSplit } from './programs';

interface TimedStep {
  built: BuiltStep;
  net: NetworkResult;
}

/** Where one decode step's time goes: the analytic compute split rescaled to the simulated compute time. */
export function breakdownOf(step: TimedStep): MachineResult['breakdown'] {
  const s: ComputeSplit = step.built.split;
  const chain = s.computeUs + s.memoryUs + s.overheadUs;
  const scale = chain > 0 ? step.net.computeUs / chain : 0;
  return {
    computeMs: (s.computeUs * scale) / 1000,
    memoryMs: (s.memoryUs * scale) / 1000,
    overheadMs: (s.overheadUs * scale) / 1000,
    networkMs: step.net.communicationUs / 1000,
    hiddenComputeMs: (s.hiddenComputeUs * scale) / 1000,
  };
}

/**
 * Why a roofline point sits below its roof, from the model's own figures for that step: the
 * time the roof allows (FLOPs at peak or bytes at the quoted bandwidth, whichever is longer),
 * the time the step takes, and its breakdown as shares of the time.
 */
function belowRoof(
  flops: number,
  bytes: number,
  timeMs: number,
  peakTflops: number,
  bandwidthTBps: number,
  b: MachineResult['breakdown'],
  extra: Pick<RooflinePoint['why'], 'streamEfficiency' | 'busyStages' | 'stages'>,
): RooflinePoint['why'] {
  const roofMs = Math.max(flops / (peakTflops * 1e12), bytes / (bandwidthTBps * 1e12)) * 1000;
  const total = b.computeMs + b.memoryMs + b.networkMs + b.overheadMs;
  const share = (x: number) => (total > 0 ? x / total : 0);
  return {
    roofMs,
    timeMs,
    computeShare: share(b.computeMs),
    memoryShare: share(b.memoryMs),
    networkShare: share(b.networkMs),
    fixedShare: share(b.overheadMs),
    hiddenComputeShare: share(b.hiddenComputeMs ?? 0),
    ...extra,
  };
}

interface Economics {
  tokensPerSecondPerUser: number;
  systemTokensPerSecond: number;
  outputTokensPerSecond: number;
  answerMs: number;
  costPerMillionTokensUsd: number;
  joulesPerToken: number;
}

/**
 * Cost and energy per generated token count the whole answer (prefill + decode) at the batch:
 * a batch of B users occupies the machine for answerMs and yields B x output tokens.
 */
export function economics(
  ttftMs: number,
  tpotMs: number,
  batch: number,
  output: number,
  powerW: number,
  costPerHourUsd: number,
  /** Measured over a continuous-batching schedule; default: a static batch's answers back to back. */
  outputTokensPerSecond?: number,
): Economics {
  // the first output token comes with the prefill (at TTFT), each later one a TPOT after it
  const answerMs = ttftMs + (output - 1) * tpotMs;
  const generatedPerSecond = outputTokensPerSecond ?? (batch * output) / (answerMs / 1000);
  return {
    tokensPerSecondPerUser: 1000 / tpotMs,
    systemTokensPerSecond: (batch * 1000) / tpotMs,
    outputTokensPerSecond: generatedPerSecond,
    answerMs,
    costPerMillionTokensUsd: (costPerHourUsd / 3600 / generatedPerSecond) * 1e6,
    joulesPerToken: powerW / generatedPerSecond,
  };
}

export function rooflinePoint(
  machine: string,
  phase: 'prefill' | 'decode',
  flops: number,
  bytes: number,
  timeMs: number,
  peakTflops: number,
  bandwidthTBps: number,
  breakdown: MachineResult['breakdown'],
  extra: Pick<RooflinePoint['why'], 'streamEfficiency' | 'busyStages' | 'stages'>,
): RooflinePoint {
  return {
    machine,
    phase,
    intensity: flops / bytes,
    achievedTflops: flops / (timeMs / 1000) / 1e12,
    peakTflops,
    bandwidthTBps,
    why: belowRoof(flops, bytes, timeMs, peakTflops, bandwidthTBps, breakdown, extra),
  };
}

/** Attainable TFLOP/s at an arithmetic intensity (FLOP/byte): min(peak, intensity x bandwidth). */
export function rooflineTflops(p: Pick<RooflinePoint, 'peakTflops' | 'bandwidthTBps'>, intensity: number): number {
  // TB/s x FLOP/B = TFLOP/s.
  return Math.min(p.peakTflops, intensity * p.bandwidthTBps);
}

/** Intensity where the roof bends: peak / bandwidth (FLOP per byte). */
export function ridgeIntensity(p: Pick<RooflinePoint, 'peakTflops' | 'bandwidthTBps'>): number {
  return p.peakTflops / p.bandwidthTBps;
}

export function notFitting(machine: string, name: string, message: string, chips: number, chipsNeeded: number): MachineResult {
  return {
    machine,
    name,
    fits: false,
    message,
    chips,
    chipsNeeded,
    tensorParallel: 0,
    pipelineStages: 0,
    ttftMs: 0,
    p99TtftMs: 0,
    tpotMs: 0,
    p99TpotMs: 0,
    tokensPerSecondPerUser: 0,
    systemTokensPerSecond: 0,
    outputTokensPerSecond: 0,
    answerMs: 0,
    costPerMillionTokensUsd: 0,
    joulesPerToken: 0,
    powerW: 0,
    costPerHourUsd: 0,
    occupancy: [],
    network: null,
    breakdown: { computeMs: 0, memoryMs: 0, networkMs: 0, overheadMs: 0, hiddenComputeMs: 0 },
  };
}

/** Chips that hold part of the model (the partitioner's chipsUsed: one occupancy row per chip in use). */
export function chipsUsed(m: MachineResult): number {
  return m.occupancy.length;
}
