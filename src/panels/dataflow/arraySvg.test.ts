// The SVG export of the array draws the frame the canvas draws: one rect per PE, in the
// colour peFill gives it from the engine's trace at that cycle.
import { describe, expect, it } from 'vitest';
import type { GemmScenario } from '../../scenario/types';
import type { TraceWindow as Window } from '../../engine/types';
import { nodeEngine } from '../../engine/systolic/testUtil';
import { ARRAY_VECTOR_MAX_SIDE, arraySvg } from './arraySvg';
import { COLOURS, peFill, type FrameRequest } from './drawArray';
import { flowRoles } from './flowRoles';
import { arrayGeometry } from './geometry';
import { rgb } from './legendItems';
import type { SlotAt } from './drain';

async function frame(g: GemmScenario, index: number, width = 640, height = 480): Promise<{ f: FrameRequest; w: Window | null }> {
  const engine = await nodeEngine();
  const roles = flowRoles(g.dataflow);
  const win = engine.trace(g, 0, 64);
  const slotAt: SlotAt = (i) => (i >= 0 && i < win.count ? { window: win, offset: i } : null);
  const geo = arrayGeometry({
    rows: g.rows,
    cols: g.cols,
    width,
    height,
    dpr: 1,
    topQueue: roles.vertical !== 'psum',
    bottomQueue: roles.drain === 'bottom',
  });
  return { f: { gemm: g, geo, roles, index, slotAt, hover: null, dpr: 1 }, w: index >= 0 ? win : null };
}

const peRects = (markup: string) => [
  ...markup.matchAll(/<rect class="pe" data-row="(\d+)" data-col="(\d+)" data-fill="(\w+)"[^>]* fill="([^"]+)"/g),
];

describe('arraySvg', () => {
  it('a 4x4 array yields 16 PE rects, each in the colour of its drawn state at that cycle', async () => {
    const g: GemmScenario = { rows: 4, cols: 4, dataflow: 'ws', m: 8, k: 4, n: 4, seed: 3 };
    const { f, w } = await frame(g, 6);
    const body = arraySvg(f);
    expect(body).not.toBeNull();
    const rects = peRects(body!.markup);
    expect(rects).toHaveLength(16);
    const fills = new Set<string>();
    for (const [, r, c, fill, colour] of rects) {
      const i = 6 * 16 + Number(r) * 4 + Number(c);
      const expected = peFill(w!, i, f.roles, true);
      expect(fill).toBe(expected);
      expect(colour).toBe(rgb(COLOURS[expected]));
      fills.add(fill);
    }
    // Mid-run: some PEs work, the rest hold their weights.
    expect(fills.has('active')).toBe(true);
    // Operand marks and the edge labels come along, and the small array prints its values.
    expect(body!.markup).toContain('class="mark-edge"');
    expect(body!.markup).toContain('partial sums ↓');
    expect(body!.markup).toContain('class="pe-values"');
  });

  it('before the first cycle every PE is empty', async () => {
    const { f } = await frame({ rows: 4, cols: 4, dataflow: 'os', m: 4, k: 4, n: 4, seed: 1 }, -1);
    const rects = peRects(arraySvg(f)!.markup);
    expect(rects).toHaveLength(16);
    expect(rects.every(([, , , fill, colour]) => fill === 'idle' && colour === rgb(COLOURS.idle))).toBe(true);
  });

  it(`stays vector up to ${ARRAY_VECTOR_MAX_SIDE} x ${ARRAY_VECTOR_MAX_SIDE}; a 64 x 64 array returns null (the export embeds the bitmap)`, async () => {
    const { f } = await frame({ rows: 32, cols: 32, dataflow: 'ws', m: 32, k: 32, n: 32, seed: 1 }, 3, 900, 900);
    expect(peRects(arraySvg(f)!.markup)).toHaveLength(32 * 32);
    const big = await frame({ rows: 64, cols: 64, dataflow: 'ws', m: 64, k: 64, n: 64, seed: 1 }, 3, 900, 900);
    expect(arraySvg(big.f)).toBeNull();
  });
});
