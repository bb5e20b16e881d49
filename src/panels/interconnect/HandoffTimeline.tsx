// Disaggregated serving on one time axis: the prefill machine's prompt pass, the KV cache's
// trip between the machines, and the decode machine's answer, as the engine computed them.
import { useRef } from 'react';
import * as d3 from 'd3';
import type { DisaggResult } from '../../engine/types';
import { formatBytes, formatMs } from '../../ui/format';
import { useBoxWidth } from './useBoxWidth';

type Pair = Extract<DisaggResult, { fits: true }>;

const ROW_H = 26;
const LEFT = 96;
const RIGHT = 16;
const TOP = 6;
const AXIS_H = 26;
/** The transfer is often a sliver of the answer: drawn at least this wide so it can be seen (its label says its time). */
const MIN_BAR_PX = 3;

export function HandoffTimeline({ pair }: { pair: Pair }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box);
  const rows = [
    { key: 'prefill', label: 'Prefill', start: 0, end: pair.prefillMs, cls: 'compute' },
    { key: 'transfer', label: 'KV transfer', start: pair.prefillMs, end: pair.ttftMs, cls: 'transfer' },
    { key: 'decode', label: 'Decode', start: pair.ttftMs, end: pair.answerMs, cls: 'compute' },
  ];
  const innerW = Math.max(0, width - LEFT - RIGHT);
  const x = d3.scaleLinear().domain([0, pair.answerMs]).range([0, innerW]);
  const height = TOP + rows.length * ROW_H + AXIS_H;
  return (
    <div className="ic-handoff" ref={box} data-testid="handoff-timeline">
      <h3>
        One request through the pair: {pair.prefillName} prefills, the KV cache ({formatBytes(pair.kvBytes)}) crosses, {pair.decodeName}{' '}
        decodes
      </h3>
      {width > 0 ? (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Prefill ${formatMs(pair.prefillMs)}, KV transfer ${formatMs(pair.transferMs)}, decode to ${formatMs(pair.answerMs)}`}
        >
          {rows.map((r, i) => {
            const y = TOP + i * ROW_H;
            const w = Math.max(MIN_BAR_PX, x(r.end) - x(r.start));
            return (
              <g key={r.key} data-testid={`handoff-${r.key}`} data-start-ms={r.start} data-end-ms={r.end}>
                <text x={LEFT - 6} y={y + ROW_H / 2} textAnchor="end" dominantBaseline="middle" className="ic-lane-label">
                  {r.label}
                </text>
                <rect x={LEFT + x(r.start)} y={y + 4} width={w} height={ROW_H - 8} className={`ic-event ${r.cls} critical`}>
                  <title>{`${r.label}: ${formatMs(r.start)} to ${formatMs(r.end)} (${formatMs(r.end - r.start)})`}</title>
                </rect>
                {/* The bar's time beside it, or inside its end when no room is left on the right. */}
                {LEFT + x(r.start) + w + 70 > width - RIGHT ? (
                  <text
                    x={LEFT + x(r.start) + w - 4}
                    y={y + ROW_H / 2}
                    dominantBaseline="middle"
                    textAnchor="end"
                    className="ic-handoff-value inside"
                  >
                    {formatMs(r.end - r.start)}
                  </text>
                ) : (
                  <text x={LEFT + x(r.start) + w + 4} y={y + ROW_H / 2} dominantBaseline="middle" className="ic-handoff-value">
                    {formatMs(r.end - r.start)}
                  </text>
                )}
              </g>
            );
          })}
          <g className="ic-axis" transform={`translate(${LEFT},${TOP + rows.length * ROW_H})`}>
            <line x1={0} x2={innerW} stroke="currentColor" />
            {x.ticks(Math.max(2, Math.round(innerW / 110))).map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`}>
                <line y2={5} stroke="currentColor" />
                <text y={17} textAnchor="middle" fill="currentColor">
                  {formatMs(t)}
                </text>
              </g>
            ))}
          </g>
        </svg>
      ) : null}
    </div>
  );
}
