// The landing's argument in words, from the engine's result: the headline comparison and each
// claim of the talk beside what the model says for the scenario on screen. Quotes are read from
// the tours (their one home); claims that need their own setting point at the tour step that has it.
import type { MachineResult } from '../../engine/types';
import { checkClaims, TALK_CLAIMS, tokensWithinBudget } from '../latency/ratios';
import { TOURS, type TourQuote } from '../../scenario/tours';

export type ClaimId = 'speedup' | 'cost' | 'budget' | 'falcon-180b' | 'b200-30x';

export interface ClaimVerdict {
  id: ClaimId;
  quote: TourQuote;
  /** The model's answer for the scenario on screen; null when the claim is about another setting. */
  verdict: string | null;
  /** true: the model agrees; false: it does not; null: nothing to agree with here. */
  holds: boolean | null;
  /** The tour step that tests the claim in its own setting. */
  tour: { id: string; step: number };
}

/** Where each claim is quoted and tested: a tour step (its quote is the claim's text). */
const CLAIM_STEPS: Record<ClaimId, { id: string; step: number }> = {
  speedup: { id: 'groq-claims', step: 1 },
  cost: { id: 'groq-claims', step: 3 },
  'falcon-180b': { id: 'groq-claims', step: 0 },
  'b200-30x': { id: 'b200-30x', step: 0 },
  budget: { id: 'latency-budget', step: 0 },
};

export function claimQuote(id: ClaimId): TourQuote {
  const at = CLAIM_STEPS[id];
  const q = TOURS.find((t) => t.id === at.id)?.steps[at.step]?.quote;
  if (!q) throw new Error(`claim ${id}: tour ${at.id} step ${at.step} has no quote`);
  return q;
}

const times = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;

/** The answer to the page's question, in one sentence, for the two machines on screen. */
/** How the two systems were sized: the scenario's chip counts, null = the smallest that holds the model. */
export function sizingNote(lpu: MachineResult, gpu: MachineResult, lpuChips: number | null, gpus: number | null): string {
  if (lpuChips === null && gpus === null) return 'each machine the smallest that holds it';
  const one = (m: MachineResult, set: number | null) => `${m.name}: ${set === null ? 'the smallest that holds it' : `${set} as set`}`;
  return `${one(lpu, lpuChips)}; ${one(gpu, gpus)}`;
}

export function headline(lpu: MachineResult, gpu: MachineResult, users: number): string {
  const who = users === 1 ? 'one user' : `each of ${users} users`;
  if (!lpu.fits || !gpu.fits) {
    const missing = [lpu, gpu]
      .filter((m) => !m.fits)
      .map((m) => m.name)
      .join(' and ');
    return `${missing} cannot hold this workload with the chips given: there is no comparison to make.`;
  }
  const r = lpu.tokensPerSecondPerUser / gpu.tokensPerSecondPerUser;
  if (r >= 1.05)
    return `For ${who}, the SRAM-only machine generates ${times(r)} the tokens per second of the GPUs, which read every weight from HBM for each token.`;
  if (r <= 1 / 1.05)
    return `For ${who}, the GPUs generate ${times(1 / r)} the tokens per second of the SRAM-only machine: here the argument does not hold.`;
  return `For ${who}, both machines generate about the same tokens per second.`;
}

export function claimVerdicts(lpu: MachineResult, gpu: MachineResult): ClaimVerdict[] {
  const c = checkClaims(lpu, gpu);
  const budget = TALK_CLAIMS.budgetMaxMs;
  const inBudget = (m: MachineResult) => (m.fits ? tokensWithinBudget(m, budget) : 0);
  const entry = (id: ClaimId, verdict: string | null, holds: boolean | null): ClaimVerdict => ({
    id,
    quote: claimQuote(id),
    verdict,
    holds,
    tour: CLAIM_STEPS[id],
  });
  return [
    entry(
      'speedup',
      c
        ? `${times(c.plainSpeedupPerUser)} faster per user here${c.speculative ? ' without speculative decoding, as the talk compares' : ''}: ${c.speedupWithinClaim ? 'within' : c.plainSpeedupPerUser > TALK_CLAIMS.speedupMax ? 'above' : 'below'} the ${TALK_CLAIMS.speedupMin}-${TALK_CLAIMS.speedupMax}× range${c.speculative ? ` (${times(c.speedupPerUser)} with it, as set)` : ''}`
        : null,
      c ? c.speedupWithinClaim : null,
    ),
    entry(
      'cost',
      c
        ? `${c.costRatio <= 1 ? `1/${(1 / c.costRatio).toFixed(1)} of` : `${times(c.costRatio)}`} the GPUs' cost per token here: ${c.costWithinClaim ? 'meets' : 'misses'} 1/10`
        : null,
      c ? c.costWithinClaim : null,
    ),
    entry(
      'budget',
      `In ${budget} ms one user gets ${inBudget(lpu)} tokens from the SRAM-only machine, ${inBudget(gpu)} from the GPUs`,
      null,
    ),
    entry('falcon-180b', null, null),
    entry('b200-30x', null, null),
  ];
}
