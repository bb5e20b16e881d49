// Reading the numbers the app shows back into the engine's units, to compare them with it.
import { expect } from '@playwright/test';

/** A displayed figure as a number in the base unit of its row (ms, tokens/s, US$, J, kW). */
export function parseShown(text: string): number {
  const t = text.replace(/[$,]/g, '').trim();
  const v = parseFloat(t);
  if (/\bµs\b/.test(t)) return v / 1000;
  if (/^[\d.]+ s$/.test(t)) return v * 1000;
  const si = /^[\d.]+([kMG]) /.exec(t);
  return si ? v * { k: 1e3, M: 1e6, G: 1e9 }[si[1] as 'k' | 'M' | 'G'] : v;
}

/** Shown with 3 significant digits: within 0.5% (+ rounding slack) of the engine's value. */
export function expectClose(shown: number, engine: number, what: string): void {
  expect(Math.abs(shown - engine) / Math.abs(engine), `${what}: shown ${shown}, engine ${engine}`).toBeLessThan(0.006);
}
