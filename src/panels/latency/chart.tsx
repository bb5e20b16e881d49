// Small SVG chart pieces shared by the latency panel's charts: axes drawn from d3 scales, and
// the frame that re-lays a chart out for presenter mode.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ScaleContinuousNumeric } from 'd3';
import { useStore } from '../../store/store';
import { MIN_TEXT_PX, PRESENTER_MIN_TEXT_PX } from '../../ui/presenterLimits';

/** The text size the base layouts (margins, offsets) were designed for, in SVG units. */
const CHART_TEXT_PX = 11;

export interface ChartFrame {
  W: number;
  H: number;
  M: Margins;
  /** How much larger text is than at the base layout: offsets and tick spacing grow with it. */
  k: number;
  /** The chart's text size in SVG units (= CSS px once drawn at its width). */
  px: number;
  ref: RefObject<SVGSVGElement | null>;
}

/**
 * A layout drawn at the chart's on-screen width (one SVG unit = one CSS px, so the type floor
 * holds as declared: MIN_TEXT_PX, or PRESENTER_MIN_TEXT_PX in presenter mode), with margins and
 * height grown from the base layout to hold the text. Before the first measurement (and
 * outside a browser) it is the base layout at the base text size.
 */
export function useChartFrame(base: { W: number; H: number; M: Margins }): ChartFrame {
  const presenter = useStore((s) => s.scenario.view.presenter);
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const box = ref.current?.parentElement;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.floor(box.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    return () => ro.disconnect();
  }, []);
  if (width <= 0) return { ...base, k: 1, px: CHART_TEXT_PX, ref };
  const px = presenter ? PRESENTER_MIN_TEXT_PX : MIN_TEXT_PX;
  const k = px / CHART_TEXT_PX;
  const M = { top: base.M.top * k, right: base.M.right * k, bottom: base.M.bottom * k, left: base.M.left * k };
  return { W: width, H: Math.round(base.H * k), M, k, px, ref };
}

/**
 * Width of a one-line text at `px`, estimated per character for the UI's sans-serif (DejaVu
 * Sans here, one of the widest): generous, so what is laid out from it never overprints.
 */
export function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.32;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else if (/[a-z]/.test(ch)) em += /[ilj]/.test(ch) ? 0.3 : /[mw]/.test(ch) ? 0.95 : 0.62;
    else if (/[.,:;'()-]/.test(ch)) em += 0.4;
    else em += 0.8;
  }
  return em * px;
}

/** Words of `text` in lines no wider than `width` at `px` (a word wider than the line keeps its own line). */
export function wrapText(text: string, px: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, px) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
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
  /** How far tick labels may reach past the axis' ends (the chart's margins): a label that would be cut is dropped. */
  room?: [number, number];
}

/** True for 10^k: the ticks a crowded log axis keeps labels on. */
export function isPowerOfTen(v: number): boolean {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/**
 * The tick labels an axis shows: d3's (filtered by `labelIf`), then thinned so that no two
 * overprint at `px` (a label too close to the last one kept is dropped; its tick stays).
 */
function tickLabels(props: AxisProps, horizontal: boolean): { v: number; text: string }[] {
  const { scale, ticks: asked = 6, format, labelIf, k = 1, room = [Infinity, Infinity], length } = props;
  const px = CHART_TEXT_PX * k;
  const ticks = Math.max(2, Math.round(asked / k));
  const show = scale.tickFormat(ticks);
  let last = -Infinity;
  return scale
    .ticks(ticks)
    .map((v) => ({ v, text: show(v) === '' || (labelIf && !labelIf(v)) ? '' : format(v) }))
    .sort((a, b) => scale(a.v) - scale(b.v))
    .map((t) => {
      if (!t.text) return t;
      const half = horizontal ? textWidth(t.text, px) / 2 : px * 0.65;
      const at = scale(t.v);
      if (at - half < last + px * 0.5 || at - half < -room[0] || at + half > length + room[1]) return { ...t, text: '' };
      last = at + half;
      return t;
    });
}

/** The height an axis label wrapped to `length` adds beyond one line: the chart grows by it. */
export function axisLabelExtra(label: string, length: number, k: number): number {
  return (axisLabelLines(label, length, k).length - 1) * 13 * k;
}

/** An axis label in lines no longer than the axis (tspans `line` apart). */
function axisLabelLines(label: string, length: number, k: number): string[] {
  return wrapText(label, CHART_TEXT_PX * k, length);
}

/** Horizontal axis at y = 0 of its group; tick labels below, the label centred under them. */
export function BottomAxis(props: AxisProps) {
  const { scale, label, length, k = 1 } = props;
  const lines = axisLabelLines(label, length, k);
  return (
    <g className="axis" aria-hidden="true">
      <line x1={0} x2={length} y1={0} y2={0} />
      {tickLabels(props, true).map(({ v, text }) => (
        <g key={v} transform={`translate(${scale(v)},0)`}>
          <line y2={text ? 5 : 3} />
          {text ? (
            <text y={17 * k} textAnchor="middle">
              {text}
            </text>
          ) : null}
        </g>
      ))}
      <text className="axis-label" x={length / 2} y={34 * k} textAnchor="middle">
        {lines.map((l, i) => (
          <tspan key={i} x={length / 2} dy={i === 0 ? 0 : 13 * k}>
            {l}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** Vertical axis at x = 0 of its group; the label rotated to the left of the tick labels. */
export function LeftAxis(props: AxisProps) {
  const { scale, label, length, k = 1 } = props;
  const lines = axisLabelLines(label, length, k);
  return (
    <g className="axis" aria-hidden="true">
      <line x1={0} x2={0} y1={0} y2={length} />
      {tickLabels(props, false).map(({ v, text }) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          <line x2={text ? -5 : -3} />
          {text ? (
            <text x={-8 * k} dy="0.32em" textAnchor="end">
              {text}
            </text>
          ) : null}
        </g>
      ))}
      <text
        className="axis-label"
        transform={`translate(${-46 * k - (lines.length - 1) * 13 * k},${length / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {lines.map((l, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 0 : 13 * k}>
            {l}
          </tspan>
        ))}
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

/** Radius of the ring a tour step draws around the points it talks about (roofline, sweep). */
export const TOUR_RING_R = 11;

/** A tour step's point written under a chart (wrapped lines, tourStep.ts): nothing when `lines` is empty. */
export function TourNote({ lines, x = 0, y, line, testId }: { lines: string[]; x?: number; y: number; line: number; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <text className="tour-note" data-testid={testId} x={x} y={y}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '1em' : line}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A machine's name without its vendor and parenthesis, for labels inside a chart ("H100 SXM"). */
export function shortName(name: string): string {
  return name.replace(/^NVIDIA /, '').replace(/ \(.*\)$/, '');
}
