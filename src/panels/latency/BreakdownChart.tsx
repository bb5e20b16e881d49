// Where the time of one decode step goes, per machine: compute, memory, network, overhead.
import { scaleBand, scaleLinear } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { BottomAxis, type Margins, useChartFrame } from './chart';

const PARTS = [
  [
    'computeMs',
    'compute-bound',
    'var(--c-blue)',
    'Tasks whose math takes longer than their memory stream, at the sustained fraction of peak',
  ],
  [
    'memoryMs',
    'memory-bound',
    'var(--c-orange)',
    'Tasks whose weight / KV-cache / activation stream takes longer than their math, at the sustained bandwidth; the math they hide is named beside the bar',
  ],
  ['networkMs', 'network', 'var(--c-green)', 'Chip-to-chip transfers on the critical path (activations between stages, all-reduces)'],
  [
    'overheadMs',
    'fixed times',
    'var(--c-grey)',
    "GPU: the serving stack's launch gaps per layer and fixed time per all-reduce; SRAM machine: the fitted fixed time per layer (vector work, synchronisation, slack)",
  ],
] as const;

const BASE = { W: 560, H: 150, M: { top: 8, right: 60, bottom: 42, left: 110 } as Margins };

export function BreakdownChart({ machines }: { machines: MachineResult[] }) {
  const { W, H, M, k, ref } = useChartFrame(BASE);
  const fit = machines.filter((m) => m.fits);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const total = (m: MachineResult) => PARTS.reduce((s, [part]) => s + m.breakdown[part], 0);
  const x = scaleLinear()
    .domain([0, Math.max(1e-6, ...fit.map(total))])
    .range([0, iw])
    .nice();
  const y = scaleBand<string>()
    .domain(fit.map((m) => m.machine))
    .range([0, ih])
    .padding(0.3);
  return (
    <figure
      className="chart"
      data-highlight="latency-breakdown"
      data-chart="decode-breakdown"
      data-chart-name="Where one decode step's time goes"
    >
      <div className="chart-legend">
        {PARTS.map(([, name, colour, how]) => (
          <span key={name} title={how} data-legend-item="">
            <i className="sw" style={{ background: colour }} />
            {name}
          </span>
        ))}
      </div>
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Breakdown of one decode step per machine"
        data-testid="breakdown-chart"
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {fit.map((m) => {
            let acc = 0;
            const yy = y(m.machine) ?? 0;
            return (
              <g key={m.machine}>
                <text className="bar-label" x={-8} y={yy + y.bandwidth() / 2} dy="0.32em" textAnchor="end">
                  {m.name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '')}
                </text>
                {PARTS.map(([part, name, colour, how]) => {
                  const v = m.breakdown[part];
                  const x0 = acc;
                  acc += v;
                  // a part that took no time is not drawn (nor named as 0 ms): hidden math is named beside the bar
                  if (v <= 0) return null;
                  return (
                    <rect key={part} x={x(x0)} y={yy} width={Math.max(0, x(acc) - x(x0))} height={y.bandwidth()} fill={colour}>
                      <title>{`${name}: ${formatMs(v)} of ${formatMs(total(m))} per decode step. ${how}`}</title>
                    </rect>
                  );
                })}
                <text className="bar-value" x={x(acc) + 4} y={yy + y.bandwidth() / 2} dy="0.32em">
                  {formatMs(acc)}
                </text>
                {(m.breakdown.hiddenComputeMs ?? 0) > 0 && m.breakdown.memoryMs > 0 ? (
                  <text
                    className="bar-note"
                    data-testid="hidden-compute"
                    data-machine={m.machine}
                    x={x(m.breakdown.computeMs)}
                    y={yy + y.bandwidth() + 10 * k}
                  >
                    memory-bound part hides {formatMs(m.breakdown.hiddenComputeMs ?? 0)} of math
                  </text>
                ) : null}
              </g>
            );
          })}
          <g transform={`translate(0,${ih})`}>
            <BottomAxis k={k} scale={x} ticks={5} format={(v) => formatMs(v)} label="time of one decode step (stacked)" length={iw} />
          </g>
        </g>
      </svg>
    </figure>
  );
}
