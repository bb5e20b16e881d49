import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { GPUS } from './hardware';
import { gpuLayout, type Shape } from './partition';

describe('gpuLayout: a batch no number of GPUs holds', () => {
  const m70 = MODELS['llama-2-70b'];
  const h100 = GPUS['h100-sxm'];
  const shape: Shape = { batch: 4096, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' };

  it('says the prefill activations are why, and what to reduce', () => {
    const l = gpuLayout(m70, shape, h100, null, null);
    expect(l.fits).toBe(false);
    expect(l.gpusNeeded).toBe(Infinity);
    expect(l.message).toMatch(/prefill activations of one layer need [\d.]+ GB per GPU even split 8 ways/);
    expect(l.message).toMatch(/reduce the batch or prompt/);
  });

  it('a batch that fits somewhere gets no such reason', () => {
    const l = gpuLayout(m70, { ...shape, batch: 64 }, h100, null, null);
    expect(l.fits).toBe(true);
  });
});
