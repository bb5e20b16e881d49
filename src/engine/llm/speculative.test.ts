import { describe, expect, it } from 'vitest';
import { createInterconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { simulateLlm } from './simulate';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';
import { llmInputProblems } from './validate';
import { predictionHead, speculativeTiming, tokensPerStep } from './speculative';
import { MODELS } from './models';
import type { Speculation } from '../../scenario/types';

describe('speculative decoding: the step formula', () => {
  it('a step yields its accepted drafts and the target token (Leviathan et al. eq. 1)', () => {
    expect(tokensPerStep(1, 0.85)).toBeCloseTo(1.85, 12); // DeepSeek-V3: one MTP token at 85%
    expect(tokensPerStep(3, 0.8)).toBeCloseTo(2.952, 12);
    expect(tokensPerStep(4, 1e-9)).toBeCloseTo(1, 6); // nothing accepted: one token per step
    expect(tokensPerStep(16, 0.999999)).toBeCloseTo(17, 3); // everything accepted: k + 1
  });
  it('time per token: k drafts and one check, over the tokens a step yields', () => {
    const t = speculativeTiming({ k: 3, accept: 0.5 }, 2, 10);
    expect(t.draftUs).toBe(6);
    expect(t.tokenUs).toBeCloseTo(16 / 1.875, 12);
  });
  it("the prediction head is one layer of the target's width", () => {
    const h = predictionHead(MODELS['deepseek-v3']);
    expect(h.layers).toBe(1);
    expect(h.hidden).toBe(MODELS['deepseek-v3'].hidden);
    expect(h.denseLayers).toBeUndefined();
  });
});

describe('speculative decoding on both machines', async () => {
  const net = createInterconnect(await loadWasmModule('interconnect'));
  const at = (speculative: Partial<Speculation>, batch = 1) => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.llm.speculative = { ...s.llm.speculative, ...speculative };
    s.llm.batch = batch;
    return s;
  };

  it('off is plain decoding; a prediction head that is usually right speeds up every user on both machines', () => {
    const plain = simulateLlm(at({ mode: 'off' }), net, { maxEvents: 0 });
    const head = simulateLlm(at({ mode: 'mtp', k: 3, accept: 0.8 }), net, { maxEvents: 0 });
    expect(plain.lpu.speculation).toBeUndefined();
    for (const side of ['lpu', 'gpu'] as const) {
      const h = head[side];
      expect(h.tokensPerSecondPerUser).toBeGreaterThan(1.5 * plain[side].tokensPerSecondPerUser);
      expect(h.speculation?.plainTpotMs).toBeCloseTo(plain[side].tpotMs, 6);
      // the step's parts make the time per token
      expect((h.speculation!.draftMs + h.speculation!.verifyMs) / h.speculation!.tokensPerStep).toBeCloseTo(h.tpotMs, 3);
    }
  });

  it('the SRAM machine pays for a draft model in chips, power and cost; the GPU shares its GPUs', () => {
    const plain = simulateLlm(at({ mode: 'off' }), net, { maxEvents: 0 });
    const draft = simulateLlm(at({ mode: 'draft', draft: 'llama-2-7b', k: 4, accept: 0.6 }), net, { maxEvents: 0 });
    const extra = draft.lpu.speculation!.draftChips;
    expect(extra).toBeGreaterThan(20); // Llama-2 7B at fp16 in 230 MB chips
    expect(draft.lpu.powerW).toBeCloseTo(plain.lpu.powerW * (1 + extra / plain.lpu.chips), 6);
    expect(draft.gpu.speculation!.draftChips).toBe(0);
    expect(draft.gpu.costPerHourUsd).toBe(plain.gpu.costPerHourUsd);
    // the sweep point at the scenario's batch is the table's, its chips include the draft's
    const pt = draft.sweep.find((p) => p.machine === 'lpu' && p.batch === 1)!;
    expect(pt.tokensPerSecondPerUser).toBeCloseTo(draft.lpu.tokensPerSecondPerUser, 6);
    expect(pt.chips).toBe(draft.lpu.chips + extra);
  });

  it('on the GPU the gain shrinks as the batch grows: checking k + 1 positions per user stops being free', () => {
    const gain = (batch: number) =>
      simulateLlm(at({ mode: 'draft', k: 4, accept: 0.6 }, batch), net, { maxEvents: 0 }).gpu.tokensPerSecondPerUser /
      simulateLlm(at({ mode: 'off' }, batch), net, { maxEvents: 0 }).gpu.tokensPerSecondPerUser;
    expect(gain(1)).toBeGreaterThan(1.2);
    expect(gain(64)).toBeLessThan(gain(1));
  });

  it('a draft as large as the target is refused, naming the field', () => {
    const p = llmInputProblems(at({ mode: 'draft', draft: 'llama-3.1-405b' }));
    expect(p).toHaveLength(1);
    expect(p[0].field).toBe('llm.speculative.draft');
    expect(p[0].message).toMatch(/must be smaller/);
    // off: the draft is not used, so it is not judged
    expect(llmInputProblems(at({ mode: 'off', draft: 'llama-3.1-405b' }))).toEqual([]);
  });
});
