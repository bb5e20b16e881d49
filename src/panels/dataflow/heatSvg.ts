// The utilisation map as vector SVG: one <rect> per PE in the heat map's own colours, with
// row and column counts on its edges.
import type { ChartBody, LegendEntry } from '../share/svgFrame';
import { formatPercent } from '../../ui/format';
import { heatColour } from './heatColours';
import type { UtilisationMap } from './utilisationMap';

/** Up to this many PEs a side the export is vector. */
export const HEAT_VECTOR_MAX_SIDE = 64;

/** The map drawn `width` x `height` CSS px (as on the page); null when too big for vector output. */
export function heatSvg(map: UtilisationMap, width: number, height: number): ChartBody | null {
  if (map.rows > HEAT_VECTOR_MAX_SIDE || map.cols > HEAT_VECTOR_MAX_SIDE) return null;
  const cw = width / map.cols;
  const ch = height / map.rows;
  const ox = 28; // room for the row count
  const oy = 4;
  const cells: string[] = [];
  for (let r = 0; r < map.rows; r++)
    for (let c = 0; c < map.cols; c++) {
      const f = map.fraction[r * map.cols + c];
      // Cells overlap by a hair so no background shows between them when scaled.
      cells.push(
        `<rect class="cell" data-row="${r}" data-col="${c}" x="${(ox + c * cw).toFixed(2)}" y="${(oy + r * ch).toFixed(2)}" width="${(cw + 0.3).toFixed(2)}" height="${(ch + 0.3).toFixed(2)}" fill="${heatColour(f)}"><title>PE (${r}, ${c}): ${formatPercent(f)}</title></rect>`,
      );
    }
  const labels =
    `<g font-family="system-ui, sans-serif" font-size="11" fill="#5f6368">` +
    `<text x="${ox - 4}" y="${oy + 9}" text-anchor="end">0</text>` +
    `<text x="${ox - 4}" y="${oy + height}" text-anchor="end">${map.rows - 1}</text>` +
    `<text x="${ox + width / 2}" y="${oy + height + 14}" text-anchor="middle">columns 0 to ${map.cols - 1} → (rows ↓)</text>` +
    `</g>`;
  return {
    width: ox + width + 8,
    height: oy + height + 20,
    markup: `<g class="cells" shape-rendering="crispEdges">${cells.join('')}</g>${labels}`,
  };
}

/** The colour scale as legend entries: 0 %, 50 %, 100 %. */
export function heatLegend(): LegendEntry[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => ({ label: `${formatPercent(f)} busy`, colour: heatColour(f) }));
}
