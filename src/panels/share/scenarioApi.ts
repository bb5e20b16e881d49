// The one place the share UI touches the scenario module's functions, so a change in
// their signatures is absorbed here.
import type { Scenario } from '../../scenario/types';
import { encodeScenarioHash, decodeScenarioHash, PINNED_FIELD } from '../../scenario/url';
import { readScenarioFile, scenarioToJson } from '../../scenario/file';
import { PRESETS, isPresetId, presetScenario as freshPresetScenario } from '../../scenario/presets';
import { TOURS, findTour as findTourById, scenarioForTourStep, type Tour } from '../../scenario/tours';
import { applyPatch, diffScenario, type ScenarioPatch } from '../../scenario/patch';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { applyEngineLimits } from './engineLimits';

export interface Problem {
  field: string;
  message: string;
}

export interface Decoded {
  scenario: Scenario;
  /** Compare's pinned A from the link, or null (none, or dropped as malformed). */
  pinned: Scenario | null;
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

/** Hash text, without the leading '#'; with compare's pinned A when given. */
export function encodeHash(s: Scenario, presetId: string, pinned: Scenario | null = null): string {
  return encodeScenarioHash(s, presetId, pinned).replace(/^#/, '');
}

/**
 * A link's tour must be one this app has, at a step it has; else the link opens without a
 * tour (its scenario is kept) and the problem is named.
 */
export function checkTourRef(s: Scenario): { scenario: Scenario; problems: Problem[] } {
  const ref = s.view.tour;
  if (!ref) return { scenario: s, problems: [] };
  const tour = findTourById(ref.id);
  const drop = (message: string) => ({ scenario: { ...s, view: { ...s.view, tour: null } }, problems: [{ field: 'view.tour', message }] });
  if (!tour) return drop(`there is no tour "${ref.id}" in this version of the app; the link opens without a tour`);
  if (ref.step >= tour.steps.length) {
    return drop(
      `the tour "${tour.title}" has ${tour.steps.length} steps; there is no step ${ref.step + 1}, so the link opens without the tour`,
    );
  }
  return { scenario: s, problems: [] };
}

/** Keys a hand-written tour link may carry besides the step: format, preset, presenter mode. */
const STEP_LINK_KEYS = new Set(['v', 'p', 'vt', 'vr']);

/**
 * A link that names a tour step and nothing else of the scenario (written by hand, or cut
 * down to `#v=2&vt=tour.2`) opens the step as the tour shows it: the step's own scenario, so
 * what the step says is what is on screen. Links copied from the app carry the full step.
 */
function stepOnlyLink(hash: string, t: { scenario: Scenario; problems: Problem[] }): { scenario: Scenario; problems: Problem[] } {
  const ref = t.scenario.view.tour;
  if (!ref) return t;
  const keys = hash
    .replace(/^#/, '')
    .split('&')
    .filter(Boolean)
    .map((kv) => decodeURIComponent(kv.split('=')[0]));
  if (!keys.every((k) => STEP_LINK_KEYS.has(k))) return t;
  const step = scenarioForTourStep(ref.id, ref.step);
  return step ? { ...t, scenario: { ...step, view: { ...step.view, presenter: t.scenario.view.presenter } } } : t;
}

export function decodeHash(hash: string): Decoded {
  const out = decodeScenarioHash(hash.replace(/^#/, ''));
  const presetId = out.presetId ?? 'default';
  const base = (isPresetId(presetId) ? freshPresetScenario(presetId) : null) ?? DEFAULT_SCENARIO;
  const checked = applyEngineLimits(out.scenario, base);
  const toured = stepOnlyLink(hash, checkTourRef(checked.scenario));
  // A is all or nothing: values the engine refuses drop A, not the link.
  let pinned = out.pinned;
  const pinnedProblems: Problem[] = [];
  if (pinned) {
    const refused = applyEngineLimits(pinned, toured.scenario).problems;
    if (refused.length > 0) {
      pinned = null;
      pinnedProblems.push({
        field: PINNED_FIELD,
        message: `the pinned scenario A in the link is not valid (${refused[0].message}); A was dropped, the rest of the link applies`,
      });
    } else pinned = { ...pinned, view: toured.scenario.view, classroom: toured.scenario.classroom };
  }
  return {
    scenario: toured.scenario,
    pinned,
    problems: [...out.problems, ...checked.problems, ...toured.problems, ...pinnedProblems],
    presetId,
  };
}

export type Imported = { ok: true; scenario: Scenario; problems: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Validates a scenario file like a link (defaults for the bad fields only); a file that is
 * not a scenario at all comes back not ok, with the reason, and must not be applied.
 */
export function importScenarioText(text: string): Imported {
  const out = readScenarioFile(text);
  if (!out.ok) return out;
  const checked = applyEngineLimits(out.scenario, DEFAULT_SCENARIO, 'the default');
  const toured = checkTourRef(checked.scenario);
  return { ok: true, scenario: toured.scenario, problems: [...out.problems, ...checked.problems, ...toured.problems] };
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

/** The inputs that differ (view and classroom are not inputs). */
export function changedInputs(a: Scenario, b: Scenario): Change[] {
  return diffScenario(a, b)
    .filter((c) => !c.field.startsWith('view.') && !c.field.startsWith('classroom.'))
    .map((c) => ({ path: c.field, a: c.a, b: c.b }));
}
