import { describe, expect, it } from 'vitest';
import { applyMachinePatch, machineToJson, readMachineJson, type MachineWhat } from './machineJson';
import { DEFAULT_SCENARIO, cloneScenario } from './defaults';
import { CHIP_IDS, GPU_IDS, MODEL_IDS, STACK_IDS, type Scenario } from './types';
import { resolveChip, resolveGpu } from '../engine/llm/hardware';
import { MODELS, resolveModel } from '../engine/llm/models';
import { decodeScenarioHash, encodeScenarioHash } from './url';
import { figureFields, rangeOf } from './fields';

const base = (): Scenario => cloneScenario(DEFAULT_SCENARIO);
const doc = (s: Scenario, what: MachineWhat) => JSON.parse(machineToJson(s, what)) as Record<string, unknown>;
/** The problems' messages, or a failure naming the scenario it made. */
function refused(text: string, what: MachineWhat, s = base()): string[] {
  const r = readMachineJson(text, what, s);
  if (r.ok) throw new Error(`accepted: ${text.slice(0, 80)}`);
  return r.problems.map((p) => p.message);
}
function read(text: string, what: MachineWhat, s = base()) {
  const r = readMachineJson(text, what, s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
}

describe('machine JSON: round trips', () => {
  it('every SRAM chip preset: written, read back, the same chip and no override', () => {
    for (const chip of CHIP_IDS) {
      const s = base();
      s.lpu.chip = chip;
      const r = read(machineToJson(s, 'lpu'), 'lpu', { ...base(), lpu: { ...base().lpu, chip: 'lpu', overrides: { sramMB: 7 } } });
      expect(r.patch).toEqual({ what: 'lpu', lpu: { chip, overrides: {} } });
      expect(resolveChip(r.scenario.lpu)).toEqual(resolveChip(s.lpu));
    }
  });

  it('every GPU preset under every stack: the same GPU and no override', () => {
    for (const gpu of GPU_IDS) {
      for (const stack of STACK_IDS) {
        const s = base();
        s.gpu.gpu = gpu;
        s.gpu.stack = stack;
        // read against a scenario on another GPU and stack: the JSON carries both
        const r = read(machineToJson(s, 'gpu'), 'gpu', base());
        expect(r.patch).toEqual({ what: 'gpu', gpu: { gpu, stack, overrides: {} } });
        expect(resolveGpu(r.scenario.gpu)).toEqual(resolveGpu(s.gpu));
      }
    }
  });

  it('every model preset: the same model, and the preset chosen rather than a custom copy', () => {
    for (const id of MODEL_IDS) {
      const s = base();
      s.llm.model = id;
      const r = read(machineToJson(s, 'model'), 'model');
      expect(resolveModel(r.scenario.llm)).toEqual(MODELS[id]);
      expect(r.scenario.llm).toMatchObject({ model: id, custom: null });
    }
  });

  it('overridden figures are written as in force, and read back as the same overrides', () => {
    const s = base();
    s.lpu = { ...s.lpu, chip: 'groq3-lpx', overrides: { sramMB: 640, hopLatencyUs: 1.25 } };
    const d = doc(s, 'lpu');
    expect(d).toMatchObject({ kind: 'sram-chip', base: 'groq3-lpx', sramMB: 640, hopLatencyUs: 1.25, clockMHz: 900 });
    // every overridable figure of the registry is written, none else beside kind and base
    expect(Object.keys(d)).toEqual(['kind', 'base', ...figureFields('lpu').map((f) => f.name)]);
    expect(read(JSON.stringify(d), 'lpu').patch).toEqual({
      what: 'lpu',
      lpu: { chip: 'groq3-lpx', overrides: { sramMB: 640, hopLatencyUs: 1.25 } },
    });
  });

  it('an edited model becomes the custom model, kept whole through a link', () => {
    const s = base();
    s.llm.model = 'deepseek-v3';
    const d = { ...doc(s, 'model'), id: 'my-moe', name: 'My MoE', layers: 40 };
    const r = read(JSON.stringify(d), 'model');
    expect(r.scenario.llm.model).toBe('custom');
    // the preset's source (longer than a custom model's may be) describes the preset, not this model
    expect(r.scenario.llm.custom).toEqual({
      ...MODELS['deepseek-v3'],
      id: 'my-moe',
      name: 'My MoE',
      layers: 40,
      source: 'User-entered; started from the shape of DeepSeek-V3',
    });
    const back = decodeScenarioHash(encodeScenarioHash(r.scenario));
    expect(back.problems).toEqual([]);
    expect(back.scenario.llm.custom).toEqual(r.scenario.llm.custom);
  });

  it("an edited preset with its id and name untouched is named as the menu's Custom… names it", () => {
    const s = base();
    s.llm.model = 'llama-4-maverick';
    const r = read(JSON.stringify({ ...doc(s, 'model'), layers: 24 }), 'model');
    expect(r.scenario.llm.custom).toMatchObject({ id: 'custom', name: `Custom (from ${MODELS['llama-4-maverick'].name})`, layers: 24 });
  });

  it('figures left out take the base preset, so a hand-written chip can name just what differs', () => {
    const r = read('{"kind": "sram-chip", "base": "cerebras-wse3", "powerW": 20000}', 'lpu');
    expect(r.patch).toEqual({ what: 'lpu', lpu: { chip: 'cerebras-wse3', overrides: { powerW: 20000 } } });
  });
});

describe('machine JSON: compact in the link', () => {
  it('an edited Groq 3 chip puts the chip and that one figure in the link, nothing else', () => {
    const s = base();
    s.lpu.chip = 'groq3-lpx';
    const d = { ...doc(s, 'lpu'), sramMB: 600 };
    const r = read(JSON.stringify(d, null, 2), 'lpu');
    const hash = encodeScenarioHash(r.scenario);
    expect(hash).toContain('lx=groq3-lpx');
    expect(hash).toContain('lsm=600');
    // the other 13 figures equal the preset's: no other lpu override key
    const lpuKeys = figureFields('lpu').map((f) => f.key);
    const inLink = hash.split('&').map((kv) => kv.split('=')[0]);
    expect(inLink.filter((k) => lpuKeys.includes(k))).toEqual(['lsm']);
    // and the link reads back to the same chip
    expect(resolveChip(decodeScenarioHash(hash).scenario.lpu)).toEqual(resolveChip(r.scenario.lpu));
  });

  it('a preset GPU read back adds nothing to the default link', () => {
    const r = read(machineToJson(base(), 'gpu'), 'gpu');
    expect(encodeScenarioHash(r.scenario)).toBe(encodeScenarioHash(base()));
  });
});

describe('machine JSON: bad input refused, naming the problem', () => {
  const groq3 = () => {
    const s = base();
    s.lpu.chip = 'groq3-lpx';
    return doc(s, 'lpu');
  };

  it('a figure out of range names the key, its label and the limit', () => {
    const r = rangeOf('lpu.overrides.sramMB');
    expect(refused(JSON.stringify({ ...groq3(), sramMB: -5 }), 'lpu')).toEqual([
      `"sramMB" (SRAM per chip, MB) must be a number ${r.min}..${r.max}; got -5`,
    ]);
    expect(refused(JSON.stringify({ ...groq3(), linksPerChip: 2.5 }), 'lpu')[0]).toMatch(/"linksPerChip".*an integer 1\.\.64; got 2\.5/);
    expect(refused(JSON.stringify({ ...groq3(), clockMHz: '900' }), 'lpu')[0]).toMatch(/"clockMHz".*got "900"/);
    // every bad figure is named, not only the first
    expect(refused(JSON.stringify({ ...groq3(), sramMB: 0, powerW: 0 }), 'lpu')).toHaveLength(2);
  });

  it('malformed JSON gives its line and column', () => {
    const text = '{\n  "kind": "sram-chip",\n  "base": "lpu"\n  "sramMB": 1\n}';
    expect(refused(text, 'lpu')).toEqual(['not valid JSON: at line 4, column 3 (character 44 of 56)']);
    expect(refused('{"kind": "gpu", ', 'gpu')[0]).toMatch(/not valid JSON: it ends early/);
    expect(refused('', 'model')[0]).toMatch(/not valid JSON/);
  });

  it('not an object, a wrong or missing kind, an unknown base or stack', () => {
    expect(refused('[1, 2]', 'lpu')[0]).toMatch(/must be one object.*got a list of 2 items/);
    expect(refused(machineToJson(base(), 'gpu'), 'lpu')[0]).toBe(
      '"kind" must be "sram-chip" here (this is the JSON of an SRAM chip); got "gpu", the JSON of a GPU: paste it into that one\'s JSON box',
    );
    expect(refused('{"base": "lpu"}', 'lpu')[0]).toMatch(/"kind" must be "sram-chip".*got nothing/);
    expect(refused('{"kind": "sram-chip", "base": "tpu-v5"}', 'lpu')[0]).toBe(
      `"base" (the preset the figures start from) must be one of ${CHIP_IDS.join(', ')}; got "tpu-v5"`,
    );
    expect(refused('{"kind": "gpu", "base": "h100-sxm", "stack": "onnx"}', 'gpu')[0]).toMatch(
      /"stack" \(Serving stack\) must be one of pytorch/,
    );
  });

  it('unknown keys, and the preset-only name, are refused by name', () => {
    expect(refused(JSON.stringify({ ...groq3(), sramGB: 1 }), 'lpu')[0]).toMatch(
      /^"sramGB" is not a key of the JSON of an SRAM chip \(the keys are kind, base, sramMB/,
    );
    expect(refused(JSON.stringify({ ...groq3(), name: 'Mine' }), 'lpu')[0]).toMatch(/"name".*its base preset's and cannot be set/);
    expect(refused(JSON.stringify({ ...doc(base(), 'model'), experts_per_tok: 2 }), 'model')[0]).toMatch(/"experts_per_tok" is not a key/);
  });

  it("a model: a missing or bad field, the schema's cross-field rules and the engine's", () => {
    const m = doc(base(), 'model');
    const { layers: _, ...noLayers } = m;
    expect(refused(JSON.stringify(noLayers), 'model')).toEqual(['"layers" (Layers, layers) must be an integer 1..1000; got nothing']);
    expect(refused(JSON.stringify({ ...m, name: '<b>x</b>' }), 'model')[0]).toMatch(/^"name" must be text of 1\.\.48 characters/);
    expect(refused(JSON.stringify({ ...m, activeExperts: 4 }), 'model')[0]).toMatch(
      /"activeExperts" must be at most "experts" \(1\); got 4/,
    );
    expect(refused(JSON.stringify({ ...m, kvHeads: 7 }), 'model')[0]).toMatch(/"kvHeads" \(7\) must divide "heads" \(64\)/);
    expect(refused(JSON.stringify({ ...m, sharedExperts: null }), 'model')[0]).toMatch(/"sharedExperts".*got null/);
  });

  it('a chip that breaks a rule of the rest of the scenario: the chips set no longer fill whole nodes', () => {
    const s = base();
    s.lpu = { ...s.lpu, chips: 576, topology: 'dragonfly' };
    const msgs = refused(JSON.stringify({ ...doc(s, 'lpu'), chipsPerNode: 7 }), 'lpu', s);
    expect(msgs).toEqual([
      expect.stringMatching(/^lpu\.chips: dragonfly is built in whole nodes: chips must be a multiple of chipsPerNode = 7/),
    ]);
  });

  it('a refusal leaves nothing applied: the caller keeps its scenario', () => {
    const s = base();
    const before = JSON.stringify(s);
    const r = readMachineJson(JSON.stringify({ ...groq3(), sramMB: -5 }), 'lpu', s);
    expect(r.ok).toBe(false);
    expect('scenario' in r).toBe(false);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('text far longer than any machine is refused unread', () => {
    expect(refused(' '.repeat(30_000), 'gpu')[0]).toMatch(/more than the 20000/);
  });
});

describe('applyMachinePatch', () => {
  it('replaces the overrides whole: a figure the JSON leaves at the preset drops its old override', () => {
    const s = base();
    s.lpu.overrides = { sramMB: 100, powerW: 50 };
    const r = read(JSON.stringify({ kind: 'sram-chip', base: 'lpu', powerW: 60 }), 'lpu', s);
    expect(applyMachinePatch(s, r.patch).lpu.overrides).toEqual({ powerW: 60 });
  });
});
