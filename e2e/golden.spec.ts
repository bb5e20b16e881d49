// Golden SVGs of the d3 latency charts (issue 10 item 7), as Observable Plot tests its marks:
// each chart of the default scenario at 1400x900 is read from the production build, its
// numbers rounded to 0.1 so sub-pixel noise does not count, and compared with the file under
// e2e/golden/. A change to a chart's drawing shows up as a diff to review; after a deliberate
// change, UPDATE_GOLDEN=1 rewrites the files.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chartsLaidOut, waitForApp } from './shareHelpers';

const CHARTS = ['budget-chart', 'breakdown-chart', 'pareto-chart', 'roofline-chart'];
const update = process.env.UPDATE_GOLDEN === '1';

/** One element per line, numbers to one decimal: small, stable and readable as a diff. */
function normalise(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<')
    .concat('\n');
}

test('the latency charts of the default scenario draw what their golden files hold', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  await chartsLaidOut(page);
  for (const id of CHARTS) {
    const got = normalise(await page.getByTestId(id).evaluate((el) => el.outerHTML));
    const file = new URL(`./golden/${id}.svg`, import.meta.url);
    if (update) {
      writeFileSync(file, got);
      continue;
    }
    expect(existsSync(file), `no e2e/golden/${id}.svg: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    expect(got, `${id} differs from e2e/golden/${id}.svg (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, 'utf8'));
  }
});
