// Roofline (log-log): each machine's roof, min(peak, intensity x bandwidth), and where its
// prefill and decode land. Decode at small batch sits far left: bandwidth-bound.
import { line, scaleLog } from 'd3';
import type { RooflinePoint } from '../../engine/types';
import { formatNumber } from '../../ui/format';
import { BottomAxis, LeftAxis, MACHINE_COLOUR, machineKey, MachineLegend, type Margins, useChartFrame } from './chart';
import { ridgeIntensity, rooflineTflops } from './ratios';

// Right margin leaves room for half of the last x tick label ("1,000,000").
const BASE = { W: 620, H: 360, M: { top: 16, right: 36, bottom: 46, left: 64 } as Margins };

export function RooflineChart({ points, names }: { points: RooflinePoint[]; names: Record<string, string> }) {
  const { W, H, M, k, ref } = useChartFrame(BASE);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const roofs = [...new Map(points.map((p) => [p.machine, p])).values()];
  const intensities = points.map((p) => p.intensity).concat(roofs.map(ridgeIntensity));
  const xMin = Math.max(0.01, Math.min(...intensities) / 4);
  const xMax = Math.max(...intensities) * 4;
  const yVals = points
    .map((p) => p.achievedTflops)
    .concat(
      roofs.map((r) => r.peakTflops),
      roofs.map((r) => rooflineTflops(r, xMin)),
    );
  const x = scaleLog().domain([xMin, xMax]).range([0, iw]).nice();
  const y = scaleLog()
    .domain([Math.max(1e-4, Math.min(...yVals) / 2), Math.max(...yVals) * 2])
    .range([ih, 0])
    .nice();
  const roofLine = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));
  const [dx0, dx1] = x.domain();

  return (
    <figure className="chart" data-chart="roofline" data-chart-name="Roofline">
      <MachineLegend machines={Object.entries(names).map(([machine, name]) => ({ machine, name }))} />
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Roofline of both machines with prefill and decode placed"
        data-testid="roofline-chart"
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <g transform={`translate(0,${ih})`}>
            <BottomAxis
              k={k}
              scale={x}
              ticks={6}
              format={(v) => formatNumber(v, '')}
              label="arithmetic intensity (FLOP per byte of weight memory), log"
              length={iw}
            />
          </g>
          <LeftAxis k={k} scale={y} ticks={6} format={(v) => formatNumber(v, '')} label="TFLOP/s, log" length={ih} />
          {roofs.map((r) => {
            const ridge = ridgeIntensity(r);
            const pts: [number, number][] = [
              [dx0, rooflineTflops(r, dx0)],
              [Math.min(Math.max(ridge, dx0), dx1), rooflineTflops(r, Math.min(Math.max(ridge, dx0), dx1))],
              [dx1, rooflineTflops(r, dx1)],
            ];
            return (
              <path
                key={r.machine}
                d={roofLine(pts) ?? ''}
                fill="none"
                stroke={MACHINE_COLOUR[machineKey(r.machine)]}
                strokeWidth={2}
                strokeDasharray="6 3"
              >
                <title>{`${names[r.machine] ?? r.machine} roof: min(${formatNumber(r.peakTflops, 'TFLOP/s')} peak, intensity x ${formatNumber(r.bandwidthTBps, 'TB/s')}); ridge at ${formatNumber(ridge, 'FLOP/B')}`}</title>
              </path>
            );
          })}
          {points.map((p) => (
            <g key={`${p.machine}-${p.phase}`} transform={`translate(${x(p.intensity)},${y(p.achievedTflops)})`}>
              {p.phase === 'prefill' ? (
                <rect
                  className="roof-point"
                  data-testid="roof-point"
                  data-machine={p.machine}
                  data-phase={p.phase}
                  x={-5}
                  y={-5}
                  width={10}
                  height={10}
                  fill={MACHINE_COLOUR[machineKey(p.machine)]}
                  stroke="#000"
                >
                  <title>{tip(p, names)}</title>
                </rect>
              ) : (
                <circle
                  className="roof-point"
                  data-testid="roof-point"
                  data-machine={p.machine}
                  data-phase={p.phase}
                  r={6}
                  fill={MACHINE_COLOUR[machineKey(p.machine)]}
                  stroke="#000"
                >
                  <title>{tip(p, names)}</title>
                </circle>
              )}
              {/* SRAM machine labelled to the left, GPU to the right: their decode points can coincide. */}
              <text
                className="point-label"
                x={machineKey(p.machine) === 'lpu' ? -9 : 9}
                y={p.phase === 'prefill' ? -9 : 16}
                textAnchor={machineKey(p.machine) === 'lpu' ? 'end' : 'start'}
              >
                {shortName(names[p.machine] ?? p.machine)} {p.phase}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="caption">
        Dashed: each machine's roof (weight memory bandwidth × intensity, capped at peak compute). Square: prefill (many tokens per weight
        read, compute-bound); circle: decode (one token per user per weight read, bandwidth-bound at small batch). The SRAM machine's roof
        starts higher because it reads weights from the on-chip SRAM of every chip at once. Why each point sits below its roof, from the
        model&apos;s own breakdown of that step:
      </figcaption>
      <ul className="roof-why small" data-testid="roof-why">
        {points.map((p) => (
          <li key={`${p.machine}-${p.phase}`} data-machine={p.machine} data-phase={p.phase}>
            {whyBelow(p, names)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One sentence per point: how far below the roof, and what the step's time went to. */
export function whyBelow(p: RooflinePoint, names: Record<string, string>): string {
  const w = p.why;
  const lpu = machineKey(p.machine) === 'lpu';
  const parts = [
    w.memoryShare > 0.005
      ? `memory streams ${pct(w.memoryShare)} (at ${w.streamEfficiency} of the quoted ${lpu ? 'SRAM' : 'HBM'} bandwidth, fitted)`
      : '',
    w.computeShare > 0.005 ? `compute ${pct(w.computeShare)}` : '',
    w.networkShare > 0.005 ? `network ${pct(w.networkShare)}` : '',
    w.fixedShare > 0.005
      ? `fixed times ${pct(w.fixedShare)} (${lpu ? 'per layer: vector work, synchronisation, slack; fitted' : "the stack's launch gaps, all-reduce and request set-up"})`
      : '',
  ].filter(Boolean);
  const hidden = w.hiddenComputeShare > 0.005 ? `; math worth ${pct(w.hiddenComputeShare)} of the step ran hidden under memory` : '';
  const idle =
    w.stages > 1 && w.busyStages < w.stages
      ? `; only ${w.busyStages} of ${w.stages} pipeline stages busy at once, so the roof of all chips is out of reach`
      : '';
  return `${shortName(names[p.machine] ?? p.machine)} ${p.phase}: ${formatNumber(w.timeMs / Math.max(w.roofMs, 1e-12), '×')} the time the roof allows (${formatNumber(w.timeMs, 'ms')} against ${formatNumber(w.roofMs, 'ms')}). Of the step: ${parts.join(', ')}${hidden}${idle}.`;
}

function tip(p: RooflinePoint, names: Record<string, string>): string {
  return `${names[p.machine] ?? p.machine} ${p.phase}: ${formatNumber(p.intensity, 'FLOP/B')}, achieved ${formatNumber(p.achievedTflops, 'TFLOP/s')} of ${formatNumber(p.peakTflops, 'TFLOP/s')} peak; bandwidth ${formatNumber(p.bandwidthTBps, 'TB/s')}`;
}

function shortName(name: string): string {
  return name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '');
}
