// Helpers for the share-layer specs: read every metric a panel shows, wait for the engine
// to settle, take the link the UI gives out.
import { expect, type Page } from '@playwright/test';

export const PANEL_IDS = ['dataflow', 'sram', 'interconnect', 'latency'] as const;

/**
 * `testid=text` of every [data-testid] element in the panel in view, in document order,
 * then the panel's whole visible text (so numbers without a test id are compared too).
 */
export async function metricTexts(page: Page): Promise<string[]> {
  const ids = await page.$$eval('main[role="tabpanel"] [data-testid]', (els) =>
    els
      .filter((e) => !(e as HTMLElement).closest('[hidden]'))
      .map((e) => `${e.getAttribute('data-testid')}=${(e.textContent ?? '').replace(/\s+/g, ' ').trim()}`),
  );
  const all = await page.locator('main[role="tabpanel"]').innerText();
  return [...ids, `(panel text)=${all.replace(/\s+/g, ' ').trim()}`];
}

/** Polls `read` until three reads 400 ms apart agree (the worker has answered). */
export async function settled<T>(page: Page, read: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let prev = JSON.stringify(await read());
  let same = 0;
  for (;;) {
    await page.waitForTimeout(400);
    const cur = await read();
    const text = JSON.stringify(cur);
    same = text === prev ? same + 1 : 0;
    if (same >= 2) return cur;
    if (Date.now() > end) throw new Error(`values did not settle: ${text.slice(0, 300)}`);
    prev = text;
  }
}

/** Clicks each visible panel tab and records its settled metrics. */
export async function allPanelMetrics(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const id of PANEL_IDS) {
    const tab = page.locator(`#tab-${id}`);
    if ((await tab.count()) === 0) continue;
    await tab.click();
    await page.locator(`#tabpanel-${id}`).waitFor();
    out[id] = await settled(page, () => metricTexts(page));
  }
  return out;
}

/** The link the "Copy link" button gives (read from its readonly box). */
export async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  const box = page.getByTestId('share-link');
  await box.waitFor();
  return box.inputValue();
}

export async function waitForApp(page: Page): Promise<void> {
  await page.locator('nav.tabs [role="tab"]').first().waitFor();
}

/** The on-screen label of a control (its <label> text without the unit). */
export async function controlLabelOnPage(page: Page, id: string): Promise<string> {
  return page
    .locator(`[data-control="${id}"] label`)
    .first()
    .evaluate((l) => {
      const c = l.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.unit').forEach((u) => u.remove());
      return (c.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
}

/** Every control in the side bar: id and on-screen label, in document order. */
export async function sidebarControls(page: Page): Promise<{ id: string; label: string }[]> {
  const ids = await page.$$eval('aside.controls [data-control]', (els) => els.map((e) => (e as HTMLElement).dataset.control ?? ''));
  const out: { id: string; label: string }[] = [];
  for (const id of ids) out.push({ id, label: await controlLabelOnPage(page, id) });
  return out;
}

/** The banner line about `path`: it names the field by a label and keeps the path in its tooltip. */
export function problemFor(page: Page, path: string) {
  return page.locator(`[data-testid="problem"][data-field="${path}"]`);
}

/** An engine's queue as the app root shows it: "in flight+waiting". */
export const queue = (page: Page, kind: 'llm' | 'systolic') => page.locator('.app').getAttribute(`data-queue-${kind}`);

/** Polls until both engines' queues are empty; returns when that was first seen. */
export async function drained(page: Page): Promise<number> {
  await expect
    .poll(async () => `${await queue(page, 'llm')} ${await queue(page, 'systolic')}`, { timeout: 60_000, intervals: [50] })
    .toBe('0+0 0+0');
  return Date.now();
}

/** Waits until the interconnect tab's timeline has drawn its marks at its box's width. */
export async function timelineLaidOut(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const svg = document.querySelector<SVGSVGElement>('[data-panel="interconnect"] svg[data-testid="timeline"]');
    return svg !== null && svg.getAttribute('data-drawn-width') === String(Math.floor(svg.parentElement!.clientWidth));
  });
}

/**
 * Waits until every latency chart is drawn at its on-screen width (useChartFrame measures the
 * SVG's parent and re-lays out; before that the chart is at its base width): a condition, not a
 * fixed pause that a loaded machine can outlast.
 */
export async function chartsLaidOut(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>('[data-panel="latency"] figure.chart svg[viewBox]'));
    return (
      svgs.length > 0 &&
      svgs.every((svg) => Number(svg.getAttribute('viewBox')!.split(' ')[2]) === Math.floor(svg.parentElement!.clientWidth))
    );
  });
}
