// Latency & cost panel against the engine: every figure shown equals what the CLI computes
// for the same scenario (to the 3 significant digits displayed), the sweep and roofline draw
// the engine's points, and changing the batch changes system tokens/s.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { cli, engineResult, SCENARIO, type CliOutput } from './engineInNode';
import { expectClose, parseShown } from './shownNumbers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-sramlat';
mkdirSync(SHOTS, { recursive: true });
// Each CLI run takes seconds on a shared machine.
test.setTimeout(300_000);

const ROWS: [string, (m: CliOutput) => number][] = [
  ['ttft', (m) => m.ttftMs],
  ['ttft99', (m) => m.p99TtftMs],
  ['tpot', (m) => m.tpotMs],
  ['p99', (m) => m.p99TpotMs],
  ['tpsUser', (m) => m.tokensPerSecondPerUser],
  ['tpsSystem', (m) => m.systemTokensPerSecond],
  ['tpsOutput', (m) => m.outputTokensPerSecond],
  ['answer', (m) => m.answerMs],
  ['cost', (m) => m.costPerMillionTokensUsd],
  ['joules', (m) => m.joulesPerToken],
  ['power', (m) => m.powerW / 1000],
  ['costHour', (m) => m.costPerHourUsd],
];

async function shown(page: Page, machine: 'lpu' | 'gpu', key: string): Promise<number> {
  return parseShown((await page.getByTestId(`metric-${machine}-${key}`).textContent()) ?? '');
}

async function setBatch(page: Page, batch: number): Promise<void> {
  await page.locator('[data-control="llm-batch"] input[type="text"]').fill(String(batch));
}

async function done(page: Page): Promise<void> {
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
}

test('figures, ratios, sweep and roofline equal the engine; batch changes throughput', async ({ page }) => {
  const lpu = cli('lpu', SCENARIO);
  const gpu = cli('h100-sxm', SCENARIO);
  const full = engineResult({ llm: SCENARIO });

  await page.goto('/');
  await page.locator('#tab-latency').click();
  await page.locator('#llm-model-select').selectOption(SCENARIO.model);
  await setBatch(page, SCENARIO.batch);
  await done(page);
  await expect(page.getByTestId('metric-lpu-chips')).toHaveText(`${lpu.chips} chips`);
  await expect(page.getByTestId('metric-gpu-chips')).toHaveText(`${gpu.chips} chips`);

  for (const [key, get] of ROWS) {
    expectClose(await shown(page, 'lpu', key), get(lpu), `lpu ${key}`);
    expectClose(await shown(page, 'gpu', key), get(gpu), `gpu ${key}`);
  }

  // The talk's claims, tested with the engine's numbers.
  const speedup = lpu.tokensPerSecondPerUser / gpu.tokensPerSecondPerUser;
  const cost = lpu.costPerMillionTokensUsd / gpu.costPerMillionTokensUsd;
  expectClose(parseFloat((await page.getByTestId('claim-speedup').textContent()) ?? ''), speedup, 'speedup');
  expect(Math.abs(parseFloat((await page.getByTestId('claim-cost').textContent()) ?? '') - cost) / cost).toBeLessThan(0.01);

  // Sweep: one circle per batch that fits, per machine; roofline: prefill + decode per machine.
  for (const machine of [lpu.machine, gpu.machine]) {
    const fits = full.sweep.filter((p) => p.machine === machine && p.fits).length;
    expect(fits).toBeGreaterThan(1);
    await expect(page.locator(`[data-testid="sweep-point"][data-machine="${machine}"]`)).toHaveCount(fits);
    const roof = full.roofline.filter((p) => p.machine === machine).length;
    expect(roof).toBe(2);
    await expect(page.locator(`[data-testid="roof-point"][data-machine="${machine}"]`)).toHaveCount(roof);
  }
  // The current batch is the ringed point.
  await expect(page.locator(`[data-testid="sweep-point"][data-batch="${SCENARIO.batch}"]`)).toHaveCount(2);
  await expect(page.getByTestId('calibration-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/latency-batch1.png`, fullPage: true });

  // Per-watt toggle redraws the same points on another axis.
  const firstY = await page.locator('[data-testid="sweep-point"]').first().getAttribute('cy');
  expect(Number(firstY)).toBeGreaterThan(0);
  await page.getByLabel('per watt').check();
  await expect(page.getByTestId('pareto-chart')).toHaveAttribute('data-metric', 'tokensPerSecondPerWatt');
  expect(await page.locator('[data-testid="sweep-point"]').first().getAttribute('cy')).not.toBe(firstY);

  // Batch 16: system tokens/s changes and equals the engine's.
  const lpu16 = cli('lpu', { ...SCENARIO, batch: 16 });
  const gpu16 = cli('h100-sxm', { ...SCENARIO, batch: 16 });
  const before = await shown(page, 'gpu', 'tpsSystem');
  await setBatch(page, 16);
  await done(page);
  await expect.poll(() => shown(page, 'gpu', 'tpsSystem')).not.toBe(before);
  expectClose(await shown(page, 'gpu', 'tpsSystem'), gpu16.systemTokensPerSecond, 'gpu tpsSystem batch 16');
  expectClose(await shown(page, 'lpu', 'tpsSystem'), lpu16.systemTokensPerSecond, 'lpu tpsSystem batch 16');
  await expect(page.locator('[data-testid="sweep-point"][data-batch="16"]')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/latency-batch16.png`, fullPage: true });
});

test('continuous batching and the serving stack: figures equal the engine and the table says what they assume', async ({ page }) => {
  const flags = { ...SCENARIO, batch: 8, batching: 'continuous', stack: 'pytorch' };
  const lpu = cli('lpu', { ...SCENARIO, batch: 8, batching: 'continuous' });
  const gpu = cli('h100-sxm', flags);
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await setBatch(page, 8);
  await page.locator('[data-control="llm-batching"] select').selectOption('continuous');
  await page.locator('[data-control="gpu-stack"] select').selectOption('pytorch');
  await done(page);
  await expect(page.getByTestId('software-gpu')).toHaveText(/PyTorch.*continuous batching/);
  // the stack's non-numeric choices follow the select
  await expect(page.getByTestId('stack-traits')).toContainText('NCCL ring');
  await expect(page.getByTestId('stack-traits')).toContainText('output head quantised with the weights');
  await expect(page.getByTestId('software-lpu')).toHaveText(/compiled static schedule, continuous batching/);
  for (const key of ['ttft', 'ttft99', 'tpot', 'p99', 'tpsOutput', 'cost']) {
    const row = ROWS.find(([k]) => k === key);
    if (!row) throw new Error(key);
    expectClose(await shown(page, 'lpu', key), row[1](lpu), `lpu ${key}`);
    expectClose(await shown(page, 'gpu', key), row[1](gpu), `gpu ${key}`);
  }
  // percentiles over the requests of the schedule
  expect(gpu.p99TtftMs).toBeGreaterThanOrEqual(gpu.ttftMs);
  expect(gpu.p99TpotMs).toBeGreaterThanOrEqual(gpu.tpotMs);
  // the calibration table marks fitted rows as such, with no check mark
  const fitted = page.locator('[data-testid="calibration-row"][data-status="fitted"]').first();
  await expect(fitted).toBeVisible();
  await expect(fitted).not.toContainText('✓');
  await expect(page.locator('[data-testid="calibration-row"][data-status="checked"]').first()).toContainText(/[✓✗]/);
  await expect(page.getByTestId('claims-fitted')).toContainText('sramEfficiency');
  await page.screenshot({ path: `${SHOTS}/latency-continuous.png`, fullPage: true });
});

test('the sweep keeps the machine unless asked, and says which; the roofline and breakdown explain a point from its own step', async ({
  page,
}) => {
  const full = engineResult({ llm: SCENARIO });
  await page.goto('/');
  await page.locator('#tab-latency').click();
  await done(page);
  // default: the same machine at every batch, named with its chip count
  const lpuChips = full.lpu.chips;
  await expect(page.getByTestId('sweep-machine')).toContainText(`same at every batch`);
  await expect(page.getByTestId('sweep-machine')).toContainText(`x ${lpuChips}`);
  // the batch-1 point equals the table at batch 1
  // (each point's figures are in the sweep's "?" explanation, reachable by tap and keyboard)
  await expect(page.locator('[data-testid="sweep-point"][data-batch="1"][data-machine="lpu"]')).toHaveCount(1);
  const sweepHow = page.locator('[data-chart="latency-sweep"]');
  await sweepHow.getByTestId('how-btn').click();
  await expect(sweepHow.getByTestId('how-text')).toContainText(/batch 1, [\d.,]+ tokens\/s per user/);
  const at1 = full.sweep.find((p) => p.machine === 'lpu' && p.batch === 1);
  expect(at1?.tokensPerSecondPerUser).toBeCloseTo(full.lpu.tokensPerSecondPerUser, 6);
  expect(full.sweep.filter((p) => p.fits).every((p) => p.chips === (p.machine === 'lpu' ? full.lpu.chips : full.gpu.chips))).toBe(true);
  // the layout the SRAM machine uses, and why it was chosen
  await expect(page.getByTestId('lpu-layout')).toContainText(
    `each layer split over ${full.lpu.tensorParallel} chips, ${full.lpu.pipelineStages} pipeline stages`,
  );
  await expect(page.getByTestId('lpu-layout')).toContainText('cost per token');
  // the minimum machine per batch, on request
  await page.locator('[data-control="llm-sweep-machine"] select').selectOption('minimum');
  await done(page);
  await expect(page.getByTestId('sweep-machine')).toContainText('minimum machine per batch');

  // roofline: one sentence per point, from that step's own breakdown
  const why = page.getByTestId('roof-why');
  await expect(why.locator('li')).toHaveCount(4);
  const decode = full.roofline.find((p) => p.machine === 'lpu' && p.phase === 'decode');
  if (!decode) throw new Error('no lpu decode point');
  const line = why.locator('li[data-machine="lpu"][data-phase="decode"]');
  await expect(line).toContainText(`${Math.round(decode.why.fixedShare * 100)}%`);
  await expect(line).toContainText(`only ${decode.why.busyStages} of ${decode.why.stages} pipeline stages busy`);
  await expect(line).toContainText(`at ${decode.why.streamEfficiency} of the quoted SRAM bandwidth, fitted`);
  // breakdown: a memory-bound GPU step names the math it hides, never "compute-bound: 0"
  const gpuHidden = full.gpu.breakdown.hiddenComputeMs ?? 0;
  expect(full.gpu.breakdown.computeMs).toBe(0);
  expect(gpuHidden).toBeGreaterThan(0);
  await expect(page.locator(`[data-testid="hidden-compute"][data-machine="${full.gpu.machine}"]`)).toContainText('hides');
  await expect(page.getByTestId('breakdown-chart')).not.toContainText('compute-bound: 0');
  await page.screenshot({ path: `${SHOTS}/latency-why.png`, fullPage: true });
});

test('the calibration table reads as a table: the setting column is wide and long sources wrap inside the card', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/#v=2&p=default&vp=latency');
  const table = page.getByTestId('calibration-table');
  await expect(page.getByTestId('calibration-row').first()).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  const m = await table.evaluate((t) => {
    const card = t.closest('.lat-card')!.getBoundingClientRect();
    const rows = Array.from(t.querySelectorAll('[data-testid="calibration-row"]'));
    return {
      tableRight: t.getBoundingClientRect().right,
      cardRight: card.right,
      settingWidths: rows.map((r) => (r.firstElementChild as HTMLElement).getBoundingClientRect().width),
      tallestRow: Math.max(...rows.map((r) => r.getBoundingClientRect().height)),
    };
  });
  // Before: unbreakable source paths squeezed the setting into ~70 px and rows ran ~340 px tall.
  expect(Math.min(...m.settingWidths)).toBeGreaterThanOrEqual(200);
  expect(m.tableRight).toBeLessThanOrEqual(m.cardRight + 1);
  expect(m.tallestRow).toBeLessThan(200);
});
