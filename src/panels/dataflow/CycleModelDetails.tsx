// The cycle model (how cycles, folds and SRAM counts are defined, and why they differ
// from SCALE-Sim's), readable in the app; the same file is in the repository.
import cycleModel from '../../../docs/cycle-model.md?raw';
import { CYCLE_MODEL_PATH } from './cycleModelDoc';

export function CycleModelDetails() {
  return (
    <details className="df-doc" id="cycle-model">
      <summary>
        The cycle model: how cycles, folds and SRAM accesses are counted, and every difference from SCALE-Sim (
        <code>{CYCLE_MODEL_PATH}</code> in the repository)
      </summary>
      <pre className="df-doc-text" data-testid="cycle-model-doc">
        {cycleModel}
      </pre>
    </details>
  );
}
