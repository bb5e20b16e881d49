// Patches (presets, tour steps) and differences (Compare A/B) between scenarios.
import type { Scenario } from './types';

/**
 * Objects are patched field by field; arrays, null and primitives are replaced whole.
 * (`llm.custom` and `view.tour` are `X | null`: a patch may set them to null or give a
 * partial object, merged onto the current one or, when that is null, onto nothing.)
 */
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export type ScenarioPatch = DeepPartial<Scenario>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(patch)) return Array.isArray(patch) ? [...patch] : patch;
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = merge(out[k], v);
  }
  return out;
}

/**
 * Deep-merges `patch` onto `s` (pure; `s` is not changed). The result is not validated:
 * pass it through `parseScenario` when the patch comes from outside the code.
 * A patch cannot remove an override; set the `overrides` object of a fresh copy for that.
 */
export function applyPatch(s: Scenario, patch: ScenarioPatch): Scenario {
  return merge(s, patch) as Scenario;
}

interface FieldChange {
  /** Dotted path, e.g. 'llm.batch' or 'lpu.overrides.sramMB'. */
  field: string;
  a: unknown;
  b: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return Object.is(a, b);
}

function diffInto(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) diffInto(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  // Object vs null (llm.custom, view.tour) or any leaf: one entry at this level.
  if (!sameValue(a, b)) out.push({ field: path, a, b });
}

/** The fields that differ between two scenarios, leaf by leaf, in document order. */
export function diffScenario(a: Scenario, b: Scenario): FieldChange[] {
  const out: FieldChange[] = [];
  diffInto(a, b, '', out);
  return out;
}
