import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { jsonErrorAt, jsonErrorWhere, lineColumn } from './jsonErrorAt';
import { lcg } from '../engine/systolic/testUtil';

const valid = (t: string): boolean => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};
/** V8 names a position for most syntax errors ("... in JSON at position 7"). */
const v8Position = (t: string): number | null => {
  try {
    JSON.parse(t);
    return null;
  } catch (e) {
    const m = /at position (\d+)/.exec((e as Error).message);
    return m ? Number(m[1]) : null;
  }
};

describe('jsonErrorAt', () => {
  it('finds the first bad character of hand-picked texts', () => {
    expect(jsonErrorAt('{"a":1}')).toBeNull();
    expect(jsonErrorAt(' [1, -2.5e3, "x\\u00e9", true, false, null, {}, []] ')).toBeNull();
    expect(jsonErrorAt('\x1b[31mred')).toBe(0);
    expect(jsonErrorAt('{"a":\x1b]0;x\x07}')).toBe(5);
    expect(jsonErrorAt('{"a":1,}')).toBe(7);
    expect(jsonErrorAt('{"a":1')).toBe(6);
    expect(jsonErrorAt('')).toBe(0);
    expect(jsonErrorAt('"tab\there"')).toBe(4);
    expect(jsonErrorAt('[1] 2')).toBe(4);
    expect(jsonErrorAt('"\\x"')).toBe(2);
    expect(jsonErrorAt('[01]')).toBe(2);
  });

  it('agrees with JSON.parse on thousands of mutated scenario files, and with V8 positions where V8 gives one', () => {
    const text = JSON.stringify(DEFAULT_SCENARIO, null, 2);
    const rand = lcg(12);
    const alphabet = '{}[]:,"\\ 0123456789-+.eEtrufalsn\n\x1b\x07u';
    let positioned = 0;
    for (let q = 0; q < 3000; q++) {
      let t = text;
      for (let e = rand(1, 3); e > 0; e--) {
        const at = rand(0, t.length);
        const op = rand(0, 2);
        const ch = alphabet[rand(0, alphabet.length - 1)];
        t =
          op === 0
            ? t.slice(0, at) + t.slice(at + 1)
            : op === 1
              ? t.slice(0, at) + ch + t.slice(at)
              : t.slice(0, at) + ch + t.slice(at + 1);
      }
      const at = jsonErrorAt(t);
      expect(at === null, JSON.stringify(t)).toBe(valid(t));
      const v8 = v8Position(t);
      if (v8 !== null) {
        positioned++;
        expect(at, JSON.stringify(t)).toBe(v8);
      }
    }
    expect(positioned).toBeGreaterThan(500);
  });

  it('counts lines and columns from 1, and says where without quoting the text', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('x', 0)).toEqual({ line: 1, column: 1 });
    expect(jsonErrorWhere('{\n  "a": \x1b[31m}')).toBe('at line 2, column 8 (character 10 of 15)');
    expect(jsonErrorWhere('[1,')).toBe('it ends early (after 3 characters)');
  });
});
