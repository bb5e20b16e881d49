// A link or file can carry values the scenario schema accepts but the LLM engine refuses
// (a prime chip count on a torus, 100 links per chip). Left in, every LLM panel would show
// only an engine error; instead such a field falls back to its base value (the preset the
// link names, or the defaults) and is named in the banner, like any other bad field.
import type { Scenario } from '../../scenario/types';
import { llmInputProblems } from '../../engine/llm/validate';
import { getIn, setIn } from '../../store/path';
import type { Problem } from './scenarioApi';

/** Paths a problem may name that are scenario fields we can reset (not derived names). */
function resettable(field: string, s: Scenario): boolean {
  return /^(llm|lpu|gpu)\./.test(field) && getIn(s, field) !== undefined;
}

function withBaseValue(s: Scenario, base: Scenario, field: string): Scenario {
  const value = getIn(base, field);
  if (value !== undefined) return setIn(s, field, value);
  // An override absent from the base: drop it (the preset figure applies).
  const dot = field.lastIndexOf('.');
  const parent = { ...(getIn(s, field.slice(0, dot)) as Record<string, unknown>) };
  delete parent[field.slice(dot + 1)];
  return setIn(s, field.slice(0, dot), parent);
}

/** The scenario with every engine-refused field reset to `base`, and a problem for each. */
export function applyEngineLimits(
  scenario: Scenario,
  base: Scenario,
  baseName = 'the preset',
): { scenario: Scenario; problems: Problem[] } {
  let s = scenario;
  const problems: Problem[] = [];
  // A reset can expose a rule on another field (gpu.tp vs gpu.gpus): a few passes suffice.
  for (let pass = 0; pass < 4; pass++) {
    const bad = llmInputProblems(s).filter((p) => resettable(p.field, s) && !problems.some((q) => q.field === p.field));
    if (bad.length === 0) break;
    for (const p of bad) {
      s = withBaseValue(s, base, p.field);
      problems.push({ field: p.field, message: `${p.message}; ${baseName}'s value was used` });
    }
  }
  return { scenario: s, problems };
}
