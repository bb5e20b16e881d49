// Shapes at the edge of the limits draw the array: the ones that used to fail with
// "trace failed: memory access out of bounds", shown at their first and last cycle.
import { test, expect } from '@playwright/test';
import { foldGeometry } from '../src/engine/systolic/geometry';
import { encodeScenarioHash } from '../src/scenario/url';
import { DEFAULT_SCENARIO } from '../src/scenario/defaults';
import type { GemmScenario } from '../src/scenario/types';

const SHAPES: GemmScenario[] = [
  { ...DEFAULT_SCENARIO.gemm, rows: 1, cols: 1, dataflow: 'ws', k: 16384, n: 16384 },
  { ...DEFAULT_SCENARIO.gemm, rows: 2, cols: 2, dataflow: 'ws', k: 32768, n: 32768 },
  { ...DEFAULT_SCENARIO.gemm, rows: 1, cols: 1, dataflow: 'os', m: 65536, k: 65536, n: 65536 },
];

for (const g of SHAPES) {
  test(`${g.rows}x${g.cols} ${g.dataflow} M=${g.m} K=${g.k} N=${g.n}: the array is traced at the first and last cycle`, async ({
    page,
  }) => {
    const folds = foldGeometry(g).folds;
    await page.goto(`/#${encodeScenarioHash({ ...DEFAULT_SCENARIO, gemm: g })}`);
    await page.getByRole('tab', { name: 'Systolic array' }).click();
    await expect(page.getByTestId('shown-shape')).toHaveText(`${g.rows} x ${g.cols} PEs, ${g.dataflow}, M=${g.m} K=${g.k} N=${g.n}`, {
      timeout: 30_000,
    });
    const fold = page.getByTestId('current-fold');
    const status = page.locator('.df-live-status');
    // Cycle 0 is "before the first cycle" (no fold yet); one step in, the first window is traced.
    await expect(page.getByTestId('current-cycle')).toHaveText('0', { timeout: 30_000 });
    await page.getByTestId('step-forward').click();
    await expect(page.getByTestId('current-cycle')).toHaveText('1');
    await expect(fold).toHaveText(`1 of ${folds}`, { timeout: 30_000 });
    await expect(status).toHaveText('');
    // The last cycle: a fold index beyond 2^31 must not wrap.
    await page.getByTestId('to-end').click();
    await expect(fold).toHaveText(`${folds} of ${folds}`, { timeout: 30_000 });
    await expect(status).toHaveText('');
    await page.getByTestId('step-back').click();
    await expect(fold).toHaveText(`${folds} of ${folds}`);
    await expect(status).toHaveText('');
  });
}
