// The engine's own input limits, checked when a control changes: the scenario schema is
// deliberately wide, so a value it accepts can still be one the LLM engine refuses (e.g. a
// prime chip count on a torus, 100 links per chip). Rejecting it here keeps the message
// beside the control and the last valid results on screen, instead of an engine error.
import type { Scenario } from '../scenario/types';
import { llmInputProblems } from '../engine/llm/validate';

/** Changing the key can break the rule the engine reports on these fields. */
const RELATED: Record<string, readonly string[]> = {
  'lpu.topology': ['lpu.chips'],
  'lpu.overrides.chipsPerNode': ['lpu.chips'],
  'gpu.gpus': ['gpu.tp'],
  'gpu.gpu': ['gpu.gpus', 'gpu.tp'],
  'gpu.overrides.gpusPerNode': ['gpu.gpus', 'gpu.tp'],
  'llm.model': ['gpu.tp', 'llm.speculative.draft'],
  'lpu.chip': ['lpu.chips'],
  'llm.speculative.mode': ['llm.speculative.draft'],
  'llm.custom.heads': ['llm.custom.kvHeads', 'gpu.tp'],
  'llm.custom.experts': ['llm.custom.activeExperts'],
};

/** Fields whose refusal may no longer hold once `path` changed (their messages are dropped). */
export function dependentFields(path: string): readonly string[] {
  return RELATED[path] ?? [];
}

/** The engine's message if setting `path` produced `next` that the engine would refuse, else null. */
export function engineFieldProblem(path: string, next: Scenario): string | null {
  if (!/^(llm|lpu|gpu)\./.test(path)) return null;
  const fields = [path, ...(RELATED[path] ?? [])];
  const hit = llmInputProblems(next).find((p) => fields.some((f) => p.field === f || p.field.startsWith(`${f}.`)));
  return hit ? hit.message : null;
}
