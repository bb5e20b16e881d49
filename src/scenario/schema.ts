// The Scenario schema (zod) with the limits every input must respect, plus per-field
// validation for controls. Numeric leaves take their range from the field registry
// (fields.ts); each leaf is built by a helper that records a plain `LeafSpec` beside the zod
// schema, so the repairer, the URL codec, the fuzz generator and the messages all read one
// definition of each limit.
import { z } from 'zod';
import { MAX_SEED, MAX_TOKENS, describeRange, rangeOf } from './fields';
import {
  DATAFLOWS,
  GPU_IDS,
  MODEL_IDS,
  PANELS,
  PRECISIONS,
  SCENARIO_VERSION,
  TOPOLOGIES,
  CHIP_IDS,
  SPECULATION_MODES,
  DISAGG_MODES,
  STACK_IDS,
  BATCHING_MODES,
  SWEEP_MACHINES,
  type Scenario,
} from './types';

/** A problem found in a link, a file or a value: `field` is a dotted path ('gemm.rows'). */
export interface Problem {
  field: string;
  message: string;
}

export type LeafSpec =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'num'; min: number; max: number; minExclusive: boolean; maxExclusive: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'literal'; value: string | number }
  | { kind: 'text'; min: number; max: number; pattern: RegExp; what: string }
  | { kind: 'nullableInt'; min: number; max: number }
  | { kind: 'tour' }
  | { kind: 'idList'; maxItems: number };

const specs = new WeakMap<z.ZodType, LeafSpec>();

function leaf<T extends z.ZodType>(schema: T, spec: LeafSpec): T {
  specs.set(schema, spec);
  return schema;
}

/** Ids of hideable controls/panels and of tours: short, lowercase, URL-safe. */
export const ID_PATTERN = /^[a-z0-9-]{1,40}$/;
// Both also refuse invisible/bidi-override characters and surrogates (no emoji, but no
// lone surrogates either, which encodeURIComponent would throw on).
/** A custom model's name: printable, nothing an HTML parser or a shell would act on. */
const SAFE_NAME = /^[^<>&"'`\\\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]*$/;
/** A source citation: quotes and '&' are common in titles and URLs; still no tags or controls. */
const SAFE_SOURCE = /^[^<>`\\\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]*$/;
const MODEL_SPEC_ID = /^[a-z0-9][a-z0-9.-]{0,39}$/;
export const MAX_HIDDEN = 50;
export { MAX_SEED };
export const MAX_CONTEXT_TOKENS = MAX_TOKENS;
const MAX_TOUR_STEP = 99;

const int = (min: number, max: number) => leaf(z.number().int().min(min).max(max), { kind: 'int', min, max });
/** min/max inclusive unless the flag says otherwise (bandwidths must be > 0). */
const num = (min: number, max: number, minExclusive = false, maxExclusive = false) => {
  let s = z.number();
  s = minExclusive ? s.gt(min) : s.min(min);
  s = maxExclusive ? s.lt(max) : s.max(max);
  return leaf(s, { kind: 'num', min, max, minExclusive, maxExclusive });
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => leaf(z.enum(values), { kind: 'enum', values });
const bool = () => leaf(z.boolean(), { kind: 'bool' });
const text = (min: number, max: number, pattern: RegExp, what: string) =>
  leaf(z.string().min(min).max(max).regex(pattern), { kind: 'text', min, max, pattern, what });
const nullableInt = (min: number, max: number) => leaf(z.number().int().min(min).max(max).nullable(), { kind: 'nullableInt', min, max });
/** The numeric field at `path`, with the registry's range. */
const ranged = (path: string) => {
  const r = rangeOf(path);
  return r.integer ? int(r.min, r.max) : num(r.min, r.max, r.minExclusive, r.maxExclusive);
};
/** The same, null allowed (null: the minimum that fits). */
const nullableRanged = (path: string) => nullableInt(rangeOf(path).min, rangeOf(path).max);

const GemmSchema = z.object({
  rows: ranged('gemm.rows'),
  cols: ranged('gemm.cols'),
  dataflow: oneOf(DATAFLOWS),
  m: ranged('gemm.m'),
  k: ranged('gemm.k'),
  n: ranged('gemm.n'),
  seed: ranged('gemm.seed'),
});

const ModelSpecSchema = z.object({
  id: text(1, 40, MODEL_SPEC_ID, 'an id of 1..40 characters a-z, 0-9, ".", "-"'),
  name: text(
    1,
    48,
    SAFE_NAME,
    'text of 1..48 characters without angle brackets, ampersands, quotes, backquotes, backslashes or control characters',
  ),
  layers: ranged('llm.custom.layers'),
  hidden: ranged('llm.custom.hidden'),
  heads: ranged('llm.custom.heads'),
  kvHeads: ranged('llm.custom.kvHeads'),
  headDim: ranged('llm.custom.headDim'),
  ffn: ranged('llm.custom.ffn'),
  gatedFfn: bool(),
  vocab: ranged('llm.custom.vocab'),
  experts: ranged('llm.custom.experts'),
  activeExperts: ranged('llm.custom.activeExperts'),
  sharedExperts: ranged('llm.custom.sharedExperts').optional(),
  denseLayers: ranged('llm.custom.denseLayers').optional(),
  denseFfn: ranged('llm.custom.denseFfn').optional(),
  kvLoraRank: ranged('llm.custom.kvLoraRank').optional(),
  ropeHeadDim: ranged('llm.custom.ropeHeadDim').optional(),
  qLoraRank: ranged('llm.custom.qLoraRank').optional(),
  slidingWindow: ranged('llm.custom.slidingWindow').optional(),
  slidingLayers: ranged('llm.custom.slidingLayers').optional(),
  mtpLayers: ranged('llm.custom.mtpLayers').optional(),
  paramsB: ranged('llm.custom.paramsB'),
  source: text(0, 160, SAFE_SOURCE, 'text of 0..160 characters without angle brackets, backquotes, backslashes or control characters'),
});

const LlmSchema = z.object({
  model: oneOf([...MODEL_IDS, 'custom'] as const),
  custom: ModelSpecSchema.nullable(),
  batch: ranged('llm.batch'),
  prompt: ranged('llm.prompt'),
  output: ranged('llm.output'),
  weights: oneOf(PRECISIONS),
  activations: oneOf(PRECISIONS),
  kv: oneOf(PRECISIONS),
  batching: oneOf(BATCHING_MODES),
  sweepMachine: oneOf(SWEEP_MACHINES),
  speculative: z.object({
    mode: oneOf(SPECULATION_MODES),
    draft: oneOf(MODEL_IDS),
    k: ranged('llm.speculative.k'),
    accept: ranged('llm.speculative.accept'),
  }),
  disagg: oneOf(DISAGG_MODES),
});

export const ChipOverridesSchema = z.object({
  sramMB: ranged('lpu.overrides.sramMB').optional(),
  clockMHz: ranged('lpu.overrides.clockMHz').optional(),
  tflopsFp16: ranged('lpu.overrides.tflopsFp16').optional(),
  topsInt8: ranged('lpu.overrides.topsInt8').optional(),
  sramBandwidthTBps: ranged('lpu.overrides.sramBandwidthTBps').optional(),
  linksPerChip: ranged('lpu.overrides.linksPerChip').optional(),
  linkBandwidthGBps: ranged('lpu.overrides.linkBandwidthGBps').optional(),
  hopLatencyUs: ranged('lpu.overrides.hopLatencyUs').optional(),
  chipsPerNode: ranged('lpu.overrides.chipsPerNode').optional(),
  ioGBps: ranged('lpu.overrides.ioGBps').optional(),
  powerW: ranged('lpu.overrides.powerW').optional(),
  priceUsdPerChipHour: ranged('lpu.overrides.priceUsdPerChipHour').optional(),
  computeEfficiency: ranged('lpu.overrides.computeEfficiency').optional(),
  sramEfficiency: ranged('lpu.overrides.sramEfficiency').optional(),
  layerOverheadUs: ranged('lpu.overrides.layerOverheadUs').optional(),
});

export const GpuOverridesSchema = z.object({
  hbmGB: ranged('gpu.overrides.hbmGB').optional(),
  hbmBandwidthTBps: ranged('gpu.overrides.hbmBandwidthTBps').optional(),
  tflopsBf16: ranged('gpu.overrides.tflopsBf16').optional(),
  tflopsFp8: ranged('gpu.overrides.tflopsFp8').optional(),
  topsInt8: ranged('gpu.overrides.topsInt8').optional(),
  tflopsFp4: ranged('gpu.overrides.tflopsFp4').optional(),
  nvlinkGBps: ranged('gpu.overrides.nvlinkGBps').optional(),
  gpusPerNode: ranged('gpu.overrides.gpusPerNode').optional(),
  interNodeGBps: ranged('gpu.overrides.interNodeGBps').optional(),
  interNodeLatencyUs: ranged('gpu.overrides.interNodeLatencyUs').optional(),
  nvlinkLatencyUs: ranged('gpu.overrides.nvlinkLatencyUs').optional(),
  powerW: ranged('gpu.overrides.powerW').optional(),
  priceUsdPerHour: ranged('gpu.overrides.priceUsdPerHour').optional(),
  hbmEfficiency: ranged('gpu.overrides.hbmEfficiency').optional(),
  computeEfficiency: ranged('gpu.overrides.computeEfficiency').optional(),
  computeEfficiencyFp8: ranged('gpu.overrides.computeEfficiencyFp8').optional(),
  launchOverheadUsPerLayer: ranged('gpu.overrides.launchOverheadUsPerLayer').optional(),
  allReduceOverheadUs: ranged('gpu.overrides.allReduceOverheadUs').optional(),
  requestOverheadMs: ranged('gpu.overrides.requestOverheadMs').optional(),
  int8StreamEfficiency: ranged('gpu.overrides.int8StreamEfficiency').optional(),
  int4StreamEfficiency: ranged('gpu.overrides.int4StreamEfficiency').optional(),
  fp8StreamEfficiency: ranged('gpu.overrides.fp8StreamEfficiency').optional(),
  kvReadEfficiency: ranged('gpu.overrides.kvReadEfficiency').optional(),
  expertComputeEfficiency: ranged('gpu.overrides.expertComputeEfficiency').optional(),
  expertComputeEfficiencyFp8: ranged('gpu.overrides.expertComputeEfficiencyFp8').optional(),
  jitterCv: ranged('gpu.overrides.jitterCv').optional(),
});

const LpuSchema = z.object({
  chip: oneOf(CHIP_IDS),
  overrides: ChipOverridesSchema,
  chips: nullableRanged('lpu.chips'),
  topology: oneOf(TOPOLOGIES),
});

const GpuSchema = z.object({
  gpu: oneOf(GPU_IDS),
  overrides: GpuOverridesSchema,
  stack: oneOf(STACK_IDS),
  gpus: nullableRanged('gpu.gpus'),
  tp: nullableRanged('gpu.tp'),
  seed: ranged('gpu.seed'),
});

const TourRefSchema = leaf(z.object({ id: z.string().regex(ID_PATTERN), step: z.number().int().min(0).max(MAX_TOUR_STEP) }).nullable(), {
  kind: 'tour',
});

const ViewSchema = z.object({
  panel: oneOf(PANELS),
  cycle: int(0, 1e9),
  tour: TourRefSchema,
  presenter: bool(),
});

const ClassroomSchema = z.object({
  hidden: leaf(z.array(z.string().regex(ID_PATTERN)).max(MAX_HIDDEN), { kind: 'idList', maxItems: MAX_HIDDEN }),
  locked: bool(),
});

/** The document's shape without cross-field rules (walked by the repairer). */
export const ScenarioShape = z.object({
  v: leaf(z.literal(SCENARIO_VERSION), { kind: 'literal', value: SCENARIO_VERSION }),
  gemm: GemmSchema,
  llm: LlmSchema,
  lpu: LpuSchema,
  gpu: GpuSchema,
  view: ViewSchema,
  classroom: ClassroomSchema,
});

/** Rules that involve more than one field. Each problem names the field that gives way. */
export function crossFieldProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const { prompt, output, model, custom } = s.llm;
  if (prompt + output > MAX_CONTEXT_TOKENS) {
    out.push({
      field: 'llm.output',
      message: `llm.prompt + llm.output must be at most ${MAX_CONTEXT_TOKENS} tokens; got ${prompt} + ${output} = ${prompt + output}`,
    });
  }
  if (model === 'custom' && custom === null) {
    out.push({ field: 'llm.custom', message: "llm.custom must hold a model when llm.model is 'custom'; got null" });
  }
  if (custom !== null && custom.activeExperts > custom.experts) {
    out.push({
      field: 'llm.custom.activeExperts',
      message: `llm.custom.activeExperts must be at most llm.custom.experts (${custom.experts}); got ${custom.activeExperts}`,
    });
  }
  if (custom !== null) {
    // Counts of layers of a kind cannot exceed the layers there are.
    for (const k of ['denseLayers', 'slidingLayers'] as const) {
      const v = custom[k];
      if (v !== undefined && v > custom.layers) {
        out.push({ field: `llm.custom.${k}`, message: `llm.custom.${k} must be at most llm.custom.layers (${custom.layers}); got ${v}` });
      }
    }
    if (custom.slidingLayers !== undefined && custom.slidingLayers > 0 && custom.slidingWindow === undefined) {
      out.push({
        field: 'llm.custom.slidingLayers',
        message: 'llm.custom.slidingLayers needs llm.custom.slidingWindow (the window in tokens)',
      });
    }
  }
  return out;
}

export const ScenarioSchema = ScenarioShape.superRefine((s, ctx) => {
  for (const p of crossFieldProblems(s)) ctx.addIssue({ code: 'custom', message: p.message, path: p.field.split('.') });
});

// The schema must infer exactly the hand-written contract (types.ts): this line stops
// compiling if either drifts.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesContract: Equals<z.infer<typeof ScenarioSchema>, Scenario> = true;
void schemaMatchesContract;

// ---------------------------------------------------------------- leaf lookup

interface LeafInfo {
  path: string;
  schema: z.ZodType;
  spec: LeafSpec;
  /** An override: may be absent (then the chip's preset figure applies). */
  optional: boolean;
}

function collectLeaves(schema: z.ZodType, path: string, out: LeafInfo[], optional: boolean): void {
  const spec = specs.get(schema);
  if (spec) {
    out.push({ path, schema, spec, optional });
    return;
  }
  if (schema instanceof z.ZodOptional) return collectLeaves(schema.unwrap() as z.ZodType, path, out, true);
  if (schema instanceof z.ZodNullable) return collectLeaves(schema.unwrap() as z.ZodType, path, out, optional);
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      collectLeaves(child, path ? `${path}.${key}` : key, out, false);
    }
    return;
  }
  throw new Error(`schema node at '${path}' has no leaf spec`);
}

/** Every leaf field of the document, in schema order ('llm.custom.*' included). */
export const LEAVES: readonly LeafInfo[] = (() => {
  const out: LeafInfo[] = [];
  collectLeaves(ScenarioShape, '', out, false);
  return out;
})();
const leafByPath = new Map(LEAVES.map((l) => [l.path, l]));

export function leafAt(path: string): LeafInfo | undefined {
  return leafByPath.get(path);
}

// ---------------------------------------------------------------- messages

const fmt = (n: number): string => String(n);

/** What a value must be, in words: "an integer 1..256". */
function describeLimit(spec: LeafSpec): string {
  switch (spec.kind) {
    case 'int':
      return describeRange({ integer: true, min: spec.min, max: spec.max, minExclusive: false, maxExclusive: false });
    case 'num':
      return describeRange({ integer: false, ...spec });
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'bool':
      return 'true or false';
    case 'literal':
      return `exactly ${typeof spec.value === 'string' ? `'${spec.value}'` : spec.value}`;
    case 'text':
      return spec.what;
    case 'nullableInt':
      return `null (the minimum that fits) or an integer ${fmt(spec.min)}..${fmt(spec.max)}`;
    case 'tour':
      return `null or a tour {id, step}: id of 1..40 characters a-z, 0-9, "-" and step an integer 0..${MAX_TOUR_STEP}`;
    case 'idList':
      return `a list of at most ${spec.maxItems} ids of 1..40 characters a-z, 0-9, "-"`;
  }
}

const UNSAFE_CHAR = /[^\x20-\x7e]|[<>&"'`\\]/g;

/**
 * A short, inert rendering of any input value for messages: strings are quoted, cut to
 * 32 characters and every character an HTML parser or a terminal might act on is written
 * as \uXXXX, so a message is safe even if someone renders it as HTML.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const cut = value.length > 32 ? `${value.slice(0, 32)}...` : value;
    return `"${cut.replace(UNSAFE_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
  }
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A field path or key taken from input, made inert for a message. */
export function showKey(key: string): string {
  const cut = key.length > 40 ? `${key.slice(0, 40)}...` : key;
  return cut.replace(/[^A-Za-z0-9._~-]/g, '?');
}

export function limitMessage(path: string, spec: LeafSpec, value: unknown): string {
  return `${path} must be ${describeLimit(spec)}; got ${showValue(value)}`;
}

// ---------------------------------------------------------------- one field

function setPath(obj: unknown, keys: string[], value: unknown): unknown {
  const [head, ...rest] = keys;
  const base = (obj !== null && typeof obj === 'object' ? obj : {}) as Record<string, unknown>;
  return { ...base, [head]: rest.length === 0 ? value : setPath(base[head], rest, value) };
}

/**
 * Checks one value a control is about to set. Returns null when it may be applied, or a
 * message naming the limit. With `context` (the current scenario) the rules that tie
 * fields together (prompt + output, custom model) are checked too.
 * Whole-object paths ('llm.custom', 'view.tour', 'lpu.overrides') are checked as a whole.
 */
export function validateField(path: string, value: unknown, context?: Scenario): string | null {
  const info = leafAt(path);
  if (info) {
    if (info.optional && value === undefined) return null;
    if (!info.schema.safeParse(value).success) return limitMessage(path, info.spec, value);
  } else {
    const sub = subSchemaAt(path);
    if (!sub) return `${showKey(path)} is not a scenario field`;
    const r = sub.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue.path.length ? `${path}.${issue.path.join('.')}` : path;
      const inner = leafAt(where);
      const got = issue.path.reduce<unknown>(
        (o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined),
        value,
      );
      return inner ? limitMessage(where, inner.spec, got) : `${showKey(where)}: ${issue.message}`;
    }
  }
  if (context) {
    const next = setPath(context, path.split('.'), value) as Scenario;
    const clash = crossFieldProblems(next).find(
      (p) => p.field === path || p.field.startsWith(`${path}.`) || path.startsWith(`${p.field}.`) || relatedFields(p.field).includes(path),
    );
    if (clash) return clash.message;
  }
  return null;
}

/** Fields whose change can trigger the cross-field rule reported on `field`. */
function relatedFields(field: string): string[] {
  if (field === 'llm.output') return ['llm.prompt'];
  if (field === 'llm.custom') return ['llm.model'];
  if (field === 'llm.custom.activeExperts') return ['llm.custom.experts'];
  if (field === 'llm.custom.denseLayers') return ['llm.custom.layers'];
  if (field === 'llm.custom.slidingLayers') return ['llm.custom.layers', 'llm.custom.slidingWindow'];
  return [];
}

function subSchemaAt(path: string): z.ZodType | undefined {
  let cur: z.ZodType = ScenarioShape;
  for (const key of path.split('.')) {
    while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    if (!(cur instanceof z.ZodObject)) return undefined;
    const next = (cur.shape as Record<string, z.ZodType | undefined>)[key];
    if (!next || !Object.prototype.hasOwnProperty.call(cur.shape, key)) return undefined;
    cur = next;
  }
  return cur;
}
