// Presenter mode on a projector (issue 9): at 1280x720, on every tour step, the highlighted
// panel's smallest text (HTML and SVG, as rendered) is at least the floor, the tour box is at
// most its share of the screen and does not cover the step's target; tours can be changed
// without leaving presenter mode; on a phone the tour outline is reachable with the drawer shut.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { TOURS } from '../src/scenario/tours';
import { MIN_TEXT_PX, PRESENTER_MIN_TEXT_PX, TOUR_BOX_MAX_SHARE } from '../src/ui/presenterLimits';
import { waitForApp } from './shareHelpers';
import { minTextPx } from './textSize';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-presenter';
mkdirSync(SHOTS, { recursive: true });

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
        const text = await minTextPx(page, 'main[role="tabpanel"]');
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

/** Records every fillText on a canvas with the CSS px size of its font (font px / the canvas's device-pixel ratio). */
function recordCanvasText(page: Page) {
  return page.addInitScript(() => {
    const seen: { canvas: string; px: number; text: string }[] = [];
    (window as unknown as { __canvasText: typeof seen }).__canvasText = seen;
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (
      this: CanvasRenderingContext2D,
      text: string,
      x: number,
      y: number,
      w?: number,
    ) {
      const c = this.canvas;
      // The canvas's CSS width is its style width (clientWidth would leave out a border).
      const css = parseFloat(c.style.width) || c.clientWidth;
      const px = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 'NaN') / (c.width / Math.max(1, css));
      seen.push({ canvas: c.dataset.testid ?? c.className, px, text });
      return w === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, w);
    };
  });
}

const canvasText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __canvasText: { canvas: string; px: number; text: string }[] }).__canvasText);

test.describe('the systolic array outside presenter mode', () => {
  for (const vp of [
    { width: 1400, height: 900 },
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${vp.width}x${vp.height}: no canvas text under ${MIN_TEXT_PX} px; values printed only where they fit at it`, async ({
      page,
    }) => {
      await page.setViewportSize(vp);
      await recordCanvasText(page);
      await page.goto('/#v=2&vp=dataflow');
      await waitForApp(page);
      const canvas = page.getByTestId('array-canvas');
      await page.getByTestId('scrub').fill('9');
      await expect(canvas).toHaveAttribute('data-cycle', '9');
      const drawn = (await canvasText(page)).filter((t) => t.canvas === 'array-canvas');
      expect(drawn.length).toBeGreaterThan(2);
      const smallest = drawn.reduce((a, b) => (b.px < a.px ? b : a));
      expect(smallest.px, `smallest canvas text: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
      const numbers = await canvas.getAttribute('data-numbers');
      expect(drawn.some((t) => /^-?\d/.test(t.text))).toBe(numbers === 'shown');
      await expect(page.getByTestId('values-note')).toBeVisible({ visible: numbers === 'hidden' });
      // Wide enough screens print the 8x8 array's values.
      if (vp.width >= 1400) expect(numbers).toBe('shown');
    });
  }
});

test.describe('presenter mode canvases at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const gemm of [
    { name: '8x8 (values too small to print: hidden, read by pointing)', hash: '', numbers: 'hidden' },
    { name: '4x4 (values printed at the floor)', hash: '&ar=4&ac=4&m=4&k=4&n=4', numbers: 'shown' },
  ]) {
    test(`the systolic array ${gemm.name}: no canvas text under the floor`, async ({ page }) => {
      await recordCanvasText(page);
      await page.goto(`/#v=2&vp=dataflow&vr=1${gemm.hash}`);
      await waitForApp(page);
      await expect(page.locator('.app.presenter')).toHaveCount(1);
      const canvas = page.getByTestId('array-canvas');
      await page.getByTestId('scrub').fill('5');
      await expect(canvas).toHaveAttribute('data-cycle', '5');
      await expect(canvas).toHaveAttribute('data-numbers', gemm.numbers);
      await expect(page.getByTestId('values-note')).toBeVisible({ visible: gemm.numbers === 'hidden' });
      const drawn = (await canvasText(page)).filter((t) => t.canvas === 'array-canvas');
      expect(drawn.length).toBeGreaterThan(2);
      const smallest = drawn.reduce((a, b) => (b.px < a.px ? b : a));
      expect(smallest.px, `smallest canvas text: "${smallest.text}"`).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
      // Printed values are the engine's numbers (digits), not only the edge words.
      expect(drawn.some((t) => /^-?\d/.test(t.text))).toBe(gemm.numbers === 'shown');
      // Where values are hidden, pointing at a PE shows them in text at the floor.
      if (gemm.numbers === 'hidden') {
        const geo = JSON.parse((await canvas.getAttribute('data-geometry'))!) as { x0: number; y0: number; pitch: number };
        await canvas.hover({ position: { x: geo.x0 + 2.5 * geo.pitch, y: geo.y0 + 1.5 * geo.pitch } });
        await expect(page.getByTestId('pe-tooltip')).toContainText('partial sum');
        // And by keyboard: Shift+arrows walk the PEs (the first press picks the top-left one),
        // without moving the cycle; Escape puts the read-out away.
        await page.mouse.move(0, 0);
        await canvas.focus();
        for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowRight']) await page.keyboard.press(key);
        await expect(page.getByTestId('pe-tooltip')).toContainText('PE row 1, col 2');
        await expect(page.getByTestId('pe-tooltip')).toContainText('partial sum');
        await expect(canvas).toHaveAttribute('data-cycle', '5');
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('pe-tooltip')).toBeHidden();
      }
      expect((await minTextPx(page, 'main[role="tabpanel"]')).px).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
      await page.screenshot({ path: `${SHOTS}/presenter-dataflow-${gemm.numbers}-1280.png` });
    });
  }

  test('the interconnect charts are redrawn at their width with text at the floor', async ({ page }) => {
    await page.goto('/#v=2&vp=interconnect&vr=1');
    await waitForApp(page);
    await expect(page.getByTestId('timeline-event').first()).toBeAttached({ timeout: 30_000 });
    const text = await minTextPx(page, 'main[role="tabpanel"]');
    expect(text.px, `smallest text: ${text.where}`).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
    // One SVG unit per CSS px: drawn at the width it has on screen, not scaled down.
    const fit = await page.getByTestId('timeline').evaluate((el) => {
      const svg = el as unknown as SVGSVGElement;
      return { viewBox: svg.viewBox.baseVal.width, shown: svg.getBoundingClientRect().width };
    });
    expect(Math.abs(fit.viewBox - fit.shown)).toBeLessThan(1);
    await page.screenshot({ path: `${SHOTS}/presenter-interconnect-1280.png`, fullPage: true });
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
        expect((await minTextPx(page, 'main[role="tabpanel"]')).px).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX - 0.01);
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
