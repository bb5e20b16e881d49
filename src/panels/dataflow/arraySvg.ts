// The array at one cycle as vector SVG: one <rect> per PE with the fill the canvas gives it,
// the operand marks, queues and drain, the edge labels and (small arrays) the PE values.
// Built from frameShapes, the description the canvas itself is drawn from, so the export
// shows exactly what the engine computed at that cycle.
import type { ChartBody } from '../share/svgFrame';
import { escapeXml } from '../share/svgFrame';
import { COLOURS, edgeLabels, frameShapes, peValueLines, roomyCells, type FrameRequest } from './drawArray';
import { rgb } from './legendItems';

/** Up to this many PEs a side the export is vector; beyond, one rect per PE makes a file too big to open. */
export const ARRAY_VECTOR_MAX_SIDE = 32;

const FONT = 'system-ui, sans-serif';
const MONO = 'ui-monospace, Menlo, Consolas, monospace';

/** `f` in CSS px (dpr 1, no hover); null when the array is too big for vector output. */
export function arraySvg(f: FrameRequest): ChartBody | null {
  const { geo } = f;
  if (geo.rows > ARRAY_VECTOR_MAX_SIDE || geo.cols > ARRAY_VECTOR_MAX_SIDE) return null;
  const parts: string[] = [];
  frameShapes(f, {
    pe: (row, col, x, y, s, fill) =>
      parts.push(
        `<rect class="pe" data-row="${row}" data-col="${col}" data-fill="${fill}" x="${x}" y="${y}" width="${s}" height="${s}" fill="${rgb(COLOURS[fill])}"/>`,
      ),
    mark: (kind, x, y, w, h, colour) =>
      parts.push(`<rect class="mark-${kind}" x="${x}" y="${y}" width="${w}" height="${h}" fill="${rgb(COLOURS[colour])}"/>`),
  });

  const { pitch, rows, cols, x0, y0 } = geo;
  const s = pitch - geo.gap;
  const labels = edgeLabels(f);
  const top = y0 - 10 - geo.topQueue * pitch;
  const text = (x: number, y: number, anchor: string, t: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" dominant-baseline="middle">${escapeXml(t)}</text>`;
  parts.push(
    `<g class="edge-labels" font-family="${FONT}" font-size="12" fill="#5f6368">` +
      text(x0 - geo.gap - 2, top, 'end', labels.horizontal) +
      text(x0 + 8, top, 'start', labels.vertical) +
      text(x0, y0 + (rows + geo.bottomQueue) * pitch + 10, 'start', labels.below) +
      `</g>`,
  );

  const cur = f.slotAt(f.index);
  if (geo.showNumbers && cur) {
    const px = geo.valuePx;
    const n = rows * cols;
    const values: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const i = cur.offset * n + r * cols + c;
        const cx = x0 + c * pitch + s / 2;
        for (const line of peValueLines(cur.window, i, roomyCells(geo)))
          values.push(`<text x="${cx}" y="${y0 + r * pitch + s * line.at}" fill="${line.colour}">${escapeXml(line.text)}</text>`);
      }
    parts.push(
      `<g class="pe-values" font-family="${MONO}" font-size="${px}" text-anchor="middle" dominant-baseline="middle">${values.join('')}</g>`,
    );
  }
  return { width: geo.width, height: geo.height, markup: parts.join('') };
}
