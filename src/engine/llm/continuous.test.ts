import { describe, expect, it } from 'vitest';
import { simulateContinuous, type ServingCosts } from './continuous';

// A machine whose decode step grows with the batch and whose prefill is long next to a step.
const costs: ServingCosts = { decodeUs: (b) => 10_000 + 100 * b, prefillUs: (k) => 200_000 * k, requestOverheadUs: 5_000 };

describe('continuous batching schedule', () => {
  it('one user alone: every token is one decode step, the first comes after its prefill', () => {
    const r = simulateContinuous(1, 100, costs, 1);
    expect(r.itlP50Ms).toBeCloseTo(10.1, 6);
    expect(r.ttftP50Ms).toBeCloseTo(205, 6);
    expect(r.outputTokensPerSecond).toBeCloseTo(100 / ((200_000 + 99 * 10_100) / 1e6), 0);
  });

  it("other users' prefills stall the decode: inter-token latency and TTFT rise with the load", () => {
    const [a, b, c] = [1, 8, 32].map((n) => simulateContinuous(n, 200, costs, 1));
    expect(b.itlP50Ms).toBeGreaterThan(a.itlP50Ms * 1.3);
    expect(c.itlP50Ms).toBeGreaterThan(b.itlP50Ms * 1.3);
    // well above the bare decode step at that batch: the stalls, not the batch, dominate
    expect(c.itlP50Ms).toBeGreaterThan((2 * costs.decodeUs(32)) / 1000);
    expect(c.ttftP99Ms).toBeGreaterThanOrEqual(c.ttftP50Ms);
    expect(c.itlP99Ms).toBeGreaterThanOrEqual(c.itlP50Ms);
    expect(c.outputTokensPerSecond).toBeGreaterThan(a.outputTokensPerSecond);
  });

  it('with a free prefill, the inter-token latency is the decode step at the concurrency', () => {
    const r = simulateContinuous(16, 50, { ...costs, prefillUs: () => 0, requestOverheadUs: 0 }, 3);
    expect(r.itlP50Ms).toBeCloseTo(costs.decodeUs(16) / 1000, 1);
  });

  it("is deterministic per seed; measures every request but each user's first", () => {
    expect(simulateContinuous(8, 64, costs, 7)).toEqual(simulateContinuous(8, 64, costs, 7));
    expect(simulateContinuous(8, 64, costs, 7).requests).toBe(8 * 3);
  });
});
