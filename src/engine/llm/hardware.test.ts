import { describe, expect, it } from 'vitest';
import { GPU_IDS } from '../../scenario/types';
import { GPUS, LPU_CHIP, resolveChip, resolveGpu } from './hardware';
import { MODELS } from './models';

function numericKeys(o: object): string[] {
  return Object.entries(o).filter(([, v]) => typeof v === 'number').map(([k]) => k);
}

describe('hardware presets', () => {
  it('every figure of the LPU chip has a source', () => {
    for (const k of numericKeys(LPU_CHIP)) expect(LPU_CHIP.sources[k], k).toBeTruthy();
    expect(LPU_CHIP.sources.sramBandwidthTBps).toMatch(/55.*80|80.*55/);
    expect(LPU_CHIP.sources.powerW).toMatch(/215.*300/);
  });

  it.each(GPU_IDS)('every figure of %s has a source', (id) => {
    const g = GPUS[id];
    for (const k of numericKeys(g)) expect(g.sources[k], `${id}.${k}`).toBeTruthy();
  });

  it('every model preset has a source and a consistent shape', () => {
    for (const m of Object.values(MODELS)) {
      expect(m.source.length).toBeGreaterThan(10);
      expect(m.heads % m.kvHeads).toBe(0);
      expect(m.activeExperts).toBeLessThanOrEqual(m.experts);
    }
  });

  it('scenario overrides replace single fields and leave the rest', () => {
    const c = resolveChip({ chip: 'lpu', overrides: { sramMB: 500, hopLatencyUs: undefined } });
    expect(c.sramMB).toBe(500);
    expect(c.hopLatencyUs).toBe(LPU_CHIP.hopLatencyUs);
    const g = resolveGpu({ gpu: 'h100-sxm', overrides: { hbmEfficiency: 0.9 } });
    expect(g.hbmEfficiency).toBe(0.9);
    expect(g.hbmBandwidthTBps).toBe(3.35);
  });
});
