// Batch-size sweep as a Pareto curve: the experience (tokens/s per user, x) against the
// economics (tokens/s per chip, per dollar-hour or per watt, y), one curve per machine.
import { useState } from 'react';
import { extent, line, scaleLog } from 'd3';
import type { SweepPoint } from '../../engine/types';
import type { SweepMachine } from '../../scenario/types';
import { formatNumber } from '../../ui/format';
import { HowToggle } from '../../ui/HowToggle';
import {
  axisLabelExtra,
  BottomAxis,
  LeftAxis,
  MACHINE_COLOUR,
  machineKey,
  type Margins,
  shortName,
  textWidth,
  TOUR_RING_R,
  TourNote,
  useChartFrame,
  wrapText,
} from './chart';
import { placeLabels, type Box, type LabelRequest } from './labelPlace';
import { paretoFrontier, type SweepMetric } from './ratios';
import { useTourStepOn } from './tourStep';

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
  const step = useTourStepOn('latency-sweep');
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
  const curves = machines.map((mc) => ({
    mc,
    pts: fit.filter((p) => p.machine === mc).sort((a, b) => a.batch - b.batch),
  }));
  const ghostCurves = ghostMachines.map((mc) => ({
    mc,
    pts: ghostFit.filter((p) => p.machine === mc).sort((a, b) => a.batch - b.batch),
  }));
  const at = (p: SweepPoint): [number, number] => [x(p.tokensPerSecondPerUser), y(p[metric])];
  // The tour's point: along each curve the step names, the smallest and largest batch that fit.
  const marks = (step?.facts ?? []).flatMap((f) => {
    if (f.kind !== 'sweepTrade') return [];
    const c = curves.find((cc) => machineKey(cc.mc) === f.machine);
    if (!c || c.pts.length < 2) return [];
    const [lo, hi] = [c.pts[0], c.pts[c.pts.length - 1]];
    const name = shortName(names[c.mc] ?? c.mc);
    return [
      {
        mc: c.mc,
        ends: [lo, hi],
        text: `${name} from batch ${lo.batch} to ${hi.batch}: ${formatNumber(lo.tokensPerSecondPerUser, '')} → ${formatNumber(hi.tokensPerSecondPerUser, 'tokens/s per user')}, ${formatNumber(lo[metric], '')} → ${formatNumber(hi[metric], meta.unit)}`,
      },
    ];
  });
  const marked = new Set(marks.flatMap((mk) => mk.ends.map((p) => `${mk.mc}-${p.batch}`)));
  const labels = layoutLabels();

  /** Each point's batch beside it, clear of the other labels, the markers and the curves (labelPlace.ts). */
  function layoutLabels() {
    const h = px * 1.2;
    const marker = 6;
    // A point the tour rings is as big as its ring.
    const size = (mc: string, p: SweepPoint) => (marked.has(`${mc}-${p.batch}`) ? TOUR_RING_R + 1 : marker);
    const reqs: LabelRequest[] = curves.flatMap(({ mc, pts }) =>
      pts.map((p) => {
        const [ax, ay] = at(p);
        return {
          id: `${mc}-${p.batch}`,
          ax,
          ay,
          w: textWidth(String(p.batch), px),
          h,
          gap: size(mc, p) + 2,
          // level with the point first: in a dense column a diagonal label sits beside the next point
          prefer: ['e', 'w', 'ne', 'nw', 'se', 'sw'],
        };
      }),
    );
    const markers: Box[] = [...curves, ...ghostCurves].flatMap(({ mc, pts }) =>
      pts.map((p) => {
        const [cx, cy] = at(p);
        const r = size(mc, p);
        return { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r };
      }),
    );
    const lines = [...curves, ...ghostCurves].map(({ pts }) => pts.map(at));
    const placed = placeLabels(reqs, { bounds: { x: 0, y: 0, w: iw, h: ih }, boxes: markers, lines, pad: 1 });
    return new Map(placed.map((l) => [l.id, { ...l, baseline: l.y + px * 0.95 }]));
  }

  const noteLine = px * 1.3;
  const noteLines = marks.length ? wrapText(`Tour: ${marks.map((m) => m.text).join('; ')}.`, px, W - M.left - 4) : [];
  const axisH = M.bottom + axisLabelExtra(X_LABEL, iw, k);
  // a wrapped x-axis label (and the tour's note) make the chart taller, not the plot shorter
  const H = Math.round(M.top + ih + axisH + (noteLines.length ? noteLines.length * noteLine + px * 0.5 : 0));

  return (
    <figure
      className="chart"
      data-highlight="latency-sweep"
      data-chart="latency-sweep"
      data-chart-name="Batch sweep: speed per user vs throughput"
    >
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
          {ghostCurves.map(({ mc, pts }) => {
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
          {curves.map(({ mc, pts }) => {
            const frontier = new Set(paretoFrontier(pts, metric));
            const colour = MACHINE_COLOUR[machineKey(mc)];
            return (
              <g key={mc} data-machine={mc}>
                <path d={path(pts) ?? ''} fill="none" stroke={colour} strokeWidth={2} />
                {pts.map((p) => {
                  const [cx, cy] = at(p);
                  const l = labels.get(`${mc}-${p.batch}`);
                  return (
                    <g key={p.batch}>
                      <circle
                        className="sweep-point"
                        data-testid="sweep-point"
                        data-machine={mc}
                        data-batch={p.batch}
                        data-x={p.tokensPerSecondPerUser}
                        data-y={p[metric]}
                        cx={cx}
                        cy={cy}
                        r={p.batch === batch ? 6 : 4}
                        fill={frontier.has(p) ? colour : '#fff'}
                        stroke={p.batch === batch ? 'var(--fg)' : colour}
                        strokeWidth={p.batch === batch ? 2.5 : 1.5}
                      />
                      {l ? (
                        <g data-label={l.id}>
                          {l.leader ? (
                            <line
                              className="label-leader"
                              x1={cx}
                              y1={cy}
                              x2={Math.min(Math.max(cx, l.x), l.x + l.w)}
                              y2={Math.min(Math.max(cy, l.y), l.y + l.h)}
                            />
                          ) : null}
                          <text className="point-label" x={l.x} y={l.baseline}>
                            {p.batch}
                          </text>
                        </g>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
          {marks.flatMap(({ mc, ends }) =>
            ends.map((p) => {
              const [cx, cy] = at(p);
              return (
                <circle
                  key={`mark-${mc}-${p.batch}`}
                  className="tour-mark"
                  data-testid="sweep-tour-mark"
                  data-machine={mc}
                  data-batch={p.batch}
                  cx={cx}
                  cy={cy}
                  r={TOUR_RING_R}
                  fill="none"
                />
              );
            }),
          )}
          <TourNote lines={noteLines} x={-M.left + 4} y={ih + axisH} line={noteLine} testId="sweep-tour-note" />
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
