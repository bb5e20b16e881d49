// Bad links: each shows a dismissible banner naming the bad fields (as text), the good
// fields of the same link still apply, and nothing in the link can run script.
import { test, expect, type Page } from '@playwright/test';
import { LINK_KEYS } from '../src/scenario/keys';
import { encodeScenarioHash, decodeScenarioHash, MAX_LINK_CHARS } from '../src/scenario/url';
import { DEFAULT_SCENARIO } from '../src/scenario/defaults';
import { TOURS } from '../src/scenario/tours';
import { controlLabelOnPage, problemFor, waitForApp } from './shareHelpers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-share';

function key(path: string): string {
  const k = LINK_KEYS.find(([, p]) => p === path);
  if (!k) throw new Error(`no link key for ${path}`);
  return k[0];
}

async function open(page: Page, hash: string): Promise<void> {
  // A fresh load of the link, as when someone clicks it.
  await page.goto(`/#${hash}`);
  await waitForApp(page);
}

async function rowsValue(page: Page): Promise<string> {
  await page.locator('#tab-dataflow').click();
  return page.locator('[data-control="gemm-rows"] input[type="text"]').inputValue();
}

test('tampered value: the field is named, default used for it only, other fields kept', async ({ page }) => {
  await open(page, `v=2&${key('gemm.rows')}=abc&${key('gemm.cols')}=12`);
  const banner = problemFor(page, 'gemm.rows');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('"abc"');
  expect(await rowsValue(page)).toBe(String(DEFAULT_SCENARIO.gemm.rows));
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('12');
  await page.screenshot({ path: `${SHOTS}/banner.png` });
  await page
    .getByTestId('problem-banner')
    .getByRole('button', { name: /dismiss/i })
    .click();
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
});

test('huge numbers are refused by name', async ({ page }) => {
  await open(page, `v=2&${key('gemm.rows')}=1e308&${key('llm.batch')}=99999999999999999999999&${key('gemm.m')}=-5`);
  const banner = page.getByTestId('problem-banner');
  for (const f of ['gemm.rows', 'llm.batch', 'gemm.m']) await expect(problemFor(page, f)).toHaveCount(1);
  expect(await rowsValue(page)).toBe(String(DEFAULT_SCENARIO.gemm.rows));
  // Layout survives: the banner fits the window.
  const box = await banner.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(1400);
});

test('unknown preset: named, read against the default', async ({ page }) => {
  await open(page, `v=2&p=no-such-preset&${key('gemm.cols')}=5`);
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText('no-such-preset');
  await expect(banner).toContainText(/preset/i);
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('5');
});

test('truncated link: the cut field is named', async ({ page }) => {
  const full = encodeScenarioHash({
    ...DEFAULT_SCENARIO,
    gemm: { ...DEFAULT_SCENARIO.gemm, rows: 16, cols: 4, m: 40 },
    view: { ...DEFAULT_SCENARIO.view, panel: 'sram' },
  });
  // Cut inside the last key (mid-word), as a chat client that clips a link would.
  let cut = full;
  for (let n = full.length - 1; n > 0; n--) {
    if (decodeScenarioHash(full.slice(0, n)).problems.length > 0) {
      cut = full.slice(0, n);
      break;
    }
  }
  expect(cut.length).toBeLessThan(full.length);
  const expected = decodeScenarioHash(cut).problems;
  await open(page, cut);
  const items = page.getByTestId('problem');
  await expect(items).toHaveCount(expected.length);
  for (const p of expected) await expect(problemFor(page, p.field)).not.toHaveCount(0);
  // The fields before the cut still apply.
  expect(await rowsValue(page)).toBe('16');
});

test('an over-long link is refused with a message, not parsed', async ({ page }) => {
  await open(page, `v=2&${'x'.repeat(MAX_LINK_CHARS + 10)}`);
  await expect(page.getByTestId('problem-banner')).toContainText(String(MAX_LINK_CHARS));
  const bannerText = (await page.getByTestId('problem-banner').textContent()) ?? '';
  expect(bannerText.length).toBeLessThan(2000);
});

test('script in a string is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)">';
  const e = encodeURIComponent(evil);
  await open(page, `v=2&${key('classroom.hidden')}=${e}&${key('view.tour')}=${e}.0&${key('llm.model')}=${e}&${e}=1&${key('gemm.cols')}=9`);
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toBeVisible();
  await expect(page.locator('[data-testid="problem"][data-field^="classroom.hidden"]').first()).toBeVisible();
  await expect(problemFor(page, 'llm.model')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await banner.locator('script, img, iframe').count()).toBe(0);
  expect(await page.locator('body script:not([type="module"]), body img[src="x"]').count()).toBe(0);
  // Good fields of the same link still apply.
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('9');
});

test('problems name fields by their on-screen label, with the path in a tooltip', async ({ page }) => {
  const fields = [
    ['gemm.rows', 'gemm-rows', 'dataflow'],
    ['llm.batch', 'llm-batch', 'sram'],
    ['gpu.overrides.hbmBandwidthTBps', 'gpu-hbm-bandwidth-tbps', 'sram'],
  ] as const;
  await open(page, `v=2&${fields.map(([path]) => `${key(path)}=-7`).join('&')}`);
  for (const [path, id, tab] of fields) {
    await page.locator(`#tab-${tab}`).click();
    const label = await controlLabelOnPage(page, id);
    const line = problemFor(page, path);
    await expect(line, path).toHaveCount(1);
    const name = line.getByTestId('problem-field');
    await expect(name, path).toContainText(label);
    await expect(name, path).toHaveAttribute('title', path);
    // The path is in the tooltip, not in the text.
    expect(await line.textContent(), path).not.toContain(path);
    await expect(line, path).toContainText('-7');
  }
  await page.screenshot({ path: `${SHOTS}/banner-labels.png` });
});

test('a link to a tour or a step that does not exist gets the problem banner; the rest applies', async ({ page }) => {
  await open(page, `v=2&${key('view.tour')}=no-such-tour.0&${key('gemm.cols')}=9`);
  const line = problemFor(page, 'view.tour');
  await expect(line).toContainText('no-such-tour');
  await expect(page.getByTestId('tour-overlay')).toHaveCount(0);
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('9');
  // The hash no longer claims a tour.
  await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(new RegExp(`(^#|&)${key('view.tour')}=`));

  const tour = TOURS[0];
  const n = tour.steps.length;
  await open(page, `v=2&${key('view.tour')}=${tour.id}.${n}&${key('gemm.cols')}=11`);
  await expect(problemFor(page, 'view.tour')).toContainText(String(n));
  await expect(problemFor(page, 'view.tour')).toContainText(tour.title);
  await expect(page.getByTestId('tour-overlay')).toHaveCount(0);
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('11');
  await page.screenshot({ path: `${SHOTS}/banner-tour.png` });

  // The last real step still opens.
  await open(page, `v=2&${key('view.tour')}=${tour.id}.${n - 1}`);
  await expect(page.getByTestId('tour-overlay')).toBeVisible();
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
});

test('a malformed pinned A is named in the banner and dropped; the rest of the link applies', async ({ page }) => {
  await open(page, `v=2&${key('gemm.cols')}=9&a=${key('llm.batch')}:abc`);
  const line = problemFor(page, 'pinned');
  await expect(line).toBeVisible();
  await expect(line).toContainText('A was dropped');
  await expect(line).toContainText('"abc"');
  // No A: nothing to compare.
  await expect(page.getByTestId('compare-toggle')).toHaveCount(0);
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('9');
  // A well-formed A in the same kind of link is kept.
  await open(page, `v=2&${key('gemm.cols')}=9&a=${key('llm.batch')}:7`);
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
  await page.getByTestId('compare-toggle').click();
  await expect(page.locator('[data-testid="compare-changes"] li[data-field="llm.batch"]')).toContainText('7 →');
});
