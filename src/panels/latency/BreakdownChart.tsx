// Where the time of one decode step goes, per machine: compute, memory, network, overhead.
// Each part is named inside its segment where the name fits; the parts that fit nowhere are
// named in the legend above. When a tour step makes a point about a part's share, the chart
// marks that segment and writes the share the engine computed.
import { scaleLinear } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { HowToggle } from '../../ui/HowToggle';
import { axisLabelExtra, BottomAxis, machineKey, type Margins, shortName, textWidth, TourNote, useChartFrame, wrapText } from './chart';
import { useTourStepOn } from './tourStep';

type Part = 'computeMs' | 'memoryMs' | 'networkMs' | 'overheadMs';

const PARTS: readonly (readonly [Part, string, string, string, string])[] = [
  [
    'computeMs',
    'compute-bound',
    'var(--c-blue)',
    '#fff',
    'Tasks whose math takes longer than their memory stream, at the sustained fraction of peak',
  ],
  [
    'memoryMs',
    'memory-bound',
    'var(--c-orange)',
    '#000',
    'Tasks whose weight / KV-cache / activation stream takes longer than their math, at the sustained bandwidth; the math they hide is named beside the bar',
  ],
  [
    'networkMs',
    'network',
    'var(--c-green)',
    '#000',
    'Chip-to-chip transfers on the critical path (activations between stages, all-reduces)',
  ],
  [
    'overheadMs',
    'fixed times',
    'var(--c-grey)',
    '#000',
    "GPU: the serving stack's launch gaps per layer and fixed time per all-reduce; SRAM machine: the fitted fixed time per layer (vector work, synchronisation, slack)",
  ],
] as const;

const X_LABEL = 'time of one decode step (stacked)';

const BASE = { W: 560, H: 150, M: { top: 8, right: 60, bottom: 42, left: 110 } as Margins };

const total = (m: MachineResult) => PARTS.reduce((s, [part]) => s + m.breakdown[part], 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function BreakdownChart({ machines }: { machines: MachineResult[] }) {
  const { W, M, k, px, ref } = useChartFrame(BASE);
  const step = useTourStepOn('latency-breakdown');
  const fit = machines.filter((m) => m.fits);
  const iw = W - M.left - M.right;
  // Each row: the bar, then a line for the note on the math its memory-bound part hides.
  const bandH = px * 1.9;
  const rowH = px * 4.1;
  const barsH = fit.length * rowH;
  const x = scaleLinear()
    .domain([0, Math.max(1e-6, ...fit.map(total))])
    .range([0, iw])
    .nice();
  const y = (machine: string) => fit.findIndex((m) => m.machine === machine) * rowH + px * 0.3;
  // The tour's point: each share the step claims, as the engine computed it for this scenario.
  const marks = (step?.facts ?? []).flatMap((f) => {
    if (f.kind !== 'shareAbove') return [];
    const m = fit.find((mm) => machineKey(mm.machine) === f.machine);
    if (!m || total(m) <= 0) return [];
    const name = PARTS.find(([p]) => p === f.part)?.[1] ?? f.part;
    return [{ m, part: f.part, text: `${name}: ${pct(m.breakdown[f.part] / total(m))} of the ${shortName(m.name)}'s decode step` }];
  });
  const noteLines = marks.length ? wrapText(`Tour: ${marks.map((mk) => mk.text).join('; ')}.`, px, W - M.left - 4) : [];
  const line = px * 1.3;
  const axisH = 40 * k + axisLabelExtra(X_LABEL, iw, k);
  const H = Math.round(M.top + barsH + axisH + (noteLines.length ? noteLines.length * line + px * 0.5 : 0) + 4);
  // Segments, with their name inside when it fits.
  const segs = fit.flatMap((m) => {
    let acc = 0;
    return PARTS.flatMap(([part, name, colour, ink]) => {
      const v = m.breakdown[part];
      const x0 = acc;
      acc += v;
      // a part that took no time is not drawn (nor named as 0 ms): hidden math is named beside the bar
      if (v <= 0) return [];
      const w = Math.max(0, x(acc) - x(x0));
      return [{ m, part, name, colour, ink, x0: x(x0), w, named: textWidth(name, px) + 8 <= w }];
    });
  });
  const inLegend = PARTS.filter(([part]) => !segs.some((s) => s.part === part && s.named));
  return (
    <figure
      className="chart"
      data-highlight="latency-breakdown"
      data-chart="decode-breakdown"
      data-chart-name="Where one decode step's time goes"
    >
      <div className="chart-legend">
        {PARTS.map(([part, name, colour]) => (
          // every part stays in the exports' legend; on screen only those not named in a segment
          <span key={name} data-legend-item="" hidden={!inLegend.some(([p]) => p === part)}>
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
        style={{ fontSize: px }}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {fit.map((m) => {
            const yy = y(m.machine);
            return (
              <g key={m.machine}>
                <text className="bar-label" x={-8} y={yy + bandH / 2} dy="0.32em" textAnchor="end">
                  {shortName(m.name)}
                </text>
                {segs
                  .filter((s) => s.m === m)
                  .map((s) => (
                    <g key={s.part} data-part={s.part} data-machine={m.machine}>
                      <rect x={s.x0} y={yy} width={s.w} height={bandH} fill={s.colour} />
                      {s.named ? (
                        <text className="seg-label" x={s.x0 + 4} y={yy + bandH / 2} dy="0.32em" fill={s.ink}>
                          {s.name}
                        </text>
                      ) : null}
                    </g>
                  ))}
                {marks
                  .filter((mk) => mk.m === m)
                  .map((mk) => {
                    const s = segs.find((sg) => sg.m === m && sg.part === mk.part);
                    return s ? (
                      <rect
                        key={`mark-${mk.part}`}
                        className="tour-mark"
                        data-testid="breakdown-tour-mark"
                        x={s.x0}
                        y={yy - 2}
                        width={s.w}
                        height={bandH + 4}
                        fill="none"
                      />
                    ) : null;
                  })}
                <text className="bar-value" x={x(total(m)) + 4} y={yy + bandH / 2} dy="0.32em">
                  {formatMs(total(m))}
                </text>
                {(m.breakdown.hiddenComputeMs ?? 0) > 0 && m.breakdown.memoryMs > 0
                  ? (() => {
                      // under the memory-bound part, moved left (and shortened) as far as it must to stay in the chart
                      const text = [hiddenText(m), `hides ${formatMs(m.breakdown.hiddenComputeMs ?? 0)} of math`].find(
                        (t) => textWidth(t, px) <= W - 8,
                      );
                      const w = textWidth(text ?? '', px);
                      return (
                        <text
                          className="bar-note"
                          data-testid="hidden-compute"
                          data-machine={m.machine}
                          x={Math.max(-M.left + 4, Math.min(x(m.breakdown.computeMs), iw + M.right - 4 - w))}
                          y={yy + bandH + px * 1.2}
                        >
                          {text ?? hiddenText(m)}
                        </text>
                      );
                    })()
                  : null}
              </g>
            );
          })}
          <g transform={`translate(0,${barsH})`}>
            <BottomAxis room={[M.left, M.right]} k={k} scale={x} ticks={5} format={(v) => formatMs(v)} label={X_LABEL} length={iw} />
          </g>
          <TourNote lines={noteLines} x={-M.left + 4} y={barsH + axisH} line={line} testId="breakdown-tour-note" />
        </g>
      </svg>
      <p className="caption">
        Each bar is one decode step, its parts stacked in the order they are counted.{' '}
        {fit.some((m) => m.speculation) ? (
          <span data-testid="breakdown-speculation">
            A plain step (one token per user): with speculative decoding on, a step drafts {fit.find((m) => m.speculation)?.speculation?.k}{' '}
            tokens and checks them in one pass; the time per token in the table includes it.{' '}
          </span>
        ) : null}
        <HowToggle
          what="each part of the step"
          text={[
            ...PARTS.map(([, name, , , how]) => `${name}: ${how}.`),
            ...fit.map(
              (m) =>
                `${shortName(m.name)}: ${PARTS.filter(([p]) => m.breakdown[p] > 0)
                  .map(([p, name]) => `${name} ${formatMs(m.breakdown[p])}`)
                  .join(', ')} of ${formatMs(total(m))}.`,
            ),
          ].join(' ')}
        />
      </p>
    </figure>
  );
}

const hiddenText = (m: MachineResult) => `memory-bound part hides ${formatMs(m.breakdown.hiddenComputeMs ?? 0)} of math`;
