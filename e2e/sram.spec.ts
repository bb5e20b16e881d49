// SRAM occupancy panel against the engine: the chip count and one chip's bytes shown for
// Llama-2-70B fp16 batch 1 equal what the CLI computes for the same scenario; too few chips
// names the chips needed; the token slider moves the KV cache and the phase.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { ChipOccupancy } from '../src/engine/types';
import { cli, engineResult, SCENARIO } from './engineInNode';
import { MODELS } from '../src/engine/llm/models';
import { kvBytesPerToken, shapeSummary } from '../src/engine/llm/workload';
import { formatBytes } from '../src/ui/format';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-sramlat';
mkdirSync(SHOTS, { recursive: true });
// Each CLI run takes seconds on a shared machine.
test.setTimeout(300_000);

const exact = (b: number) => `${Math.round(b).toLocaleString('en-US')} B`;

async function setText(page: Page, control: string, value: string): Promise<void> {
  await page.locator(`[data-control="${control}"] input[type="text"]`).fill(value);
}

async function setScenario(page: Page): Promise<void> {
  await page.locator('#llm-model-select').selectOption(SCENARIO.model);
  await setText(page, 'llm-batch', String(SCENARIO.batch));
  await setText(page, 'llm-prompt', String(SCENARIO.prompt));
  await setText(page, 'llm-output', String(SCENARIO.output));
  for (const p of ['weights', 'activations', 'kv'] as const)
    await page.locator(`[data-control="llm-${p}"] select`).selectOption(SCENARIO[p]);
}

/** Index of the first chip whose bytes differ from chip 0's: the first chip of the second group. */
function firstOfSecondGroup(occ: ChipOccupancy[]): number {
  const key = (o: ChipOccupancy) => [o.weightsBytes, o.kvPromptBytes, o.kvFinalBytes, o.activationBytes, o.capacityBytes].join('|');
  return occ.findIndex((o) => key(o) !== key(occ[0]));
}

test('llama-2-70b fp16 batch 1: chips and one chip equal the engine', async ({ page }) => {
  const lpuCli = cli('lpu', SCENARIO);
  const gpuCli = cli('h100-sxm', SCENARIO);
  const small = cli('lpu', { ...SCENARIO, model: 'llama-2-7b' });
  const { lpu, gpu } = engineResult({ llm: SCENARIO });
  // The CLI and the engine run agree (the CLI has no per-chip output).
  expect(lpu.chips).toBe(lpuCli.chips);
  expect(gpu.chips).toBe(gpuCli.chips);
  expect(lpu.fits).toBe(true);

  await page.goto('/');
  await page.locator('#tab-sram').click();
  // Go through another model first so the check below sees a change driven by the controls.
  await page.locator('#llm-model-select').selectOption('llama-2-7b');
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(small.chips));
  await setScenario(page);

  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(lpuCli.chips));
  await expect(page.getByTestId('occ-lpu-needed')).toHaveText(String(lpuCli.chipsNeeded));
  await expect(page.getByTestId('occ-gpu-chips')).toHaveText(String(gpuCli.chips));
  await expect(page.getByTestId('lpu-chips-hint')).toContainText(`${lpuCli.chipsNeeded} chips`);

  // One bar per group of identical chips: far fewer bars than chips.
  const groups = page.getByTestId('occ-lpu-group');
  expect(await groups.count()).toBeLessThan(20);
  expect(lpu.occupancy.length).toBeGreaterThan(100);

  // Drill down: the second group's bar opens its first chip.
  const i = firstOfSecondGroup(lpu.occupancy);
  expect(i).toBeGreaterThan(0);
  await groups.nth(1).click();
  const chip = lpu.occupancy[i];
  await expect(page.getByTestId('occ-lpu-detail-label')).toHaveText(chip.label);
  await expect(page.getByTestId('occ-lpu-detail-weights')).toHaveText(exact(chip.weightsBytes));
  await expect(page.getByTestId('occ-lpu-detail-activations')).toHaveText(exact(chip.activationBytes));
  await expect(page.getByTestId('occ-lpu-detail-capacity')).toHaveText(exact(chip.capacityBytes));
  await expect(page.getByTestId('occ-lpu-detail-kv-final')).toHaveText(exact(chip.kvFinalBytes));
  await page.screenshot({ path: `${SHOTS}/sram-70b-detail.png`, fullPage: true });

  // Any chip by its index.
  const last = lpu.occupancy.length - 1;
  await page.locator('#occ-lpu-detail-idx').fill(String(last));
  await expect(page.getByTestId('occ-lpu-detail-label')).toHaveText(lpu.occupancy[last].label);

  // Through the request: half the prompt = half the prompt's KV cache, in prefill; end = final.
  const slider = page.locator('#sram-token');
  await slider.fill(String(SCENARIO.prompt / 2));
  await expect(page.getByTestId('phase')).toHaveText('prefill');
  await expect(page.getByTestId('occ-lpu-detail-kv-now')).toHaveText(exact(lpu.occupancy[last].kvPromptBytes / 2));
  await slider.fill(String(SCENARIO.prompt + SCENARIO.output));
  await expect(page.getByTestId('phase')).toHaveText('decode');
  await expect(page.getByTestId('occ-lpu-detail-kv-now')).toHaveText(exact(lpu.occupancy[last].kvFinalBytes));

  // The GPU side drills down the same way.
  await page.getByTestId('occ-gpu-group').first().click();
  await expect(page.getByTestId('occ-gpu-detail-label')).toHaveText(gpu.occupancy[0].label);
  await expect(page.getByTestId('occ-gpu-detail-weights')).toHaveText(exact(gpu.occupancy[0].weightsBytes));
  await page.screenshot({ path: `${SHOTS}/sram-70b-gpu-detail.png`, fullPage: true });
});

test('too few chips: the message names the chips needed', async ({ page }) => {
  const chips = 96; // dragonfly is built in whole nodes of 8
  const ref = cli('lpu', { ...SCENARIO, chips });
  expect(ref.fits).toBe(false);

  await page.goto('/');
  await page.locator('#tab-sram').click();
  await setScenario(page);
  await setText(page, 'lpu-chips', String(chips));
  const msg = page.getByTestId('occ-lpu-nofit');
  await expect(msg).toBeVisible();
  await expect(msg).toContainText(String(ref.chipsNeeded));
  if (ref.message) await expect(msg).toContainText(ref.message);
  // The whole workload against the 96 chips given: more than 100% of their SRAM.
  await expect(page.getByTestId('occ-lpu-need')).toContainText(`${chips} chips hold`);
  await page.screenshot({ path: `${SHOTS}/sram-too-few-chips.png`, fullPage: true });

  // Emptying the box returns to the minimum that fits.
  await setText(page, 'lpu-chips', '');
  await expect(msg).toHaveCount(0);
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(cli('lpu', SCENARIO).chips));

  // A chip-figure override: twice the SRAM per chip needs fewer chips, as the engine says.
  const big = engineResult({ llm: SCENARIO, lpu: { overrides: { sramMB: 460 } } });
  await page.locator('details[data-section="lpu-overrides"] > summary').click();
  const sram = page.locator('[data-control="lpu-sram-mb"] input[type="text"]');
  await expect(sram).toHaveAttribute('placeholder', '230');
  await sram.fill('460');
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(big.lpu.chips));
  expect(big.lpu.chips).toBeLessThan(cli('lpu', SCENARIO).chips);
  await page.screenshot({ path: `${SHOTS}/sram-override-460mb.png`, fullPage: true });
  // Reset drops the override.
  await page.getByRole('button', { name: 'Reset SRAM per chip to the preset' }).click();
  await expect(sram).toHaveValue('');
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(cli('lpu', SCENARIO).chips));

  // A custom model starts from the current one; halving its layers halves the chips needed.
  const half = engineResult(
    { llm: SCENARIO },
    "s.llm.model = 'custom'; s.llm.custom = { ...MODELS['llama-2-70b'], id: 'custom', layers: 40 };",
  );
  await page.locator('#llm-model-select').selectOption('custom');
  await expect(page.locator('[data-control="llm-custom-layers"] input[type="text"]')).toHaveValue('80');
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(cli('lpu', SCENARIO).chips));
  await page.locator('[data-control="llm-custom-layers"] input[type="text"]').fill('40');
  await expect(page.getByTestId('occ-lpu-chips')).toHaveText(String(half.lpu.chips));
  expect(half.lpu.chips).toBeLessThan(cli('lpu', SCENARIO).chips);
});

test('chip group labels are shown whole, never cut off with an ellipsis', async ({ page }) => {
  await page.goto('/#v=2&vp=sram');
  const labels = page.locator('.group-row .glabel');
  await expect(labels.first()).toBeVisible({ timeout: 30_000 });
  const cut = await labels.evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis').map((e) => e.textContent),
  );
  expect(cut).toEqual([]);
  await expect(labels.filter({ hasText: 'embedding + output head' })).toHaveCount(1);
});

test('the 2025 models: the selector lists them with their attention kind and KV cache; a custom MLA latent can be cleared', async ({
  page,
}) => {
  await page.goto('/#v=2&vp=sram');
  const select = page.locator('#llm-model-select');
  for (const id of ['deepseek-v3', 'llama-4-maverick', 'llama-4-scout', 'qwen3-235b-a22b', 'gpt-oss-120b', 'kimi-k2'])
    await expect(select.locator(`option[value="${id}"]`)).toHaveCount(1);
  await select.selectOption('deepseek-v3');
  const ds = MODELS['deepseek-v3'];
  const shape = page.getByTestId('model-shape');
  await expect(shape).toContainText(shapeSummary(ds));
  await expect(shape).toContainText(`KV cache ${formatBytes(kvBytesPerToken(ds, { kv: 'fp16' }))} per token at fp16`);
  // A custom model started from DeepSeek-V3 keeps its latent; a blank box means plain attention.
  await select.selectOption('custom');
  const latent = page.locator('[data-control="llm-custom-kv-lora-rank"] input[type="text"]');
  await expect(latent).toHaveValue('512');
  await latent.fill('');
  await expect(shape).toContainText(`MHA (${ds.heads} heads)`);
  await expect(page.locator('[data-control="llm-custom-sliding-window"] input[type="text"]')).toHaveValue('');
  await page.locator('[data-control="llm-custom-kv-lora-rank"] input[type="text"]').fill('0');
  await expect(page.locator('[data-control="llm-custom-kv-lora-rank"] [role="alert"]')).toContainText('must be an integer 1..65536');
});
