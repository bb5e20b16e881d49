// The one place the share UI touches the scenario module's functions, so a change in
// their signatures is absorbed here.
import type { Scenario } from '../../scenario/types';
import { encodeScenarioHash, decodeScenarioHash } from '../../scenario/url';
import { scenarioFromJson, scenarioToJson } from '../../scenario/file';
import { PRESETS, isPresetId, presetScenario as freshPresetScenario } from '../../scenario/presets';
import { TOURS, findTour as findTourById, type Tour } from '../../scenario/tours';
import { applyPatch, diffScenario, type ScenarioPatch } from '../../scenario/patch';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { applyEngineLimits } from './engineLimits';

export interface Problem {
  field: string;
  message: string;
}

export interface Decoded {
  scenario: Scenario;
  problems: Problem[];
  presetId: string;
}

export interface Change {
  path: string;
  a: unknown;
  b: unknown;
}

export interface PresetInfo {
  id: string;
  name: string;
  description?: string;
}

export type { Tour };

/** Hash text, without the leading '#'. */
export function encodeHash(s: Scenario, presetId: string): string {
  return encodeScenarioHash(s, presetId).replace(/^#/, '');
}

export function decodeHash(hash: string): Decoded {
  const out = decodeScenarioHash(hash.replace(/^#/, ''));
  const presetId = out.presetId ?? 'default';
  const base = (isPresetId(presetId) ? freshPresetScenario(presetId) : null) ?? DEFAULT_SCENARIO;
  const checked = applyEngineLimits(out.scenario, base);
  return { scenario: checked.scenario, problems: [...out.problems, ...checked.problems], presetId };
}

/** Validates a scenario file exactly like a link: defaults for the bad fields only. */
export function importScenarioText(text: string): { scenario: Scenario; problems: Problem[] } {
  const out = scenarioFromJson(text);
  const checked = applyEngineLimits(out.scenario, DEFAULT_SCENARIO, 'the default');
  return { scenario: checked.scenario, problems: [...out.problems, ...checked.problems] };
}

export function scenarioJson(s: Scenario): string {
  return scenarioToJson(s);
}

export function presetList(): PresetInfo[] {
  return PRESETS.map((p) => ({ id: p.id, name: p.title, description: p.description }));
}

export function presetScenario(id: string): Scenario | null {
  return isPresetId(id) ? freshPresetScenario(id) : null;
}

export function tourList(): Tour[] {
  return TOURS;
}

export function findTour(id: string): Tour | null {
  return findTourById(id) ?? null;
}

export function tourBase(t: Tour): Scenario {
  return t.base;
}

export function patchScenario(s: Scenario, patch: ScenarioPatch): Scenario {
  return applyPatch(s, patch);
}

export function changedInputs(a: Scenario, b: Scenario): Change[] {
  return diffScenario(a, b).map((c) => ({ path: c.field, a: c.a, b: c.b }));
}
