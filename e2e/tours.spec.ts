// Guided tours: each runs from start to end by keyboard, every step switches the panel,
// shows its narration and quote, announces itself, and has a link that resumes there.
import { test, expect } from '@playwright/test';
import { TOURS } from '../src/scenario/tours';
import { copyLink, waitForApp } from './shareHelpers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-share';

test('there are tours in the menu, one per tour defined', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const values = await page.getByTestId('tour-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(values).toEqual(TOURS.map((t) => t.id));
});

for (const tour of TOURS) {
  test(`tour "${tour.id}" runs start to end by keyboard`, async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await page.getByTestId('tour-select').selectOption(tour.id);
    const overlay = page.getByTestId('tour-overlay');
    await expect(overlay).toBeVisible();
    const hashes = new Set<string>();
    const historyStart = await page.evaluate(() => history.length);
    for (let i = 0; i < tour.steps.length; i++) {
      const step = tour.steps[i];
      await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${i + 1} of ${tour.steps.length}`);
      await expect(overlay.getByTestId('tour-narration')).toHaveText(step.narration);
      await expect(page.getByTestId('tour-live')).toContainText(`Step ${i + 1} of ${tour.steps.length}`);
      await expect(page.locator(`#tab-${step.panel}`)).toHaveAttribute('aria-selected', 'true');
      if (step.quote) {
        await expect(overlay.locator('blockquote')).toContainText(step.quote.text);
        await expect(overlay.locator('time')).toHaveText(`00:${step.quote.timestamp}`);
      }
      await expect(page.locator('.tour-highlight')).toHaveCount(1);
      const hash = await page.evaluate(() => location.hash);
      expect(hash).toMatch(new RegExp(`vt=${tour.id}\\.${i}(&|$)`));
      hashes.add(hash);
      if (i === 0) await page.screenshot({ path: `${SHOTS}/tour-${tour.id}.png` });
      if (i < tour.steps.length - 1) await page.keyboard.press('ArrowRight');
    }
    // Each step was its own history entry; Left goes back one step.
    expect(hashes.size).toBe(tour.steps.length);
    expect(await page.evaluate(() => history.length)).toBe(historyStart + tour.steps.length - 1);
    if (tour.steps.length > 1) {
      await page.keyboard.press('ArrowLeft');
      await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${tour.steps.length - 1} of ${tour.steps.length}`);
    }
    await page.keyboard.press('Escape');
    await expect(overlay).toHaveCount(0);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/vt=/);
  });
}

test('a step link resumes the tour at that step, and presenter mode is large and bare', async ({ page, browser }) => {
  const tour = TOURS.find((t) => t.steps.length >= 3) ?? TOURS[0];
  const at = Math.min(2, tour.steps.length - 1);
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('tour-select').selectOption(tour.id);
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-step')).toHaveText(`Step ${at + 1} of ${tour.steps.length}`);
  const link = await copyLink(page);

  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await waitForApp(p2);
  await expect(p2.getByTestId('tour-step')).toHaveText(`Step ${at + 1} of ${tour.steps.length}`);
  await expect(p2.getByTestId('tour-narration')).toHaveText(tour.steps[at].narration);
  await expect(p2.locator(`#tab-${tour.steps[at].panel}`)).toHaveAttribute('aria-selected', 'true');

  // Presenter: no controls column, no editing toolbar, larger type; it is in the link too.
  await p2.getByTestId('tour-overlay').getByRole('button', { name: 'Presenter' }).click();
  await expect(p2.locator('.app.presenter')).toHaveCount(1);
  await expect(p2.locator('aside.controls')).toHaveCount(0);
  await expect(p2.getByTestId('copy-link')).toHaveCount(0);
  const size = await p2.locator('.tour-narration').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await expect.poll(() => p2.evaluate(() => location.hash)).toMatch(/vr=1/);
  await p2.screenshot({ path: `${SHOTS}/presenter.png` });
  await p2.keyboard.press('ArrowRight');
  if (at + 1 < tour.steps.length) await expect(p2.getByTestId('tour-step')).toHaveText(`Step ${at + 2} of ${tour.steps.length}`);
  await p2.getByRole('button', { name: 'Exit presenter mode' }).click();
  await expect(p2.locator('aside.controls')).toHaveCount(1);
  await fresh.close();
});
