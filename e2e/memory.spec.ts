// Memory soak: 50 consecutive GEMM runs must leave the systolic worker's memory (its wasm
// memory, and its JS heap after a forced GC, read over the DevTools protocol) within 20%.
import { test, expect, type Browser, type Page, type Worker } from '@playwright/test';
import { drained, waitForApp } from './shareHelpers';

test("50 consecutive GEMM runs leave the systolic worker's memory within 20% of where it started", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto('/#v=2&ar=32&ac=32&k=256&n=256&m=2048');
  await waitForApp(page);
  await page.locator('#tab-dataflow').click();
  const cycles = page.getByTestId('cycle-count');
  await expect(cycles).toHaveText(/\d/, { timeout: 30_000 });
  const worker = await systolicWorker(page);
  const heap = await workerHeap(browser, 'engine-systolic');
  const memory = async () => ({
    wasm: await worker.evaluate(() =>
      (self as unknown as { engineMemory: () => Promise<{ wasmBytes: number }> }).engineMemory().then((m) => m.wasmBytes),
    ),
    js: await heap(),
  });
  const m = page.locator('[data-control="gemm-m"] input[type="text"]');
  const run = async (value: number) => {
    const before = await cycles.textContent();
    await m.fill(String(value));
    await expect(cycles).not.toHaveText(before ?? '', { timeout: 30_000 });
    await drained(page);
  };
  // The first run at the largest size sets the high-water mark; then 50 runs of other sizes.
  const start = await memory();
  for (let i = 0; i < 50; i++) await run(256 + ((i * 173) % 1792));
  const end = await memory();
  test.info().annotations.push({
    type: 'memory',
    description: `systolic worker: wasm ${start.wasm} -> ${end.wasm} bytes; JS heap ${start.js} -> ${end.js} bytes`,
  });
  expect(start.wasm).toBeGreaterThan(1 << 20); // the runs really used wasm memory
  expect(end.wasm).toBeLessThanOrEqual(start.wasm * 1.2);
  expect(end.js).toBeLessThanOrEqual(start.js * 1.2);
});

async function systolicWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBeGreaterThan(0);
  for (const w of page.workers()) {
    if ((await w.evaluate(() => self.name)) === 'engine-systolic') return w;
  }
  throw new Error(`no systolic worker among ${page.workers().length}`);
}

/** A reader of a worker's used JS heap after a full GC (DevTools protocol, via the browser session). */
async function workerHeap(browser: Browser, title: string): Promise<() => Promise<number>> {
  const cdp = await browser.newBrowserCDPSession();
  const target = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'worker' && t.title === title);
  if (!target) throw new Error(`no worker target titled ${title}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let id = 0;
  const send = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const mine = ++id;
      const onMessage = (e: { sessionId?: string; message: string }) => {
        const reply = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
        if (e.sessionId !== sessionId || reply.id !== mine) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(reply.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
    });
  return async () => {
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')).usedSize;
  };
}
