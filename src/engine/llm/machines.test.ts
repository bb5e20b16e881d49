import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';
import { MODELS } from './models';
import { presetGpu, LPU_CHIP } from './hardware';
import { runGpu } from './gpu';
import { runLpu } from './lpu';
import { simulateLlm } from './simulate';
import { llmInputProblems, validateLlmInputs } from './validate';
import { decodeStepLpu, LPU_STEP_CASES } from './benchCases';
import { analyticInterconnect } from './analyticNetwork';
import { jitterPercentiles } from './jitter';
import { weightBytesTotal } from './workload';
import type { Shape } from './partition';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

const m70 = MODELS['llama-2-70b'];
const shape: Shape = { batch: 1, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' };

describe('GPU baseline', () => {
  it('8 x H100 decode: TPOT >= weight bytes / (8 x sustained HBM bandwidth), within 3x of the peak-bandwidth floor', () => {
    const g = presetGpu('h100-sxm');
    const r = runGpu({ model: m70, shape, gpu: g, gpus: 8, tp: 8, seed: 1 }, net).result;
    const floorMs = (weightBytesTotal(m70, shape) / (8 * g.hbmBandwidthTBps * 1e12)) * 1000;
    expect(r.fits).toBe(true);
    expect(r.tpotMs).toBeGreaterThan(floorMs / g.hbmEfficiency);
    expect(r.tpotMs).toBeLessThan(floorMs * 3);
    expect(r.breakdown.memoryMs).toBeGreaterThan(r.breakdown.computeMs);
    expect(r.p99TpotMs).toBeGreaterThan(r.tpotMs);
    expect(r.answerMs).toBeCloseTo(r.ttftMs + 255 * r.tpotMs, 6);
  });

  it('a faster HBM (H200) gives a shorter TPOT than H100 on the same layout', () => {
    const a = runGpu({ model: m70, shape, gpu: presetGpu('h100-sxm'), gpus: 8, tp: 8, seed: 1 }, net).result;
    const b = runGpu({ model: m70, shape, gpu: presetGpu('h200'), gpus: 8, tp: 8, seed: 1 }, net).result;
    expect(b.tpotMs).toBeLessThan(a.tpotMs);
  });

  it('jitter is deterministic per seed, p99 above p50', () => {
    expect(jitterPercentiles(0.03, 7)).toEqual(jitterPercentiles(0.03, 7));
    expect(jitterPercentiles(0.03, 7)).not.toEqual(jitterPercentiles(0.03, 8));
    const j = jitterPercentiles(0.05, 1);
    expect(j.p99 / j.p50).toBeGreaterThan(1.08);
    expect(j.p99 / j.p50).toBeLessThan(1.16);
  });
});

describe('SRAM machine', () => {
  it('is statically scheduled (p99 = p50) and much faster per user than 8 x H100 at batch 1', () => {
    const l = runLpu({ model: m70, shape, chip: LPU_CHIP, chips: null, topology: 'dragonfly' }, net).result;
    const g = runGpu({ model: m70, shape, gpu: presetGpu('h100-sxm'), gpus: 8, tp: 8, seed: 1 }, net).result;
    expect(l.p99TpotMs).toBe(l.tpotMs);
    expect(l.tokensPerSecondPerUser).toBeGreaterThan(2 * g.tokensPerSecondPerUser);
    expect(l.chips % LPU_CHIP.chipsPerNode).toBe(0);
    // Decode at batch 1 on the minimum system: the fitted fixed time per layer is most of the
    // step; SRAM streaming and the network share the rest; compute is hidden under memory.
    expect(l.breakdown.overheadMs).toBeGreaterThan(0.5 * l.tpotMs);
    expect(l.breakdown.networkMs).toBeGreaterThan(0.05 * l.tpotMs);
    expect(l.breakdown.computeMs).toBeLessThan(0.1 * l.tpotMs);
  });

  it('the simulated step agrees with the closed-form evaluation on compute and within 30% overall', () => {
    const r = decodeStepLpu(net, LPU_STEP_CASES['llama-2-70b-576']);
    const a = decodeStepLpu(analyticInterconnect, LPU_STEP_CASES['llama-2-70b-576']);
    expect(r.computeUs).toBeCloseTo(a.computeUs, 3);
    expect(Math.abs(r.stepUs - a.stepUs) / a.stepUs).toBeLessThan(0.3);
  });
});

describe('simulateLlm', () => {
  it('default scenario: both machines, a sweep for each, four roofline points', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.gpu.gpus = 8;
    const t0 = performance.now();
    const r = simulateLlm(s, net);
    const ms = performance.now() - t0;
    expect(r.lpu.fits && r.gpu.fits).toBe(true);
    expect(r.sweep.filter((p) => p.machine === 'lpu').length).toBe(r.sweep.filter((p) => p.machine === 'h100-sxm').length);
    const gpuPts = r.sweep.filter((p) => p.machine === 'h100-sxm' && p.fits);
    // More users on the same GPUs: more system throughput, not more per user.
    expect(gpuPts.at(-1)!.tokensPerSecondPerChip).toBeGreaterThan(gpuPts[0].tokensPerSecondPerChip * 4);
    expect(gpuPts.at(-1)!.tokensPerSecondPerUser).toBeLessThanOrEqual(gpuPts[0].tokensPerSecondPerUser * 1.001);
    expect(r.roofline.map((p) => p.phase)).toEqual(['prefill', 'decode', 'prefill', 'decode']);
    for (const p of r.roofline) expect(p.achievedTflops).toBeLessThanOrEqual(p.peakTflops);
    expect(ms).toBeLessThan(5000); // budget is 100 ms on a quiet machine; see the bench
  });

  it('same scenario, same result (deterministic)', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    expect(JSON.stringify(simulateLlm(s, net))).toBe(JSON.stringify(simulateLlm(s, net)));
  });

  it('invalid inputs throw naming the field and limit', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.lpu.overrides = { sramMB: -5 };
    expect(() => simulateLlm(s, net)).toThrow(/lpu\.overrides\.sramMB must be a number 1\.\.100000 \(got -5\)/);
  });
});

describe('validateLlmInputs', () => {
  it('names fields and limits; fit problems are separate from invalid ones', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.llm.batch = 0;
    s.gpu.overrides = { hbmBandwidthTBps: 0, clockMHz: 1 } as never;
    s.lpu.chips = 100;
    s.lpu.topology = 'dragonfly';
    const msgs = validateLlmInputs(s)
      .map((p) => p.message)
      .join('\n');
    expect(msgs).toMatch(/llm\.batch must be an integer 1\.\.4096 \(got 0\)/);
    expect(msgs).toMatch(/gpu\.overrides\.hbmBandwidthTBps must be a number/);
    expect(msgs).toMatch(/lpu\.chips: dragonfly is built in whole nodes.*try 104/);
  });

  it('reports a chip count too small for the model as does-not-fit', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.lpu.chips = 400;
    const p = validateLlmInputs(s);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'lpu.chips', kind: 'does-not-fit' });
    expect(p[0].message).toMatch(/needs \d+ chips/);
    // the checks a control runs as it changes leave fitting to the simulation
    expect(llmInputProblems(s)).toEqual([]);
  });

  it('torus2d with a prime chip count is invalid', () => {
    const s = cloneScenario(DEFAULT_SCENARIO);
    s.lpu.topology = 'torus2d';
    s.lpu.chips = 641;
    expect(
      validateLlmInputs(s)
        .map((p) => p.message)
        .join(),
    ).toMatch(/torus2d needs a chip count with two factors/);
  });
});

describe('simulateLlm reuses a machine whose inputs did not change', () => {
  it('re-simulates only the machine whose controls changed', async () => {
    const ic = createInterconnect(await loadWasmModule('interconnect'));
    const base = simulateLlm(DEFAULT_SCENARIO, ic);
    const gpuChanged = simulateLlm({ ...DEFAULT_SCENARIO, gpu: { ...DEFAULT_SCENARIO.gpu, seed: DEFAULT_SCENARIO.gpu.seed + 1 } }, ic);
    expect(gpuChanged.lpu).toBe(base.lpu);
    expect(gpuChanged.gpu).not.toBe(base.gpu);
    const lpuChanged = simulateLlm({ ...DEFAULT_SCENARIO, lpu: { ...DEFAULT_SCENARIO.lpu, topology: 'ring', chips: 648 } }, ic);
    expect(lpuChanged.lpu).not.toBe(base.lpu);
    expect(lpuChanged.lpu.network?.topology).toBe('ring');
    // Back to the default: equal inputs give equal results, whichever run served them.
    expect(simulateLlm(DEFAULT_SCENARIO, ic).lpu).toEqual(base.lpu);
  });
});
