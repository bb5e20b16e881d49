// The run's figures (with units and how each is computed) and SCALE-Sim's beside them.
import { HowToggle } from '../../ui/HowToggle';
import type { GemmResult } from '../../engine/types';
import { formatCount, formatPercent } from '../../ui/format';
import { compareWithScaleSim } from './scaleSimComparison';
import { CYCLE_MODEL_PATH } from './cycleModelDoc';

function Metric({ label, value, title, testId }: { label: string; value: string; title: string; testId: string }) {
  return (
    <div className="metric" title={title}>
      <div className="label">
        {label} <HowToggle text={title} what={label.toLowerCase()} />
      </div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Opens the cycle-model section below and scrolls to it. */
function openCycleModel(e: React.MouseEvent<HTMLAnchorElement>): void {
  const el = document.getElementById('cycle-model');
  if (!(el instanceof HTMLDetailsElement)) return;
  e.preventDefault(); // the URL hash carries the scenario
  el.open = true;
  el.scrollIntoView({ block: 'start' });
}

export function ResultSummary({ result }: { result: GemmResult }) {
  const r = result;
  const matches = r.outputMatchesReference;
  return (
    <section className="df-summary" aria-label="Results">
      <h3>Results</h3>
      <div className="metric-grid">
        <Metric
          label="Cycles"
          value={`${formatCount(r.cycles)} cycles`}
          testId="cycle-count"
          title="From the first operand entering the array to the last output written, summed over all folds."
        />
        <Metric
          label="Folds"
          value={`${formatCount(r.folds)} ${r.folds === 1 ? 'fold' : 'folds'}`}
          testId="folds"
          title="Tiles the GEMM is cut into because it is larger than the array: ceil(Sr / rows) x ceil(Sc / cols)."
        />
        <Metric label="Utilisation" value={formatPercent(r.utilization)} testId="utilization" title="MACs done / (rows x cols x cycles)." />
        <Metric
          label="Mapping efficiency"
          value={formatPercent(r.mappingEfficiency)}
          testId="mapping-efficiency"
          title="Mean over folds of the fraction of PEs that hold part of the GEMM."
        />
        <Metric label="MACs" value={`${formatCount(r.macs)} MACs`} testId="macs" title="M x K x N multiply-accumulates." />
        <Metric
          label="SRAM reads (A / B)"
          value={`${formatCount(r.sram.ifmapReads)} / ${formatCount(r.sram.filterReads)} elements`}
          testId="sram-reads"
          title="Elements read from the ifmap (A) and filter (B) SRAM buffers over the whole run."
        />
        <Metric
          label="ofmap SRAM writes / reads"
          value={`${formatCount(r.sram.ofmapWrites)} / ${formatCount(r.sram.ofmapReads)} elements`}
          testId="sram-ofmap"
          title="Outputs and partial sums written to the ofmap buffer, and partial sums read back to accumulate across folds of the reduction dimension."
        />
        <Metric
          label="Engine"
          value={r.engine === 'cycle' ? 'cycle-accurate stepping' : 'closed form'}
          testId="engine-kind"
          title="Small GEMMs are stepped cycle by cycle with real int8 operands; large ones use the closed form proven equal to the stepped engine."
        />
        <Metric
          label="Output matches reference"
          value={
            matches === undefined
              ? 'not checked (closed form)'
              : matches
                ? 'yes: equals a plain int32 matmul'
                : 'NO: differs from a plain matmul'
          }
          testId="output-matches"
          title="When stepped, the array's output is compared element by element with a plain int32 matrix multiply of the same operands."
        />
      </div>
      <h3>Ours vs SCALE-Sim v2</h3>
      <table className="data df-compare" data-testid="scalesim-table">
        <caption className="muted">
          SCALE-Sim v2 (v2.0.2) figures for the same array, dataflow and GEMM, as it reports them. Why they differ:{' '}
          <a href="#cycle-model" onClick={openCycleModel}>
            the cycle model
          </a>{' '}
          (<code>{CYCLE_MODEL_PATH}</code>).
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Ours</th>
            <th scope="col">SCALE-Sim</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {compareWithScaleSim(r).map((row) => (
            <tr key={row.id} data-testid={`compare-${row.id}`}>
              <th scope="row">{row.metric}</th>
              <td>{row.ours}</td>
              <td>{row.scalesim}</td>
              <td className={row.same ? 'muted df-note' : 'df-note'}>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
