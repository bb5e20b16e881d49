// Chart export. Convention for panel authors: put `data-chart="<stable-id>"` on the
// <svg> or <canvas> that draws a chart (or on a wrapper holding exactly one of them) and
// `data-chart-name="Human title"` for the file and menu name. SVGs are serialised with
// their computed styles inlined (so CSS classes and variables survive outside the page);
// PNGs are drawn through a canvas. Everything stays in the page: no network.
// `data-chart-scope="gemm" | "cycle"` marks a chart of the systolic-array run (file names
// then name the array, not the model). Legend entries are the host's [data-legend-item]
// elements (their first child is the swatch); a canvas chart registers a ChartSource.
// Every export is framed (svgFrame.ts): title, scenario line, chart, legend, link.
import { chartSourceOf } from './chartSource';
import type { ExportScope } from './exportNames';
import { framedSvg, type ChartBody, type LegendEntry } from './svgFrame';

export interface ChartRef {
  id: string;
  name: string;
  kind: 'svg' | 'canvas';
  el: SVGSVGElement | HTMLCanvasElement;
  /** The element holding the chart and its legend. */
  host: Element;
  scope: ExportScope;
}

/** What every export of the page states: the scenario in words and the link that reopens it. */
export interface ExportContext {
  scenarioLine: string;
  link: string;
}

const SCOPES: readonly ExportScope[] = ['llm', 'gemm', 'cycle'];
const scopeOf = (host: Element): ExportScope => SCOPES.find((s) => s === host.getAttribute('data-chart-scope')) ?? 'llm';

/** Presentation properties that decide how an SVG looks; copied inline on export. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'color',
  'shape-rendering',
] as const;

/**
 * Charts on the page: elements tagged [data-chart]; when a panel has tagged none yet, every
 * <svg>/<canvas> of chart size in the panel area (named by aria-label or data-testid).
 */
export function findCharts(root: ParentNode = document): ChartRef[] {
  const tagged = findTagged(root);
  return tagged.length > 0 ? tagged : findUntagged(root);
}

function findUntagged(root: ParentNode): ChartRef[] {
  const out: ChartRef[] = [];
  root.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('main svg, main canvas').forEach((el, i) => {
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) return; // nested svg
    const r = el.getBoundingClientRect();
    if (r.width < 80 || r.height < 24) return; // icons, not charts
    const id = el.getAttribute('data-testid') || `chart-${i + 1}`;
    const name = el.getAttribute('aria-label') || el.getAttribute('data-testid') || `Chart ${i + 1}`;
    const host = el.closest('figure') ?? el.parentElement ?? el;
    out.push({ id, name, kind: el instanceof HTMLCanvasElement ? 'canvas' : 'svg', el, host, scope: 'llm' });
  });
  return out;
}

function findTagged(root: ParentNode): ChartRef[] {
  const out: ChartRef[] = [];
  root.querySelectorAll<HTMLElement | SVGElement>('[data-chart]').forEach((host, i) => {
    const el =
      host instanceof SVGSVGElement || host instanceof HTMLCanvasElement
        ? host
        : host.querySelector<SVGSVGElement | HTMLCanvasElement>('svg, canvas');
    if (!el) return;
    const id = host.getAttribute('data-chart') || `chart-${i + 1}`;
    const name = host.getAttribute('data-chart-name') || host.getAttribute('aria-label') || id;
    out.push({ id, name, kind: el instanceof HTMLCanvasElement ? 'canvas' : 'svg', el, host, scope: scopeOf(host) });
  });
  return out;
}

function size(el: Element): { width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

/** An on-page SVG as a standalone <svg> element, with computed styles inlined. */
export function svgBody(svg: SVGSVGElement): ChartBody {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
  src.forEach((node, i) => {
    const cs = getComputedStyle(node);
    const decl = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    const target = dst[i] as SVGElement;
    target.setAttribute('style', decl);
    target.removeAttribute('class');
  });
  const { width, height } = size(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { width, height, markup: new XMLSerializer().serializeToString(clone) };
}

/** A canvas bitmap as an <image>, at least at its on-screen size (pixel edges kept). */
export function canvasImageBody(canvas: HTMLCanvasElement): ChartBody {
  const { width, height } = size(canvas);
  const href = atLeastOnScreen(canvas).toDataURL('image/png');
  return {
    width,
    height,
    markup: `<image href="${href}" width="${width}" height="${height}" preserveAspectRatio="none" style="image-rendering:pixelated"/>`,
  };
}

/** The legend beside a chart: registered by a canvas chart, else the host's [data-legend-item] elements. */
export function legendOf(c: ChartRef): LegendEntry[] {
  const source = chartSourceOf(c.el);
  if (source) return source.legend();
  return Array.from(c.host.querySelectorAll('[data-legend-item]')).map((item) => {
    const sw = item.firstElementChild;
    const cs = sw ? getComputedStyle(sw) : null;
    const bg = cs?.backgroundColor ?? '';
    const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A swatch with no fill is an outline: a dashed comparison series.
    if (!cs || bg === '' || bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)')
      return { label, colour: cs?.borderTopColor || '#1d1d1f', dashed: true };
    return { label, colour: bg };
  });
}

/**
 * The framed SVG document of a chart. `vector`: a canvas chart that can draw itself as SVG
 * does (the SVG export); the PNG export embeds the canvas bitmap, exact to the pixel.
 */
export function chartDocument(c: ChartRef, ctx: ExportContext, vector: boolean) {
  const source = chartSourceOf(c.el);
  const body =
    c.kind === 'svg' ? svgBody(c.el as SVGSVGElement) : ((vector ? source?.vector() : null) ?? canvasImageBody(c.el as HTMLCanvasElement));
  const detail = source?.detail();
  return framedSvg({
    title: c.name,
    lines: detail ? [detail, `Scenario: ${ctx.scenarioLine}`] : [ctx.scenarioLine],
    link: ctx.link,
    legend: legendOf(c),
    body,
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The canvas could not be encoded as PNG.'))), 'image/png'),
  );
}

/** PNG of an SVG document at `scale` x its size, on white. */
export async function svgTextToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    img.addEventListener('load', () => resolve());
    img.addEventListener('error', () => reject(new Error('The chart could not be drawn as an image.')));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas available.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas);
}

/**
 * A canvas at least at its on-screen size: a heat map drawn as 8x8 pixels and stretched by
 * CSS is scaled up with hard pixel edges, as the page shows it.
 */
function atLeastOnScreen(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const { width, height } = size(canvas);
  if (canvas.width >= width && canvas.height >= height) return canvas;
  const k = Math.max(width / canvas.width, height / canvas.height);
  const out = document.createElement('canvas');
  out.width = Math.round(canvas.width * k);
  out.height = Math.round(canvas.height * k);
  const ctx = out.getContext('2d');
  if (!ctx) return canvas;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas, 0, 0, out.width, out.height);
  return out;
}

export async function chartPng(c: ChartRef, ctx: ExportContext): Promise<Blob> {
  const doc = chartDocument(c, ctx, false);
  return svgTextToPng(doc.text, doc.width, doc.height);
}

export function chartSvg(c: ChartRef, ctx: ExportContext): Blob {
  return new Blob([chartDocument(c, ctx, true).text], { type: 'image/svg+xml' });
}
