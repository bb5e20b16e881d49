// Presenter mode on a projector (issue 9): at 1280x720, on every tour step, the highlighted
// panel's smallest text (HTML and SVG, as rendered) is at least the floor, the tour box is at
// most its share of the screen and does not cover the step's target; tours can be changed
// without leaving presenter mode; on a phone the tour outline is reachable with the drawer shut.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { TOURS } from '../src/scenario/tours';
import { PRESENTER_MIN_TEXT_PX, TOUR_BOX_MAX_SHARE } from '../src/ui/presenterLimits';
import { waitForApp } from './shareHelpers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-presenter';
mkdirSync(SHOTS, { recursive: true });

/** The smallest rendered text size in the panel in view: CSS font size, times the SVG's screen scale for SVG text. */
function minTextPx(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    const panel = document.querySelector('main[role="tabpanel"]')!;
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
  });
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function startPresenting(page: Page, tourId: string) {
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('presenter-on').click();
  await expect(page.locator('.app.presenter')).toHaveCount(1);
  await page.getByTestId('tour-select').selectOption(tourId);
}

test.describe('presenter mode at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const tour of TOURS) {
    test(`tour "${tour.id}": every step's panel text is at least the floor, the box is short and beside the target`, async ({ page }) => {
      test.setTimeout(180_000);
      await startPresenting(page, tour.id);
      const overlay = page.getByTestId('tour-overlay');
      const vp = page.viewportSize()!;
      for (let i = 0; i < tour.steps.length; i++) {
        await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${i + 1} of ${tour.steps.length}`);
        const target = page.locator('.tour-highlight');
        await expect(target).toHaveCount(1);
        // Let results and the box's placement settle.
        await page.waitForTimeout(800);
        const text = await minTextPx(page);
        expect(text.px, `${tour.id}[${i}] smallest text: ${text.where}`).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
        const tb = (await overlay.boundingBox())!;
        expect(tb.height, `${tour.id}[${i}] tour box height`).toBeLessThanOrEqual(TOUR_BOX_MAX_SHARE * vp.height + 0.5);
        await expect
          .poll(async () => intersects((await overlay.boundingBox())!, (await target.boundingBox())!), {
            message: `${tour.id}[${i}] tour box covers its target`,
          })
          .toBe(false);
        if (i === 0 || i === tour.steps.length - 1) await page.screenshot({ path: `${SHOTS}/presenter-${tour.id}-${i}-1280.png` });
        if (i < tour.steps.length - 1) await page.keyboard.press('PageDown');
      }
    });
  }

  test('the tour menu and the step outline work without leaving presenter mode', async ({ page }) => {
    await startPresenting(page, TOURS[0].id);
    const overlay = page.getByTestId('tour-overlay');
    await expect(overlay.getByTestId('tour-step')).toHaveText(`Step 1 of ${TOURS[0].steps.length}`);
    const other = TOURS[TOURS.length - 1];
    await page.getByTestId('tour-select').selectOption(other.id);
    await expect(overlay).toHaveAttribute('aria-label', `Guided tour: ${other.title}`);
    await expect(overlay.getByTestId('tour-step')).toHaveText(`Step 1 of ${other.steps.length}`);
    await overlay.getByTestId('tour-outline').selectOption(String(other.steps.length - 1));
    await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${other.steps.length} of ${other.steps.length}`);
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    await expect(page.getByTestId('copy-link')).toHaveCount(0);
  });
});

test.describe('presenter mode at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('every step fits: text at least the floor, box short and beside the target, nothing wider than the screen', async ({ page }) => {
    test.setTimeout(300_000);
    for (const tour of TOURS) {
      await startPresenting(page, tour.id);
      const overlay = page.getByTestId('tour-overlay');
      for (let i = 0; i < tour.steps.length; i++) {
        await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${i + 1} of ${tour.steps.length}`);
        await page.waitForTimeout(500);
        expect((await minTextPx(page)).px).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
        expect((await overlay.boundingBox())!.height).toBeLessThanOrEqual(TOUR_BOX_MAX_SHARE * 1080 + 0.5);
        await expect
          .poll(async () => intersects((await overlay.boundingBox())!, (await page.locator('.tour-highlight').boundingBox())!))
          .toBe(false);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
        if (i === 0) await page.screenshot({ path: `${SHOTS}/presenter-${tour.id}-${i}-1920.png` });
        if (i < tour.steps.length - 1) await page.keyboard.press('PageDown');
      }
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the tour menu and the tour outline are reachable with the controls drawer closed', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await page.getByTestId('tab-latency').or(page.locator('#tab-latency')).first().click();
    await expect(page.getByTestId('controls-drawer')).toBeHidden();
    await expect(page.getByTestId('tour-select')).toBeVisible();
    await page.getByTestId('tour-select').selectOption(TOURS[1].id);
    await expect(page.getByTestId('controls-drawer')).toBeHidden();
    const outline = page.getByTestId('tour-outline');
    await expect(outline).toBeVisible();
    await expect(outline).toBeInViewport();
    await outline.selectOption('2');
    await expect(page.getByTestId('tour-step')).toHaveText(`Step 3 of ${TOURS[1].steps.length}`);
    await page.screenshot({ path: `${SHOTS}/presenter-phone-outline.png` });
  });
});
