// The on-screen label of every control, panel and toolbar field. A control's label, unit and
// group are declared in the field registry (scenario/fields.ts); this module looks them up.
// The controls render them, the classroom dialog lists controls by them, and the problems
// banner names fields by them (with the scenario path in a tooltip).
// A control exists for exactly the registry's fields that have a label.
import { controlId } from '../scenario/keys';
import { CONTROL_GROUPS, FIELDS, fieldAt } from '../scenario/fields';
import type { PanelId } from '../scenario/types';

export const PANEL_TITLES: Record<PanelId, string> = {
  argument: 'The argument',
  dataflow: 'Systolic array',
  sram: 'SRAM occupancy',
  interconnect: 'Interconnect',
  latency: 'Latency & cost',
};

/** Controls: the registry's fields that have a label, in on-screen order. */
const CONTROLS = FIELDS.flatMap((f) => (f.label && f.group ? [[f.path, f.label, f.group] as const] : []));

/** Fields that are not a control in the side bar but that problems may name. */
const OTHER_FIELDS: Record<string, string> = {
  p: 'Preset',
  v: 'Format version',
  link: 'Link',
  file: 'File',
  pinned: 'Pinned A',
  'llm.custom': 'Custom model',
  'llm.custom.id': 'Custom model id',
  'llm.custom.name': 'Custom model name',
  'llm.custom.source': 'Custom model source',
  'view.panel': 'Panel in view',
  'view.cycle': 'Cycle',
  'view.tour': 'Tour',
  'view.presenter': 'Presenter',
  'classroom.hidden': 'Classroom: hidden items',
  'classroom.locked': 'Classroom: lock',
};

interface ControlInfo {
  path: string;
  id: string;
  label: string;
  group: string;
}

export const CONTROL_INFO: readonly ControlInfo[] = CONTROLS.map(([path, label, group]) => ({
  path,
  id: controlId(path),
  label,
  group: CONTROL_GROUPS[group],
}));

const BY_PATH = new Map(CONTROL_INFO.map((c) => [c.path, c]));

/** The unit a control shows beside its value, if the registry gives one. */
export function controlUnit(path: string): string | undefined {
  return fieldAt(path)?.unit;
}

/** The label a control shows; throws for a path with no control (a programming error). */
export function controlLabel(path: string): string {
  const c = BY_PATH.get(path);
  if (!c) throw new Error(`no control label for ${path}`);
  return c.label;
}

/**
 * How the banner names a field: the label of its control after its group ("GPU figures ›
 * Compute efficiency"), else the nearest named parent; null when nothing is known.
 */
export function fieldLabel(field: string): string | null {
  for (let f = field; f !== ''; f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : '') {
    const c = BY_PATH.get(f);
    if (c) return `${c.group} › ${c.label}`;
    if (Object.prototype.hasOwnProperty.call(OTHER_FIELDS, f)) return OTHER_FIELDS[f];
  }
  return null;
}
