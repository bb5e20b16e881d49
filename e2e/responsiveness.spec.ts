// Responsiveness (issue 10), measured on the production build in headless Chromium: a control
// change reaching every visible panel (20 changes, the first after load included), and a first
// load showing the latency panel's numbers (target 1.0 s, median).
import { expect, test, type Page } from '@playwright/test';
import { SPEC_CHANGES } from '../src/bench/specChanges';

/** The target for a control change to every visible panel updated, p95 (issue 10; not met yet:
 * the log line gives the figures, the first change after load is the slowest). */
const PRESENTATION_MS = 100;
/** Regression bounds held until the target is met; loose enough for a loaded 2-core machine. */
const MEDIAN_BOUND_MS = 200;
const P95_BOUND_MS = 400;
/** Navigation start to the latency panel's numbers, median. */
const FIRST_NUMBERS_MS = 1000;

const LATENCY = '/#v=2&p=default&vp=latency';

/** The q-quantile of `xs` (nearest rank). */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/**
 * Milliseconds from setting a control to the frame after every panel on screen shows the new
 * result: the metrics table's text changed and no panel is busy (aria-busy), then one frame.
 */
function timeToSettle(page: Page, control: string, value: string): Promise<number> {
  return page.evaluate(
    async ({ control, value }) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[data-control="${control}"] input[type="text"], [data-control="${control}"] select`,
      );
      if (!el) throw new Error(`no control ${control}`);
      const table = () => document.querySelector('[data-testid="metrics-table"]')?.textContent;
      const busy = () => document.querySelector('[data-panel][aria-busy="true"]') !== null;
      const before = table();
      const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      const setter = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
      return new Promise<number>((resolve) => {
        const t0 = performance.now();
        let done = false;
        const check = () => {
          if (done || table() === before || busy()) return;
          done = true;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        setter.call(el, value);
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        setTimeout(() => resolve(Number.POSITIVE_INFINITY), 5000);
      });
    },
    { control, value },
  );
}

test(`a control change reaches every visible panel: median within ${MEDIAN_BOUND_MS} ms, p95 within ${P95_BOUND_MS} ms (target ${PRESENTATION_MS} ms) (of ${SPEC_CHANGES.length})`, async ({
  page,
}) => {
  await page.goto(LATENCY);
  await expect(page.getByTestId('metric-lpu-tpot')).toContainText('ms');
  await expect(page.locator('[data-panel][aria-busy="true"]')).toHaveCount(0);
  const times: number[] = [];
  for (const [control, value] of SPEC_CHANGES) times.push(await timeToSettle(page, control, value));
  const p95 = quantile(times, 0.95);
  console.log(
    `control -> panels: ${times.map((t) => t.toFixed(0)).join(', ')} ms; first ${times[0].toFixed(0)}, median ${quantile(times, 0.5).toFixed(0)}, p95 ${p95.toFixed(0)} ms`,
  );
  expect(quantile(times, 0.5)).toBeLessThanOrEqual(MEDIAN_BOUND_MS);
  expect(p95).toBeLessThanOrEqual(P95_BOUND_MS);
});

test(`a first load shows the latency numbers within ${FIRST_NUMBERS_MS} ms (median of 5)`, async ({ browser }) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A fresh context each time: an empty cache, as for a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    // Stamps the moment the SRAM machine's TPOT cell first shows a number, from navigation start.
    await page.addInitScript(() => {
      const w = window as unknown as { firstNumbersAt?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid="metric-lpu-tpot"]')?.textContent?.includes('ms')) {
          w.firstNumbersAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(LATENCY);
    await page.waitForFunction(() => (window as unknown as { firstNumbersAt?: number }).firstNumbersAt !== undefined);
    times.push(await page.evaluate(() => (window as unknown as { firstNumbersAt: number }).firstNumbersAt));
    await context.close();
  }
  const median = quantile(times, 0.5);
  console.log(`first load -> latency numbers: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median.toFixed(0)} ms`);
  expect(median).toBeLessThanOrEqual(FIRST_NUMBERS_MS);
});
