// Untrusted input (a decoded link, an imported file) -> a valid Scenario plus the problems
// found. Field by field: a bad field is replaced by the base scenario's value and named in
// a problem; good fields are kept. Never throws, never returns an invalid scenario.
import { z } from 'zod';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO, cloneScenario } from './defaults';
import { migrateV1ToV2 } from './migrate';
import {
  ID_PATTERN,
  MAX_CONTEXT_TOKENS,
  MAX_HIDDEN,
  ScenarioShape,
  ScenarioSchema,
  crossFieldProblems,
  leafAt,
  limitMessage,
  showKey,
  showValue,
  type Problem,
} from './schema';
import { SCENARIO_VERSION, type Scenario } from './types';

export type { Problem } from './schema';

export interface ParseResult {
  scenario: Scenario;
  problems: Problem[];
}

interface ParseOptions {
  /** Where bad fields fall back to (a preset); DEFAULT_SCENARIO when omitted. */
  base?: Scenario;
  /** Field name used for problems about the whole input ('document', 'link', 'file'). */
  what?: string;
}

/** More problems than this are summarised in one last line (tampered input can be long). */
export const MAX_PROBLEMS = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);

class ProblemList {
  readonly items: Problem[] = [];
  private dropped = 0;
  add(field: string, message: string): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push({ field, message });
    else this.dropped++;
  }
  done(): Problem[] {
    if (this.dropped > 0) {
      return [...this.items, { field: 'document', message: `${this.dropped} more problems not listed` }];
    }
    return this.items;
  }
}

/** Nullable objects repaired field by field; others nullable nodes are checked whole. */
const NULLABLE_OBJECT_FALLBACK: Record<string, unknown> = { 'llm.custom': DEFAULT_CUSTOM_MODEL };

function repairNode(schema: z.ZodType, value: unknown, fallback: unknown, path: string, out: ProblemList): unknown {
  const info = leafAt(path);
  if (info) return repairLeaf(value, fallback, path, out);

  if (schema instanceof z.ZodNullable) {
    // Absent: the base value, like any missing field. Only a value the input gives is
    // repaired onto the fallback object (else a file naming just llm.batch gains a custom model).
    if (value === undefined) return structuredClone(fallback === undefined ? null : fallback);
    if (value === null) return null;
    const inner = schema.unwrap() as z.ZodType;
    const fb = fallback === null || fallback === undefined ? NULLABLE_OBJECT_FALLBACK[path] : fallback;
    return repairNode(inner, value, fb, path, out);
  }
  if (schema instanceof z.ZodObject) {
    const fb = isObj(fallback) ? fallback : {};
    if (!isObj(value)) {
      if (value !== undefined) out.add(path, `${path} must be an object; got ${showValue(value)}`);
      return structuredClone(fb);
    }
    const shape = schema.shape as Record<string, z.ZodType>;
    const result: Obj = {};
    for (const key of Object.keys(shape)) {
      const childPath = path ? `${path}.${key}` : key;
      const child = shape[key];
      if (child instanceof z.ZodOptional) {
        // An override: absent is fine (the chip's own figure applies).
        const v = has(value, key) ? value[key] : undefined;
        if (v === undefined) continue;
        const leafInfo = leafAt(childPath);
        if (leafInfo && leafInfo.schema.safeParse(v).success) result[key] = v;
        else {
          out.add(childPath, leafInfo ? limitMessage(childPath, leafInfo.spec, v) : `${childPath} is invalid`);
          if (fb[key] !== undefined) result[key] = fb[key];
        }
        continue;
      }
      const v = has(value, key) ? value[key] : undefined;
      result[key] = repairNode(child, v, fb[key], childPath, out);
    }
    for (const key of Object.keys(value)) {
      if (!has(shape, key))
        out.add(path ? `${path}.${showKey(key)}` : showKey(key), `unknown field ${path ? `${path}.` : ''}${showKey(key)} ignored`);
    }
    return result;
  }
  // Not reachable for the current schema (every node is a leaf, object or nullable object).
  out.add(path, `${path} could not be checked`);
  return structuredClone(fallback);
}

function repairLeaf(value: unknown, fallback: unknown, path: string, out: ProblemList): unknown {
  const info = leafAt(path)!;
  if (value === undefined) {
    // A missing field is not an error in a hand-written file: the base value applies.
    return structuredClone(fallback);
  }
  if (info.spec.kind === 'idList' && Array.isArray(value)) {
    // Keep the good ids; name each bad one.
    const kept: string[] = [];
    value.forEach((id, i) => {
      if (typeof id === 'string' && ID_PATTERN.test(id)) {
        if (!kept.includes(id)) kept.push(id);
      } else out.add(`${path}.${i}`, `${path}[${i}] must be an id of 1..40 characters a-z, 0-9, "-"; got ${showValue(id)}`);
    });
    const max = MAX_HIDDEN;
    if (kept.length > max) {
      out.add(path, `${path} must hold at most ${max} ids; got ${kept.length}, the first ${max} kept`);
      return kept.slice(0, max);
    }
    return kept;
  }
  const r = info.schema.safeParse(value);
  if (r.success) return r.data;
  out.add(path, limitMessage(path, info.spec, value));
  return structuredClone(fallback);
}

/** Applies the cross-field rules; each broken rule gives way on the field it names. */
function repairCrossField(s: Scenario, base: Scenario, out: ProblemList): Scenario {
  const next = cloneScenario(s);
  for (const p of crossFieldProblems(next)) {
    out.add(p.field, `${p.message}; ${fixNote(p.field)}`);
    if (p.field === 'llm.output') {
      const max = MAX_CONTEXT_TOKENS;
      if (next.llm.prompt + base.llm.output <= max) next.llm.output = base.llm.output;
      else if (base.llm.prompt + next.llm.output <= max) next.llm.prompt = base.llm.prompt;
      else {
        next.llm.prompt = base.llm.prompt;
        next.llm.output = base.llm.output;
      }
    } else if (p.field === 'llm.custom') {
      next.llm.custom = structuredClone(base.llm.custom ?? DEFAULT_CUSTOM_MODEL);
    } else if (p.field === 'llm.custom.activeExperts' && next.llm.custom) {
      next.llm.custom.activeExperts = Math.min(next.llm.custom.activeExperts, next.llm.custom.experts);
    }
  }
  return next;
}

function fixNote(field: string): string {
  if (field === 'llm.output') return 'the default length is used';
  if (field === 'llm.custom') return 'a default custom model is used';
  return 'reduced to the number of experts';
}

/**
 * Reads a scenario document of any known version. Unknown fields are ignored (named in a
 * problem), missing fields take the base value silently, bad fields take the base value
 * and are named. A document from a newer version gives the base scenario and one problem.
 */
export function parseScenario(input: unknown, options: ParseOptions = {}): ParseResult {
  const base = options.base ?? DEFAULT_SCENARIO;
  const what = options.what ?? 'document';
  const out = new ProblemList();
  try {
    if (!isObj(input)) {
      out.add(what, `a scenario must be a JSON object; got ${showValue(input)}`);
      return { scenario: cloneScenario(base), problems: out.done() };
    }
    let doc: Obj = input;
    const v = input.v;
    if (v === undefined) {
      out.add('v', `v (the format version) is missing; read as version ${SCENARIO_VERSION}`);
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      out.add('v', `v must be a format version 1..${SCENARIO_VERSION}; got ${showValue(v)}; read as version ${SCENARIO_VERSION}`);
    } else if (v > SCENARIO_VERSION) {
      out.add('v', `scenario version ${v} is newer than this app (${SCENARIO_VERSION}); the defaults are used`);
      return { scenario: cloneScenario(base), problems: out.done() };
    } else if (v === 1) {
      doc = migrateV1ToV2(input);
    }
    const repaired = repairNode(ScenarioShape, { ...doc, v: SCENARIO_VERSION }, base, '', out) as Scenario;
    const scenario = repairCrossField(repaired, base, out);
    const check = ScenarioSchema.safeParse(scenario);
    if (check.success) return { scenario, problems: out.done() };
    out.add(what, `the ${what} could not be repaired (${showKey(check.error.issues[0]?.path.join('.') ?? '')}); the defaults are used`);
    return { scenario: cloneScenario(base), problems: out.done() };
  } catch {
    // Defensive: nothing above should throw, but a link must never break the app.
    out.add(what, `the ${what} could not be read; the defaults are used`);
    return { scenario: cloneScenario(base), problems: out.done() };
  }
}
