// Shared arithmetic that turns step times into the numbers a user reads (rates, cost, energy).
import type { MachineResult, NetworkResult, RooflinePoint } from '../types';
import type { BuiltStep, ComputeSplit } from './programs';

export interface TimedStep {
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
  };
}

export interface Economics {
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
  ttftMs: number, tpotMs: number, batch: number, output: number, powerW: number, costPerHourUsd: number,
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
  machine: string, phase: 'prefill' | 'decode', flops: number, bytes: number, timeMs: number, peakTflops: number, bandwidthTBps: number,
): RooflinePoint {
  return { machine, phase, intensity: flops / bytes, achievedTflops: flops / (timeMs / 1000) / 1e12, peakTflops, bandwidthTBps };
}

export function notFitting(machine: string, name: string, message: string, chips: number, chipsNeeded: number): MachineResult {
  return {
    machine, name, fits: false, message, chips, chipsNeeded, tensorParallel: 0, pipelineStages: 0,
    ttftMs: 0, p99TtftMs: 0, tpotMs: 0, p99TpotMs: 0, tokensPerSecondPerUser: 0, systemTokensPerSecond: 0, outputTokensPerSecond: 0, answerMs: 0,
    costPerMillionTokensUsd: 0, joulesPerToken: 0, powerW: 0, costPerHourUsd: 0, occupancy: [], network: null,
    breakdown: { computeMs: 0, memoryMs: 0, networkMs: 0, overheadMs: 0 },
  };
}
