// Small SVG chart pieces shared by the latency panel's charts: axes drawn from d3 scales.
import type { ScaleContinuousNumeric } from 'd3';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Scale = ScaleContinuousNumeric<number, number>;

interface AxisProps {
  scale: Scale;
  /** Ticks requested from d3 (log scales filter their labels with this count). */
  ticks?: number;
  format: (v: number) => string;
  label: string;
  length: number;
  /** Label only the ticks this accepts (e.g. powers of ten on a crowded log axis). */
  labelIf?: (v: number) => boolean;
}

/** True for 10^k: the ticks a crowded log axis keeps labels on. */
export function isPowerOfTen(v: number): boolean {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/** Horizontal axis at y = 0 of its group; tick labels below, the label centred under them. */
export function BottomAxis({ scale, ticks = 6, format, label, length, labelIf }: AxisProps) {
  const values = scale.ticks(ticks);
  const show = scale.tickFormat(ticks);
  return (
    <g className="axis" aria-hidden="true">
      <line x1={0} x2={length} y1={0} y2={0} />
      {values.map((v) => {
        const text = show(v) === '' || (labelIf && !labelIf(v)) ? '' : format(v);
        return (
          <g key={v} transform={`translate(${scale(v)},0)`}>
            <line y2={text ? 5 : 3} />
            {text ? (
              <text y={17} textAnchor="middle">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
      <text className="axis-label" x={length / 2} y={34} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** Vertical axis at x = 0 of its group; the label rotated to the left of the tick labels. */
export function LeftAxis({ scale, ticks = 6, format, label, length, labelIf }: AxisProps) {
  const values = scale.ticks(ticks);
  const show = scale.tickFormat(ticks);
  return (
    <g className="axis" aria-hidden="true">
      <line x1={0} x2={0} y1={0} y2={length} />
      {values.map((v) => {
        const text = show(v) === '' || (labelIf && !labelIf(v)) ? '' : format(v);
        return (
          <g key={v} transform={`translate(0,${scale(v)})`}>
            <line x2={text ? -5 : -3} />
            {text ? (
              <text x={-8} dy="0.32em" textAnchor="end">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
      <text className="axis-label" transform={`translate(-46,${length / 2}) rotate(-90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** Colours per machine, from the shared colour-blind-safe palette. */
export const MACHINE_COLOUR = { lpu: 'var(--c-blue)', gpu: 'var(--c-vermillion)' } as const;

export function machineKey(machine: string): 'lpu' | 'gpu' {
  return machine === 'lpu' ? 'lpu' : 'gpu';
}

/** The machines and their colours, above a chart (and in its exports: data-legend-item). */
export function MachineLegend({ machines }: { machines: { machine: string; name: string }[] }) {
  return (
    <div className="chart-legend">
      {machines.map((m) => (
        <span key={m.machine} data-legend-item="">
          <i className="sw" style={{ background: MACHINE_COLOUR[machineKey(m.machine)] }} />
          {m.name}
        </span>
      ))}
    </div>
  );
}
