// Checks before simulation, bounded work: every message names the field and its limit.
// 'invalid' problems (llmInputProblems: rules on the inputs alone, well under a millisecond, so
// a control can be checked as it changes) stop a simulation; 'does-not-fit' ones (a partition
// per machine) are results (fits: false), found by the simulation itself.
import { PRECISIONS, TOPOLOGIES, type ChipSpec, type GpuSpec, type ModelSpec, type Scenario } from '../../scenario/types';
import { resolveChip, resolveGpu } from './hardware';
import { resolveModel } from './models';
import { lpuLayout, gpuLayout, type Shape } from './partition';
import { gpuCountProblem, lpuTopologyProblem } from './systemSize';
import { LLM_LIMITS, MODEL_RANGES } from '../../scenario/limits';

export interface LlmProblem {
  field: string;
  message: string;
  kind: 'invalid' | 'does-not-fit';
}

export { LLM_LIMITS };

type Range = readonly [min: number, max: number, integer?: boolean];

const CHIP_RANGES: Partial<Record<keyof ChipSpec, Range>> = {
  sramMB: [0.001, 1e6],
  clockMHz: [1, 10000],
  tflopsFp16: [0.001, 1e6],
  topsInt8: [0.001, 1e6],
  sramBandwidthTBps: [0.001, 1e5],
  linksPerChip: [1, 64, true],
  linkBandwidthGBps: [0.001, 1e5],
  hopLatencyUs: [0, 1e4],
  chipsPerNode: [1, 256, true],
  powerW: [0.001, 1e5],
  priceUsdPerChipHour: [0, 1e4],
  computeEfficiency: [0.001, 1],
  sramEfficiency: [0.01, 1],
};
const GPU_RANGES: Partial<Record<keyof GpuSpec, Range>> = {
  hbmGB: [0.001, 1e5],
  hbmBandwidthTBps: [0.001, 1e3],
  tflopsBf16: [0.001, 1e6],
  tflopsFp8: [0, 1e6],
  topsInt8: [0, 1e6],
  tflopsFp4: [0, 1e6],
  nvlinkGBps: [0.001, 1e5],
  gpusPerNode: [1, 256, true],
  interNodeGBps: [0.001, 1e5],
  interNodeLatencyUs: [0, 1e4],
  nvlinkLatencyUs: [0, 1e4],
  powerW: [0.001, 1e5],
  priceUsdPerHour: [0, 1e4],
  hbmEfficiency: [0.001, 1],
  computeEfficiency: [0.001, 1],
  launchOverheadUsPerLayer: [0, 1e5],
  jitterCv: [0, 2],
};

function checkRange(out: LlmProblem[], field: string, v: unknown, [min, max, integer]: Range): void {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (!ok)
    out.push({
      field,
      kind: 'invalid',
      message: `${field} must be ${integer ? 'an integer' : 'a number'} in ${min}..${max} (got ${String(v)})`,
    });
}

function checkRecord<T extends object>(out: LlmProblem[], prefix: string, obj: T, ranges: Partial<Record<keyof T, Range>>): void {
  for (const [k, r] of Object.entries(ranges) as [string, Range][]) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined) checkRange(out, `${prefix}.${k}`, v, r);
  }
}

/** The inputs' invalid values (no partition: the simulation finds what does not fit). */
export function llmInputProblems(s: Scenario): LlmProblem[] {
  return checkInputs(s).out;
}

/** Invalid inputs, or when there are none, what does not fit (one partition per machine). */
export function validateLlmInputs(s: Scenario): LlmProblem[] {
  const { out, model, chip, gpu } = checkInputs(s);
  if (out.length > 0 || !model || !chip || !gpu) return out;
  return fitProblems(s, model, chip, gpu);
}

function checkInputs(s: Scenario): { out: LlmProblem[]; model: ModelSpec | null; chip: ChipSpec | null; gpu: GpuSpec | null } {
  const out: LlmProblem[] = [];
  const llm = s.llm;
  checkRange(out, 'llm.batch', llm.batch, [1, LLM_LIMITS.batch, true]);
  checkRange(out, 'llm.prompt', llm.prompt, [1, LLM_LIMITS.tokens, true]);
  checkRange(out, 'llm.output', llm.output, [1, LLM_LIMITS.tokens, true]);
  for (const f of ['weights', 'activations', 'kv'] as const) {
    if (!(PRECISIONS as readonly string[]).includes(llm[f]))
      out.push({ field: `llm.${f}`, kind: 'invalid', message: `llm.${f} must be one of ${PRECISIONS.join(', ')} (got ${String(llm[f])})` });
  }
  let model: ModelSpec | null = null;
  try {
    model = resolveModel(llm);
  } catch (e) {
    out.push({ field: 'llm.model', kind: 'invalid', message: (e as Error).message });
  }
  if (model && llm.model === 'custom') {
    const before = out.length;
    checkRecord(out, 'llm.custom', model, MODEL_RANGES);
    if (out.length === before) {
      if (model.heads % model.kvHeads !== 0)
        out.push({
          field: 'llm.custom.kvHeads',
          kind: 'invalid',
          message: `llm.custom.kvHeads (${model.kvHeads}) must divide llm.custom.heads (${model.heads})`,
        });
      if (model.activeExperts > model.experts)
        out.push({
          field: 'llm.custom.activeExperts',
          kind: 'invalid',
          message: `llm.custom.activeExperts (${model.activeExperts}) must be <= llm.custom.experts (${model.experts})`,
        });
    }
  }
  let chip: ChipSpec | null = null;
  let gpu: GpuSpec | null = null;
  try {
    chip = resolveChip(s.lpu);
    checkRecord(out, 'lpu.overrides', chip, CHIP_RANGES);
  } catch (e) {
    out.push({ field: 'lpu.chip', kind: 'invalid', message: (e as Error).message });
  }
  try {
    gpu = resolveGpu(s.gpu);
    checkRecord(out, 'gpu.overrides', gpu, GPU_RANGES);
  } catch (e) {
    out.push({ field: 'gpu.gpu', kind: 'invalid', message: (e as Error).message });
  }
  if (!(TOPOLOGIES as readonly string[]).includes(s.lpu.topology))
    out.push({
      field: 'lpu.topology',
      kind: 'invalid',
      message: `lpu.topology must be one of ${TOPOLOGIES.join(', ')} (got ${String(s.lpu.topology)})`,
    });
  if (s.lpu.chips !== null) {
    checkRange(out, 'lpu.chips', s.lpu.chips, [1, LLM_LIMITS.lpuChips, true]);
    if (chip && Number.isInteger(s.lpu.chips)) {
      const p = lpuTopologyProblem(s.lpu.chips, s.lpu.topology, chip.chipsPerNode);
      if (p) out.push({ field: 'lpu.chips', kind: 'invalid', message: `lpu.chips: ${p}` });
    }
  }
  if (s.gpu.gpus !== null) {
    checkRange(out, 'gpu.gpus', s.gpu.gpus, [1, LLM_LIMITS.gpus, true]);
    if (gpu && Number.isInteger(s.gpu.gpus)) {
      const p = gpuCountProblem(s.gpu.gpus, gpu.gpusPerNode);
      if (p) out.push({ field: 'gpu.gpus', kind: 'invalid', message: `gpu.gpus: ${p}` });
    }
  }
  if (s.gpu.tp !== null && gpu) {
    const tp = s.gpu.tp;
    const pow2 = Number.isInteger(tp) && tp >= 1 && (tp & (tp - 1)) === 0;
    if (!pow2 || tp > gpu.gpusPerNode)
      out.push({
        field: 'gpu.tp',
        kind: 'invalid',
        message: `gpu.tp must be a power of two up to gpusPerNode = ${gpu.gpusPerNode} (got ${tp})`,
      });
    else if (s.gpu.gpus !== null && s.gpu.gpus % tp !== 0)
      out.push({ field: 'gpu.tp', kind: 'invalid', message: `gpu.tp (${tp}) must divide gpu.gpus (${s.gpu.gpus})` });
    else if (model && model.heads % tp !== 0)
      out.push({ field: 'gpu.tp', kind: 'invalid', message: `gpu.tp (${tp}) must divide the model's ${model.heads} attention heads` });
  }
  checkRange(out, 'gpu.seed', s.gpu.seed, [0, 2 ** 31 - 1, true]);
  return { out, model, chip, gpu };
}

/** Fit checks: one partition each, closed-form and bounded. */
function fitProblems(s: Scenario, model: ModelSpec, chip: ChipSpec, gpu: GpuSpec): LlmProblem[] {
  const out: LlmProblem[] = [];
  const llm = s.llm;
  const shape: Shape = {
    batch: llm.batch,
    prompt: llm.prompt,
    output: llm.output,
    weights: llm.weights,
    activations: llm.activations,
    kv: llm.kv,
  };
  const l = lpuLayout(model, shape, chip, s.lpu.chips);
  if (!l.fits) out.push({ field: s.lpu.chips === null ? 'llm.batch' : 'lpu.chips', kind: 'does-not-fit', message: `lpu: ${l.message}` });
  const g = gpuLayout(model, shape, gpu, s.gpu.gpus, s.gpu.tp);
  if (!g.fits) out.push({ field: s.gpu.gpus === null ? 'llm.batch' : 'gpu.gpus', kind: 'does-not-fit', message: `gpu: ${g.message}` });
  return out;
}
