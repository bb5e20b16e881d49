// One description of a layer: the simulated programs and the closed forms read the same
// layerCosts/taskUs, so the compute chain of a built program equals the closed form's.
import { describe, expect, it } from 'vitest';
import { MODELS } from './models';
import { LPU_CHIP, presetGpu } from './hardware';
import { buildGpuStep, kvTrafficFactor } from './programs';
import { gpuClosedFormStep, runGpu, stackOf } from './gpu';
import { layoutLpu, lpuClosedFormStep } from './lpu';
import { buildLpuStep } from './programs';
import { gpuLayout, lpuChipIndex, lpuIoChipIndex, type Shape } from './partition';
import { STACKS } from './stacks';
import { gpuShapeOf } from './shapes';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { analyticInterconnect } from './analyticNetwork';
import type { Program } from '../interconnect/program';

const shape: Shape = { batch: 4, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' };
const computeOn = (p: Program, chips: Set<number>) =>
  p.tasks.reduce((s, t) => (t.kind === 'compute' && chips.has(t.chip) ? s + t.durationUs : s), 0);

describe('programs and closed forms share one description of a layer', () => {
  it.each(['pytorch', 'tensorrt-llm'] as const)('GPU (%s): the compute chain of the program equals the closed form', (stack) => {
    const m = MODELS['llama-2-13b'];
    const gpu = presetGpu('a100-80gb', stack);
    const layout = gpuLayout(m, shape, gpu, 2, 2);
    const step = { newTokens: 1, context: 1152 };
    const built = buildGpuStep(m, shape, gpu, layout, { batch: shape.batch, ...step }, STACKS[stack]);
    const closed = gpuClosedFormStep({ model: m, shape, gpu, gpus: 2, tp: 2, seed: 1, stack }, 2, 1, shape.batch, step);
    expect(computeOn(built.program, new Set([0]))).toBeCloseTo(closed.passComputeUs, 6);
  });

  it('GPU: an output head kept at 16 bits under int4 weights agrees between program and closed form, and costs more than an int4 head', () => {
    const m = MODELS['llama-2-7b'];
    const gpu = presetGpu('a100-80gb', 'tensorrt-llm');
    const step = { newTokens: 1, context: 1152 };
    const at = (head: Shape['head']) => {
      const s: Shape = { ...shape, batch: 1, weights: 'int4', head };
      const layout = gpuLayout(m, s, gpu, 1, 1);
      const built = buildGpuStep(m, s, gpu, layout, { batch: 1, ...step }, STACKS['tensorrt-llm']);
      const closed = gpuClosedFormStep({ model: m, shape: s, gpu, gpus: 1, tp: 1, seed: 1, stack: 'tensorrt-llm' }, 1, 1, 1, step);
      expect(computeOn(built.program, new Set([0]))).toBeCloseTo(closed.passComputeUs, 6);
      return closed.passComputeUs;
    };
    // 32000 x 4096 head weights: 1.5 extra bytes each at 16 bits, streamed at the 16-bit rate
    expect(at('bf16') - at(undefined)).toBeGreaterThan(50);
  });

  it('the serving stack decides the head format: gpt-fast quantises it, TensorRT-LLM and vLLM keep it at 16 bits', () => {
    const base = { llm: { ...DEFAULT_SCENARIO.llm, weights: 'int4' as const } };
    expect(gpuShapeOf({ ...base, gpu: { ...DEFAULT_SCENARIO.gpu, stack: 'pytorch' } }).head).toBe('int4');
    expect(gpuShapeOf({ ...base, gpu: { ...DEFAULT_SCENARIO.gpu, stack: 'tensorrt-llm' } }).head).toBe('bf16');
    expect(gpuShapeOf({ ...base, gpu: { ...DEFAULT_SCENARIO.gpu, stack: 'vllm' } }).head).toBe('bf16');
  });

  it('SRAM machine: the compute chain of shard 0 through every stage and the head equals the closed form', () => {
    const m = MODELS['llama-2-7b'];
    const i = { model: m, shape: { ...shape, batch: 1 }, chip: LPU_CHIP, chips: null, topology: 'dragonfly' as const };
    const layout = layoutLpu(i);
    const step = { newTokens: 1, context: 1152 };
    const built = buildLpuStep(m, i.shape, LPU_CHIP, layout, 'dragonfly', { batch: 1, ...step });
    const chain = new Set([...Array.from({ length: layout.stages }, (_, st) => lpuChipIndex(layout, st, 0)), lpuIoChipIndex(layout, 0)]);
    const closed = lpuClosedFormStep(m, i.shape, LPU_CHIP, 'dragonfly', layout, 1, step);
    expect(computeOn(built.program, chain)).toBeCloseTo(closed.passComputeUs, 6);
  });
});

describe('serving-stack effects', () => {
  const m70 = MODELS['llama-2-70b'];
  const run = (stack: 'pytorch' | 'tensorrt-llm', s: Shape) =>
    runGpu({ model: m70, shape: s, gpu: presetGpu('h100-sxm', stack), gpus: 8, tp: 8, seed: 1, stack, maxEvents: 0 }, analyticInterconnect)
      .result;

  it('a stack that copies K/V to every query head reads a GQA cache 1 + 2 x 8 = 17 times: it pays at long context, not at short', () => {
    expect(kvTrafficFactor(m70, stackOf({ stack: 'pytorch' }))).toBe(17);
    expect(kvTrafficFactor(m70, stackOf({ stack: 'tensorrt-llm' }))).toBe(1);
    const short = { ...shape, batch: 1, prompt: 16, output: 16 };
    const long = { ...shape, batch: 8, prompt: 16000, output: 256 };
    const gap = (s: Shape) => run('pytorch', s).tpotMs - run('tensorrt-llm', s).tpotMs;
    expect(gap(long)).toBeGreaterThan(5 * Math.abs(gap(short)));
  });

  it('weight-only int4 streams at its own rate: fewer bytes than int8, but not twice as fast', () => {
    const s = { ...shape, batch: 1, prompt: 8, output: 64 };
    const i8 = runGpu(
      {
        model: MODELS['llama-2-7b'],
        shape: { ...s, weights: 'int8' },
        gpu: presetGpu('a100-80gb', 'pytorch'),
        gpus: 1,
        tp: 1,
        seed: 1,
        stack: 'pytorch',
        maxEvents: 0,
      },
      analyticInterconnect,
    ).result;
    const i4 = runGpu(
      {
        model: MODELS['llama-2-7b'],
        shape: { ...s, weights: 'int4' },
        gpu: presetGpu('a100-80gb', 'pytorch'),
        gpus: 1,
        tp: 1,
        seed: 1,
        stack: 'pytorch',
        maxEvents: 0,
      },
      analyticInterconnect,
    ).result;
    expect(i4.tpotMs).toBeLessThan(i8.tpotMs);
    expect(i4.tpotMs).toBeGreaterThan(0.6 * i8.tpotMs);
  });

  it('the stack adds its fixed time per request to the time to first token', () => {
    const s = { ...shape, batch: 1, prompt: 128, output: 2 };
    const base = presetGpu('h100-sxm');
    const a = runGpu({ model: m70, shape: s, gpu: base, gpus: 8, tp: 8, seed: 1, maxEvents: 0 }, analyticInterconnect).result;
    const b = runGpu(
      { model: m70, shape: s, gpu: { ...base, requestOverheadMs: base.requestOverheadMs + 10 }, gpus: 8, tp: 8, seed: 1, maxEvents: 0 },
      analyticInterconnect,
    ).result;
    expect(b.ttftMs - a.ttftMs).toBeCloseTo(10, 6);
  });

  it('fp8 prefill reaches a smaller share of its peak than 16-bit: less than 2x faster on H100', () => {
    const s = { ...shape, batch: 1, prompt: 4096, output: 2 };
    const f16 = runGpu(
      { model: m70, shape: s, gpu: presetGpu('h100-sxm'), gpus: 8, tp: 8, seed: 1, maxEvents: 0 },
      analyticInterconnect,
    ).result;
    const f8 = runGpu(
      {
        model: m70,
        shape: { ...s, weights: 'fp8', activations: 'fp8', kv: 'fp8' },
        gpu: presetGpu('h100-sxm'),
        gpus: 8,
        tp: 8,
        seed: 1,
        maxEvents: 0,
      },
      analyticInterconnect,
    ).result;
    expect(f8.ttftMs).toBeLessThan(f16.ttftMs);
    expect(f16.ttftMs / f8.ttftMs).toBeLessThan(2 * 0.9);
  });
});
