import { describe, expect, it } from 'vitest';
import { readScenarioFile, scenarioToJson } from './file';
import { DEFAULT_SCENARIO } from './defaults';

describe('readScenarioFile', () => {
  it('refuses what is not a scenario, saying why, without a scenario to apply', () => {
    const cases: [string, RegExp][] = [
      ['{"v":2,', /not valid JSON/],
      ['plain text', /not valid JSON/],
      ['[1,2]', /list/],
      ['"a string"', /string/],
      ['null', /null/],
      ['{"name":"x","version":"1"}', /none of a scenario's sections/],
      ['{"v":99,"gemm":{}}', /newer/],
      ['x'.repeat(300_000), /more than the 200000/],
    ];
    for (const [text, why] of cases) {
      const r = readScenarioFile(text);
      expect(r.ok, text.slice(0, 30)).toBe(false);
      expect(r.problems[0].message, text.slice(0, 30)).toMatch(why);
      expect('scenario' in r).toBe(false);
    }
  });
  it('accepts a scenario with a bad field, the rest kept', () => {
    const r = readScenarioFile('{"v":2,"gemm":{"rows":-4,"cols":5}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.gemm.cols).toBe(5);
    expect(r.scenario.gemm.rows).toBe(DEFAULT_SCENARIO.gemm.rows);
    expect(r.problems.map((p) => p.field)).toEqual(['gemm.rows']);
  });
  it('reads its own exports back exactly', () => {
    expect(readScenarioFile(scenarioToJson(DEFAULT_SCENARIO))).toEqual({ ok: true, scenario: DEFAULT_SCENARIO, problems: [] });
  });
});
