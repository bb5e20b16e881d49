import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  it('writes numbers that are not finite (no fit) as empty cells, not NaN or Infinity', () => {
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(false)).toBe('false');
  });

  it('guards text a spreadsheet would run as a formula with a leading single quote', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    // A carriage return both triggers the guard and needs quotes.
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    // Guarded and quoted: the quote goes inside the enclosing quotes.
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Only the first character matters.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Llama 3 70B')).toBe('Llama 3 70B');
  });

  it('keeps negative numbers numeric, as numbers or as plain numeric text', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(-1e-7)).toBe('-1e-7');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-1.5e3')).toBe('-1.5e3');
    // Not a plain number: guarded.
    expect(csvCell('-5+cmd')).toBe("'-5+cmd");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('+5')).toBe("'+5");
  });

  it('quotes as RFC 4180 requires: quotes, commas and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvLine(['x', 1, '=y', true])).toBe("x,1,'=y,true");
  });
});
