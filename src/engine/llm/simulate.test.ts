import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { simulateLlm, simulateLlmPhases, type LlmPhase } from './simulate';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

describe('simulateLlmPhases: the run the worker can stop between phases', () => {
  it('yields its phase boundaries in order and returns what simulateLlm returns', () => {
    const run = simulateLlmPhases({ ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 7 } }, net);
    const phases: LlmPhase[] = [];
    let step = run.next();
    while (!step.done) {
      phases.push(step.value);
      step = run.next();
    }
    expect(phases).toEqual(['validated', 'sram-machine', 'gpu', 'sweep-half']);
    const whole = simulateLlm({ ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 7 } }, net);
    expect(step.value).toEqual(whole);
    expect(step.value.sweep.length).toBeGreaterThan(2);
  });

  it('an abandoned run leaves the next run unchanged', () => {
    const s = { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 9 } };
    const reference = structuredClone(simulateLlm(s, net));
    const other = { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 11 } };
    const abandoned = simulateLlmPhases(other, net);
    abandoned.next(); // validated
    abandoned.next(); // the SRAM machine ran; stopped before the GPU
    expect(simulateLlm(s, net)).toEqual(reference);
  });

  it('refuses an invalid scenario before its first phase boundary', () => {
    const bad = { ...DEFAULT_SCENARIO, lpu: { ...DEFAULT_SCENARIO.lpu, topology: 'torus2d' as const, chips: 647 } };
    expect(() => simulateLlmPhases(bad, net).next()).toThrow(/torus2d/);
  });
});
