// The frame every exported chart sits in: title on top, then the scenario in words, the
// chart, its legend, and the link that reopens the scenario. A chart copied out of the page
// loses the panel around it; this puts back what a reader needs to understand and redo it.
// Pure: strings in, one SVG document out, so PNG and SVG exports and tests share it.

export interface LegendEntry {
  label: string;
  /** Any CSS colour. */
  colour: string;
  /** Drawn as a dashed outline (a ghost or comparison series), not a filled swatch. */
  dashed?: boolean;
}

/** SVG markup of a chart in its own box (0, 0)-(width, height). */
export interface ChartBody {
  width: number;
  height: number;
  markup: string;
}

export interface ChartFrame {
  title: string;
  /** The scenario in words, one entry per line (long lines wrap). */
  lines: string[];
  link: string;
  legend: LegendEntry[];
  body: ChartBody;
}

export interface FramedSvg {
  text: string;
  width: number;
  height: number;
}

const PAD = 16;
const MIN_WIDTH = 560;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const MONO = 'ui-monospace, Menlo, Consolas, monospace';
const TITLE_PX = 16;
const TEXT_PX = 12;
const LINK_PX = 10;
/** Average advance of a character in em: an estimate (no font metrics outside a page), erring wide. */
const EM_PER_CHAR = 0.56;
const MONO_EM_PER_CHAR = 0.61;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Greedy word wrap to `maxChars`; a word longer than a line is cut (a URL has no spaces). */
export function wrapText(text: string, maxChars: number): string[] {
  const max = Math.max(8, Math.floor(maxChars));
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = '';
    }
    let w = word;
    while (w.length > max) {
      if (line) {
        out.push(line);
        line = '';
      }
      out.push(w.slice(0, max));
      w = w.slice(max);
    }
    line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

const charsFor = (width: number, px: number, em = EM_PER_CHAR) => width / (px * em);

function textLines(lines: string[], x: number, y: number, px: number, lineH: number, attrs: string): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * lineH}" font-size="${px}" ${attrs}>${escapeXml(l)}</text>`).join('');
}

/** Legend swatches flowing left to right, wrapping at `width`; returns markup and height used. */
function legendMarkup(legend: LegendEntry[], width: number, y0: number): { markup: string; height: number } {
  if (legend.length === 0) return { markup: '', height: 0 };
  const rowH = TEXT_PX + 8;
  const lineH = TEXT_PX + 4;
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let tallest = rowH;
  for (const e of legend) {
    // A long explanation wraps inside its item rather than being cut.
    const lines = wrapText(e.label, charsFor(width - 18, TEXT_PX));
    const w = 18 + Math.max(...lines.map((l) => l.length)) * TEXT_PX * EM_PER_CHAR + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      y += tallest;
      tallest = rowH;
    }
    const sx = PAD + x;
    const sy = y0 + y;
    const swatch = e.dashed
      ? `<rect x="${sx + 1}" y="${sy + 1}" width="10" height="10" fill="none" stroke="${escapeXml(e.colour)}" stroke-width="1.5" stroke-dasharray="3 2"/>`
      : `<rect x="${sx}" y="${sy}" width="12" height="12" fill="${escapeXml(e.colour)}" stroke="#0003"/>`;
    parts.push(`<g class="legend-item">${swatch}${textLines(lines, sx + 18, sy + 10, TEXT_PX, lineH, '')}</g>`);
    x += w;
    tallest = Math.max(tallest, rowH + (lines.length - 1) * lineH);
  }
  y += tallest;
  return { markup: `<g class="legend" font-family="${FONT}" fill="#1d1d1f">${parts.join('')}</g>`, height: y };
}

export function framedSvg(f: ChartFrame): FramedSvg {
  const width = Math.ceil(Math.max(MIN_WIDTH, f.body.width + 2 * PAD));
  const inner = width - 2 * PAD;
  const title = wrapText(f.title, charsFor(inner, TITLE_PX, 0.6));
  const desc = f.lines.flatMap((l) => wrapText(l, charsFor(inner, TEXT_PX)));
  const link = wrapText(f.link, charsFor(inner, LINK_PX, MONO_EM_PER_CHAR));

  let y = PAD + TITLE_PX;
  const titleMarkup = textLines(title, PAD, y, TITLE_PX, TITLE_PX + 4, 'font-weight="600" class="chart-title"');
  y += (title.length - 1) * (TITLE_PX + 4) + 8 + TEXT_PX;
  const descMarkup = textLines(desc, PAD, y, TEXT_PX, TEXT_PX + 4, 'class="scenario" fill="#3c3c43"');
  y += (desc.length - 1) * (TEXT_PX + 4) + 10;
  // The chart centred in the frame.
  const bodyX = PAD + Math.max(0, Math.floor((inner - f.body.width) / 2));
  const bodyMarkup = `<g class="chart-body" transform="translate(${bodyX},${y})">${f.body.markup}</g>`;
  y += f.body.height + 10;
  const legend = legendMarkup(f.legend, inner, y);
  y += legend.height + (legend.height > 0 ? 6 : 0) + LINK_PX;
  const linkMarkup =
    `<a href="${escapeXml(f.link)}" target="_blank" class="scenario-link">` +
    textLines(link, PAD, y, LINK_PX, LINK_PX + 3, `font-family="${MONO}" fill="#0b57d0"`) +
    `</a>`;
  y += (link.length - 1) * (LINK_PX + 3);
  const height = Math.ceil(y + PAD);

  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(f.title)}</title>` +
    `<desc>${escapeXml([...f.lines, f.link].join('\n'))}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g font-family="${FONT}" fill="#1d1d1f">${titleMarkup}${descMarkup}</g>` +
    bodyMarkup +
    legend.markup +
    linkMarkup +
    `</svg>`;
  return { text, width, height };
}
