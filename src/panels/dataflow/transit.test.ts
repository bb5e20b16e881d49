// Values in flight between cycles: each moving operand slides from its PE at cycle c (t = 0)
// to the neighbour that holds it at c + 1 (t = 1), in the direction its dataflow moves it;
// only values the engine has at both ends are drawn in flight.
import { describe, expect, it } from 'vitest';
import type { Dataflow, GemmScenario } from '../../scenario/types';
import { nodeEngine } from '../../engine/systolic/testUtil';
import { frameShapes, valueOf, type FrameRequest } from './drawArray';
import { flowRoles } from './flowRoles';
import { arrayGeometry } from './geometry';
import type { SlotAt } from './drain';
import { interpolates, moves, transitPoint } from './transit';
import { SPEEDS } from './playback';

const DATAFLOWS: Dataflow[] = ['ws', 'os', 'is'];

function geometry(dataflow: Dataflow, rows = 4, cols = 4) {
  const roles = flowRoles(dataflow);
  return arrayGeometry({
    rows,
    cols,
    width: 900,
    height: 900,
    dpr: 1,
    topQueue: roles.vertical !== 'psum',
    bottomQueue: roles.drain === 'bottom',
  });
}

describe('transit geometry', () => {
  it('moves the pass-through operands the way their dataflow streams them; partial sums never', () => {
    expect(moves(flowRoles('ws'))).toEqual([{ operand: 'input', dr: 0, dc: 1 }]);
    expect(moves(flowRoles('os'))).toEqual([
      { operand: 'input', dr: 0, dc: 1 },
      { operand: 'weight', dr: 1, dc: 0 },
    ]);
    expect(moves(flowRoles('is'))).toEqual([{ operand: 'weight', dr: 0, dc: 1 }]);
  });

  for (const dataflow of DATAFLOWS) {
    it(`${dataflow}: at t = 0 a value is at its source PE, at t = 1 at the destination PE, halfway between at 0.5`, () => {
      const geo = geometry(dataflow);
      for (const move of moves(flowRoles(dataflow))) {
        for (const [r, c] of [
          [0, 0],
          [1, 2],
          [2, 1],
        ]) {
          const src = { x: geo.x0 + c * geo.pitch, y: geo.y0 + r * geo.pitch };
          const dst = { x: geo.x0 + (c + move.dc) * geo.pitch, y: geo.y0 + (r + move.dr) * geo.pitch };
          expect(transitPoint(geo, r, c, move, 0)).toEqual(src);
          expect(transitPoint(geo, r, c, move, 1)).toEqual(dst);
          const mid = transitPoint(geo, r, c, move, 0.5);
          expect(mid.x).toBeCloseTo((src.x + dst.x) / 2, 9);
          expect(mid.y).toBeCloseTo((src.y + dst.y) / 2, 9);
        }
      }
    });

    it(`${dataflow}: mid-cycle, exactly the values the engine holds at the source at c and the destination at c + 1 are in flight`, async () => {
      const g: GemmScenario = { rows: 4, cols: 4, dataflow, m: 6, k: 5, n: 6, seed: 7 };
      const engine = await nodeEngine();
      const win = engine.trace(g, 0, 64);
      const slotAt: SlotAt = (i) => (i >= 0 && i < win.count ? { window: win, offset: i } : null);
      const geo = geometry(dataflow);
      const roles = flowRoles(dataflow);
      let checked = 0;
      for (let c = 0; c + 1 < win.count; c++) {
        const f: FrameRequest = { gemm: g, geo, roles, index: c, slotAt, hover: null, dpr: 1, t: 0.5 };
        const drawn: string[] = [];
        frameShapes(f, { pe: () => {}, mark: (kind, x, y) => (kind === 'transit' ? drawn.push(`${x},${y}`) : undefined) });
        // Expected from the trace directly: the register at (r, c) at cycle c equals the neighbour's at c + 1.
        const expected: string[] = [];
        for (const move of moves(roles))
          for (let r = 0; r + move.dr < g.rows; r++)
            for (let col = 0; col + move.dc < g.cols; col++) {
              const v = valueOf(win, move.operand, c * 16 + r * 4 + col);
              const w = valueOf(win, move.operand, (c + 1) * 16 + (r + move.dr) * 4 + col + move.dc);
              if (v === 0 || v !== w) continue;
              const x = geo.x0 + (col + move.dc / 2) * geo.pitch;
              const y = geo.y0 + (r + move.dr / 2) * geo.pitch;
              // Input marks sit on the left edge, weight marks on the top: both start at the box's corner.
              expected.push(`${x},${y}`);
            }
        expect(drawn.sort()).toEqual(expected.sort());
        checked += expected.length;
        // At t = 0 nothing is in flight: the cycle is drawn as the engine has it.
        const still: string[] = [];
        frameShapes({ ...f, t: 0 }, { pe: () => {}, mark: (kind) => (kind === 'transit' ? still.push(kind) : undefined) });
        expect(still).toEqual([]);
      }
      expect(checked).toBeGreaterThan(10);
    });
  }

  it('interpolates at slow speeds only, never at the top speed or under reduced motion', () => {
    expect(interpolates(SPEEDS[0], false)).toBe(true);
    expect(interpolates(1, false)).toBe(true);
    expect(interpolates(SPEEDS[SPEEDS.length - 1], false)).toBe(false);
    for (const s of SPEEDS) expect(interpolates(s, true)).toBe(false);
  });
});
