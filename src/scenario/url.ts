// The link codec: `v=2&p=<preset>&<key>=<value>&...`, carrying only the fields that differ
// from the named preset, with the short keys of keys.ts. Decoding treats the text as
// hostile: bounded length and key count, every value checked by the same validator as a
// file, bad fields fall back to the preset's value and are named; it never throws.
import { DEFAULT_CUSTOM_MODEL } from './defaults';
import { HIDEABLE_IDS, LINK_KEYS, RESERVED_KEYS } from './keys';
import { V1_PANEL_NAMES, V1_TOPOLOGY_NAMES } from './migrate';
import { MAX_PROBLEMS, parseScenario, type Problem } from './parse';
import { findPreset, presetScenario } from './presets';
import { leafAt, showKey, showValue, type LeafSpec } from './schema';
import { SCENARIO_VERSION, type Scenario } from './types';

/** Longer hashes are refused outright (no app state comes near this). */
export const MAX_LINK_CHARS = 8000;
/** More `key=value` pairs than this are ignored (there are about 70 keys). */
const MAX_LINK_PAIRS = 200;
/** Written for null (automatic counts, no tour, no custom model) and a removed override. */
const NONE = '~';

const PATH_OF_KEY = new Map<string, string>(LINK_KEYS.map(([k, p]) => [k, p]));
const HIDEABLE_INDEX = new Map(HIDEABLE_IDS.map((id, i) => [id, i]));

interface DecodedLink {
  scenario: Scenario;
  /** Compare's pinned A (key `a`), null when absent or dropped as malformed. */
  pinned: Scenario | null;
  problems: Problem[];
  /** The preset the link is a patch of ('default' when none or unknown). */
  presetId: string;
}

type Obj = Record<string, unknown>;

function getIn(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[key];
  }
  return cur;
}

function setIn(obj: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Obj;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

// ---------------------------------------------------------------- encode

function encodeValue(spec: LeafSpec, value: unknown): string {
  if (value === undefined || value === null) return NONE;
  switch (spec.kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'tour': {
      const t = value as { id: string; step: number };
      return `${t.id}.${t.step}`;
    }
    case 'idList':
      return (value as string[])
        .map((id) => {
          const i = HIDEABLE_INDEX.get(id);
          return i === undefined ? id : `_${i.toString(36)}`;
        })
        .join('.');
    case 'text':
      return encodeText(value as string);
    default:
      return encodeURIComponent(String(value));
  }
}

/**
 * Free text is percent-encoded when that is short (readable links for ordinary names),
 * else written as `*` + base64url of its UTF-8 bytes, which bounds the worst case
 * (a text of '%' or non-Latin letters) at 4/3 characters per byte instead of 3.
 */
function encodeText(text: string): string {
  const pct = encodeURIComponent(text).replace(/^\*/, '%2A');
  let bin = '';
  for (const byte of new TextEncoder().encode(text)) bin += String.fromCharCode(byte);
  const b64 = `*${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  return b64.length < pct.length ? b64 : pct;
}

/** The inverse of the base64url branch of encodeText; null when it is not valid. */
function decodeBase64Text(body: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return null;
  try {
    const bin = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return Object.is(a, b);
}

/** Fields the pinned A carries: its inputs. Its view and classroom are the link's own. */
const PINNED_KEYS = LINK_KEYS.filter(([, path]) => !path.startsWith('view.') && !path.startsWith('classroom.'));
const PINNED_PAIR = ',';
const PINNED_KV = ':';

/**
 * The pinned A as the difference from B (the link's scenario): `key:value` pairs with the
 * link keys and value spelling, joined by ','. Empty when A's inputs equal B's. Values
 * never hold ',' or ':' (percent-encoding escapes them; base64url has neither).
 */
function encodePinned(a: Scenario, b: Scenario): string {
  const parts: string[] = [];
  let customBase: unknown = b.llm.custom;
  if (a.llm.custom === null && b.llm.custom !== null) parts.push(`c${PINNED_KV}${NONE}`);
  if (a.llm.custom !== null && b.llm.custom === null) {
    parts.push(`c${PINNED_KV}1`);
    customBase = DEFAULT_CUSTOM_MODEL;
  }
  for (const [key, path] of PINNED_KEYS) {
    const info = leafAt(path);
    if (!info) continue;
    let baseValue: unknown;
    if (path.startsWith('llm.custom.')) {
      if (a.llm.custom === null) continue;
      baseValue = getIn(customBase, path.slice('llm.custom.'.length));
    } else baseValue = getIn(b, path);
    const value = getIn(a, path);
    if (!sameLeaf(value, baseValue)) parts.push(`${key}${PINNED_KV}${encodeValue(info.spec, value)}`);
  }
  return parts.join(PINNED_PAIR);
}

/**
 * The hash text (no leading '#') for `s` as a patch of preset `presetId` (default:
 * 'default'; an unknown id is treated as 'default'). Always starts with `v=2`. With
 * `pinned`, compare's A travels too, as key `a` (last).
 */
export function encodeScenarioHash(s: Scenario, presetId = 'default', pinned: Scenario | null = null): string {
  const preset = findPreset(presetId);
  const id = preset ? preset.id : 'default';
  const base = presetScenario(id);
  const parts = [`v=${SCENARIO_VERSION}`];
  if (id !== 'default') parts.push(`p=${id}`);

  // The custom model is compared with the preset's, or with the default custom model
  // when the link has to switch it on (`c=1`): the decoder starts from the same one.
  let customBase: unknown = base.llm.custom;
  if (s.llm.custom === null && base.llm.custom !== null) parts.push(`c=${NONE}`);
  if (s.llm.custom !== null && base.llm.custom === null) {
    parts.push('c=1');
    customBase = DEFAULT_CUSTOM_MODEL;
  }

  for (const [key, path] of LINK_KEYS) {
    const info = leafAt(path);
    if (!info) continue;
    let baseValue: unknown;
    if (path.startsWith('llm.custom.')) {
      if (s.llm.custom === null) continue;
      baseValue = getIn(customBase, path.slice('llm.custom.'.length));
    } else baseValue = getIn(base, path);
    const value = getIn(s, path);
    if (!sameLeaf(value, baseValue)) parts.push(`${key}=${encodeValue(info.spec, value)}`);
  }
  if (pinned) parts.push(`a=${encodePinned(pinned, s)}`);
  return parts.join('&');
}

// ---------------------------------------------------------------- decode

const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Turns one decoded value into the type its field expects. What cannot be converted is
 * returned as the text itself, so the validator names it ("got "abc"").
 */
function decodeValue(spec: LeafSpec, raw: string, optional: boolean): unknown {
  if (spec.kind === 'text' && raw.startsWith('*')) return decodeBase64Text(raw.slice(1)) ?? raw;
  const text = decodePart(raw) ?? raw;
  if (text === NONE && (optional || spec.kind === 'nullableInt' || spec.kind === 'tour')) {
    return optional ? undefined : null;
  }
  switch (spec.kind) {
    case 'int':
    case 'num':
    case 'nullableInt':
      return NUMBER_TEXT.test(text) ? Number(text) : text;
    case 'literal':
      return typeof spec.value === 'number' && NUMBER_TEXT.test(text) ? Number(text) : text;
    case 'bool':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : text;
    case 'enum':
      return text;
    case 'text':
      return text;
    case 'tour': {
      const dot = text.lastIndexOf('.');
      if (dot < 0) return text;
      const step = text.slice(dot + 1);
      return { id: text.slice(0, dot), step: NUMBER_TEXT.test(step) ? Number(step) : step };
    }
    case 'idList':
      if (text === '') return [];
      return text.split('.').map((part) => {
        if (!part.startsWith('_')) return part;
        const i = /^_[0-9a-z]{1,3}$/.test(part) ? parseInt(part.slice(1), 36) : NaN;
        return HIDEABLE_IDS[i] ?? part;
      });
  }
}

const renamed = (names: Readonly<Record<string, string>>, text: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(names, text) ? names[text] : undefined;

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { field: 'link', message: `${problems.length - MAX_PROBLEMS} more problems not listed` }];
}

const decodeOrRaw = (t: string | undefined): string | undefined => (t === undefined ? undefined : (decodePart(t) ?? t));

function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Field name of problems about the pinned A. */
export const PINNED_FIELD = 'pinned';

/**
 * The pinned A from the value of key `a`, applied to B (the link's scenario). A is all or
 * nothing: any problem drops A (named), and B, the rest of the link, still applies.
 */
function decodePinned(text: string, b: Scenario): { scenario: Scenario | null; problems: Problem[] } {
  const drop = (why: string) => ({
    scenario: null,
    problems: [
      {
        field: PINNED_FIELD,
        message: `the pinned scenario A in the link is not valid (${why}); A was dropped, the rest of the link applies`,
      },
    ],
  });
  const raw = structuredClone(b) as unknown as Obj;
  const pairs = text === '' ? [] : text.split(PINNED_PAIR);
  const seen = new Set<string>();
  const byKey = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf(PINNED_KV);
    const key = at < 0 ? pair : pair.slice(0, at);
    if (at < 0) return drop(`${showValue(pair)} is not key:value`);
    if (seen.has(key)) return drop(`key ${showKey(key)} appears more than once`);
    seen.add(key);
    byKey.set(key, pair.slice(at + 1));
  }
  const c = byKey.get('c');
  if (c !== undefined) {
    byKey.delete('c');
    if (c === NONE) setIn(raw, 'llm.custom', null);
    else if (c === '1') setIn(raw, 'llm.custom', structuredClone(DEFAULT_CUSTOM_MODEL));
    else return drop(`c must be 1 or ~; got ${showValue(decodeOrRaw(c))}`);
  }
  const pathOf = new Map<string, string>(PINNED_KEYS.map(([k, p]) => [k, p]));
  for (const [key, value] of byKey) {
    const path = pathOf.get(key);
    if (!path) return drop(`unknown key ${showValue(key)}`);
    const info = leafAt(path);
    if (!info) return drop(`unknown key ${showValue(key)}`);
    if (path.startsWith('llm.custom.') && getIn(raw, 'llm.custom') === null) return drop(`${path} is set but A has no custom model`);
    setIn(raw, path, decodeValue(info.spec, value, info.optional));
  }
  const parsed = parseScenario({ ...raw, v: SCENARIO_VERSION }, { base: b, what: PINNED_FIELD });
  if (parsed.problems.length > 0) return drop(parsed.problems[0].message);
  return { scenario: parsed.scenario, problems: [] };
}

/** Reads a hash (with or without '#'). Never throws; the scenario is always valid. */
export function decodeScenarioHash(hash: string): DecodedLink {
  const problems: Problem[] = [];
  const fallback = (presetId = 'default'): DecodedLink => ({ scenario: presetScenario(presetId), pinned: null, problems, presetId });
  try {
    if (typeof hash !== 'string') {
      problems.push({ field: 'link', message: `a link must be text; got ${showValue(hash)}` });
      return fallback();
    }
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length > MAX_LINK_CHARS) {
      problems.push({
        field: 'link',
        message: `the link is ${text.length} characters long, more than the ${MAX_LINK_CHARS} this app reads; the defaults are used`,
      });
      return fallback();
    }
    if (text === '') return fallback();

    let parts = text.split('&').filter((p) => p !== '');
    if (parts.length > MAX_LINK_PAIRS) {
      problems.push({ field: 'link', message: `the link has ${parts.length} fields; only the first ${MAX_LINK_PAIRS} are read` });
      parts = parts.slice(0, MAX_LINK_PAIRS);
    }

    // Key -> raw value; the last of duplicate keys wins (and is reported).
    const values = new Map<string, string>();
    for (const part of parts) {
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const key = decodePart(rawKey);
      // Values stay percent-encoded until their field is known (text fields need the raw form).
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (key === null || decodePart(value) === null) {
        problems.push({ field: 'link', message: `the link field ${showValue(part)} is not valid percent-encoding; ignored` });
        continue;
      }
      if (!PATH_OF_KEY.has(key) && !(RESERVED_KEYS as readonly string[]).includes(key)) {
        problems.push({ field: 'link', message: `unknown link key ${showValue(key)} ignored` });
        continue;
      }
      if (values.has(key)) {
        problems.push({
          field: PATH_OF_KEY.get(key) ?? key,
          message: `link key ${showKey(key)} appears more than once; the last one is used`,
        });
      }
      values.set(key, value);
    }

    // Version.
    let version: number = SCENARIO_VERSION;
    const vText = decodeOrRaw(values.get('v'));
    if (vText === undefined) {
      problems.push({ field: 'v', message: `the link has no format version (v); read as version ${SCENARIO_VERSION}` });
    } else if (!/^\d{1,6}$/.test(vText) || Number(vText) < 1) {
      problems.push({
        field: 'v',
        message: `v must be a format version 1..${SCENARIO_VERSION}; got ${showValue(vText)}; read as version ${SCENARIO_VERSION}`,
      });
    } else if (Number(vText) > SCENARIO_VERSION) {
      problems.push({
        field: 'v',
        message: `scenario version ${Number(vText)} is newer than this app (${SCENARIO_VERSION}); the defaults are used`,
      });
      return fallback();
    } else version = Number(vText);

    // Preset.
    let presetId = 'default';
    const pText = decodeOrRaw(values.get('p'));
    if (pText !== undefined) {
      if (findPreset(pText)) presetId = pText;
      else problems.push({ field: 'p', message: `unknown preset ${showValue(pText)}; the link is read against the default` });
    }
    const base = presetScenario(presetId);
    const raw = structuredClone(base) as unknown as Obj;

    // Custom model on/off, before its fields.
    const cText = decodeOrRaw(values.get('c'));
    if (cText === NONE) setIn(raw, 'llm.custom', null);
    else if (cText === '1') setIn(raw, 'llm.custom', structuredClone(DEFAULT_CUSTOM_MODEL));
    else if (cText !== undefined) problems.push({ field: 'llm.custom', message: `link key c must be 1 or ~; got ${showValue(cText)}` });

    for (const [key, path] of LINK_KEYS) {
      const valueText = values.get(key);
      if (valueText === undefined) continue;
      const info = leafAt(path);
      if (!info) continue;
      if (path.startsWith('llm.custom.') && getIn(raw, 'llm.custom') === null) {
        problems.push({ field: path, message: `${path} is set but the link has no custom model (c=1); ignored` });
        continue;
      }
      let value = decodeValue(info.spec, valueText, info.optional);
      const plain = decodePart(valueText) ?? valueText;
      // Version 1 spelt two topologies and two panels differently; the keys are the same.
      if (version === 1 && path === 'lpu.topology') value = renamed(V1_TOPOLOGY_NAMES, plain) ?? value;
      if (version === 1 && path === 'view.panel') value = renamed(V1_PANEL_NAMES, plain) ?? value;
      setIn(raw, path, value);
    }

    const parsed = parseScenario({ ...raw, v: SCENARIO_VERSION }, { base, what: 'link' });
    const aText = values.get('a');
    const pinned = aText === undefined ? { scenario: null, problems: [] } : decodePinned(aText, parsed.scenario);
    return {
      scenario: parsed.scenario,
      pinned: pinned.scenario,
      problems: capped([...problems, ...parsed.problems, ...pinned.problems]),
      presetId,
    };
  } catch {
    problems.push({ field: 'link', message: 'the link could not be read; the defaults are used' });
    return { ...fallback(), problems: capped(problems) };
  }
}
