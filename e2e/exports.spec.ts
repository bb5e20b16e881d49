// Exports people can use elsewhere: every chart file carries its title, the scenario in
// words, its legend and the link back; the systolic array and the heat map export as vector
// SVG drawn from the engine's data; the CSV carries inputs, sweep and roofline.
import { test, expect, type Page } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { metricTexts, settled, waitForApp } from './shareHelpers';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-exports';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await readFile((await d.path())!);
  await mkdir(SHOTS, { recursive: true });
  await writeFile(`${SHOTS}/${d.suggestedFilename()}`, bytes);
  return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

async function openExport(page: Page): Promise<void> {
  const menu = page.locator('details.share-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const panel = await page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
  await expect(menu.locator('.share-menu-body')).toHaveAttribute('data-listed-panel', panel!.replace('tab-', ''));
}

async function exportFile(page: Page, testId: string) {
  await openExport(page);
  const file = await download(page, () => page.getByTestId(testId).click());
  await page.keyboard.press('Escape');
  return file;
}

/** The file links to the scenario on the page: the address bar's link once its (debounced) update lands. */
async function expectPageLink(page: Page, svg: string): Promise<void> {
  const href = /<a href="([^"]+)"[^>]*class="scenario-link"/.exec(svg)?.[1];
  expect(href).toContain('#');
  await expect.poll(() => page.evaluate(() => location.href.replace(/&/g, '&amp;'))).toBe(href);
}

async function openPanel(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await waitForApp(page);
  await page.locator(`#tab-${id}`).click();
  await settled(page, () => metricTexts(page));
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

test('a latency chart exports as SVG and PNG with title, scenario line, legend and link', async ({ page }) => {
  await openPanel(page, 'latency');
  const svg = await exportFile(page, 'export-svg-latency-sweep');
  expect(svg.name).toBe('latency-sweep-llama-2-70b-b1.svg');
  expect(svg.text).toContain('class="chart-title">Batch sweep: speed per user vs throughput</text>');
  expect(svg.text).toMatch(/class="scenario"[^>]*>Llama-2 70B · GroqChip 1 [^<]* vs NVIDIA H100 SXM x \d+/);
  expect(svg.text).toContain('Batch 1 (static)');
  await expectPageLink(page, svg.text);
  expect(count(svg.text, /class="legend-item"/g)).toBeGreaterThanOrEqual(2);
  // The chart itself: its points, nested as an SVG.
  expect(count(svg.text, /data-testid="sweep-point"/g)).toBeGreaterThan(2);
  const parsed = await page.evaluate(
    (t) => new DOMParser().parseFromString(t, 'image/svg+xml').getElementsByTagName('parsererror').length,
    svg.text,
  );
  expect(parsed).toBe(0);

  const png = await exportFile(page, 'export-png-latency-sweep');
  expect(png.name).toBe('latency-sweep-llama-2-70b-b1.png');
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // Framed: taller than the 360-px chart (title, scenario, legend and link around it), drawn at 2x.
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(2 * 420);

  for (const id of ['answer-budget', 'decode-breakdown', 'roofline']) {
    const f = await exportFile(page, `export-svg-${id}`);
    expect(f.name).toBe(`${id}-llama-2-70b-b1.svg`);
    expect(f.text).toContain('class="scenario"');
    expect(f.text).toContain('class="scenario-link"');
    expect(count(f.text, /class="legend-item"/g)).toBeGreaterThanOrEqual(2);
  }
});

test('the systolic array exports as vector SVG: one rect per PE in the colour the canvas shows', async ({ page }) => {
  await openPanel(page, 'dataflow');
  const canvas = page.getByTestId('array-canvas');
  await page.getByTestId('scrub').fill('9');
  await expect(canvas).toHaveAttribute('data-cycle', '9');
  const svg = await exportFile(page, 'export-svg-systolic-array');
  expect(svg.name).toBe('systolic-array-8x8-ws-c9.svg');
  expect(svg.text).toContain('class="chart-title">Systolic array</text>');
  expect(svg.text).toContain('GEMM M=16 K=8 N=8 on 8 x 8 PEs, dataflow ws · end of cycle 9 of');
  expect(svg.text).toMatch(/Scenario: Llama-2 70B/);
  await expectPageLink(page, svg.text);
  expect(svg.text).not.toContain('<image');
  const pes = [
    ...svg.text.matchAll(
      /<rect class="pe" data-row="(\d+)" data-col="(\d+)" data-fill="(\w+)" x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="rgb\((\d+), (\d+), (\d+)\)"/g,
    ),
  ];
  expect(pes).toHaveLength(64);
  expect(new Set(pes.map((p) => p[3])).size).toBeGreaterThan(1);
  expect(count(svg.text, /class="legend-item"/g)).toBeGreaterThanOrEqual(5);

  // The canvas pixel near the right edge of each PE (clear of marks and values) has the same colour.
  const seen = await canvas.evaluate(
    (el, cells) => {
      const c = el as HTMLCanvasElement;
      const g = JSON.parse(c.dataset.geometry!) as { x0: number; y0: number; pitch: number; gap: number };
      const k = c.width / c.clientWidth;
      const ctx = c.getContext('2d')!;
      return cells.map(([r, col]) => {
        const s = g.pitch - g.gap;
        const d = ctx.getImageData(
          Math.round((g.x0 + col * g.pitch + s * 0.9) * k),
          Math.round((g.y0 + r * g.pitch + s / 2) * k),
          1,
          1,
        ).data;
        return `${d[0]},${d[1]},${d[2]}`;
      });
    },
    pes.map((p) => [Number(p[1]), Number(p[2])]),
  );
  expect(seen).toEqual(pes.map((p) => `${p[4]},${p[5]},${p[6]}`));

  const heat = await exportFile(page, 'export-svg-pe-utilisation');
  expect(heat.name).toBe('pe-utilisation-8x8-ws.svg');
  expect(count(heat.text, /<rect class="cell"/g)).toBe(64);
  expect(heat.text).toContain('class="chart-title">Utilisation per PE, whole run</text>');
  expect(count(heat.text, /class="legend-item"/g)).toBe(5);

  const png = await exportFile(page, 'export-png-systolic-array');
  expect(png.name).toBe('systolic-array-8x8-ws-c9.png');
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('a 64 x 64 array exports as a titled SVG around its bitmap', async ({ page }) => {
  await openPanel(page, 'dataflow');
  for (const key of ['rows', 'cols']) {
    await page.locator(`[data-control="gemm-${key}"] input[type="text"]`).fill('64');
    await expect(page.getByText('Simulating')).toHaveCount(0, { timeout: 30_000 });
  }
  await expect(page.getByTestId('shown-shape')).toContainText('64 x 64 PEs', { timeout: 30_000 });
  await page.getByTestId('scrub').fill('20');
  await expect(page.getByTestId('array-canvas')).toHaveAttribute('data-cycle', '20');
  const svg = await exportFile(page, 'export-svg-systolic-array');
  expect(svg.name).toBe('systolic-array-64x64-ws-c20.svg');
  expect(svg.text).toContain('<image href="data:image/png;base64,');
  expect(svg.text).not.toContain('class="pe"');
  expect(svg.text).toContain('class="chart-title">Systolic array</text>');
  expect(svg.text).toContain('on 64 x 64 PEs');
  expect(svg.text).toContain('class="scenario-link"');
  // The heat map stays vector up to 64 x 64.
  const heat = await exportFile(page, 'export-svg-pe-utilisation');
  expect(count(heat.text, /<rect class="cell"/g)).toBe(64 * 64);
});

test('the CSV carries the inputs, the results, the latency sweep and the roofline', async ({ page }) => {
  await openPanel(page, 'latency');
  const csv = await exportFile(page, 'export-csv');
  expect(csv.name).toBe('results-llama-2-70b-b1.csv');
  const blocks = csv.text.split('\r\n\r\n').map((b) => b.split('\r\n').filter(Boolean));
  expect(blocks.map((b) => b[0])).toEqual(['# inputs', '# results', '# latency sweep', '# roofline']);
  const inputs = blocks[0];
  expect(inputs[1]).toBe('# key,value');
  expect(inputs).toContain('# llm.model,llama-2-70b');
  expect(inputs).toContain('# llm.batch,1');
  expect(inputs.find((l) => l.startsWith('# link,'))).toContain('#');
  expect(blocks[1]).toContain('section,machine,field,value,unit');
  expect(blocks[2][1]).toMatch(/^machine,batch,fits,chips,tokensPerSecondPerUser/);
  expect(blocks[2].length).toBeGreaterThan(4);
  expect(blocks[3][1]).toMatch(/^machine,phase,intensity,achievedTflops/);
  expect(blocks[3].slice(2).some((l) => l.startsWith('lpu,decode,'))).toBe(true);
});

/** A framed chart file: title, the lines about what it shows and the scenario, the link, at least `legend` legend entries; parses as SVG. */
async function expectFramed(page: Page, file: { name: string; text: string }, title: string, legend: number): Promise<void> {
  // The title (long ones wrap over several lines on the page: the document's <title> holds it whole).
  expect(/<title>([^<]*)<\/title>/.exec(file.text)?.[1]).toBe(title);
  expect(file.text).toContain('class="chart-title"');
  expect(file.text).toMatch(/class="scenario"[^>]*>(Scenario: )?Llama-2 70B/);
  expect(file.text).toContain('class="scenario-link"');
  await expectPageLink(page, file.text);
  expect(count(file.text, /class="legend-item"/g)).toBeGreaterThanOrEqual(legend);
  const errors = await page.evaluate(
    (t) => new DOMParser().parseFromString(t, 'image/svg+xml').getElementsByTagName('parsererror').length,
    file.text,
  );
  expect(errors).toBe(0);
}

const legendLabels = (svg: string) => [...svg.matchAll(/<g class="legend-item">.*?<\/g>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));

test('the SRAM occupancy strips export with title, scenario line, legend of memory parts and link', async ({ page }) => {
  await openPanel(page, 'sram');
  for (const [machine, memory] of [
    ['lpu', 'SRAM'],
    ['gpu', 'HBM'],
  ]) {
    const name = (await page.locator(`[data-testid="occ-${machine}"] h3`).textContent())!;
    const title = `${memory} occupancy per chip: ${name}`;
    const svg = await exportFile(page, `export-svg-memory-per-chip-${machine}`);
    expect(svg.name).toBe(`memory-per-chip-${machine}-llama-2-70b-b1.svg`);
    await expectFramed(page, svg, title, 5);
    expect(legendLabels(svg.text)).toEqual(['weights', 'KV cache', 'activations', 'free', 'over capacity']);
    // What it shows beyond the scenario: the token position of the request.
    const shown = (await page.getByTestId('token-value').textContent())!.replace(' tokens', '');
    expect(svg.text).toContain(`at token ${shown.replace(' / ', ' of ')}`);
    expect(svg.text).toContain('<image href="data:image/png;base64,');
  }
});

test('the interconnect charts export with title, scenario line, legend and link; the colour legend names the scale', async ({ page }) => {
  await openPanel(page, 'interconnect');
  const max = (await page.getByTestId('legend-max').textContent())!;
  const net = await exportFile(page, 'export-svg-network-topology');
  expect(net.name).toBe('network-topology-llama-2-70b-b1.svg');
  const machine = (await page.locator('.ic-radio.active').textContent())!.replace(/^SRAM-only system \((.*)\)$/, '$1');
  await expectFramed(page, net, `Chip-to-chip network of ${machine}, links coloured by utilisation`, 5);
  const labels = legendLabels(net.text);
  expect(labels[0]).toBe('0% busy');
  expect(labels.at(-1)).toContain(`${max} busy (`);
  expect(net.text).toContain(`scale 0 to ${max}`);

  const timeline = await exportFile(page, 'export-svg-decode-timeline');
  expect(timeline.name).toBe('decode-timeline-llama-2-70b-b1.svg');
  await expectFramed(page, timeline, `One decode step on ${machine}: compute and transfers per lane`, 3);
  expect(legendLabels(timeline.text)).toEqual(['compute', 'transfer', 'on the critical path']);
  expect(count(timeline.text, /data-testid="timeline-event"/g)).toBeGreaterThan(2);
});
