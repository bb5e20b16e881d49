// Text size as a reader sees it, shared by the chart and presenter specs.
import type { Page } from '@playwright/test';

/** The smallest rendered text size under `selector`: CSS font size, times the SVG's screen scale for SVG text. */
export function minTextPx(page: Page, selector: string): Promise<{ px: number; where: string }> {
  return page.evaluate((sel) => {
    const panel = document.querySelector(sel)!;
    let px = Infinity;
    let where = '';
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('[hidden], .sr-only, title')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        size *= m ? Math.hypot(m.a, m.b) : 1;
      }
      if (size < px) {
        px = size;
        where = `${el.tagName} "${n.textContent.trim().slice(0, 40)}"`;
      }
    }
    return { px, where };
  }, selector);
}
