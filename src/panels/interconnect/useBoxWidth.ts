// The on-screen width of an element's box, kept current: a chart drawn at this width has one
// SVG unit per CSS px, so its text renders at the size its CSS declares.
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useBoxWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
