// Where the array, its operand queues and its drain sit on the canvas, in device pixels,
// and which PE a pointer is over. Pure, so hit-testing and drawing agree by construction.

export interface ArrayGeometry {
  rows: number;
  cols: number;
  /** Side of one PE square including its gap, device px. */
  pitch: number;
  /** Gap between PEs, device px (0 when PEs are tiny). */
  gap: number;
  /** Top-left corner of PE (0, 0). */
  x0: number;
  y0: number;
  /** Depth of the operand queue drawn left of the array (cells). */
  leftQueue: number;
  /** Depth of the queue drawn above the array (cells). */
  topQueue: number;
  /** Depth of the drain drawn below the array (cells). */
  bottomQueue: number;
  width: number;
  height: number;
  /** PE values are legible (numbers drawn in cells) at `valuePx`, never under the text floor. */
  showNumbers: boolean;
  /** Font size of the words around the array, device px. */
  labelPx: number;
  /** Font size of the values printed in PEs, device px (meaningful when showNumbers). */
  valuePx: number;
  /** Font size of the values in queue and drain cells, device px. */
  queuePx: number;
}

export interface GeometryInput {
  rows: number;
  cols: number;
  /** Canvas size, device px. */
  width: number;
  height: number;
  dpr: number;
  topQueue: boolean;
  bottomQueue: boolean;
  /**
   * Smallest text allowed on the canvas, CSS px (presenter mode: PRESENTER_MIN_TEXT_PX). Values
   * that would print smaller are not printed at all; 0 keeps the normal sizes.
   */
  textFloor?: number;
}

/** Queue depth in cells: enough to see the skew, not so much it crowds the array. */
export function queueDepth(rows: number, cols: number): number {
  const n = Math.max(rows, cols);
  if (n <= 16) return 4;
  // Capped: every queued cycle is trace data to fetch and keep.
  return Math.min(10, Math.max(6, Math.round(n / 12)));
}

/** Smallest PE pitch (CSS px) at which values are printed in the cells. */
export const NUMBER_PITCH = 28;
/** Up to this many PEs a side the canvas grows tall enough to print values. */
export const NUMBER_MAX_SIDE = 16;

/** Room for edge labels, CSS px, at the normal 12 px label size. */
const LABEL_MARGIN = 22;
/** Text sizes on the canvas in CSS px: labels, and the range PE values are printed in. */
const LABEL_PX = 12;
const VALUE_PX = { min: 8, max: 14 };

/** Width of the thin operand marks on the edges of a PE of side `s` that prints its values. */
export function valueStrip(s: number): number {
  return Math.max(2, Math.floor(s / 14));
}

/** Margin (CSS px) that holds the edge labels at the text floor. */
function labelMargin(textFloor = 0): number {
  return LABEL_MARGIN + Math.max(0, textFloor - LABEL_PX);
}

/** Gap between PEs at a pitch (device px). Wide gaps on readable arrays leave room for the flow arrows. */
function gapFor(pitch: number, dpr: number): number {
  const gap = pitch >= 56 * dpr ? 8 * dpr : pitch >= 24 ? 5 * dpr : pitch >= 6 ? 1 : 0;
  return Math.min(gap, Math.floor(pitch / 3));
}

/** The largest font (device px) three lines of values fit in at a pitch: about a third of the cell, less its edge marks. */
function valueFits(pitch: number, dpr: number): number {
  const s = pitch - gapFor(pitch, dpr);
  return Math.floor((s - 2 * valueStrip(s)) / 3.1);
}

/** Smallest PE pitch (CSS px) at which values print at `textFloor` px (NUMBER_PITCH without a floor). */
export function numberPitch(textFloor: number): number {
  if (textFloor <= 0) return NUMBER_PITCH;
  let p = NUMBER_PITCH;
  while (valueFits(p, 1) < textFloor) p++;
  return p;
}

export function arrayGeometry(g: GeometryInput): ArrayGeometry {
  const floor = g.textFloor ?? 0;
  const margin = labelMargin(floor) * g.dpr;
  const q = queueDepth(g.rows, g.cols);
  const topQueue = g.topQueue ? q : 0;
  const bottomQueue = g.bottomQueue ? q : 0;
  const acrossCells = g.cols + q;
  const downCells = g.rows + topQueue + bottomQueue;
  const pitch = Math.max(1, Math.floor(Math.min((g.width - 2 * margin) / acrossCells, (g.height - 2 * margin) / downCells)));
  const usedW = acrossCells * pitch;
  const usedH = downCells * pitch;
  const x0 = Math.floor((g.width - usedW) / 2) + q * pitch;
  const y0 = Math.floor((g.height - usedH) / 2) + topQueue * pitch;
  const gapPx = gapFor(pitch, g.dpr);
  const s = pitch - gapPx;
  const lo = Math.max(VALUE_PX.min, floor) * g.dpr;
  const hi = Math.max(VALUE_PX.max, floor) * g.dpr;
  const fits = valueFits(pitch, g.dpr);
  const valuePx = Math.max(lo, Math.min(hi, fits));
  // Under a text floor a value that does not fit is not printed (never shrunk below it).
  const legible = floor > 0 ? fits >= lo : pitch >= NUMBER_PITCH * g.dpr;
  return {
    rows: g.rows,
    cols: g.cols,
    pitch,
    gap: gapPx,
    x0,
    y0,
    leftQueue: q,
    topQueue,
    bottomQueue,
    width: g.width,
    height: g.height,
    // Three short lines of text need about 28 CSS px.
    showNumbers: g.rows <= NUMBER_MAX_SIDE && g.cols <= NUMBER_MAX_SIDE && pitch >= NUMBER_PITCH * g.dpr && legible,
    labelPx: Math.max(LABEL_PX, floor) * g.dpr,
    valuePx,
    queuePx: Math.max(lo, Math.min(hi, Math.floor(s / 3.4))),
  };
}

/** The PE under a point (device px), or null when outside the array. */
export function peAt(geo: ArrayGeometry, x: number, y: number): { row: number; col: number } | null {
  const col = Math.floor((x - geo.x0) / geo.pitch);
  const row = Math.floor((y - geo.y0) / geo.pitch);
  if (col < 0 || row < 0 || col >= geo.cols || row >= geo.rows) return null;
  return { row, col };
}

/** Height (CSS px) the canvas needs so PEs are square for a given width. */
export function preferredHeight(
  rows: number,
  cols: number,
  widthCss: number,
  topQueue: boolean,
  bottomQueue: boolean,
  maxCss: number,
  textFloor = 0,
  /** With a text floor: grow to print values only if that still fits this height (presenter mode: one screen). */
  screenCss = Infinity,
): number {
  const margin = labelMargin(textFloor);
  const q = queueDepth(rows, cols);
  const across = cols + q;
  const down = rows + (topQueue ? q : 0) + (bottomQueue ? q : 0);
  const pitch = (widthCss - 2 * margin) / across;
  // Small arrays print their values: allow the height that needs, whatever the window.
  const needed = down * (textFloor > 0 ? numberPitch(textFloor) + 1 : NUMBER_PITCH + 10) + 2 * margin;
  const cap = rows <= NUMBER_MAX_SIDE && cols <= NUMBER_MAX_SIDE && needed <= screenCss ? Math.max(maxCss, needed) : maxCss;
  return Math.min(cap, Math.max(220, Math.ceil(pitch * down + 2 * margin)));
}

const PE_STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The PE a Shift+arrow key moves the keyboard's inspection to (the first press picks the top-left
 * PE), or null when the key is not a PE step. Plain arrows stay playback's.
 */
export function stepPe(
  from: { row: number; col: number } | null,
  key: string,
  rows: number,
  cols: number,
): { row: number; col: number } | null {
  const d = PE_STEPS[key];
  if (!d) return null;
  if (!from) return { row: 0, col: 0 };
  return {
    row: Math.min(rows - 1, Math.max(0, from.row + d[0])),
    col: Math.min(cols - 1, Math.max(0, from.col + d[1])),
  };
}

/** Centre of a PE in CSS px (where the keyboard's inspection anchors the read-out). */
export function peCentre(geo: ArrayGeometry, pe: { row: number; col: number }, dpr: number): { x: number; y: number } {
  const half = (geo.pitch - geo.gap) / 2;
  return { x: (geo.x0 + pe.col * geo.pitch + half) / dpr, y: (geo.y0 + pe.row * geo.pitch + half) / dpr };
}
