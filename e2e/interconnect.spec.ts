// Interconnect panel against the engine: the decode-step time shown for Llama-2-70B on 648
// SRAM-only chips equals what the CLI computes (its tpotMs is the simulated step), for a
// ring and a dragonfly; switching topology changes the drawing; hovering an event shows
// its tooltip; zooming the timeline changes the axis domain. Screenshots: ring, dragonfly,
// dragonfly drill-down, NVSwitch (GPU).
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { formatShare, utilizationColour } from '../src/panels/interconnect/colour';
import { busiestLinks } from './engineInNode';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-ic';
mkdirSync(SHOTS, { recursive: true });

interface CliMachine {
  fits: boolean;
  chips: number;
  tpotMs: number;
  tensorParallel: number;
  pipelineStages: number;
}

/** The project's CLI (same engine, in Node) for one machine. */
function cli(flags: Record<string, string | number>): CliMachine {
  const args = ['tsx', 'src/cli/main.ts', 'llm', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])];
  return JSON.parse(execFileSync('npx', args, { encoding: 'utf8', cwd: process.cwd() })) as CliMachine;
}

const CHIPS = 648; // a multiple of 8: a whole number of dragonfly groups
const WORKLOAD = { model: 'llama-2-70b', batch: 1, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' } as const;

async function openPanel(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('#tab-interconnect').click();
  await page.locator('#llm-model-select').selectOption(WORKLOAD.model);
  for (const f of ['batch', 'prompt', 'output'] as const)
    await page.locator(`[data-control="llm-${f}"] input[type="text"]`).fill(String(WORKLOAD[f]));
  for (const p of ['weights', 'activations', 'kv'] as const)
    await page.locator(`[data-control="llm-${p}"] select`).selectOption(WORKLOAD[p]);
}

async function setTopology(page: Page, topology: string): Promise<void> {
  await page.locator('[data-control="lpu-topology"] select').selectOption(topology);
}

/** Waits until the step shown is the expected one (the run for the new scenario has landed). */
async function expectStepUs(page: Page, expectedUs: number): Promise<void> {
  const step = page.getByTestId('ic-step');
  await expect.poll(async () => Number(await step.getAttribute('data-value')), { timeout: 30_000 }).toBeCloseTo(expectedUs, 6);
  // The text carries the unit and four significant digits of the same number.
  const text = (await step.locator('.value').textContent()) ?? '';
  const m = /^([\d.]+) (ms|µs)$/.exec(text.trim());
  expect(m, `step text "${text}"`).not.toBeNull();
  const shownUs = Number(m![1]) * (m![2] === 'ms' ? 1000 : 1);
  expect(Math.abs(shownUs - expectedUs) / expectedUs).toBeLessThan(5e-4);
}

const drawnLinks = async (page: Page) => Number(await page.getByTestId('topology-drawing').getAttribute('data-drawn-links'));

test('step time equals the engine for ring and dragonfly; switching topology redraws', async ({ page }) => {
  const ring = cli({ machine: 'lpu', chips: CHIPS, topology: 'ring', ...WORKLOAD });
  const dragonfly = cli({ machine: 'lpu', chips: CHIPS, topology: 'dragonfly', ...WORKLOAD });
  expect(ring.fits && dragonfly.fits).toBe(true);
  expect(ring.tpotMs).not.toBe(dragonfly.tpotMs);

  await openPanel(page);
  await page.locator('[data-control="lpu-chips"] input[type="text"]').fill(String(CHIPS));
  await setTopology(page, 'ring');
  await expectStepUs(page, ring.tpotMs * 1000);
  // A ring of n chips has n links, each drawn once.
  await expect.poll(() => drawnLinks(page)).toBe(CHIPS);
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-aggregated', 'false');
  await page.screenshot({ path: `${SHOTS}/ring.png`, fullPage: true });

  await setTopology(page, 'dragonfly');
  await expectStepUs(page, dragonfly.tpotMs * 1000);
  // 81 groups of 8: drawn as points, global links bundled per group pair, so fewer marks than links.
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-aggregated', 'true');
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-drawn-nodes', String(CHIPS / 8));
  const bundles = await drawnLinks(page);
  expect(bundles).not.toBe(CHIPS);
  expect(bundles).toBeLessThanOrEqual((81 * 80) / 2);
  await page.screenshot({ path: `${SHOTS}/dragonfly.png`, fullPage: true });

  // Bundled: the colour scale runs to the busiest mark drawn (a bundle's mean), at most the busiest link, and says so.
  const busiest = Number(await page.getByTestId('ic-busiest').getAttribute('data-value'));
  const scaleMax = Number(await page.getByTestId('utilization-legend').getAttribute('data-scale-max'));
  expect(busiest).toBeGreaterThan(0);
  expect(scaleMax).toBeGreaterThan(0);
  expect(scaleMax).toBeLessThanOrEqual(busiest + 1e-12);
  await expect(page.getByTestId('legend-max')).toHaveText(formatShare(scaleMax));
  await expect(page.getByTestId('legend-caption')).toContainText('a bundle showing the mean of its links');
  // The fixed scale: 0-100% busy.
  await page.getByLabel('fixed scale (0-100% busy)').check();
  await expect(page.getByTestId('legend-max')).toHaveText('100%');
  await expect(page.getByTestId('legend-caption')).toContainText('always busy');
  await page.getByTestId('topology-drawing').screenshot({ path: `${SHOTS}/dragonfly-fixed.png` });
  await page.getByLabel('fixed scale (0-100% busy)').uncheck();

  // Drill into group 3: its 8 chips and the links touching them.
  await page.locator('.ic-drill select').selectOption('3');
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-drawn-nodes', '8');
  expect(await page.locator('[data-testid="topology-drawing"] path.ic-link').count()).toBe(await drawnLinks(page));
  await page.getByTestId('topology-drawing').screenshot({ path: `${SHOTS}/dragonfly-group3.png` });
});

test('hovering an event shows its tooltip; zoom changes the axis domain', async ({ page }) => {
  const ring = cli({ machine: 'lpu', chips: CHIPS, topology: 'ring', ...WORKLOAD });
  await openPanel(page);
  await page.locator('[data-control="lpu-chips"] input[type="text"]').fill(String(CHIPS));
  await setTopology(page, 'ring');
  await expectStepUs(page, ring.tpotMs * 1000);

  // The widest critical-path event: hover it and read its own label and times in the tooltip.
  const events = page.locator('[data-testid="timeline-event"].critical');
  const widths = await events.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
  const widest = widths.indexOf(Math.max(...widths));
  const target = events.nth(widest);
  const datum = await target.evaluate((el) => {
    const d = (el as unknown as { __data__: { e: { label: string; startUs: number; endUs: number } } }).__data__.e;
    return { label: d.label, startUs: d.startUs, endUs: d.endUs };
  });
  await target.hover();
  const tip = page.getByTestId('event-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(datum.label);
  await expect(tip).toContainText('on the critical path');
  await expect(tip).toContainText('duration');
  await page.screenshot({ path: `${SHOTS}/tooltip.png` });

  // Zoom in with the wheel over the timeline: the domain shrinks and stays inside the step.
  const domain = async () => ((await page.getByTestId('timeline-domain').getAttribute('data-domain')) ?? '').split(',').map(Number);
  const [a0, b0] = await domain();
  expect(a0).toBe(0);
  expect(b0).toBeGreaterThanOrEqual(ring.tpotMs * 1000 * (1 - 1e-9));
  const box = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => (await domain())[1] - (await domain())[0]).toBeLessThan((b0 - a0) / 2);
  const [a1, b1] = await domain();
  expect(a1).toBeGreaterThanOrEqual(0);
  expect(b1).toBeLessThanOrEqual(b0 + 1e-9);
  const ticks = await page.locator('.ic-axis .tick text').allTextContents();
  expect(Number(ticks[0])).toBeGreaterThanOrEqual(a1 - 1e-9);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(async () => (await domain()).join(',')).toBe(`${a0},${b0}`);
  // The keyboard-reachable button zooms 2x about the middle of the step.
  await page.getByRole('button', { name: 'Zoom in on time' }).click();
  await expect.poll(async () => (await domain())[1] - (await domain())[0]).toBeCloseTo((b0 - a0) / 2, 6);
  const [a2, b2] = await domain();
  expect((a2 + b2) / 2).toBeCloseTo((a0 + b0) / 2, 6);
});

test('GPU machine: NVSwitch nodes and a network switch', async ({ page }) => {
  const gpu = cli({ machine: 'h100-sxm', chips: 16, ...WORKLOAD });
  expect(gpu.fits).toBe(true);
  await openPanel(page);
  await page.locator('[data-control="gpu-gpus"] input[type="text"]').fill('16');
  await page.locator('#ic-machine-gpu').check();
  // 16 GPUs = 2 nodes of 8: one NVLink link per GPU to its NVSwitch and one NIC link per GPU.
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-drawn-links', String(2 * gpu.chips), { timeout: 30_000 });
  await expect(page.locator('.ic-switch')).toHaveCount(3);
  await expect(page.locator('.ic-topology-head')).toContainText('NVSwitch');
  await page.screenshot({ path: `${SHOTS}/nvswitch.png`, fullPage: true });
});

test('link colours: the busiest link gets the top colour of the scale, and the legend names its utilisation from the engine', async ({
  page,
}) => {
  const engine = busiestLinks({ llm: { ...WORKLOAD }, gpu: { gpus: 16 } });
  expect(engine.gpu).toBeGreaterThan(0);
  await openPanel(page);
  await page.locator('[data-control="gpu-gpus"] input[type="text"]').fill('16');
  await page.locator('#ic-machine-gpu').check();
  await expect(page.getByTestId('topology-drawing')).toHaveAttribute('data-drawn-links', '32', { timeout: 30_000 });
  // The scale's maximum is the engine's busiest link, named in the legend with its unit.
  await expect(page.getByTestId('legend-max')).toHaveText(formatShare(engine.gpu!));
  await expect(page.getByTestId('legend-caption')).toContainText(`Colour scale 0% to ${formatShare(engine.gpu!)} = the busiest link`);
  await expect(page.getByTestId('legend-caption')).toContainText('% of one decode step');
  const links = await page
    .locator('[data-testid="topology-drawing"] path.ic-link')
    .evaluateAll((els) => els.map((e) => ({ u: Number(e.getAttribute('data-utilization')), stroke: e.getAttribute('stroke') })));
  expect(links).toHaveLength(32);
  const top = utilizationColour(1);
  const max = Math.max(...links.map((l) => l.u));
  expect(max).toBeCloseTo(engine.gpu!, 12);
  // Every link as busy as the busiest is drawn in the top colour; every less busy one is not.
  for (const l of links) expect(l.stroke === top, `link at ${l.u} (max ${max})`).toBe(l.u === max);
  await page.getByTestId('topology-drawing').screenshot({ path: `${SHOTS}/nvswitch-scale.png` });
});
