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
  // the hash is written a moment after the change (debounced): wait for it
  await expect.poll(() => page.url()).toContain('lx=groq3-lpx');
  await expect.poll(() => page.url()).toContain('gx=rubin-nvl72');
  const url = page.url();
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

test('Rubin prefills, the LPX decodes: the pair table and the handoff timeline are the engine, the link carries the pair', async ({
  page,
}) => {
  const pairOut = cli('groq3-lpx', { ...SCENARIO, 'prefill-machine': 'rubin-nvl72' });
  const pair = pairOut.pair;
  if (!pair || !pair.fits) throw new Error('the CLI pair should fit');
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await select(page, 'lpu-chip').selectOption('groq3-lpx');
  await select(page, 'gpu-gpu').selectOption('rubin-nvl72');
  await page.locator('details[data-section="disagg"] > summary').click();
  await select(page, 'llm-disagg').selectOption('gpu-to-sram');
  await done(page);
  const cell = async (id: string) => parseShown((await page.getByTestId(id).textContent()) ?? '');
  expectClose(await cell('pair-ttft'), pair.ttftMs, 'pair ttft');
  // TTFT of the pair = Rubin's own first token + the KV transfer, as shown beside it
  expectClose(await cell('pair-alone-gpu-ttft'), pairOut.prefill!.ttftMs, 'Rubin alone ttft');
  expectClose(await cell('pair-ttft'), pairOut.prefill!.ttftMs + pair.transferMs, 'pair ttft = prefill + transfer');
  expectClose(await cell('pair-tpot'), pairOut.tpotMs, 'pair tpot = LPX tpot');
  expectClose(await cell('pair-alone-lpu-tpot'), pairOut.tpotMs, 'LPX alone tpot');
  expectClose(await cell('pair-cost'), pair.costPerMillionTokensUsd, 'pair cost');
  await expect(page.getByTestId('pair-transfer')).toContainText('Rubin');
  await expect(page.getByTestId('disagg-result')).toContainText(`${pair.transferMs.toFixed(2)} ms`);
  await expect.poll(() => page.url()).toContain('dg=gpu-to-sram');
  // the interconnect panel: prefill, transfer, decode end to end on one axis
  await page.locator('#tab-interconnect').click();
  const bar = (k: string) => page.getByTestId(`handoff-${k}`);
  await expect(bar('transfer')).toBeVisible();
  const ms = async (k: string, a: 'start' | 'end') => Number(await bar(k).getAttribute(`data-${a}-ms`));
  expect(await ms('prefill', 'start')).toBe(0);
  expectClose(await ms('prefill', 'end'), pairOut.prefill!.ttftMs, 'prefill bar');
  expect(await ms('transfer', 'start')).toBe(await ms('prefill', 'end'));
  expectClose((await ms('transfer', 'end')) - (await ms('transfer', 'start')), pair.transferMs, 'transfer bar');
  expect(await ms('decode', 'start')).toBe(await ms('transfer', 'end'));
  expectClose(await ms('decode', 'end'), pair.answerMs, 'decode bar');
  // bars in time order, left to right
  const x = async (k: string) => (await bar(k).locator('rect').boundingBox())!.x;
  expect(await x('prefill')).toBeLessThan(await x('transfer'));
  expect(await x('transfer')).toBeLessThan(await x('decode'));
  await page.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp/shots-share'}/handoff-timeline.png` });
});

test('a layout that splits layers across nodes uses fewer chips than the in-node minimum, and the hint says so', async ({ page }) => {
  const flags = { ...SCENARIO, batch: 16, prompt: 8192 };
  const lpx = cli('groq3-lpx', flags);
  expect(lpx.chips).toBeLessThan(lpx.chipsNeeded!);
  expect(lpx.tensorParallel).toBeGreaterThan(8); // an LPX tray holds 8 chips
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await select(page, 'lpu-chip').selectOption('groq3-lpx');
  await box(page, 'llm-batch').fill('16');
  await box(page, 'llm-prompt').fill('8192');
  await done(page);
  await expect(page.getByTestId('lpu-chips-hint')).toHaveText(
    `Using ${lpx.chips} chips: fewer than the ${lpx.chipsNeeded} that fit with each layer inside one node, because the cheapest layout splits each layer across nodes`,
  );
  await expect(page.getByTestId('lpu-layout')).toContainText(`each layer split over ${lpx.tensorParallel} chips`);
});

test('a pair whose prefill machine cannot hold the model: a message beside the control names it', async ({ page }) => {
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await page.locator('details[data-section="disagg"] > summary').click();
  await select(page, 'llm-disagg').selectOption('gpu-to-sram');
  await done(page);
  await expect(page.getByTestId('pair-table')).toBeVisible();
  // 70B in fp16 (141 GB) on one 80 GB H100
  await box(page, 'gpu-gpus').fill('1');
  await expect(page.getByTestId('disagg-problem')).toContainText(/prefill machine \(.*H100.*\) cannot hold the model/);
  await expect(page.getByTestId('pair-problem')).toContainText('No pair');
  await box(page, 'gpu-gpus').fill('');
  await expect(page.getByTestId('pair-table')).toBeVisible();
  await expect(page.getByTestId('disagg-problem')).toHaveCount(0);
});
