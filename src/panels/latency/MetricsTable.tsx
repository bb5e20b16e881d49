// The two machines side by side: latency, throughput, cost and energy, each with its unit
// and a tooltip saying how the engine computed it.
import type { MachineResult } from '../../engine/types';
import { HowToggle } from '../../ui/HowToggle';
import { METRIC_ROWS } from './metricRows';

export function MetricsTable({ lpu, gpu }: { lpu: MachineResult; gpu: MachineResult }) {
  return (
    <table className="data metrics-table" data-testid="metrics-table" data-highlight="latency-metrics">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {[lpu, gpu].map((m) => (
            <th scope="col" key={m.machine}>
              {m.name}
              {m.software ? (
                <div className="muted small" data-testid={`software-${m.machine === 'lpu' ? 'lpu' : 'gpu'}`}>
                  {m.software}, {m.batching === 'continuous' ? 'continuous batching' : 'static batch'}
                </div>
              ) : null}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRIC_ROWS.map((r) => (
          <tr key={r.key} title={r.how}>
            <th scope="row">
              {r.label} <HowToggle text={r.how} what={r.label.toLowerCase()} />
            </th>
            {[lpu, gpu].map((m) => (
              <td key={m.machine} data-testid={`metric-${m.machine === 'lpu' ? 'lpu' : 'gpu'}-${r.key}`} className={m.fits ? '' : 'nofit'}>
                {m.fits || (r.key === 'chips' && m.chips > 0) ? r.show(m) : 'does not fit'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
