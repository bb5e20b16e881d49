import { describe, expect, it } from 'vitest';
import { CYCLES_PER_SECOND, advance, clampCycle, keyAction, traceIndex } from './playback';

describe('playback', () => {
  it('advances by elapsed time x speed and carries the fraction', () => {
    // Half a cycle at 1x: no move, the half is carried.
    const half = advance(3, 0, 500 / CYCLES_PER_SECOND, 1, 100);
    expect(half.cycle).toBe(3);
    expect(half.carry).toBeCloseTo(0.5);
    const next = advance(3, half.carry, 500 / CYCLES_PER_SECOND, 1, 100);
    expect(next.cycle).toBe(4);
    // 8x for 1/8 s at 6 cycles/s: 6 cycles.
    expect(advance(0, 0, 125, 8, 100).cycle).toBe(Math.floor(0.125 * CYCLES_PER_SECOND * 8));
  });

  it('stops at the last cycle and caps a long frame', () => {
    const end = advance(98, 0, 200, 8, 100);
    expect(end.cycle).toBe(100);
    expect(end.ended).toBe(true);
    // A 10 s pause (tab in background) moves at most 250 ms worth.
    expect(advance(0, 0, 10_000, 1, 1000).cycle).toBe(Math.floor(0.25 * CYCLES_PER_SECOND));
  });

  it('clamps cycles into 0..total and maps them to trace indices', () => {
    expect(clampCycle(-3, 10)).toBe(0);
    expect(clampCycle(12, 10)).toBe(10);
    expect(clampCycle(Number.NaN, 10)).toBe(0);
    expect(traceIndex(0)).toBe(-1);
    expect(traceIndex(10)).toBe(9);
  });

  it('maps keys to commands', () => {
    expect(keyAction(' ')).toBe('toggle');
    expect(keyAction('ArrowLeft')).toBe('back');
    expect(keyAction('ArrowRight')).toBe('forward');
    expect(keyAction('End')).toBe('end');
    expect(keyAction('a')).toBeNull();
  });
});

describe('ownsKey', () => {
  it('leaves typing to text fields and arrows to sliders, but takes Space from a slider', async () => {
    const { ownsKey } = await import('./playback');
    const fake = (tagName: string, type = '') => ({ tagName, type, isContentEditable: false }) as unknown as Element;
    expect(ownsKey(fake('INPUT', 'text'), 'toggle')).toBe(true);
    expect(ownsKey(fake('INPUT', 'range'), 'back')).toBe(true);
    expect(ownsKey(fake('INPUT', 'range'), 'toggle')).toBe(false);
    expect(ownsKey(fake('SELECT'), 'forward')).toBe(true);
    expect(ownsKey(fake('CANVAS'), 'toggle')).toBe(false);
    expect(ownsKey(null, 'toggle')).toBe(false);
  });
});
