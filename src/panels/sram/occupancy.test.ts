import { describe, expect, it } from 'vitest';
import type { ChipOccupancy } from '../../engine/types';
import { fillAtToken, formatRanges, groupChips, kvAtToken, phaseAt, totalsAtToken } from './occupancy';

const chip = (w: number, label: string, kvP = 100, kvF = 300): ChipOccupancy => ({
  weightsBytes: w,
  kvPromptBytes: kvP,
  kvFinalBytes: kvF,
  activationBytes: 10,
  capacityBytes: 1000,
  label,
});

describe('kvAtToken', () => {
  const occ = { kvPromptBytes: 100, kvFinalBytes: 300 };
  it('grows linearly over the prompt to kvPromptBytes', () => {
    expect(kvAtToken(occ, 0, 50, 20)).toBe(0);
    expect(kvAtToken(occ, 25, 50, 20)).toBe(50);
    expect(kvAtToken(occ, 50, 50, 20)).toBe(100);
  });
  it('grows linearly over the output to kvFinalBytes', () => {
    expect(kvAtToken(occ, 60, 50, 20)).toBe(200);
    expect(kvAtToken(occ, 70, 50, 20)).toBe(300);
  });
  it('clamps outside 0..prompt+output', () => {
    expect(kvAtToken(occ, -5, 50, 20)).toBe(0);
    expect(kvAtToken(occ, 999, 50, 20)).toBe(300);
  });
  it('handles an empty output', () => {
    expect(kvAtToken(occ, 50, 50, 0)).toBe(100);
  });
});

describe('phaseAt', () => {
  it('is prefill before the prompt ends and decode after', () => {
    expect(phaseAt(0, 10)).toBe('prefill');
    expect(phaseAt(9, 10)).toBe('prefill');
    expect(phaseAt(10, 10)).toBe('decode');
  });
});

describe('fillAtToken', () => {
  it('free = capacity - weights - kv - activations', () => {
    const f = fillAtToken(chip(500, 'a'), 70, 50, 20);
    expect(f.freeBytes).toBe(1000 - 500 - 300 - 10);
  });
  it('goes negative on overflow', () => {
    expect(fillAtToken(chip(900, 'a'), 70, 50, 20).freeBytes).toBeLessThan(0);
  });
});

describe('groupChips', () => {
  it('groups byte-identical chips, keeping order of first appearance', () => {
    const occ = [chip(500, 'l0'), chip(500, 'l1'), chip(400, 'head'), chip(500, 'l2')];
    const g = groupChips(occ);
    expect(g).toHaveLength(2);
    expect(g[0].indices).toEqual([0, 1, 3]);
    expect(g[0].sample.label).toBe('l0');
    expect(g[1].indices).toEqual([2]);
  });
  it('separates chips that differ only in KV cache', () => {
    expect(groupChips([chip(500, 'a', 1, 2), chip(500, 'b', 1, 3)])).toHaveLength(2);
  });
});

describe('formatRanges', () => {
  it('compacts consecutive runs', () => {
    expect(formatRanges([0, 1, 2, 5, 7, 8])).toBe('0-2, 5, 7-8');
  });
  it('truncates long lists', () => {
    expect(formatRanges([0, 2, 4, 6, 8, 10], 2)).toBe('0, 2, ... (4 more ranges)');
  });
  it('is empty for no chips', () => {
    expect(formatRanges([])).toBe('');
  });
});

describe('totalsAtToken', () => {
  it('sums every chip', () => {
    const t = totalsAtToken([chip(500, 'a'), chip(400, 'b')], 50, 50, 20);
    expect(t.weightsBytes).toBe(900);
    expect(t.kvBytes).toBe(200);
    expect(t.capacityBytes).toBe(2000);
    expect(t.freeBytes).toBe(2000 - 900 - 200 - 20);
  });
});
