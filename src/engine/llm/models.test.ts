// The 2025 presets (issue 11): KV cache per attention kind, parameter totals against the
// published ones, MXFP4 bytes. Hand-computed values are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { bytesPerElement } from './precision';
import {
  activeMatmulParams,
  decodeFlopsPerToken,
  embeddingParams,
  kvBytesPerSequence,
  kvFormula,
  kvBytesPerToken,
  kvShards,
  layerWork,
  mtpParams,
  prefillFlops,
  totalParams,
  weightBytesTotal,
} from './workload';
import { MODEL_IDS } from '../../scenario/types';

const fp16 = { kv: 'fp16' } as const;
const bf16 = { kv: 'bf16' } as const;
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('KV cache per attention kind', () => {
  it('MHA: K and V of every head (Llama-2-7B fp16: 32 layers x 2 x 32 heads x 128 x 2 B = 524,288 B/token)', () => {
    expect(kvBytesPerToken(MODELS['llama-2-7b'], fp16)).toBe(524_288);
  });

  it('GQA: K and V of the KV heads only (Qwen3-235B-A22B fp16: 94 x 2 x 4 x 128 x 2 B = 192,512 B/token)', () => {
    expect(kvBytesPerToken(MODELS['qwen3-235b-a22b'], fp16)).toBe(192_512);
    // Llama 4 Maverick: 48 x 2 x 8 x 128 x 2 B = 196,608 B/token
    expect(kvBytesPerToken(MODELS['llama-4-maverick'], fp16)).toBe(196_608);
  });

  it('MLA: one latent + the shared rotary key (DeepSeek-V3 fp16: 61 layers x (512 + 64) x 2 B = 70,272 B/token)', () => {
    expect(kvBytesPerToken(MODELS['deepseek-v3'], fp16)).toBe(70_272);
    // Kimi K2 has the same latent (61 x 576 x 2 B) although it has 64 heads, not 128
    expect(kvBytesPerToken(MODELS['kimi-k2'], fp16)).toBe(70_272);
    // as MHA over its 128 heads of (128 + 64) key and 128 value dims it would be 61 x 128 x 320 x 2 B = 4,997,120 B
    expect(4_997_120 / kvBytesPerToken(MODELS['deepseek-v3'], fp16)).toBeCloseTo(71.1, 1);
    // every tensor-parallel shard needs all of the latent
    expect(kvShards(MODELS['deepseek-v3'], 8)).toBe(1);
    expect(kvShards(MODELS['qwen3-235b-a22b'], 8)).toBe(4);
  });

  it('sliding window: those layers keep min(context, window) tokens', () => {
    const g = MODELS['gpt-oss-120b']; // one layer, bf16: 2 x 8 KV heads x 64 x 2 B = 2,048 B/token
    // within the window every layer holds every token: 36 x 100 x 2,048 B = 7,372,800 B
    expect(kvBytesPerSequence(g, bf16, 100)).toBe(7_372_800);
    // at 8,192 tokens: 18 full layers x 8,192 x 2,048 + 18 sliding layers x 128 x 2,048 = 306,708,480 B
    expect(kvBytesPerSequence(g, bf16, 8192)).toBe(306_708_480);
    // Llama 4 Scout, chunked layers taken as an 8,192 window (one layer 2 x 8 x 128 x 2 B = 4,096 B/token)
    // at 65,536 tokens: 12 x 65,536 x 4,096 + 36 x 8,192 x 4,096 = 4,429,185,024 B
    expect(kvBytesPerSequence(MODELS['llama-4-scout'], fp16, 65536)).toBe(4_429_185_024);
  });

  it('models without a window: the cache is the per-token figure times the tokens, as before', () => {
    for (const id of MODEL_IDS) {
      const m = MODELS[id];
      if (m.slidingWindow) continue;
      expect(kvBytesPerSequence(m, fp16, 3000), id).toBe(3000 * kvBytesPerToken(m, fp16));
    }
  });
});

describe('parameter totals of the 2025 presets', () => {
  // Published totals are rounded headline figures: within 3% each. Gaps: Kimi K2's "1T" is
  // rounded (the shape gives 1.026T); Scout's 109B includes the vision encoder, which we do not
  // model (text only, 107.8B). Biases, attention sinks and QK norms (<0.01%) are not counted.
  const NEW = ['deepseek-v3', 'llama-4-maverick', 'llama-4-scout', 'qwen3-235b-a22b', 'gpt-oss-120b', 'kimi-k2'] as const;
  it.each(NEW)('%s: total within 3% of the published', (id) => {
    const m = MODELS[id];
    expect(rel(totalParams(m) / 1e9, m.paramsB)).toBeLessThan(0.03);
  });

  it('DeepSeek-V3: 36.7B active (embedding and head included, README_WEIGHTS.md); the MTP module 11.5B', () => {
    const m = MODELS['deepseek-v3'];
    expect(rel((activeMatmulParams(m) + embeddingParams(m)) / 1e9, 36.7)).toBeLessThan(0.03);
    // one MoE layer (11.5B) + the 2h x h projection; the embedding and head are shared
    expect(rel(mtpParams(m) / 1e9, 11.5)).toBeLessThan(0.02);
    expect(mtpParams(MODELS['kimi-k2'])).toBe(0);
  });

  it('gpt-oss-120b: the checkpoint holds 116,789,343,552 parameters (safetensors headers, a secondary report)', () => {
    expect(rel(totalParams(MODELS['gpt-oss-120b']), 116_789_343_552)).toBeLessThan(0.001);
  });

  it('Qwen3-235B-A22B and Llama 4: active parameters as published (22B; 17B), the embedding lookup included', () => {
    const act = (id: keyof typeof MODELS) => (activeMatmulParams(MODELS[id]) + embeddingParams(MODELS[id])) / 1e9;
    expect(rel(act('qwen3-235b-a22b'), 22)).toBeLessThan(0.03);
    expect(rel(act('llama-4-maverick'), 17)).toBeLessThan(0.03);
    expect(rel(act('llama-4-scout'), 17)).toBeLessThan(0.03);
  });
});

describe('MXFP4', () => {
  it('4-bit elements plus one 8-bit scale per 32: 4.25 bits', () => {
    expect(bytesPerElement('mxfp4') * 8).toBe(4.25);
  });
  it('gpt-oss-120b at MXFP4 weights (16-bit embedding and head) is within 3% of its 65.25 GB checkpoint', () => {
    // the checkpoint keeps attention (0.96B) at bf16 too; the scenario has one weight format
    const bytes = weightBytesTotal(MODELS['gpt-oss-120b'], { weights: 'mxfp4', activations: 'bf16', kv: 'bf16', head: 'bf16' });
    expect(rel(bytes, 65_248_815_744)).toBeLessThan(0.03);
  });
});

describe('attention FLOPs follow the attention kind', () => {
  it('MLA decode attends in the latent: 2 x 128 heads x (2 x 512 + 64) = 278,528 FLOPs per cached token per layer', () => {
    const m = MODELS['deepseek-v3'];
    expect(decodeFlopsPerToken(m, 1000) - decodeFlopsPerToken(m, 0)).toBe(61 * 278_528 * 1000);
  });
  it('MLA prefill rebuilds K and V: 2 x 128 x (2 x 128 + 64) = 81,920 FLOPs per pair per layer', () => {
    const m = MODELS['deepseek-v3'];
    // a 2-token prompt has 3 causal pairs, two 1-token prompts have 2: the difference is one pair in 61 layers
    expect(prefillFlops(m, 2) - 2 * prefillFlops(m, 1) + 2 * embeddingParams(m)).toBe(61 * 81_920);
  });
  it('sliding layers attend to at most the window: gpt-oss at 10,000 cached tokens', () => {
    const m = MODELS['gpt-oss-120b']; // 4 x 64 heads x 64 = 16,384 FLOPs per token per layer
    expect(decodeFlopsPerToken(m, 10_000) - decodeFlopsPerToken(m, 0)).toBe(16_384 * (18 * 10_000 + 18 * 128));
  });
  it('shared experts and dense layers are plain GEMMs; only routed experts run as expert GEMMs', () => {
    const ds = layerWork(MODELS['deepseek-v3'], { weights: 'fp8', activations: 'fp8', kv: 'fp8' }, 1, 1, 0);
    expect(ds.expertFlops).toBeGreaterThan(0);
    expect(ds.ffnFlops - ds.expertFlops).toBeGreaterThan(0);
    const mx = layerWork(MODELS['mixtral-8x7b'], { weights: 'fp16', activations: 'fp16', kv: 'fp16' }, 1, 1, 0);
    expect(mx.ffnFlops - mx.expertFlops).toBe(0);
  });
});

describe('the KV formula the panels print', () => {
  it('names each attention kind with its own dimensions, and says when a window stops the growth', () => {
    expect(kvFormula(MODELS['llama-2-70b'])).toEqual({
      text: '2 (K and V) × 8 KV heads × 128 head dim values per layer × 80 layers',
      linear: true,
    });
    expect(kvFormula(MODELS['deepseek-v3'])).toEqual({ text: '(512 latent + 64 rotary) values per layer × 61 layers', linear: true });
    const oss = kvFormula(MODELS['gpt-oss-120b']);
    expect(oss.linear).toBe(false);
    expect(oss.text).toContain('the 18 sliding-window layers keep only the last 128 tokens');
  });
});
