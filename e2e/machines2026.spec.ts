// The 2026 machines and speculative decoding in the app: what the table shows for Groq 3 LPX
// beside Rubin, and for a prediction head, equals the CLI's engine; each machine says how its
// figures are sourced; the claims card judges "5-10x" without speculation, as the talk does;
// a bad draft or acceptance rate gets a message beside its control and the results stay.
import { test, expect, type Page } from '@playwright/test';
import { cli, SCENARIO } from './engineInNode';
import { expectClose, parseShown } from './shownNumbers';

test.setTimeout(300_000);

const shown = async (page: Page, machine: 'lpu' | 'gpu', key: string) =>
  parseShown((await page.getByTestId(`metric-${machine}-${key}`).textContent()) ?? '');
const done = (page: Page) => expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
const select = (page: Page, control: string) => page.locator(`[data-control="${control}"] select`);
const box = (page: Page, control: string) => page.locator(`[data-control="${control}"] input[type="text"]`);
/** The speculative-decoding controls sit in a section closed while it is off. */
const openSpeculation = (page: Page) => page.locator('details[data-section="speculative"] > summary').click();

test('Groq 3 LPX beside Vera Rubin: the table is the engine, the sourcing is said, the link carries both', async ({ page }) => {
  const lpx = cli('groq3-lpx', SCENARIO);
  const rubin = cli('rubin-nvl72', SCENARIO);
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await select(page, 'lpu-chip').selectOption('groq3-lpx');
  await select(page, 'gpu-gpu').selectOption('rubin-nvl72');
  await done(page);
  await expect(page.getByTestId('metric-lpu-chips')).toHaveText(`${lpx.chips} chips`);
  await expect(page.getByTestId('metric-gpu-chips')).toHaveText(`${rubin.chips} chip${rubin.chips === 1 ? '' : 's'}`);
  expectClose(await shown(page, 'lpu', 'tpot'), lpx.tpotMs, 'LPX tpot');
  expectClose(await shown(page, 'gpu', 'tpot'), rubin.tpotMs, 'Rubin tpot');
  expectClose(await shown(page, 'lpu', 'cost'), lpx.costPerMillionTokensUsd, 'LPX cost');
  // neither machine has a published measurement: both say their speeds are projections
  await expect(page.getByTestId('lpu-sourcing')).toContainText(/Groq 3 .*secondary sources.*projections/);
  await expect(page.getByTestId('gpu-sourcing')).toContainText(/Rubin.*secondary sources.*projections/);
  await expect(page.getByTestId('claims-fitted')).toContainText('No published speed of Groq 3');
  const url = page.url();
  expect(url).toContain('lx=groq3-lpx');
  expect(url).toContain('gx=rubin-nvl72');
  // the link reproduces it in a fresh page
  const again = await page.context().newPage();
  await again.goto(url);
  await done(again);
  expect(await shown(again, 'lpu', 'tpot')).toBe(await shown(page, 'lpu', 'tpot'));
  await expect(select(again, 'lpu-chip')).toHaveValue('groq3-lpx');
});

test('a prediction head: tokens per step and time per token from the engine; the claim is judged without it', async ({ page }) => {
  const flags = { ...SCENARIO, speculative: 'mtp,k=3,accept=0.8' };
  const lpu = cli('lpu', flags);
  const gpu = cli('h100-sxm', flags);
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await done(page);
  const plainSpeedup = parseFloat((await page.getByTestId('claim-speedup').textContent()) ?? '');
  await openSpeculation(page);
  await select(page, 'llm-speculative-mode').selectOption('mtp');
  await box(page, 'llm-speculative-k').fill('3');
  await box(page, 'llm-speculative-accept').fill('0.8');
  await expect(page.getByTestId('speculation-result')).toContainText('2.95 tokens per step');
  await done(page);
  expectClose(await shown(page, 'lpu', 'tpot'), lpu.tpotMs, 'lpu tpot with a head');
  expectClose(await shown(page, 'gpu', 'tpot'), gpu.tpotMs, 'gpu tpot with a head');
  // the claims card: as set, and judged without speculation ("apples to apples", 00:18)
  const asSet = lpu.tokensPerSecondPerUser / gpu.tokensPerSecondPerUser;
  await expect(page.getByTestId('claim-speculative')).toContainText(`${asSet >= 10 ? asSet.toFixed(1) : asSet.toFixed(2)}×`);
  await expect(page.getByTestId('claim-speculative')).toContainText('Apples to apples');
  expect(parseFloat((await page.getByTestId('claim-speedup').textContent()) ?? '')).toBe(plainSpeedup);
  const plain = lpu.speculation!.plainTpotMs;
  expect(gpu.speculation!.plainTpotMs / plain).toBeCloseTo(plainSpeedup, 1);
  await expect(page.getByTestId('breakdown-speculation')).toContainText('drafts 3');
  await expect.poll(() => page.url()).toMatch(/sp=mtp/);
});

test('bad speculation input: a message beside the control, and the last results stay', async ({ page }) => {
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await openSpeculation(page);
  await select(page, 'llm-speculative-mode').selectOption('draft');
  await done(page);
  const before = await shown(page, 'lpu', 'tpot');
  await select(page, 'llm-speculative-draft').selectOption('llama-3.1-405b');
  await expect(page.locator('[data-control="llm-speculative-draft"] .field-message')).toContainText(
    'must be smaller than the model it drafts for',
  );
  await box(page, 'llm-speculative-accept').fill('1.5');
  await expect(page.locator('[data-control="llm-speculative-accept"] .field-message')).toContainText('below 1');
  await done(page);
  expect(await shown(page, 'lpu', 'tpot')).toBe(before);
  expect(page.url()).not.toContain('sd=llama-3.1-405b');
});
