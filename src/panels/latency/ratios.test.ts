import { describe, expect, it } from 'vitest';
import type { MachineResult, SweepPoint } from '../../engine/types';
import { checkClaims, paretoFrontier, tokensWithinBudget } from './ratios';
import { ridgeIntensity, rooflineTflops } from '../../engine/llm/metrics';

function machine(over: Partial<MachineResult>): MachineResult {
  return {
    machine: 'x',
    name: 'x',
    fits: true,
    chips: 1,
    chipsNeeded: 1,
    tensorParallel: 1,
    pipelineStages: 1,
    ttftMs: 10,
    tpotMs: 5,
    p99TpotMs: 5,
    tokensPerSecondPerUser: 200,
    systemTokensPerSecond: 200,
    outputTokensPerSecond: 190,
    p99TtftMs: 10,
    answerMs: 100,
    costPerMillionTokensUsd: 1,
    joulesPerToken: 1,
    powerW: 1,
    costPerHourUsd: 1,
    occupancy: [],
    network: null,
    breakdown: { computeMs: 0, memoryMs: 0, networkMs: 0, overheadMs: 0 },
    ...over,
  };
}

describe('checkClaims', () => {
  it('divides LPU by GPU for speed and cost', () => {
    const c = checkClaims(
      machine({ tokensPerSecondPerUser: 300, costPerMillionTokensUsd: 0.5 }),
      machine({ tokensPerSecondPerUser: 50, costPerMillionTokensUsd: 2 }),
    );
    expect(c?.speedupPerUser).toBe(6);
    expect(c?.costRatio).toBe(0.25);
    expect(c?.speedupWithinClaim).toBe(true);
    expect(c?.costWithinClaim).toBe(false);
  });
  it('judges the speed claim without speculative decoding, as the talk compares ("apples to apples")', () => {
    const spec = (plainTpotMs: number) => ({
      mode: 'mtp' as const,
      drafter: 'h',
      k: 3,
      accept: 0.8,
      tokensPerStep: 2.95,
      draftMs: 0,
      verifyMs: 0,
      plainTpotMs,
      draftChips: 0,
    });
    // with speculation only on the GPU: 300 / 100 = 3x as set, but 300 / 50 = 6x without it
    const c = checkClaims(
      machine({ tokensPerSecondPerUser: 300 }),
      machine({ tokensPerSecondPerUser: 100, tpotMs: 10, speculation: spec(20) }),
    );
    expect(c?.speculative).toBe(true);
    expect(c?.speedupPerUser).toBe(3);
    expect(c?.plainSpeedupPerUser).toBe(6);
    expect(c?.speedupWithinClaim).toBe(true);
    expect(checkClaims(machine({ tokensPerSecondPerUser: 300 }), machine({ tokensPerSecondPerUser: 50 }))?.speculative).toBe(false);
  });
  it('is null when a machine does not fit', () => {
    expect(checkClaims(machine({ fits: false }), machine({}))).toBeNull();
  });
});

describe('tokensWithinBudget', () => {
  it('counts one token per TPOT after the prefill (TTFT)', () => {
    // the first token at TTFT, then one per TPOT: 100 ms + 20 x 10 ms = 300 ms holds 21 tokens
    expect(tokensWithinBudget({ ttftMs: 100, tpotMs: 10 }, 300)).toBe(21);
    expect(tokensWithinBudget({ ttftMs: 100, tpotMs: 30 }, 300)).toBe(7);
    expect(tokensWithinBudget({ ttftMs: 300, tpotMs: 30 }, 300)).toBe(1);
    expect(tokensWithinBudget({ ttftMs: 400, tpotMs: 10 }, 300)).toBe(0);
  });
});

describe('paretoFrontier', () => {
  const p = (batch: number, user: number, chip: number, fits = true): SweepPoint => ({
    machine: 'm',
    batch,
    fits,
    chips: 1,
    tokensPerSecondPerUser: user,
    tokensPerSecondPerChip: chip,
    tokensPerSecondPerDollarHour: chip,
    tokensPerSecondPerWatt: chip,
  });
  it('drops dominated and non-fitting points and sorts by per-user speed', () => {
    const pts = [p(1, 100, 10), p(2, 90, 20), p(4, 80, 15), p(8, 50, 40), p(16, 30, 99, false)];
    expect(paretoFrontier(pts, 'tokensPerSecondPerChip').map((x) => x.batch)).toEqual([8, 2, 1]);
  });
});

describe('roofline', () => {
  it('is bandwidth-bound below the ridge and flat above', () => {
    const m = { peakTflops: 100, bandwidthTBps: 2 };
    expect(ridgeIntensity(m)).toBe(50);
    expect(rooflineTflops(m, 10)).toBe(20);
    expect(rooflineTflops(m, 500)).toBe(100);
  });
});
