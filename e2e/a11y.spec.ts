// Accessibility: axe finds no serious or critical violation on any panel or share-layer
// state; every control is reached by Tab, shows a visible focus ring and has a name.
import { test, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { PANEL_IDS, metricTexts, settled, waitForApp } from './shareHelpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).analyze();
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} - ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

for (const id of PANEL_IDS) {
  test(`axe: panel ${id}`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await waitForApp(page);
    await page.locator(`#tab-${id}`).click();
    await settled(page, () => metricTexts(page));
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('axe: share-layer states', () => {
  test.setTimeout(150_000);
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
  });

  test('problems banner', async ({ page }) => {
    await page.goto('/#v=2&ar=abc&zz=%3Cb%3E');
    await expect(page.getByTestId('problem-banner')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('compare view', async ({ page }) => {
    await page.getByTestId('pin-a').click();
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('export menu', async ({ page }) => {
    await page.locator('details.share-menu summary').click();
    await expect(page.getByTestId('export-csv')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('classroom dialog', async ({ page }) => {
    await page.getByTestId('classroom-open').click();
    await expect(page.getByTestId('classroom-dialog')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('classroom-dialog')).toBeHidden();
  });

  test('tour overlay and presenter mode', async ({ page }) => {
    const tour = await page.getByTestId('tour-select').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('tour-select').selectOption(tour!);
    await expect(page.getByTestId('tour-overlay')).toBeVisible();
    expect(await seriousViolations(page), 'tour').toEqual([]);
    await page.getByTestId('tour-overlay').getByRole('button', { name: 'Presenter' }).click();
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    expect(await seriousViolations(page), 'presenter').toEqual([]);
  });
});

test('keyboard: Tab reaches every control with a visible focus ring and a name', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForApp(page);
  for (const id of PANEL_IDS) {
    await page.locator(`#tab-${id}`).click();
    await settled(page, () => metricTexts(page));
    // Every enabled control in the controls column and the toolbar, by a stable handle.
    const wanted: string[] = await page.$$eval(
      'aside.controls :is(input, select, button, textarea):not([disabled]), .share-toolbar :is(input, select, button, summary):not([disabled]):not([tabindex="-1"])',
      (els) =>
        els
          .filter((e) => (e as HTMLElement).checkVisibility())
          .map((e, i) => {
            const key = `k${i}-${Math.random().toString(36).slice(2)}`;
            e.setAttribute('data-a11y-key', key);
            return key;
          }),
    );
    expect(wanted.length).toBeGreaterThan(3);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const seen = new Set<string>();
    const problems: string[] = [];
    for (let i = 0; i < 400 && seen.size < wanted.length; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        const labelled =
          !!el.getAttribute('aria-label') ||
          !!el.getAttribute('aria-labelledby') ||
          ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
          (el.textContent ?? '').trim().length > 0 ||
          !!el.getAttribute('title');
        return {
          key: el.getAttribute('data-a11y-key'),
          ring,
          labelled,
          desc: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}]`,
        };
      });
      if (!info) continue;
      if (!info.ring) problems.push(`no focus ring: ${info.desc}`);
      if (!info.labelled) problems.push(`no name: ${info.desc}`);
      if (info.key) seen.add(info.key);
    }
    const missed = await page.$$eval(
      '[data-a11y-key]',
      (els, seenKeys) => els.filter((e) => !seenKeys.includes(e.getAttribute('data-a11y-key')!)).map((e) => e.outerHTML.slice(0, 120)),
      [...seen],
    );
    expect(missed, `panel ${id}: controls not reached by Tab`).toEqual([]);
    expect([...new Set(problems)], `panel ${id}`).toEqual([]);
  }
});
