import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM_MODEL, DEFAULT_SCENARIO } from '../scenario/defaults';
import { validateField } from '../scenario/schema';
import { setIn } from './path';
import { engineFieldProblem } from './engineChecks';
import { useStore } from './store';

describe('engineFieldProblem', () => {
  it('refuses a prime chip count on a 2-D torus, naming the field and a size that works', () => {
    const torus = setIn(DEFAULT_SCENARIO, 'lpu.topology', 'torus2d');
    const next = setIn(torus, 'lpu.chips', 647);
    expect(validateField('lpu.chips', 647, torus)).toBeNull(); // the schema alone lets it through
    const msg = engineFieldProblem('lpu.chips', next);
    expect(msg).toMatch(/lpu\.chips/);
    expect(msg).toMatch(/torus2d/);
    expect(msg).toMatch(/648/);
  });

  it('an override range is one range: the schema refuses what the engine would (the registry declares it once)', () => {
    const next = setIn(DEFAULT_SCENARIO, 'lpu.overrides.linksPerChip', 100);
    expect(validateField('lpu.overrides.linksPerChip', 100, DEFAULT_SCENARIO)).toMatch(/linksPerChip must be an integer 1\.\.64/);
    expect(engineFieldProblem('lpu.overrides.linksPerChip', next)).toMatch(/linksPerChip must be an integer 1\.\.64/);
    expect(validateField('lpu.overrides.linksPerChip', 64, DEFAULT_SCENARIO)).toBeNull();
  });

  it('reports a topology change that leaves the set chip count unbuildable', () => {
    const chips = setIn(DEFAULT_SCENARIO, 'lpu.chips', 647);
    const ring = setIn(chips, 'lpu.topology', 'ring');
    expect(engineFieldProblem('lpu.topology', setIn(ring, 'lpu.topology', 'torus2d'))).toMatch(/torus2d/);
  });

  it('refuses custom attention heads that the KV heads no longer divide', () => {
    const custom = { ...DEFAULT_CUSTOM_MODEL, heads: 64, kvHeads: 8 };
    const s = setIn(setIn(DEFAULT_SCENARIO, 'llm.custom', custom), 'llm.model', 'custom');
    expect(engineFieldProblem('llm.custom.heads', setIn(s, 'llm.custom.heads', 7))).toMatch(/kvHeads \(8\) must divide/);
    expect(engineFieldProblem('llm.custom.heads', setIn(s, 'llm.custom.heads', 32))).toBeNull();
  });

  it('accepts valid values and leaves "does not fit" to the results', () => {
    expect(engineFieldProblem('llm.batch', setIn(DEFAULT_SCENARIO, 'llm.batch', 8))).toBeNull();
    const small = setIn(setIn(DEFAULT_SCENARIO, 'lpu.chips', 648), 'llm.batch', 4096);
    expect(engineFieldProblem('llm.batch', small)).toBeNull();
    expect(engineFieldProblem('gemm.rows', setIn(DEFAULT_SCENARIO, 'gemm.rows', 4))).toBeNull();
  });
});

describe('store.setField with engine limits', () => {
  it('keeps the last valid scenario and puts the message on the field', () => {
    useStore.getState().setScenario(DEFAULT_SCENARIO);
    const before = useStore.getState().scenario;
    expect(useStore.getState().setField('lpu.overrides.hopLatencyUs', 50000)).toBe(false);
    expect(useStore.getState().scenario).toBe(before);
    expect(useStore.getState().fieldErrors['lpu.overrides.hopLatencyUs']).toMatch(/0\.\.10000/);
    expect(useStore.getState().setField('lpu.overrides.hopLatencyUs', 5)).toBe(true);
    expect(useStore.getState().fieldErrors['lpu.overrides.hopLatencyUs']).toBeUndefined();
  });
});

describe('store.setField drops stale refusals of tied fields', () => {
  it('a chip count refused on a torus loses its message when the topology changes', () => {
    useStore.getState().setScenario(setIn(DEFAULT_SCENARIO, 'lpu.topology', 'torus2d'));
    expect(useStore.getState().setField('lpu.chips', 647)).toBe(false);
    expect(useStore.getState().fieldErrors['lpu.chips']).toMatch(/torus2d/);
    expect(useStore.getState().setField('lpu.topology', 'ring')).toBe(true);
    expect(useStore.getState().fieldErrors['lpu.chips']).toBeUndefined();
    expect(useStore.getState().scenario.lpu.chips).toBe(DEFAULT_SCENARIO.lpu.chips); // not applied behind the user's back
  });
});
