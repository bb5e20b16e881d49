// How a GEMM is folded onto an R x C array, in SCALE-Sim v2's mapping and fold order:
// os: Sr=M, Sc=N, T=K; ws: Sr=K, Sc=N, T=M; is: Sr=K, Sc=M, T=N. Folds run column fold
// outer, row fold inner, so for ws/is the reduction (K) folds of one output block are
// consecutive. Fold length (cycles) is the same for every fold; see docs/cycle-model.md.
import type { GemmScenario } from '../../scenario/types';

export type GemmShape = Pick<GemmScenario, 'rows' | 'cols' | 'dataflow' | 'm' | 'k' | 'n'>;

export interface FoldGeometry {
  /** Extent mapped along the array's rows, along its columns, and streamed in time. */
  sr: number;
  sc: number;
  t: number;
  rowFolds: number;
  colFolds: number;
  folds: number;
  /** Cycles of every fold. */
  foldLength: number;
}

export function foldGeometry(g: GemmShape): FoldGeometry {
  const { rows: R, cols: C } = g;
  const [sr, sc, t] = g.dataflow === 'os' ? [g.m, g.n, g.k] : g.dataflow === 'ws' ? [g.k, g.n, g.m] : [g.k, g.m, g.n];
  const rowFolds = Math.ceil(sr / R);
  const colFolds = Math.ceil(sc / C);
  // ws/is: R cycles of weight load, T inputs skewed over R rows, psums drain through R rows
  // and C columns. os: T operands skewed over R rows and C columns, no load phase.
  const foldLength = g.dataflow === 'os' ? t + R + C - 2 : 2 * R + C + t - 2;
  return { sr, sc, t, rowFolds, colFolds, folds: rowFolds * colFolds, foldLength };
}

/** Cycles at the start of each fold that only load the stationary operand (ws/is: R; os: none). */
export function weightLoadCycles(g: Pick<GemmShape, 'rows' | 'dataflow'>): number {
  return g.dataflow === 'os' ? 0 : g.rows;
}

export interface Fold {
  index: number;
  /** Row fold (along Sr) and column fold (along Sc). */
  fr: number;
  fc: number;
  /** Array rows and columns this fold maps. */
  rowsUsed: number;
  colsUsed: number;
}

export function foldAt(g: GemmShape, geo: FoldGeometry, index: number): Fold {
  const fc = Math.floor(index / geo.rowFolds);
  const fr = index - fc * geo.rowFolds;
  return {
    index,
    fr,
    fc,
    rowsUsed: Math.min(g.rows, geo.sr - fr * g.rows),
    colsUsed: Math.min(g.cols, geo.sc - fc * g.cols),
  };
}
