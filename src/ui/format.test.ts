import { describe, expect, it } from 'vitest';
import { formatMs } from './format';

describe('formatMs', () => {
  it('writes zero in ms and picks µs, ms or s by size', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.5)).toMatch(/^500 µs$/);
    expect(formatMs(12.5)).toMatch(/ ms$/);
    expect(formatMs(20_000)).toMatch(/ s$/);
    expect(formatMs(Number.NaN)).toBe('-');
  });
});
