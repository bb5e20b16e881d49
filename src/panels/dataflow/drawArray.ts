// Draws one cycle of the systolic array on a canvas: PE fills and operand marks go
// straight into an ImageData buffer (one putImageData per frame, no per-PE canvas
// calls), text and arrows are drawn on top only when the array is small enough to read.
import { format } from 'd3';
import type { TraceWindow } from '../../engine/types';
import { valueStrip, type ArrayGeometry } from './geometry';
import type { FlowRoles, Operand } from './flowRoles';
import type { TraceSlot } from './traceCache';
import { foldGeometry, type GemmShape } from '../../engine/systolic/geometry';
import { drainedAt, type DrainedOutput, type SlotAt } from './drain';
import { inFlight, moves, transitPoint, type Move } from './transit';

/** Okabe-Ito colours (styles.css) as RGB triples. */
export const COLOURS = {
  background: [255, 255, 255],
  idle: [234, 234, 238],
  holding: [221, 234, 245],
  written: [248, 212, 186], // light vermillion: os, the PE's sum is in the ofmap
  active: [86, 180, 233], // sky: a MAC this cycle
  input: [230, 159, 0], // orange
  weight: [0, 158, 115], // green
  psum: [213, 94, 0], // vermillion
  hover: [29, 29, 31],
} as const;

const TEXT = { input: '#6b4500', weight: '#004d37', psum: '#7d3300' } as const;

type Rgb = readonly [number, number, number];
// ImageData is RGBA bytes; on little-endian machines a Uint32 reads them as ABGR.
const pack = ([r, g, b]: Rgb): number => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
const PACKED = {
  background: pack(COLOURS.background),
  idle: pack(COLOURS.idle),
  holding: pack(COLOURS.holding),
  written: pack(COLOURS.written),
  active: pack(COLOURS.active),
  input: pack(COLOURS.input),
  weight: pack(COLOURS.weight),
  psum: pack(COLOURS.psum),
};

export function valueOf(w: TraceWindow, operand: Operand, i: number): number {
  return operand === 'input' ? w.input[i] : operand === 'weight' ? w.weight[i] : w.psum[i];
}

export interface FrameRequest {
  /** The GEMM traced (maps an os PE to its output element). */
  gemm: GemmShape;
  geo: ArrayGeometry;
  roles: FlowRoles;
  /** Trace index of the state on screen (-1: empty array before the first cycle). */
  index: number;
  slotAt: SlotAt;
  hover: { row: number; col: number } | null;
  dpr: number;
  /**
   * How far (0..1) the moving operands are on their way to the state at index + 1: 0 draws
   * the cycle as it is (exports, paused, top speed, reduced motion).
   */
  t?: number;
}

/** The moves drawn in flight at this frame, with the next cycle's slot they land in (none at t = 0 or before it has loaded). */
function transitOf(f: FrameRequest): { next: TraceSlot; moves: Move[]; t: number } | null {
  const t = f.t ?? 0;
  if (t <= 0 || t >= 1) return null;
  const next = f.slotAt(f.index + 1);
  return next ? { next, moves: moves(f.roles), t } : null;
}

/** The edge an operand's mark sits on inside a PE box of side `s` at (x, y). */
function edgeRect(operand: Operand, x: number, y: number, s: number, strip: number): [number, number, number, number] {
  return operand === 'input' ? [x, y, strip, s] : operand === 'weight' ? [x, y, s, strip] : [x, y + s - strip, s, strip];
}

let scratch: ImageData | null = null;

function fillRect(u32: Uint32Array, stride: number, xf: number, yf: number, w: number, h: number, colour: number): void {
  // Marks in flight sit between pixels: snap, or a fractional row index would land in the wrong row.
  const x = Math.round(xf);
  const y = Math.round(yf);
  for (let yy = y; yy < y + h; yy++) {
    const base = yy * stride;
    u32.fill(colour, base + x, base + x + w);
  }
}

const compact = format('.2~s');
/** At most 5 characters, so a value fits a 28 px cell: 127, -128, -12k, 7.5k, 1.2M. */
export function shortNumber(v: number): string {
  return Math.abs(v) < 1000 ? String(v) : compact(v).replace('−', '-');
}

const OPERANDS: readonly Operand[] = ['input', 'weight', 'psum'];

export type PeFill = 'active' | 'written' | 'holding' | 'idle' | Operand;

/**
 * The fill of PE `i` of a window: what it is doing. Holding comes from the engine's flag,
 * not the value, so a stationary 0 is drawn as held. Without edge marks (tiny PEs) a
 * moving operand shows as the fill instead.
 */
export function peFill(w: TraceWindow, i: number, roles: FlowRoles, marks: boolean): PeFill {
  if (w.active[i] === 1) return 'active';
  if (!marks && valueOf(w, roles.horizontal, i) !== 0) return roles.horizontal;
  return w.written[i] === 1 ? 'written' : w.held[i] === 1 ? 'holding' : 'idle';
}

/** Where the shapes of a frame go: the canvas's pixel buffer, or an SVG document. */
export interface ShapeSink {
  /** PE (row, col): a square of side `s` at (x, y). */
  pe(row: number, col: number, x: number, y: number, s: number, fill: PeFill): void;
  /** An operand mark: on a PE's edge, queued beside the array, or drained below it. */
  mark(kind: 'edge' | 'transit' | 'queue' | 'drain', x: number, y: number, w: number, h: number, colour: Operand): void;
}

/**
 * Every filled shape of one frame, in drawing order, handed to `sink`: the one description of
 * what the array looks like at a cycle, so the canvas and the SVG export cannot disagree.
 * Returns the outputs drawn as drained.
 */
export function frameShapes(f: FrameRequest, sink: ShapeSink): DrainedOutput[] {
  const { geo, roles } = f;
  const { pitch, rows, cols, x0, y0 } = geo;
  const s = pitch - geo.gap; // inner square
  const strip = stripWidth(geo);
  const cur = f.slotAt(f.index);
  const n = rows * cols;
  const transit = strip > 0 ? transitOf(f) : null;
  // Queued operands advance with the ones in the array (the queue is the next cycles' column 0 / row 0).
  const shift = (transit?.t ?? 0) * pitch;

  // PEs.
  for (let r = 0; r < rows; r++) {
    const y = y0 + r * pitch;
    for (let c = 0; c < cols; c++) {
      const x = x0 + c * pitch;
      if (!cur) {
        sink.pe(r, c, x, y, s, 'idle');
        continue;
      }
      const w = cur.window;
      const i = cur.offset * n + r * cols + c;
      sink.pe(r, c, x, y, s, peFill(w, i, roles, strip > 0));
      if (strip === 0) continue;
      // Left edge: input; top edge: weight; bottom edge: psum.
      for (const operand of OPERANDS) {
        const move = transit?.moves.find((m) => m.operand === operand);
        if (!move) {
          if (valueOf(w, operand, i) !== 0) sink.mark('edge', ...edgeRect(operand, x, y, s, strip), operand);
          continue;
        }
        // In flight: the mark slides towards the PE that holds this value at the next cycle.
        if (inFlight(cur, transit!.next, rows, cols, r, c, move) === null) continue;
        const p = transitPoint(geo, r, c, move, transit!.t);
        sink.mark('transit', ...edgeRect(operand, p.x, p.y, s, strip), operand);
      }
    }
  }

  const inset = s >= 6 ? Math.max(1, Math.floor(s / 6)) : 0;
  const mark = (kind: 'queue' | 'drain', x: number, y: number, colour: Operand) => {
    const full = s - 2 * inset;
    // A queued value sliding in is cut at the array's edge: inside, the PE's edge mark shows it.
    const w = kind === 'queue' && x < x0 ? Math.min(full, x0 - geo.gap - (x + inset)) : full;
    const h = kind === 'queue' && y < y0 ? Math.min(full, y0 - geo.gap - (y + inset)) : full;
    if (w > 0 && h > 0) sink.mark(kind, x + inset, y + inset, w, h, colour);
  };

  // Left queue: what will reach column 0 in the next cycles, so row r is skewed by r.
  for (let d = 1; d <= geo.leftQueue; d++) {
    const slot = f.slotAt(f.index + d);
    if (!slot) continue;
    const x = x0 - d * pitch + shift;
    for (let r = 0; r < rows; r++) {
      const i = slot.offset * n + r * cols;
      if (slot.window.active[i] === 1 && valueOf(slot.window, roles.horizontal, i) !== 0)
        mark('queue', x, y0 + r * pitch, roles.horizontal);
    }
  }
  // Top queue (output stationary): weights about to reach row 0.
  for (let d = 1; d <= geo.topQueue; d++) {
    const slot = f.slotAt(f.index + d);
    if (!slot) continue;
    const y = y0 - d * pitch + shift;
    for (let c = 0; c < cols; c++) {
      const i = slot.offset * n + c;
      if (slot.window.active[i] === 1 && valueOf(slot.window, roles.vertical, i) !== 0) mark('queue', x0 + c * pitch, y, roles.vertical);
    }
  }
  // Drain (ws / is): the outputs the engine wrote in the last cycles, below the array. In
  // os they stay in their PEs, filled as written above.
  const drained = f.index >= 0 ? drainedAt(f.gemm, f.slotAt, f.index, geo.bottomQueue) : [];
  if (geo.bottomQueue > 0) for (const o of drained) mark('drain', x0 + o.col * pitch, y0 + o.row * pitch, 'psum');
  return drained;
}

/** The words around the array: which way each operand flows, and where outputs go. */
export function edgeLabels(f: Pick<FrameRequest, 'gemm' | 'geo' | 'roles'>): { horizontal: string; vertical: string; below: string } {
  const { roles, geo } = f;
  // With K folded, what leaves the bottom row is added to the earlier folds' sum: the box shows the sum.
  const below =
    geo.bottomQueue > 0
      ? foldGeometry(f.gemm).rowFolds > 1
        ? 'outputs ↓ to ofmap SRAM (each box: the ofmap value, earlier K folds added)'
        : 'outputs ↓ to ofmap SRAM'
      : 'outputs stay in their PEs; each is written to ofmap SRAM once its last MAC is done';
  return {
    horizontal: `${roles.horizontal === 'input' ? 'A' : 'B'} →`,
    vertical: roles.vertical === 'psum' ? 'partial sums ↓' : 'B ↓',
    below,
  };
}

/** The three values a PE prints, top to bottom, and the colours they print in. */
export function peValueLines(w: TraceWindow, i: number, roomy: boolean): { operand: Operand; text: string; colour: string; at: number }[] {
  // Roomy cells name each line; small ones rely on the colour (legend).
  const num = roomy ? String : shortNumber;
  return [
    { operand: 'input', text: `${roomy ? 'a ' : ''}${num(w.input[i])}`, colour: TEXT.input, at: 0.27 },
    { operand: 'weight', text: `${roomy ? 'b ' : ''}${num(w.weight[i])}`, colour: TEXT.weight, at: 0.5 },
    { operand: 'psum', text: `${roomy ? 'Σ ' : ''}${num(w.psum[i])}`, colour: TEXT.psum, at: 0.73 },
  ];
}

/** Cells wide enough to name each value line ("a 127") at the font size the values print in. */
export function roomyCells(geo: ArrayGeometry): boolean {
  return geo.pitch - geo.gap >= (geo.valuePx * 64) / 14;
}

/** Draws the frame; returns the outputs it drew as drained. */
export function drawArray(ctx: CanvasRenderingContext2D, f: FrameRequest): DrainedOutput[] {
  const { width, height } = f.geo;
  if (!scratch || scratch.width !== width || scratch.height !== height) scratch = ctx.createImageData(width, height);
  const u32 = new Uint32Array(scratch.data.buffer);
  u32.fill(PACKED.background);
  const drained = frameShapes(f, {
    pe: (_r, _c, x, y, s, fill) => fillRect(u32, width, x, y, s, s, PACKED[fill]),
    mark: (_kind, x, y, w, h, colour) => fillRect(u32, width, x, y, w, h, PACKED[colour]),
  });
  ctx.putImageData(scratch, 0, 0);
  drawOverlay(ctx, f, f.slotAt(f.index), drained);
  return drained;
}

/** Edge marks: thin when values are printed (the text must stay readable), bold otherwise; none on tiny PEs. */
export function stripWidth(geo: ArrayGeometry): number {
  const s = geo.pitch - geo.gap;
  return geo.showNumbers ? valueStrip(s) : s >= 5 ? Math.max(1, Math.floor(s / 5)) : 0;
}

function drawOverlay(ctx: CanvasRenderingContext2D, f: FrameRequest, cur: TraceSlot | null, drained: DrainedOutput[]): void {
  const { geo, dpr } = f;
  const { pitch, rows, cols, x0, y0 } = geo;
  const s = pitch - geo.gap;
  const n = rows * cols;
  ctx.save();
  ctx.textBaseline = 'middle';

  // Edge labels saying which way each operand flows.
  const labels = edgeLabels(f);
  ctx.fillStyle = '#5f6368';
  ctx.font = `${geo.labelPx}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.fillText(labels.horizontal, x0 - geo.gap - 2 * dpr, y0 - 10 * dpr - geo.topQueue * pitch);
  ctx.textAlign = 'left';
  ctx.fillText(labels.vertical, x0 + 8 * dpr, y0 - 10 * dpr - geo.topQueue * pitch);
  // Moved left, as far as the canvas edge, when it would run off the right (18 px presenter text, phones).
  const belowX = Math.max(2 * dpr, Math.min(x0, geo.width - ctx.measureText(labels.below).width - 2 * dpr));
  ctx.fillText(labels.below, belowX, y0 + (rows + geo.bottomQueue) * pitch + 10 * dpr);

  if (geo.showNumbers) {
    // Flow arrows in the gaps between PEs.
    ctx.fillStyle = '#8a8a90';
    const a = Math.max(2, geo.gap / 2.5);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x = x0 + c * pitch;
        const y = y0 + r * pitch;
        if (c < cols - 1) triangle(ctx, x + s + geo.gap / 2, y + s * 0.2, a, 'right');
        if (r < rows - 1) triangle(ctx, x + s * 0.8, y + s + geo.gap / 2, a, 'down');
      }
    }
    drawQueueValues(ctx, f, drained);
    if (cur) {
      ctx.font = `${geo.valuePx}px ui-monospace, Menlo, Consolas, monospace`;
      ctx.textAlign = 'center';
      const roomy = roomyCells(geo);
      const transit = transitOf(f);
      const w = cur.window;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const i = cur.offset * n + r * cols + c;
          for (const line of peValueLines(w, i, roomy)) {
            // A value in flight travels with its mark; one that is not carried on is not drawn.
            const move = transit?.moves.find((m) => m.operand === line.operand);
            if (move && inFlight(cur, transit!.next, rows, cols, r, c, move) === null) continue;
            const p = move ? transitPoint(geo, r, c, move, transit!.t) : { x: x0 + c * pitch, y: y0 + r * pitch };
            ctx.fillStyle = line.colour;
            ctx.fillText(line.text, p.x + s / 2, p.y + s * line.at);
          }
        }
      }
    }
  }

  if (f.hover) {
    ctx.strokeStyle = '#1d1d1f';
    ctx.lineWidth = Math.max(1, Math.round(2 * dpr));
    ctx.strokeRect(x0 + f.hover.col * pitch - 1, y0 + f.hover.row * pitch - 1, s + 2, s + 2);
  }
  ctx.restore();
}

/** Values in the queue and drain marks, for arrays small enough to print numbers. */
function drawQueueValues(ctx: CanvasRenderingContext2D, f: FrameRequest, drained: DrainedOutput[]): void {
  const { geo, roles } = f;
  const { pitch, rows, cols, x0, y0 } = geo;
  const s = pitch - geo.gap;
  const n = rows * cols;
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.font = `${geo.queuePx}px ui-monospace, Menlo, Consolas, monospace`;
  // Queued values advance with the array's (frameShapes shifts their marks the same way).
  const shift = (transitOf(f)?.t ?? 0) * pitch;
  for (let d = 1; d <= geo.leftQueue; d++) {
    const slot = f.slotAt(f.index + d);
    if (!slot) continue;
    for (let r = 0; r < rows; r++) {
      const i = slot.offset * n + r * cols;
      const v = valueOf(slot.window, roles.horizontal, i);
      // Not on a box half into the array (cut at its edge): the value reaches the PE at the next cycle.
      if (slot.window.active[i] === 1 && v !== 0 && (d > 1 || shift === 0))
        ctx.fillText(shortNumber(v), x0 - d * pitch + shift + s / 2, y0 + r * pitch + s / 2);
    }
  }
  for (let d = 1; d <= geo.topQueue; d++) {
    const slot = f.slotAt(f.index + d);
    if (!slot) continue;
    for (let c = 0; c < cols; c++) {
      const i = slot.offset * n + c;
      const v = valueOf(slot.window, roles.vertical, i);
      if (slot.window.active[i] === 1 && v !== 0 && (d > 1 || shift === 0))
        ctx.fillText(shortNumber(v), x0 + c * pitch + s / 2, y0 - d * pitch + shift + s / 2);
    }
  }
  // Every drained output is printed, 0 included: it was written.
  if (geo.bottomQueue > 0)
    for (const o of drained) ctx.fillText(shortNumber(o.value), x0 + o.col * pitch + s / 2, y0 + o.row * pitch + s / 2);
}

function triangle(ctx: CanvasRenderingContext2D, x: number, y: number, a: number, dir: 'right' | 'down'): void {
  ctx.beginPath();
  if (dir === 'right') {
    ctx.moveTo(x - a / 2, y - a);
    ctx.lineTo(x + a / 2, y);
    ctx.lineTo(x - a / 2, y + a);
  } else {
    ctx.moveTo(x - a, y - a / 2);
    ctx.lineTo(x, y + a / 2);
    ctx.lineTo(x + a, y - a / 2);
  }
  ctx.fill();
}
