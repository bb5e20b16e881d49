import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO } from './defaults';
import { scenarioFromJson, scenarioToJson } from './file';
import { migrateV1ToV2 } from './migrate';
import { parseScenario } from './parse';
import { presetScenario } from './presets';
import { LEAVES, ScenarioSchema, validateField } from './schema';
import { diffScenario } from './patch';
import { encodeScenarioHash } from './url';
import { getIn, setIn } from '../store/path';

const clone = () => structuredClone(DEFAULT_SCENARIO);

describe('parseScenario', () => {
  it('keeps a valid scenario as is, with no problems', () => {
    const s = presetScenario('b200-30x');
    expect(parseScenario(s)).toEqual({ scenario: s, problems: [] });
  });

  it('replaces only the bad fields, naming each', () => {
    const s = clone() as unknown as Record<string, any>;
    s.gemm.rows = 999;
    s.gemm.cols = 16;
    s.llm.batch = 'many';
    s.lpu.overrides = { sramMB: -1, clockMHz: 1000 };
    s.classroom.hidden = ['llm-batch', '<b>', 'llm-batch', 'sram'];
    const { scenario, problems } = parseScenario(s);
    expect(scenario.gemm.rows).toBe(DEFAULT_SCENARIO.gemm.rows);
    expect(scenario.gemm.cols).toBe(16);
    expect(scenario.llm.batch).toBe(DEFAULT_SCENARIO.llm.batch);
    expect(scenario.lpu.overrides).toEqual({ clockMHz: 1000 });
    expect(scenario.classroom.hidden).toEqual(['llm-batch', 'sram']);
    expect(problems.map((p) => p.field)).toEqual(['gemm.rows', 'llm.batch', 'lpu.overrides.sramMB', 'classroom.hidden.1']);
    expect(problems[0].message).toBe('gemm.rows must be an integer 1..256; got 999');
  });

  it('falls back to the given base, not the default', () => {
    const base = presetScenario('falcon-180b-claim');
    const { scenario } = parseScenario({ v: 2, llm: { model: 'nope' } }, { base });
    expect(scenario.llm.model).toBe('falcon-180b');
    expect(scenario.gpu.gpu).toBe('b200');
  });

  it('reports unknown fields and repairs cross-field rules', () => {
    const s = clone() as unknown as Record<string, any>;
    s.extra = 1;
    s.llm.prompt = 130000;
    s.llm.output = 5000;
    s.llm.model = 'custom';
    const { scenario, problems } = parseScenario(s);
    expect(problems.map((p) => p.field)).toEqual(['extra', 'llm.output', 'llm.custom']);
    expect(scenario.llm.prompt).toBe(130000);
    expect(scenario.llm.output).toBe(DEFAULT_SCENARIO.llm.output);
    expect(scenario.llm.custom).toEqual(DEFAULT_CUSTOM_MODEL);
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
  });

  it('repairs a custom model field by field', () => {
    const s = clone() as unknown as Record<string, any>;
    s.llm.model = 'custom';
    s.llm.custom = { ...DEFAULT_CUSTOM_MODEL, name: 'Mine', layers: -3, experts: 4, activeExperts: 9 };
    const { scenario, problems } = parseScenario(s);
    expect(scenario.llm.custom).toMatchObject({ name: 'Mine', layers: DEFAULT_CUSTOM_MODEL.layers, experts: 4, activeExperts: 4 });
    expect(problems.map((p) => p.field)).toEqual(['llm.custom.layers', 'llm.custom.activeExperts']);
  });

  it('refuses a newer version with the exact message', () => {
    const { scenario, problems } = parseScenario({ ...clone(), v: 3, gemm: { rows: 4 } });
    expect(scenario).toEqual(DEFAULT_SCENARIO);
    expect(problems).toEqual([{ field: 'v', message: 'scenario version 3 is newer than this app (2); the defaults are used' }]);
  });

  it('never throws on junk and always returns a valid scenario', () => {
    const junk: unknown[] = [
      null,
      3,
      'x',
      [],
      [1, 2],
      { v: '2' },
      { v: 2, gemm: [] },
      { v: 2, llm: null },
      { v: 2, view: { tour: 'x' } },
      { v: 1, array: 5 },
      { v: -1 },
      { v: 1.5 },
      Object.create(null),
      { __proto__: { gemm: { rows: 3 } } },
    ];
    for (const j of junk) {
      const r = parseScenario(j);
      expect(ScenarioSchema.safeParse(r.scenario).success).toBe(true);
    }
  });
});

describe('a document fills only what it names', () => {
  it('{"v":2,"llm":{"batch":2}} changes llm.batch and nothing else: no custom model appears', () => {
    const { scenario, problems } = scenarioFromJson('{"v":2,"llm":{"batch":2}}');
    expect(problems).toEqual([]);
    expect(scenario.llm.custom).toBeNull();
    expect(diffScenario(DEFAULT_SCENARIO, scenario)).toEqual([{ field: 'llm.batch', a: DEFAULT_SCENARIO.llm.batch, b: 2 }]);
    // Its link carries the batch alone (c=1 would add a custom model).
    expect(encodeScenarioHash(scenario)).not.toMatch(/(^|&)c=/);
  });

  it("a missing custom model is the base's: null stays null, a preset's model is kept", () => {
    const base = presetScenario('b200-30x');
    expect(base.llm.custom).not.toBeNull();
    expect(parseScenario({ v: 2, llm: { batch: 2 } }, { base }).scenario.llm.custom).toEqual(base.llm.custom);
    // A custom model the file does give is still repaired onto the default one.
    const partial = parseScenario({ v: 2, llm: { model: 'custom', custom: { layers: 3 } } });
    expect(partial.scenario.llm.custom).toEqual({ ...DEFAULT_CUSTOM_MODEL, layers: 3 });
    expect(parseScenario({ v: 2, llm: { custom: null } }).scenario.llm.custom).toBeNull();
  });

  it('for every leaf outside llm.custom: a file naming only that leaf changes only that leaf', () => {
    let checked = 0;
    for (const leaf of LEAVES) {
      if (leaf.path.startsWith('llm.custom.') || leaf.path === 'v') continue;
      const now = getIn(DEFAULT_SCENARIO, leaf.path);
      const spec = leaf.spec;
      const candidates: unknown[] =
        spec.kind === 'int' || spec.kind === 'nullableInt'
          ? [spec.min, spec.max]
          : spec.kind === 'num'
            ? [spec.max / 2]
            : spec.kind === 'enum'
              ? [...spec.values]
              : spec.kind === 'bool'
                ? [!now]
                : [];
      const value = candidates.find((v) => !Object.is(v, now) && validateField(leaf.path, v, DEFAULT_SCENARIO) === null);
      if (value === undefined) continue;
      const doc = setIn({ v: 2 } as never, leaf.path, value);
      const { scenario, problems } = parseScenario(doc);
      expect(problems, leaf.path).toEqual([]);
      expect(diffScenario(DEFAULT_SCENARIO, scenario), leaf.path).toEqual([{ field: leaf.path, a: now, b: value }]);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('migration v1 -> v2', () => {
  const v1 = {
    v: 1,
    array: { rows: 16, cols: 32, dataflow: 'is' },
    gemm: { m: 64, k: 48, n: 40, seed: 7 },
    llm: {
      model: 'mixtral-8x7b',
      custom: null,
      batch: 4,
      promptTokens: 2000,
      outputTokens: 300,
      precision: { weights: 'int8', activations: 'fp16', kv: 'fp8' },
    },
    machine: { chip: 'lpu', overrides: { sramMB: 200 }, count: 300, topology: 'all-to-all' },
    baseline: { gpu: 'a100-80gb', overrides: { powerW: 330 }, count: 4, tp: 4, seed: 9 },
    view: { panel: 'network', cycle: 12, tour: null, presenter: true },
  };

  it('moves and renames every v1 field', () => {
    const { scenario, problems } = parseScenario(v1);
    expect(problems).toEqual([]);
    expect(scenario).toEqual({
      v: 2,
      gemm: { rows: 16, cols: 32, dataflow: 'is', m: 64, k: 48, n: 40, seed: 7 },
      llm: {
        model: 'mixtral-8x7b',
        custom: null,
        batch: 4,
        prompt: 2000,
        output: 300,
        weights: 'int8',
        activations: 'fp16',
        kv: 'fp8',
        batching: 'static',
        sweepMachine: 'fixed',
        speculative: DEFAULT_SCENARIO.llm.speculative,
        disagg: 'off',
      },
      lpu: { chip: 'lpu', overrides: { sramMB: 200 }, chips: 300, topology: 'fully-connected' },
      // fields v1 did not have take their defaults: v1's model assumed a static batch and TensorRT-LLM-style collectives
      gpu: { gpu: 'a100-80gb', overrides: { powerW: 330 }, stack: 'tensorrt-llm', gpus: 4, tp: 4, seed: 9 },
      view: { panel: 'interconnect', cycle: 12, tour: null, presenter: true },
      classroom: DEFAULT_SCENARIO.classroom,
    });
  });

  it('renames torus and memory, leaves absent fields absent, and still validates', () => {
    expect(migrateV1ToV2({ v: 1, machine: { topology: 'torus' }, view: { panel: 'memory' } })).toEqual({
      v: 2,
      lpu: { topology: 'torus2d' },
      view: { panel: 'sram' },
    });
    const { scenario, problems } = parseScenario({ ...v1, array: { rows: 0 } });
    expect(scenario.gemm.rows).toBe(DEFAULT_SCENARIO.gemm.rows);
    expect(problems.map((p) => p.field)).toEqual(['gemm.rows']);
  });
});

describe('scenario files', () => {
  it('round-trips through JSON', () => {
    const s = presetScenario('b200-30x');
    expect(scenarioFromJson(scenarioToJson(s))).toEqual({ scenario: s, problems: [] });
  });

  it('reads a bad file like a link: defaults and a problem, never a throw', () => {
    expect(scenarioFromJson('{"v":2,').problems[0].field).toBe('file');
    expect(scenarioFromJson('x'.repeat(300_000)).problems[0].message).toMatch(/more than the 200000/);
    expect(scenarioFromJson('['.repeat(100_000)).scenario).toEqual(DEFAULT_SCENARIO);
    const r = scenarioFromJson('{"v":2,"gemm":{"rows":"<script>"}}');
    expect(r.problems).toEqual([{ field: 'gemm.rows', message: 'gemm.rows must be an integer 1..256; got "\\u003cscript\\u003e"' }]);
  });

  it('says where a file stops being JSON, never what it holds', () => {
    const { problems } = scenarioFromJson('\x1b]0;owned\x07\x1b[2J');
    expect(problems).toEqual([{ field: 'file', message: 'the file is not valid JSON: at line 1, column 1 (character 1 of 14)' }]);
    expect(scenarioFromJson('{"v":2,').problems[0].message).toContain('it ends early (after 7 characters)');
  });
});
