// Bad links: each shows a dismissible banner naming the bad fields (as text), the good
// fields of the same link still apply, and nothing in the link can run script.
import { test, expect, type Page } from '@playwright/test';
import { LINK_KEYS } from '../src/scenario/keys';
import { encodeScenarioHash, decodeScenarioHash, MAX_LINK_CHARS } from '../src/scenario/url';
import { DEFAULT_SCENARIO } from '../src/scenario/defaults';
import { waitForApp } from './shareHelpers';

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
  const banner = page.getByRole('alert').filter({ hasText: 'gemm.rows' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('"abc"');
  expect(await rowsValue(page)).toBe(String(DEFAULT_SCENARIO.gemm.rows));
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('12');
  await page.screenshot({ path: `${SHOTS}/banner.png` });
  await page.getByTestId('problem-banner').getByRole('button', { name: /dismiss/i }).click();
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
});

test('huge numbers are refused by name', async ({ page }) => {
  await open(page, `v=2&${key('gemm.rows')}=1e308&${key('llm.batch')}=99999999999999999999999&${key('gemm.m')}=-5`);
  const banner = page.getByTestId('problem-banner');
  for (const f of ['gemm.rows', 'llm.batch', 'gemm.m']) await expect(banner).toContainText(f);
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
  const full = encodeScenarioHash({ ...DEFAULT_SCENARIO, gemm: { ...DEFAULT_SCENARIO.gemm, rows: 16, cols: 4, m: 40 }, view: { ...DEFAULT_SCENARIO.view, panel: 'sram' } });
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
  for (const p of expected) await expect(page.getByTestId('problem-banner')).toContainText(p.field);
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
  await expect(banner).toContainText('classroom.hidden');
  await expect(banner).toContainText('llm.model');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await banner.locator('script, img, iframe').count()).toBe(0);
  expect(await page.locator('body script:not([type="module"]), body img[src="x"]').count()).toBe(0);
  // Good fields of the same link still apply.
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('9');
});
