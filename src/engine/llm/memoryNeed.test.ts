import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';
import { memoryNeed } from './memoryNeed';

describe('memoryNeed', () => {
  it('Llama-2-70B fp16 on 96 chips: ~138 GB of weights against 96 x 230 MB', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.llm = { ...s.llm, model: 'llama-2-70b', batch: 1, prompt: 1024, output: 256, weights: 'fp16', kv: 'fp16' };
    const n = memoryNeed(s, 'lpu', 96);
    expect(n.weightsBytes / 1e9).toBeGreaterThan(130);
    expect(n.weightsBytes / 1e9).toBeLessThan(145);
    expect(n.capacityBytes).toBe(96 * 230e6);
    // 80 layers x 2 (K, V) x 8 KV heads x 128 dims x 2 bytes = 327,680 B per token.
    expect(n.kvPromptBytes).toBe(327_680 * 1024);
    expect(n.kvFinalBytes).toBe(327_680 * 1280);
  });
  it('scales the KV cache with the batch and uses HBM for GPUs', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.llm = { ...s.llm, model: 'llama-2-70b', batch: 4, prompt: 100, output: 28, kv: 'fp8' };
    const n = memoryNeed(s, 'gpu', 2);
    expect(n.kvFinalBytes).toBe(163_840 * 128 * 4);
    // the partitioner's capacity: an "80 GB" GPU holds 80 GiB
    expect(n.capacityBytes).toBe(2 * 80 * 2 ** 30);
  });
});
