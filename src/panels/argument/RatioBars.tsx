// Both machines on one linear scale per figure, labelled directly: the ratio the headline states
// is the ratio of the bars' lengths (a linear axis from zero keeps it honest). HTML bars, so the
// labels keep the page's type size at any width.
import { scaleLinear } from 'd3';
import type { MachineResult } from '../../engine/types';
import type { MetricRow } from '../latency/metricRows';

export interface RatioFigure {
  row: MetricRow;
  value: (m: MachineResult) => number;
  better: 'higher' | 'lower';
}

/** The longer bar's share of the row (its label sits above it, so the bar may take it all). */
const MAX_WIDTH_PCT = 100;

export function RatioBars({ lpu, gpu, figures }: { lpu: MachineResult; gpu: MachineResult; figures: RatioFigure[] }) {
  return (
    <div className="arg-bars" data-testid="arg-bars">
      {figures.map((f) => {
        const x = scaleLinear()
          .domain([0, Math.max(f.value(lpu), f.value(gpu))])
          .range([0, MAX_WIDTH_PCT]);
        return (
          <figure key={f.row.key} className="arg-bar-figure">
            <figcaption>
              {f.row.label} <span className="muted">({f.better} is better)</span>
            </figcaption>
            {[lpu, gpu].map((m, i) => (
              <div key={m.machine} className="arg-bar-row">
                <span className="arg-bar-label">
                  {i === 0 ? 'SRAM-only' : 'GPUs'} {f.row.show(m)}
                </span>
                <span
                  className={`arg-bar ${i === 0 ? 'lpu' : 'gpu'}`}
                  style={{ width: `${x(f.value(m))}%` }}
                  data-testid={`arg-bar-${f.row.key}-${i === 0 ? 'lpu' : 'gpu'}`}
                />
              </div>
            ))}
          </figure>
        );
      })}
    </div>
  );
}
