// Random valid scenarios for property tests (round trips, fuzzing), generated from the
// same leaf specs the schema uses, with a seeded generator so failures reproduce.
import { HIDEABLE_IDS } from './keys';
import { LEAVES, MAX_CONTEXT_TOKENS, MAX_HIDDEN, type LeafSpec } from './schema';
import type { Scenario } from './types';

/** mulberry32: small, fast, good enough for test inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const intIn = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

function randomInt(r: Rand, min: number, max: number): number {
  const u = r();
  if (u < 0.1) return min;
  if (u < 0.2) return max;
  if (u < 0.5) return intIn(r, min, Math.min(max, min + 64));
  return intIn(r, min, max);
}

function randomNum(r: Rand, spec: Extract<LeafSpec, { kind: 'num' }>): number {
  const u = r();
  if (u < 0.1 && !spec.minExclusive) return spec.min;
  if (u < 0.2 && !spec.maxExclusive) return spec.max;
  if (u < 0.4) {
    // Short "typed" values, e.g. 3.35.
    const v = Math.round((spec.min + r() * (spec.max - spec.min)) * 100) / 100;
    if (v > spec.min && v < spec.max) return v;
  }
  for (;;) {
    const v = spec.min + r() * (spec.max - spec.min);
    const okLo = spec.minExclusive ? v > spec.min : v >= spec.min;
    const okHi = spec.maxExclusive ? v < spec.max : v <= spec.max;
    if (okLo && okHi) return v;
  }
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const TEXT_CHARS = 'abcXYZ019 .,:;()[]{}+-=_/?#%~!@$*é中ü';

function randomText(r: Rand, spec: Extract<LeafSpec, { kind: 'text' }>): string {
  for (;;) {
    const len = intIn(r, spec.min, Math.min(spec.max, r() < 0.2 ? spec.max : 24));
    let s = '';
    const chars = !spec.pattern.test('A')
      ? 'abcdefghijklmnopqrstuvwxyz0123456789.-'
      : TEXT_CHARS + (spec.pattern.test('"&\'') ? '"&\'' : '');
    for (let i = 0; i < len; i++) s += pick(r, [...chars]);
    if (spec.pattern.test(s) && s.length >= spec.min && s.length <= spec.max) return s;
  }
}

function randomId(r: Rand): string {
  let s = '';
  const len = intIn(r, 1, 40);
  for (let i = 0; i < len; i++) s += pick(r, [...ID_CHARS]);
  return s;
}

function randomLeaf(r: Rand, spec: LeafSpec): unknown {
  switch (spec.kind) {
    case 'int':
      return randomInt(r, spec.min, spec.max);
    case 'num':
      return randomNum(r, spec);
    case 'enum':
      return pick(r, spec.values);
    case 'bool':
      return r() < 0.5;
    case 'literal':
      return spec.value;
    case 'text':
      return randomText(r, spec);
    case 'nullableInt':
      return r() < 0.3 ? null : randomInt(r, spec.min, spec.max);
    case 'tour':
      return r() < 0.5 ? null : { id: randomId(r), step: intIn(r, 0, 99) };
    case 'idList': {
      const n = r() < 0.3 ? 0 : intIn(r, 1, MAX_HIDDEN);
      const out = new Set<string>();
      while (out.size < n) out.add(r() < 0.8 ? pick(r, HIDEABLE_IDS) : randomId(r));
      return [...out];
    }
  }
}

function setIn(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/** A random scenario that satisfies every limit, including the cross-field rules. */
export function randomScenario(r: Rand): Scenario {
  const doc: Record<string, unknown> = { lpu: { overrides: {} }, gpu: { overrides: {} } };
  const withCustom = r() < 0.4;
  for (const leaf of LEAVES) {
    if (leaf.path.startsWith('llm.custom.') && !withCustom) continue;
    if (leaf.optional && r() < 0.5) continue;
    setIn(doc, leaf.path, randomLeaf(r, leaf.spec));
  }
  const s = doc as unknown as Scenario;
  if (!withCustom) {
    s.llm.custom = null;
    if (s.llm.model === 'custom') s.llm.model = 'llama-2-70b';
  } else if (s.llm.custom) {
    const c = s.llm.custom;
    if (c.activeExperts > c.experts) c.activeExperts = intIn(r, 1, c.experts);
    // counts of layers of a kind within the layers; a sliding-layer count only with a window
    if (c.denseLayers !== undefined && c.denseLayers > c.layers) c.denseLayers = intIn(r, 0, c.layers);
    if (c.slidingLayers !== undefined && c.slidingLayers > c.layers) c.slidingLayers = intIn(r, 0, c.layers);
    if (c.slidingLayers && c.slidingWindow === undefined) c.slidingWindow = intIn(r, 1, MAX_CONTEXT_TOKENS);
  }
  if (s.llm.prompt + s.llm.output > MAX_CONTEXT_TOKENS) s.llm.output = intIn(r, 1, MAX_CONTEXT_TOKENS - s.llm.prompt || 1);
  if (s.llm.prompt >= MAX_CONTEXT_TOKENS) s.llm.prompt = MAX_CONTEXT_TOKENS - s.llm.output;
  return s;
}
