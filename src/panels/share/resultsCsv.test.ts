import { describe, expect, it } from 'vitest';
import { csvCell } from './resultsCsv';

describe('csvCell', () => {
  it('writes numbers that are not finite (no fit) as empty cells, not NaN or Infinity', () => {
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(false)).toBe('false');
  });
});
