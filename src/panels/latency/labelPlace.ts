// Where to put a chart's point labels so that none overprints another label, a marker, a line
// of the chart or leaves the plot: each label tries positions around its point, nearest first,
// and takes the first free one; if none is free it takes the least crowded and is drawn with a
// leader line to its point. Pure geometry in SVG units, so it is unit-tested without a DOM.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** The point labelled. */
  ax: number;
  ay: number;
  w: number;
  h: number;
  /** Clearance from the point to the nearest edge of the label (e.g. the marker's radius + a gap). */
  gap: number;
  /** Directions tried first, e.g. ['w', 'nw'] for a label that should sit left of its point. */
  prefer?: Direction[];
}

export type Direction = 'e' | 'w' | 'n' | 's' | 'ne' | 'nw' | 'se' | 'sw';

export interface PlacedLabel extends Box {
  id: string;
  ax: number;
  ay: number;
  /** True when the label had to move away from its point: draw a line from it to the point. */
  leader: boolean;
}

export interface Obstacles {
  /** Labels must stay inside this box. */
  bounds: Box;
  /** Boxes no label may cover (markers, fixed texts). */
  boxes: Box[];
  /** Polylines no label may cross (roofs, curves), as lists of [x, y]. */
  lines: [number, number][][];
  /** Space kept between a label and anything else. */
  pad?: number;
}

const ALL: Direction[] = ['e', 'w', 'n', 's', 'ne', 'nw', 'se', 'sw'];

/** The box of a label `d` away from its point in direction `dir`. */
function boxAt(r: LabelRequest, dir: Direction, d: number): Box {
  const { ax, ay, w, h } = r;
  const diag = d * 0.72;
  switch (dir) {
    case 'e':
      return { x: ax + d, y: ay - h / 2, w, h };
    case 'w':
      return { x: ax - d - w, y: ay - h / 2, w, h };
    case 'n':
      return { x: ax - w / 2, y: ay - d - h, w, h };
    case 's':
      return { x: ax - w / 2, y: ay + d, w, h };
    case 'ne':
      return { x: ax + diag, y: ay - diag - h, w, h };
    case 'nw':
      return { x: ax - diag - w, y: ay - diag - h, w, h };
    case 'se':
      return { x: ax + diag, y: ay + diag, w, h };
    case 'sw':
      return { x: ax - diag - w, y: ay + diag, w, h };
  }
}

/** Area two boxes share, each grown by `pad`. */
export function overlapArea(a: Box, b: Box, pad = 0): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + 2 * pad;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + 2 * pad;
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether the segment (x0,y0)-(x1,y1) passes through the box (Liang-Barsky clipping). */
export function segmentHitsBox(x0: number, y0: number, x1: number, y1: number, b: Box): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - b.x],
    [dx, b.x + b.w - x0],
    [-dy, y0 - b.y],
    [dy, b.y + b.h - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

const grow = (b: Box, pad: number): Box => ({ x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad });

/** How badly a candidate collides: 0 when it is free. */
function cost(b: Box, placed: Box[], o: Obstacles): number {
  const pad = o.pad ?? 2;
  const { bounds } = o;
  let c = 0;
  const outside = Math.max(0, bounds.x - b.x) + Math.max(0, b.x + b.w - bounds.x - bounds.w);
  const outsideY = Math.max(0, bounds.y - b.y) + Math.max(0, b.y + b.h - bounds.y - bounds.h);
  c += (outside + outsideY) * 1000;
  for (const p of placed) c += overlapArea(b, p, pad) * 10;
  for (const p of o.boxes) c += overlapArea(b, p, pad) * 10;
  const g = grow(b, pad);
  for (const line of o.lines)
    for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1][0], line[i - 1][1], line[i][0], line[i][1], g)) c += 500;
  return c;
}

/** Places the labels in order (earlier ones win the better spots). */
export function placeLabels(requests: LabelRequest[], o: Obstacles): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const dirs = [...(r.prefer ?? []), ...ALL.filter((d) => !(r.prefer ?? []).includes(d))];
    let best: { b: Box; c: number; far: boolean } | null = null;
    outer: for (const [i, scale] of [1, 1.8, 2.8, 4, 5.5, 7.5].entries()) {
      for (const dir of dirs) {
        const b = boxAt(r, dir, r.gap * scale + (i === 0 ? 0 : r.h * 0.5 * i));
        const c = cost(b, placed, o);
        if (!best || c < best.c) best = { b, c, far: i > 1 };
        if (c === 0) break outer;
      }
    }
    const b = best!.b;
    placed.push({ ...b, id: r.id, ax: r.ax, ay: r.ay, leader: best!.far });
  }
  return placed;
}
