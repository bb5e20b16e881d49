import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import type { Scenario } from '../../scenario/types';
import { simulateLlm } from './simulate';
import { resolveModel } from './models';
import { resolveChip, resolveGpu } from './hardware';
import { kvBytesPerSequence } from './workload';
import { KV_TRANSFER, KV_TRANSFER_CASES, fitKvTransfer, kvTransferMs } from './disaggregated';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

const withPair = (mode: Scenario['llm']['disagg'], patch: Partial<Scenario['llm']> = {}): Scenario => ({
  ...DEFAULT_SCENARIO,
  llm: { ...DEFAULT_SCENARIO.llm, ...patch, disagg: mode },
});

describe('KV transfer fitted on Mooncake 1P1D', () => {
  it('reproduces every measured transfer within 8% with a positive setup and an efficiency below 1', () => {
    const fit = fitKvTransfer();
    expect(fit.setupMs).toBeGreaterThan(0);
    expect(fit.efficiency).toBeGreaterThan(0.3);
    expect(fit.efficiency).toBeLessThan(1);
    for (const [bytes, ms] of KV_TRANSFER_CASES.points) {
      expect(Math.abs(kvTransferMs(bytes, KV_TRANSFER_CASES.linkGBps) / ms - 1)).toBeLessThan(0.08);
    }
    // Twice the link, same bytes: only the bandwidth part halves.
    const big = 2 ** 30;
    const slow = kvTransferMs(big, 100) - KV_TRANSFER.setupMs;
    const fast = kvTransferMs(big, 200) - KV_TRANSFER.setupMs;
    expect(slow / fast).toBeCloseTo(2, 9);
  });
});

describe('disaggregate: prefill on one machine, decode on the other', () => {
  it('is absent when switched off', () => {
    expect(simulateLlm(withPair('off'), net).disagg).toBeNull();
  });

  it('GPU prefills, SRAM machine decodes: TTFT = GPU TTFT + transfer, TPOT = SRAM TPOT, cost and power summed', () => {
    const s = withPair('gpu-to-sram', { batch: 2 });
    const r = simulateLlm(s, net);
    const p = r.disagg;
    if (!p || !p.fits) throw new Error('pair should fit');
    expect(p.prefillName).toBe(r.gpu.name);
    expect(p.decodeName).toBe(r.lpu.name);
    expect(p.kvBytes).toBe(2 * kvBytesPerSequence(resolveModel(s.llm), s.llm, s.llm.prompt));
    expect(p.linkGBps).toBe(Math.min(r.gpu.chips * resolveGpu(s.gpu).interNodeGBps, r.lpu.chips * resolveChip(s.lpu).ioGBps));
    expect(p.transferMs).toBeCloseTo(kvTransferMs(p.kvBytes, p.linkGBps), 9);
    expect(p.ttftMs).toBeCloseTo(r.gpu.ttftMs + p.transferMs, 9);
    expect(p.tpotMs).toBe(r.lpu.tpotMs);
    expect(p.answerMs).toBeCloseTo(p.ttftMs + (s.llm.output - 1) * r.lpu.tpotMs, 6);
    expect(p.costPerHourUsd).toBeCloseTo(r.gpu.costPerHourUsd + r.lpu.costPerHourUsd, 9);
    expect(p.powerW).toBeCloseTo(r.gpu.powerW + r.lpu.powerW, 9);
    expect(p.outputTokensPerSecond).toBeCloseTo((2 * s.llm.output * 1000) / p.stageMs, 6);
  });

  it('the other way round swaps the roles', () => {
    const r = simulateLlm(withPair('sram-to-gpu'), net);
    const p = r.disagg;
    if (!p || !p.fits) throw new Error('pair should fit');
    expect(p.ttftMs).toBeCloseTo(r.lpu.ttftMs + p.transferMs, 9);
    expect(p.tpotMs).toBe(r.gpu.tpotMs);
  });

  it('names the machine that cannot hold the model', () => {
    const s: Scenario = { ...withPair('gpu-to-sram'), gpu: { ...DEFAULT_SCENARIO.gpu, gpus: 1, tp: 1 } };
    const r = simulateLlm(s, net);
    expect(r.gpu.fits).toBe(false);
    const p = r.disagg;
    if (!p || p.fits) throw new Error('pair should not fit');
    expect(p.message).toContain(`prefill machine (${r.gpu.name})`);
  });
});
