// Legible, honest latency charts (issue 9 item 4), measured on the rendered page: no text in
// the latency tab under the type floor; no chart text cut off by its SVG; in the roofline no
// text overprints another or a roof; the budget chart places its dots by log(time) and writes
// the ratios the dots show; the charts a tour step targets carry that step's point in the
// engine's numbers.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { MIN_TEXT_PX, PRESENTER_MIN_TEXT_PX } from '../src/ui/presenterLimits';
import { formatMs, formatNumber } from '../src/ui/format';
import { ridgeIntensity } from '../src/engine/llm/metrics';
import { TOURS, scenarioForTourStep } from '../src/scenario/tours';
import { scenarioResult } from './engineInNode';
import { chartsLaidOut, waitForApp } from './shareHelpers';
import { minTextPx } from './textSize';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-charts';
mkdirSync(SHOTS, { recursive: true });

const CHARTS = ['budget-chart', 'breakdown-chart', 'pareto-chart', 'roofline-chart'];

async function openLatency(page: Page, presenter = false) {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('#tab-latency').click();
  if (presenter) await page.getByTestId('presenter-on').click();
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  await chartsLaidOut(page);
}

/** Text boxes of a chart (screen px) and whether each lies inside the SVG's box. */
function chartTexts(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((svg) => {
    const s = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .filter((t) => t.textContent?.trim())
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          text: t.textContent!.trim(),
          cls: t.getAttribute('class') ?? '',
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
          inside: r.left >= s.left - 0.5 && r.right <= s.right + 0.5 && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5,
        };
      });
  });
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Overlap of two boxes, each shrunk by 0.5 px so that touching edges do not count. */
const overlaps = (a: Box, b: Box) =>
  a.x + 0.5 < b.x + b.width - 0.5 &&
  b.x + 0.5 < a.x + a.width - 0.5 &&
  a.y + 0.5 < b.y + b.height - 0.5 &&
  b.y + 0.5 < a.y + a.height - 0.5;

const VIEWS = [
  { name: '1400x900', viewport: { width: 1400, height: 900 }, presenter: false, floor: MIN_TEXT_PX },
  { name: '1280x720 presenter', viewport: { width: 1280, height: 720 }, presenter: true, floor: PRESENTER_MIN_TEXT_PX },
  { name: '390x844', viewport: { width: 390, height: 844 }, presenter: false, floor: MIN_TEXT_PX },
];

for (const v of VIEWS) {
  test.describe(`latency charts at ${v.name}`, () => {
    test.use({ viewport: v.viewport });

    test('no text under the floor; no chart text cut off; roofline texts overprint nothing', async ({ page }) => {
      await openLatency(page, v.presenter);
      if (!v.name.startsWith('390')) {
        const min = await minTextPx(page, '[data-panel="latency"]');
        expect(min.px, `smallest text: ${min.where}`).toBeGreaterThanOrEqual(v.floor - 0.01);
      }
      for (const id of CHARTS) {
        const texts = await chartTexts(page, id);
        expect(texts.length, id).toBeGreaterThan(3);
        for (const t of texts) expect(t.inside, `${id}: "${t.text}" cut off by the chart's edge`).toBe(true);
      }
      // Roofline: no two texts overlap (tick labels, axis labels, roof and point labels) ...
      const texts = await chartTexts(page, 'roofline-chart');
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++)
          expect(overlaps(texts[i], texts[j]), `"${texts[i].text}" overprints "${texts[j].text}"`).toBe(false);
      // ... and no roof passes under a text: sample each roof path every 2 px of its length.
      const roofPoints = await page.getByTestId('roof-line').evaluateAll((paths) =>
        (paths as SVGPathElement[]).flatMap((p) => {
          const m = p.getScreenCTM()!;
          const out: { x: number; y: number }[] = [];
          const len = p.getTotalLength();
          const step = 2 / Math.hypot(m.a, m.b);
          for (let s = 0; s <= len; s += step) {
            const q = p.getPointAtLength(s);
            out.push({ x: m.a * q.x + m.c * q.y + m.e, y: m.b * q.x + m.d * q.y + m.f });
          }
          return out;
        }),
      );
      expect(roofPoints.length).toBeGreaterThan(50);
      for (const t of texts) {
        const hit = roofPoints.find((q) => q.x > t.x + 0.5 && q.x < t.x + t.width - 0.5 && q.y > t.y + 0.5 && q.y < t.y + t.height - 0.5);
        expect(hit, `a roof runs through "${t.text}"`).toBeUndefined();
      }
      // ... nor over a marker of a point.
      const markers = await page.locator('[data-testid="roofline-chart"] .roof-point').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      expect(markers.length).toBe(4);
      for (const t of texts) for (const mk of markers) expect(overlaps(t, mk), `"${t.text}" covers a point`).toBe(false);
      // Sweep: no batch label overprints another text of the chart or a point.
      const sweepTexts = await chartTexts(page, 'pareto-chart');
      const sweepMarkers = await page.locator('[data-testid="pareto-chart"] .sweep-point').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      expect(sweepMarkers.length).toBeGreaterThan(4);
      const batchLabels = sweepTexts.filter((t) => /^\d+$/.test(t.text) && t.cls === 'point-label');
      expect(batchLabels.length).toBe(sweepMarkers.length);
      for (const l of batchLabels) {
        for (const t of sweepTexts) if (t !== l) expect(overlaps(l, t), `batch "${l.text}" overprints "${t.text}"`).toBe(false);
        for (const mk of sweepMarkers) expect(overlaps(l, mk), `batch "${l.text}" covers a point`).toBe(false);
      }
      // Budget: the band's label is inside the chart (it was cut at the right edge in presenter mode).
      const band = (await chartTexts(page, 'budget-chart')).find((t) => t.text.includes('ms budget'));
      expect(band?.inside).toBe(true);
      await page.locator('.lat-grid').screenshot({ path: `${SHOTS}/charts-${v.name.replace(' ', '-')}.png` });
    });
  });
}

test('the budget chart places dots by log(time) and writes the ratio of the times it draws', async ({ page }) => {
  await openLatency(page);
  const dots = await page.getByTestId('budget-bar').evaluateAll((els) =>
    els.map((e) => ({
      row: e.getAttribute('data-row')!,
      ms: Number(e.getAttribute('data-ms')),
      cx: e.getBoundingClientRect().x + e.getBoundingClientRect().width / 2,
    })),
  );
  expect(dots.length).toBe(4);
  // Position is linear in log10(ms): the same px per decade between every pair of dots.
  const [a, b] = [dots[0], dots.find((d) => Math.abs(Math.log10(d.ms / dots[0].ms)) > 0.3)!];
  const perDecade = (b.cx - a.cx) / Math.log10(b.ms / a.ms);
  expect(perDecade).toBeGreaterThan(20);
  for (const d of dots) expect(Math.abs(a.cx + perDecade * Math.log10(d.ms / a.ms) - d.cx), d.row).toBeLessThan(1.5);
  // The slower machine's dot says how many times longer, from the two times drawn.
  for (const kind of ['TTFT', 'answer']) {
    const [lpu, gpu] = ['lpu', 'gpu'].map((m) => dots.find((d) => d.row === `${m}-${kind}`)!);
    const slow = lpu.ms > gpu.ms ? lpu : gpu;
    const fast = slow === lpu ? gpu : lpu;
    const label = page.locator(`[data-testid="budget-chart"] [data-row="${slow.row}"] [data-testid="budget-ratio"]`);
    const ratio = parseFloat(/([\d.]+)×/.exec((await label.textContent()) ?? '')?.[1] ?? 'NaN');
    expect(Math.abs(ratio - slow.ms / fast.ms) / (slow.ms / fast.ms)).toBeLessThan(0.06);
  }
});

test("the budget and breakdown charts carry their tour step's point in the engine's numbers", async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.getByTestId('tour-select').selectOption('latency-budget');
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  const note = page.getByTestId('budget-tour-note');
  await expect(note).toBeVisible();
  const answers = await page
    .locator('[data-testid="budget-bar"][data-row$="-answer"]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ms'))));
  expect(answers.length).toBe(2);
  for (const ms of answers) await expect(note).toContainText(formatMs(ms));
  await expect(page.getByTestId('budget-tour-mark')).toHaveCount(2);
  await page.getByTestId('budget-chart').screenshot({ path: `${SHOTS}/budget-tour.png` });

  // hbm-bound step 1: "most of the GPU's decode step is memory reads"; the note gives the share the bar draws.
  await page.getByTestId('tour-select').selectOption('hbm-bound');
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  const mark = page.getByTestId('breakdown-tour-mark');
  await expect(mark).toHaveCount(1);
  const share = await page.getByTestId('breakdown-chart').evaluate((svg) => {
    const gpu = Array.from(svg.querySelectorAll('g[data-part]')).filter((g) => g.getAttribute('data-machine') !== 'lpu');
    const w = (g: Element) => Number(g.querySelector('rect')!.getAttribute('width'));
    const total = gpu.reduce((s, g) => s + w(g), 0);
    return w(gpu.find((g) => g.getAttribute('data-part') === 'memoryMs')!) / total;
  });
  await expect(page.getByTestId('breakdown-tour-note')).toContainText(`memory-bound: ${Math.round(share * 100)}%`);
  await page.getByTestId('breakdown-chart').screenshot({ path: `${SHOTS}/breakdown-tour.png` });
});

/** Starts `tourId` and walks with Next to its step on `target`; returns the step's index. */
async function openStepOn(page: Page, tourId: string, target: string): Promise<number> {
  const step = TOURS.find((t) => t.id === tourId)!.steps.findIndex((st) => st.highlight === target);
  expect(step).toBeGreaterThan(0);
  await page.getByTestId('tour-select').selectOption(tourId);
  for (let i = 0; i < step; i++) await page.getByTestId('tour-overlay').getByRole('button', { name: 'Next →' }).click();
  await expect(page.locator('[data-panel="latency"]')).toHaveAttribute('data-status', 'done');
  return step;
}

test("the roofline and the batch sweep carry their tour step's point in the engine's numbers", async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  // hbm-bound: "the GPU's decode sits left of its ridge".
  const roofStep = await openStepOn(page, 'hbm-bound', 'latency-roofline');
  const roof = scenarioResult(scenarioForTourStep('hbm-bound', roofStep)).roofline.find(
    (r) => r.machine !== 'lpu' && r.phase === 'decode',
  )!;
  const note = page.getByTestId('roof-tour-note');
  await expect(note).toContainText(`decode at ${formatNumber(roof.intensity, 'FLOP/B')}`);
  await expect(note).toContainText(`ridge at ${formatNumber(ridgeIntensity(roof), 'FLOP/B')}`);
  // The ring is drawn on the GPU's decode point.
  const mark = page.getByTestId('roof-tour-mark');
  await expect(mark).toHaveCount(1);
  const point = page.locator(`[data-testid="roof-point"][data-machine="${roof.machine}"][data-phase="decode"]`);
  const [a, b] = [await mark.boundingBox(), await point.boundingBox()];
  expect(Math.abs(a!.x + a!.width / 2 - (b!.x + b!.width / 2))).toBeLessThan(1);
  expect(Math.abs(a!.y + a!.height / 2 - (b!.y + b!.height / 2))).toBeLessThan(1);
  await page.getByTestId('roofline-chart').screenshot({ path: `${SHOTS}/roofline-tour.png` });

  // groq-claims: "a bigger batch buys throughput with every user's speed", per machine, end to end.
  const sweepStep = await openStepOn(page, 'groq-claims', 'latency-sweep');
  const sweep = scenarioResult(scenarioForTourStep('groq-claims', sweepStep)).sweep;
  const sweepNote = page.getByTestId('sweep-tour-note');
  for (const machine of new Set(sweep.map((p) => p.machine))) {
    const pts = sweep.filter((p) => p.machine === machine && p.fits).sort((x, y) => x.batch - y.batch);
    const [lo, hi] = [pts[0], pts[pts.length - 1]];
    await expect(sweepNote).toContainText(`from batch ${lo.batch} to ${hi.batch}`);
    await expect(sweepNote).toContainText(
      `${formatNumber(lo.tokensPerSecondPerUser, '')} → ${formatNumber(hi.tokensPerSecondPerUser, 'tokens/s per user')}`,
    );
    for (const p of [lo, hi])
      await expect(page.locator(`[data-testid="sweep-tour-mark"][data-machine="${machine}"][data-batch="${p.batch}"]`)).toHaveCount(1);
  }
  await page.getByTestId('pareto-chart').screenshot({ path: `${SHOTS}/sweep-tour.png` });
});
