// Batch-size sweep as a Pareto curve: the experience (tokens/s per user, x) against the
// economics (tokens/s per chip, per dollar-hour or per watt, y), one curve per machine.
import { useState } from 'react';
import { extent, line, scaleLog } from 'd3';
import type { SweepPoint } from '../../engine/types';
import type { SweepMachine } from '../../scenario/types';
import { formatNumber } from '../../ui/format';
import { HowToggle } from '../../ui/HowToggle';
import { axisLabelExtra, BottomAxis, LeftAxis, MACHINE_COLOUR, machineKey, type Margins, useChartFrame } from './chart';
import { paretoFrontier, type SweepMetric } from './ratios';

const METRICS: { value: SweepMetric; label: string; unit: string; how: string }[] = [
  {
    value: 'tokensPerSecondPerChip',
    label: 'per chip',
    unit: 'decode tokens/s per chip',
    how: 'decode-only steady-state tokens/s ÷ chips',
  },
  {
    value: 'tokensPerSecondPerDollarHour',
    label: 'per dollar-hour',
    unit: 'decode tokens/s per $/h',
    how: 'decode-only steady-state tokens/s ÷ cost per hour (US$)',
  },
  {
    value: 'tokensPerSecondPerWatt',
    label: 'per watt',
    unit: 'decode tokens/s per W',
    how: 'decode-only steady-state tokens/s ÷ power (W) = tokens per joule',
  },
];

const X_LABEL = 'tokens/s per user (experience) →, log';

const BASE = { W: 620, H: 360, M: { top: 16, right: 24, bottom: 46, left: 64 } as Margins };

interface Props {
  sweep: SweepPoint[];
  names: Record<string, string>;
  batch: number;
  /** Compare's pinned A: its sweep, drawn dashed behind B's. */
  ghost?: { sweep: SweepPoint[]; names: Record<string, string> } | null;
  /** Whether the sweep keeps the scenario's machine or re-chooses the minimum per batch. */
  sweepMachine: SweepMachine;
}

export function ParetoChart({ sweep, names, batch, ghost, sweepMachine }: Props) {
  const frame = useChartFrame(BASE);
  const { W, M, k, px, ref } = frame;
  const iw0 = W - M.left - M.right;
  // a wrapped x-axis label makes the chart taller, not the plot shorter
  const H = frame.H + axisLabelExtra(X_LABEL, iw0, k);
  const [metric, setMetric] = useState<SweepMetric>('tokensPerSecondPerChip');
  const meta = METRICS.find((m) => m.value === metric) ?? METRICS[0];
  const drawable = (p: SweepPoint) => p.fits && p.tokensPerSecondPerUser > 0 && p[metric] > 0;
  const fit = sweep.filter(drawable);
  const ghostFit = ghost ? ghost.sweep.filter(drawable) : [];
  const ghostMachines = [...new Set(ghostFit.map((p) => p.machine))];
  const machines = [...new Set(sweep.map((p) => p.machine))];
  const iw = W - M.left - M.right;
  const ih = frame.H - M.top - M.bottom;
  const both = [...fit, ...ghostFit];
  const [x0, x1] = extent(both, (p) => p.tokensPerSecondPerUser) as [number, number] | [undefined, undefined];
  const [y0, y1] = extent(both, (p) => p[metric]) as [number, number] | [undefined, undefined];
  const x = scaleLog()
    .domain([(x0 ?? 1) / 1.5, (x1 ?? 10) * 1.5])
    .range([0, iw])
    .nice();
  const y = scaleLog()
    .domain([(y0 ?? 1) / 1.5, (y1 ?? 10) * 1.5])
    .range([ih, 0])
    .nice();
  const path = line<SweepPoint>()
    .x((p) => x(p.tokensPerSecondPerUser))
    .y((p) => y(p[metric]));

  return (
    <figure className="chart" data-chart="latency-sweep" data-chart-name="Batch sweep: speed per user vs throughput">
      <div className="toggle" role="radiogroup" aria-label="Throughput measured">
        <span className="muted small">y axis: decode-only tokens/s (steady state, static batch; no prefill)</span>
        {METRICS.map((m) => (
          <label key={m.value} className={metric === m.value ? 'on' : ''}>
            <input type="radio" name="pareto-metric" value={m.value} checked={metric === m.value} onChange={() => setMetric(m.value)} />{' '}
            {m.label}
          </label>
        ))}
      </div>
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Batch sweep: tokens/s per user against ${meta.unit}, one curve per machine`}
        data-testid="pareto-chart"
        data-metric={metric}
        style={{ fontSize: px }}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <g transform={`translate(0,${ih})`}>
            <BottomAxis
              room={[M.left, M.right]}
              k={k}
              scale={x}
              ticks={6}
              format={(v) => formatNumber(v, '')}
              label={X_LABEL}
              length={iw}
            />
          </g>
          <LeftAxis
            room={[M.top, M.bottom]}
            k={k}
            scale={y}
            ticks={6}
            format={(v) => formatNumber(v, '')}
            label={`${meta.unit} (economics) ↑, log`}
            length={ih}
          />
          {ghostMachines.map((mc) => {
            const pts = ghostFit.filter((p) => p.machine === mc).sort((a, b) => a.batch - b.batch);
            const colour = MACHINE_COLOUR[machineKey(mc)];
            return (
              <g key={`ghost-${mc}`} className="sweep-ghost" data-machine={mc} opacity={0.55}>
                <path d={path(pts) ?? ''} fill="none" stroke={colour} strokeWidth={1.5} strokeDasharray="5 4" />
                {pts.map((p) => (
                  <rect
                    key={p.batch}
                    data-testid="sweep-ghost-point"
                    data-machine={mc}
                    data-batch={p.batch}
                    data-x={p.tokensPerSecondPerUser}
                    data-y={p[metric]}
                    x={x(p.tokensPerSecondPerUser) - 3}
                    y={y(p[metric]) - 3}
                    width={6}
                    height={6}
                    fill="none"
                    stroke={colour}
                    strokeWidth={1.2}
                  />
                ))}
              </g>
            );
          })}
          {machines.map((mc) => {
            const pts = fit.filter((p) => p.machine === mc).sort((a, b) => a.batch - b.batch);
            const frontier = new Set(paretoFrontier(pts, metric));
            const colour = MACHINE_COLOUR[machineKey(mc)];
            return (
              <g key={mc} data-machine={mc}>
                <path d={path(pts) ?? ''} fill="none" stroke={colour} strokeWidth={2} />
                {pts.map((p) => (
                  <g key={p.batch} transform={`translate(${x(p.tokensPerSecondPerUser)},${y(p[metric])})`}>
                    <circle
                      className="sweep-point"
                      data-testid="sweep-point"
                      data-machine={mc}
                      data-batch={p.batch}
                      data-x={p.tokensPerSecondPerUser}
                      data-y={p[metric]}
                      r={p.batch === batch ? 6 : 4}
                      fill={frontier.has(p) ? colour : '#fff'}
                      stroke={p.batch === batch ? 'var(--fg)' : colour}
                      strokeWidth={p.batch === batch ? 2.5 : 1.5}
                    />
                    <text className="point-label" x={6} y={-6}>
                      {p.batch}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="caption">
        Each point is a static batch (its size beside it); the ringed point is the current batch. Bigger batches trade speed per user for
        throughput; filled points are on the Pareto frontier of their machine. Batches that do not fit are left out (
        {sweep.length - fit.length} of {sweep.length}).{' '}
        <span data-testid="sweep-machine">
          {sweepMachine === 'fixed'
            ? `The machine is the same at every batch: ${machines.map((mc) => `${names[mc] ?? mc} x ${sweep.find((p) => p.machine === mc && p.fits)?.chips ?? '-'}`).join(', ')}.`
            : `The minimum machine per batch: the chip count grows with the KV cache (${machines
                .map((mc) => {
                  const c = sweep.filter((p) => p.machine === mc && p.fits).map((p) => p.chips);
                  return `${names[mc] ?? mc} ${Math.min(...c)}-${Math.max(...c)}`;
                })
                .join(', ')}).`}
        </span>{' '}
        {machines.map((mc) => (
          <span key={mc} className="legend-item" data-legend-item="">
            <i className="sw" style={{ background: MACHINE_COLOUR[machineKey(mc)] }} />
            {names[mc] ?? mc}{' '}
          </span>
        ))}
        <HowToggle
          what="each point of the sweep"
          text={`y: ${meta.how}. ${machines
            .map(
              (mc) =>
                `${names[mc] ?? mc}: ${fit
                  .filter((p) => p.machine === mc)
                  .sort((a, b) => a.batch - b.batch)
                  .map(
                    (p) =>
                      `batch ${p.batch}, ${formatNumber(p.tokensPerSecondPerUser, 'tokens/s per user')}, ${formatNumber(p[metric], meta.unit)}`,
                  )
                  .join('; ')}`,
            )
            .join('. ')}.`}
        />{' '}
        {ghostFit.length > 0 ? (
          <span className="legend-item" data-testid="sweep-ghost-legend" data-legend-item="">
            <i className="sw" style={{ background: 'none', border: '1.5px dashed var(--fg)', boxSizing: 'border-box' }} />
            dashed, hollow squares: A (pinned; {ghostMachines.map((m) => ghost?.names[m] ?? m).join(', ')})
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
