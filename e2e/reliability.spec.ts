// Storm and fault suite: input storms end with the numbers of a clean load and nothing queued;
// engine faults end with a message and a Retry that works; an edit right before a reload is
// kept; a bad link offers the last good scenario back. (Memory soak: memory.spec.ts.)
import { test, expect, type Page } from '@playwright/test';
import { drained, metricTexts, queue, settled, waitForApp } from './shareHelpers';

const EDITS = 200;
const EDIT_EVERY_MS = 50;

/** Sets a numeric control EDITS times, one edit every EDIT_EVERY_MS; returns when the last is made. */
async function storm(page: Page, control: string, value: (i: number) => number): Promise<number> {
  const box = page.locator(`[data-control="${control}"] input[type="text"]`);
  const t0 = Date.now();
  for (let i = 0; i < EDITS; i++) {
    await box.fill(String(value(i)));
    const wait = t0 + (i + 1) * EDIT_EVERY_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  return Date.now();
}

/** The panel's numbers in a fresh page opened on the link the stormed page ended with. */
async function cleanLoadOf(page: Page, panel: string): Promise<string[]> {
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await waitForApp(fresh);
  await fresh.locator(`#tab-${panel}`).click();
  const texts = await settled(fresh, () => metricTexts(fresh));
  await fresh.close();
  return texts;
}

test.describe('input storms', () => {
  test('200 batch edits in 10 s: at most one LLM run waits, the queue is empty within 1 s, the numbers are a clean load of the final link', async ({
    page,
  }) => {
    await page.goto('/#v=2');
    await waitForApp(page);
    await page.locator('#tab-latency').click();
    await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    // Sample the queue while the storm runs: never more than one waiting.
    const seen = new Set<string>();
    const sampler = setInterval(
      () =>
        void queue(page, 'llm')
          .then((q) => q && seen.add(q))
          .catch(() => undefined),
      25,
    );
    const last = await storm(page, 'llm-batch', (i) => 1 + ((i * 7) % 64));
    clearInterval(sampler);
    const drainMs = (await drained(page)) - last;
    test.info().annotations.push({ type: 'drain', description: `LLM queue empty ${drainMs} ms after the last of ${EDITS} batch edits` });
    expect(drainMs).toBeLessThanOrEqual(1000);
    expect(
      [...seen].every((q) => /^[01]\+[01]$/.test(q)),
      [...seen].join(' '),
    ).toBe(true);
    await expect(page.locator('[data-control="llm-batch"] input[type="text"]')).toHaveValue(String(1 + ((199 * 7) % 64)));
    await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
    const shown = await settled(page, () => metricTexts(page));
    expect(shown).toEqual(await cleanLoadOf(page, 'latency'));
  });

  test("200 edits of the array size and of M: the GEMM queue drains within 1 s and the result is the final inputs'", async ({ page }) => {
    await page.goto('/#v=2');
    await waitForApp(page);
    await page.locator('#tab-dataflow').click();
    await expect(page.getByTestId('cycle-count')).toHaveText(/\d/, { timeout: 30_000 });
    for (const [control, value] of [
      ['gemm-rows', (i: number) => 8 + (i % 120)],
      ['gemm-m', (i: number) => 16 + ((i * 13) % 2000)],
    ] as const) {
      const last = await storm(page, control, value);
      const drainMs = (await drained(page)) - last;
      test
        .info()
        .annotations.push({ type: 'drain', description: `GEMM queue empty ${drainMs} ms after the last of ${EDITS} ${control} edits` });
      expect(drainMs, control).toBeLessThanOrEqual(1000);
    }
    const shown = await settled(page, () => metricTexts(page));
    expect(shown).toEqual(await cleanLoadOf(page, 'dataflow'));
  });
});

test.describe('engine faults', () => {
  const faults: [string, (page: Page, pattern: string) => Promise<unknown>][] = [
    ['404', (page, p) => page.route(p, (r) => r.fulfill({ status: 404, body: 'not found' }))],
    ['garbage', (page, p) => page.route(p, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: 'this is not wasm' }))],
    ['abort', (page, p) => page.route(p, (r) => r.abort('failed'))],
  ];
  for (const [name, inject] of faults) {
    test(`the systolic engine's wasm: ${name} gives a message, and Retry works once the file is back`, async ({ page }) => {
      await inject(page, '**/systolic-*.wasm');
      await page.goto('/#v=2');
      await waitForApp(page);
      const error = page.getByTestId('engine-error-systolic');
      await expect(error).toContainText('systolic.wasm', { timeout: 30_000 });
      await page.unroute('**/systolic-*.wasm');
      await error.getByTestId('engine-retry').click();
      await expect(page.getByTestId('cycle-count')).toHaveText(/^\d[\d,]* cycles$/, { timeout: 30_000 });
      await expect(error).toHaveCount(0);
    });
  }

  test("the LLM engine's wasm 404s: the landing says so, Retry brings the numbers", async ({ page }) => {
    await page.route('**/interconnect-*.wasm', (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto('/');
    const error = page.getByTestId('engine-error-llm');
    await expect(error).toContainText('interconnect.wasm (HTTP 404)', { timeout: 30_000 });
    await page.unroute('**/interconnect-*.wasm');
    await error.getByTestId('engine-retry').click();
    await expect(page.getByTestId('arg-headline')).toHaveText(/\d/, { timeout: 30_000 });
    await expect(error).toHaveCount(0);
  });

  test('the worker script itself fails to load: a message instead of "Simulating…" forever, then Retry', async ({ page }) => {
    await page.route('**/engine.worker-*.js', (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto('/#v=2');
    await waitForApp(page);
    const error = page.getByTestId('engine-error-systolic');
    await expect(error).toContainText('worker failed to start', { timeout: 30_000 });
    await page.unroute('**/engine.worker-*.js');
    await error.getByTestId('engine-retry').click();
    await expect(page.getByTestId('cycle-count')).toHaveText(/\d/, { timeout: 30_000 });
  });

  test('a stalled engine (its wasm never arrives) is stopped at the time bound with a message, and Retry works', async ({ page }) => {
    test.setTimeout(90_000);
    await page.route('**/systolic-*.wasm', () => undefined); // never answered
    await page.goto('/#v=2');
    await waitForApp(page);
    const error = page.getByTestId('engine-error-systolic');
    await expect(error).toContainText('did not answer within', { timeout: 40_000 });
    await page.unroute('**/systolic-*.wasm');
    await error.getByTestId('engine-retry').click();
    await expect(page.getByTestId('cycle-count')).toHaveText(/\d/, { timeout: 30_000 });
  });
});

test('an edit made just before a reload is kept', async ({ page }) => {
  await page.goto('/#v=2');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  const batch = page.locator('[data-control="llm-batch"] input[type="text"]');
  await batch.fill('7');
  await page.waitForTimeout(20); // well inside the URL debounce
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('[data-control="llm-batch"] input[type="text"]')).toHaveValue('7');
});

test('a bad link offers the last good scenario back', async ({ page }) => {
  await page.goto('/#v=2');
  await waitForApp(page);
  await page.locator('#tab-sram').click();
  await page.locator('[data-control="llm-batch"] input[type="text"]').fill('9');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('b=9');
  await page.goto('/#v=2&b=banana');
  await expect(page.getByTestId('problem-banner')).toBeVisible();
  await page.getByTestId('restore-last-good').click();
  await page.locator('#tab-sram').click();
  await expect(page.locator('[data-control="llm-batch"] input[type="text"]')).toHaveValue('9');
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
});
