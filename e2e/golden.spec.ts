// Golden SVGs of the d3 charts (issue 10 item 7), as Observable Plot tests its marks: each
// chart of the default scenario at 1400x900 is read from the production build, its numbers
// rounded to 0.1 so sub-pixel noise does not count, and compared with the file under
// e2e/golden/. A change to a chart's drawing shows up as a diff to review; after a deliberate
// change, UPDATE_GOLDEN=1 rewrites the files.
import { test, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chartsLaidOut, timelineLaidOut, waitForApp } from './shareHelpers';

const CHARTS = ['budget-chart', 'breakdown-chart', 'pareto-chart', 'roofline-chart'];
const update = process.env.UPDATE_GOLDEN === '1';

/** One element per line, numbers to one decimal: small, stable and readable as a diff. */
function normalise(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<')
    .concat('\n');
}

async function matchesGolden(page: Page, svg: string, name: string): Promise<void> {
  const got = normalise(await page.locator(svg).evaluate((el) => el.outerHTML));
  const file = new URL(`./golden/${name}.svg`, import.meta.url);
  if (update) {
    writeFileSync(file, got);
    return;
  }
  expect(existsSync(file), `no e2e/golden/${name}.svg: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(got, `${name} differs from e2e/golden/${name}.svg (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, 'utf8'));
}

test('the latency charts of the default scenario draw what their golden files hold', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  await chartsLaidOut(page);
  for (const id of CHARTS) await matchesGolden(page, `[data-testid="${id}"]`, id);
});

test("the interconnect tab's network and timeline of each machine draw what their golden files hold", async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-interconnect').click();
  const timeline = page.locator('[data-panel="interconnect"] svg[data-testid="timeline"]');
  await expect(timeline).toBeVisible();
  await timelineLaidOut(page);
  const lpuTimeline = await timeline.getAttribute('aria-label');
  // The default machines are small enough to be drawn as SVG (large ones go to canvas).
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-render', 'svg');
  await matchesGolden(page, '[data-testid="topology-drawing"] svg', 'interconnect-topology-lpu');
  await matchesGolden(page, '[data-panel="interconnect"] svg[data-testid="timeline"]', 'interconnect-timeline-lpu');

  // A click's effects run with its render, so once the GPU's step is in the label its marks are drawn.
  await page.locator('#ic-machine-gpu').check();
  await expect(timeline).not.toHaveAttribute('aria-label', lpuTimeline!);
  await timelineLaidOut(page);
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-render', 'svg');
  await matchesGolden(page, '[data-testid="topology-drawing"] svg', 'interconnect-topology-gpu');
  await matchesGolden(page, '[data-panel="interconnect"] svg[data-testid="timeline"]', 'interconnect-timeline-gpu');
});
