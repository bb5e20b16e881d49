// SCALE-Sim v2's figures for a GEMM, reproduced as it reports them (checked against 24
// recorded cases in scalesim.test.ts). Where it differs from a literal count of the same
// schedule (docs/cycle-model.md):
// - "Total Cycles" is the 0-based index of the last cycle: one less than the cycle count;
//   its overall utilisation divides by that number.
// - os: its ofmap write count adds rows + cols per fold (its compute module adds the padded
//   fold's height + width to the count).
// - ws/is: its compute utilisation divides each fold's MACs by a fold length cols - 1
//   longer than the fold (its filter demand matrix height plus the array width, minus 1).
import type { ScaleSimFigures } from '../types';
import { closedFormSram } from './sram';
import { foldGeometry, type GemmShape } from './geometry';

export function scaleSimFigures(g: GemmShape): ScaleSimFigures {
  const geo = foldGeometry(g);
  const pes = g.rows * g.cols;
  const macs = g.m * g.n * g.k;
  const cycles = geo.folds * geo.foldLength - 1;
  // Its per-fold compute utilisation, averaged over folds; every fold has the same length.
  const computeFoldLength = g.dataflow === 'os' ? geo.foldLength : geo.foldLength + g.cols - 1;
  const sram = closedFormSram(g);
  return {
    cycles,
    // A 1x1 array with a 1x1x1 os GEMM reports 0 cycles; keep the figure finite there.
    overallUtilization: macs / (pes * Math.max(cycles, 1)),
    computeUtilization: macs / (pes * computeFoldLength * geo.folds),
    mappingEfficiency: (geo.sr * geo.sc) / (pes * geo.folds),
    ifmapReads: sram.ifmapReads,
    filterReads: sram.filterReads,
    ofmapWrites: g.dataflow === 'os' ? sram.ofmapWrites + geo.folds * (g.rows + g.cols) : sram.ofmapWrites,
  };
}
