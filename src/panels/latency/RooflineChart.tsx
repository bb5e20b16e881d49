// Roofline (log-log): each machine's roof, min(peak, intensity x bandwidth), and where its
// prefill and decode land. Decode at small batch sits far left: bandwidth-bound.
import { line, scaleLog } from 'd3';
import type { RooflinePoint } from '../../engine/types';
import { formatNumber } from '../../ui/format';
import { HowToggle } from '../../ui/HowToggle';
import {
  axisLabelExtra,
  BottomAxis,
  LeftAxis,
  MACHINE_COLOUR,
  machineKey,
  MachineLegend,
  type Margins,
  shortName,
  textWidth,
  TOUR_RING_R,
  TourNote,
  useChartFrame,
  wrapText,
} from './chart';
import { placeLabels, type Box, type LabelRequest } from './labelPlace';
import { ridgeIntensity, rooflineTflops } from '../../engine/llm/metrics';
import { useTourStepOn } from './tourStep';

// Right margin leaves room for half of the last x tick label ("1,000,000").
const X_LABEL = 'arithmetic intensity (FLOP per byte of weight memory), log';

const BASE = { W: 620, H: 360, M: { top: 16, right: 36, bottom: 46, left: 74 } as Margins };

export function RooflineChart({ points, names }: { points: RooflinePoint[]; names: Record<string, string> }) {
  const frame = useChartFrame(BASE);
  const { W, M, k, px, ref } = frame;
  const iw = W - M.left - M.right;
  const ih = frame.H - M.top - M.bottom;
  // The tour's point: each phase the step says is memory-bound, with the intensities the engine computed.
  const step = useTourStepOn('latency-roofline');
  const marks = (step?.facts ?? []).flatMap((f) => {
    if (f.kind !== 'leftOfRidge') return [];
    const p = points.find((pp) => machineKey(pp.machine) === f.machine && pp.phase === f.phase);
    if (!p) return [];
    const name = shortName(names[p.machine] ?? p.machine);
    return [
      {
        p,
        text: `${name} ${p.phase} at ${formatNumber(p.intensity, 'FLOP/B')}, left of its ridge at ${formatNumber(ridgeIntensity(p), 'FLOP/B')}: bound by memory bandwidth`,
      },
    ];
  });
  const noteLine = px * 1.3;
  const noteLines = marks.length ? wrapText(`Tour: ${marks.map((m) => m.text).join('; ')}.`, px, W - M.left - 4) : [];
  const axisH = M.bottom + axisLabelExtra(X_LABEL, iw, k);
  // a wrapped x-axis label (and the tour's note) make the chart taller, not the plot shorter
  const H = Math.round(M.top + ih + axisH + (noteLines.length ? noteLines.length * noteLine + px * 0.5 : 0));
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
  const roofPts = (r: RooflinePoint): [number, number][] => {
    const knee = Math.min(Math.max(ridgeIntensity(r), dx0), dx1);
    return [
      [dx0, rooflineTflops(r, dx0)],
      [knee, rooflineTflops(r, knee)],
      [dx1, rooflineTflops(r, dx1)],
    ];
  };
  const labels = layoutLabels();

  /**
   * Direct labels (each roof named on its flat part, each point by machine and phase), placed
   * so that none overprints another, a marker or a roof (labelPlace.ts).
   */
  function layoutLabels() {
    const h = px * 1.2;
    const marker = 7;
    const reqs: (LabelRequest & { text: string })[] = [
      ...roofs.map((r) => {
        const text = `${shortName(names[r.machine] ?? r.machine)} roof`;
        const [, knee, end] = roofPts(r).map(([a, b]) => [x(a), y(b)] as const);
        // on the flat part when there is room for the label, else on the slope
        const w = textWidth(text, px);
        const flat = end[0] - knee[0] > w + 8;
        return {
          id: `roof-${r.machine}`,
          text,
          ax: flat ? (knee[0] + end[0]) / 2 : knee[0] / 2,
          ay: flat ? knee[1] : (y(rooflineTflops(r, dx0)) + knee[1]) / 2,
          w,
          h,
          gap: 3,
          prefer: flat ? (['n', 's'] as const) : (['nw', 'se'] as const),
        };
      }),
      ...points.map((p) => {
        const text = `${shortName(names[p.machine] ?? p.machine)} ${p.phase}`;
        const lpu = machineKey(p.machine) === 'lpu';
        return {
          id: `${p.machine}-${p.phase}`,
          text,
          ax: x(p.intensity),
          ay: y(p.achievedTflops),
          w: textWidth(text, px),
          h,
          gap: marker + 2,
          // SRAM machine to the left, GPU to the right first: their decode points can coincide.
          prefer: (lpu ? ['w', 'nw', 'sw'] : ['e', 'se', 'ne']) as LabelRequest['prefer'],
        };
      }),
    ].map((r) => ({ ...r, prefer: [...(r.prefer ?? [])] }));
    const markers: Box[] = points.map((p) => ({
      x: x(p.intensity) - marker,
      y: y(p.achievedTflops) - marker,
      w: 2 * marker,
      h: 2 * marker,
    }));
    const lines = roofs.map((r) => roofPts(r).map(([a, b]) => [x(a), y(b)] as [number, number]));
    const placed = placeLabels(reqs, { bounds: { x: 0, y: 0, w: iw, h: ih }, boxes: markers, lines, pad: 2 });
    return placed.map((p, i) => ({ ...p, text: reqs[i].text, baseline: p.y + px * 0.95 }));
  }

  return (
    <figure className="chart" data-highlight="latency-roofline" data-chart="roofline" data-chart-name="Roofline">
      {/* The roofs are labelled in the chart; this legend is for the exports only. */}
      <div hidden>
        <MachineLegend machines={Object.entries(names).map(([machine, name]) => ({ machine, name }))} />
      </div>
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Roofline of both machines with prefill and decode placed"
        data-testid="roofline-chart"
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
            label="TFLOP/s, log"
            length={ih}
          />
          {roofs.map((r) => (
            <path
              key={r.machine}
              className="roof-line"
              data-testid="roof-line"
              d={roofLine(roofPts(r)) ?? ''}
              fill="none"
              stroke={MACHINE_COLOUR[machineKey(r.machine)]}
              strokeWidth={2}
              strokeDasharray="6 3"
            />
          ))}
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
                ></rect>
              ) : (
                <circle
                  className="roof-point"
                  data-testid="roof-point"
                  data-machine={p.machine}
                  data-phase={p.phase}
                  r={6}
                  fill={MACHINE_COLOUR[machineKey(p.machine)]}
                  stroke="#000"
                ></circle>
              )}
            </g>
          ))}
          {marks.map(({ p }) => (
            <circle
              key={`mark-${p.machine}-${p.phase}`}
              className="tour-mark"
              data-testid="roof-tour-mark"
              data-machine={p.machine}
              data-phase={p.phase}
              cx={x(p.intensity)}
              cy={y(p.achievedTflops)}
              r={TOUR_RING_R}
              fill="none"
            />
          ))}
          <TourNote lines={noteLines} x={-M.left + 4} y={ih + axisH} line={noteLine} testId="roof-tour-note" />
          {labels.map((l) => (
            <g key={l.id} data-label={l.id}>
              {l.leader ? (
                <line
                  className="label-leader"
                  x1={l.ax}
                  y1={l.ay}
                  x2={Math.min(Math.max(l.ax, l.x), l.x + l.w)}
                  y2={Math.min(Math.max(l.ay, l.y), l.y + l.h)}
                />
              ) : null}
              <text className={l.id.startsWith('roof-') ? 'roof-label' : 'point-label'} x={l.x} y={l.baseline}>
                {l.text}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="caption">
        Dashed: each machine's roof (weight memory bandwidth × intensity, capped at peak compute). Square: prefill (many tokens per weight
        read, compute-bound); circle: decode (one token per user per weight read, bandwidth-bound at small batch). The SRAM machine's roof
        starts higher because it reads weights from the on-chip SRAM of every chip at once. Why each point sits below its roof, from the
        model&apos;s own breakdown of that step:{' '}
        <HowToggle
          what="the roofs and the points"
          text={[...roofs.map((r) => roofHow(r, names)), ...points.map((p) => tip(p, names))].join('. ')}
        />
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

function roofHow(r: RooflinePoint, names: Record<string, string>): string {
  return `${names[r.machine] ?? r.machine} roof: min(${formatNumber(r.peakTflops, 'TFLOP/s')} peak, intensity x ${formatNumber(r.bandwidthTBps, 'TB/s')}); ridge at ${formatNumber(ridgeIntensity(r), 'FLOP/B')}`;
}

function tip(p: RooflinePoint, names: Record<string, string>): string {
  return `${names[p.machine] ?? p.machine} ${p.phase}: ${formatNumber(p.intensity, 'FLOP/B')}, achieved ${formatNumber(p.achievedTflops, 'TFLOP/s')} of ${formatNumber(p.peakTflops, 'TFLOP/s')} peak; bandwidth ${formatNumber(p.bandwidthTBps, 'TB/s')}`;
}
