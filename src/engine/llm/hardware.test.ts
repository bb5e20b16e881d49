import { describe, expect, it } from 'vitest';
import { CHIP_IDS, GPU_IDS, STACK_IDS } from '../../scenario/types';
import { CHIPS, GPUS, LPU_CHIP, lpuClockScale, presetGpu, resolveChip, resolveGpu } from './hardware';
import { sourcingOf, sourcingText } from './sourcing';
import { STACKS, stackTraits } from './stacks';
import { MODELS } from './models';

function numericKeys(o: object): string[] {
  return Object.entries(o)
    .filter(([, v]) => typeof v === 'number')
    .map(([k]) => k);
}

describe('hardware presets', () => {
  it('every figure of the LPU chip has a source', () => {
    for (const k of numericKeys(LPU_CHIP)) expect(LPU_CHIP.sources[k], k).toBeTruthy();
    expect(LPU_CHIP.sources.sramBandwidthTBps).toMatch(/55.*80|80.*55/);
    expect(LPU_CHIP.sources.powerW).toMatch(/215.*300/);
  });

  it.each(CHIP_IDS)('every figure of the %s chip has a source', (id) => {
    const c = CHIPS[id];
    expect(c.id).toBe(id);
    for (const k of numericKeys(c)) expect(c.sources[k], `${id}.${k}`).toBeTruthy();
  });

  it('the 2026 machines say which figures come only from secondary sources or are derived, and count them for the screen', () => {
    const names = numericKeys(LPU_CHIP);
    const groq3 = sourcingOf('groq3-lpx', CHIPS['groq3-lpx'].sources, names);
    expect(groq3.secondary).toBeGreaterThanOrEqual(3);
    expect(groq3.measurements).toBe(0);
    expect(sourcingText('Groq 3', groq3)).toMatch(/projections/);
    // Cerebras' fixed time per layer is fitted on its own published speeds
    const cer = sourcingOf('cerebras-wse3', CHIPS['cerebras-wse3'].sources, names);
    expect(cer.fitted).toBe(1);
    expect(cer.measurements).toBeGreaterThanOrEqual(3);
    expect(CHIPS['cerebras-wse3'].sources.layerOverheadUs).toMatch(/^Fitted on cerebras-/);
    // GPUs with no row of their own borrow the H100 fit and say so, never "fitted"
    for (const id of ['b300', 'gb300-nvl72', 'rubin-nvl72'] as const) {
      expect(GPUS[id].sources.hbmEfficiency).toMatch(/^Assumed/);
      expect(Object.values(GPUS[id].sources).some((t) => /fitted on/i.test(t))).toBe(false);
    }
    expect(GPUS['gb300-nvl72'].gpusPerNode).toBe(72);
  });

  it("a clock override scales against the chip's own preset clock", () => {
    expect(lpuClockScale(CHIPS['cerebras-wse3'])).toBe(1);
    expect(lpuClockScale({ id: 'cerebras-wse3', clockMHz: 500 })).toBe(0.5);
    expect(lpuClockScale({ id: 'lpu', clockMHz: 450 })).toBe(0.5);
    expect(resolveChip({ chip: 'groq3-lpx', overrides: {} }).sramMB).toBe(500);
  });

  it.each(GPU_IDS)('every figure of %s under every stack has a source', (id) => {
    for (const stack of STACK_IDS) {
      const g = presetGpu(id, stack);
      for (const k of numericKeys(g)) expect(g.sources[k], `${id}.${k} (${stack})`).toBeTruthy();
    }
  });

  it('each stack states its non-numeric choices with a source, and the stacks differ in them', () => {
    const traits = STACK_IDS.map((id) => stackTraits(STACKS[id]));
    for (const t of traits.flat()) expect(t.source.length).toBeGreaterThan(20);
    expect(traits[STACK_IDS.indexOf('pytorch')].map((t) => t.text)).toContain('output head quantised with the weights');
    expect(traits[STACK_IDS.indexOf('tensorrt-llm')].map((t) => t.text)).toContain('output head kept at 16 bits');
    expect(new Set(traits.map((t) => t.map((x) => x.text).join('|'))).size).toBeGreaterThan(1);
  });

  it('the stack changes the software figures, not the hardware', () => {
    const a = presetGpu('h100-sxm', 'pytorch');
    const b = presetGpu('h100-sxm', 'tensorrt-llm');
    expect(a.hbmBandwidthTBps).toBe(b.hbmBandwidthTBps);
    expect(a.launchOverheadUsPerLayer).toBe(STACKS.pytorch.launchOverheadUsPerLayer);
    expect(b.launchOverheadUsPerLayer).toBe(STACKS['tensorrt-llm'].launchOverheadUsPerLayer);
    expect(a.sources.launchOverheadUsPerLayer).toContain(STACKS.pytorch.name);
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
    const g = resolveGpu({ gpu: 'h100-sxm', overrides: { hbmEfficiency: 0.9, requestOverheadMs: 7 }, stack: 'vllm' });
    expect(g.requestOverheadMs).toBe(7);
    expect(g.hbmEfficiency).toBe(0.9);
    expect(g.hbmBandwidthTBps).toBe(3.35);
  });
});
