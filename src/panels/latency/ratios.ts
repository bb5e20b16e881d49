// Pure figures the latency panel derives from an LlmResult: the talk's claims tested live,
// the Pareto frontier of a sweep, and the roofline of a machine.
import type { MachineResult, SweepPoint } from '../../engine/types';

/** What the talk claims (00:18): "five to 10x faster", "about 1/10 the cost ... per token". */
export const TALK_CLAIMS = {
  speedupMin: 5,
  speedupMax: 10,
  costRatio: 0.1,
  /** 00:22: "under about 250 to 300 milliseconds, you maximize revenue". */
  budgetMinMs: 250,
  budgetMaxMs: 300,
} as const;

export interface ClaimCheck {
  /** LPU tokens/s per user / GPU tokens/s per user. */
  speedupPerUser: number;
  /** Speculative decoding is on: the talk's claim is "apples to apples, like without using speculative decode" (00:18). */
  speculative: boolean;
  /** The same ratio without speculative decoding (= speedupPerUser when it is off): the one the claim is judged on. */
  plainSpeedupPerUser: number;
  /** LPU cost per token / GPU cost per token (0.1 = a tenth). */
  costRatio: number;
  speedupWithinClaim: boolean;
  /** True when the modelled ratio is at or below the claimed 1/10. */
  costWithinClaim: boolean;
}

export function checkClaims(lpu: MachineResult, gpu: MachineResult): ClaimCheck | null {
  if (!lpu.fits || !gpu.fits) return null;
  const speedupPerUser = lpu.tokensPerSecondPerUser / gpu.tokensPerSecondPerUser;
  const costRatio = lpu.costPerMillionTokensUsd / gpu.costPerMillionTokensUsd;
  const plainPerUser = (m: MachineResult) => (m.speculation ? 1000 / m.speculation.plainTpotMs : m.tokensPerSecondPerUser);
  const plainSpeedupPerUser = plainPerUser(lpu) / plainPerUser(gpu);
  return {
    speedupPerUser,
    speculative: lpu.speculation !== undefined || gpu.speculation !== undefined,
    plainSpeedupPerUser,
    costRatio,
    speedupWithinClaim: plainSpeedupPerUser >= TALK_CLAIMS.speedupMin && plainSpeedupPerUser <= TALK_CLAIMS.speedupMax,
    costWithinClaim: costRatio <= TALK_CLAIMS.costRatio,
  };
}

/**
 * Output tokens one user receives within a budget. Counted as the engine counts the whole
 * answer (answerMs = TTFT + (output - 1) x TPOT): the first token comes at TTFT, then each one a TPOT later.
 */
export function tokensWithinBudget(m: Pick<MachineResult, 'ttftMs' | 'tpotMs'>, budgetMs: number): number {
  if (m.ttftMs > budgetMs || m.tpotMs <= 0) return 0;
  return 1 + Math.floor((budgetMs - m.ttftMs) / m.tpotMs);
}

export type SweepMetric = 'tokensPerSecondPerChip' | 'tokensPerSecondPerDollarHour' | 'tokensPerSecondPerWatt';

/**
 * Points of one machine that no other point of it beats on both axes (tokens/s per user and
 * the chosen throughput metric), sorted by tokens/s per user.
 */
export function paretoFrontier(points: readonly SweepPoint[], metric: SweepMetric): SweepPoint[] {
  const fit = points.filter((p) => p.fits);
  const frontier = fit.filter(
    (p) =>
      !fit.some(
        (q) =>
          q !== p &&
          q.tokensPerSecondPerUser >= p.tokensPerSecondPerUser &&
          q[metric] >= p[metric] &&
          (q.tokensPerSecondPerUser > p.tokensPerSecondPerUser || q[metric] > p[metric]),
      ),
  );
  return frontier.sort((a, b) => a.tokensPerSecondPerUser - b.tokensPerSecondPerUser);
}
