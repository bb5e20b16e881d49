// What failed in an engine, and a Retry that starts fresh workers without a reload (the
// scenario on screen is kept and runs again).
import { useStore } from '../store/store';
import { retryEngine } from '../store/runner';
import { ENGINE_NAMES, type EngineKind } from '../worker/client';

export function EngineError({ kind }: { kind: EngineKind }) {
  const error = useStore((s) => (kind === 'llm' ? s.llmError : s.gemmError));
  if (!error) return null;
  return (
    <div className="no-fit engine-error" role="alert" data-testid={`engine-error-${kind}`}>
      Engine error: the {ENGINE_NAMES[kind]} failed: {error}.{' '}
      <button type="button" className="btn" onClick={() => retryEngine(kind)} data-testid="engine-retry">
        Retry
      </button>{' '}
      <span className="muted">Starts a fresh engine; your settings stay.</span>
    </div>
  );
}
