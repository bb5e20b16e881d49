// Small SVG chart pieces shared by the latency panel's charts: axes drawn from d3 scales, and
// the frame that re-lays a chart out for presenter mode.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ScaleContinuousNumeric } from 'd3';
import { useStore } from '../../store/store';
import { PRESENTER_MIN_TEXT_PX } from '../../ui/presenterLimits';

/** The charts' own text size (latency.css `.chart svg`), in SVG units at the base layout. */
const CHART_TEXT_PX = 11;

export interface ChartFrame {
  W: number;
  H: number;
  M: Margins;
  /** How much larger text is than at the base layout: offsets and tick spacing grow with it. */
  k: number;
  ref: RefObject<SVGSVGElement | null>;
}

/**
 * The base layout, or in presenter mode one drawn at the chart's on-screen width (one SVG
 * unit = one CSS px, so the type floor holds as declared) with margins and height grown to
 * hold the larger text.
 */
export function useChartFrame(base: { W: number; H: number; M: Margins }): ChartFrame {
  const presenter = useStore((s) => s.scenario.view.presenter);
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const box = ref.current?.parentElement;
    if (!presenter || !box) return;
    const measure = () => setWidth(Math.floor(box.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    return () => ro.disconnect();
  }, [presenter]);
  if (!presenter || width <= 0) return { ...base, k: 1, ref };
  const k = PRESENTER_MIN_TEXT_PX / CHART_TEXT_PX;
  const M = { top: base.M.top * k, right: base.M.right * k, bottom: base.M.bottom * k, left: base.M.left * k };
  return { W: width, H: Math.round(base.H * k), M, k, ref };
}

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
  /** Text scale from useChartFrame: offsets grow with it, and fewer ticks are labelled. */
  k?: number;
}

/** True for 10^k: the ticks a crowded log axis keeps labels on. */
export function isPowerOfTen(v: number): boolean {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/** Horizontal axis at y = 0 of its group; tick labels below, the label centred under them. */
export function BottomAxis({ scale, ticks: asked = 6, format, label, length, labelIf, k = 1 }: AxisProps) {
  const ticks = Math.max(2, Math.round(asked / k));
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
              <text y={17 * k} textAnchor="middle">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
      <text className="axis-label" x={length / 2} y={34 * k} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** Vertical axis at x = 0 of its group; the label rotated to the left of the tick labels. */
export function LeftAxis({ scale, ticks: asked = 6, format, label, length, labelIf, k = 1 }: AxisProps) {
  const ticks = Math.max(2, Math.round(asked / k));
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
              <text x={-8 * k} dy="0.32em" textAnchor="end">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
      <text className="axis-label" transform={`translate(${-46 * k},${length / 2}) rotate(-90)`} textAnchor="middle">
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
