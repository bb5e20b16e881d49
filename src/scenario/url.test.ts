import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO } from './defaults';
import { HIDEABLE_IDS, LINK_KEYS, controlId } from './keys';
import { LEAVES, ScenarioSchema } from './schema';
import { PRESETS, presetScenario } from './presets';
import { decodeScenarioHash, encodeScenarioHash } from './url';
import type { Scenario } from './types';

describe('link codec', () => {
  it('encodes only what differs from the preset, and always the version', () => {
    expect(encodeScenarioHash(DEFAULT_SCENARIO)).toBe('v=2');
    const s = structuredClone(DEFAULT_SCENARIO);
    s.gemm.rows = 16;
    s.lpu.chips = 700;
    expect(encodeScenarioHash(s)).toBe('v=2&ar=16&lc=700');
    for (const p of PRESETS) expect(encodeScenarioHash(p.scenario, p.id)).toBe(p.id === 'default' ? 'v=2' : `v=2&p=${p.id}`);
  });

  it('links written before the 2025 models decode to the same scenario', () => {
    // A preset model id and a custom model: the new optional shape fields stay absent.
    const old = decodeScenarioHash('#v=2&mo=mixtral-8x7b&b=4');
    expect(old.problems).toEqual([]);
    expect(old.scenario).toEqual({ ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, model: 'mixtral-8x7b', batch: 4 } });
    const custom = decodeScenarioHash('#v=2&mo=custom&c=1&cl=40&ckv=4');
    expect(custom.problems).toEqual([]);
    expect(custom.scenario.llm.custom).toEqual({ ...DEFAULT_CUSTOM_MODEL, layers: 40, kvHeads: 4 });
    expect(encodeScenarioHash(custom.scenario)).toBe('v=2&c=1&mo=custom&cl=40&ckv=4');
  });

  it('carries the new model ids and a custom MLA / sliding-window shape', () => {
    const s = structuredClone(DEFAULT_SCENARIO);
    s.llm.model = 'custom';
    s.llm.custom = { ...DEFAULT_CUSTOM_MODEL, kvLoraRank: 512, ropeHeadDim: 64, slidingWindow: 4096, slidingLayers: 40 };
    const hash = encodeScenarioHash(s);
    expect(hash).toBe('v=2&c=1&mo=custom&ckr=512&crd=64&csw=4096&csl=40');
    expect(decodeScenarioHash(`#${hash}`).scenario).toEqual(s);
    const d = decodeScenarioHash('#v=2&mo=deepseek-v3&pw=mxfp4');
    expect(d.problems).toEqual([]);
    expect(d.scenario.llm).toMatchObject({ model: 'deepseek-v3', weights: 'mxfp4' });
  });

  it('round-trips every preset against every other preset', () => {
    for (const a of PRESETS) {
      for (const b of PRESETS) {
        const d = decodeScenarioHash(`#${encodeScenarioHash(a.scenario, b.id)}`);
        expect(d.problems, `${a.id} vs ${b.id}`).toEqual([]);
        expect(d.scenario).toEqual(a.scenario);
        expect(d.presetId).toBe(b.id);
      }
    }
  });

  it('writes null, removed overrides and hidden ids compactly', () => {
    const base = presetScenario('gpt-fast-7b-a100'); // has gpus 1 and a powerW override
    const s = structuredClone(base);
    s.gpu.gpus = null;
    s.gpu.overrides = {};
    s.classroom.hidden = ['sram', 'llm-batch', 'my-own-id'];
    const hash = encodeScenarioHash(s, 'gpt-fast-7b-a100');
    expect(hash).toBe(`v=2&p=gpt-fast-7b-a100&gc=~&gpw=~&xh=_1._${HIDEABLE_IDS.indexOf('llm-batch').toString(36)}.my-own-id`);
    expect(decodeScenarioHash(hash).scenario).toEqual(s);
  });

  it('names each bad field and keeps the rest', () => {
    const d = decodeScenarioHash('v=2&p=talk-70b&ar=999&ac=12&b=-4&lt=%3Cscript%3E&cn=x&junk=1&lsm=1e400');
    expect(d.presetId).toBe('talk-70b');
    expect(d.scenario.gemm.cols).toBe(12);
    expect(d.scenario.gemm.rows).toBe(DEFAULT_SCENARIO.gemm.rows);
    expect(d.scenario.llm.prompt).toBe(presetScenario('talk-70b').llm.prompt);
    expect(d.scenario.lpu.overrides).toEqual({});
    expect(d.problems.map((p) => p.field)).toEqual([
      'link',
      'llm.custom.name',
      'gemm.rows',
      'llm.batch',
      'lpu.overrides.sramMB',
      'lpu.topology',
    ]);
    for (const p of d.problems) expect(p.message).not.toMatch(/[<>]/);
  });

  it('handles version, preset and size limits', () => {
    expect(decodeScenarioHash('v=3&ar=4')).toEqual({
      scenario: DEFAULT_SCENARIO,
      pinned: null,
      presetId: 'default',
      problems: [{ field: 'v', message: 'scenario version 3 is newer than this app (2); the defaults are used' }],
    });
    const unknownPreset = decodeScenarioHash('v=2&p=nope&ar=4');
    expect(unknownPreset.presetId).toBe('default');
    expect(unknownPreset.scenario.gemm.rows).toBe(4);
    expect(unknownPreset.problems[0].field).toBe('p');
    const long = decodeScenarioHash(`v=2&${'ar=4&'.repeat(2000)}`);
    expect(long.scenario).toEqual(DEFAULT_SCENARIO);
    expect(long.problems[0].message).toMatch(/more than the 8000/);
    expect(decodeScenarioHash('').problems).toEqual([]);
    expect(decodeScenarioHash('ar=4').problems[0].field).toBe('v');
  });

  it('reads version 1 spellings', () => {
    const d = decodeScenarioHash('v=1&lt=torus&vp=memory');
    expect(d.scenario.lpu.topology).toBe('torus2d');
    expect(d.scenario.view.panel).toBe('sram');
    expect(d.problems).toEqual([]);
  });

  it('has one key per leaf and unique keys', () => {
    const keys = LINK_KEYS.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    expect(LINK_KEYS.map(([, p]) => p).sort()).toEqual(
      LEAVES.map((l) => l.path)
        .filter((p) => p !== 'v')
        .sort(),
    );
    for (const id of HIDEABLE_IDS) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(controlId('gpu.overrides.hbmBandwidthTBps')).toBe('gpu-hbm-bandwidth-tbps');
  });

  it('stays short with every field at a non-default extreme', () => {
    const s: Scenario = {
      v: 2,
      gemm: { rows: 255, cols: 255, dataflow: 'is', m: 65535, k: 65535, n: 65535, seed: 2 ** 31 - 2 },
      llm: {
        model: 'custom',
        custom: {
          id: 'x'.repeat(40),
          name: '%'.repeat(48),
          layers: 999,
          hidden: 131071,
          heads: 4095,
          kvHeads: 4095,
          headDim: 4095,
          ffn: 1048575,
          gatedFfn: false,
          vocab: 4194303,
          experts: 1023,
          activeExperts: 1023,
          paramsB: 99999.99999999999,
          source: '%'.repeat(160),
        },
        batch: 4095,
        prompt: 65535,
        output: 65535,
        weights: 'int4',
        activations: 'int4',
        kv: 'int4',
        batching: 'continuous',
        sweepMachine: 'minimum',
        speculative: { mode: 'draft', draft: 'llama-3.1-405b', k: 15, accept: 0.012345678901234567 },
        disagg: 'sram-to-gpu',
      },
      lpu: {
        chip: 'cerebras-wse3',
        chips: 19999,
        topology: 'fully-connected',
        overrides: {
          sramMB: 99999.99999999999,
          // oxlint-disable-next-line no-loss-of-precision -- the nearest double below 10,000 is the point of the test
          clockMHz: 9999.999999999999,
          tflopsFp16: 999999.9999999999,
          topsInt8: 999999.9999999999,
          sramBandwidthTBps: 99999.99999999999,
          linksPerChip: 63,
          linkBandwidthGBps: 99999.99999999999,
          hopLatencyUs: 9999.999999999998,
          chipsPerNode: 255,
          powerW: 99999.99999999999,
          // oxlint-disable-next-line no-loss-of-precision -- the nearest double below 10,000 is the point of the test
          priceUsdPerChipHour: 9999.999999999999,
          computeEfficiency: 0.012345678901234567,
          sramEfficiency: 0.012345678901234567,
          layerOverheadUs: 99999.99999999999,
        },
      },
      gpu: {
        gpu: 'a100-40gb',
        stack: 'vllm',
        gpus: 4095,
        tp: 63,
        seed: 2 ** 31 - 2,
        overrides: {
          hbmGB: 99999.99999999999,
          hbmBandwidthTBps: 999.9999999999999,
          tflopsBf16: 999999.9999999999,
          tflopsFp8: 999999.9999999999,
          topsInt8: 999999.9999999999,
          tflopsFp4: 999999.9999999999,
          nvlinkGBps: 99999.99999999999,
          gpusPerNode: 255,
          interNodeGBps: 99999.99999999999,
          interNodeLatencyUs: 9999.999999999998,
          nvlinkLatencyUs: 9999.999999999998,
          powerW: 99999.99999999999,
          // oxlint-disable-next-line no-loss-of-precision -- the nearest double below 10,000 is the point of the test
          priceUsdPerHour: 9999.999999999999,
          hbmEfficiency: 0.012345678901234567,
          computeEfficiency: 0.012345678901234567,
          launchOverheadUsPerLayer: 99999.99999999999,
          jitterCv: 0.012345678901234567,
          computeEfficiencyFp8: 0.012345678901234567,
          allReduceOverheadUs: 99999.99999999999,
          requestOverheadMs: 99999.99999999999,
          int8StreamEfficiency: 0.012345678901234567,
          int4StreamEfficiency: 0.012345678901234567,
          fp8StreamEfficiency: 0.012345678901234567,
          kvReadEfficiency: 0.012345678901234567,
          expertComputeEfficiency: 0.012345678901234567,
          expertComputeEfficiencyFp8: 0.012345678901234567,
        },
      },
      view: { panel: 'interconnect', cycle: 999999999, tour: { id: 'scaled-inference', step: 99 }, presenter: true },
      classroom: { hidden: HIDEABLE_IDS.slice(-50), locked: true },
    };
    expect(ScenarioSchema.safeParse(s).success).toBe(true);
    const uiReachable = encodeScenarioHash(s);
    const handWritten = structuredClone(s);
    handWritten.classroom.hidden = Array.from({ length: 50 }, (_, i) => `${'z'.repeat(37)}-${String(i).padStart(2, '0')}`);
    const worst = encodeScenarioHash(handWritten);
    console.log(
      `longest link: ${uiReachable.length} chars with every field at an extreme (hidden = 50 app ids); ${worst.length} chars with 50 arbitrary 40-char hidden ids`,
    );
    expect(decodeScenarioHash(uiReachable)).toEqual({ scenario: s, pinned: null, problems: [], presetId: 'default' });
    expect(decodeScenarioHash(worst).scenario).toEqual(handWritten);
    expect(uiReachable.length).toBeLessThan(2000);
    expect(worst.length).toBeLessThan(8000);
  });

  it('writes text readably when it can and compactly when it must', () => {
    const s = structuredClone(DEFAULT_SCENARIO);
    s.llm.model = 'custom';
    s.llm.custom = { ...presetScenario('b200-30x').llm.custom!, name: 'My model v2', source: '中文%%%%%%%%%%%%%%%%%%%%' };
    const hash = encodeScenarioHash(s);
    expect(hash).toContain('cn=My%20model%20v2');
    expect(hash).toMatch(/cs=\*[A-Za-z0-9_-]+(&|$)/);
    expect(decodeScenarioHash(hash).scenario).toEqual(s);
    s.llm.custom.name = '*star';
    expect(decodeScenarioHash(encodeScenarioHash(s)).scenario.llm.custom?.name).toBe('*star');
    const bad = decodeScenarioHash('v=2&c=1&mo=custom&cn=*PGI-');
    expect(bad.problems.map((p) => p.field)).toEqual(['llm.custom.name']);
  });
});
