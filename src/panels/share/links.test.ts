import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { TOURS } from '../../scenario/tours';
import { checkTourRef, decodeHash, encodeHash, importScenarioText } from './scenarioApi';
import { problemParts } from './ProblemBanner';
import { fieldLabel } from '../../ui/labels';

describe('tour references from links and files', () => {
  const tour = TOURS[0];
  const at = (id: string, step: number) => ({ ...DEFAULT_SCENARIO, view: { ...DEFAULT_SCENARIO.view, tour: { id, step } } });
  it('keeps a real tour step, drops an unknown tour or a step past the last, naming it', () => {
    expect(checkTourRef(at(tour.id, tour.steps.length - 1)).problems).toEqual([]);
    for (const s of [at('no-such-tour', 0), at(tour.id, tour.steps.length)]) {
      const r = checkTourRef(s);
      expect(r.scenario.view.tour).toBeNull();
      expect(r.scenario.gemm).toEqual(s.gemm);
      expect(r.problems.map((p) => p.field)).toEqual(['view.tour']);
    }
  });
  it('applies to imported files too', () => {
    const r = importScenarioText(JSON.stringify(at('no-such-tour', 0)));
    expect(r.ok && r.scenario.view.tour).toBeNull();
    expect(r.problems.map((p) => p.field)).toEqual(['view.tour']);
  });
});

describe('pinned A through the share layer', () => {
  it('round-trips A and gives A the link’s view', () => {
    const b = { ...DEFAULT_SCENARIO, view: { ...DEFAULT_SCENARIO.view, panel: 'latency' as const } };
    const a = { ...DEFAULT_SCENARIO, llm: { ...DEFAULT_SCENARIO.llm, batch: 32 } };
    const d = decodeHash(encodeHash(b, 'default', a));
    expect(d.problems).toEqual([]);
    expect(d.pinned?.llm.batch).toBe(32);
    expect(d.pinned?.view).toEqual(b.view);
  });
  it('drops an A the engine refuses, keeps the link', () => {
    const d = decodeHash('v=2&ac=9&a=lln:100');
    expect(d.pinned).toBeNull();
    expect(d.scenario.gemm.cols).toBe(9);
    expect(d.problems.map((p) => p.field)).toEqual(['pinned']);
  });
});

describe('problem lines', () => {
  it('replace the leading path by the label and keep other messages whole', () => {
    const p = { field: 'gemm.rows', message: 'gemm.rows must be an integer 1..256; got 999' };
    expect(problemParts(p)).toEqual({ label: fieldLabel('gemm.rows'), text: 'must be an integer 1..256; got 999' });
    const q = { field: 'link', message: 'unknown link key "zz" ignored' };
    expect(problemParts(q)).toEqual({ label: fieldLabel('link'), text: q.message });
    const r = { field: 'x.y', message: 'x.y is odd' };
    expect(problemParts(r)).toEqual({ label: null, text: 'x.y is odd' });
  });
});

describe('a hand-written link naming only a tour step', () => {
  it("opens the step's own scenario, so what the step says is on screen", () => {
    const d = decodeHash('#v=2&vt=scaled-inference.1');
    expect(d.scenario.view.tour).toEqual({ id: 'scaled-inference', step: 1 });
    expect(d.scenario.lpu.chips).toBe(800);
    expect(d.scenario.view.panel).toBe('latency');
    expect(decodeHash('#v=2&vt=scaled-inference.1&vr=1').scenario.view.presenter).toBe(true);
  });

  it('a link with other fields keeps them: the step is not forced over what the link says', () => {
    const d = decodeHash('#v=2&vt=scaled-inference.1&b=4');
    expect(d.scenario.llm.batch).toBe(4);
    expect(d.scenario.lpu.chips).toBeNull();
  });
});
