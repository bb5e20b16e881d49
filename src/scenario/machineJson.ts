// The JSON form of one machine or model (issue 11 item 5, "your own machine or model"): an
// SRAM chip or a GPU as its base preset plus every figure, with the scenario's overrides
// applied; a model as its whole ModelSpec. Read back, a chip or GPU becomes the base preset
// and only the figures that differ from it (so the link stays as short as the overrides
// make it); a model becomes the custom model, or the preset it equals. The keys, labels
// and limits are the field registry's and the schema's, and the result must pass the
// engine's input checks, so the JSON accepts exactly what the controls and links accept.
// Pure: no store, no DOM.
import { CHIPS, GPUS, resolveChip, resolveGpu } from '../engine/llm/hardware';
import { MODELS, resolveModel } from '../engine/llm/models';
import { llmInputProblems } from '../engine/llm/validate';
import { figureFields, fieldAt, fieldsUnder } from './fields';
import { jsonErrorWhere } from './jsonErrorAt';
import { crossFieldProblems, leafAt, limitMessage, showKey, showValue, type Problem } from './schema';
import { CHIP_IDS, GPU_IDS, MODEL_IDS, STACK_IDS, type ChipId, type GpuId, type ModelSpec, type Scenario, type StackId } from './types';

/** What a JSON form describes: the SRAM system's chip, the GPU baseline's GPU, or the model. */
export type MachineWhat = 'lpu' | 'gpu' | 'model';

/** The `kind` each form carries, so a GPU pasted where a chip is due is refused by name. */
export const MACHINE_KINDS: Record<MachineWhat, string> = { lpu: 'sram-chip', gpu: 'gpu', model: 'model' };
const WHAT_NAME: Record<MachineWhat, string> = { lpu: 'an SRAM chip', gpu: 'a GPU', model: 'a model' };

/** Longer text is refused unread (a GPU's JSON is about 1 kB). */
export const MAX_MACHINE_JSON_CHARS = 20_000;

/** The figures of a chip or GPU by JSON key: every override the registry declares, in its order. */
const FIGURES: Record<'lpu' | 'gpu', readonly string[]> = {
  lpu: figureFields('lpu').map((f) => f.name),
  gpu: figureFields('gpu').map((f) => f.name),
};
/** A model's keys in the registry's order, id and name first (a reader meets the name before the shape). */
const MODEL_KEYS: readonly string[] = (() => {
  const keys = [...fieldsUnder('llm.custom.').keys()];
  return ['id', 'name', ...keys.filter((k) => k !== 'id' && k !== 'name')];
})();

const pathOf = (what: MachineWhat, key: string): string => (what === 'model' ? `llm.custom.${key}` : `${what}.overrides.${key}`);

/** The figures of the machine in force (preset with overrides), as JSON key -> value. */
function figuresOf(what: 'lpu' | 'gpu', spec: object): Record<string, number> {
  const rec = spec as Record<string, number>;
  return Object.fromEntries(FIGURES[what].map((k) => [k, rec[k]]));
}

/** The JSON form of the scenario's chip, GPU or model, pretty-printed. */
export function machineToJson(s: Scenario, what: MachineWhat): string {
  let doc: Record<string, unknown>;
  if (what === 'lpu') doc = { kind: MACHINE_KINDS.lpu, base: s.lpu.chip, ...figuresOf('lpu', resolveChip(s.lpu)) };
  else if (what === 'gpu') {
    // Stack figures are GPU figures too (overridable); the stack says which preset values they depart from.
    doc = { kind: MACHINE_KINDS.gpu, base: s.gpu.gpu, stack: s.gpu.stack, ...figuresOf('gpu', resolveGpu(s.gpu)) };
  } else {
    const m = resolveModel(s.llm) as unknown as Record<string, unknown>;
    doc = { kind: MACHINE_KINDS.model, ...Object.fromEntries(MODEL_KEYS.filter((k) => m[k] !== undefined).map((k) => [k, m[k]])) };
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The part of the scenario a JSON form sets. */
export type MachinePatch =
  | { what: 'lpu'; lpu: { chip: ChipId; overrides: Scenario['lpu']['overrides'] } }
  | { what: 'gpu'; gpu: { gpu: GpuId; stack: StackId; overrides: Scenario['gpu']['overrides'] } }
  | { what: 'model'; llm: { model: Scenario['llm']['model']; custom: ModelSpec | null } };

export type MachineRead = { ok: true; patch: MachinePatch; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Sets what the patch names; overrides are replaced whole (figures left out are the base's). */
export function applyMachinePatch(s: Scenario, p: MachinePatch): Scenario {
  if (p.what === 'lpu') return { ...s, lpu: { ...s.lpu, ...p.lpu } };
  if (p.what === 'gpu') return { ...s, gpu: { ...s.gpu, ...p.gpu } };
  return { ...s, llm: { ...s.llm, ...p.llm } };
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const quoted = (k: string): string => `"${showKey(k)}"`;

/** `"sramMB" (SRAM per chip, MB)`: the key as typed, and the control's label where it has one. */
function named(what: MachineWhat, key: string): string {
  const f = fieldAt(pathOf(what, key));
  if (!f?.label) return quoted(key);
  return `${quoted(key)} (${f.label}${f.unit ? `, ${f.unit}` : ''})`;
}

/** One value checked against the schema leaf of its field; null when it passes. */
function leafProblem(what: MachineWhat, key: string, value: unknown): Problem | null {
  const info = leafAt(pathOf(what, key))!;
  if (info.schema.safeParse(value).success) return null;
  return { field: key, message: limitMessage(named(what, key), info.spec, value) };
}

/** An engine or cross-field message in the JSON's terms: 'lpu.overrides.chipsPerNode' -> '"chipsPerNode"'. */
function inJsonTerms(message: string): string {
  return message.replace(/\b(?:lpu\.overrides|gpu\.overrides|llm\.custom)\.([A-Za-z0-9]+)/g, '"$1"');
}

/**
 * Reads the JSON form of `what` against the scenario `s`. ok: the patch and the scenario it
 * makes (valid: the schema's limits, its cross-field rules and the engine's input checks);
 * not ok: every problem found, each naming its key and the limit. Never throws.
 */
export function readMachineJson(text: string, what: MachineWhat, s: Scenario): MachineRead {
  const refuse = (field: string, message: string): MachineRead => ({ ok: false, problems: [{ field, message }] });
  if (text.length > MAX_MACHINE_JSON_CHARS) {
    return refuse('json', `the text is ${text.length} characters long, more than the ${MAX_MACHINE_JSON_CHARS} a JSON form can be`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse('json', `not valid JSON: ${jsonErrorWhere(text)}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return refuse('json', `the JSON must be one object, {"kind": "${MACHINE_KINDS[what]}", ...}; got ${showValue(doc)}`);
  }
  const obj = doc as Record<string, unknown>;
  if (obj.kind !== MACHINE_KINDS[what]) {
    const other = (Object.keys(MACHINE_KINDS) as MachineWhat[]).find((w) => MACHINE_KINDS[w] === obj.kind);
    return refuse(
      'kind',
      `"kind" must be "${MACHINE_KINDS[what]}" here (this is the JSON of ${WHAT_NAME[what]}); got ${showValue(obj.kind)}${
        other ? `, the JSON of ${WHAT_NAME[other]}: paste it into that one's JSON box` : ''
      }`,
    );
  }
  const problems: Problem[] = [];
  const allowed = what === 'model' ? MODEL_KEYS : ['base', ...(what === 'gpu' ? ['stack'] : []), ...FIGURES[what]];
  for (const k of Object.keys(obj)) {
    if (k === 'kind' || allowed.includes(k)) continue;
    const why =
      what !== 'model' && (k === 'id' || k === 'name' || k === 'sources')
        ? `a ${what === 'lpu' ? 'chip' : 'GPU'}'s ${k} is its base preset's and cannot be set; change "base" or the figures`
        : `the keys are kind, ${allowed.join(', ')}`;
    problems.push({ field: showKey(k), message: `${quoted(k)} is not a key of the JSON of ${WHAT_NAME[what]} (${why})` });
  }
  const patch = what === 'model' ? readModel(obj, problems) : readMachine(what, obj, s, problems);
  if (!patch || problems.length > 0) return { ok: false, problems };
  const next = applyMachinePatch(s, patch);
  // Rules that tie fields together (experts, layer counts; a chip count against chips per
  // node, tensor parallelism against heads): only the ones this JSON breaks, not old ones.
  const before = new Set([...crossFieldProblems(s), ...llmInputProblems(s)].map((p) => p.message));
  for (const p of [...crossFieldProblems(next), ...llmInputProblems(next)]) {
    if (before.has(p.message) || problems.some((q) => q.message === inJsonTerms(p.message))) continue;
    problems.push({ field: p.field, message: inJsonTerms(p.message) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, patch, scenario: next };
}

function readMachine(what: 'lpu' | 'gpu', obj: Record<string, unknown>, s: Scenario, problems: Problem[]): MachinePatch | null {
  const ids: readonly string[] = what === 'lpu' ? CHIP_IDS : GPU_IDS;
  if (typeof obj.base !== 'string' || !ids.includes(obj.base)) {
    problems.push({
      field: 'base',
      message: `"base" (the preset the figures start from) must be one of ${ids.join(', ')}; got ${showValue(obj.base)}`,
    });
    return null;
  }
  let stack: StackId = s.gpu.stack;
  if (what === 'gpu' && has(obj, 'stack')) {
    if (typeof obj.stack !== 'string' || !(STACK_IDS as readonly string[]).includes(obj.stack)) {
      problems.push({
        field: 'stack',
        message: `"stack" (Serving stack) must be one of ${STACK_IDS.join(', ')}; got ${showValue(obj.stack)}`,
      });
      return null;
    }
    stack = obj.stack as StackId;
  }
  const preset: Record<string, number> =
    what === 'lpu'
      ? figuresOf('lpu', CHIPS[obj.base as ChipId])
      : figuresOf('gpu', resolveGpu({ gpu: obj.base as GpuId, overrides: {}, stack }));
  const overrides: Record<string, number> = {};
  for (const k of FIGURES[what]) {
    // A figure left out is the base's, as an empty override box is.
    if (!has(obj, k)) continue;
    const bad = leafProblem(what, k, obj[k]);
    if (bad) problems.push(bad);
    else if (obj[k] !== preset[k]) overrides[k] = obj[k] as number;
  }
  return what === 'lpu'
    ? { what, lpu: { chip: obj.base as ChipId, overrides } }
    : { what, gpu: { gpu: obj.base as GpuId, stack, overrides } };
}

function readModel(obj: Record<string, unknown>, problems: Problem[]): MachinePatch | null {
  // A preset's own JSON, unedited, is that preset: one key in the link instead of the whole
  // shape (and its source may be longer than a custom model's may be).
  const same = MODEL_IDS.find((id) => sameModel(MODELS[id], obj));
  if (same) return { what: 'model', llm: { model: same, custom: null } };
  // An edited preset is no longer the model its id, name and source describe: those left as
  // the preset's become the custom model's, as choosing "Custom…" in the menu makes them.
  const from = MODEL_IDS.map((id) => MODELS[id]).find((m) => m.source === obj.source || m.name === obj.name || m.id === obj.id);
  const doc = from ? { ...obj, ...customIdentity(from, obj) } : obj;
  const spec: Record<string, unknown> = {};
  for (const k of MODEL_KEYS) {
    const optional = leafAt(pathOf('model', k))!.optional;
    if (optional && !has(doc, k)) continue;
    const bad = leafProblem('model', k, doc[k]);
    if (bad) problems.push(bad);
    else spec[k] = doc[k];
  }
  if (problems.length > 0) return null;
  return { what: 'model', llm: { model: 'custom', custom: spec as unknown as ModelSpec } };
}

/** The id, name and source of a custom model edited from `preset`, for those the JSON left as the preset's. */
export function customIdentity(preset: ModelSpec, doc: { id?: unknown; name?: unknown; source?: unknown }): Partial<ModelSpec> {
  return {
    ...(doc.id === preset.id ? { id: 'custom' } : {}),
    ...(doc.name === preset.name ? { name: `Custom (from ${preset.name})`.slice(0, 48) } : {}),
    ...(doc.source === preset.source ? { source: `User-entered; started from the shape of ${preset.name}` } : {}),
  };
}

/** The JSON holds exactly the preset's keys and values. */
function sameModel(a: ModelSpec, doc: Record<string, unknown>): boolean {
  const ra = a as unknown as Record<string, unknown>;
  return MODEL_KEYS.every((k) => ra[k] === doc[k] && has(ra, k) === has(doc, k));
}

/** What an applied JSON changed, in words, for the status line. */
export function describePatch(p: MachinePatch): string {
  if (p.what === 'model') {
    return p.llm.model === 'custom' ? `the custom model ${p.llm.custom?.name ?? ''}` : `the preset ${MODELS[p.llm.model].name}`;
  }
  const o = Object.keys(p.what === 'lpu' ? p.lpu.overrides : p.gpu.overrides);
  const base = p.what === 'lpu' ? CHIPS[p.lpu.chip].name : GPUS[p.gpu.gpu].name;
  return o.length === 0
    ? `${base}, its preset figures`
    : `${base} with ${o.length} figure${o.length === 1 ? '' : 's'} changed (${o.join(', ')})`;
}
