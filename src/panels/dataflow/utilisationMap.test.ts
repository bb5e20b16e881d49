// The closed-form per-PE utilisation must equal what the stepped engine's trace shows:
// count each PE's active cycles over every cycle of small runs.
import { describe, expect, it } from 'vitest';
import { loadWasmModule } from '../../engine/wasmNode';
import { createSystolicEngine } from '../../engine/systolic';
import type { GemmScenario } from '../../scenario/types';
import { macsPerPe, utilisationMap } from './utilisationMap';

const shapes: GemmScenario[] = [
  { rows: 4, cols: 4, dataflow: 'ws', m: 4, k: 4, n: 4, seed: 1 },
  { rows: 4, cols: 3, dataflow: 'ws', m: 5, k: 6, n: 7, seed: 2 }, // partial folds both ways
  { rows: 3, cols: 5, dataflow: 'os', m: 7, k: 4, n: 6, seed: 3 },
  { rows: 5, cols: 4, dataflow: 'is', m: 9, k: 7, n: 3, seed: 4 },
];

describe('utilisationMap', () => {
  it.each(shapes)('matches the active cycles of every PE in the stepped trace (%o)', async (g) => {
    const engine = createSystolicEngine(await loadWasmModule('systolic'));
    const { result } = await engine.run(g, { engine: 'cycle' });
    const pes = g.rows * g.cols;
    const counted = new Float64Array(pes);
    for (let start = 0; start < result.cycles; start += 64) {
      const w = engine.trace(g, start, Math.min(64, result.cycles - start));
      for (let c = 0; c < w.count; c++) for (let p = 0; p < pes; p++) counted[p] += w.active[c * pes + p];
    }
    expect(Array.from(macsPerPe(g.rows, g.cols, g.dataflow, g.m, g.k, g.n))).toEqual(Array.from(counted));
    const map = utilisationMap(g.rows, g.cols, g.dataflow, g.m, g.k, g.n, result.cycles);
    expect(map.mean).toBeCloseTo(result.utilization, 12);
  });

  it('gives every MAC of the GEMM to some PE', () => {
    const macs = macsPerPe(7, 5, 'is', 13, 11, 17);
    expect(macs.reduce((s, v) => s + v, 0)).toBe(13 * 11 * 17);
  });

  it('leaves PEs outside a small GEMM idle', () => {
    // ws maps K on rows and N on columns: a 2x3 B uses only the top-left 2x3 PEs.
    const macs = macsPerPe(4, 4, 'ws', 5, 2, 3);
    const at = (row: number, col: number) => macs[row * 4 + col];
    expect(at(0, 0)).toBe(5);
    expect(at(1, 2)).toBe(5);
    expect(at(2, 0)).toBe(0);
    expect(at(0, 3)).toBe(0);
  });
});
