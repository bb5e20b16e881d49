// Per-PE utilisation over the whole run, from the mapping alone (no trace needed, so it
// costs nothing at 256x256): the GEMM is cut into folds of the array; PE (r, c) works in
// every fold whose tile covers it and does one MAC per streamed element (T) in each.
// Fraction = that PE's MACs / total cycles. The unit test checks it against a stepped trace.
import type { Dataflow } from '../../scenario/types';

export interface MappingExtents {
  /** Extent mapped along the array's rows, along its columns, and streamed in time. */
  sr: number;
  sc: number;
  t: number;
}

/** SCALE-Sim's mapping (reference README): os Sr=M Sc=N T=K; ws Sr=K Sc=N T=M; is Sr=K Sc=M T=N. */
export function mappingExtents(dataflow: Dataflow, m: number, k: number, n: number): MappingExtents {
  switch (dataflow) {
    case 'os':
      return { sr: m, sc: n, t: k };
    case 'ws':
      return { sr: k, sc: n, t: m };
    case 'is':
      return { sr: k, sc: m, t: n };
  }
}

/** How many of the folds along one array dimension of size `size` cover index `i` of an extent `extent`. */
function foldsCovering(i: number, size: number, extent: number): number {
  return i < extent ? Math.floor((extent - 1 - i) / size) + 1 : 0;
}

/** MACs each PE does over the whole run, row-major rows x cols. */
export function macsPerPe(rows: number, cols: number, dataflow: Dataflow, m: number, k: number, n: number): Float64Array {
  const { sr, sc, t } = mappingExtents(dataflow, m, k, n);
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const fr = foldsCovering(r, rows, sr);
    for (let c = 0; c < cols; c++) out[r * cols + c] = fr * foldsCovering(c, cols, sc) * t;
  }
  return out;
}

export interface UtilisationMap {
  rows: number;
  cols: number;
  /** Fraction of all cycles each PE spent doing MACs, row-major. */
  fraction: Float64Array;
  min: number;
  max: number;
  mean: number;
}

export function utilisationMap(
  rows: number,
  cols: number,
  dataflow: Dataflow,
  m: number,
  k: number,
  n: number,
  cycles: number,
): UtilisationMap {
  const macs = macsPerPe(rows, cols, dataflow, m, k, n);
  const fraction = new Float64Array(macs.length);
  let min = Infinity;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < macs.length; i++) {
    const f = cycles > 0 ? macs[i] / cycles : 0;
    fraction[i] = f;
    if (f < min) min = f;
    if (f > max) max = f;
    sum += f;
  }
  return { rows, cols, fraction, min, max, mean: sum / macs.length };
}
