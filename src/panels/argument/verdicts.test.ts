import { describe, expect, it } from 'vitest';
import type { MachineResult } from '../../engine/types';
import { claimQuote, claimVerdicts, headline, sizingNote, type ClaimId } from './verdicts';

const machine = (over: Partial<MachineResult>): MachineResult =>
  ({
    machine: 'lpu',
    name: 'M',
    fits: true,
    tokensPerSecondPerUser: 100,
    costPerMillionTokensUsd: 10,
    ttftMs: 30,
    tpotMs: 10,
    ...over,
  }) as MachineResult;

describe('the argument in words', () => {
  it("the headline says which machine is faster per user, by the engine's ratio", () => {
    const lpu = machine({ tokensPerSecondPerUser: 255 });
    const gpu = machine({ machine: 'h100-sxm', tokensPerSecondPerUser: 33.4 });
    expect(headline(lpu, gpu, 1)).toMatch(/^For one user, the SRAM-only machine generates 7\.6× /);
    expect(headline(gpu, lpu, 64)).toMatch(/^For each of 64 users, the GPUs generate 7\.6× .* does not hold/);
    expect(headline(machine({}), machine({ tokensPerSecondPerUser: 102 }), 1)).toMatch(/about the same/);
    expect(headline(lpu, machine({ fits: false, name: 'NVIDIA H100' }), 1)).toMatch(/^NVIDIA H100 cannot hold/);
  });

  it('every claim carries its quote from the tours, with speaker and timestamp', () => {
    for (const id of ['speedup', 'cost', 'budget', 'falcon-180b', 'b200-30x'] as ClaimId[]) {
      const q = claimQuote(id);
      expect(q.text.length).toBeGreaterThan(20);
      expect(q.timestamp).toMatch(/^\d\d:\d\d$/);
    }
    expect(claimQuote('speedup').text).toMatch(/five to 10x faster/);
    expect(claimQuote('cost').text).toMatch(/1\/10 the cost/);
    expect(claimQuote('budget').speaker).toBe('host');
  });

  it('verdicts follow the ratios: within or outside 5-10x, meets or misses 1/10, tokens within 300 ms', () => {
    const lpu = machine({ tokensPerSecondPerUser: 250, costPerMillionTokensUsd: 5, ttftMs: 30, tpotMs: 4 });
    const gpu = machine({ machine: 'h100-sxm', tokensPerSecondPerUser: 40, costPerMillionTokensUsd: 100, ttftMs: 120, tpotMs: 25 });
    const v = Object.fromEntries(claimVerdicts(lpu, gpu).map((c) => [c.id, c]));
    expect(v.speedup.holds).toBe(true);
    expect(v.speedup.verdict).toMatch(/6\.3× faster per user here: within/);
    expect(v.cost.holds).toBe(true);
    expect(v.cost.verdict).toMatch(/^1\/20\.0 of the GPUs' cost per token here: meets/);
    // 1 + floor((300 - 30) / 4) = 68; 1 + floor((300 - 120) / 25) = 8
    expect(v.budget.verdict).toBe('In 300 ms one user gets 68 tokens from the SRAM-only machine, 8 from the GPUs');
    expect(v['falcon-180b'].verdict).toBeNull();
    const slow = Object.fromEntries(
      claimVerdicts(machine({ tokensPerSecondPerUser: 50, costPerMillionTokensUsd: 300 }), gpu).map((c) => [c.id, c]),
    );
    expect(slow.speedup.verdict).toMatch(/below/);
    expect(slow.cost.verdict).toMatch(/^3\.0× the GPUs' cost per token here: misses/);
  });

  it('says how the machines were sized: the smallest that holds the model unless the controls set a count', () => {
    const lpu = machine({ name: 'GroqChip 1' });
    const gpu = machine({ name: 'NVIDIA H100 SXM' });
    expect(sizingNote(lpu, gpu, null, null)).toBe('each machine the smallest that holds it');
    expect(sizingNote(lpu, gpu, 700, null)).toBe('GroqChip 1: 700 as set; NVIDIA H100 SXM: the smallest that holds it');
    expect(sizingNote(lpu, gpu, null, 8)).toBe('GroqChip 1: the smallest that holds it; NVIDIA H100 SXM: 8 as set');
  });
});
