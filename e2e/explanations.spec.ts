// How each number was computed, reachable by tap and keyboard (issue 9 item 7). A `title`
// tooltip shows on mouse hover only, so an explanation that lives only there is out of reach
// for a phone or a keyboard. Precisely, an element is "explained by its title only" when it
// carries a non-empty `title` attribute (or, in an SVG, a <title> child) and
//   - it is not focusable (a focused control's title is its accessible description), and
//   - it holds no "?" explanation button (ui/HowToggle.tsx, `.how-btn`), and
//   - the title does not merely repeat the element's own visible text (a clipped label's tooltip).
// The latency and argument tabs, the toolbar and the tour box must have none; the rest of the
// app is listed (test annotations) and held to at most today's count, so it can only fall.
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

// Titles that remain (the SRAM bar segments, the network drawing's marks, the transport buttons' key hints)
// and in the compare view: listed, and held to at most this many so the count only falls.
const REMAINING_AT_MOST = 9;

test('the rest of the app: titles still hover-only are listed, and no more than before', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const all: string[] = [];
  for (const id of ['dataflow', 'sram', 'interconnect']) {
    await openTab(page, id);
    const found = await titleOnly(page, 'main[role="tabpanel"]');
    all.push(...found.map((f) => `${id}: ${f}`));
  }
  all.push(...(await titleOnly(page, 'aside.controls')).map((f) => `controls: ${f}`));
  for (const f of all) test.info().annotations.push({ type: 'title only', description: f });
  console.log(`hover-only titles elsewhere: ${all.length}\n${all.join('\n')}`);
  expect(all.length).toBeLessThanOrEqual(REMAINING_AT_MOST);
});

test('a keyboard user opens an explanation with Tab and Enter and reads it', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await openTab(page, 'latency');
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  // Start the Tab order at the panel's heading, then Tab to the first "?" after it.
  await page.locator('[data-panel="latency"] h2').click();
  let name = '';
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    name = await page.evaluate(() =>
      document.activeElement?.classList.contains('how-btn') ? document.activeElement.getAttribute('aria-label')! : '',
    );
    if (name) break;
  }
  expect(name).toMatch(/^How .+ is computed$/);
  const btn = page.locator('.how-btn:focus');
  await expect(btn).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(btn).toHaveAttribute('aria-expanded', 'true');
  const text = page.locator(`[id="${await btn.getAttribute('aria-controls')}"]`);
  await expect(text).toBeVisible();
  await expect(text).toBeInViewport();
  expect(((await text.textContent()) ?? '').trim().length).toBeGreaterThan(20);
  await page.keyboard.press('Enter');
  await expect(text).toBeHidden();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('a tap opens the explanation of a chart', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await openTab(page, 'latency');
    await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
    const fig = page.locator('[data-chart="answer-budget"]');
    await fig.getByTestId('how-btn').tap();
    await expect(fig.getByTestId('how-text')).toBeVisible();
    await expect(fig.getByTestId('how-text')).toContainText('whole answer');
  });
});
