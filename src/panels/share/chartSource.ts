// What a canvas chart can tell the exporter beyond its pixels: its legend, a line about what
// it shows, and, when small enough to stay readable, itself as vector SVG drawn from the
// same data the canvas draws. A panel registers this on its canvas; the exporter asks.
import type { ChartBody, LegendEntry } from './svgFrame';

export interface ChartSource {
  legend: () => LegendEntry[];
  /** What this chart shows beyond the scenario (the GEMM, the cycle), one line. */
  detail: () => string;
  /** The chart as SVG, or null when it has too many elements (the export embeds the bitmap). */
  vector: () => ChartBody | null;
}

const sources = new WeakMap<Element, ChartSource>();

/** Registers `source` for `el`; returns the unregister function (for an effect's cleanup). */
export function setChartSource(el: Element, source: ChartSource): () => void {
  sources.set(el, source);
  return () => {
    if (sources.get(el) === source) sources.delete(el);
  };
}

export function chartSourceOf(el: Element): ChartSource | null {
  return sources.get(el) ?? null;
}
