// File names of every export, built in one place so they read alike: what (the chart id or
// "results"), then the scenario it shows. An LLM chart names its model and batch; a chart of
// the systolic array names the array and dataflow (and the cycle, when it shows one cycle).
import type { Scenario } from '../../scenario/types';
import { resolveModel } from '../../engine/llm/models';
import { slug } from './download';

/** What a chart depends on: the LLM workload, the GEMM run, or one cycle of the GEMM run. */
export type ExportScope = 'llm' | 'gemm' | 'cycle';

function scenarioTag(s: Scenario, scope: ExportScope): string {
  const g = s.gemm;
  if (scope === 'gemm') return `${g.rows}x${g.cols}-${g.dataflow}`;
  if (scope === 'cycle') return `${g.rows}x${g.cols}-${g.dataflow}-c${s.view.cycle}`;
  // A custom model's name may be anything: slug it like a preset id (llama-3.1-8b -> llama-3-1-8b).
  let model = s.llm.model as string;
  try {
    model = resolveModel(s.llm).id;
  } catch {
    // A custom model without its spec: the id is still a fine name.
  }
  return `${slug(model)}-b${s.llm.batch}`;
}

/** `latency-sweep-llama-2-70b-b1.svg`, `systolic-array-16x16-ws-c12.png`, `results-llama-2-70b-b1.csv`. */
export function exportFileName(what: string, scope: ExportScope, s: Scenario, ext: 'png' | 'svg' | 'csv' | 'json'): string {
  return `${slug(what)}-${scenarioTag(s, scope)}.${ext}`;
}
