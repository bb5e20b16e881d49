// How each number was computed, reachable by tap and keyboard (issue 9 item 7). A `title`
// tooltip shows on mouse hover only, so an explanation that lives only there is out of reach
// for a phone or a keyboard. Precisely, an element is "explained by its title only" when it
// carries a non-empty `title` attribute (or, in an SVG, a <title> child) and
//   - it is not focusable (a focused control's title is its accessible description), and
//   - it holds no "?" explanation button (ui/HowToggle.tsx, `.how-btn`), and
//   - the title does not merely repeat the element's own visible text (a clipped label's tooltip).
// The latency and argument tabs, the toolbar and the tour box must have none; the rest of the
// app (every tab, the controls and the compare view) must have none either.
import { test, expect, type Page } from '@playwright/test';
import { waitForApp } from './shareHelpers';

/** Elements under `selector` explained by their title only, described for a message. */
function titleOnly(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const out: string[] = [];
    for (const root of Array.from(document.querySelectorAll(sel))) {
      const found: { el: Element; text: string }[] = [
        ...Array.from(root.querySelectorAll('[title]')).map((el) => ({ el, text: el.getAttribute('title') ?? '' })),
        ...Array.from(root.querySelectorAll('svg title')).map((t) => ({ el: t.parentElement!, text: t.textContent ?? '' })),
      ];
      for (const { el, text } of found) {
        if (!text.trim() || el.matches(FOCUSABLE) || el.querySelector('.how-btn')) continue;
        if ((el.textContent ?? '').replace(/\s+/g, ' ').trim() === text.trim()) continue;
        out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${text.slice(0, 60)}`);
      }
    }
    return out;
  }, selector);
}

async function openTab(page: Page, id: string) {
  await page.locator(`#tab-${id}`).click();
  await expect(page.locator(`#tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(300);
}

test('no explanation in the latency and argument tabs, the toolbar or the tour box is in a title only', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  for (const id of ['latency', 'argument']) {
    await openTab(page, id);
    if (id === 'latency') await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
    expect(await titleOnly(page, 'main[role="tabpanel"]'), id).toEqual([]);
  }
  expect(await titleOnly(page, '[role="toolbar"]'), 'toolbar').toEqual([]);
  await page.getByTestId('tour-select').selectOption('hbm-bound');
  await expect(page.getByTestId('tour-overlay')).toBeVisible();
  await expect(page.getByTestId('tour-fact').first()).not.toHaveAttribute('data-state', 'pending');
  expect(await titleOnly(page, '[data-testid="tour-overlay"]'), 'tour box').toEqual([]);
});

test('nowhere else: the dataflow, SRAM and interconnect tabs, the controls and the compare view', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  for (const id of ['dataflow', 'sram', 'interconnect']) {
    await openTab(page, id);
    expect(await titleOnly(page, 'main[role="tabpanel"]'), id).toEqual([]);
  }
  expect(await titleOnly(page, 'aside.controls'), 'controls').toEqual([]);
  // The compare view, with A pinned and the batch changed so it has rows that differ.
  await page.getByTestId('pin-a').click();
  await page.locator('#tab-sram').click();
  await page.locator('[data-control="llm-batch"] input[type="text"]').fill('8');
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('compare-changes')).toBeVisible();
  expect(await titleOnly(page, '[data-testid="compare-view"]'), 'compare view').toEqual([]);
});
