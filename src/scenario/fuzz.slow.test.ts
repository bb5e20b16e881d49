// Hostile links: nothing escapes the decoder, every result is a valid scenario, and valid
// scenarios survive encode -> decode unchanged.
import { describe, expect, it } from 'vitest';
import { randomScenario, rng, type Rand } from './arbitrary';
import { LINK_KEYS } from './keys';
import { parseScenario } from './parse';
import { PRESET_IDS, PRESETS } from './presets';
import { ScenarioSchema } from './schema';
import { decodeScenarioHash, encodeScenarioHash } from './url';

const r: Rand = rng(20240417);
const int = (n: number) => Math.floor(r() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
const KEYS = [...LINK_KEYS.map(([k]) => k), 'v', 'p', 'c'];
const WEIRD = [
  '',
  '~',
  '-0',
  '1e400',
  '-1e400',
  'NaN',
  'Infinity',
  '0x10',
  '1e21',
  '99999999999999999999',
  '-5',
  '.5',
  '1.',
  '%',
  '%E0%A4%A',
  '%00',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '<img src=x onerror=alert(1)>',
  '_zz',
  '_0._1._zzz',
  '....',
  'a.b.c',
  '*',
  '*!!',
  '*PGI-',
  '__proto__',
  'constructor',
  'toString',
  'true',
  'null',
  '[]',
  '{}',
  'x'.repeat(500),
  '%F0%9F%98%80',
  '%ED%A0%80',
  '\u0000',
  '&&&',
  '===',
  'h100-sxm',
  'custom',
  'dragonfly',
  '1',
  '0',
  String(2 ** 53 + 1),
];
const CHARS = 'abcz09=&%~._-*#?+/:;,!$\'()<>" \\\u0000\u00e9\u4e2d\ud800';

function randomText(maxLen: number): string {
  let s = '';
  const n = int(maxLen);
  for (let i = 0; i < n; i++) s += CHARS[int(CHARS.length)];
  return s;
}

function validEncoding(): string {
  return encodeScenarioHash(randomScenario(r), pick(PRESET_IDS));
}

const mutators: Record<string, () => string> = {
  randomBytes: () => randomText(300),
  truncation: () => {
    const h = validEncoding();
    return h.slice(0, int(h.length + 1));
  },
  byteFlip: () => {
    const h = [...validEncoding()];
    for (let i = 0, n = 1 + int(4); i < n && h.length; i++) h[int(h.length)] = CHARS[int(CHARS.length)];
    return h.join('');
  },
  keyValueSwap: () => {
    const parts = validEncoding()
      .split('&')
      .map((p) => p.split('='));
    for (let i = 0, n = 1 + int(3); i < n; i++) {
      const a = pick(parts);
      const b = pick(parts);
      if (r() < 0.5) [a[0], b[0]] = [b[0], a[0]];
      else [a[0], a[1]] = [a[1] ?? '', a[0]];
    }
    return parts.map((p) => p.join('=')).join('&');
  },
  hugeOrWeirdValues: () => {
    const parts = validEncoding().split('&');
    for (let i = 0, n = 1 + int(5); i < n; i++) parts.push(`${pick(KEYS)}=${pick(WEIRD)}`);
    return parts.join('&');
  },
  nestedJunk: () => {
    const parts: string[] = [];
    for (let i = 0, n = int(80); i < n; i++)
      parts.push(`${r() < 0.8 ? pick(KEYS) : randomText(8)}=${r() < 0.5 ? pick(WEIRD) : randomText(40)}`);
    return (r() < 0.5 ? '#' : '') + parts.join(r() < 0.9 ? '&' : '&&');
  },
  oversize: () => `v=2&${'ar=4&'.repeat(1000 + int(5000))}`,
};

function checkResult(out: ReturnType<typeof decodeScenarioHash>): void {
  const valid = ScenarioSchema.safeParse(out.scenario);
  if (!valid.success) throw new Error(`invalid scenario: ${JSON.stringify(valid.error.issues[0])}`);
  if (out.pinned !== null && !ScenarioSchema.safeParse(out.pinned).success) throw new Error('invalid pinned A');
  if (!PRESETS.some((p) => p.id === out.presetId)) throw new Error(`bad presetId ${out.presetId}`);
  for (const p of out.problems) {
    if (typeof p.field !== 'string' || typeof p.message !== 'string') throw new Error('bad problem');
    if (/[<>]/.test(p.message) || /[<>]/.test(p.field)) throw new Error(`message echoes markup: ${p.message}`);
  }
  if (out.problems.length > 61) throw new Error('too many problems');
}

describe('link decoder fuzz', () => {
  it('survives 10,800 hostile links with valid results', { timeout: 240_000 }, () => {
    const counts: Record<string, number> = {};
    const perKind = 1500;
    const t0 = performance.now();
    let withProblems = 0;
    for (const [kind, make] of Object.entries(mutators)) {
      const n = kind === 'oversize' ? 300 : perKind;
      for (let i = 0; i < n; i++) {
        const link = make();
        let out;
        try {
          out = decodeScenarioHash(link);
        } catch (e) {
          throw new Error(`decoder threw on ${JSON.stringify(link)}: ${String(e)}`, { cause: e });
        }
        try {
          checkResult(out);
        } catch (e) {
          throw new Error(`${String(e)} for link ${JSON.stringify(link)}`, { cause: e });
        }
        if (out.problems.length) withProblems++;
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
    }
    // Non-string and JSON junk through the same path.
    const junk: unknown[] = [undefined, null, 42, {}, [], { toString: () => 'x' }];
    for (const j of junk) checkResult(decodeScenarioHash(j as string));
    counts.nonString = junk.length;
    for (let i = 0; i < 1500; i++) {
      const doc = JSON.parse(JSON.stringify(randomScenario(r))) as Record<string, any>;
      const sections = Object.keys(doc);
      for (let j = 0, n = 1 + int(6); j < n; j++) {
        const sec = pick(sections);
        const target = typeof doc[sec] === 'object' && doc[sec] !== null ? doc[sec] : doc;
        const key = pick([...Object.keys(target), 'junk', '__proto__']);
        target[key] = pick<unknown>([null, -1, 1e308, 'x', [], { a: { b: [1] } }, true, pick(WEIRD), [[['deep']]]]);
      }
      const out = parseScenario(doc);
      checkResult({ ...out, pinned: null, presetId: 'default' });
    }
    counts.jsonDocuments = 1500;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const ms = performance.now() - t0;
    console.log(
      `fuzz: ${total} inputs (${JSON.stringify(counts)}), ${withProblems} links reported problems, 0 throws, 0 invalid results, ${ms.toFixed(0)} ms`,
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  });

  it('round-trips 1,500 random valid scenarios against random presets', { timeout: 240_000 }, () => {
    let n = 0;
    for (let i = 0; i < 1500; i++) {
      const s = randomScenario(r);
      expect(ScenarioSchema.safeParse(s).success).toBe(true);
      const presetId = pick(PRESET_IDS);
      const hash = encodeScenarioHash(s, presetId);
      expect(hash.length).toBeLessThan(8000);
      const out = decodeScenarioHash(hash);
      expect(out.problems, hash).toEqual([]);
      expect(out.scenario).toEqual(s);
      expect(out.presetId).toBe(presetId);
      n++;
    }
    console.log(`round trip: ${n} random valid scenarios, encode -> decode identical`);
  });
});
