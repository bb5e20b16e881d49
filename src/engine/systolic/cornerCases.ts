// Corner-of-the-limits checks shared by cornersGrid.slow.test.ts and corners.slow.test.ts: a run and
// trace windows at the start, middle and end of it, for every shape the limits allow at
// their extremes. Values are checked against the operands themselves (operands.ts), not
// against the engine's own arithmetic.
import { expect } from 'vitest';
import type { GemmScenario } from '../../scenario/types';
import { DATAFLOWS } from '../../scenario/types';
import { leafAt } from '../../scenario/schema';
import type { TraceWindow } from '../types';
import { windowLength } from '../../panels/dataflow/traceCache';
import { foldAt, foldGeometry } from './geometry';
import { operandKey, operandValue } from './operands';
import { closedFormSram } from './sram';
import type { SystolicEngine } from './engine';

function range(path: string): [number, number] {
  const spec = leafAt(path)?.spec;
  if (spec?.kind !== 'int') throw new Error(`${path} is not an integer leaf`);
  return [spec.min, spec.max];
}

const ARRAY_SIDES = range('gemm.rows');
const DIMS = { m: range('gemm.m'), k: range('gemm.k'), n: range('gemm.n') };
if (range('gemm.cols').join() !== ARRAY_SIDES.join()) throw new Error('rows and cols limits differ: extend the corners');

/** Every dataflow x array corner x M/K/N corner. */
export function allCorners(seed = 7): GemmScenario[] {
  const out: GemmScenario[] = [];
  for (const dataflow of DATAFLOWS)
    for (const rows of ARRAY_SIDES)
      for (const cols of ARRAY_SIDES)
        for (const m of DIMS.m) for (const k of DIMS.k) for (const n of DIMS.n) out.push({ rows, cols, dataflow, m, k, n, seed });
  return out;
}

export const label = (g: GemmScenario): string => `${g.dataflow} ${g.rows}x${g.cols} M=${g.m} K=${g.k} N=${g.n}`;

const A = (g: GemmScenario, m: number, k: number): number => operandValue(operandKey(g.seed, 'a'), m * g.k + k);
const B = (g: GemmScenario, k: number, n: number): number => operandValue(operandKey(g.seed, 'b'), k * g.n + n);

/** Stationary operand of PE (i, j) in fold f: ws holds B[k][n], is holds A[m][k]. */
function stationary(g: GemmScenario, f: number, i: number, j: number): number {
  const fd = foldAt(g, foldGeometry(g), f);
  const k = fd.fr * g.rows + i;
  const col = fd.fc * g.cols + j;
  return g.dataflow === 'ws' ? B(g, k, col) : A(g, col, k);
}

/** Streamed operand entering array row i at stream step t of fold f (ws: A[t][k], is: B[k][t], os: A[m][t]). */
function streamed(g: GemmScenario, f: number, i: number, t: number): number {
  const fd = foldAt(g, foldGeometry(g), f);
  const row = fd.fr * g.rows + i;
  if (g.dataflow === 'ws') return A(g, t, row);
  if (g.dataflow === 'is') return B(g, row, t);
  return A(g, row, t);
}

/**
 * PE (0, 0)'s psum after fold-local cycle tau, from the documented schedule: os accumulates
 * its t-th MAC at tau = t; ws/is load weights for R cycles, then PE (0, 0) multiplies the
 * stream step t = tau - R by its weight (nothing flows in from above).
 */
function expectedPsum00(g: GemmScenario, f: number, tau: number): number {
  const T = foldGeometry(g).t;
  if (g.dataflow === 'os') {
    const col = foldAt(g, foldGeometry(g), f).fc * g.cols;
    let acc = 0;
    for (let u = 0; u <= Math.min(tau, T - 1); u++) acc += streamed(g, f, 0, u) * B(g, u, col);
    return acc | 0;
  }
  const t = tau - g.rows;
  return t >= 0 && t < T ? (stationary(g, f, 0, 0) * streamed(g, f, 0, t)) | 0 : 0; // | 0: an int32, never -0
}

function registers(w: TraceWindow, c: number): { weight: number[]; input: number[]; psum: number[] } {
  const pes = w.rows * w.cols;
  const part = (a: Int32Array) => Array.from(a.subarray(c * pes, (c + 1) * pes));
  return { weight: part(w.weight), input: part(w.input), psum: part(w.psum) };
}

/** Runs g (closed form when too big to step) and traces windows at its start, middle and end. */
export async function checkCorner(engine: SystolicEngine, fresh: SystolicEngine, g: GemmScenario): Promise<void> {
  const at = label(g);
  const geo = foldGeometry(g);
  const L = geo.foldLength;
  const total = geo.folds * L;
  const { result } = await engine.run(g);
  expect(result.cycles, at).toBe(total);
  expect(result.macs, at).toBe(g.m * g.k * g.n);
  if (result.engine === 'cycle') {
    expect(result.outputMatchesReference, at).toBe(true);
    expect(result.sram, at).toEqual(closedFormSram(g));
  }

  const len = windowLength(g.rows, g.cols);
  const mid = Math.floor(total / 2);
  const starts = [0, mid, Math.max(0, total - len)];
  for (const start of starts) {
    // Each window after an unrelated one: the engine seeds the state from the schedule.
    const w = engine.trace(g, start, len);
    expect(w.count, `${at} @${start}`).toBe(Math.min(len, total - start));
    for (let c = 0; c < w.count; c++) {
      const cycle = start + c;
      const f = Math.floor(cycle / L);
      expect(w.fold[c], `${at} cycle ${cycle} fold`).toBe(f);
      expect(w.psum[c * g.rows * g.cols], `${at} cycle ${cycle} PE(0,0) psum`).toBe(expectedPsum00(g, f, cycle - f * L));
    }
  }

  // The run's last cycle: every mapped PE of the last fold holds its own operand (ws/is) or
  // its finished output element (os). Checked at the array's far corners.
  const last = engine.trace(g, total - 1, 1);
  const f = geo.folds - 1;
  const fd = foldAt(g, geo, f);
  const regs = registers(last, 0);
  for (const [i, j] of [
    [0, 0],
    [fd.rowsUsed - 1, fd.colsUsed - 1],
  ]) {
    const pe = i * g.cols + j;
    if (g.dataflow === 'os') {
      const m = fd.fr * g.rows + i;
      const n = fd.fc * g.cols + j;
      let acc = 0;
      for (let q = 0; q < g.k; q++) acc += A(g, m, q) * B(g, q, n);
      expect(regs.psum[pe], `${at} output (${m}, ${n})`).toBe(acc | 0);
    } else {
      const held = g.dataflow === 'ws' ? regs.weight[pe] : regs.input[pe];
      expect(held, `${at} stationary PE(${i}, ${j})`).toBe(stationary(g, f, i, j));
    }
  }
  const s = last.sramCumulative;
  expect([s[0], s[1], s[2], s[3]], `${at} sram at the end`).toEqual(Object.values(closedFormSram(g)));

  // The middle window reached by stepping (playback) equals the one computed directly.
  if (mid > 0) {
    engine.trace(g, mid - 1, 1);
    const stepped = engine.trace(g, mid, len);
    const direct = fresh.trace(g, mid, len);
    for (let c = 0; c < stepped.count; c++)
      expect(registers(stepped, c), `${at} cycle ${mid + c} stepped vs direct`).toEqual(registers(direct, c));
  }
}
