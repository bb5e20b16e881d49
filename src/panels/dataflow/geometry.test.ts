import { describe, expect, it } from 'vitest';
import { arrayGeometry, peAt, peCentre, stepPe } from './geometry';

describe('arrayGeometry', () => {
  it('hit-tests the centre of every PE back to that PE', () => {
    const geo = arrayGeometry({ rows: 5, cols: 7, width: 900, height: 700, dpr: 1, topQueue: true, bottomQueue: false });
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 7; c++) {
        expect(peAt(geo, geo.x0 + c * geo.pitch + geo.pitch / 2, geo.y0 + r * geo.pitch + geo.pitch / 2)).toEqual({ row: r, col: c });
      }
    }
    expect(peAt(geo, geo.x0 - 1, geo.y0 + 1)).toBeNull();
    expect(peAt(geo, geo.x0 + 7 * geo.pitch + 1, geo.y0 + 1)).toBeNull();
  });

  it('fits the array and its queues inside the canvas', () => {
    for (const [rows, cols] of [
      [4, 4],
      [16, 16],
      [128, 128],
      [256, 256],
      [3, 200],
    ]) {
      const geo = arrayGeometry({ rows, cols, width: 1000, height: 800, dpr: 1, topQueue: true, bottomQueue: true });
      expect(geo.pitch).toBeGreaterThanOrEqual(1);
      expect(geo.x0 - geo.leftQueue * geo.pitch).toBeGreaterThanOrEqual(0);
      expect(geo.x0 + cols * geo.pitch).toBeLessThanOrEqual(1000);
      expect(geo.y0 - geo.topQueue * geo.pitch).toBeGreaterThanOrEqual(0);
      expect(geo.y0 + (rows + geo.bottomQueue) * geo.pitch).toBeLessThanOrEqual(800);
    }
  });

  it('prints numbers up to 16x16 only', () => {
    const base = { width: 1800, height: 1800, dpr: 1, topQueue: false, bottomQueue: true };
    expect(arrayGeometry({ rows: 16, cols: 16, ...base }).showNumbers).toBe(true);
    expect(arrayGeometry({ rows: 17, cols: 16, ...base }).showNumbers).toBe(false);
  });
});

describe('keyboard inspection of a PE', () => {
  it('Shift+arrows walk the PEs, clamped to the array; other keys are not steps', () => {
    expect(stepPe(null, 'ArrowDown', 8, 8)).toEqual({ row: 0, col: 0 });
    expect(stepPe({ row: 0, col: 0 }, 'ArrowDown', 8, 8)).toEqual({ row: 1, col: 0 });
    expect(stepPe({ row: 3, col: 7 }, 'ArrowRight', 8, 8)).toEqual({ row: 3, col: 7 });
    expect(stepPe({ row: 0, col: 2 }, 'ArrowUp', 8, 8)).toEqual({ row: 0, col: 2 });
    expect(stepPe({ row: 5, col: 2 }, 'ArrowLeft', 8, 4)).toEqual({ row: 5, col: 1 });
    expect(stepPe({ row: 5, col: 2 }, 'Enter', 8, 8)).toBeNull();
  });

  it('the read-out anchors at the centre of the PE that peAt finds there', () => {
    const geo = arrayGeometry({ rows: 8, cols: 8, width: 1600, height: 1400, dpr: 2, topQueue: true, bottomQueue: true });
    for (const pe of [
      { row: 0, col: 0 },
      { row: 7, col: 3 },
    ]) {
      const c = peCentre(geo, pe, 2);
      expect(peAt(geo, c.x * 2, c.y * 2)).toEqual(pe);
    }
  });
});
