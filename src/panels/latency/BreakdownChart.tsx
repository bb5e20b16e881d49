// Where the time of one decode step goes, per machine: compute, memory, network, overhead.
import { scaleBand, scaleLinear } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { BottomAxis, type Margins } from './chart';

const PARTS = [
  ['computeMs', 'compute', 'var(--c-blue)', 'Math on the chip at its sustained fraction of peak'],
  ['memoryMs', 'memory', 'var(--c-orange)', 'Reading weights and KV cache from SRAM / HBM at the sustained bandwidth'],
  ['networkMs', 'network', 'var(--c-green)', 'Chip-to-chip transfers on the critical path (activations between stages, all-reduces)'],
  ['overheadMs', 'overhead', 'var(--c-grey)', 'Kernel launches and framework gaps (GPU); fixed pipeline costs'],
] as const;

const W = 560;
const H = 130;
const M: Margins = { top: 8, right: 60, bottom: 42, left: 110 };

export function BreakdownChart({ machines }: { machines: MachineResult[] }) {
  const fit = machines.filter((m) => m.fits);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const total = (m: MachineResult) => PARTS.reduce((s, [k]) => s + m.breakdown[k], 0);
  const x = scaleLinear()
    .domain([0, Math.max(1e-6, ...fit.map(total))])
    .range([0, iw])
    .nice();
  const y = scaleBand<string>().domain(fit.map((m) => m.machine)).range([0, ih]).padding(0.3);
  return (
    <figure className="chart" data-highlight="latency-breakdown">
      <div className="chart-legend">
        {PARTS.map(([, name, colour, how]) => (
          <span key={name} title={how}>
            <i className="sw" style={{ background: colour }} />
            {name}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Breakdown of one decode step per machine" data-testid="breakdown-chart">
        <g transform={`translate(${M.left},${M.top})`}>
          {fit.map((m) => {
            let acc = 0;
            const yy = y(m.machine) ?? 0;
            return (
              <g key={m.machine}>
                <text className="bar-label" x={-8} y={yy + y.bandwidth() / 2} dy="0.32em" textAnchor="end">
                  {m.name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '')}
                </text>
                {PARTS.map(([k, name, colour, how]) => {
                  const v = m.breakdown[k];
                  const x0 = acc;
                  acc += v;
                  return (
                    <rect key={k} x={x(x0)} y={yy} width={Math.max(0, x(acc) - x(x0))} height={y.bandwidth()} fill={colour}>
                      <title>{`${name}: ${formatMs(v)} of ${formatMs(total(m))} per decode step. ${how}`}</title>
                    </rect>
                  );
                })}
                <text className="bar-value" x={x(acc) + 4} y={yy + y.bandwidth() / 2} dy="0.32em">
                  {formatMs(acc)}
                </text>
              </g>
            );
          })}
          <g transform={`translate(0,${ih})`}>
            <BottomAxis scale={x} ticks={5} format={(v) => formatMs(v)} label="time of one decode step (stacked)" length={iw} />
          </g>
        </g>
      </svg>
    </figure>
  );
}
