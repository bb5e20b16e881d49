// Guided tours: each runs from start to end by keyboard, every step switches the panel,
// shows its narration and quote, announces itself, and has a link that resumes there.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { SPEAKER_NAMES, TALK_DATE, TOURS, scenarioForTourStep } from '../src/scenario/tours';
import { compare } from '../src/scenario/tourFacts';
import { copyLink, waitForApp } from './shareHelpers';
import { scenarioResult } from './engineInNode';
import { PRESENTER_MIN_TEXT_PX } from '../src/ui/presenterLimits';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-share';
mkdirSync(SHOTS, { recursive: true });

test('there are tours in the menu, one per tour defined', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const values = await page
    .getByTestId('tour-select')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
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
  expect(size).toBeGreaterThanOrEqual(PRESENTER_MIN_TEXT_PX);
  await expect.poll(() => p2.evaluate(() => location.hash)).toMatch(/vr=1/);
  await p2.screenshot({ path: `${SHOTS}/presenter.png` });
  await p2.keyboard.press('ArrowRight');
  if (at + 1 < tour.steps.length) await expect(p2.getByTestId('tour-step')).toHaveText(`Step ${at + 2} of ${tour.steps.length}`);
  await p2.getByRole('button', { name: 'Exit presenter mode' }).click();
  await expect(p2.locator('aside.controls')).toHaveCount(1);
  await fresh.close();
});

// ---------------------------------------------------------------- issue 8: tours show what they say

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });
    for (const tour of TOURS) {
      test(`tour "${tour.id}": every step's target is open, on screen and uncovered, and every fact holds on screen`, async ({ page }) => {
        test.setTimeout(180_000);
        await page.goto('/');
        await waitForApp(page);
        await page.getByTestId('tour-select').selectOption(tour.id);
        const overlay = page.getByTestId('tour-overlay');
        for (let i = 0; i < tour.steps.length; i++) {
          const step = tour.steps[i];
          await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${i + 1} of ${tour.steps.length}`);
          const target = page.locator('.tour-highlight');
          await expect(target).toHaveCount(1);
          if (step.highlight && !['dataflow', 'sram', 'interconnect', 'latency'].includes(step.highlight)) {
            // The step's own target, not the panel fallback.
            const squash = (v: string | null) => (v ?? '').replace(/overrides/g, '').replace(/-/g, '');
            await expect
              .poll(
                async () => (await target.evaluate((e) => [e.getAttribute('data-control'), e.getAttribute('data-highlight')])).map(squash),
                { timeout: 30_000 },
              )
              .toContain(squash(step.highlight));
          }
          // Every fact the step states holds for what the page shows (checked live in the page).
          const facts = overlay.getByTestId('tour-fact');
          await expect(facts).toHaveCount(step.facts?.length ?? 0);
          for (let f = 0; f < (step.facts?.length ?? 0); f++) {
            await expect(facts.nth(f), `${tour.id}[${i}] fact ${f}: ${await facts.nth(f).getAttribute('title')}`).toHaveAttribute(
              'data-state',
              'holds',
              { timeout: 60_000 },
            );
          }
          // Let late renders settle, then: its section is open, it is in the viewport, the box does not cover it.
          await page.waitForTimeout(500);
          await expect
            .poll(() =>
              target.evaluate((e) => {
                let d = e.closest('details');
                while (d) {
                  if (!d.open) return false;
                  d = d.parentElement?.closest('details') ?? null;
                }
                return true;
              }),
            )
            .toBe(true);
          const vp = page.viewportSize()!;
          await expect
            .poll(
              async () => {
                const b = (await target.boundingBox())!;
                // A pixel of slack for sub-pixel scroll positions.
                return (
                  b.width > 0 &&
                  b.x >= -1 &&
                  b.x + b.width <= vp.width + 1 &&
                  b.y >= -1 &&
                  (b.height > vp.height ? b.y < vp.height / 2 : b.y + b.height <= vp.height + 1)
                );
              },
              { message: `${tour.id}[${i}] target on screen` },
            )
            .toBe(true);
          const tb = (await overlay.boundingBox())!;
          const hb = (await target.boundingBox())!;
          expect(intersects(tb, hb), `${tour.id}[${i}] tour box ${JSON.stringify(tb)} covers target ${JSON.stringify(hb)}`).toBe(false);
          if (viewport.width === 1280) await page.screenshot({ path: `${SHOTS}/tour-${tour.id}-${i}-${viewport.width}.png` });
          if (i < tour.steps.length - 1) await page.keyboard.press('PageDown');
        }
      });
    }
  });
}

test('during a tour Space plays and pauses the array even on a focused Next; arrows on the array step cycles', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('tour-select').selectOption('systolic-array');
  const overlay = page.getByTestId('tour-overlay');
  const next = overlay.getByRole('button', { name: 'Next →' });
  await expect(next).toBeFocused();
  const cycle = async () => Number(await page.getByTestId('current-cycle').textContent());
  const at = await cycle();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 1 of 6'); // Next did not fire
  await expect.poll(cycle).toBeGreaterThan(at);
  await expect(next).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 1 of 6');
  // Left/Right with the array focused move its cycle, not the tour.
  const paused = await cycle();
  await page.getByTestId('array-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(cycle).toBe(paused + 1);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(cycle).toBe(paused);
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 1 of 6');
  // PageDown/PageUp move the tour from anywhere, arrows elsewhere too.
  await page.keyboard.press('PageDown');
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 2 of 6');
  await next.focus();
  await page.keyboard.press('ArrowRight');
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 3 of 6');
  await page.keyboard.press('PageUp');
  await expect(overlay.getByTestId('tour-step')).toHaveText('Step 2 of 6');
  // The step's scenario put the cycle where the narration says inputs are in the array.
  expect(await cycle()).toBe(TOURS[0].steps[1].patch.view!.cycle);
  await page.screenshot({ path: `${SHOTS}/tour-space.png` });
  // Space on a focused Next with no array on screen still just clicks it.
  await page.getByTestId('tour-select').selectOption('hbm-bound');
  await expect(overlay.getByRole('button', { name: 'Next →' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(overlay.getByTestId('tour-step')).toHaveText(`Step 2 of ${TOURS.find((t) => t.id === 'hbm-bound')!.steps.length}`);
});

test('quotes say who speaks and when; the scaled tour says how many of the chips given it uses, as the engine computes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const tour = TOURS.find((t) => t.id === 'scaled-inference')!;
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('tour-select').selectOption(tour.id);
  const overlay = page.getByTestId('tour-overlay');
  const tpots: Record<'lpu' | 'gpu', number>[] = [];
  for (let i = 0; i < tour.steps.length; i++) {
    const step = tour.steps[i];
    await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${i + 1} of ${tour.steps.length}`);
    const r = scenarioResult(scenarioForTourStep(tour.id, i));
    const used = r.lpu.occupancy.length;
    await expect(page.getByTestId('metric-lpu-chipsUsed')).toHaveText(
      `${used} of the ${r.lpu.chips} given${used < r.lpu.chips ? `, ${r.lpu.chips - used} idle` : ''}`,
      { timeout: 60_000 },
    );
    if (step.patch.lpu?.chips)
      await expect(page.getByTestId('lpu-chips-hint')).toContainText(`uses ${used} of the ${r.lpu.chips} chips given`);
    // Time per token as displayed, against the previous step: what the narration's facts say.
    const shownMs = async (m: 'lpu' | 'gpu') =>
      parseFloat(((await page.getByTestId(`metric-${m}-tpot`).textContent()) ?? '').replace(/,/g, ''));
    tpots.push({ lpu: await shownMs('lpu'), gpu: await shownMs('gpu') });
    for (const f of step.facts ?? []) {
      if (f.kind !== 'tpotVsPrevious') continue;
      expect(
        compare(tpots[i][f.machine], tpots[i - 1][f.machine], f.change, f.tolerance),
        `${tour.id}[${i}] shown ${tpots[i - 1][f.machine]} -> ${tpots[i][f.machine]}: ${f.change}`,
      ).toBe(true);
    }
    if (step.quote) {
      await expect(overlay.getByTestId('tour-speaker')).toHaveText(SPEAKER_NAMES[step.quote.speaker]);
      await expect(overlay.locator('blockquote footer')).toContainText(TALK_DATE);
    }
    if (i < tour.steps.length - 1) await page.keyboard.press('PageDown');
  }
  // A host's quote is attributed to the host.
  const hostTour = TOURS.find((t) => t.steps.some((s) => s.quote?.speaker === 'host'))!;
  const hostStep = hostTour.steps.findIndex((s) => s.quote?.speaker === 'host');
  await page.getByTestId('tour-select').selectOption(hostTour.id);
  for (let i = 0; i < hostStep; i++) await page.keyboard.press('PageDown');
  await expect(overlay.getByTestId('tour-step')).toHaveText(`Step ${hostStep + 1} of ${hostTour.steps.length}`);
  await expect(overlay.getByTestId('tour-speaker')).toHaveText('Host');
  await page.screenshot({ path: `${SHOTS}/tour-host-quote.png` });
});
