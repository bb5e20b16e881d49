// Computes compare's pinned A when it arrives without results (from a link, or after a
// reload). The LLM model runs at once; the GEMM reuses B's result when A's GEMM inputs are
// B's, else waits until B's GEMM is not running (a GEMM run cancels the one in flight)
// and is retried if B's next run cancels it.
import { useStore, type PinnedScenario } from '../../store/store';
import { callEngine } from '../../worker/client';
import type { Scenario } from '../../scenario/types';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Updates A's results if A is still the scenario they were computed for. */
function patchPinned(s: Scenario, patch: Partial<PinnedScenario>): void {
  const p = useStore.getState().pinned;
  if (p && p.scenario === s) useStore.setState({ pinned: { ...p, ...patch } });
}

export function startPinnedRunner(): () => void {
  let llmFor: Scenario | null = null;
  let gemmFor: Scenario | null = null;

  const step = () => {
    const st = useStore.getState();
    const p = st.pinned;
    if (!p) return;
    const s = p.scenario;
    if (p.llm === null && !p.error && llmFor !== s) {
      llmFor = s;
      void callEngine('llm', (e) => e.runLlm(s))
        .then((out) => patchPinned(s, out.ok ? { llm: out.value } : { error: out.message }))
        .catch((e: unknown) => patchPinned(s, { error: String(e) }));
    }
    if (p.gemm === null && !p.error && gemmFor !== s) {
      if (same(s.gemm, st.scenario.gemm) && st.gemmRun && st.gemmStatus === 'done') {
        patchPinned(s, { gemm: st.gemmRun.result });
        return;
      }
      if (st.gemmStatus === 'running') return;
      gemmFor = s;
      void callEngine(
        'systolic',
        (e, progress) => e.runGemm(s.gemm, progress),
        () => undefined,
      )
        .then((out) => {
          if (out.ok) patchPinned(s, { gemm: out.value.result });
          else if (!out.cancelled) patchPinned(s, { error: out.message });
          else if (gemmFor === s) gemmFor = null; // cancelled by B's run: try again later
          step();
        })
        .catch((e: unknown) => patchPinned(s, { error: String(e) }));
    }
  };

  step();
  return useStore.subscribe((state, prev) => {
    if (state.pinned !== prev.pinned || state.gemmStatus !== prev.gemmStatus) step();
  });
}
