// The first screen: the root URL opens on the argument; both machines' figures equal the
// engine's and are on screen at 1280x720 without scrolling; the explanations open by keyboard;
// the ways in work; a link still opens what its author saw.
import { test, expect } from '@playwright/test';
import { engineResult } from './engineInNode';
import { expectClose, parseShown } from './shownNumbers';

test.setTimeout(120_000);

test("the root URL opens on the argument, with both machines' figures from the engine visible at 1280x720", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.locator('#tab-argument')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-panel="argument"]')).toHaveAttribute('data-status', 'done');
  const { lpu, gpu } = engineResult({}); // the default scenario, whole, in Node
  const figures: [string, (m: typeof lpu) => number][] = [
    ['tpsUser', (m) => m.tokensPerSecondPerUser],
    ['tpot', (m) => m.tpotMs],
    ['ttft', (m) => m.ttftMs],
    ['cost', (m) => m.costPerMillionTokensUsd],
    ['joules', (m) => m.joulesPerToken],
  ];
  for (const [key, get] of figures) {
    for (const [side, m] of [
      ['lpu', lpu],
      ['gpu', gpu],
    ] as const) {
      const cell = page.getByTestId(`arg-${side}-${key}`);
      expectClose(parseShown((await cell.textContent()) ?? ''), get(m), `${side} ${key}`);
      const box = await cell.boundingBox();
      expect(box, `${side} ${key} on screen`).not.toBeNull();
      expect(box!.y + box!.height, `${side} ${key} above the fold`).toBeLessThanOrEqual(720);
    }
  }
  // the headline's ratio is the engine's
  const ratio = lpu.tokensPerSecondPerUser / gpu.tokensPerSecondPerUser;
  await expect(page.getByTestId('arg-headline')).toContainText(`${ratio.toFixed(1)}×`);
  // the bars are on one linear scale: their lengths keep the ratio
  const w = async (k: string, side: string) => (await page.getByTestId(`arg-bar-${k}-${side}`).boundingBox())!.width;
  expect((await w('tpsUser', 'lpu')) / (await w('tpsUser', 'gpu'))).toBeCloseTo(ratio, 0);
  // the way into the tour is on screen too
  const tour = await page.getByTestId('arg-start-tour').boundingBox();
  expect(tour!.y + tour!.height).toBeLessThanOrEqual(720);
  // each claim sits beside a verdict or a way to test it
  await expect(page.getByTestId('arg-claim-speedup')).toHaveAttribute('data-holds', /true|false/);
  await expect(page.getByTestId('arg-claim-falcon-180b')).toContainText('Test it in its own setting');
  await page.screenshot({ path: '/tmp/shots-argument-1280.png' });
});

test('how a figure is computed opens by keyboard; the tour and the panels are one click away; a link keeps its panel', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-panel="argument"]')).toHaveAttribute('data-status', 'done');
  const how = page.getByTestId('arg-machine-lpu').getByTestId('how-btn').first();
  const text = page.getByTestId('arg-machine-lpu').getByTestId('how-text').first();
  await expect(text).toBeHidden();
  await how.focus();
  await page.keyboard.press('Enter');
  await expect(how).toHaveAttribute('aria-expanded', 'true');
  await expect(text).toBeVisible();
  await expect(text).toContainText('time per output token');
  await page.getByTestId('arg-explore-dataflow').click();
  await expect(page.locator('#tab-dataflow')).toHaveAttribute('aria-selected', 'true');
  await page.locator('#tab-argument').click();
  await page.getByTestId('arg-start-tour').click();
  await expect(page.locator('.tour-overlay, [data-testid="tour-overlay"]').first()).toBeVisible();
  // a link without a panel opens where links always did, not on the landing
  await page.goto('/#v=2&m=16');
  await page.reload();
  await expect(page.locator('#tab-dataflow')).toHaveAttribute('aria-selected', 'true');
});
