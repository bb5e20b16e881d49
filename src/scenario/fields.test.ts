import { describe, expect, it } from 'vitest';
import { CONTROL_KINDS, FIELDS, figureFields, fieldsUnder, inRange, describeRange, rangeOf } from './fields';
import { LINK_KEYS, LINK_ORDER } from './keys';
import { ChipOverridesSchema, GpuOverridesSchema, leafAt, validateField } from './schema';
import { GPU_IDS, MODEL_IDS, STACK_IDS } from './types';
import { LPU_CHIP, resolveGpu } from '../engine/llm/hardware';
import { MODELS } from '../engine/llm/models';
import { CONTROL_INFO } from '../ui/labels';
import { controlKind, RENDERS } from '../ui/controlKinds';

describe('the field registry', () => {
  it('gives every field one path, one link key and one place in the link order', () => {
    expect(new Set(FIELDS.map((f) => f.path)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    expect([...LINK_ORDER].sort()).toEqual(FIELDS.map((f) => f.key).sort());
    expect(LINK_KEYS.every(([key, path]) => FIELDS.find((f) => f.path === path)?.key === key)).toBe(true);
  });

  it('is what the schema accepts: every numeric leaf has the range the registry declares', () => {
    for (const f of FIELDS.filter((x) => x.range)) {
      const leaf = leafAt(f.path);
      expect(leaf, f.path).toBeDefined();
      const spec = leaf!.spec as { min: number; max: number };
      expect([spec.min, spec.max], f.path).toEqual([f.range!.min, f.range!.max]);
      // the bounds themselves: in or out as declared
      const r = f.range!;
      expect(validateField(f.path, r.min) === null, `${f.path} at its minimum`).toBe(!r.minExclusive);
      expect(validateField(f.path, r.max) === null, `${f.path} at its maximum`).toBe(!r.maxExclusive);
      if (r.integer && r.max > r.min + 1) expect(validateField(f.path, r.min + 1.5)).toMatch(describeRange(r));
    }
  });

  it('declares exactly the hardware figures the schema lets a link override', () => {
    expect(
      figureFields('lpu')
        .map((f) => f.name)
        .sort(),
    ).toEqual(Object.keys(ChipOverridesSchema.shape).sort());
    expect(
      figureFields('gpu')
        .map((f) => f.name)
        .sort(),
    ).toEqual(Object.keys(GpuOverridesSchema.shape).sort());
  });

  it('holds every preset: the chip, each GPU under each stack and each model lie in the declared ranges', () => {
    const check = (what: string, spec: object, fields: Map<string, { range?: Parameters<typeof inRange>[1] }>) => {
      for (const [name, f] of fields) {
        const v = (spec as Record<string, unknown>)[name];
        if (f.range && v !== undefined) expect(inRange(v, f.range), `${what}.${name} = ${String(v)}`).toBe(true);
      }
    };
    const byName = (m: 'lpu' | 'gpu') => new Map(figureFields(m).map((f) => [f.name, f]));
    check('lpu', LPU_CHIP, byName('lpu'));
    for (const gpu of GPU_IDS)
      for (const stack of STACK_IDS) check(`${gpu}/${stack}`, resolveGpu({ gpu, overrides: {}, stack }), byName('gpu'));
    for (const m of MODEL_IDS) check(m, MODELS[m], fieldsUnder('llm.custom.'));
  });

  it('labels a control for every field with a label, each in a group, each CLI flag once', () => {
    expect(CONTROL_INFO.map((c) => c.path)).toEqual(FIELDS.filter((f) => f.label).map((f) => f.path));
    expect(FIELDS.filter((f) => f.label && !f.group)).toEqual([]);
    const flags = FIELDS.flatMap((f) => (f.cli ? [f.cli] : []));
    expect(new Set(flags).size).toBe(flags.length);
    expect(() => rangeOf('llm.model')).toThrow(/no range/);
  });

  it('gives a control kind to exactly the fields with a label, one the schema leaf can take, each kind drawn by a component', () => {
    expect(FIELDS.filter((f) => (f.label === undefined) !== (f.control === undefined)).map((f) => f.path)).toEqual([]);
    // The leaf each kind edits: a drop-down picks one of an enum, a checkbox flips a boolean, the rest type a number.
    const LEAF_KINDS = {
      select: ['enum'],
      toggle: ['bool'],
      number: ['int', 'num', 'nullableInt'],
      slider: ['int'],
      override: ['int', 'num'],
    };
    for (const f of FIELDS.filter((x) => x.control)) expect(LEAF_KINDS[f.control!], f.path).toContain(leafAt(f.path)?.spec.kind);
    // An override is a hardware figure, and every labelled hardware figure is an override.
    expect(FIELDS.filter((f) => f.control && (f.control === 'override') !== f.path.includes('.overrides.')).map((f) => f.path)).toEqual([]);
    for (const f of FIELDS.filter((x) => x.sliderMax !== undefined)) {
      expect(f.control, f.path).toBe('slider');
      expect(inRange(f.sliderMax, f.range!), f.path).toBe(true);
    }
    // Every kind has a component, and a component refuses a field of another kind.
    expect([...new Set(Object.values(RENDERS).flat())].sort()).toEqual([...CONTROL_KINDS].sort());
    expect(controlKind('gemm.rows', RENDERS.NumberField)).toBe('slider');
    expect(() => controlKind('gemm.dataflow', RENDERS.NumberField)).toThrow(/'select'/);
    expect(() => controlKind('view.panel', RENDERS.SelectField)).toThrow(/no control/);
  });
});
