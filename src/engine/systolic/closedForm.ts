// The cycle model in closed form: the same figures the stepping engine counts, without
// stepping, for shapes of any size. Proven equal to stepping by closedForm.test.ts.
import type { GemmResult, SramCounts } from '../types';
import type { GemmScenario } from '../../scenario/types';
import { foldAt, foldGeometry, type FoldGeometry, type GemmShape } from './geometry';
import { scaleSimFigures } from './scalesim';
import { closedFormSram } from './sram';

/** `foldCycles` lists at most this many folds (every fold has the same length). */
export const FOLD_CYCLES_LIMIT = 65536;

export function foldCyclesList(geo: FoldGeometry): number[] {
  return new Array<number>(Math.min(geo.folds, FOLD_CYCLES_LIMIT)).fill(geo.foldLength);
}

export function closedFormGemm(g: GemmScenario): GemmResult {
  const geo = foldGeometry(g);
  const cycles = geo.folds * geo.foldLength;
  const macs = g.m * g.n * g.k;
  return {
    engine: 'closed-form',
    rows: g.rows,
    cols: g.cols,
    dataflow: g.dataflow,
    m: g.m,
    k: g.k,
    n: g.n,
    cycles,
    folds: geo.folds,
    foldCycles: foldCyclesList(geo),
    utilization: macs / (g.rows * g.cols * cycles),
    mappingEfficiency: (geo.sr * geo.sc) / (g.rows * g.cols * geo.folds),
    macs,
    sram: closedFormSram(g),
    scalesim: scaleSimFigures(g),
  };
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Sum over lanes 0..count-1 of clamp(x0 - lane, 0, cap). */
function rampSum(x0: number, count: number, cap: number): number {
  let s = 0;
  for (let lane = 0; lane < count; lane++) s += clamp(x0 - lane, 0, cap);
  return s;
}

/**
 * Cumulative SRAM counts at the end of global cycle `cycle` (0-based): all earlier folds in
 * closed form plus the part of the current fold done so far.
 */
export function sramCumulativeAt(g: GemmShape, geo: FoldGeometry, cycle: number): SramCounts {
  const f = Math.floor(cycle / geo.foldLength);
  const tau = cycle - f * geo.foldLength;
  const fold = foldAt(g, geo, f);
  const R = g.rows;
  const T = geo.t;
  const r = fold.rowsUsed;
  const c = fold.colsUsed;
  // Earlier folds: whole column folds, then row folds of this column fold.
  const colsBefore = Math.min(fold.fc * g.cols, geo.sc);
  const rowsBefore = fold.fr * R;
  const rowTimesT = T * (fold.fc * geo.sr + rowsBefore); // sum of r*T
  const rowTimesCol = colsBefore * geo.sr + rowsBefore * c; // sum of r*c
  const colTimesT = T * (colsBefore * geo.rowFolds + fold.fr * c); // sum of c*T
  const partialReadsBefore = T * (colsBefore * (geo.rowFolds - 1) + Math.max(0, fold.fr - 1) * c);
  if (g.dataflow === 'os') {
    return {
      ifmapReads: rowTimesT + rampSum(tau + 1, r, T),
      filterReads: colTimesT + rampSum(tau + 1, c, T),
      ofmapWrites: rowTimesCol + rampSum(tau - T + 2, r, c),
      ofmapReads: 0,
    };
  }
  const stationary = rowTimesCol + c * Math.max(0, Math.min(tau, R - 1) - (R - r) + 1);
  const streamed = rowTimesT + rampSum(tau - R + 1, r, T);
  const out = rampSum(tau - 2 * R + 2, c, T);
  const writes = colTimesT + out;
  const reads = partialReadsBefore + (fold.fr > 0 ? out : 0);
  return g.dataflow === 'ws'
    ? { ifmapReads: streamed, filterReads: stationary, ofmapWrites: writes, ofmapReads: reads }
    : { ifmapReads: stationary, filterReads: streamed, ofmapWrites: writes, ofmapReads: reads };
}
