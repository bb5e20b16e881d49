// The systolic-array panel: the animated array with its playback controls and live SRAM
// counters, the per-PE utilisation map, the run's figures beside SCALE-Sim's, and the
// operands and output of small GEMMs. Shows the last valid run while a new one computes.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { ArrayCanvas } from './ArrayCanvas';
import { Transport } from './Transport';
import { HeatMap } from './HeatMap';
import { ResultSummary } from './ResultSummary';
import { MatrixView } from './MatrixView';
import { RunBar } from './RunBar';
import { Legend } from './Legend';
import { CycleModelDetails } from './CycleModelDetails';
import { flowRoles } from './flowRoles';
import { runInputs } from './runScenario';
import './dataflow.css';

export function DataflowPanel() {
  const { run, gemm } = useStore(useShallow((s) => ({ run: s.gemmRun, gemm: s.scenario.gemm })));
  const hidden = useStore((s) => s.scenario.classroom.hidden.includes('dataflow'));
  if (hidden) return null;
  const inputs = run ? runInputs(run, gemm) : null;
  return (
    <section className="panel df-panel" id="panel-dataflow" data-panel="dataflow" aria-label="Systolic array dataflow">
      <h2>
        Systolic array{' '}
        {run ? (
          <span className="muted df-shape" data-testid="shown-shape">
            {run.result.rows} x {run.result.cols} PEs, {run.result.dataflow}, M={run.result.m} K={run.result.k} N={run.result.n}
          </span>
        ) : null}
      </h2>
      <RunBar hasResult={run !== null} />
      {!run || !inputs ? (
        <p className="muted">Computing the first run…</p>
      ) : (
        <>
          <p className="df-summary-line">{flowRoles(run.result.dataflow).summary}</p>
          <Transport total={run.result.cycles} />
          <ArrayCanvas key={`${run.result.rows}x${run.result.cols}`} gemm={inputs} result={run.result} />
          <Legend dataflow={run.result.dataflow} />
          <div className="df-lower">
            <HeatMap result={run.result} />
            <ResultSummary result={run.result} />
          </div>
          <MatrixView result={run.result} matrices={run.matrices} />
          <CycleModelDetails />
        </>
      )}
    </section>
  );
}
