// The notes must name the known reason only when the numbers differ by what that reason
// predicts (reference README), using SCALE-Sim's own reference cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closedFormGemm } from '../../engine/systolic';
import { compareWithScaleSim } from './scaleSimComparison';

describe('compareWithScaleSim', () => {
  it('explains the off-by-one cycle count and the extra os writes', () => {
    const ws = compareWithScaleSim(closedFormGemm({ rows: 8, cols: 8, dataflow: 'ws', m: 16, k: 8, n: 8, seed: 1 }));
    const wsRows = Object.fromEntries(ws.map((r) => [r.id, r]));
    const os = Object.fromEntries(
      compareWithScaleSim(closedFormGemm({ rows: 4, cols: 4, dataflow: 'os', m: 8, k: 8, n: 8, seed: 1 })).map((r) => [r.id, r]),
    );
    for (const rows of [wsRows, os]) {
      if (!rows.cycles.same) expect(rows.cycles.note).toMatch(/0-based index/);
    }
    if (!os['ofmap-writes'].same) expect(os['ofmap-writes'].note).toMatch(/folds x \(rows \+ cols\)/);
    expect(ws.map((r) => r.id)).toEqual([
      'cycles',
      'utilization',
      'compute-utilization',
      'mapping-efficiency',
      'ifmap-reads',
      'filter-reads',
      'ofmap-writes',
    ]);
  });

  it('has a known note for every difference on the SCALE-Sim reference cases', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../engine/systolic/fixtures/scalesim-v2-cases.json', import.meta.url), 'utf8'),
    ) as unknown;
    const cases = (Array.isArray(file) ? file : ((file as { cases: unknown[] }).cases ?? [])) as Record<string, unknown>[];
    let checked = 0;
    for (const c of cases.slice(0, 40)) {
      const g = {
        rows: Number(c.rows),
        cols: Number(c.cols),
        dataflow: c.dataflow as 'ws' | 'os' | 'is',
        m: Number(c.m ?? c.M),
        k: Number(c.k ?? c.K),
        n: Number(c.n ?? c.N),
        seed: 1,
      };
      if (![g.rows, g.cols, g.m, g.k, g.n].every(Number.isInteger)) continue;
      for (const row of compareWithScaleSim(closedFormGemm(g)))
        expect(row.note, `${row.id} ${JSON.stringify(g)}`).not.toMatch(/see the cycle model/);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
