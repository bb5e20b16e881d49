// Outlines the element a tour step points at: a panel id ('latency' or 'panel-latency' ->
// its tab panel), a control id (matched against data-control, ignoring dashes and the
// 'overrides' level so both controlId spellings work), or any element with that id.
import { PANELS } from '../../scenario/types';

const CLASS = 'tour-highlight';

const squash = (id: string) => id.toLowerCase().replace(/overrides/g, '').replace(/-/g, '');

export function resolveTarget(id: string, root: Document = document): Element | null {
  const panel = id.startsWith('panel-') ? id.slice('panel-'.length) : id;
  if ((PANELS as readonly string[]).includes(panel)) return root.getElementById(`tabpanel-${panel}`);
  const esc = CSS.escape(id);
  const exact = root.querySelector(`[data-control="${esc}"]`) ?? root.querySelector(`[data-highlight="${esc}"]`);
  if (exact) return exact;
  const want = squash(id);
  const loose = Array.from(root.querySelectorAll<HTMLElement>('[data-control]')).find((el) => squash(el.dataset.control ?? '') === want);
  return loose ?? root.getElementById(id);
}

/** Applies the outline now and again as the panel renders; returns a cleanup. */
export function highlightTarget(id: string, fallback?: string): () => void {
  let current: Element | null = null;
  const apply = () => {
    const el = resolveTarget(id) ?? (fallback ? resolveTarget(fallback) : null);
    if (el === current) return;
    current?.classList.remove(CLASS);
    current = el;
    current?.classList.add(CLASS);
  };
  apply();
  const timers = [50, 300, 1000].map((ms) => setTimeout(apply, ms));
  return () => {
    timers.forEach(clearTimeout);
    current?.classList.remove(CLASS);
  };
}
