// What the canvas shows as drained at a cycle, read only from the trace's record of the
// ofmap writes, so the drawing can never show an output the engine has not written.
import type { GemmShape } from '../../engine/systolic/geometry';
import { foldAt, foldGeometry } from '../../engine/systolic/geometry';
import type { TraceSlot } from './traceCache';

/** Trace slot for a trace index, or null (not loaded, or outside the run). */
export type SlotAt = (traceIndex: number) => TraceSlot | null;

export interface DrainedOutput {
  /** The output element O[m][n] and the value the ofmap holds for it after the write. */
  m: number;
  n: number;
  value: number;
  /** Canvas cell, in PE pitches from PE (0, 0): below the array (row >= rows) for ws / is, the PE itself for os. */
  row: number;
  col: number;
}

/**
 * ws / is: the outputs written in the last `depth` cycles up to trace index `index`, the
 * newest just below the array and each older one a cell further down (it left the bottom
 * row that many cycles ago). os: the outputs of the current fold already written; they
 * stay in their PEs.
 */
export function drainedAt(g: GemmShape, slotAt: SlotAt, index: number, depth: number): DrainedOutput[] {
  const out: DrainedOutput[] = [];
  const { rows, cols } = g;
  if (g.dataflow === 'os') {
    const slot = slotAt(index);
    if (!slot) return out;
    const w = slot.window;
    const f = foldAt(g, foldGeometry(g), w.fold[slot.offset]);
    const base = slot.offset * rows * cols;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        if (w.written[base + i * cols + j] === 1)
          out.push({ m: f.fr * rows + i, n: f.fc * cols + j, value: w.psum[base + i * cols + j], row: i, col: j });
    return out;
  }
  for (let d = 1; d <= depth; d++) {
    const slot = slotAt(index - d + 1);
    if (!slot) continue;
    const w = slot.window;
    for (let j = 0; j < cols; j++) {
      const k = slot.offset * cols + j;
      if (w.ofmapRow[k] >= 0) out.push({ m: w.ofmapRow[k], n: w.ofmapCol[k], value: w.ofmapValue[k], row: rows - 1 + d, col: j });
    }
  }
  return out;
}
