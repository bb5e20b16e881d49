// Where the presenter-mode tour box goes: beside the step's target (right, then left), else
// below or above it, whichever side first has room for the whole box; then slid along that
// side to line up with the target and stay on screen. Pure, so it is unit-tested.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
export type Side = 'right' | 'left' | 'below' | 'above';
export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** False when no side had room: the box then sits where it covers the least of the target. */
  clear: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** `gap`: space kept between the box and the target, and between the box and the viewport's edge. */
export function placeTourBox(
  target: Rect | null,
  box: { width: number; height: number },
  view: { width: number; height: number },
  gap = 8,
): Placement {
  const maxLeft = Math.max(gap, view.width - box.width - gap);
  const maxTop = Math.max(gap, view.height - box.height - gap);
  if (!target) return { left: maxLeft, top: gap, side: 'right', clear: true };
  const right = target.left + target.width;
  const bottom = target.top + target.height;
  // Room on each side, in the direction the box would extend.
  const room: Record<Side, number> = {
    right: view.width - right - gap,
    left: target.left - gap,
    below: view.height - bottom - gap,
    above: target.top - gap,
  };
  const need: Record<Side, number> = { right: box.width + gap, left: box.width + gap, below: box.height + gap, above: box.height + gap };
  const at = (side: Side): { left: number; top: number } => {
    switch (side) {
      case 'right':
        return { left: right + gap, top: clamp(target.top, gap, maxTop) };
      case 'left':
        return { left: target.left - gap - box.width, top: clamp(target.top, gap, maxTop) };
      case 'below':
        return { left: clamp(target.left, gap, maxLeft), top: bottom + gap };
      case 'above':
        return { left: clamp(target.left, gap, maxLeft), top: target.top - gap - box.height };
    }
  };
  const order: Side[] = ['right', 'left', 'below', 'above'];
  const fits = order.find((s) => room[s] >= need[s]);
  if (fits) return { ...at(fits), side: fits, clear: true };
  const most = order.reduce((a, b) => (room[b] / need[b] > room[a] / need[a] ? b : a));
  const p = at(most);
  return { left: clamp(p.left, gap, maxLeft), top: clamp(p.top, gap, maxTop), side: most, clear: false };
}
