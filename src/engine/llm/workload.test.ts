import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../scenario/types';
import { MODELS } from './models';
import {
  activeMatmulParams,
  decodeFlopsPerToken,
  embeddingParams,
  expertsTouched,
  kvBytesPerToken,
  prefillFlops,
  totalParams,
  weightBytesTotal,
} from './workload';
import { bytesPerElement, mathPrecision, outputHeadFormat } from './precision';

const fp16 = { weights: 'fp16', activations: 'fp16', kv: 'fp16' } as const;

describe('workload formulas', () => {
  it('Llama-2-70B KV cache is 2 x 80 layers x 8 KV heads x 128 x 2 B = 320 KiB per token at fp16', () => {
    expect(kvBytesPerToken(MODELS['llama-2-70b'], fp16)).toBe(327_680);
    expect(kvBytesPerToken(MODELS['llama-2-70b'], fp16)).toBe(320 * 1024);
    expect(kvBytesPerToken(MODELS['llama-2-70b'], { kv: 'int4' })).toBe(81_920);
  });

  it('Llama-2-70B decode costs ~137 GFLOP per token at short context, growing with context', () => {
    const m = MODELS['llama-2-70b'];
    expect(decodeFlopsPerToken(m, 1) / 1e9).toBeGreaterThan(135);
    expect(decodeFlopsPerToken(m, 1) / 1e9).toBeLessThan(139);
    // 4 x heads x headDim x context x layers of attention on top.
    expect(decodeFlopsPerToken(m, 4096) - decodeFlopsPerToken(m, 0)).toBe(4 * 64 * 128 * 4096 * 80);
  });

  it.each(MODEL_IDS)('%s parameter count is within 3%% of the published figure', (id) => {
    const m = MODELS[id];
    expect(Math.abs(totalParams(m) / 1e9 - m.paramsB) / m.paramsB).toBeLessThan(0.03);
  });

  it('Mixtral uses ~12.9B active parameters of 46.7B (2 of 8 experts)', () => {
    const m = MODELS['mixtral-8x7b'];
    expect(activeMatmulParams(m) / 1e9).toBeGreaterThan(12.5);
    expect(activeMatmulParams(m) / 1e9).toBeLessThan(13.3);
    expect(expertsTouched(m, 1)).toBeCloseTo(2, 6);
    expect(expertsTouched(m, 64)).toBeLessThanOrEqual(8);
    expect(expertsTouched(m, 64)).toBeGreaterThan(7.9);
  });

  it('bytes per element and weight bytes follow the format', () => {
    expect(['fp16', 'bf16', 'fp8', 'int8', 'int4'].map((p) => bytesPerElement(p as 'fp16'))).toEqual([2, 2, 1, 1, 0.5]);
    const m = MODELS['llama-2-70b'];
    // the layers and a quantised head scale with the format; the embedding table stays at 16 bits
    const table = embeddingParams(m) * 2;
    expect((weightBytesTotal(m, { ...fp16, weights: 'int4' }) - table) * 4).toBeCloseTo(weightBytesTotal(m, fp16) - table, -3);
    // a head kept at 16 bits adds 1.5 bytes per head weight over an int4 one
    const head16 = weightBytesTotal(m, { ...fp16, weights: 'int4', head: 'bf16' }) - weightBytesTotal(m, { ...fp16, weights: 'int4' });
    expect(head16).toBeCloseTo(embeddingParams(m) * 1.5, -3);
    expect(outputHeadFormat('int4', false)).toBe('bf16');
    expect(outputHeadFormat('int4', true)).toBe('int4');
    expect(outputHeadFormat('fp16', false)).toBe('fp16');
    expect(weightBytesTotal(m, fp16) / 1e9).toBeGreaterThan(137);
    expect(weightBytesTotal(m, fp16) / 1e9).toBeLessThan(139);
    expect(mathPrecision('int8', 'fp16')).toBe('fp16');
    expect(mathPrecision('fp8', 'fp8')).toBe('fp8');
  });

  it('prefill of P tokens costs about P decode tokens of matmul plus causal attention', () => {
    const m = MODELS['llama-2-7b'];
    const p = 512;
    const approx = p * decodeFlopsPerToken(m, 0);
    const f = prefillFlops(m, p);
    expect(f).toBeGreaterThan(approx * 0.97);
    expect(f).toBeLessThan(approx * 1.2);
  });
});
