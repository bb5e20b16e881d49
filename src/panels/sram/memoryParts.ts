// The parts a chip's memory is split into, with their colours: one list for the legend on
// screen, the chip strip's canvas and the strip's export legend, so the three always agree.

export type MemoryPart = 'weights' | 'kv' | 'act' | 'free' | 'over';

export const MEMORY_PARTS: readonly { part: MemoryPart; label: string; swatch: string; cssVar: string | null; fallback: string }[] = [
  { part: 'weights', label: 'weights', swatch: 'sw-weights', cssVar: '--c-blue', fallback: '#0072b2' },
  { part: 'kv', label: 'KV cache', swatch: 'sw-kv', cssVar: '--c-orange', fallback: '#e69f00' },
  { part: 'act', label: 'activations', swatch: 'sw-act', cssVar: '--c-purple', fallback: '#cc79a7' },
  { part: 'free', label: 'free', swatch: 'sw-free', cssVar: null, fallback: '#eceff1' },
  { part: 'over', label: 'over capacity', swatch: 'sw-over', cssVar: '--c-vermillion', fallback: '#d55e00' },
];

/** Each part's colour as the page resolves it (the palette lives in CSS variables). */
export function partColours(el: Element): Record<MemoryPart, string> {
  const cs = getComputedStyle(el);
  const out = {} as Record<MemoryPart, string>;
  for (const p of MEMORY_PARTS) out[p.part] = (p.cssVar && cs.getPropertyValue(p.cssVar).trim()) || p.fallback;
  return out;
}
