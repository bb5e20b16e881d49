// The overlay's live check of a step's facts: the step's results from the store (what the
// panel shows), the previous step's from the worker, the PE state at the step's cycle from a
// one-cycle trace. Same evaluator as the unit test (scenario/tourFacts.ts).
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { callEngine } from '../../worker/client';
import { checkFact, needsPrevious, type FactCheck, type FactContext, type ShownPes } from '../../scenario/tourFacts';
import { scenarioForTourStep, type Tour } from '../../scenario/tours';
import { closedFormGemm } from '../../engine/systolic/closedForm';
import type { GemmScenario } from '../../scenario/types';
import type { LlmResult } from '../../engine/types';

const sameGemm = (a: GemmScenario, b: { rows: number; cols: number; dataflow: string; m: number; k: number; n: number }) =>
  a.rows === b.rows && a.cols === b.cols && a.dataflow === b.dataflow && a.m === b.m && a.k === b.k && a.n === b.n;

// The previous step's LLM results, per tour step (steps are fixed data).
const prevCache = new Map<string, Promise<LlmResult | null>>();

function previousLlm(tourId: string, step: number): Promise<LlmResult | null> {
  const key = `${tourId}.${step}`;
  let p = prevCache.get(key);
  if (!p) {
    const s = scenarioForTourStep(tourId, step - 1);
    p = s
      ? callEngine('llm', (e) => e.runLlm(s)).then(
          (o) => (o.ok ? o.value : null),
          () => null,
        )
      : Promise.resolve(null);
    prevCache.set(key, p);
  }
  return p;
}

/** null while the results are being computed; one check per fact otherwise. */
export function useTourFactChecks(tour: Tour | null, stepIndex: number): (FactCheck | null)[] {
  const step = tour?.steps[stepIndex];
  const { scenario, llmResult, llmStatus, gemmRun, gemmStatus } = useStore(
    useShallow((s) => ({
      scenario: s.scenario,
      llmResult: s.llmResult,
      llmStatus: s.llmStatus,
      gemmRun: s.gemmRun,
      gemmStatus: s.gemmStatus,
    })),
  );
  // Checks are kept with the inputs they were made for, so a new step or result shows
  // "computing" at once instead of the previous step's verdicts.
  const inputs = useMemo(
    () => ({ tour, step, stepIndex, gemm: scenario.gemm, llmResult, llmStatus, gemmRun, gemmStatus }),
    [tour, step, stepIndex, scenario.gemm, llmResult, llmStatus, gemmRun, gemmStatus],
  );
  const [made, setMade] = useState<{ inputs: typeof inputs; checks: (FactCheck | null)[] } | null>(null);
  useEffect(() => {
    const { tour: t, step: st, stepIndex: i, llmResult: llm, llmStatus: llmSt, gemmRun: run, gemmStatus: runSt } = inputs;
    const facts = st?.facts ?? [];
    if (!t || !st || facts.length === 0) return;
    let live = true;
    const dataflow = st.panel === 'dataflow';
    void (async () => {
      const ctx: FactContext = {};
      if (dataflow) {
        const g = inputs.gemm;
        if (runSt !== 'done' || !run || !sameGemm(g, run.result)) return;
        ctx.gemm = run.result;
        const prev = i > 0 ? scenarioForTourStep(t.id, i - 1) : null;
        ctx.prevGemm = prev ? closedFormGemm(prev.gemm) : null;
        const stepCycle = scenarioForTourStep(t.id, i)?.view.cycle ?? 0;
        const cycle = Math.min(stepCycle, run.result.cycles);
        if (cycle === 0) ctx.pes = null;
        else {
          const w = await callEngine('systolic', (e) => e.trace(g, cycle - 1, 1));
          const pes: ShownPes = {
            weight: w.weight,
            input: w.input,
            active: w.active,
            sram: [w.sramCumulative[0], w.sramCumulative[1], w.sramCumulative[2], w.sramCumulative[3]],
          };
          ctx.pes = pes;
        }
      } else {
        if (llmSt !== 'done' || !llm) return;
        ctx.llm = llm;
        ctx.prevLlm = i > 0 && facts.some(needsPrevious) ? await previousLlm(t.id, i) : null;
      }
      if (live) setMade({ inputs, checks: facts.map((f) => checkFact(f, ctx)) });
    })();
    return () => {
      live = false;
    };
  }, [inputs]);
  return made?.inputs === inputs ? made.checks : (step?.facts ?? []).map(() => null);
}
