// One decode step as lanes (compute per chip, transfers per link) on a time axis in µs.
// d3 owns the SVG inside the container: zoom/pan along x re-positions the bars without
// React re-renders.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as d3 from 'd3';
import type { NetworkResult, TimelineEvent } from '../../engine/types';
import { selectLanes, type Lane } from './lanes';
import { formatUs } from './summary';
import { formatBytes } from '../../ui/format';
import { useStore } from '../../store/store';
import { PRESENTER_MIN_TEXT_PX } from '../../ui/presenterLimits';
import { useBoxWidth } from './useBoxWidth';

/** The timeline's text size (interconnect.css: .ic-lane-label, .ic-axis text), CSS px. */
const TEXT_PX = 12;
/** Layout at TEXT_PX; presenter mode scales it with the text. */
const BASE_MARGIN = { top: 8, right: 16, bottom: 32, left: 230 };
const LANE_H = 18;
/** Width drawn before the box has been measured. */
const DEFAULT_WIDTH = 1000;

/** Margins, lane height and the label length that fits, for a timeline `width` CSS px wide with text `k` x TEXT_PX. */
export function timelineLayout(width: number, k: number) {
  const left = Math.min(BASE_MARGIN.left * k, Math.max(120, width * 0.4));
  return {
    M: { top: BASE_MARGIN.top * k, right: BASE_MARGIN.right * k, bottom: BASE_MARGIN.bottom * k, left },
    laneH: LANE_H * k,
    // Characters of a lane label that fit its margin (critical lanes are bold: ~0.62 em a character).
    labelChars: Math.max(8, Math.floor((left - 8) / (TEXT_PX * k * 0.62))),
  };
}

interface Hover {
  event: TimelineEvent;
  lane: Lane;
  x: number;
  y: number;
}

interface Props {
  network: NetworkResult;
  /** The machine the step runs on, for the export's title. */
  machineName: string;
}

export function Timeline({ network, machineName }: Props) {
  const selection = useMemo(() => selectLanes(network), [network]);
  const [criticalOnly, setCriticalOnly] = useState(false);
  const lanes = useMemo(() => (criticalOnly ? selection.lanes.filter((l) => l.critical) : selection.lanes), [selection, criticalOnly]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [domain, setDomain] = useState<[number, number]>([0, 0]);
  const resetRef = useRef<() => void>(() => {});
  const zoomByRef = useRef<(k: number) => void>(() => {});

  const endUs = useMemo(() => {
    let end = network.stepUs;
    for (const e of network.events) end = Math.max(end, e.endUs);
    return end > 0 ? end : 1;
  }, [network]);

  // Drawn at the box's width (one SVG unit = one CSS px), text at its CSS size; presenter
  // mode grows text, margins and lanes to the floor.
  const boxRef = useRef<HTMLDivElement>(null);
  const presenter = useStore((s) => s.scenario.view.presenter);
  const WIDTH = Math.max(280, useBoxWidth(boxRef) || DEFAULT_WIDTH);
  const k = presenter ? PRESENTER_MIN_TEXT_PX / TEXT_PX : 1;
  const { M: margin, laneH, labelChars } = timelineLayout(WIDTH, k);
  const height = Math.round(margin.top + margin.bottom + Math.max(1, lanes.length) * laneH);

  useEffect(() => {
    const svgEl = svgRef.current;
    if (!svgEl) return;
    const { M } = timelineLayout(WIDTH, k);
    const svg = d3.select(svgEl);
    svg.selectAll('*').remove();
    const innerW = WIDTH - M.left - M.right;
    // Range in SVG units (margin included) so zoom transforms, which live in SVG units, apply directly.
    const x0 = d3
      .scaleLinear()
      .domain([0, endUs])
      .range([M.left, M.left + innerW]);
    const y = d3
      .scaleBand<string>()
      .domain(lanes.map((l) => l.key))
      .range([M.top, height - M.bottom])
      .paddingInner(0.2);

    svg
      .append('defs')
      .append('clipPath')
      .attr('id', 'ic-timeline-clip')
      .append('rect')
      .attr('x', M.left)
      .attr('y', 0)
      .attr('width', innerW)
      .attr('height', height);

    // Lane labels and stripes.
    const laneG = svg.append('g').attr('class', 'ic-lanes');
    laneG
      .selectAll('rect')
      .data(lanes)
      .join('rect')
      .attr('x', M.left)
      .attr('width', innerW)
      .attr('y', (l) => y(l.key) ?? 0)
      .attr('height', y.bandwidth())
      .attr('class', (l, i) => `ic-lane-bg${i % 2 ? ' odd' : ''}`);
    laneG
      .selectAll('text')
      .data(lanes)
      .join('text')
      .attr('x', M.left - 6)
      .attr('y', (l) => (y(l.key) ?? 0) + y.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('class', (l) => `ic-lane-label${l.critical ? ' critical' : ''}`)
      .text((l) => shortLabel(l, labelChars));

    const flat: { e: TimelineEvent; lane: Lane }[] = [];
    for (const lane of lanes) for (const e of lane.events) flat.push({ e, lane });
    // Critical events last so they paint on top.
    flat.sort((a, b) => Number(a.e.onCriticalPath) - Number(b.e.onCriticalPath));

    const bars = svg
      .append('g')
      .attr('clip-path', 'url(#ic-timeline-clip)')
      .selectAll<SVGRectElement, { e: TimelineEvent; lane: Lane }>('rect')
      .data(flat)
      .join('rect')
      .attr('class', (d) => `ic-event ${d.e.kind}${d.e.onCriticalPath ? ' critical' : ''}`)
      .attr('data-testid', 'timeline-event')
      .attr('y', (d) => (y(d.lane.key) ?? 0) + 1)
      .attr('height', Math.max(1, y.bandwidth() - 2))
      .on('mouseenter', (ev: MouseEvent, d) => {
        const box = svgEl.getBoundingClientRect();
        setHover({ event: d.e, lane: d.lane, x: ev.clientX - box.left, y: ev.clientY - box.top });
      })
      .on('mouseleave', () => setHover(null));

    // Critical events also get a dark underline: a stroke would swamp bars a pixel wide.
    const critical = flat.filter((d) => d.e.onCriticalPath);
    const marks = svg
      .append('g')
      .attr('clip-path', 'url(#ic-timeline-clip)')
      .attr('pointer-events', 'none')
      .selectAll<SVGRectElement, { e: TimelineEvent; lane: Lane }>('rect')
      .data(critical)
      .join('rect')
      .attr('class', 'ic-critical-mark')
      .attr('y', (d) => (y(d.lane.key) ?? 0) + y.bandwidth() - 3)
      .attr('height', 3);

    const axisG = svg
      .append('g')
      .attr('class', 'ic-axis')
      .attr('transform', `translate(0,${height - M.bottom})`);
    svg
      .append('text')
      .attr('class', 'ic-axis-unit')
      .attr('x', WIDTH - M.right)
      .attr('y', height - 4 * k)
      .attr('text-anchor', 'end')
      .text('time in the decode step (µs)');

    const place = (x: d3.ScaleLinear<number, number>) => {
      bars.attr('x', (d) => x(d.e.startUs)).attr('width', (d) => Math.max(1, x(d.e.endUs) - x(d.e.startUs)));
      marks.attr('x', (d) => x(d.e.startUs)).attr('width', (d) => Math.max(1, x(d.e.endUs) - x(d.e.startUs)));
      axisG.call(
        d3
          .axisBottom(x)
          .ticks(Math.max(2, Math.round(innerW / (110 * k))))
          .tickFormat((v) => d3.format('~g')(Number(v))),
      );
      const [a, b] = x.domain();
      setDomain([a, b]);
    };
    place(x0);

    const zoom = d3
      .zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 10_000])
      .translateExtent([
        [M.left, 0],
        [WIDTH - M.right, height],
      ])
      .extent([
        [M.left, 0],
        [WIDTH - M.right, height],
      ])
      .on('zoom', (ev: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
        setHover(null);
        place(ev.transform.rescaleX(x0));
      });
    svg.call(zoom);
    // The width these marks were drawn at: after a resize the frame (viewBox) changes first,
    // the marks an effect later, and a reader of the drawing waits for this to match.
    svg.attr('data-drawn-width', WIDTH);
    resetRef.current = () => svg.call(zoom.transform, d3.zoomIdentity);
    zoomByRef.current = (factor: number) => svg.call(zoom.scaleBy, factor);
    return () => {
      svg.on('.zoom', null);
    };
  }, [lanes, endUs, height, WIDTH, k, labelChars]);

  const shown = lanes.length;
  const shownCritical = lanes.filter((l) => l.critical).length;
  return (
    <div
      className="ic-timeline"
      data-chart="decode-timeline"
      data-chart-name={`One decode step on ${machineName}: compute and transfers per lane`}
    >
      <div className="ic-timeline-head">
        <strong>One decode step (one token)</strong>
        <label>
          <input type="checkbox" checked={criticalOnly} onChange={(e) => setCriticalOnly(e.target.checked)} /> critical-path lanes only
        </label>
        <span className="ic-zoom-buttons">
          <button type="button" className="btn" aria-label="Zoom in on time" onClick={() => zoomByRef.current(2)}>
            +
          </button>
          <button type="button" className="btn" aria-label="Zoom out on time" onClick={() => zoomByRef.current(0.5)}>
            −
          </button>
          <button type="button" className="btn" onClick={() => resetRef.current()}>
            Reset zoom
          </button>
        </span>
        <span className="muted" data-testid="timeline-domain" data-domain={`${domain[0]},${domain[1]}`}>
          showing {formatUs(domain[0])} – {formatUs(domain[1])}
        </span>
      </div>
      <p className="muted ic-note">
        {selection.sampled
          ? `Showing ${shown} of ${selection.totalLanes.toLocaleString()} lanes: ${shownCritical} on the critical path${selection.criticalLanes > shownCritical ? ` (of ${selection.criticalLanes.toLocaleString()}, evenly spaced)` : ''}${shown > shownCritical ? ` plus an evenly spaced sample of ${shown - shownCritical} others` : ''}.`
          : `${shown} lanes: compute per chip, then transfers per link.`}{' '}
        Scroll or pinch to zoom time, drag to pan. Bright bars with a dark underline are on the critical path.
      </p>
      {network.eventsTruncated ? (
        <p className="ic-truncated" role="note" data-testid="events-truncated">
          This step has more events than the engine lists ({network.events.length.toLocaleString()} shown, critical path first): some events
          off the critical path are missing here. The step time, utilisations and critical-path totals still cover the whole step.
        </p>
      ) : null}
      {network.events.length === 0 ? <p className="muted">No events in this step.</p> : null}
      <div className="ic-timeline-box" ref={boxRef}>
        <svg
          ref={svgRef}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          role="img"
          aria-label={`Timeline of one decode step, ${formatUs(network.stepUs)}, ${shown} lanes`}
          data-testid="timeline"
        />
        {hover ? <EventTooltip hover={hover} /> : null}
      </div>
      {/* data-legend-item: the export's legend (exportChart.ts reads the swatch, then the words). */}
      <div className="ic-timeline-key">
        <span data-legend-item="">
          <span className="key compute" /> compute
        </span>
        <span data-legend-item="">
          <span className="key transfer" /> transfer
        </span>
        <span data-legend-item="">
          <span className="key critical" /> on the critical path
        </span>
      </div>
    </div>
  );
}

function shortLabel(l: Lane, max: number): string {
  let text = l.kind === 'compute' ? `${l.label} compute` : l.label.replace(/^link (\d+): /, 'L$1 ');
  if (text.length > max) text = text.replace(/ \((local|global|nvlink|network)\)$/, '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function EventTooltip({ hover }: { hover: Hover }) {
  const { event: e, lane } = hover;
  return (
    <div className="ic-tooltip" role="tooltip" data-testid="event-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
      <div className="ic-tooltip-title">{e.label}</div>
      <div>{lane.label}</div>
      <div>
        start {formatUs(e.startUs)} · end {formatUs(e.endUs)}
      </div>
      <div>duration {formatUs(e.endUs - e.startUs)}</div>
      {e.bytes !== undefined ? <div>{formatBytes(e.bytes)} moved</div> : null}
      {e.kind === 'transfer' ? <div className="muted-inverse">time on this link; the bytes land one link latency later</div> : null}
      <div>{e.onCriticalPath ? 'on the critical path' : 'not on the critical path (has slack)'}</div>
    </div>
  );
}
