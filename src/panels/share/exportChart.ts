// Chart export. Convention for panel authors: put `data-chart="<stable-id>"` on the
// <svg> or <canvas> that draws a chart (or on a wrapper holding exactly one of them) and
// `data-chart-name="Human title"` for the file and menu name. SVGs are serialised with
// their computed styles inlined (so CSS classes and variables survive outside the page);
// PNGs are drawn through a canvas. Everything stays in the page: no network.

export interface ChartRef {
  id: string;
  name: string;
  kind: 'svg' | 'canvas';
  el: SVGSVGElement | HTMLCanvasElement;
}

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
    out.push({ id, name, kind: el instanceof HTMLCanvasElement ? 'canvas' : 'svg', el });
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
    out.push({ id, name, kind: el instanceof HTMLCanvasElement ? 'canvas' : 'svg', el });
  });
  return out;
}

function size(el: Element): { width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

/** A standalone SVG document of an on-page SVG, with computed styles inlined. */
export function serializeSvg(svg: SVGSVGElement): string {
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
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const xml = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** An SVG document that wraps a canvas bitmap (so canvas charts also export as SVG). */
export function canvasToSvg(canvas: HTMLCanvasElement): string {
  const { width, height } = size(canvas);
  const href = canvas.toDataURL('image/png');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image href="${href}" width="${width}" height="${height}"/></svg>`
  );
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The canvas could not be encoded as PNG.'))), 'image/png'),
  );
}

/** PNG of an SVG chart at `scale` x its on-screen size, on the page background. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = serializeSvg(svg);
  const { width, height } = size(svg);
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
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvasBlob(canvas);
}

/**
 * PNG of a canvas chart at least at its on-screen size: a heat map drawn as 8x8 pixels and
 * stretched by CSS is scaled up with hard pixel edges, as the page shows it.
 */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  const { width, height } = size(canvas);
  if (canvas.width >= width && canvas.height >= height) return canvasBlob(canvas);
  const k = Math.max(width / canvas.width, height / canvas.height);
  const out = document.createElement('canvas');
  out.width = Math.round(canvas.width * k);
  out.height = Math.round(canvas.height * k);
  const ctx = out.getContext('2d');
  if (!ctx) return canvasBlob(canvas);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas, 0, 0, out.width, out.height);
  return canvasBlob(out);
}

export async function chartPng(c: ChartRef): Promise<Blob> {
  return c.kind === 'canvas' ? canvasToPng(c.el as HTMLCanvasElement) : svgToPng(c.el as SVGSVGElement);
}

export function chartSvg(c: ChartRef): Blob {
  const text = c.kind === 'canvas' ? canvasToSvg(c.el as HTMLCanvasElement) : serializeSvg(c.el as SVGSVGElement);
  return new Blob([text], { type: 'image/svg+xml' });
}
