import { describe, expect, it } from 'vitest';
import { DATAFLOWS, type GemmScenario } from '../../scenario/types';
import { closedFormGemm } from './closedForm';
import { wouldStep } from './engine';
import { lcg, nodeEngine } from './testUtil';

describe('closed form', () => {
  it('equals the stepping engine exactly on 500 random shapes x 3 dataflows', async () => {
    const engine = await nodeEngine();
    const rand = lcg(20240611);
    let compared = 0;
    for (let s = 0; s < 500; s++) {
      const shape = { rows: rand(1, 16), cols: rand(1, 16), m: rand(1, 40), k: rand(1, 40), n: rand(1, 40), seed: rand(0, 1e9) };
      for (const dataflow of DATAFLOWS) {
        const g: GemmScenario = { ...shape, dataflow };
        const { result: stepped } = await engine.run(g, { engine: 'cycle' });
        const { outputMatchesReference, engine: kind, ...steppedFigures } = stepped;
        const { engine: cfKind, ...closed } = closedFormGemm(g);
        expect(kind).toBe('cycle');
        expect(cfKind).toBe('closed-form');
        expect(outputMatchesReference, JSON.stringify(g)).toBe(true);
        expect(steppedFigures, JSON.stringify(g)).toEqual(closed);
        compared++;
      }
    }
    expect(compared).toBe(1500);
  }, 120_000);

  it('handles shapes far too big to step (M=512, K=N=4096 on 128x128)', () => {
    for (const dataflow of DATAFLOWS) {
      const g: GemmScenario = { rows: 128, cols: 128, dataflow, m: 512, k: 4096, n: 4096, seed: 1 };
      expect(wouldStep(g)).toBe(false);
      const r = closedFormGemm(g);
      expect(r.macs).toBe(512 * 4096 * 4096);
      expect(r.foldCycles).toHaveLength(r.folds);
      expect(r.cycles).toBe(r.foldCycles.reduce((a, b) => a + b, 0));
      expect(r.utilization).toBeGreaterThan(0);
      expect(r.utilization).toBeLessThanOrEqual(1);
      // Every MAC happens in some PE-cycle, so cycles >= MACs / PEs.
      expect(r.cycles).toBeGreaterThanOrEqual(r.macs / (128 * 128));
    }
    // ws: K and N fold 32 x 32 times; each fold loads 128 weight rows, streams M = 512 rows.
    const ws = closedFormGemm({ rows: 128, cols: 128, dataflow: 'ws', m: 512, k: 4096, n: 4096, seed: 1 });
    expect(ws.folds).toBe(1024);
    expect(ws.foldCycles[0]).toBe(2 * 128 + 128 + 512 - 2);
    expect(ws.mappingEfficiency).toBe(1);
    expect(ws.sram.filterReads).toBe(4096 * 4096);
    expect(ws.sram.ifmapReads).toBe(32 * 512 * 4096);
  });

  it('stays finite at the extremes (1x1 array, 65536^3)', () => {
    for (const dataflow of DATAFLOWS) {
      const r = closedFormGemm({ rows: 1, cols: 1, dataflow, m: 65536, k: 65536, n: 65536, seed: 0 });
      expect(Number.isFinite(r.cycles)).toBe(true);
      expect(r.folds).toBe(65536 * 65536);
      expect(r.foldCycles.length).toBeLessThan(r.folds); // listed up to a limit
      expect(r.utilization).toBeGreaterThan(0.99);
    }
  });
});
