// Where a JSON text first goes wrong, as a character index, so an error can name a position
// instead of quoting the input (V8's "Unexpected token" messages quote it, escape codes and
// all, and give no position). Iterative: nesting depth costs no stack.

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const HEX4 = /^[0-9a-fA-F]{4}$/;
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

/** Index of the first character that makes `text` invalid JSON (text.length: it ends early), or null when valid. */
export function jsonErrorAt(text: string): number | null {
  const n = text.length;
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = (): void => {
    while (i < n && isSpace(text[i])) i++;
  };
  /** Reads a string at i; returns the error index or -1. */
  const string = (): number => {
    if (text[i] !== '"') return i < n ? i : n;
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return -1;
      }
      if (c < ' ') return i;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return Math.min(i + 2, n);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return Math.min(i + 1, n);
        continue;
      }
      i++;
    }
    return n;
  };
  const digits = (): boolean => {
    const from = i;
    while (i < n && text[i] >= '0' && text[i] <= '9') i++;
    return i > from;
  };
  /** Reads a number at i; returns the index where a digit was due, or -1. */
  const number = (): number => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return i;
    if (text[i] === '.') {
      i++;
      if (!digits()) return i;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return i;
    }
    return -1;
  };
  /** After '{' or ',' in an object: a key and a colon. */
  const key = (): number => {
    skip();
    const e = string();
    if (e >= 0) return e;
    skip();
    if (text[i] !== ':') return i < n ? i : n;
    i++;
    return -1;
  };

  let wantValue = true;
  for (;;) {
    skip();
    if (wantValue) {
      if (i >= n) return n;
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          wantValue = false;
          continue;
        }
        stack.push(c);
        if (c === '{') {
          const e = key();
          if (e >= 0) return e;
        }
        continue;
      }
      if (c === '"') {
        const e = string();
        if (e >= 0) return e;
      } else if (c in LITERALS) {
        // The first character that departs from the word is the bad one.
        const word = LITERALS[c];
        for (let w = 0; w < word.length; w++, i++) if (text[i] !== word[w]) return i < n ? i : n;
      } else {
        const e = number();
        if (e >= 0) return e;
      }
      wantValue = false;
      continue;
    }
    if (stack.length === 0) return i < n ? i : null;
    if (i >= n) return n;
    const top = stack[stack.length - 1];
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{') {
        const e = key();
        if (e >= 0) return e;
      }
      wantValue = true;
    } else if (c === (top === '{' ? '}' : ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}

/** 1-based line and column of character index `at`. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** Where invalid JSON goes wrong, in words, naming no input: "at line 3, column 7 (character 31 of 80)". */
export function jsonErrorWhere(text: string): string {
  const at = jsonErrorAt(text) ?? 0;
  if (at >= text.length) return `it ends early (after ${text.length} characters)`;
  const { line, column } = lineColumn(text, at);
  return `at line ${line}, column ${column} (character ${at + 1} of ${text.length})`;
}
