// One line that says which scenario an exported chart shows, so a chart pasted into a slide
// or a paper still names its inputs: model, both machines, batch, precisions. Words come
// from the controls' own labels (ui/labels.ts); machine sizes from the engine's result when
// there is one (a null chip count means "the minimum that fits", which only the engine knows).
import type { GemmResult, LlmResult, MachineResult } from '../../engine/types';
import type { Scenario } from '../../scenario/types';
import { resolveModel } from '../../engine/llm/models';
import { GPUS, LPU_CHIP } from '../../engine/llm/hardware';
import { controlLabel } from '../../ui/labels';
import { formatCount } from '../../ui/format';

function machine(name: string, chips: number | null, r: MachineResult | undefined): string {
  if (r) return r.fits ? `${r.name} x ${formatCount(r.chips)}` : `${r.name} (does not fit: needs ${formatCount(r.chipsNeeded)})`;
  return chips === null ? `${name} (minimum that fits)` : `${name} x ${formatCount(chips)}`;
}

function modelName(s: Scenario): string {
  try {
    return resolveModel(s.llm).name;
  } catch {
    return String(s.llm.model);
  }
}

/** "Llama 2 70B · GroqChip 1 x 576 vs NVIDIA H100 SXM x 8 · Batch 1 · Weights precision fp16 · …". */
export function scenarioLine(s: Scenario, llm: LlmResult | null): string {
  const { llm: w } = s;
  return [
    modelName(s),
    `${machine(LPU_CHIP.name, s.lpu.chips, llm?.lpu)} vs ${machine(GPUS[s.gpu.gpu]?.name ?? s.gpu.gpu, s.gpu.gpus, llm?.gpu)}`,
    `${controlLabel('llm.batch')} ${w.batch} (${w.batching})`,
    `${controlLabel('llm.prompt')} ${w.prompt} + ${controlLabel('llm.output')} ${w.output} tokens`,
    `${controlLabel('llm.weights')} ${w.weights}`,
    `${controlLabel('llm.activations')} ${w.activations}`,
    `${controlLabel('llm.kv')} ${w.kv}`,
  ].join(' · ');
}

/** The GEMM run a systolic-array chart shows: "GEMM M=16 K=8 N=8 on 8 x 8 PEs, dataflow ws". */
export function gemmLine(g: Pick<GemmResult, 'rows' | 'cols' | 'dataflow' | 'm' | 'k' | 'n'>): string {
  return `GEMM M=${g.m} K=${g.k} N=${g.n} on ${g.rows} x ${g.cols} PEs, ${controlLabel('gemm.dataflow').toLowerCase()} ${g.dataflow}`;
}
