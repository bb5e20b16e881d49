// The JSON form of a chip and a model (issue 11 item 5): exported from the controls, edited,
// applied; the link carries the base preset and only the figure that differs, and reproduces
// the table; a bad JSON is refused beside its box, naming the field or the line, and the
// results stay as they were.
import { test, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { figureFields } from '../src/scenario/fields';

test.setTimeout(180_000);

const done = (page: Page) => expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
const table = (page: Page) => page.locator('[data-testid^="metric-"]').allTextContents();
const select = (page: Page, control: string) => page.locator(`[data-control="${control}"] select`);
const jsonBox = (page: Page, what: string) => page.getByTestId(`machine-json-text-${what}`);
/** The hash's key=value pairs. */
const linkPairs = (url: string) => new URLSearchParams(new URL(url).hash.slice(1));

async function openChipJson(page: Page) {
  await page.locator('details[data-section="lpu-overrides"] > summary').click();
  await page.getByTestId('machine-json-toggle-lpu').click();
  await expect(jsonBox(page, 'lpu')).toBeVisible();
}

test('a Groq 3 chip exported, one figure edited and applied: the link has lx and that override only, and reproduces the table', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await select(page, 'lpu-chip').selectOption('groq3-lpx');
  await done(page);
  const presetTable = await table(page);
  await openChipJson(page);
  const doc = JSON.parse(await jsonBox(page, 'lpu').inputValue());
  expect(doc).toMatchObject({ kind: 'sram-chip', base: 'groq3-lpx', sramMB: 500 });
  await jsonBox(page, 'lpu').fill(JSON.stringify({ ...doc, sramMB: 300 }, null, 2));
  await page.getByTestId('machine-json-apply-lpu').click();
  await expect(page.getByTestId('machine-json-status-lpu')).toContainText('1 figure changed (sramMB)');
  // the override box shows it too: one fact, set through either door
  await expect(page.locator('[data-control="lpu-sram-mb"] input[type="text"]')).toHaveValue('300');
  await done(page);
  await expect.poll(() => linkPairs(page.url()).get('lsm')).toBe('300');
  const pairs = linkPairs(page.url());
  expect(pairs.get('lx')).toBe('groq3-lpx');
  // the other chip figures equal the preset's: no other chip-figure key in the link
  const chipFigureKeys = figureFields('lpu').map((f) => f.key);
  expect([...pairs.keys()].filter((k) => chipFigureKeys.includes(k))).toEqual(['lsm']);
  const edited = await table(page);
  // less SRAM per chip: more chips, so the table differs from the preset's
  expect(edited).not.toEqual(presetTable);

  const again = await page.context().newPage();
  await again.goto(page.url());
  await done(again);
  expect(await table(again)).toEqual(edited);
});

test('a bad chip JSON: the field or the line is named, the text kept, the results and the link unchanged', async ({ page }) => {
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await select(page, 'lpu-chip').selectOption('groq3-lpx');
  await done(page);
  await openChipJson(page);
  const before = await table(page);
  const url = page.url();
  const doc = JSON.parse(await jsonBox(page, 'lpu').inputValue());

  const negative = JSON.stringify({ ...doc, sramMB: -5 }, null, 2);
  await jsonBox(page, 'lpu').fill(negative);
  await page.getByTestId('machine-json-apply-lpu').click();
  await expect(page.getByTestId('machine-json-error-lpu')).toContainText('"sramMB" (SRAM per chip, MB) must be a number 1..100000; got -5');
  await expect(jsonBox(page, 'lpu')).toHaveValue(negative);
  await expect(jsonBox(page, 'lpu')).toHaveAttribute('aria-invalid', 'true');

  // a missing comma at the end of line 3
  const broken = '{\n  "kind": "sram-chip",\n  "base": "groq3-lpx"\n  "sramMB": 400\n}';
  await jsonBox(page, 'lpu').fill(broken);
  await page.getByTestId('machine-json-apply-lpu').click();
  await expect(page.getByTestId('machine-json-error-lpu')).toContainText('not valid JSON: at line 4, column 3');
  await expect(jsonBox(page, 'lpu')).toHaveValue(broken);

  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  await done(page);
  expect(await table(page)).toEqual(before);
});

test('a model JSON: an edited preset becomes the custom model, carried in the link', async ({ page }) => {
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await done(page);
  const before = await table(page);
  await page.getByTestId('machine-json-toggle-model').click();
  const doc = JSON.parse(await jsonBox(page, 'model').inputValue());
  expect(doc).toMatchObject({ kind: 'model', id: 'llama-2-70b', layers: 80 });
  await jsonBox(page, 'model').fill(JSON.stringify({ ...doc, id: 'half-70b', name: 'Half of Llama-2 70B', layers: 40 }, null, 2));
  await page.getByTestId('machine-json-apply-model').click();
  await expect(page.getByTestId('machine-json-status-model')).toContainText('the custom model Half of Llama-2 70B');
  await expect(page.locator('#llm-model-select')).toHaveValue('custom');
  await expect(page.locator('[data-control="llm-custom-layers"] input[type="text"]')).toHaveValue('40');
  await done(page);
  const edited = await table(page);
  expect(edited).not.toEqual(before);
  await expect.poll(() => linkPairs(page.url()).get('mo')).toBe('custom');
  expect(linkPairs(page.url()).get('cl')).toBe('40');
  const again = await page.context().newPage();
  await again.goto(page.url());
  await done(again);
  expect(await table(again)).toEqual(edited);
  await expect(again.locator('#llm-model-select')).toHaveValue('custom');
});

test('the chip JSON box by keyboard, with a refusal: no serious axe violation; screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await openChipJson(page);
  const doc = JSON.parse(await jsonBox(page, 'lpu').inputValue());
  await jsonBox(page, 'lpu').fill(JSON.stringify({ ...doc, sramMB: -5 }, null, 2));
  // Apply by keyboard: Tab from the box reaches it first
  await jsonBox(page, 'lpu').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('machine-json-apply-lpu')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('machine-json-error-lpu')).toBeVisible();
  const res = await new AxeBuilder({ page }).include('[data-testid="machine-json-lpu"]').analyze();
  expect(res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByTestId('machine-json-lpu').screenshot({ path: 'test-results/machine-json.png' });
});
