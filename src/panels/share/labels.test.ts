import { describe, expect, it } from 'vitest';
import { hideableIds, OTHER_GROUP, PANELS_GROUP } from './classroomIds';
import { CONTROL_INFO, PANEL_TITLES, controlLabel, fieldLabel } from '../../ui/labels';
import { PANELS } from '../../scenario/types';
import { ID_PATTERN, leafAt } from '../../scenario/schema';
import { LINK_KEYS } from '../../scenario/keys';

describe('classroom ids', () => {
  it('lists the panels first, then every control by its label, and keeps unknown hidden ids', () => {
    const all = hideableIds(['some-extra-control', 'gemm-rows']);
    expect(all.slice(0, PANELS.length).map((i) => i.id)).toEqual([...PANELS]);
    expect(all.slice(0, PANELS.length).map((i) => i.label)).toEqual(PANELS.map((p) => PANEL_TITLES[p]));
    const controls = all.filter((i) => i.group !== PANELS_GROUP && i.group !== OTHER_GROUP);
    expect(controls.map((i) => i.id)).toEqual(CONTROL_INFO.map((c) => c.id));
    // Labels, not ids: no item is named by its id.
    for (const i of controls) expect(i.label).not.toBe(i.id);
    expect(all.filter((i) => i.id === 'gemm-rows')).toHaveLength(1);
    const extra = all.find((i) => i.id === 'some-extra-control');
    expect(extra?.group).toBe(OTHER_GROUP);
  });
  it('every control label names a real scenario field with a valid, unique classroom id', () => {
    for (const c of CONTROL_INFO) {
      expect(leafAt(c.path), c.path).toBeDefined();
      expect(c.id).toMatch(ID_PATTERN);
      expect(c.label.trim()).not.toBe('');
    }
    expect(new Set(CONTROL_INFO.map((c) => c.id)).size).toBe(CONTROL_INFO.length);
    expect(() => controlLabel('gemm.nope')).toThrow();
  });
  it('names problem fields by label and group, falling back to the nearest named parent', () => {
    const rows = CONTROL_INFO.find((c) => c.path === 'gemm.rows')!;
    expect(fieldLabel('gemm.rows')).toBe(`${rows.group} › ${rows.label}`);
    expect(fieldLabel('classroom.hidden.3')).toBe(fieldLabel('classroom.hidden'));
    expect(fieldLabel('classroom.hidden')).not.toBeNull();
    expect(fieldLabel('no.such.thing')).toBeNull();
    // Two controls share a label ("Compute efficiency"); the group tells them apart.
    expect(fieldLabel('gpu.overrides.computeEfficiency')).not.toBe(fieldLabel('lpu.overrides.computeEfficiency'));
  });
});

describe('control labels cover the scenario', () => {
  // Fields a link can carry that have no control on the page (edited only in a file or
  // link). A new field with a control needs its label in src/ui/labels.ts; without one
  // the control throws on render.
  const NO_CONTROL = [
    'lpu.chip',
    'gpu.seed',
    'llm.custom.id',
    'llm.custom.name',
    'llm.custom.source',
    'gpu.overrides.topsInt8',
    'gpu.overrides.tflopsFp4',
    'gpu.overrides.gpusPerNode',
    'gpu.overrides.interNodeLatencyUs',
  ];
  it('every input field in the link map has a control label or is known to have no control', () => {
    const labelled = new Set(CONTROL_INFO.map((c) => c.path));
    const inputs = LINK_KEYS.map(([, p]) => p).filter((p) => !p.startsWith('view.') && !p.startsWith('classroom.'));
    const missing = inputs.filter((p) => !labelled.has(p) && !NO_CONTROL.includes(p));
    expect(missing).toEqual([]);
  });
});
