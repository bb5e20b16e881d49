import { describe, expect, it } from 'vitest';
import { DATAFLOWS, type GemmScenario } from '../../scenario/types';
import type { TraceWindow } from '../types';
import { ReferenceSystolicArray, type ReferenceCycle } from './reference';
import { matmulInt32 } from './operands';
import { closedFormSram } from './sram';
import { lcg, nodeEngine } from './testUtil';

// Shapes that exercise folds along both array dims, partial folds, unused rows and
// columns, non-square arrays, a single PE and a single stream step.
const SHAPES: Omit<GemmScenario, 'dataflow'>[] = [
  { rows: 4, cols: 4, m: 4, k: 4, n: 4, seed: 1 },
  { rows: 4, cols: 4, m: 7, k: 3, n: 5, seed: 2 },
  { rows: 3, cols: 5, m: 9, k: 11, n: 7, seed: 3 },
  { rows: 6, cols: 2, m: 5, k: 13, n: 4, seed: 4 },
  { rows: 1, cols: 1, m: 3, k: 2, n: 4, seed: 5 },
  { rows: 5, cols: 7, m: 1, k: 1, n: 1, seed: 6 },
  { rows: 8, cols: 3, m: 2, k: 17, n: 9, seed: 7 },
];

function expectSameCycle(w: TraceWindow, c: number, ref: ReferenceCycle, label: string): void {
  const pes = w.rows * w.cols;
  const at = `${label} cycle ${ref.cycle}`;
  expect(Array.from(w.weight.subarray(c * pes, (c + 1) * pes)), `${at} weight`).toEqual(Array.from(ref.weight));
  expect(Array.from(w.input.subarray(c * pes, (c + 1) * pes)), `${at} input`).toEqual(Array.from(ref.input));
  expect(Array.from(w.psum.subarray(c * pes, (c + 1) * pes)), `${at} psum`).toEqual(Array.from(ref.psum));
  expect(Array.from(w.active.subarray(c * pes, (c + 1) * pes)), `${at} active`).toEqual(Array.from(ref.active));
  expect(Array.from(w.held.subarray(c * pes, (c + 1) * pes)), `${at} held`).toEqual(Array.from(ref.held));
  expect(Array.from(w.written.subarray(c * pes, (c + 1) * pes)), `${at} written`).toEqual(Array.from(ref.written));
  // The window's ofmap record: exactly the writes the reference made this cycle, with the ofmap's value.
  const writes = [];
  for (let j = 0; j < w.cols; j++) {
    const k = c * w.cols + j;
    if (w.ofmapRow[k] >= 0) writes.push({ m: w.ofmapRow[k], n: w.ofmapCol[k], value: w.ofmapValue[k], col: j });
  }
  expect(writes, `${at} ofmap writes`).toEqual([...ref.writes].sort((x, y) => x.col - y.col));
  const s = ref.sram;
  expect(Array.from(w.sramCumulative.subarray(c * 4, c * 4 + 4)), `${at} sram`).toEqual([
    s.ifmapReads,
    s.filterReads,
    s.ofmapWrites,
    s.ofmapReads,
  ]);
  expect(w.fold[c], `${at} fold`).toBe(ref.fold);
}

describe('wasm engine vs plain TypeScript reference, register by register', () => {
  for (const dataflow of DATAFLOWS) {
    for (const shape of SHAPES) {
      const g: GemmScenario = { ...shape, dataflow };
      const label = `${dataflow} ${g.rows}x${g.cols} M=${g.m} K=${g.k} N=${g.n}`;
      it(label, async () => {
        const engine = await nodeEngine();
        const ref = new ReferenceSystolicArray(g);
        const history: ReferenceCycle[] = [];
        while (!ref.done) history.push(ref.step());
        // The reference machine computes the GEMM, and counts what the closed form says.
        expect(Array.from(ref.output)).toEqual(Array.from(matmulInt32(ref.a, ref.b, g.m, g.k, g.n)));
        expect(ref.sram).toEqual(closedFormSram(g));
        expect(ref.macs).toBe(g.m * g.k * g.n);

        // Every cycle, in consecutive windows (the playback path: continues from the last window).
        for (let start = 0; start < ref.cycles; start += 23) {
          const w = engine.trace(g, start, 23);
          for (let c = 0; c < w.count; c++) expectSameCycle(w, c, history[start + c], label);
        }
        // Windows at random points, forward and backward (the path that computes the state directly).
        const rand = lcg(g.seed * 31 + g.rows);
        for (let q = 0; q < 12; q++) {
          const start = rand(0, ref.cycles - 1);
          const w = engine.trace(g, start, 3);
          for (let c = 0; c < w.count; c++) expectSameCycle(w, c, history[start + c], `${label} @${start}`);
        }
        // A stepped run produces the same output and counts.
        const run = await engine.run(g, { engine: 'cycle' });
        expect(run.result.outputMatchesReference).toBe(true);
        expect(Array.from(run.matrices!.out)).toEqual(Array.from(ref.output));
        expect(run.result.sram).toEqual(ref.sram);
        expect(run.result.cycles).toBe(ref.cycles);
      });
    }
  }
});
