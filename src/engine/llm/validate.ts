// Checks before simulation, bounded work: every message names the field and its limit.
// 'invalid' problems (llmInputProblems: rules on the inputs alone, well under a millisecond, so
// a control can be checked as it changes) stop a simulation; 'does-not-fit' ones (a partition
// per machine) are results (fits: false), found by the simulation itself.
import { PRECISIONS, TOPOLOGIES, type ChipSpec, type GpuSpec, type ModelSpec, type Scenario } from '../../scenario/types';
import { resolveChip, resolveGpu } from './hardware';
import { MODELS, resolveModel } from './models';
import { lpuLayout, gpuLayout, type Shape } from './partition';
import { gpuCountProblem, lpuTopologyProblem } from './systemSize';
import { LLM_LIMITS, MODEL_RANGES } from '../../scenario/limits';
import { describeRange, inRange, rangeOf, rangesUnder, type NumericRange } from '../../scenario/fields';

export interface LlmProblem {
  field: string;
  message: string;
  kind: 'invalid' | 'does-not-fit';
}

export { LLM_LIMITS };

// The ranges of the hardware figures come from the field registry: what a link, a control and
// the CLI accept is what the engine accepts.
const CHIP_RANGES = rangesUnder('lpu.overrides.');
const GPU_RANGES = rangesUnder('gpu.overrides.');

function checkRange(out: LlmProblem[], field: string, v: unknown, r: NumericRange = rangeOf(field)): void {
  if (!inRange(v, r)) out.push({ field, kind: 'invalid', message: `${field} must be ${describeRange(r)} (got ${String(v)})` });
}

function checkRecord(out: LlmProblem[], prefix: string, obj: object, ranges: Partial<Record<string, NumericRange>>): void {
  for (const [k, r] of Object.entries(ranges)) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined && r) checkRange(out, `${prefix}.${k}`, v, r);
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
  checkRange(out, 'llm.batch', llm.batch);
  checkRange(out, 'llm.prompt', llm.prompt);
  checkRange(out, 'llm.output', llm.output);
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
    checkRange(out, 'lpu.chips', s.lpu.chips);
    if (chip && Number.isInteger(s.lpu.chips)) {
      const p = lpuTopologyProblem(s.lpu.chips, s.lpu.topology, chip.chipsPerNode);
      if (p) out.push({ field: 'lpu.chips', kind: 'invalid', message: `lpu.chips: ${p}` });
    }
  }
  if (s.gpu.gpus !== null) {
    checkRange(out, 'gpu.gpus', s.gpu.gpus);
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
  checkRange(out, 'gpu.seed', s.gpu.seed);
  if (model) speculationProblems(out, s.llm.speculative, model);
  return { out, model, chip, gpu };
}

/** A draft must be a smaller model than the one it drafts for; ranges as the registry says. */
function speculationProblems(out: LlmProblem[], sp: Scenario['llm']['speculative'], model: ModelSpec): void {
  checkRange(out, 'llm.speculative.k', sp.k);
  checkRange(out, 'llm.speculative.accept', sp.accept);
  if (sp.mode !== 'draft') return;
  const draft = MODELS[sp.draft];
  if (!draft) {
    out.push({ field: 'llm.speculative.draft', kind: 'invalid', message: `llm.speculative.draft: unknown model "${String(sp.draft)}"` });
    return;
  }
  if (draft.paramsB >= model.paramsB)
    out.push({
      field: 'llm.speculative.draft',
      kind: 'invalid',
      message: `llm.speculative.draft: the draft model (${draft.name}, ${draft.paramsB} B parameters) must be smaller than the model it drafts for (${model.name}, ${model.paramsB} B)`,
    });
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
