import { describe, expect, it } from 'vitest';
import { overlapArea, placeLabels, segmentHitsBox, type Box } from './labelPlace';

const bounds: Box = { x: 0, y: 0, w: 400, h: 300 };

describe('label placement', () => {
  it('detects a segment through a box and misses one beside it', () => {
    const b = { x: 10, y: 10, w: 20, h: 10 };
    expect(segmentHitsBox(0, 15, 100, 15, b)).toBe(true);
    expect(segmentHitsBox(0, 0, 100, 0, b)).toBe(false);
    expect(segmentHitsBox(15, 0, 15, 5, b)).toBe(false);
  });

  it('keeps two labels of one point apart, inside the bounds', () => {
    const req = (id: string) => ({ id, ax: 200, ay: 150, w: 80, h: 14, gap: 8 });
    const [a, b] = placeLabels([req('a'), req('b')], { bounds, boxes: [], lines: [] });
    expect(overlapArea(a, b)).toBe(0);
    for (const p of [a, b]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(400);
    }
  });

  it('moves a label off a line that runs through its preferred spot', () => {
    // A horizontal line just right of the point, where 'e' would put the label.
    const line: [number, number][] = [
      [0, 150],
      [400, 150],
    ];
    const [p] = placeLabels([{ id: 'a', ax: 200, ay: 150, w: 60, h: 14, gap: 8, prefer: ['e'] }], { bounds, boxes: [], lines: [line] });
    expect(segmentHitsBox(0, 150, 400, 150, p)).toBe(false);
  });

  it('stays inside the plot next to an edge', () => {
    const [p] = placeLabels([{ id: 'a', ax: 395, ay: 5, w: 60, h: 14, gap: 8, prefer: ['ne'] }], { bounds, boxes: [], lines: [] });
    expect(p.x + p.w).toBeLessThanOrEqual(400);
    expect(p.y).toBeGreaterThanOrEqual(0);
  });
});
