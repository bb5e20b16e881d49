// Compare's pinned A in a link (key `a`): round trip, compactness, and a malformed A is
// dropped by name while the rest of the link applies.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO } from './defaults';
import { PRESETS } from './presets';
import { decodeScenarioHash, encodeScenarioHash, PINNED_FIELD } from './url';
import type { Scenario } from './types';

const inputs = (s: Scenario) => ({ gemm: s.gemm, llm: s.llm, lpu: s.lpu, gpu: s.gpu });

describe('pinned A in a link', () => {
  it('round-trips A against every preset pair, with the link’s view and classroom', () => {
    for (const a of PRESETS) {
      for (const b of PRESETS) {
        const hash = encodeScenarioHash(b.scenario, b.id, a.scenario);
        const d = decodeScenarioHash(hash);
        expect(d.problems, `${a.id} pinned on ${b.id}`).toEqual([]);
        expect(d.scenario).toEqual(b.scenario);
        expect(inputs(d.pinned!)).toEqual(inputs(a.scenario));
        expect(d.pinned!.view).toEqual(b.scenario.view);
      }
    }
  });

  it('custom models on either side, overrides removed, null counts', () => {
    const b = structuredClone(DEFAULT_SCENARIO);
    const a = structuredClone(DEFAULT_SCENARIO);
    a.llm.model = 'custom';
    a.llm.custom = { ...DEFAULT_CUSTOM_MODEL, layers: 7, name: 'Mine, with: punctuation' };
    a.gpu.overrides = { hbmBandwidthTBps: 2.5 };
    a.lpu.chips = null;
    b.lpu.chips = 600;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const d = decodeScenarioHash(encodeScenarioHash(y, 'default', x));
      expect(d.problems).toEqual([]);
      expect(inputs(d.pinned!)).toEqual(inputs(x));
    }
  });

  it('is compact: A one field apart from B costs a few characters', () => {
    const b = structuredClone(DEFAULT_SCENARIO);
    const a = structuredClone(DEFAULT_SCENARIO);
    a.llm.batch = 64;
    const without = encodeScenarioHash(b);
    const withA = encodeScenarioHash(b, 'default', a);
    expect(withA.startsWith(without)).toBe(true);
    expect(withA.length - without.length).toBeLessThan(12);
    expect(decodeScenarioHash(encodeScenarioHash(b, 'default', b)).pinned).not.toBeNull();
    expect(decodeScenarioHash(without).pinned).toBeNull();
  });

  it('a malformed A is dropped by name; the rest of the link applies', () => {
    const bad = ['ar:abc', 'zz:1', 'ar', 'ar:4,ar:5', 'vp:sram', 'c:7', 'cl:5', 'b:-1,ac:3'];
    for (const a of bad) {
      const d = decodeScenarioHash(`v=2&ac=9&a=${a}`);
      expect(d.pinned, a).toBeNull();
      expect(d.scenario.gemm.cols, a).toBe(9);
      expect(
        d.problems.map((p) => p.field),
        a,
      ).toEqual([PINNED_FIELD]);
      expect(d.problems[0].message, a).toMatch(/A was dropped/);
    }
  });
});
