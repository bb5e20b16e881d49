import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { presetGpu, LPU_CHIP } from './hardware';
import { gpuLayout, lpuLayout, type Shape } from './partition';
import { weightBytesTotal } from './workload';

const m70 = MODELS['llama-2-70b'];
const shape: Shape = { batch: 1, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' };

describe('SRAM partitioner', () => {
  const min = lpuLayout(m70, shape, LPU_CHIP, null);

  it('needs ~600-650 chips for Llama-2-70B fp16: at least weights / SRAM, at most 10% more', () => {
    expect(min.fits).toBe(true);
    const lowerBound = weightBytesTotal(m70, shape) / (LPU_CHIP.sramMB * 1e6);
    expect(min.chipsNeeded).toBeGreaterThanOrEqual(Math.ceil(lowerBound));
    expect(min.chipsNeeded).toBeLessThan(lowerBound * 1.1);
  });

  it('every chip holds at most its SRAM and all weights are placed once', () => {
    for (const c of min.occupancy) {
      expect(c.weightsBytes + c.kvFinalBytes + c.activationBytes).toBeLessThanOrEqual(c.capacityBytes);
      if (c.label.startsWith('layer')) expect(c.kvFinalBytes).toBeGreaterThan(c.kvPromptBytes);
      else expect(c.kvFinalBytes).toBe(0); // embedding + head chips hold no KV
    }
    const placed = min.occupancy.reduce((s, c) => s + c.weightsBytes, 0);
    expect(placed / weightBytesTotal(m70, shape)).toBeCloseTo(1, 6);
    expect(min.occupancy.length).toBe(min.chipsUsed);
  });

  it('too few chips: fits false and the message names the chips needed', () => {
    const small = lpuLayout(m70, shape, LPU_CHIP, 400);
    expect(small.fits).toBe(false);
    expect(small.message).toContain(String(min.chipsNeeded));
    expect(small.message).toContain('400 given');
  });

  it('int8 weights need about half the chips', () => {
    const q = lpuLayout(m70, { ...shape, weights: 'int8' }, LPU_CHIP, null);
    expect(q.chipsNeeded / min.chipsNeeded).toBeGreaterThan(0.45);
    expect(q.chipsNeeded / min.chipsNeeded).toBeLessThan(0.6);
  });

  it('a batch whose KV cache does not fit names the largest batch that does', () => {
    const big = lpuLayout(m70, { ...shape, batch: 64 }, LPU_CHIP, 648);
    expect(big.fits).toBe(false);
    const maxB = Number(/largest batch that fits on 648 chips is (\d+)/.exec(big.message ?? '')?.[1]);
    expect(maxB).toBeGreaterThan(0);
    expect(lpuLayout(m70, { ...shape, batch: maxB }, LPU_CHIP, 648).fits).toBe(true);
    expect(lpuLayout(m70, { ...shape, batch: maxB + 1 }, LPU_CHIP, 648).fits).toBe(false);
  });
});

describe('GPU partitioner', () => {
  const h100 = presetGpu('h100-sxm');
  it('Llama-2-70B bf16 does not fit on one H100; the message names 2 GPUs', () => {
    const one = gpuLayout(m70, { ...shape, weights: 'bf16' }, h100, 1, null);
    expect(one.fits).toBe(false);
    expect(one.message).toContain('needs 2 GPUs');
    expect(gpuLayout(m70, shape, h100, null, null).gpus).toBe(2);
  });

  it('8 x H100 uses tensor parallel 8 and the KV limit gives a max batch that is exact', () => {
    const l = gpuLayout(m70, shape, h100, 8, null);
    expect(l.fits && l.tp === 8 && l.pp === 1).toBe(true);
    const over = gpuLayout(m70, { ...shape, batch: l.maxBatch + 1 }, h100, 8, null);
    expect(over.fits).toBe(false);
    expect(over.message).toContain(`max batch ${l.maxBatch}`);
    expect(gpuLayout(m70, { ...shape, batch: l.maxBatch }, h100, 8, null).fits).toBe(true);
  });

  it('Llama-3.1-405B fp16 needs more than one 8-GPU node of H100 and pipelines across nodes', () => {
    const l = gpuLayout(MODELS['llama-3.1-405b'], shape, h100, null, null);
    expect(l.fits).toBe(true);
    expect(l.gpus).toBeGreaterThan(8);
    expect(l.gpus % 8).toBe(0);
    expect(l.pp).toBe(l.gpus / 8);
  });
});
