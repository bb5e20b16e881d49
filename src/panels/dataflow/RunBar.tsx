// Run status: progress and Cancel for long runs, the error if the engine failed.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { cancelGemm } from '../../store/runner';
import { formatPercent } from '../../ui/format';
import { EngineError } from '../../ui/EngineError';

export function RunBar({ hasResult }: { hasResult: boolean }) {
  const { status, progress } = useStore(useShallow((s) => ({ status: s.gemmStatus, progress: s.gemmProgress })));
  if (status === 'running') {
    return (
      <div className="df-runbar" role="status" data-testid="run-status">
        <span>Simulating{hasResult ? ' (the previous result stays on screen until this one is done)' : ''}…</span>
        <progress max={1} value={progress} aria-label="Simulation progress" />
        <span>{formatPercent(progress)}</span>
        <button type="button" className="btn" onClick={cancelGemm} data-testid="cancel-run">
          Cancel
        </button>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="df-runbar df-error" data-testid="run-status">
        <EngineError kind="systolic" />
      </div>
    );
  }
  if (status === 'cancelled') {
    return (
      <div className="df-runbar" role="status" data-testid="run-status">
        Run cancelled{hasResult ? '; showing the previous result' : ''}. Change a control to run again.
      </div>
    );
  }
  return null;
}
