import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { encodeScenarioHash } from '../../scenario/url';
import { validateLlmInputs } from '../../engine/llm/validate';
import { setIn } from '../../store/path';
import type { Scenario } from '../../scenario/types';
import { applyEngineLimits } from './engineLimits';
import { decodeHash, importScenarioText, scenarioJson } from './scenarioApi';

const invalid = (s: Scenario) => validateLlmInputs(s).filter((p) => p.kind === 'invalid');

describe('applyEngineLimits', () => {
  it('resets a prime torus chip count and an out-of-range override, naming both', () => {
    let s = setIn(DEFAULT_SCENARIO, 'lpu.topology', 'torus2d');
    s = setIn(s, 'lpu.chips', 647);
    s = setIn(s, 'lpu.overrides', { linksPerChip: 100, powerW: 250 });
    expect(invalid(s).length).toBe(2);
    const out = applyEngineLimits(s, DEFAULT_SCENARIO);
    expect(invalid(out.scenario)).toEqual([]);
    expect(out.scenario.lpu.chips).toBe(DEFAULT_SCENARIO.lpu.chips);
    expect(out.scenario.lpu.topology).toBe('torus2d');
    expect(out.scenario.lpu.overrides).toEqual({ powerW: 250 }); // the good override stays
    expect(out.problems.map((p) => p.field).sort()).toEqual(['lpu.chips', 'lpu.overrides.linksPerChip']);
    expect(out.problems[0].message).toMatch(/value was used/);
  });

  it('leaves a valid scenario (and one that merely does not fit) alone', () => {
    const big = setIn(setIn(DEFAULT_SCENARIO, 'llm.batch', 4096), 'lpu.chips', 648);
    const out = applyEngineLimits(big, DEFAULT_SCENARIO);
    expect(out.scenario).toBe(big);
    expect(out.problems).toEqual([]);
  });
});

describe('links and files go through the engine limits', () => {
  it('a link with a prime chip count on a torus opens with the preset count and a problem', () => {
    const s = setIn(setIn(DEFAULT_SCENARIO, 'lpu.topology', 'torus2d'), 'lpu.chips', 647);
    const d = decodeHash(encodeScenarioHash(s, 'default'));
    expect(d.scenario.lpu.chips).toBe(DEFAULT_SCENARIO.lpu.chips);
    expect(d.problems.some((p) => p.field === 'lpu.chips' && /torus2d/.test(p.message))).toBe(true);
  });

  it('an imported file with 100 links per chip drops that override', () => {
    const s = setIn(DEFAULT_SCENARIO, 'lpu.overrides', { linksPerChip: 100 });
    const r = importScenarioText(scenarioJson(s));
    if (!r.ok) throw new Error('a scenario with one bad field is still a scenario');
    expect(r.scenario.lpu.overrides).toEqual({});
    expect(r.problems.some((p) => p.field === 'lpu.overrides.linksPerChip')).toBe(true);
  });
});
