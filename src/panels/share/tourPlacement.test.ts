import { describe, expect, it } from 'vitest';
import { placeTourBox, type Rect } from './tourPlacement';

const view = { width: 1280, height: 720 };
const box = { width: 384, height: 252 };
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeTourBox', () => {
  it('goes beside a target that leaves room on the right, lined up with its top', () => {
    const t = { left: 20, top: 300, width: 800, height: 200 };
    const p = placeTourBox(t, box, view);
    expect(p.side).toBe('right');
    expect(p.top).toBe(300);
    expect(overlaps({ ...p, ...box }, t)).toBe(false);
  });
  it('stays on screen when the target sits low', () => {
    const p = placeTourBox({ left: 20, top: 600, width: 800, height: 100 }, box, view);
    expect(p.top + box.height).toBeLessThanOrEqual(view.height - 8);
  });
  it('goes below a full-width target with room under it, above one with room over it', () => {
    expect(placeTourBox({ left: 0, top: 60, width: 1280, height: 300 }, box, view).side).toBe('below');
    expect(placeTourBox({ left: 0, top: 400, width: 1280, height: 300 }, box, view).side).toBe('above');
  });
  it('says so when no side has room', () => {
    expect(placeTourBox({ left: 0, top: 0, width: 1280, height: 720 }, box, view).clear).toBe(false);
  });
});
