// Keeps results in step with the scenario: re-runs the engine whose inputs changed, in its
// worker. However fast the controls change, each engine has at most one run in flight and
// one waiting (the latest), and a result is shown only if it belongs to the inputs on screen.
import { gemmInputsKey, llmInputsKey, useStore } from './store';
import { latestOnly, type QueueState } from './latestOnly';
import { callEngine, restartEngine, type EngineKind } from '../worker/client';
import type { Scenario } from '../scenario/types';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function setQueue(kind: EngineKind, q: QueueState): void {
  useStore.setState((st) => ({ queue: { ...st.queue, [kind]: q } }));
}

// Status is set to running when a run is requested (requestGemm / requestLlm); a run
// applies its outcome only if its inputs are still the ones on screen and nothing newer waits.
async function runGemm(s: Scenario): Promise<void> {
  const key = gemmInputsKey(s);
  const current = () => gemmInputsKey(useStore.getState().scenario) === key && !gemmQueue.state().waiting;
  if (!current()) return; // superseded while it waited
  try {
    const out = await callEngine(
      'systolic',
      (e, progress) => e.runGemm(s.gemm, progress),
      (f) => current() && useStore.setState({ gemmProgress: f }),
    );
    if (!current()) return;
    if (out.ok) {
      const st = useStore.getState();
      if (st.scenario.view.cycle > out.value.result.cycles) st.setCycle(out.value.result.cycles);
      useStore.setState({ gemmStatus: 'done', gemmRun: out.value, gemmProgress: 1 });
    } else if (out.cancelled) {
      // By the user (status already says so) or by another caller's run (compare's A).
      if (useStore.getState().gemmStatus === 'running') useStore.setState({ gemmStatus: 'cancelled' });
    } else useStore.setState({ gemmStatus: 'error', gemmError: out.message });
  } catch (e) {
    if (current()) useStore.setState({ gemmStatus: 'error', gemmError: message(e) });
  }
}

async function runLlm(s: Scenario): Promise<void> {
  const key = llmInputsKey(s);
  const current = () => llmInputsKey(useStore.getState().scenario) === key && !llmQueue.state().waiting;
  if (!current()) return;
  try {
    // The networks' links and events only when the interconnect panel is on screen; opened later,
    // it asks for them itself (panels/interconnect/useNetworks.ts).
    const out = await callEngine('llm', (e) => e.runLlm(s, SCREEN_LANE, s.view.panel === 'interconnect'));
    if (!current()) return;
    if (out.ok) useStore.setState({ llmStatus: 'done', llmResult: out.value });
    else if (!out.cancelled) useStore.setState({ llmStatus: 'error', llmError: out.message });
  } catch (e) {
    if (current()) useStore.setState({ llmStatus: 'error', llmError: message(e) });
  }
}

// A superseded run stops early: a GEMM at its next chunk, an LLM run at its next phase
// boundary, so a slider drag never waits behind a full simulation of a value already left.
const cancelInFlightGemm = () => void callEngine('systolic', (e) => e.cancelGemm()).catch(() => undefined);
const SCREEN_LANE = 'screen';
const cancelInFlightLlm = () => void callEngine('llm', (e) => e.cancelLlm(SCREEN_LANE)).catch(() => undefined);
const gemmQueue = latestOnly(runGemm, (q) => setQueue('systolic', q), cancelInFlightGemm);
const llmQueue = latestOnly(runLlm, (q) => setQueue('llm', q), cancelInFlightLlm);

function requestGemm(s: Scenario): void {
  useStore.setState({ gemmStatus: 'running', gemmProgress: 0, gemmError: null });
  gemmQueue.submit(s);
}
function requestLlm(s: Scenario): void {
  useStore.setState({ llmStatus: 'running', llmError: null });
  llmQueue.submit(s);
}

export function cancelGemm(): void {
  cancelInFlightGemm();
  useStore.setState({ gemmStatus: 'cancelled' });
}

/** Retry after an engine fault: a fresh worker for that engine, which runs the scenario on screen again. */
export function retryEngine(kind: EngineKind): void {
  restartEngine(kind);
  const s = useStore.getState().scenario;
  if (kind === 'systolic') requestGemm(s);
  else requestLlm(s);
}

/** Starts the sync; returns a function that stops it. */
export function startRunner(): () => void {
  const first = useStore.getState().scenario;
  requestLlm(first);
  // Off the dataflow panel the first GEMM waits for the first LLM answer: on a 2-core machine
  // its worker would otherwise compete with the numbers the user is looking at.
  let gemmStarted = first.view.panel === 'dataflow';
  if (gemmStarted) requestGemm(first);
  return useStore.subscribe((state, prev) => {
    const s = state.scenario;
    const p = prev.scenario;
    if (!gemmStarted && (s.view.panel === 'dataflow' || state.llmStatus !== 'running')) {
      gemmStarted = true;
      requestGemm(s);
    } else if (gemmStarted && s.gemm !== p.gemm) requestGemm(s);
    if (s.llm !== p.llm || s.lpu !== p.lpu || s.gpu !== p.gpu) requestLlm(s);
  });
}
