// Share layer: links reproduce numbers and view, history, classroom mode, compare A/B,
// exports and import, and no network traffic after load.
import { test, expect, type Page, type Request } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import {
  allPanelMetrics,
  controlLabelOnPage,
  copyLink,
  problemFor,
  settled,
  sidebarControls,
  metricTexts,
  waitForApp,
  PANEL_IDS,
} from './shareHelpers';

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

test('the classroom dialog lists controls by their on-screen labels, and hiding any of them hides it', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  // The custom model shows every model field, so each kind of control is on screen.
  await page.locator('[data-control="llm-model"] select').selectOption('custom');
  await expect(page.locator('[data-control="llm-custom-layers"]')).toBeVisible();
  const onPage = await sidebarControls(page);
  expect(onPage.length).toBeGreaterThan(30);
  await page.getByTestId('classroom-open').click();
  const dialog = page.getByTestId('classroom-dialog');
  await expect(dialog).toBeVisible();
  for (const c of onPage) {
    const item = dialog.locator(`label.classroom-item:has([data-hide-id="${c.id}"])`);
    await expect(item, c.id).toHaveCount(1);
    // Listed by the label the control shows, and not by its id.
    expect((await item.textContent())?.trim(), c.id).toBe(c.label);
  }
  const itemTexts = await dialog.locator('label.classroom-item').allTextContents();
  const dialogIds = await dialog.locator('[data-hide-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.hideId ?? ''));
  // An id is not a label ("llm-batch" is not "Batch"); a label may contain a plain word id ("The argument").
  for (const [i, t] of itemTexts.entries()) {
    const id = dialogIds[i];
    if (/[-.A-Z]/.test(id)) expect(t, id).not.toContain(id);
    else expect(t.trim(), id).not.toBe(id);
  }
  await page.screenshot({ path: `${SHOTS}/classroom-labels.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // At most MAX_HIDDEN items can be hidden at once: hide the controls in chunks.
  const ids = onPage.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 40) {
    const chunk = ids.slice(i, i + 40);
    await page.getByTestId('classroom-open').click();
    await dialog.getByRole('button', { name: 'Show everything' }).click();
    for (const id of chunk) await dialog.locator(`[data-hide-id="${id}"]`).check();
    await dialog.getByTestId('classroom-apply').click();
    await expect(dialog).toBeHidden();
    for (const id of chunk) await expect(page.locator(`[data-control="${id}"]`), id).toHaveCount(0);
    // The others are still there.
    for (const id of ids.filter((x) => !chunk.includes(x))) await expect(page.locator(`[data-control="${id}"]`), id).toHaveCount(1);
    // A control's hint goes with it.
    if (chunk.includes('lpu-chips')) await expect(page.getByTestId('lpu-chips-hint')).toBeHidden();
    if (chunk.includes('gpu-gpus')) await expect(page.getByTestId('gpu-chips-hint')).toBeHidden();
    if (i === 0) await page.screenshot({ path: `${SHOTS}/classroom-all-hidden.png` });
  }

  // The systolic-array controls too.
  await page.locator('#tab-dataflow').click();
  const gemm = await sidebarControls(page);
  expect(gemm.length).toBeGreaterThan(3);
  await page.getByTestId('classroom-open').click();
  await dialog.getByRole('button', { name: 'Show everything' }).click();
  for (const c of gemm) {
    const item = dialog.locator(`label.classroom-item:has([data-hide-id="${c.id}"])`);
    expect((await item.textContent())?.trim(), c.id).toBe(c.label);
    await dialog.locator(`[data-hide-id="${c.id}"]`).check();
  }
  await dialog.getByTestId('classroom-apply').click();
  for (const c of gemm) await expect(page.locator(`[data-control="${c.id}"]`), c.id).toHaveCount(0);
  await page.locator('#tab-sram').click();
  // "Show everything" brought the LLM controls back.
  await expect(page.locator('[data-control="llm-model"]')).toBeVisible();
});

test('a locked view cannot be unlocked from inside and refuses imported files', async ({ page, browser }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  const batch = page.locator('[data-control="llm-batch"] input[type="text"]');
  const lockedBatch = await batch.inputValue();
  await openExport(page);
  const json = await download(page, () => page.getByTestId('export-json').click());
  await page.keyboard.press('Escape');
  await page.getByTestId('classroom-open').click();
  const dialog = page.getByTestId('classroom-dialog');
  await dialog.getByTestId('classroom-lock').check();
  await dialog.getByTestId('classroom-apply').click();
  await expect(page.getByTestId('locked-note')).toBeVisible();
  const link = await copyLink(page);

  // A file that would unlock it and change the batch.
  const doc = JSON.parse(json.bytes.toString('utf8')) as { llm: { batch: number }; classroom: { locked: boolean; hidden: string[] } };
  doc.llm.batch = Number(lockedBatch) + 3;
  doc.classroom = { locked: false, hidden: [] };
  const file = { name: 'unlock.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };

  const check = async (p: Page) => {
    await expect(p.getByTestId('locked-note')).toBeVisible();
    // No way to the classroom dialog from inside a locked view.
    await expect(p.getByTestId('classroom-open')).toHaveCount(0);
    await expect(p.getByTestId('import-json')).toBeDisabled();
    const hash = await p.evaluate(() => location.hash);
    await p.getByTestId('import-file').setInputFiles(file);
    const banner = p.getByTestId('problem-banner');
    await expect(banner).toBeVisible();
    await expect(banner.getByTestId('problem-note')).toContainText('unlock.json was not imported');
    await expect(banner).toContainText('locked');
    await p.locator('#tab-sram').click();
    await expect(p.locator('[data-control="llm-batch"] input[type="text"]')).toHaveValue(lockedBatch);
    await expect(p.getByTestId('locked-note')).toBeVisible();
    expect(await p.evaluate(() => location.hash)).toBe(hash);
  };
  await check(page);
  await page.screenshot({ path: `${SHOTS}/locked-import-refused.png` });
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
  const changed = view.locator('[data-testid="compare-changes"] li[data-field="llm.batch"]');
  await expect(changed).toContainText(await controlLabelOnPage(page, 'llm-batch'));
  await expect(changed.locator('.compare-path')).toHaveText('llm.batch');
  await expect(changed).toContainText(`${oldBatch} → ${oldBatch * 8}`);
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
  // Unpinning closed the view too: pinning again does not bring it back.
  await page.getByTestId('pin-a').click();
  await expect(page.getByTestId('compare-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(view).toHaveCount(0);
});

async function gpuOptions(page: Page): Promise<{ value: string; name: string }[]> {
  return page
    .locator('[data-control="gpu-gpu"] select option')
    .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, name: (o.textContent ?? '').trim() })));
}

async function compareColumn(page: Page, side: 'a' | 'b'): Promise<Record<string, string>> {
  return page
    .locator(`[data-testid^="compare-${side}-"]`)
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid') ?? '', (e.textContent ?? '').trim()])));
}

test('compare A/B: each side names its own machine; A survives a reload and travels in the link', async ({ page, browser }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  const gpus = await gpuOptions(page);
  expect(gpus.length).toBeGreaterThanOrEqual(2);
  const [g1, g2] = [gpus[0], gpus[gpus.length - 1]];
  const gpuSelect = page.locator('[data-control="gpu-gpu"] select');
  await gpuSelect.selectOption(g1.value);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  const linkWithoutA = await copyLink(page);
  await page.getByTestId('pin-a').click();
  await page.locator('#tab-sram').click();
  await gpuSelect.selectOption(g2.value);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  await page.getByTestId('compare-toggle').click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-a-machine-gpu')).toContainText(g1.name);
  await expect(view.getByTestId('compare-b-machine-gpu')).toContainText(g2.name);
  // No row says B's GPU about A's figures.
  for (const th of await view.locator('[data-testid="compare-group-gpu"] th[scope="row"]').allTextContents()) {
    expect(th).not.toContain(g2.name);
    expect(th).not.toContain(g1.name);
  }
  // A figure's machine is its column's, named on the group's row (in the same tbody).
  const groupOf = (id: string) => view.getByTestId(id).evaluate((el) => el.closest('tbody')?.dataset.testid);
  expect(await groupOf('compare-a-gpu-tpotMs')).toBe(await groupOf('compare-a-machine-gpu'));
  expect(await groupOf('compare-b-gpu-tpotMs')).toBe(await groupOf('compare-b-machine-gpu'));
  const a = await settled(page, () => compareColumn(page, 'a'));
  const b = await compareColumn(page, 'b');
  expect(a['compare-a-gpu-tpotMs']).not.toBe(b['compare-b-gpu-tpotMs']);
  await page.screenshot({ path: `${SHOTS}/compare-machines.png` });

  // The link carries A, compactly: one input differs, so A adds a few characters.
  const link = await copyLink(page);
  expect(new URL(link).hash).toMatch(/&a=[^&]*$/);
  expect(link.length - linkWithoutA.length).toBeLessThan(40);

  // A reload keeps A (the hash holds it) and recomputes its figures.
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-a-machine-gpu')).toContainText(g1.name);
  expect(await settled(page, () => compareColumn(page, 'a'))).toEqual(a);

  // And so does the link, in a fresh browser.
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await waitForApp(p2);
  await expect(p2.getByTestId('problem-banner')).toHaveCount(0);
  await p2.getByTestId('compare-toggle').click();
  await expect(p2.getByTestId('compare-a-machine-gpu')).toContainText(g1.name);
  expect(await settled(p2, () => compareColumn(p2, 'a'))).toEqual(a);
  expect(await settled(p2, () => compareColumn(p2, 'b'))).toEqual(b);
  await fresh.close();
});

test('compare A/B says better or worse only where the direction is unambiguous', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  await page.getByTestId('pin-a').click();
  await page.getByTestId('compare-toggle').click();
  const view = page.getByTestId('compare-view');
  const aChips = Number(((await settled(page, () => view.getByTestId('compare-a-gpu-chips').textContent())) ?? '').replace(/[^0-9.]/g, ''));
  expect(aChips).toBeGreaterThan(0);
  // Twice the GPUs: the chip count doubles, which is neither better nor worse by itself.
  await page.locator('#tab-sram').click();
  await page.locator('[data-control="gpu-gpus"] input[type="text"]').fill(String(aChips * 2));
  await page.locator('#tab-latency').click();
  const chips = await settled(page, () => view.getByTestId('compare-delta-gpu-chips').textContent());
  expect(chips).toMatch(/×2/);
  expect(chips).not.toMatch(/better|worse/);
  await expect(view.getByTestId('compare-delta-gpu-chips')).not.toHaveClass(/better|worse/);
  // Why, in place: the row's explanation button opens it.
  const chipsRow = view.getByTestId('compare-row-gpu-chips');
  await chipsRow.getByTestId('how-btn').click();
  await expect(chipsRow.getByTestId('how-text')).toBeVisible();
  await expect(chipsRow.getByTestId('how-text')).toContainText('neither better nor worse');
  // Cost per token has a direction: it says which.
  const cost = (await view.getByTestId('compare-delta-gpu-costPerMillionTokensUsd').textContent()) ?? '';
  expect(cost).toMatch(/×/);
  expect(cost).toMatch(/\((better|worse)\)/);
  // The GEMM is the same work as A's: same cycles.
  await expect(view.getByTestId('compare-delta-gemm-cycles')).toHaveText('same');
});

test('A is drawn as a ghost in the sweep and the budget chart', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  const read = (sel: string) =>
    page
      .locator(sel)
      .evaluateAll((els) =>
        els
          .map((e) => [
            e.getAttribute('data-row') ?? `${e.getAttribute('data-machine')}@${e.getAttribute('data-batch')}`,
            e.getAttribute('data-ms') ?? `${e.getAttribute('data-x')},${e.getAttribute('data-y')}`,
          ])
          .sort(),
      );
  const budgetA = await read('[data-testid="budget-bar"]');
  const sweepA = await read('[data-testid="sweep-point"]');
  expect(budgetA.length).toBeGreaterThan(0);
  expect(sweepA.length).toBeGreaterThan(0);
  await expect(page.getByTestId('budget-ghost')).toHaveCount(0);
  await expect(page.getByTestId('sweep-ghost-point')).toHaveCount(0);
  await page.getByTestId('pin-a').click();
  // B: another GPU and another weights precision, so both machines' figures move.
  await page.locator('#tab-sram').click();
  const gpus = await gpuOptions(page);
  const current = await page.locator('[data-control="gpu-gpu"] select').inputValue();
  await page.locator('[data-control="gpu-gpu"] select').selectOption(gpus.find((g) => g.value !== current)!.value);
  const weights = page.locator('[data-control="llm-weights"] select');
  const w = await weights.inputValue();
  const other = await weights
    .locator('option')
    .evaluateAll((os, cur) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== cur)!, w);
  await weights.selectOption(other);
  await page.locator('#tab-latency').click();
  await settled(page, () => metricTexts(page));
  // The ghosts are A's figures exactly; B's bars have moved.
  expect(await read('[data-testid="budget-ghost"]')).toEqual(budgetA);
  expect(await read('[data-testid="sweep-ghost-point"]')).toEqual(sweepA);
  expect(await read('[data-testid="budget-bar"]')).not.toEqual(budgetA);
  await expect(page.getByTestId('budget-ghost-legend')).toBeVisible();
  await expect(page.getByTestId('sweep-ghost-legend')).toBeVisible();
  await page.locator('.lat-grid').screenshot({ path: `${SHOTS}/ghost-charts.png` });
  await page.getByRole('button', { name: 'Unpin' }).first().click();
  await expect(page.getByTestId('budget-ghost')).toHaveCount(0);
  await expect(page.getByTestId('sweep-ghost-point')).toHaveCount(0);
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
  expect(csv.name).toMatch(/^results-[a-z0-9-]+-b\d+\.csv$/);
  const lines = csv.bytes.toString('utf8').trim().split('\r\n'); // RFC 4180 records
  expect(lines).toContain('section,machine,field,value,unit');
  expect(lines.filter((l) => l.startsWith('gemm,')).length).toBeGreaterThan(10);
  expect(lines.filter((l) => l.startsWith('llm,lpu,')).length).toBeGreaterThan(10);
  expect(lines.some((l) => /^llm,lpu,tpotMs,[0-9.e+-]+,ms$/.test(l))).toBe(true);

  await openExport(page);
  const json = await download(page, () => page.getByTestId('export-json').click());
  expect(json.name).toMatch(/^scenario-[a-z0-9-]+-b\d+\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8')) as { v: number; llm: { batch: number } };
  expect(typeof doc.v).toBe('number');

  // Re-import an edited copy: the edit arrives, no problems.
  const hashBefore = await page.evaluate(() => location.hash);
  doc.llm.batch = 5;
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.keyboard.press('Escape'); // the open menu covers the tabs
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
        return {
          error: d.getElementsByTagName('parsererror').length,
          root: d.documentElement.localName,
          children: d.documentElement.childElementCount,
        };
      }, svg.bytes.toString('utf8'));
      expect(parsed).toEqual({ error: 0, root: 'svg', children: expect.any(Number) });
      expect(parsed.children).toBeGreaterThan(0);
      charts++;
    }
  }
  console.log(`charts exported: ${charts}`);
  expect(charts).toBeGreaterThan(0);
});

test('a file that is not a valid scenario leaves the current scenario untouched and says why', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-dataflow').click();
  const rows = page.locator('[data-control="gemm-rows"] input[type="text"]');
  const before = Number(await rows.inputValue());
  const edited = before === 7 ? 9 : 7;
  await rows.fill(String(edited));
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`ar=${edited}(&|$)`));
  const hash = await page.evaluate(() => location.hash);
  const banner = page.getByTestId('problem-banner');
  const notScenarios: [string, string, RegExp][] = [
    ['truncated.json', '{"v": 2, "gemm": {"rows": -4}', /not valid JSON/],
    ['notes.txt', 'hello, this is not JSON', /not valid JSON/],
    ['list.json', '[1, 2, 3]', /list/],
    ['package.json', '{"name": "lpu-explainer", "version": "1.0.0"}', /none of a scenario's sections/],
    ['future.json', '{"v": 99, "gemm": {"rows": 3}}', /newer/],
  ];
  for (const [name, text, why] of notScenarios) {
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(banner, name).toBeVisible();
    await expect(banner.getByTestId('problem-note'), name).toContainText(name);
    await expect(banner.getByTestId('problem-note'), name).toContainText('unchanged');
    await expect(banner.getByTestId('problem'), name).toHaveCount(1);
    await expect(banner.getByTestId('problem'), name).toContainText(why);
    // Nothing the user had is lost: the edited value and the link are as before.
    await expect(rows, name).toHaveValue(String(edited));
    expect(await page.evaluate(() => location.hash), name).toBe(hash);
    if (name === 'package.json') await page.screenshot({ path: `${SHOTS}/import-refused.png` });
  }
  // A scenario with one bad field is still a scenario: it applies, the bad field named by its label.
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'bad2.json', mimeType: 'application/json', buffer: Buffer.from('{"v": 2, "gemm": {"rows": -4, "cols": 5}}') });
  await expect(page.locator('[data-control="gemm-cols"] input[type="text"]')).toHaveValue('5');
  const line = problemFor(page, 'gemm.rows');
  await expect(line).toBeVisible();
  await expect(line.getByTestId('problem-field')).toHaveAttribute('title', 'gemm.rows');
  await expect(line.getByTestId('problem-field')).toContainText(await controlLabelOnPage(page, 'gemm-rows'));
  await expect(banner.getByTestId('problem-note')).not.toContainText('unchanged');
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
