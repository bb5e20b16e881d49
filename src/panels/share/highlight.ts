// Outlines the element a tour step points at: a panel id ('latency' or 'panel-latency' ->
// its tab panel), a control id (matched against data-control, ignoring dashes and the
// 'overrides' level so both controlId spellings work), or any element with that id.
import { PANELS } from '../../scenario/types';

const CLASS = 'tour-highlight';

const squash = (id: string) =>
  id
    .toLowerCase()
    .replace(/overrides/g, '')
    .replace(/-/g, '');

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

function inViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const h = window.innerHeight || document.documentElement.clientHeight;
  const w = window.innerWidth || document.documentElement.clientWidth;
  // Fully visible, or (taller than the viewport) filling it from its top; a pixel of slack for
  // the sub-pixel positions scrollIntoView leaves.
  const top = r.top >= -1;
  return (
    r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= w + 1 && (r.height > h ? top && r.top < h / 2 : top && r.bottom <= h + 1)
  );
}

/** Opens every collapsed section (<details>) around the element and scrolls it into view. */
export function reveal(el: Element): void {
  for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) (d as HTMLDetailsElement).open = true;
  if (el instanceof HTMLDetailsElement) el.open = true;
  if (inViewport(el)) return;
  const tall = el.getBoundingClientRect().height > window.innerHeight;
  el.scrollIntoView({ block: tall ? 'start' : 'center', inline: 'nearest' });
}

/**
 * Applies the outline now and again as the panel renders (its results arrive later and move
 * things), opening the target's section and scrolling it into view; returns a cleanup.
 */
export function highlightTarget(id: string, fallback?: string): () => void {
  let current: Element | null = null;
  // Once the user scrolls, clicks or types, the page is theirs: keep the outline, stop scrolling.
  let userActed = false;
  const acted = () => {
    userActed = true;
  };
  const events = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
  events.forEach((e) => window.addEventListener(e, acted, { capture: true, passive: true }));
  const apply = () => {
    const el = resolveTarget(id) ?? (fallback ? resolveTarget(fallback) : null);
    if (el !== current) {
      current?.classList.remove(CLASS);
      current = el;
      current?.classList.add(CLASS);
    }
    if (current && !userActed) reveal(current);
  };
  apply();
  const timers = [50, 300, 1000, 2000, 4000].map((ms) => setTimeout(apply, ms));
  // Results can take longer than the timers (a large scenario): move the outline to the step's
  // own target whenever it appears, however late.
  let frame = 0;
  const moved = () => {
    const el = resolveTarget(id);
    return el !== null && el !== current;
  };
  const observer = new MutationObserver(() => {
    if (frame || !moved()) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (moved()) apply();
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    timers.forEach(clearTimeout);
    events.forEach((e) => window.removeEventListener(e, acted, { capture: true }));
    observer.disconnect();
    cancelAnimationFrame(frame);
    current?.classList.remove(CLASS);
  };
}
