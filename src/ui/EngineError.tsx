// What failed in an engine, and a Retry that starts fresh workers without a reload (the
// scenario on screen is kept and runs again).
import { useStore } from '../store/store';
import { retryEngines } from '../store/runner';
import type { EngineKind } from '../worker/client';

const ENGINE_NAMES: Record<EngineKind, string> = { systolic: 'systolic-array engine', llm: 'LLM engine' };

export function EngineError({ kind }: { kind: EngineKind }) {
  const error = useStore((s) => (kind === 'llm' ? s.llmError : s.gemmError));
  if (!error) return null;
  return (
    <div className="no-fit engine-error" role="alert" data-testid={`engine-error-${kind}`}>
      Engine error: the {ENGINE_NAMES[kind]} failed: {error}.{' '}
      <button type="button" className="btn" onClick={retryEngines} data-testid="engine-retry">
        Retry
      </button>{' '}
      <span className="muted">Starts a fresh engine; your settings stay.</span>
    </div>
  );
}
