// Latency & cost: both machines side by side, the talk's claims tested, the answer against the
// 250-300 ms budget, where the time goes, the batch sweep, the roofline and the calibration.
import { memo, useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { MetricsTable } from './MetricsTable';
import { ClaimsBox } from './ClaimsBox';
import { BudgetChart } from './BudgetChart';
import { BreakdownChart } from './BreakdownChart';
import { ParetoChart } from './ParetoChart';
import { RooflineChart } from './RooflineChart';
import { CalibrationTable } from './CalibrationTable';
import { RecordsTable } from './RecordsTable';
import { PairTable } from './PairTable';
import type { LlmResult } from '../../engine/types';
import './latency.css';
import { EngineError } from '../../ui/EngineError';

const anyFits = (r: LlmResult) => r.lpu.fits || r.gpu.fits;

/** In place of a chart with nothing on it: neither machine fits, so there are no times to draw. */
function NothingToDraw({ what = 'neither machine fits this workload' }: { what?: string }) {
  return (
    <p className="muted small" data-testid="chart-empty">
      Nothing to draw: {what}. See the messages above for the chips or GPUs it needs.
    </p>
  );
}

export function LatencyPanel() {
  const { result, status } = useStore(useShallow((s) => ({ result: s.llmResult, status: s.llmStatus })));
  // Compare's pinned A, drawn as a ghost behind B in the budget and sweep charts.
  const ghost = useStore((s) => s.pinned?.llm ?? null);
  return (
    <section className="panel latency-panel" data-panel="latency" id="panel-latency" data-status={status} aria-busy={status === 'running'}>
      <h2>
        Latency &amp; cost <span className="muted small">{status === 'running' ? '(computing…)' : null}</span>
      </h2>
      <EngineError kind="llm" />
      {!result ? <p className="muted">Waiting for the engine…</p> : <LatencyResult result={result} ghost={ghost} />}
    </section>
  );
}

/**
 * Everything drawn from one result. memo: a run's status changes (computing…, done) re-render
 * the heading only, not every chart, while the next result is on its way.
 */
const LatencyResult = memo(function LatencyResult({ result, ghost }: { result: LlmResult; ghost: LlmResult | null }) {
  // Labelled with the inputs the result was computed for, not the controls' newer values.
  const { batch } = result.inputs.llm;
  // The numbers first: on mount the charts and tables below wait for a background render after
  // the numbers are painted (their SVG text and layout cost ~100 ms on a 2-core machine); from
  // then on every result renders all of them at once.
  const charts = useDeferredValue(true, false);
  return (
    <>
      {[result.lpu, result.gpu]
        .filter((m) => !m.fits)
        .map((m) => (
          <div key={m.machine} className="no-fit" role="alert">
            {m.name} does not fit: {m.message ?? `needs ${m.chipsNeeded} chips`}
          </div>
        ))}
      <div className="lat-top">
        <div className="lat-card">
          <h3>Both machines, batch {batch}</h3>
          <MetricsTable lpu={result.lpu} gpu={result.gpu} />
        </div>
        <div className="lat-card">
          <h3>The talk's claims, tested</h3>
          <ClaimsBox lpu={result.lpu} gpu={result.gpu} chip={result.inputs.lpu.chip} />
        </div>
      </div>
      {result.disagg ? (
        <div className="lat-card">
          <h3>
            Disaggregated: {result.disagg.prefillName} prefills, {result.disagg.decodeName} decodes
          </h3>
          <PairTable pair={result.disagg} lpu={result.lpu} gpu={result.gpu} />
        </div>
      ) : null}
      {charts ? (
        <LatencyCharts result={result} ghost={ghost} />
      ) : (
        <p className="muted small" data-testid="charts-pending">
          Drawing the charts…
        </p>
      )}
    </>
  );
});

/** The charts and tables under the numbers, from the same result. */
function LatencyCharts({ result, ghost }: { result: LlmResult; ghost: LlmResult | null }) {
  const { batch, output, sweepMachine } = result.inputs.llm;
  const names = { [result.lpu.machine]: result.lpu.name, [result.gpu.machine]: result.gpu.name };
  return (
    <>
      <div className="lat-grid">
        <div className="lat-card">
          <h3>One answer against the budget</h3>
          {anyFits(result) ? (
            <BudgetChart machines={[result.lpu, result.gpu]} output={output} ghost={ghost ? [ghost.lpu, ghost.gpu] : null} />
          ) : (
            <NothingToDraw />
          )}
        </div>
        <div className="lat-card">
          <h3>Where one decode step's time goes</h3>
          {anyFits(result) ? <BreakdownChart machines={[result.lpu, result.gpu]} /> : <NothingToDraw />}
        </div>
        <div className="lat-card">
          <h3>Batch sweep: speed per user vs throughput</h3>
          {result.sweep.some((p) => p.fits) ? (
            <ParetoChart
              sweep={result.sweep}
              names={names}
              batch={batch}
              sweepMachine={sweepMachine}
              ghost={
                ghost ? { sweep: ghost.sweep, names: { [ghost.lpu.machine]: ghost.lpu.name, [ghost.gpu.machine]: ghost.gpu.name } } : null
              }
            />
          ) : (
            <NothingToDraw what="no batch size fits either machine" />
          )}
        </div>
        <div className="lat-card">
          <h3>Roofline</h3>
          {result.roofline.length > 0 ? <RooflineChart points={result.roofline} names={names} /> : <NothingToDraw />}
        </div>
      </div>
      <div className="lat-card">
        <RecordsTable />
      </div>
      <div className="lat-card">
        <h3>Calibration: published vs modelled</h3>
        <CalibrationTable />
      </div>
    </>
  );
}
