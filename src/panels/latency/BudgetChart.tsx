// Time to the first token and to the whole answer for each machine, on a log axis, against
// the talk's 250-300 ms budget (00:22).
import { scaleBand, scaleLog } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { BottomAxis, isPowerOfTen, MACHINE_COLOUR, machineKey, MachineLegend, type Margins, useChartFrame } from './chart';
import { TALK_CLAIMS, tokensWithinBudget } from './ratios';

// Left margin fits "GroqChip 1: answer (131072 tok)", the longest label the limits allow.
const BASE = { W: 600, H: 190, M: { top: 22, right: 56, bottom: 42, left: 200 } as Margins };

interface Bar {
  m: MachineResult;
  kind: 'TTFT' | 'answer';
  ms: number;
}

const barsOf = (machines: MachineResult[]): Bar[] =>
  machines
    .filter((m) => m.fits)
    .flatMap((m) => [
      { m, kind: 'TTFT' as const, ms: m.ttftMs },
      { m, kind: 'answer' as const, ms: m.answerMs },
    ]);

/** One row per machine kind (SRAM-only, GPU) and time: A's ghost shares B's row. */
const rowOf = (b: Bar) => `${machineKey(b.m.machine)}-${b.kind}`;

/** `ghost`: compare's pinned A, drawn as dashed outlines over B's bars. */
export function BudgetChart({ machines, output, ghost }: { machines: MachineResult[]; output: number; ghost?: MachineResult[] | null }) {
  const { W, H, M, k, ref } = useChartFrame(BASE);
  const fit = machines.filter((m) => m.fits);
  const bars = barsOf(machines);
  const ghosts = ghost ? barsOf(ghost) : [];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const all = [...bars, ...ghosts];
  const maxMs = Math.max(TALK_CLAIMS.budgetMaxMs * 2, ...all.map((b) => b.ms));
  const minMs = Math.min(TALK_CLAIMS.budgetMinMs / 10, ...all.map((b) => b.ms)) * 0.8;
  const x = scaleLog()
    .domain([minMs, maxMs * 1.2])
    .range([0, iw])
    .nice();
  const rows = Array.from(new Set([...bars, ...ghosts.filter((g) => !bars.some((b) => rowOf(b) === rowOf(g)))].map(rowOf)));
  const y = scaleBand<string>().domain(rows).range([0, ih]).padding(0.25);
  return (
    <figure className="chart" data-highlight="latency-budget" data-chart="answer-budget" data-chart-name="One answer against the budget">
      <MachineLegend machines={fit} />
      <svg
        ref={ref}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Time to first token and to the whole answer, per machine, against a 250-300 ms budget"
        data-testid="budget-chart"
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <rect
            className="budget-band"
            x={x(TALK_CLAIMS.budgetMinMs)}
            width={x(TALK_CLAIMS.budgetMaxMs) - x(TALK_CLAIMS.budgetMinMs)}
            y={-8}
            height={ih + 8}
          >
            <title>The talk's budget (00:22): “under about 250 to 300 milliseconds, you maximize revenue”</title>
          </rect>
          <text className="band-label" x={x(TALK_CLAIMS.budgetMaxMs) + 4} y={-10}>
            250-300 ms budget (talk, 00:22)
          </text>
          {ghosts
            .filter((g) => !bars.some((b) => rowOf(b) === rowOf(g)))
            .map((g) => (
              <text
                key={`ghost-label-${rowOf(g)}`}
                className="bar-label"
                x={-8}
                y={(y(rowOf(g)) ?? 0) + y.bandwidth() / 2}
                dy="0.32em"
                textAnchor="end"
              >
                A: {short(g.m.name)}: {g.kind === 'TTFT' ? 'first token' : `answer`}
              </text>
            ))}
          {bars.map((b) => {
            const key = rowOf(b);
            const yy = y(key) ?? 0;
            return (
              <g key={key}>
                <text className="bar-label" x={-8} y={yy + y.bandwidth() / 2} dy="0.32em" textAnchor="end">
                  {short(b.m.name)}: {b.kind === 'TTFT' ? 'first token' : `answer (${output} tok)`}
                </text>
                <rect
                  x={0}
                  y={yy}
                  width={Math.max(1, x(b.ms))}
                  height={y.bandwidth()}
                  fill={MACHINE_COLOUR[machineKey(b.m.machine)]}
                  opacity={b.kind === 'TTFT' ? 0.55 : 1}
                  data-testid="budget-bar"
                  data-row={key}
                  data-ms={b.ms}
                >
                  <title>
                    {b.kind === 'TTFT'
                      ? `Time to first token: ${formatMs(b.ms)} (prefill of the whole prompt)`
                      : `Whole answer: ${formatMs(b.ms)} = TTFT + (output tokens - 1) x time per output token`}
                  </title>
                </rect>
                <text className="bar-value" x={x(b.ms) + 4} y={yy + y.bandwidth() / 2} dy="0.32em">
                  {formatMs(b.ms)}
                </text>
              </g>
            );
          })}
          {ghosts.map((g) => {
            const key = rowOf(g);
            const yy = y(key) ?? 0;
            return (
              <rect
                key={`ghost-${key}`}
                className="budget-ghost"
                data-testid="budget-ghost"
                data-row={key}
                data-ms={g.ms}
                x={0}
                y={yy - 2}
                width={Math.max(1, x(g.ms))}
                height={y.bandwidth() + 4}
                fill="none"
                stroke="var(--fg)"
                strokeWidth={1.2}
                strokeDasharray="4 3"
              >
                <title>{`A (pinned), ${g.m.name}: ${g.kind === 'TTFT' ? 'time to first token' : 'whole answer'} ${formatMs(g.ms)}`}</title>
              </rect>
            );
          })}
          <g transform={`translate(0,${ih})`}>
            <BottomAxis k={k} scale={x} ticks={6} format={(v) => formatMs(v)} label="time, log scale" length={iw} labelIf={isPowerOfTen} />
          </g>
        </g>
      </svg>
      <figcaption className="caption">
        Within {TALK_CLAIMS.budgetMaxMs} ms one user receives{' '}
        {fit.map((m, i) => (
          <span key={m.machine}>
            {i > 0 ? '; ' : ''}
            <strong data-testid={`budget-tokens-${machineKey(m.machine)}`}>{tokensWithinBudget(m, TALK_CLAIMS.budgetMaxMs)}</strong> tokens
            from the {short(m.name)}
          </span>
        ))}{' '}
        (as the engine counts the answer: the prefill takes TTFT, then one token per time per output token).
        {ghosts.length > 0 ? <span data-testid="budget-ghost-legend"> Dashed outlines: A (pinned), for comparison.</span> : null}
      </figcaption>
    </figure>
  );
}

function short(name: string): string {
  return name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '');
}
