// SRAM accesses of a whole run per operand buffer, in closed form (see docs/cycle-model.md).
import type { SramCounts } from '../types';
import { foldGeometry, type GemmShape } from './geometry';

export function closedFormSram(g: GemmShape): SramCounts {
  const { m, k, n } = g;
  const geo = foldGeometry(g);
  switch (g.dataflow) {
    case 'ws': // A streams once per column fold; B loaded once; each K fold writes its partial.
      return {
        ifmapReads: geo.colFolds * m * k,
        filterReads: k * n,
        ofmapWrites: geo.rowFolds * m * n,
        ofmapReads: (geo.rowFolds - 1) * m * n,
      };
    case 'is':
      return {
        ifmapReads: m * k,
        filterReads: geo.colFolds * k * n,
        ofmapWrites: geo.rowFolds * m * n,
        ofmapReads: (geo.rowFolds - 1) * m * n,
      };
    case 'os':
      return { ifmapReads: geo.colFolds * m * k, filterReads: geo.rowFolds * k * n, ofmapWrites: m * n, ofmapReads: 0 };
  }
}
