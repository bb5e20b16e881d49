// The heat map's colour scale: cividis (readable with colour-vision deficiencies), fixed to
// 0..100 % so runs compare at a glance. The canvas and the SVG export read this one table.
import { interpolateCividis } from 'd3';

let lut: Uint8ClampedArray | null = null;

/** 256 RGB triples, entry i for fraction i / 255. */
export function heatLut(): Uint8ClampedArray {
  if (lut) return lut;
  const t = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolateCividis(i / 255));
    if (m) t.set([Number(m[1]), Number(m[2]), Number(m[3])], i * 3);
  }
  lut = t;
  return t;
}

/** Offset into heatLut() of a utilisation fraction (above 1 clamps to the top colour). */
export function heatIndex(fraction: number): number {
  return Math.round(Math.max(0, Math.min(1, fraction)) * 255) * 3;
}

export function heatColour(fraction: number): string {
  const t = heatLut();
  const i = heatIndex(fraction);
  return `rgb(${t[i]}, ${t[i + 1]}, ${t[i + 2]})`;
}
