// Time to the first token and to the whole answer for each machine against the talk's
// 250-300 ms budget (00:22). A dot plot on a log axis: a dot's position, not a bar's length,
// carries the value (bars from an arbitrary log origin would turn a 10x gap into ~1.4x of
// length), every dot is labelled with its time, and the slower machine's is labelled with the
// ratio, so the gap reads as a number.
import { scaleLog } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { HowToggle } from '../../ui/HowToggle';
import {
  axisLabelExtra,
  BottomAxis,
  isPowerOfTen,
  MACHINE_COLOUR,
  machineKey,
  MachineLegend,
  type Margins,
  textWidth,
  useChartFrame,
  shortName,
  TourNote,
  wrapText,
} from './chart';
import { TALK_CLAIMS, tokensWithinBudget } from './ratios';
import { useTourStepOn } from './tourStep';

const X_LABEL = 'time, log scale';

const BASE = { W: 600, H: 190, M: { top: 8, right: 14, bottom: 42, left: 14 } as Margins };

type Kind = 'TTFT' | 'answer';

interface Dot {
  m: MachineResult;
  kind: Kind;
  ms: number;
}

const dotsOf = (machines: MachineResult[]): Dot[] =>
  machines
    .filter((m) => m.fits)
    .flatMap((m) => [
      { m, kind: 'TTFT' as const, ms: m.ttftMs },
      { m, kind: 'answer' as const, ms: m.answerMs },
    ]);

/** One row per machine kind (SRAM-only, GPU) and time: A's ghost shares B's row. */
const rowOf = (b: Pick<Dot, 'm' | 'kind'>) => `${machineKey(b.m.machine)}-${b.kind}`;

/** How many times the slower machine's time is the faster one's, for the same kind; null when only one fits. */
export function slowerRatio(dots: Dot[], d: Dot): number | null {
  const other = dots.find((o) => o.kind === d.kind && o.m.machine !== d.m.machine);
  return other && other.ms > 0 && d.ms > other.ms ? d.ms / other.ms : null;
}

const ratioText = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;

/** `ghost`: compare's pinned A, drawn as dashed rings on B's rows. */
export function BudgetChart({ machines, output, ghost }: { machines: MachineResult[]; output: number; ghost?: MachineResult[] | null }) {
  const frame = useChartFrame(BASE);
  const { W, M, k, px, ref } = frame;
  const tour = useTourStepOn('latency-budget');
  const fit = machines.filter((m) => m.fits);
  const dots = dotsOf(machines);
  const ghosts = ghost ? dotsOf(ghost) : [];
  const iw = W - M.left - M.right;
  const all = [...dots, ...ghosts];
  const maxMs = Math.max(TALK_CLAIMS.budgetMaxMs * 2, ...all.map((b) => b.ms));
  const minMs = Math.min(TALK_CLAIMS.budgetMinMs / 10, ...all.map((b) => b.ms)) * 0.8;
  const x = scaleLog()
    .domain([minMs, maxMs * 1.2])
    .range([0, iw])
    .nice();
  const rows = Array.from(new Set([...dots, ...ghosts].map(rowOf)));
  const line = px * 1.3;
  // The band's label sits above the rows, wrapped to the width, starting at the band's left
  // edge and moved left as far as it must to end inside the plot.
  const bandX0 = x(TALK_CLAIMS.budgetMinMs);
  const bandText = `${TALK_CLAIMS.budgetMinMs}-${TALK_CLAIMS.budgetMaxMs} ms budget (talk, 00:22)`;
  const bandLines = wrapText(bandText, px, iw);
  const bandW = Math.max(...bandLines.map((l) => textWidth(l, px)));
  const bandLabelX = Math.max(0, Math.min(bandX0, iw - bandW));
  const top = bandLines.length * line + px * 0.4;
  // Each row: its label on a line of its own, then the dot.
  const rowH = line + px * 1.5;
  const r = px * 0.42;
  const rowsH = rows.length * rowH;
  // The tour's note (wrapped), under the axis.
  const answers = dots.filter((d) => d.kind === 'answer');
  const note = tour && answers.length > 0 ? budgetNote(answers) : null;
  const noteLines = note ? wrapText(note, px, iw) : [];
  const axisH = 40 * k + axisLabelExtra(X_LABEL, iw, k);
  const H = Math.round(M.top + top + rowsH + axisH + (noteLines.length ? noteLines.length * line + px * 0.5 : 0) + 4);
  const rowY = (key: string) => top + rows.indexOf(key) * rowH;
  const dotY = (key: string) => rowY(key) + line + px * 0.55;
  return (
    <figure className="chart" data-highlight="latency-budget" data-chart="answer-budget" data-chart-name="One answer against the budget">
      {/* Rows are labelled in the chart; this legend is for the exports only. */}
      <div hidden>
        <MachineLegend machines={fit} />
      </div>
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Time to first token and to the whole answer, per machine, against a ${TALK_CLAIMS.budgetMinMs}-${TALK_CLAIMS.budgetMaxMs} ms budget, log scale`}
        data-testid="budget-chart"
        style={{ fontSize: px }}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <rect
            className="budget-band"
            data-testid="budget-band"
            x={bandX0}
            width={x(TALK_CLAIMS.budgetMaxMs) - bandX0}
            y={top - px * 0.3}
            height={rowsH + px * 0.3}
          />
          <text className="band-label" data-testid="budget-band-label" x={bandLabelX} y={0}>
            {bandLines.map((l, i) => (
              <tspan key={i} x={bandLabelX} dy={i === 0 ? '1em' : line}>
                {l}
              </tspan>
            ))}
          </text>
          {rows.map((key) => {
            const d = dots.find((b) => rowOf(b) === key);
            const g = ghosts.find((b) => rowOf(b) === key);
            const any = (d ?? g)!;
            const yy = dotY(key);
            const ratio = d ? slowerRatio(dots, d) : null;
            const value = d ? `${formatMs(d.ms)}${ratio ? `, ${ratioText(ratio)} longer` : ''}` : '';
            const vw = textWidth(value, px);
            const cx = d ? x(d.ms) : 0;
            const right = cx + r + 4 + vw <= iw;
            return (
              <g key={key} data-row={key}>
                <text className="bar-label" x={0} y={rowY(key) + px}>
                  {`${d ? '' : 'A: '}${shortName(any.m.name)}: ${any.kind === 'TTFT' ? 'first token' : d ? `whole answer (${output} tokens)` : 'whole answer'}`}
                </text>
                <line className="budget-guide" x1={0} x2={iw} y1={yy} y2={yy} />
                {g ? (
                  <circle
                    className="budget-ghost"
                    data-testid="budget-ghost"
                    data-row={key}
                    data-ms={g.ms}
                    cx={x(g.ms)}
                    cy={yy}
                    r={r + 3}
                    fill="none"
                    stroke="var(--fg)"
                    strokeWidth={1.2}
                    strokeDasharray="3 2"
                  />
                ) : null}
                {d ? (
                  <>
                    <circle
                      cx={cx}
                      cy={yy}
                      r={r}
                      fill={MACHINE_COLOUR[machineKey(d.m.machine)]}
                      fillOpacity={d.kind === 'TTFT' ? 0.55 : 1}
                      stroke="var(--fg)"
                      strokeWidth={0.8}
                      data-testid="budget-bar"
                      data-row={key}
                      data-ms={d.ms}
                    />
                    {note && d.kind === 'answer' ? (
                      <circle className="tour-mark" data-testid="budget-tour-mark" cx={cx} cy={yy} r={r + 5} fill="none" />
                    ) : null}
                    <text
                      className="bar-value"
                      data-testid={ratio ? 'budget-ratio' : undefined}
                      x={right ? cx + r + 4 : cx - r - 4}
                      y={yy}
                      dy="0.32em"
                      textAnchor={right ? 'start' : 'end'}
                    >
                      {value}
                    </text>
                  </>
                ) : null}
              </g>
            );
          })}
          <g transform={`translate(0,${top + rowsH})`}>
            <BottomAxis
              room={[M.left, M.right]}
              k={k}
              scale={x}
              ticks={6}
              format={(v) => formatMs(v)}
              label={X_LABEL}
              length={iw}
              labelIf={isPowerOfTen}
            />
          </g>
          <TourNote lines={noteLines} y={top + rowsH + axisH} line={line} testId="budget-tour-note" />
        </g>
      </svg>
      <figcaption className="caption">
        Dots on a log axis: equal gaps are equal ratios, and the slower machine&apos;s time says how many times longer it is. Within{' '}
        {TALK_CLAIMS.budgetMaxMs} ms one user receives{' '}
        {fit.map((m, i) => (
          <span key={m.machine}>
            {i > 0 ? '; ' : ''}
            <strong data-testid={`budget-tokens-${machineKey(m.machine)}`}>{tokensWithinBudget(m, TALK_CLAIMS.budgetMaxMs)}</strong> tokens
            from the {shortName(m.name)}
          </span>
        ))}{' '}
        (as the engine counts the answer: the prefill takes the time to first token, then one token per time per output token; whole answer
        = first token + (output tokens - 1) × time per output token).
        <HowToggle
          what="the budget"
          text={`The talk's budget (00:22): “under about ${TALK_CLAIMS.budgetMinMs} to ${TALK_CLAIMS.budgetMaxMs} milliseconds, you maximize revenue”. ${fit.map((m) => `${shortName(m.name)}: first token ${formatMs(m.ttftMs)} (prefill of the whole prompt), whole answer ${formatMs(m.answerMs)} = ${formatMs(m.ttftMs)} + ${output - 1} × ${formatMs(m.tpotMs)}`).join('; ')}.`}
        />
        {ghosts.length > 0 ? <span data-testid="budget-ghost-legend"> Dashed rings: A (pinned), for comparison.</span> : null}
      </figcaption>
    </figure>
  );
}

/** The point the budget step makes, in the engine's numbers: each answer against the budget. */
function budgetNote(answers: Dot[]): string {
  const max = TALK_CLAIMS.budgetMaxMs;
  const parts = answers.map(
    (d) =>
      `${shortName(d.m.name)} ${formatMs(d.ms)} (${d.ms <= max ? 'inside the budget' : `${ratioText(d.ms / max)} the ${max} ms budget`})`,
  );
  return `Tour: whole answer, ${parts.join('; ')}.`;
}
