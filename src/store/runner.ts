// Keeps results in step with the scenario: re-runs the part of the engine whose inputs
// changed, in the worker, newest request winning.
import { useStore } from './store';
import { engine, Comlink } from '../worker/client';
import type { Scenario } from '../scenario/types';

let llmGeneration = 0;

function runGemm(s: Scenario): void {
  useStore.setState({ gemmStatus: 'running', gemmProgress: 0, gemmError: null });
  const onProgress = Comlink.proxy((f: number) => useStore.setState({ gemmProgress: f }));
  void engine()
    .runGemm(s.gemm, onProgress)
    .then((out) => {
      if (useStore.getState().scenario.gemm !== s.gemm) return; // superseded
      if (out.ok) {
        const cycles = out.value.result.cycles;
        const st = useStore.getState();
        if (st.scenario.view.cycle > cycles) st.setCycle(cycles);
        useStore.setState({ gemmStatus: 'done', gemmRun: out.value, gemmProgress: 1 });
      } else {
        useStore.setState({ gemmStatus: out.cancelled ? 'cancelled' : 'error', gemmError: out.cancelled ? null : out.message });
      }
    });
}

function runLlm(s: Scenario): void {
  const generation = ++llmGeneration;
  useStore.setState({ llmStatus: 'running', llmError: null });
  void engine()
    .runLlm(s)
    .then((out) => {
      if (generation !== llmGeneration) return;
      if (out.ok) useStore.setState({ llmStatus: 'done', llmResult: out.value });
      else useStore.setState({ llmStatus: 'error', llmError: out.message });
    });
}

export function cancelGemm(): void {
  void engine().cancelGemm();
  useStore.setState({ gemmStatus: 'cancelled' });
}

/** Starts the sync; returns a function that stops it. */
export function startRunner(): () => void {
  const first = useStore.getState().scenario;
  runGemm(first);
  runLlm(first);
  return useStore.subscribe((state, prev) => {
    const s = state.scenario;
    const p = prev.scenario;
    if (s.gemm !== p.gemm) runGemm(s);
    if (s.llm !== p.llm || s.lpu !== p.lpu || s.gpu !== p.gpu) runLlm(s);
  });
}
