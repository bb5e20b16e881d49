// Phone (390 x 844) and tablet (768 x 1024): no tab scrolls the page sideways, every control of
// the header, the tab bar and the controls drawer is at least 44 px tall, and the drawer opens
// from the header's Controls button, holds working controls, and closes with Escape (focus
// back on the button). On a wide screen (1400 x 900) the controls stay a sidebar.
import { test, expect, type Page } from '@playwright/test';
import { waitForApp } from './shareHelpers';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

const TABS = ['argument', 'dataflow', 'sram', 'interconnect', 'latency'] as const;

/** The control each tab's drawer is tried with (the argument has no controls). */
const CONTROL: Record<(typeof TABS)[number], string | null> = {
  argument: null,
  dataflow: 'gemm-rows',
  sram: 'llm-batch',
  interconnect: 'llm-batch',
  latency: 'llm-batch',
};

// Checkboxes and radios are excluded: their touch target is the label around them.
const TARGETS = ['button', 'select', 'input:not([type="checkbox"]):not([type="radio"]):not([type="file"])', 'summary', '[role="tab"]'];
const within = (scope: string) => TARGETS.map((t) => `${scope} ${t}`).join(', ');

async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Height of every visible target in the scope that is under 44 px, with what it is. */
async function shortTargets(page: Page, selector: string): Promise<string[]> {
  const out: string[] = [];
  for (const el of await page.locator(selector).all()) {
    if (!(await el.isVisible())) continue;
    if (await el.evaluate((e) => e.closest('.sr-only') !== null)) continue;
    const box = await el.boundingBox();
    if (!box || box.height >= 44) continue;
    const what = await el.evaluate(
      (e) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`,
    );
    out.push(`${what}: ${box.height.toFixed(1)} px`);
  }
  return out;
}

for (const vp of VIEWPORTS) {
  test.describe(`${vp.name} ${vp.width}x${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    for (const tab of TABS) {
      test(`${tab}: no sideways page scroll, 44 px targets, the controls drawer`, async ({ page }) => {
        await page.goto('/');
        await waitForApp(page);
        await page.locator(`#tab-${tab}`).click();
        await expect(page.locator(`#tabpanel-${tab}`)).toBeVisible();
        // Results arrive from the worker and may widen the panel: let them land.
        await page.waitForTimeout(1500);

        const o = await overflow(page);
        expect(o.scrollWidth, `page scrollWidth on ${tab}`).toBeLessThanOrEqual(o.innerWidth);
        expect(await shortTargets(page, `${within('header.app-header')}, ${within('nav.tabs')}`)).toEqual([]);

        const toggle = page.getByTestId('controls-toggle');
        const drawer = page.locator('#controls-drawer');
        const control = CONTROL[tab];
        if (control === null) {
          // Nothing to control on this panel: no button, no drawer.
          await expect(toggle).toHaveCount(0);
          await expect(drawer).toHaveCount(0);
          return;
        }
        // Closed: the sidebar is gone, the button says so.
        await expect(drawer).toBeHidden();
        await expect(toggle).toBeVisible();
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(toggle).toHaveAttribute('aria-controls', 'controls-drawer');

        await toggle.click();
        await expect(drawer).toBeVisible();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        // Focus moved into the drawer.
        expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
        const box = await drawer.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
        expect(await shortTargets(page, within('#controls-drawer'))).toEqual([]);
        expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(vp.width);

        // A control in it is visible and works: the value goes into the scenario (the link).
        const input = drawer.locator(`[data-control="${control}"] input[type="text"]`);
        await expect(input).toBeVisible();
        await input.fill('2');
        await expect(input).toHaveValue('2');
        await expect(input).toHaveAttribute('aria-invalid', 'false');
        const key = control === 'llm-batch' ? 'b' : null;
        if (key) await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`[#&]${key}=2(&|$)`));

        await page.keyboard.press('Escape');
        await expect(drawer).toBeHidden();
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(toggle).toBeFocused();

        // The close button closes it too, and the value stayed.
        await toggle.click();
        await expect(input).toHaveValue('2');
        await page.getByTestId('controls-close').click();
        await expect(drawer).toBeHidden();
        await expect(toggle).toBeFocused();
      });
    }

    test('the tour box fits the viewport', async ({ page }) => {
      await page.goto('/');
      await waitForApp(page);
      const tour = await page.getByTestId('tour-select').locator('option').nth(1).getAttribute('value');
      await page.getByTestId('tour-select').selectOption(tour!);
      const box = await page.getByTestId('tour-overlay').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
      expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(vp.width);
    });
  });
}

test('wide screen: the controls are a sidebar, no drawer button', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  const aside = page.locator('aside.controls');
  await expect(aside).toBeVisible();
  await expect(aside.locator('[data-control="llm-batch"] input[type="text"]')).toBeVisible();
  await expect(page.getByTestId('controls-toggle')).toBeHidden();
  await expect(page.getByTestId('controls-close')).toBeHidden();
  const box = await aside.boundingBox();
  expect(box!.x).toBe(0);
  expect(box!.width).toBeGreaterThan(250);
  // Escape with focus in the sidebar leaves it where it is.
  await aside.locator('[data-control="llm-batch"] input[type="text"]').focus();
  await page.keyboard.press('Escape');
  await expect(aside).toBeVisible();
});
