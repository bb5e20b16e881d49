// The systolic-array panel against the production build: a 4x4 weight-stationary GEMM
// typed into the controls, stepped to the end; the output shown must equal a plain
// matmul of the A and B shown, and the cycle count what the engine's closed form gives.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { closedFormGemm, sramCumulativeAt } from '../src/engine/systolic/closedForm';
import { foldGeometry } from '../src/engine/systolic/geometry';
import { generateOperands } from '../src/engine/systolic/operands';
import { ReferenceSystolicArray, type ReferenceCycle } from '../src/engine/systolic/reference';
import { queueDepth } from '../src/panels/dataflow/geometry';
import { formatCount } from '../src/ui/format';
import { SPEEDS } from '../src/panels/dataflow/playback';
import type { GemmScenario } from '../src/scenario/types';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-dataflow';
mkdirSync(SHOTS, { recursive: true });

const field = (page: Page, path: string) => page.locator(`[data-control="${path.replace(/\./g, '-')}"]`);

async function setGemm(page: Page, g: Omit<GemmScenario, 'seed'>): Promise<void> {
  await field(page, 'gemm.dataflow').locator('select').selectOption(g.dataflow);
  for (const key of ['rows', 'cols', 'm', 'k', 'n'] as const) {
    const input = field(page, `gemm.${key}`).locator('input[type="text"]');
    if ((await input.inputValue()) === String(g[key])) continue;
    await input.fill(String(g[key]));
    // One run at a time: each field change starts a run that cancels the one before.
    await expect(page.getByText('Simulating')).toHaveCount(0, { timeout: 30_000 });
  }
  const shape = `${g.rows} x ${g.cols} PEs, ${g.dataflow}, M=${g.m} K=${g.k} N=${g.n}`;
  try {
    await expect(page.getByTestId('shown-shape')).toHaveText(shape, { timeout: 30_000 });
  } catch (e) {
    const status = await page
      .getByTestId('run-status')
      .textContent({ timeout: 1000 })
      .catch(() => 'no run status shown');
    throw new Error(`${shape} never shown; run status: ${status}`, { cause: e });
  }
}

async function readMatrix(page: Page, testId: string): Promise<number[][]> {
  const table = page.getByTestId(testId);
  const rows = Number(await table.getAttribute('data-rows'));
  const cols = Number(await table.getAttribute('data-cols'));
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(Number(await page.getByTestId(`${testId}-${i}-${j}`).textContent()));
    out.push(row);
  }
  return out;
}

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())!.replace(/[^0-9.-]/g, ''));

async function openPanel(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Systolic array' }).click();
  await expect(page.getByTestId('array-canvas')).toBeVisible({ timeout: 30_000 });
}

/** Moves the mouse over PE (row, col) using the placement the canvas publishes. */
async function hoverPe(page: Page, row: number, col: number): Promise<void> {
  const canvas = page.getByTestId('array-canvas');
  const geo = JSON.parse((await canvas.getAttribute('data-geometry'))!) as { x0: number; y0: number; pitch: number };
  await canvas.hover({ position: { x: geo.x0 + (col + 0.5) * geo.pitch, y: geo.y0 + (row + 0.5) * geo.pitch } });
}

test('4x4 ws GEMM: output equals the matmul of the shown operands, cycle count equals the engine', async ({ page }) => {
  await openPanel(page);
  const g = { rows: 4, cols: 4, dataflow: 'ws' as const, m: 4, k: 4, n: 4 };
  await setGemm(page, g);
  const expected = closedFormGemm({ ...g, seed: 1 });
  await expect(page.getByTestId('cycle-count')).toHaveText(`${expected.cycles} cycles`);
  await expect(page.getByTestId('total-cycles')).toHaveText(String(expected.cycles));
  await expect(page.getByTestId('engine-kind')).toHaveText('cycle-accurate stepping');

  // Step with the keyboard and the buttons, then jump to the end.
  await page.getByTestId('array-canvas').click();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('current-cycle')).toHaveText('0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-cycle')).toHaveText('2');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('current-cycle')).toHaveText('1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('current-cycle')).toHaveText(String(expected.cycles));
  await page.keyboard.press('ArrowRight'); // cannot pass the end
  await expect(page.getByTestId('current-cycle')).toHaveText(String(expected.cycles));
  // Keys typed in a text field stay there.
  await field(page, 'gemm.m').locator('input[type="text"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('current-cycle')).toHaveText(String(expected.cycles));
  await page.getByTestId('array-canvas').focus();

  const a = await readMatrix(page, 'matrix-a');
  const b = await readMatrix(page, 'matrix-b');
  const out = await readMatrix(page, 'matrix-out');
  const product = a.map((row) => b[0].map((_, j) => row.reduce((s, v, q) => s + v * b[q][j], 0)));
  expect(out).toEqual(product);
  await expect(page.getByTestId('output-matches')).toContainText('yes');

  // At the last cycle the live counters show every output written and every operand read once.
  await expect(page.getByTestId('sram-ofmapWrites')).toHaveText(`${g.m * g.n} elements`);
  await expect(page.getByTestId('sram-ifmapReads')).toHaveText(`${g.m * g.k} elements`);
  await expect(page.getByTestId('sram-filterReads')).toHaveText(`${g.k * g.n} elements`);

  // Weight stationary: once loaded (R cycles), PE (r, c) holds B[r][c]; the tooltip must say so.
  await page.keyboard.press('Home');
  for (let i = 0; i <= g.rows; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-cycle')).toHaveText(String(g.rows + 1));
  await hoverPe(page, 2, 1);
  await expect(page.getByTestId('pe-tooltip')).toContainText('PE row 2, col 1');
  await expect(page.getByTestId('pe-tooltip')).toContainText(`weight (B): ${b[2][1]}`);

  // Scrub back to the middle for the screenshot.
  await page.getByTestId('scrub').fill(String(Math.floor(expected.cycles / 2)));
  await expect(page.getByTestId('current-cycle')).toHaveText(String(Math.floor(expected.cycles / 2)));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/dataflow-4x4.png`, fullPage: true });
  await page.getByTestId('array-canvas').screenshot({ path: `${SHOTS}/canvas-4x4.png` });

  // Play runs the clock; Space pauses it.
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect.poll(async () => numberIn(page, 'current-cycle'), { timeout: 10_000 }).toBeGreaterThan(1);
  await page.keyboard.press(' ');
  const paused = await numberIn(page, 'current-cycle');
  await page.waitForTimeout(600);
  expect(await numberIn(page, 'current-cycle')).toBe(paused);
});

test('bad input shows the limit beside the control and keeps the last result', async ({ page }) => {
  await openPanel(page);
  const g = { rows: 4, cols: 4, dataflow: 'ws' as const, m: 4, k: 4, n: 4 };
  await setGemm(page, g);
  const before = await page.getByTestId('cycle-count').textContent();
  const rows = field(page, 'gemm.rows');
  for (const bad of ['300', '2.5', '']) {
    await rows.locator('input[type="text"]').fill(bad);
    await expect(rows.locator('.field-message')).toBeVisible();
    if (bad === '300') await expect(rows.locator('.field-message')).toContainText('256');
    await expect(page.getByTestId('cycle-count')).toHaveText(before!);
    await expect(page.getByTestId('shown-shape')).toHaveText('4 x 4 PEs, ws, M=4 K=4 N=4');
    await expect(page.getByTestId('matrix-out')).toBeVisible();
  }
  await rows.locator('input[type="text"]').fill('5');
  await expect(rows.locator('.field-message')).toHaveCount(0);
  await expect(page.getByTestId('shown-shape')).toHaveText('5 x 4 PEs, ws, M=4 K=4 N=4', { timeout: 30_000 });
});

test('16x16 and 128x128 render; drawing time is measured', async ({ page }) => {
  await openPanel(page);
  const g16 = { rows: 16, cols: 16, dataflow: 'ws' as const, m: 16, k: 16, n: 16 };
  await setGemm(page, g16);
  await expect(page.getByTestId('cycle-count')).toHaveText(`${closedFormGemm({ ...g16, seed: 1 }).cycles} cycles`);
  await page.getByTestId('array-canvas').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-cycle')).toHaveText('30');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/dataflow-16x16.png`, fullPage: true });
  await page.getByTestId('array-canvas').screenshot({ path: `${SHOTS}/canvas-16x16.png` });

  const g128 = { rows: 128, cols: 128, dataflow: 'ws' as const, m: 128, k: 128, n: 128 };
  await setGemm(page, g128);
  const total = closedFormGemm({ ...g128, seed: 1 }).cycles;
  await expect(page.getByTestId('cycle-count')).toHaveText(`${total} cycles`);
  await page.getByTestId('array-canvas').click();
  const drawMs: number[] = [];
  // Outputs start leaving after the R-cycle weight load and the R-row psum path (cycle ~2R).
  for (const c of [300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310]) {
    await page.getByTestId('scrub').fill(String(c));
    await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', String(c));
    await expect(page.getByTestId('sram-ofmapWrites')).not.toHaveText('0 elements');
    drawMs.push(Number(await page.getByTestId('array-canvas').getAttribute('data-draw-ms')));
  }
  drawMs.sort((x, y) => x - y);
  console.log(`128x128 draw ms per frame: median ${drawMs[Math.floor(drawMs.length / 2)]}, max ${drawMs[drawMs.length - 1]}`);
  // Loose bound for a shared 2-core machine with software rendering; the median is reported.
  expect(drawMs[Math.floor(drawMs.length / 2)]).toBeLessThan(40);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/dataflow-128x128.png`, fullPage: true });

  // Playing at 8x advances through the 128x128 run.
  await page.keyboard.press(' ');
  await expect.poll(async () => numberIn(page, 'current-cycle'), { timeout: 15_000 }).toBeGreaterThan(312);
  await page.keyboard.press(' ');

  // 256x256 still renders (one putImageData per frame).
  const g256 = { rows: 256, cols: 256, dataflow: 'os' as const, m: 256, k: 256, n: 256 };
  await setGemm(page, g256);
  const total256 = closedFormGemm({ ...g256, seed: 1 }).cycles;
  await expect(page.getByTestId('cycle-count')).toHaveText(`${total256} cycles`);
  await page.getByTestId('scrub').fill('300');
  await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', '300');
  await expect(page.getByTestId('sram-ifmapReads')).not.toHaveText('0 elements');
  console.log(`256x256 draw ms: ${await page.getByTestId('array-canvas').getAttribute('data-draw-ms')}`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.getByTestId('array-canvas').screenshot({ path: `${SHOTS}/canvas-256x256.png` });
});

for (const dataflow of ['os', 'is'] as const) {
  test(`4x4 ${dataflow} GEMM (M=5 K=3 N=6): output equals the matmul of the shown operands`, async ({ page }) => {
    await openPanel(page);
    const g = { rows: 4, cols: 4, dataflow, m: 5, k: 3, n: 6 };
    await setGemm(page, g);
    const expected = closedFormGemm({ ...g, seed: 1 });
    await expect(page.getByTestId('cycle-count')).toHaveText(`${expected.cycles} cycles`);
    await expect(page.getByTestId('folds')).toHaveText(`${expected.folds} ${expected.folds === 1 ? 'fold' : 'folds'}`);
    const a = await readMatrix(page, 'matrix-a');
    const b = await readMatrix(page, 'matrix-b');
    const out = await readMatrix(page, 'matrix-out');
    expect(out).toEqual(a.map((row) => b[0].map((_, j) => row.reduce((s, v, q) => s + v * b[q][j], 0))));
    await page.getByTestId('array-canvas').click();
    await page.keyboard.press('End');
    await expect(page.getByTestId('sram-ofmapWrites')).toHaveText(`${expected.sram.ofmapWrites} elements`);
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    await page.getByTestId('array-canvas').screenshot({ path: `${SHOTS}/canvas-4x4-${dataflow}.png` });
  });
}

// ---------------------------------------------------------------- the drain (issue 8, item 1)
// What the canvas draws as drained, cycle by cycle, against the plain TypeScript reference
// machine run in Node: the drawn list the canvas publishes and the pixels of every drain cell.

type Rgb = [number, number, number];
const PSUM: Rgb = [213, 94, 0];
const HOLDING: Rgb = [221, 234, 245];
const WRITTEN: Rgb = [248, 212, 186];

interface CanvasGeo {
  x0: number;
  y0: number;
  pitch: number;
  gap: number;
}

/** Pixel colours at points given in cells from PE (0, 0) (fractions of a pitch), read back from the canvas. */
async function pixelsAt(page: Page, points: [number, number][]): Promise<Rgb[]> {
  const geo = JSON.parse((await page.getByTestId('array-canvas').getAttribute('data-geometry'))!) as CanvasGeo;
  return page.evaluate(
    ({ geo, points }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="array-canvas"]')!;
      const dpr = canvas.width / canvas.clientWidth;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return points.map(([row, col]) => {
        const x = Math.floor((geo.x0 + col * geo.pitch) * dpr);
        const y = Math.floor((geo.y0 + row * geo.pitch) * dpr);
        const k = (y * canvas.width + x) * 4;
        return [img.data[k], img.data[k + 1], img.data[k + 2]] as [number, number, number];
      });
    },
    { geo, points },
  );
}

const same = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
type Drained = [number, number, number, number, number]; // m, n, value, cell row, cell col
const sortDrained = (list: Drained[]) => [...list].sort((a, b) => a[3] - b[3] || a[4] - b[4]);

/** Reference run of a scenario, every cycle kept. */
function referenceRun(g: GemmScenario): ReferenceCycle[] {
  const ref = new ReferenceSystolicArray(g);
  const history: ReferenceCycle[] = [];
  while (!ref.done) history.push(ref.step());
  return history;
}

/** What must be drawn as drained at trace index `index`: ws / is the last q cycles' writes below the array, os this fold's written sums in place. */
function expectedDrained(g: GemmScenario, history: ReferenceCycle[], index: number): Drained[] {
  const out: Drained[] = [];
  if (index < 0) return out;
  if (g.dataflow === 'os') {
    const L = history.length / closedFormGemm(g).folds;
    for (let c = Math.floor(index / L) * L; c <= index; c++)
      for (const w of history[c].writes) out.push([w.m, w.n, w.value, w.m % g.rows, w.col]);
  } else {
    const q = queueDepth(g.rows, g.cols);
    for (let c = Math.max(0, index - q + 1); c <= index; c++)
      for (const w of history[c].writes) out.push([w.m, w.n, w.value, g.rows - 1 + (index - c + 1), w.col]);
  }
  return sortDrained(out);
}

/** Steps through every cycle; at each, the drawn drain must equal the reference's writes, in the list and in pixels. */
async function checkEveryCycle(page: Page, g: GemmScenario, shots: Record<number, string> = {}): Promise<void> {
  const history = referenceRun(g);
  const total = history.length;
  const out = await readMatrix(page, 'matrix-out');
  const canvas = page.getByTestId('array-canvas');
  const q = queueDepth(g.rows, g.cols);
  const rowFolds = g.dataflow === 'os' ? 1 : Math.ceil(g.k / g.rows);
  await canvas.click();
  await page.keyboard.press('Home');
  await page.mouse.move(0, 0);
  let checkedComplete = 0;
  for (let cycle = 0; cycle <= total; cycle++) {
    if (cycle > 0) await page.keyboard.press('ArrowRight');
    await expect(canvas).toHaveAttribute('data-cycle', String(cycle));
    const index = cycle - 1;
    const expected = expectedDrained(g, history, index);
    // Polled: a trace window may still be on its way.
    await expect
      .poll(async () => sortDrained(JSON.parse((await canvas.getAttribute('data-drained')) ?? '[]') as Drained[]), {
        message: `cycle ${cycle}`,
      })
      .toEqual(expected);
    const written = index < 0 ? 0 : history[index].sram.ofmapWrites;
    await expect(page.getByTestId('sram-ofmapWrites')).toHaveText(`${written} elements`);
    if (written === 0) expect(expected, `cycle ${cycle}: nothing drawn before the first write`).toEqual([]);
    // A complete element (every K fold added) reads as the output matrix shown in the panel.
    for (const [m, n, value] of expected) {
      const writes = history.slice(0, index + 1).reduce((s, h) => s + h.writes.filter((w) => w.m === m && w.n === n).length, 0);
      if (writes === rowFolds) {
        expect(value, `cycle ${cycle}: O[${m}][${n}]`).toBe(out[m][n]);
        checkedComplete++;
      }
    }
    // Pixels: ws / is, the corner of every drain cell (clear of the printed number) is
    // vermillion exactly where an output is listed; os, a PE is filled as written exactly
    // where listed (unless it is doing its last MAC this very cycle).
    const listed = new Set(expected.map(([, , , r, c]) => `${r},${c}`));
    if (g.dataflow === 'os') {
      const cells: [number, number][] = [];
      for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) cells.push([r, c]);
      const px = await pixelsAt(
        page,
        cells.map(([r, c]) => [r + 0.45, c + 0.78]),
      );
      cells.forEach(([r, c], k) => {
        if (!listed.has(`${r},${c}`)) expect(same(px[k], WRITTEN), `cycle ${cycle} PE ${r},${c} drawn as written`).toBe(false);
      });
      const writtenDrawn = cells.filter((_, k) => same(px[k], WRITTEN)).length;
      const activeNow = index >= 0 ? history[index].writes.length : 0; // these are drawn as active
      expect(writtenDrawn, `cycle ${cycle} PEs drawn as written`).toBe(listed.size - activeNow);
    } else {
      const cells: [number, number][] = [];
      for (let d = 1; d <= q; d++) for (let c = 0; c < g.cols; c++) cells.push([g.rows - 1 + d, c]);
      const px = await pixelsAt(
        page,
        cells.map(([r, c]) => [r + 0.22, c + 0.22]),
      );
      cells.forEach(([r, c], k) => expect(same(px[k], PSUM), `cycle ${cycle} drain cell ${r},${c}`).toBe(listed.has(`${r},${c}`)));
    }
    if (shots[cycle]) await canvas.screenshot({ path: `${SHOTS}/${shots[cycle]}` });
  }
  expect(checkedComplete).toBeGreaterThan(0);
}

test('default 8x8 ws: every cycle, the drain shows exactly the outputs written, with the output matrix values; a 0 weight is held', async ({
  page,
}) => {
  await openPanel(page);
  const g: GemmScenario = { rows: 8, cols: 8, dataflow: 'ws', m: 16, k: 8, n: 8, seed: 1 };
  await expect(page.getByTestId('shown-shape')).toHaveText('8 x 8 PEs, ws, M=16 K=8 N=8', { timeout: 30_000 });
  const total = closedFormGemm(g).cycles;
  await checkEveryCycle(page, g, { 12: 'drain-8x8-ws-c12.png', 20: 'drain-8x8-ws-c20.png', [total]: 'drain-8x8-ws-end.png' });

  // After the R-cycle load, before the first MAC: every PE holds its weight, the zero one too.
  const zero = generateOperands(g).b.indexOf(0);
  expect(zero).toBeGreaterThanOrEqual(0); // this seed has a zero weight: the case the issue names
  await page.getByTestId('scrub').fill(String(g.rows));
  await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', String(g.rows));
  const cells: [number, number][] = [];
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) cells.push([r, c]);
  const geo = JSON.parse((await page.getByTestId('array-canvas').getAttribute('data-geometry'))!) as CanvasGeo;
  // Right edge, mid height: inside the PE, clear of its edge marks and of the printed values.
  const fx = 1 - (geo.gap + 3) / geo.pitch;
  const px = await pixelsAt(
    page,
    cells.map(([r, c]) => [r + 0.5, c + fx]),
  );
  cells.forEach(([r, c], k) => expect(px[k], `PE ${r},${c}${r * g.cols + c === zero ? ' (weight 0)' : ''}`).toEqual(HOLDING));
  await hoverPe(page, Math.floor(zero / g.n), zero % g.n);
  await expect(page.getByTestId('pe-tooltip')).toContainText('weight (B): 0');
});

for (const dataflow of ['ws', 'is', 'os'] as const) {
  test(`4x4 ${dataflow}, M=K=N=6 (folded): every cycle, the drain shows exactly the outputs written`, async ({ page }) => {
    await openPanel(page);
    const g: GemmScenario = { rows: 4, cols: 4, dataflow, m: 6, k: 6, n: 6, seed: 1 };
    await setGemm(page, g);
    await checkEveryCycle(page, g, { 20: `drain-4x4-${dataflow}-c20.png`, 28: `drain-4x4-${dataflow}-c28.png` });
  });
}

test('128x128 ws: the drain band appears only when outputs leave the last row', async ({ page }) => {
  await openPanel(page);
  const g: GemmScenario = { rows: 128, cols: 128, dataflow: 'ws', m: 128, k: 128, n: 128, seed: 1 };
  await setGemm(page, g);
  const R = g.rows;
  const T = g.m;
  const q = queueDepth(g.rows, g.cols);
  const canvas = page.getByTestId('array-canvas');
  await canvas.click();
  await page.mouse.move(0, 0);
  // Output t of column j leaves the bottom row at cycle index 2R - 1 + t + j (docs/cycle-model.md), one fold.
  const leaves = (index: number, j: number) => {
    const t = index - 2 * R + 1 - j;
    return t >= 0 && t < T;
  };
  for (const cycle of [200, 2 * R - 1, 2 * R, 2 * R + 3, 300, 400]) {
    await page.getByTestId('scrub').fill(String(cycle));
    await expect(canvas).toHaveAttribute('data-cycle', String(cycle));
    const index = cycle - 1;
    const cells: [number, number][] = [];
    const want: boolean[] = [];
    for (let d = 1; d <= q; d++)
      for (let j = 0; j < g.cols; j++) {
        cells.push([R - 1 + d, j]);
        want.push(leaves(index - d + 1, j));
      }
    const count = want.filter(Boolean).length;
    await expect.poll(async () => Number(await canvas.getAttribute('data-drained-count')), { message: `cycle ${cycle}` }).toBe(count);
    const s = sramCumulativeAt(g, foldGeometry(g), index);
    const before = index - q >= 0 ? sramCumulativeAt(g, foldGeometry(g), index - q).ofmapWrites : 0;
    expect(count, `cycle ${cycle}: the writes of the last ${q} cycles`).toBe(s.ofmapWrites - before);
    await expect(page.getByTestId('sram-ofmapWrites')).toHaveText(`${formatCount(s.ofmapWrites)} elements`);
    // Tiny cells: sample each cell's middle.
    const px = await pixelsAt(
      page,
      cells.map(([r, c]) => [r + 0.4, c + 0.4]),
    );
    cells.forEach(([r, c], k) => expect(same(px[k], PSUM), `cycle ${cycle} drain cell ${r},${c}`).toBe(want[k]));
    if (cycle === 300) await canvas.screenshot({ path: `${SHOTS}/drain-128-ws-c300.png` });
  }
});

test('at the top speed a 128x128 run (~640 cycles) plays at 128 cycles/s or more, and every cycle is drawn in order', async ({ page }) => {
  await page.goto('/#v=2&ar=128&ac=128&k=128&n=128&m=256');
  await expect(page.getByTestId('total-cycles')).toHaveText(/^\d+$/, { timeout: 30_000 });
  const total = Number(await page.getByTestId('total-cycles').textContent());
  expect(total).toBeGreaterThan(600);
  await page
    .locator('.df-transport select, select:has(option[value="32"])')
    .first()
    .selectOption(String(SPEEDS[SPEEDS.length - 1]));
  // Sample the shown cycle each frame in the page: it must only move forward, to the end.
  const samples = page.evaluate(
    (t) =>
      new Promise<{ ms: number; cycles: number[]; inFlight: number }>((resolve) => {
        const seen: number[] = [];
        let inFlight = 0;
        const t0 = performance.now();
        const frame = () => {
          const c = Number(document.querySelector('[data-testid="current-cycle"]')?.textContent);
          if (seen.at(-1) !== c) seen.push(c);
          // The top speed jumps from cycle to cycle: no frame draws values between PEs.
          if (document.querySelector<HTMLCanvasElement>('[data-testid="array-canvas"]')?.dataset.transit !== '0') inFlight++;
          if (c >= t) resolve({ ms: performance.now() - t0, cycles: seen, inFlight });
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    total,
  );
  await page.getByTestId('play').click();
  const { ms, cycles, inFlight } = await samples;
  expect(inFlight).toBe(0);
  const rate = (total / ms) * 1000;
  test.info().annotations.push({ type: 'playback', description: `${total} cycles in ${ms.toFixed(0)} ms: ${rate.toFixed(0)} cycles/s` });
  expect(rate).toBeGreaterThanOrEqual(128);
  expect(cycles.every((c, i) => i === 0 || c > cycles[i - 1])).toBe(true);
});

/** Pixels of the array canvas that differ between two captures kept in the page (window.__frames). */
async function framesDiffer(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const f = (window as unknown as { __frames: Record<string, Uint8ClampedArray> }).__frames;
      let n = 0;
      for (let i = 0; i < f[a].length; i += 4) if (f[a][i] !== f[b][i] || f[a][i + 1] !== f[b][i + 1] || f[a][i + 2] !== f[b][i + 2]) n++;
      return n;
    },
    [a, b],
  );
}

/** Keeps the canvas's pixels under `name` once its drawn frame is `cycle` exactly (paused). */
async function captureCycle(page: Page, name: string, cycle: number): Promise<void> {
  await page.getByTestId('scrub').fill(String(cycle));
  const canvas = page.getByTestId('array-canvas');
  await expect(canvas).toHaveAttribute('data-cycle', String(cycle));
  await expect(canvas).toHaveAttribute('data-transit', '0');
  await canvas.evaluate((el, name) => {
    const c = el as HTMLCanvasElement;
    const w = window as unknown as { __frames?: Record<string, Uint8ClampedArray> };
    w.__frames = { ...w.__frames, [name]: c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data };
  }, name);
}

test('at a slow speed values move between PEs: a frame mid-cycle differs from both cycles it lies between', async ({ page }) => {
  await openPanel(page);
  await page.mouse.move(0, 0);
  await page.locator('.df-transport select').selectOption(String(SPEEDS[0]));
  await page.getByTestId('scrub').fill('6');
  await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', '6');
  // The first frame drawn while playing between 0.3 and 0.7 of the way to the next cycle.
  const mid = page.evaluate(
    () =>
      new Promise<{ cycle: number; t: number; label: string }>((resolve) => {
        const frame = () => {
          const c = document.querySelector<HTMLCanvasElement>('[data-testid="array-canvas"]')!;
          const t = Number(c.dataset.transit);
          if (t >= 0.3 && t <= 0.7) {
            const w = window as unknown as { __frames?: Record<string, Uint8ClampedArray> };
            w.__frames = { mid: c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data };
            const label = document.querySelector('.df-scrub-label')?.textContent ?? '';
            resolve({ cycle: Number(c.dataset.cycle), t, label });
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  await page.getByTestId('play').click();
  const { cycle, t, label } = await mid;
  await page.getByTestId('play').click(); // pause
  expect(t).toBeGreaterThan(0);
  // The counter names the two engine cycles the picture lies between.
  expect(label.replace(/\s+/g, ' ')).toContain(`cycle ${cycle} → ${cycle + 1} of`);
  await captureCycle(page, 'from', cycle);
  await captureCycle(page, 'to', cycle + 1);
  const fromDiff = await framesDiffer(page, 'mid', 'from');
  const toDiff = await framesDiffer(page, 'mid', 'to');
  test
    .info()
    .annotations.push({ type: 'transit', description: `t=${t}: ${fromDiff} px differ from cycle ${cycle}, ${toDiff} from ${cycle + 1}` });
  expect(fromDiff).toBeGreaterThan(100);
  expect(toDiff).toBeGreaterThan(100);
  await expect(page.getByTestId('next-cycle')).toHaveCount(0);
});

test('under prefers-reduced-motion no frame is drawn between cycles: Play jumps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPanel(page);
  await page.locator('.df-transport select').selectOption(String(SPEEDS[0]));
  const total = Number(await page.getByTestId('total-cycles').textContent());
  await page.getByTestId('scrub').fill('6');
  await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', '6');
  const frames = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const t0 = performance.now();
        const frame = () => {
          const c = document.querySelector<HTMLCanvasElement>('[data-testid="array-canvas"]')!;
          seen.push(`${c.dataset.cycle}/${c.dataset.transit}`);
          if (performance.now() - t0 > 1500) resolve(seen);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  await page.getByTestId('play').click();
  const seen = await frames;
  expect(seen.every((f) => f.endsWith('/0'))).toBe(true);
  expect(seen.at(-1)).toBe(`${total}/0`);
  await expect(page.getByTestId('next-cycle')).toHaveCount(0);
});
