// What the panel draws as drained, for every cycle of small runs, against the plain
// TypeScript reference machine: exactly the outputs it has written, where and with the
// value it wrote, and the output matrix's value once an element is complete.
import { describe, expect, it } from 'vitest';
import { DATAFLOWS, type GemmScenario } from '../../scenario/types';
import type { TraceWindow } from '../../engine/types';
import { ReferenceSystolicArray, type ReferenceCycle } from '../../engine/systolic/reference';
import { foldGeometry } from '../../engine/systolic/geometry';
import { generateOperands, matmulInt32 } from '../../engine/systolic/operands';
import { nodeEngine } from '../../engine/systolic/testUtil';
import { drainedAt, type DrainedOutput, type SlotAt } from './drain';
import { peFill } from './drawArray';
import { flowRoles } from './flowRoles';
import { queueDepth } from './geometry';

const SHAPES: { name: string; shape: Omit<GemmScenario, 'dataflow'> }[] = [
  { name: 'folds along both array dims (and K for ws / is)', shape: { rows: 4, cols: 4, m: 6, k: 6, n: 6, seed: 2 } },
  { name: 'one fold, a row unused', shape: { rows: 4, cols: 4, m: 4, k: 3, n: 4, seed: 3 } },
  { name: 'non-square array, uneven folds', shape: { rows: 3, cols: 5, m: 9, k: 11, n: 7, seed: 4 } },
  { name: 'the default 8x8 run', shape: { rows: 8, cols: 8, m: 16, k: 8, n: 8, seed: 1 } },
];

interface Run {
  g: GemmScenario;
  history: ReferenceCycle[];
  final: Int32Array;
  slotAt: SlotAt;
}

async function traced(g: GemmScenario): Promise<Run> {
  const ref = new ReferenceSystolicArray(g);
  const history: ReferenceCycle[] = [];
  while (!ref.done) history.push(ref.step());
  const engine = await nodeEngine();
  // Windows of 7 cycles, so the drain often spans two of them.
  const windows: TraceWindow[] = [];
  for (let start = 0; start < ref.cycles; start += 7) windows.push(engine.trace(g, start, 7));
  const slotAt: SlotAt = (i) => (i < 0 || i >= ref.cycles ? null : { window: windows[Math.floor(i / 7)], offset: i % 7 });
  const { a, b } = generateOperands(g);
  return { g, history, final: matmulInt32(a, b, g.m, g.k, g.n), slotAt };
}

const byCell = (x: DrainedOutput, y: DrainedOutput) => x.row - y.row || x.col - y.col;

/** Reference writes of cycles first..last, placed as the drain draws them. */
function writesBetween(run: Run, first: number, last: number, place: (cycle: number, m: number, col: number) => number): DrainedOutput[] {
  const out: DrainedOutput[] = [];
  for (let c = Math.max(0, first); c <= last; c++)
    for (const w of run.history[c].writes) out.push({ m: w.m, n: w.n, value: w.value, row: place(c, w.m, w.col), col: w.col });
  return out.sort(byCell);
}

describe('drainedAt: what is drawn as drained equals what the reference machine wrote', () => {
  for (const dataflow of DATAFLOWS) {
    for (const { name, shape } of SHAPES) {
      const g: GemmScenario = { ...shape, dataflow };
      it(`${dataflow} ${g.rows}x${g.cols} M=${g.m} K=${g.k} N=${g.n}: ${name}`, async () => {
        const run = await traced(g);
        const geo = foldGeometry(g);
        const L = geo.foldLength;
        const q = queueDepth(g.rows, g.cols);
        const total = run.history.length;
        // Writes of each element so far: complete once every K fold has added its part.
        const foldsOfK = dataflow === 'os' ? 1 : geo.rowFolds;
        let completed = 0;
        for (let index = -1; index < total; index++) {
          const at = `view cycle ${index + 1}`;
          const drawn = drainedAt(g, run.slotAt, index, q).sort(byCell);
          let expected: DrainedOutput[];
          if (dataflow === 'os') {
            // In place: this fold's written sums, in their PEs.
            const foldStart = Math.floor(Math.max(0, index) / L) * L;
            expected = index < 0 ? [] : writesBetween(run, foldStart, index, (_, m) => m % g.rows);
          } else {
            // Below the array: the newest write one cell under the bottom row, older ones further down.
            expected = writesBetween(run, index - q + 1, index, (c) => g.rows - 1 + (index - c + 1));
          }
          expect(drawn, at).toEqual(expected);
          if (dataflow !== 'os') {
            // With a drain as long as the run: every write so far, as many as the ofmap counter says.
            const all = drainedAt(g, run.slotAt, index, total);
            expect(all.length, at).toBe(index < 0 ? 0 : run.history[index].sram.ofmapWrites);
          }
          // A complete element reads as the output matrix; the case: -1838, not a partial 2.7k.
          for (const o of drawn) {
            const writesSoFar = run.history
              .slice(0, index + 1)
              .reduce((s, h) => s + h.writes.filter((w) => w.m === o.m && w.n === o.n).length, 0);
            if (writesSoFar === foldsOfK) {
              expect(o.value, `${at} O[${o.m}][${o.n}]`).toBe(run.final[o.m * g.n + o.n]);
              completed++;
            }
          }
        }
        // Before the first write nothing is drawn, and complete outputs do appear.
        const firstWrite = run.history.findIndex((h) => h.writes.length > 0);
        for (let index = -1; index < firstWrite; index++) expect(drainedAt(g, run.slotAt, index, q), `view cycle ${index + 1}`).toEqual([]);
        expect(completed).toBeGreaterThan(0);
      });
    }
  }

  it('the issue case: default 8x8 ws at view cycle 12 draws nothing below the array (0 ofmap writes)', async () => {
    const run = await traced({ rows: 8, cols: 8, dataflow: 'ws', m: 16, k: 8, n: 8, seed: 1 });
    expect(run.history[11].sram.ofmapWrites).toBe(0);
    expect(drainedAt(run.g, run.slotAt, 11, queueDepth(8, 8))).toEqual([]);
  });
});

describe('peFill: a stationary value is drawn as held, 0 included', () => {
  it('ws: once the weights are loaded every mapped PE is held, a zero weight too', async () => {
    // A seed whose 4x4 weight block has a zero in it (int8 operands from a hash: about 1 in 16 seeds).
    const base = { rows: 4, cols: 4, dataflow: 'ws' as const, m: 4, k: 4, n: 4 };
    let seed = 1;
    while (!generateOperands({ ...base, seed }).b.includes(0)) seed++;
    const g: GemmScenario = { ...base, seed };
    const zero = generateOperands(g).b.indexOf(0);
    const engine = await nodeEngine();
    // Cycle R - 1: the load is complete and no PE has done a MAC yet.
    const w = engine.trace(g, g.rows - 1, 1);
    expect(w.weight[zero]).toBe(0);
    for (let i = 0; i < 16; i++) {
      expect(peFill(w, i, flowRoles('ws'), true), `PE ${i}`).toBe('holding');
      expect(peFill(w, i, flowRoles('ws'), false), `PE ${i}, no marks`).toBe('holding');
    }
    // Before the first load nothing is held.
    const empty = engine.trace(g, 0, 1);
    expect(Array.from({ length: 16 }, (_, i) => peFill(empty, i, flowRoles('ws'), true)).filter((f) => f === 'holding')).toHaveLength(4);
  });
});
