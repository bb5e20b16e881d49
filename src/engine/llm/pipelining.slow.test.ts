import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { MODEL_IDS, PRECISIONS, type Precision } from '../../scenario/types';
import { presetGpu, LPU_CHIP } from './hardware';
import { MODELS } from './models';
import { runLpu, layoutLpu, lpuClosedFormTokenUs, meanDecodeContext, type LpuInputs } from './lpu';
import { buildLpuStep } from './programs';
import type { Task } from '../interconnect/program';
import { runGpu } from './gpu';
import { decodeStepLpu, LPU_STEP_CASES } from './benchCases';
import { lpuCandidates, type Shape } from './partition';
import { microBatching, pipelinedTokenUs } from './pipeline';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

const m70 = MODELS['llama-2-70b'];
const shape = (batch: number, weights: Precision = 'fp16'): Shape => ({
  batch,
  prompt: 1024,
  output: 256,
  weights,
  activations: weights === 'fp8' ? 'fp8' : 'fp16',
  kv: weights === 'int4' ? 'fp8' : weights === 'fp8' ? 'fp8' : 'fp16',
});
const lpu = (batch: number, chips: number | null = null, tp?: number): LpuInputs => ({
  model: m70,
  shape: shape(batch),
  chip: LPU_CHIP,
  chips,
  topology: 'dragonfly',
  maxEvents: 0,
  ...(tp ? { tp } : {}),
});

describe('micro-batching arithmetic', () => {
  it('splits a batch into at most one micro-batch per stage', () => {
    expect(microBatching(1, 80)).toEqual({ microBatches: 1, microBatchSize: 1 });
    expect(microBatching(16, 80)).toEqual({ microBatches: 16, microBatchSize: 1 });
    expect(microBatching(512, 80)).toEqual({ microBatches: 74, microBatchSize: 7 });
    expect(microBatching(8, 1)).toEqual({ microBatches: 1, microBatchSize: 8 });
  });
  it('a round is the longest of the pass and the stages (or head) serving every micro-batch in turn', () => {
    expect(pipelinedTokenUs(1000, 10, 2, 16)).toBe(1000);
    expect(pipelinedTokenUs(1000, 10, 2, 200)).toBe(2000);
    expect(pipelinedTokenUs(1000, 10, 30, 40)).toBe(1200);
  });
});

describe('users pipelined on the SRAM machine', () => {
  it('system tokens/s grows ~linearly with batch up to the stage count, time per token barely moves', () => {
    const one = runLpu(lpu(1, 648), net).result;
    // stages >= the largest batch below, so every user gets its own micro-batch
    expect(one.pipelineStages).toBeGreaterThanOrEqual(16);
    for (const b of [2, 4, 8, 16]) {
      const r = runLpu(lpu(b, 648), net).result;
      expect(r.fits).toBe(true);
      expect(r.microBatches).toBe(b);
      expect(r.systemTokensPerSecond / one.systemTokensPerSecond).toBeGreaterThan(0.9 * b);
      expect(r.tpotMs / one.tpotMs).toBeLessThan(1.1);
    }
  });

  it('batch 64 and batch 512 on the minimum chips give results (no work-limit error)', () => {
    for (const b of [64, 512]) {
      const r = runLpu(lpu(b), net).result;
      expect(r.fits).toBe(true);
      expect(Number.isFinite(r.tpotMs) && r.tpotMs > 0).toBe(true);
      expect(r.systemTokensPerSecond).toBeGreaterThan(runLpu(lpu(1), net).result.systemTokensPerSecond);
    }
  }, 60_000);

  it('a pass too large to simulate whole is simulated in part, scaled, and lands near the full simulation', () => {
    const c = LPU_STEP_CASES['llama-2-70b-10440'];
    const i: LpuInputs = {
      model: m70,
      chip: LPU_CHIP,
      chips: c.chips,
      topology: c.topology,
      tp: c.tp,
      maxEvents: 0,
      shape: { batch: c.batch, prompt: c.prompt, output: c.output, weights: c.weights, activations: 'fp16', kv: 'fp16' },
    };
    const part = runLpu(i, net).result;
    expect(part.simulatedLayers).toBeLessThan(m70.layers);
    const full = decodeStepLpu(net, c).stepUs / 1000;
    expect(Math.abs(part.tpotMs - full) / full).toBeLessThan(0.15);
  }, 60_000);
});

describe('layout choice', () => {
  it('picks, among layouts that fit the chips, the smallest closed-form time per token', () => {
    for (const b of [1, 16]) {
      const i = lpu(b, 648);
      const chosen = layoutLpu(i);
      const all = lpuCandidates(m70, i.shape, LPU_CHIP, true, 648);
      const best = Math.min(...all.map((c) => lpuClosedFormTokenUs(m70, i.shape, LPU_CHIP, 'dragonfly', c)));
      expect(lpuClosedFormTokenUs(m70, i.shape, LPU_CHIP, 'dragonfly', chosen)).toBeLessThanOrEqual(best * 1.001);
    }
  });

  it('at batch 16 on 648 chips it keeps groups of at most two nodes, and the simulation agrees that TP 32 x 20 stages is slower', () => {
    const chosen = runLpu(lpu(16, 648), net).result;
    expect(chosen.tensorParallel).toBeLessThanOrEqual(16);
    const wide = runLpu(lpu(16, 648, 32), net).result;
    expect(wide.fits).toBe(true);
    expect(wide.pipelineStages).toBe(20);
    expect(wide.tpotMs).toBeGreaterThan(chosen.tpotMs);
    expect(wide.systemTokensPerSecond).toBeLessThan(chosen.systemTokensPerSecond);
  });
});

describe('GPU pipeline parallelism across nodes', () => {
  it('Llama-3.1-405B on H100 nodes: batch = stages gives ~stages x the system tokens/s of batch 1', () => {
    const base = { model: MODELS['llama-3.1-405b'], gpu: presetGpu('h100-sxm'), gpus: null, tp: null, seed: 1, maxEvents: 0 };
    const one = runGpu({ ...base, shape: shape(1) }, net).result;
    expect(one.pipelineStages).toBeGreaterThan(1);
    const s = one.pipelineStages;
    const many = runGpu({ ...base, gpus: one.chips, tp: one.tensorParallel, shape: shape(s) }, net).result;
    expect(many.microBatches).toBe(s);
    expect(many.systemTokensPerSecond / one.systemTokensPerSecond).toBeGreaterThan(0.8 * s);
  });
});

describe('every model preset and precision, batch 1 and 64, minimum chips', () => {
  it('never throws: a result or fits false with a message', () => {
    for (const id of MODEL_IDS) {
      for (const p of PRECISIONS) {
        for (const b of [1, 64]) {
          const model = MODELS[id];
          const l = runLpu({ model, shape: shape(b, p), chip: LPU_CHIP, chips: null, topology: 'dragonfly', maxEvents: 0 }, net).result;
          const g = runGpu(
            { model, shape: shape(b, p), gpu: presetGpu('h100-sxm'), gpus: null, tp: null, seed: 1, maxEvents: 0 },
            net,
          ).result;
          for (const r of [l, g]) {
            if (r.fits)
              expect(r.tpotMs > 0 && Number.isFinite(r.tpotMs) && Number.isFinite(r.ttftMs), `${id} ${p} batch ${b} ${r.machine}`).toBe(
                true,
              );
            else expect(r.message, `${id} ${p} batch ${b} ${r.machine}`).toMatch(/\w/);
          }
        }
      }
    }
  }, 300_000);
});

describe('the pipelined round against an explicit simulation of micro-batches in flight', () => {
  it('8 users on 648 chips: two rounds of 8 staggered one-user passes sharing the chips and links take pass + round', () => {
    const i = lpu(8, 648);
    const layout = layoutLpu(i);
    const one = buildLpuStep(m70, i.shape, LPU_CHIP, layout, 'dragonfly', { batch: 1, newTokens: 1, context: meanDecodeContext(i.shape) });
    const n = one.program.tasks.length;
    // the static schedule staggers micro-batches: k enters the pipeline when k-1 has left stage 0
    const leftStage0 = one.program.tasks.findIndex((t) => t.label === 'hand-off to stage 1');
    expect(leftStage0).toBeGreaterThan(0);
    // copy r*m+k of the pass: micro-batch k in round r; its round-2 pass starts when its round-1 pass has ended
    const tasks: Task[] = [];
    const m = 8;
    for (let r = 0; r < 2; r++) {
      for (let k = 0; k < m; k++) {
        const base = (r * m + k) * n;
        const after: number[] = [];
        if (r > 0) after.push(base - m * n + n - 1);
        if (k > 0) after.push(base - n + leftStage0);
        for (const t of one.program.tasks) {
          const deps = t.deps.length === 0 ? after : t.deps.map((d) => d + base);
          tasks.push({ ...t, id: t.id + base, deps });
        }
      }
    }
    const firstRound = net.simulate(one.spec, { tasks: tasks.slice(0, m * n) }, { maxEvents: 0 }).stepUs;
    const twoRounds = net.simulate(one.spec, { tasks }, { maxEvents: 0 }).stepUs;
    const modelled = runLpu(i, net).result.tpotMs * 1000;
    expect(Math.abs(twoRounds - firstRound - modelled) / modelled).toBeLessThan(0.1);
  }, 60_000);
});
