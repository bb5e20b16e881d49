import { describe, expect, it } from 'vitest';
import { heatColour } from './heatColours';
import { HEAT_VECTOR_MAX_SIDE, heatSvg } from './heatSvg';
import { utilisationMap } from './utilisationMap';

describe('heatSvg', () => {
  it('draws one rect per PE in the heat map colour of its utilisation', () => {
    const map = utilisationMap(4, 4, 'ws', 6, 3, 4, 20);
    const body = heatSvg(map, 200, 200)!;
    const cells = [...body.markup.matchAll(/<rect class="cell" data-row="(\d+)" data-col="(\d+)"[^>]* fill="([^"]+)"/g)];
    expect(cells).toHaveLength(16);
    for (const [, r, c, fill] of cells) expect(fill).toBe(heatColour(map.fraction[Number(r) * 4 + Number(c)]));
    // Unused PEs (K = 3 of 4 rows) are dark, used ones are not.
    expect(new Set(cells.map((m) => m[3])).size).toBeGreaterThan(1);
  });

  it(`is vector up to ${HEAT_VECTOR_MAX_SIDE} x ${HEAT_VECTOR_MAX_SIDE} PEs, null beyond`, () => {
    expect(heatSvg(utilisationMap(64, 64, 'os', 64, 64, 64, 200), 200, 200)).not.toBeNull();
    expect(heatSvg(utilisationMap(65, 64, 'os', 64, 64, 64, 200), 200, 200)).toBeNull();
  });
});
