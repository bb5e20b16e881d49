// Time to the first token and to the whole answer for each machine, on a log axis, against
// the talk's 250-300 ms budget (00:22).
import { scaleBand, scaleLog } from 'd3';
import type { MachineResult } from '../../engine/types';
import { formatMs } from '../../ui/format';
import { BottomAxis, isPowerOfTen, MACHINE_COLOUR, machineKey, type Margins } from './chart';
import { TALK_CLAIMS, tokensWithinBudget } from './ratios';

const W = 600;
const H = 190;
// Left margin fits "GroqChip 1: answer (131072 tok)", the longest label the limits allow.
const M: Margins = { top: 22, right: 56, bottom: 42, left: 200 };

export function BudgetChart({ machines, output }: { machines: MachineResult[]; output: number }) {
  const fit = machines.filter((m) => m.fits);
  const bars = fit.flatMap((m) => [
    { m, kind: 'TTFT', ms: m.ttftMs },
    { m, kind: 'answer', ms: m.answerMs },
  ]);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const maxMs = Math.max(TALK_CLAIMS.budgetMaxMs * 2, ...bars.map((b) => b.ms));
  const minMs = Math.min(TALK_CLAIMS.budgetMinMs / 10, ...bars.map((b) => b.ms)) * 0.8;
  const x = scaleLog().domain([minMs, maxMs * 1.2]).range([0, iw]).nice();
  const y = scaleBand<string>()
    .domain(bars.map((b) => `${b.m.machine}-${b.kind}`))
    .range([0, ih])
    .padding(0.25);
  return (
    <figure className="chart" data-highlight="latency-budget">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Time to first token and to the whole answer, per machine, against a 250-300 ms budget" data-testid="budget-chart">
        <g transform={`translate(${M.left},${M.top})`}>
          <rect className="budget-band" x={x(TALK_CLAIMS.budgetMinMs)} width={x(TALK_CLAIMS.budgetMaxMs) - x(TALK_CLAIMS.budgetMinMs)} y={-8} height={ih + 8}>
            <title>The talk's budget (00:22): “under about 250 to 300 milliseconds, you maximize revenue”</title>
          </rect>
          <text className="band-label" x={x(TALK_CLAIMS.budgetMaxMs) + 4} y={-10}>
            250-300 ms budget (talk, 00:22)
          </text>
          {bars.map((b) => {
            const key = `${b.m.machine}-${b.kind}`;
            const yy = y(key) ?? 0;
            return (
              <g key={key}>
                <text className="bar-label" x={-8} y={yy + y.bandwidth() / 2} dy="0.32em" textAnchor="end">
                  {short(b.m.name)}: {b.kind === 'TTFT' ? 'first token' : `answer (${output} tok)`}
                </text>
                <rect x={0} y={yy} width={Math.max(1, x(b.ms))} height={y.bandwidth()} fill={MACHINE_COLOUR[machineKey(b.m.machine)]} opacity={b.kind === 'TTFT' ? 0.55 : 1}>
                  <title>
                    {b.kind === 'TTFT' ? `Time to first token: ${formatMs(b.ms)} (prefill of the whole prompt)` : `Whole answer: ${formatMs(b.ms)} = TTFT + output tokens x time per output token`}
                  </title>
                </rect>
                <text className="bar-value" x={x(b.ms) + 4} y={yy + y.bandwidth() / 2} dy="0.32em">
                  {formatMs(b.ms)}
                </text>
              </g>
            );
          })}
          <g transform={`translate(0,${ih})`}>
            <BottomAxis scale={x} ticks={6} format={(v) => formatMs(v)} label="time, log scale" length={iw} labelIf={isPowerOfTen} />
          </g>
        </g>
      </svg>
      <figcaption className="caption">
        Within {TALK_CLAIMS.budgetMaxMs} ms one user receives{' '}
        {fit.map((m, i) => (
          <span key={m.machine}>
            {i > 0 ? '; ' : ''}
            <strong data-testid={`budget-tokens-${machineKey(m.machine)}`}>{tokensWithinBudget(m, TALK_CLAIMS.budgetMaxMs)}</strong> tokens from the {short(m.name)}
          </span>
        ))}{' '}
        (as the engine counts the answer: the prefill takes TTFT, then one token per time per output token).
      </figcaption>
    </figure>
  );
}

function short(name: string): string {
  return name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '');
}
