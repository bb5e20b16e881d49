import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { presetGpu } from './hardware';
import { GPU_PREFILL_CHUNK_TOKENS, gpuLayout, type Shape } from './partition';
import { activationBytesPerTokenPerLayer } from './workload';

describe('gpuLayout: memory as servers count it', () => {
  const m70 = MODELS['llama-2-70b'];
  const h100 = presetGpu('h100-sxm');
  const shape: Shape = { batch: 4096, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' };

  it('holds activations for one prefill chunk, not for the whole batch of prompts at once', () => {
    const l = gpuLayout(m70, { ...shape, batch: 64 }, h100, 8, 8);
    expect(l.fits).toBe(true);
    const chunk = (GPU_PREFILL_CHUNK_TOKENS * activationBytesPerTokenPerLayer(m70, shape)) / 8;
    expect(l.occupancy[0].activationBytes).toBeCloseTo(chunk, 0);
    expect(l.occupancy[0].activationBytes).toBeLessThan((64 * 1024 * activationBytesPerTokenPerLayer(m70, shape)) / 8);
  });

  it('a batch whose KV cache outgrows the node says so, with the largest batch that fits', () => {
    const l = gpuLayout(m70, shape, h100, 8, 8);
    expect(l.fits).toBe(false);
    expect(l.message).toMatch(/KV cache does not fit on 8 x NVIDIA H100 SXM; max batch (\d+)/);
    const max = Number(/max batch (\d+)/.exec(l.message ?? '')?.[1]);
    expect(gpuLayout(m70, { ...shape, batch: max }, h100, 8, 8).fits).toBe(true);
    expect(gpuLayout(m70, { ...shape, batch: max + 1 }, h100, 8, 8).fits).toBe(false);
  });

  it('published static-batch benchmarks fit where they ran (TensorRT-LLM H200 launch: Llama-2-13B, batch 1024, 1 GPU, fp8)', () => {
    const l = gpuLayout(
      MODELS['llama-2-13b'],
      { batch: 1024, prompt: 128, output: 128, weights: 'fp8', activations: 'fp8', kv: 'fp8' },
      presetGpu('h200'),
      1,
      1,
    );
    expect(l.fits).toBe(true);
  });
});

describe('continuous batching: a concurrency whose KV cache does not fit', () => {
  it('says "does not fit" with the largest concurrency that does', () => {
    const m = MODELS['llama-3.1-70b'];
    const s: Shape = { batch: 400, prompt: 5000, output: 500, weights: 'fp8', activations: 'fp8', kv: 'fp8', batching: 'continuous' };
    const l = gpuLayout(m, s, presetGpu('h100-sxm'), 2, 2);
    expect(l.fits).toBe(false);
    const max = Number(/max concurrency (\d+) on 2 GPUs/.exec(l.message ?? '')?.[1]);
    expect(max).toBeGreaterThan(10);
    expect(gpuLayout(m, { ...s, batch: max }, presetGpu('h100-sxm'), 2, 2).fits).toBe(true);
    expect(gpuLayout(m, { ...s, batch: max + 1 }, presetGpu('h100-sxm'), 2, 2).fits).toBe(false);
  });
});
