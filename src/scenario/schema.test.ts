import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO } from './defaults';
import { PRESETS } from './presets';
import { LEAVES, ScenarioSchema, showValue, validateField } from './schema';
import { MODEL_IDS, PRECISIONS, TOPOLOGIES } from './types';

describe('ScenarioSchema', () => {
  it('accepts the default and every preset', () => {
    expect(ScenarioSchema.safeParse(DEFAULT_SCENARIO).success).toBe(true);
    for (const p of PRESETS) expect(ScenarioSchema.safeParse(p.scenario).error?.issues ?? [], p.id).toEqual([]);
  });

  it('enforces the limits at both ends', () => {
    const bad: [string, unknown][] = [
      ['gemm.rows', 0],
      ['gemm.rows', 257],
      ['gemm.cols', 2.5],
      ['gemm.m', 65537],
      ['gemm.seed', 2 ** 31],
      ['llm.batch', 4097],
      ['llm.prompt', 0],
      ['llm.model', 'gpt-5'],
      ['llm.weights', 'fp32'],
      ['lpu.chips', 20001],
      ['lpu.topology', 'mesh'],
      ['lpu.overrides.clockMHz', 10001],
      ['lpu.overrides.linkBandwidthGBps', 0],
      ['lpu.overrides.linkBandwidthGBps', 1e6],
      ['lpu.overrides.computeEfficiency', 0.005],
      ['lpu.overrides.priceUsdPerChipHour', -1],
      ['gpu.tp', 65],
      ['gpu.gpus', 0],
      ['gpu.overrides.hbmBandwidthTBps', Infinity],
      ['gpu.overrides.powerW', NaN],
      ['view.cycle', -1],
      ['view.cycle', 1e9 + 1],
      ['view.tour', { id: 'Bad Id', step: 0 }],
      ['classroom.hidden', ['ok', '<b>']],
      ['classroom.hidden', Array.from({ length: 51 }, (_, i) => `id-${i}`)],
      ['llm.custom.name', '<script>alert(1)</script>'],
      ['llm.custom.name', 'x'.repeat(49)],
      ['llm.custom.name', 'a\u202egnp.exe'],
    ];
    for (const [path, value] of bad) expect(validateField(path, value), `${path}=${String(value)}`).not.toBeNull();
    const good: [string, unknown][] = [
      ['gemm.rows', 256],
      ['gemm.seed', 2 ** 31 - 1],
      ['llm.prompt', 131071],
      ['lpu.chips', null],
      ['lpu.chips', 20000],
      ['lpu.overrides.clockMHz', undefined],
      ['lpu.overrides.priceUsdPerChipHour', 0],
      ['gpu.overrides.tflopsFp8', 0],
      ['view.tour', { id: 'hbm-bound', step: 3 }],
      ['llm.custom.source', 'Touvron et al. 2023, "Llama 2" & friends'],
    ];
    for (const [path, value] of good) expect(validateField(path, value), path).toBeNull();
  });

  it('names the field and the limit in its message', () => {
    expect(validateField('gemm.rows', 999)).toBe('gemm.rows must be an integer 1..256; got 999');
    expect(validateField('lpu.topology', 'mesh')).toBe(`lpu.topology must be one of ${TOPOLOGIES.join(', ')}; got "mesh"`);
    expect(validateField('llm.kv', 3)).toContain(PRECISIONS.join(', '));
    expect(validateField('gpu.overrides.hbmBandwidthTBps', 0)).toBe(
      'gpu.overrides.hbmBandwidthTBps must be a number at least 0.001 and below 1000; got 0',
    );
    expect(validateField('nope.field', 1)).toMatch(/not a scenario field/);
  });

  it('checks cross-field rules when given the scenario', () => {
    const s = { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, prompt: 131000 } };
    expect(validateField('llm.output', 100)).toBeNull();
    expect(validateField('llm.output', 100, s)).toMatch(/llm.prompt \+ llm.output must be at most 131072/);
    expect(validateField('llm.prompt', 131000, DEFAULT_SCENARIO)).toMatch(/at most 131072/);
    expect(validateField('llm.model', 'custom', DEFAULT_SCENARIO)).toMatch(/llm.custom must hold a model/);
    expect(validateField('llm.model', MODEL_IDS[0], DEFAULT_SCENARIO)).toBeNull();
  });

  it('checks the optional model-shape fields (MLA, sliding window, dense layers) with plain messages', () => {
    expect(validateField('llm.custom.kvLoraRank', 0)).toBe('llm.custom.kvLoraRank must be an integer 1..65536; got 0');
    expect(validateField('llm.custom.slidingWindow', 131073)).toBe('llm.custom.slidingWindow must be an integer 1..131072; got 131073');
    expect(validateField('llm.custom.sharedExperts', -1)).toMatch(/must be an integer 0..1024/);
    for (const k of ['kvLoraRank', 'slidingWindow', 'sharedExperts', 'denseLayers', 'mtpLayers']) {
      expect(validateField(`llm.custom.${k}`, undefined), k).toBeNull(); // absent: the plain transformer
    }
    const custom = { ...DEFAULT_CUSTOM_MODEL, layers: 36 };
    const s = { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, model: 'custom' as const, custom } };
    expect(validateField('llm.custom.slidingLayers', 40, { ...s, llm: { ...s.llm, custom: { ...custom, slidingWindow: 128 } } })).toBe(
      'llm.custom.slidingLayers must be at most llm.custom.layers (36); got 40',
    );
    expect(validateField('llm.custom.slidingLayers', 18, s)).toMatch(/needs llm.custom.slidingWindow/);
    expect(validateField('llm.custom.denseLayers', 37, s)).toMatch(/at most llm.custom.layers \(36\)/);
    expect(validateField('llm.custom.denseLayers', 3, s)).toBeNull();
  });

  it('has a leaf for every field of the default', () => {
    const paths = new Set(LEAVES.map((l) => l.path));
    for (const p of [
      'v',
      'gemm.rows',
      'llm.custom.name',
      'lpu.overrides.sramMB',
      'gpu.overrides.jitterCv',
      'view.tour',
      'classroom.hidden',
    ]) {
      expect(paths.has(p), p).toBe(true);
    }
  });

  it('renders input inertly in messages', () => {
    expect(showValue('<img src=x onerror=alert(1)>')).not.toMatch(/[<>]/);
    expect(showValue('a'.repeat(100)).length).toBeLessThan(45);
    expect(showValue('"quote\'&`')).toBe('"\\u0022quote\\u0027\\u0026\\u0060"');
  });
});
