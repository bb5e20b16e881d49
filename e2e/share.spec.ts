// Share layer: links reproduce numbers and view, history, classroom mode, compare A/B,
// exports and import, and no network traffic after load.
import { test, expect, type Page, type Request } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { allPanelMetrics, copyLink, settled, metricTexts, waitForApp, PANEL_IDS } from './shareHelpers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-share';

async function pickPreset(page: Page, index: number): Promise<string> {
  const select = page.getByTestId('preset-select');
  const value = await select.locator('option').nth(index).getAttribute('value');
  await select.selectOption(value!);
  return value!;
}

test('a copied link reproduces every panel and the view in a fresh browser context', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForApp(page);
  await pickPreset(page, 2);
  const batch = page.locator('[data-control="llm-batch"] input[type="text"]');
  if ((await batch.count()) > 0) await batch.fill('3');
  const before = await allPanelMetrics(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(4);
  // View state travels too: end on the SRAM tab.
  await page.locator('#tab-sram').click();
  const link = await copyLink(page);
  expect(link).toContain('#');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(link);
  console.log(`link length: ${link.length} chars`);

  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await waitForApp(p2);
  await expect(p2.locator('#tab-sram')).toHaveAttribute('aria-selected', 'true');
  await expect(p2.getByTestId('problem-banner')).toHaveCount(0);
  const after = await allPanelMetrics(p2);
  for (const id of PANEL_IDS) expect(after[id], `panel ${id}`).toEqual(before[id]);
  console.log(`metrics compared: ${PANEL_IDS.map((id) => `${id} ${before[id].length}`).join(', ')}`);
  expect(PANEL_IDS.reduce((n, id) => n + before[id].length, 0)).toBeGreaterThan(10);
  await fresh.close();
});

test('without clipboard access, Copy link selects the link text for Ctrl+C', async ({ page }) => {
  // The browser refuses the clipboard (as a page without permission would).
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('copy-link').click();
  const box = page.getByTestId('share-link');
  await expect(box).toBeFocused();
  const sel = await box.evaluate((e) => {
    const i = e as HTMLInputElement;
    return { start: i.selectionStart, end: i.selectionEnd, len: i.value.length, value: i.value };
  });
  expect(sel.start).toBe(0);
  expect(sel.end).toBe(sel.len);
  expect(sel.value).toBe(await page.evaluate(() => location.href));
  await expect(page.getByTestId('share-status')).toContainText('Ctrl+C');
});

test('the hash follows edits (debounced) and Back/Forward walk between presets', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const first = await pickPreset(page, 2);
  const hashA = await page.evaluate(() => location.hash);
  const lenBefore = await page.evaluate(() => history.length);
  const rows = page.locator('[data-control="gemm-rows"] input[type="text"]');
  await page.locator('#tab-dataflow').click();
  await rows.fill('7');
  await rows.fill('6');
  // Slider-like edits replace the entry (no new history entries) after the debounce.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/ar=6(&|$)/);
  expect(hashA).not.toMatch(/ar=6/);
  expect(await page.evaluate(() => history.length)).toBe(lenBefore);
  const editedHash = await page.evaluate(() => location.hash);
  const second = await pickPreset(page, 3);
  expect(second).not.toBe(first);
  expect(await page.evaluate(() => history.length)).toBe(lenBefore + 1);
  await page.goBack();
  await expect(page.getByTestId('preset-select')).toHaveValue(first);
  await expect(rows).toHaveValue('6');
  expect(await page.evaluate(() => location.hash)).toBe(editedHash);
  await page.goForward();
  await expect(page.getByTestId('preset-select')).toHaveValue(second);
});

test('classroom mode hides panels and controls, locks, and travels in the link', async ({ page, browser }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-dataflow').click();
  await expect(page.locator('[data-control="gemm-rows"]')).toBeVisible();
  await page.getByTestId('classroom-open').click();
  const dialog = page.getByTestId('classroom-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-hide-id="interconnect"]').check();
  await dialog.locator('[data-hide-id="gemm-rows"]').check();
  await dialog.getByTestId('classroom-lock').check();
  await page.screenshot({ path: `${SHOTS}/classroom-dialog.png` });
  await dialog.getByTestId('classroom-apply').click();
  await expect(dialog).toBeHidden();

  const check = async (p: Page) => {
    await expect(p.locator('#tab-interconnect')).toHaveCount(0);
    await expect(p.locator('#tab-latency')).toHaveCount(1);
    await p.locator('#tab-dataflow').click();
    await expect(p.locator('[data-control="gemm-rows"]')).toHaveCount(0);
    await expect(p.getByTestId('locked-note')).toContainText('Locked by the author');
    const inputs = p.locator('aside.controls input, aside.controls select');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (const el of await inputs.all()) await expect(el).toBeDisabled();
    await expect(p.getByTestId('preset-select')).toBeDisabled();
  };
  await check(page);
  await page.screenshot({ path: `${SHOTS}/classroom-locked.png` });
  const link = await copyLink(page);
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await waitForApp(p2);
  await check(p2);
  await fresh.close();
});

test('compare A/B shows both sides, the differences and the changed inputs', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  await page.getByTestId('pin-a').click();
  // Double the batch: time per token and cost move, the GEMM does not.
  await page.locator('#tab-sram').click();
  const batch = page.locator('[data-control="llm-batch"] input[type="text"]');
  const oldBatch = Number(await batch.inputValue());
  await batch.fill(String(oldBatch * 8));
  await page.getByTestId('compare-toggle').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('compare-changes')).toContainText('llm.batch');
  await expect(view.getByTestId('compare-changes')).toContainText(`${oldBatch} → ${oldBatch * 8}`);
  const rowText = async (key: string) => ({
    a: await view.getByTestId(`compare-a-${key}`).textContent(),
    b: await view.getByTestId(`compare-b-${key}`).textContent(),
    d: await view.getByTestId(`compare-delta-${key}`).textContent(),
  });
  const cost = await settled(page, () => rowText('gpu-costPerMillionTokensUsd'));
  expect(cost.a).not.toBe(cost.b);
  expect(cost.d).toMatch(/×/);
  const cycles = await rowText('gemm-cycles');
  expect(cycles.a).toBe(cycles.b);
  expect(cycles.d).toBe('same');
  await page.screenshot({ path: `${SHOTS}/compare.png` });
  await view.getByRole('button', { name: 'Unpin A' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('compare-toggle')).toHaveCount(0);
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path!) };
}

async function openExport(page: Page): Promise<void> {
  const menu = page.locator('details.share-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  // The chart list is taken from the panel in view when the menu opens.
  const panel = await page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
  await expect(menu.locator('.share-menu-body')).toHaveAttribute('data-listed-panel', panel!.replace('tab-', ''));
}

test('downloads: CSV, JSON (re-imports), and every chart as PNG and SVG', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  await openExport(page);
  const csv = await download(page, () => page.getByTestId('export-csv').click());
  expect(csv.name).toBe('results.csv');
  const lines = csv.bytes.toString('utf8').trim().split('\r\n'); // RFC 4180 records
  expect(lines[0]).toBe('section,machine,field,value,unit');
  expect(lines.filter((l) => l.startsWith('gemm,')).length).toBeGreaterThan(10);
  expect(lines.filter((l) => l.startsWith('llm,lpu,')).length).toBeGreaterThan(10);
  expect(lines.some((l) => /^llm,lpu,tpotMs,[0-9.e+-]+,ms$/.test(l))).toBe(true);

  await openExport(page);
  const json = await download(page, () => page.getByTestId('export-json').click());
  expect(json.name).toBe('scenario.json');
  const doc = JSON.parse(json.bytes.toString('utf8')) as { v: number; llm: { batch: number } };
  expect(typeof doc.v).toBe('number');

  // Re-import an edited copy: the edit arrives, no problems.
  const hashBefore = await page.evaluate(() => location.hash);
  doc.llm.batch = 5;
  await page.getByTestId('import-file').setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.locator('#tab-sram').click();
  await expect(page.locator('[data-control="llm-batch"] input[type="text"]')).toHaveValue('5');
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
  expect(await page.evaluate(() => location.hash)).not.toBe(hashBefore);
  // And the exact exported file restores the exported scenario.
  await page.getByTestId('import-file').setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: json.bytes });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(hashBefore);

  // Charts: each panel's [data-chart] elements, PNG and SVG.
  let charts = 0;
  for (const id of PANEL_IDS) {
    // Escape closes the menu (it overlaps the tabs).
    await page.keyboard.press('Escape');
    await expect(page.locator('details.share-menu')).not.toHaveAttribute('open', '');
    await page.locator(`#tab-${id}`).click();
    await settled(page, () => metricTexts(page));
    await openExport(page);
    const pngButtons = page.locator('[data-testid^="export-png-"]');
    const n = await pngButtons.count();
    for (let i = 0; i < n; i++) {
      await openExport(page);
      const png = await download(page, () => pngButtons.nth(i).click());
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // IHDR: width and height (big-endian) at bytes 16..23; at least the on-screen size.
      const w = png.bytes.readUInt32BE(16);
      const h = png.bytes.readUInt32BE(20);
      console.log(`${id}: ${png.name} ${w}x${h}`);
      await mkdir(`${SHOTS}/exports`, { recursive: true });
      await writeFile(`${SHOTS}/exports/${png.name}`, png.bytes);
      expect(w).toBeGreaterThanOrEqual(80);
      expect(h).toBeGreaterThanOrEqual(24);
      await openExport(page);
      const svg = await download(page, () => page.locator('[data-testid^="export-svg-"]').nth(i).click());
      expect(svg.name).toMatch(/\.svg$/);
      await writeFile(`${SHOTS}/exports/${svg.name}`, svg.bytes);
      const parsed = await page.evaluate((text) => {
        const d = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: d.getElementsByTagName('parsererror').length, root: d.documentElement.localName, children: d.documentElement.childElementCount };
      }, svg.bytes.toString('utf8'));
      expect(parsed).toEqual({ error: 0, root: 'svg', children: expect.any(Number) });
      expect(parsed.children).toBeGreaterThan(0);
      charts++;
    }
  }
  console.log(`charts exported: ${charts}`);
  expect(charts).toBeGreaterThan(0);
});

test('importing a broken file shows its problems in the banner', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"v": 2, "gemm": {"rows": -4}') });
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('not valid JSON');
  await page.getByTestId('import-file').setInputFiles({ name: 'bad2.json', mimeType: 'application/json', buffer: Buffer.from('{"v": 2, "gemm": {"rows": -4}}') });
  await expect(banner).toContainText('gemm.rows');
  await banner.getByRole('button', { name: /dismiss/i }).click();
  await expect(banner).toHaveCount(0);
});

// Rule asserted: once the page has loaded and the worker has fetched its code and wasm
// (same origin), nothing else goes to the network: not on edits, tabs, tours, presenter,
// compare, exports or import. blob:/data: URLs are in-page, not network. Requests during
// load must all be same-origin. One exclusion: Chromium itself re-checks the page's
// declared icon (<link rel="icon">) when history.pushState changes the URL; that is the
// browser, not the app, and it is excluded by its exact URL.
test('no network requests after load', async ({ page, baseURL }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await page.goto('/');
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  const origin = new URL(baseURL!).origin;
  for (const r of requests) expect(new URL(r.url()).origin, r.url()).toBe(origin);
  const atLoad = requests.length;

  for (const id of PANEL_IDS) {
    await page.locator(`#tab-${id}`).click();
    await settled(page, () => metricTexts(page));
  }
  await pickPreset(page, 2);
  await page.getByTestId('pin-a').click();
  await pickPreset(page, 3);
  await page.getByTestId('compare-toggle').click();
  await page.getByTestId('copy-link').click();
  await openExport(page);
  await download(page, () => page.getByTestId('export-csv').click());
  const tourValue = await page.getByTestId('tour-select').locator('option').nth(1).getAttribute('value');
  if (tourValue) {
    await page.getByTestId('tour-select').selectOption(tourValue);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(800);
  const icons = await page.$$eval('link[rel~="icon"]', (ls) => ls.map((l) => (l as HTMLLinkElement).href));
  const late = requests
    .slice(atLoad)
    .map((r) => r.url())
    .filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !icons.includes(u));
  expect(late).toEqual([]);
});
