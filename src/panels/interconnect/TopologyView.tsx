// The network drawn from a TopologyDrawing: SVG for small systems (hover titles per link),
// canvas when there are hundreds to thousands of marks.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkResult } from '../../engine/types';
import { layoutNetwork, type LinkMark, type Segment, type TopologyDrawing } from './layout';
import { formatShare, utilizationColour, utilizationGradient } from './colour';
import { useOnChange } from '../../ui/useOnChange';
import { setChartSource } from '../share/chartSource';

/** Drawing area (CSS px); the SVG adds a 12 px border for node marks, so one SVG unit is one CSS px and text renders at its CSS size. */
const SIZE = 436;
const PAD = 12;
const CANVAS_SIZE = SIZE + 2 * PAD;
/** Beyond these the drawing goes to canvas. */
const SVG_MAX_NODES = 300;
const SVG_MAX_LINKS = 2500;
/** Above this many lines, opacity follows load relative to the busiest link. */
const FAINT_OVER = 400;

function lineAlpha(u: number, busiest: number): number {
  return 0.04 + 0.96 * (busiest > 0 ? Math.min(1, u / busiest) : 0);
}

interface Props {
  network: NetworkResult;
  /** The machine the network belongs to, for the export's title. */
  machineName: string;
}

function segPath(s: Segment, k: number): string {
  return s.length === 6
    ? `M${s[0] * k},${s[1] * k}Q${s[4] * k},${s[5] * k} ${s[2] * k},${s[3] * k}`
    : `M${s[0] * k},${s[1] * k}L${s[2] * k},${s[3] * k}`;
}

function linkWidth(l: LinkMark, nodes: number): number {
  const base = nodes > 64 ? 1 : nodes > 16 ? 1.6 : 2.4;
  return l.count > 1 ? base + Math.min(3, Math.log2(l.count)) : base;
}

function nodeRadius(d: TopologyDrawing): number {
  const n = d.nodes.length;
  return n > 1000 ? 1.2 : n > 200 ? 2 : n > 64 ? 3.5 : n > 16 ? 6 : 9;
}

function paintCanvas(canvas: HTMLCanvasElement, d: TopologyDrawing, scaleMax: number, busiest: number, faint: boolean): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = CANVAS_SIZE * dpr;
  canvas.height = CANVAS_SIZE * dpr;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, CANVAS_SIZE, CANVAS_SIZE);
  // One path per (colour, opacity, width) bin: a few dozen strokes instead of one per link,
  // so half a million links (fully connected, 1,024 chips) still paint in well under a second.
  const BINS = 48;
  const ALPHAS = 12;
  // Thin lines when there are very many; thick when many nodes would otherwise hide them.
  const w = d.links.length > 5000 ? 0.5 : d.nodes.length > 200 ? 2.5 : 1;
  // With thousands of overlapping lines, opacity follows load relative to the busiest link
  // so the idle crowd fades and the busy few stand out (colour still reads the scale).
  const bins = new Map<string, { u: number; alpha: number; width: number; wrap: boolean; links: LinkMark[] }>();
  for (const l of d.links) {
    const bin = Math.round(Math.min(1, Math.max(0, l.utilization / scaleMax)) * BINS);
    const a = faint ? Math.round((busiest > 0 ? Math.min(1, l.utilization / busiest) : 0) * ALPHAS) : ALPHAS;
    const width = l.count > 1 ? w + Math.min(3, Math.log2(l.count)) : w;
    const key = `${bin}/${a}/${width}/${l.wrap}`;
    const entry = bins.get(key) ?? { u: bin / BINS, alpha: lineAlpha(a / ALPHAS, 1), width, wrap: l.wrap, links: [] };
    entry.links.push(l);
    bins.set(key, entry);
  }
  // Least busy first so the busy links end up on top.
  for (const bin of [...bins.values()].sort((a, b) => a.alpha - b.alpha || a.u - b.u)) {
    ctx.globalAlpha = bin.alpha;
    ctx.strokeStyle = utilizationColour(bin.u);
    ctx.lineWidth = bin.width;
    ctx.setLineDash(bin.wrap ? [3, 2] : []);
    ctx.beginPath();
    for (const l of bin.links)
      for (const s of l.segments) {
        ctx.moveTo(s[0] * CANVAS_SIZE, s[1] * CANVAS_SIZE);
        if (s.length === 6) ctx.quadraticCurveTo(s[4] * CANVAS_SIZE, s[5] * CANVAS_SIZE, s[2] * CANVAS_SIZE, s[3] * CANVAS_SIZE);
        else ctx.lineTo(s[2] * CANVAS_SIZE, s[3] * CANVAS_SIZE);
      }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  const r = d.nodes.length > 200 ? 1 : nodeRadius(d);
  ctx.fillStyle = d.nodes.length > 200 ? '#555' : '#1d1d1f';
  for (const n of d.nodes) {
    ctx.beginPath();
    ctx.arc(n.x * CANVAS_SIZE, n.y * CANVAS_SIZE, n.kind === 'group' ? r + 1 : r, 0, 2 * Math.PI);
    ctx.fill();
  }
}

export function TopologyView({ network, machineName }: Props) {
  const [drill, setDrill] = useState<number | null>(null);
  // A new network (other topology or chip count) closes any drill-down.
  useOnChange(network, () => setDrill(null));
  const drawing = useMemo(() => layoutNetwork(network, drill), [network, drill]);
  const useCanvas = drawing.nodes.length > SVG_MAX_NODES || drawing.links.length > SVG_MAX_LINKS;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  // Colour scale: 0 to the busiest mark drawn, so the busiest link reads busy whatever its load
  // (the legend states the maximum); or fixed at 0-100% busy, to compare loads across scenarios.
  const [fixed, setFixed] = useState(false);
  const busiest = useMemo(() => drawing.links.reduce((m, l) => Math.max(m, l.utilization), 0), [drawing]);
  const scaleMax = fixed || busiest <= 0 ? 1 : busiest;
  // Crossing lines (bundles, chords) pile up: let opacity follow load so the busy ones show.
  const faint = drawing.links.length > FAINT_OVER && (drawing.aggregated || network.topology === 'fully-connected');

  useEffect(() => {
    if (useCanvas && canvasRef.current) paintCanvas(canvasRef.current, drawing, scaleMax, busiest, faint);
  }, [useCanvas, drawing, scaleMax, busiest, faint]);

  const top = scaleTop(fixed, drawing.aggregated);
  // For the export menu: the colour scale as legend entries, and what the scale means.
  useEffect(() => {
    const el = useCanvas ? canvasRef.current : svgRef.current;
    if (!el) return;
    return setChartSource(el, {
      legend: () =>
        [0, 0.25, 0.5, 0.75, 1].map((u) => ({
          label: `${formatShare(u * scaleMax)} busy${u === 1 ? ` (${top})` : ''}`,
          colour: utilizationColour(u),
        })),
      detail: () =>
        `${machineName}: ${topologyTitle(network)} · link colour: % of one decode step a link is busy, scale 0 to ${formatShare(scaleMax)} (${top})`,
      vector: () => null,
    });
  }, [useCanvas, scaleMax, top, machineName, network]);

  const r = nodeRadius(drawing);
  const groupsPickable = network.topology === 'dragonfly' && drawing.groups.length > 1;
  const wrapLinks = drawing.links.filter((l) => l.wrap).length;
  const switchLabels = drawing.nodes.filter((n) => n.kind === 'switch').length <= 9;

  return (
    <div
      className="ic-topology"
      data-chart="network-topology"
      data-chart-name={`Chip-to-chip network of ${machineName}, links coloured by utilisation`}
    >
      <div className="ic-topology-head">
        <strong>{topologyTitle(network)}</strong>
        {groupsPickable ? (
          <label className="ic-drill">
            Group{' '}
            <select
              value={drill === null ? '' : String(drill)}
              onChange={(e) => setDrill(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">all groups</option>
              {drawing.groups.map((g, gi) => (
                <option key={gi} value={gi}>
                  group {gi} (chips {g[0]}-{g[g.length - 1]})
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div
        className="ic-drawing"
        data-testid="topology-drawing"
        data-render={useCanvas ? 'canvas' : 'svg'}
        data-drawn-links={drawing.links.length}
        data-drawn-nodes={drawing.nodes.length}
        data-aggregated={drawing.aggregated ? 'true' : 'false'}
      >
        {useCanvas ? (
          <canvas
            ref={canvasRef}
            style={{ width: CANVAS_SIZE, height: CANVAS_SIZE }}
            role="img"
            aria-label={`${topologyTitle(network)}: ${drawing.nodes.length} marks, ${drawing.links.length} links coloured by utilisation`}
          />
        ) : (
          <svg
            ref={svgRef}
            viewBox={`${-PAD} ${-PAD} ${SIZE + 2 * PAD} ${SIZE + 2 * PAD}`}
            width={SIZE + 2 * PAD}
            height={SIZE + 2 * PAD}
            role="img"
            aria-label={`${topologyTitle(network)}: ${drawing.nodes.length} marks, ${drawing.links.length} links coloured by utilisation`}
          >
            <g className="ic-links">
              {drawing.links
                .slice()
                .sort((a, b) => a.utilization - b.utilization)
                .map((l) => (
                  <path
                    key={l.key}
                    className={`ic-link${l.wrap ? ' wrap' : ''}`}
                    data-utilization={l.utilization}
                    d={l.segments.map((s) => segPath(s, SIZE)).join('')}
                    stroke={utilizationColour(l.utilization / scaleMax)}
                    strokeOpacity={faint ? lineAlpha(l.utilization, busiest) : undefined}
                    strokeWidth={linkWidth(l, drawing.nodes.length)}
                    strokeDasharray={l.wrap ? '4 3' : undefined}
                    fill="none"
                    onMouseEnter={() => setHover(l.label)}
                    onMouseLeave={() => setHover(null)}
                  >
                    <title>{l.label}</title>
                  </path>
                ))}
            </g>
            <g className="ic-nodes">
              {drawing.nodes.map((n) =>
                n.kind === 'switch' ? (
                  <g key={`s${n.id}`}>
                    <rect className="ic-switch" x={n.x * SIZE - r * 1.2} y={n.y * SIZE - r * 0.8} width={2.4 * r} height={1.6 * r}>
                      <title>{n.label}</title>
                    </rect>
                    {switchLabels ? (
                      <text className="ic-switch-label" x={n.x * SIZE} y={n.y * SIZE + r * 0.8 + 11} textAnchor="middle">
                        {n.label.startsWith('network') ? 'network switch' : 'NVSwitch'}
                      </text>
                    ) : null}
                  </g>
                ) : (
                  <circle
                    key={`${n.kind}${n.id}`}
                    className={`ic-node ${n.kind}${n.kind === 'group' && groupsPickable ? ' pickable' : ''}`}
                    cx={n.x * SIZE}
                    cy={n.y * SIZE}
                    r={n.kind === 'group' ? r + 1 : r}
                    onClick={n.kind === 'group' && groupsPickable ? () => setDrill(n.id) : undefined}
                  >
                    <title>{n.kind === 'group' && groupsPickable ? `${n.label} (click to open)` : n.label}</title>
                  </circle>
                ),
              )}
            </g>
          </svg>
        )}
      </div>
      <p className="ic-hover muted" aria-live="polite">
        {hover ??
          (useCanvas
            ? `${drawing.links.length.toLocaleString()} ${drawing.aggregated ? 'bundles' : 'links'} drawn on canvas${faint ? '; the fainter a line, the less it carries relative to the busiest link' : ''}.`
            : `Hover a link for its utilisation${faint ? '; the fainter a line, the less it carries relative to the busiest link' : ''}.`)}
      </p>
      {drawing.note ? <p className="muted ic-note">{drawing.note}</p> : null}
      {drill !== null ? (
        <button type="button" className="btn" onClick={() => setDrill(null)}>
          Back to all groups
        </button>
      ) : null}
      {wrapLinks ? (
        <p className="muted ic-note">
          Dashed stubs: {wrapLinks} wrap-around links joining opposite edges of the {drawing.grid?.rows}×{drawing.grid?.cols} torus.
        </p>
      ) : null}
      <div className="ic-scale">
        <Legend scaleMax={scaleMax} top={top} />
        <label>
          <input type="checkbox" checked={fixed} onChange={(e) => setFixed(e.target.checked)} /> fixed scale (0-100% busy)
        </label>
      </div>
    </div>
  );
}

function topologyTitle(n: NetworkResult): string {
  const names: Record<NetworkResult['topology'], string> = {
    ring: 'Ring',
    torus2d: '2D torus',
    'fully-connected': 'Fully connected',
    dragonfly: 'Dragonfly',
    nvswitch: 'NVSwitch nodes + network',
  };
  const switches = n.endpoints - n.chips;
  const plural = (k: number, word: string) => `${k.toLocaleString()} ${word}${k === 1 ? '' : 'es'.slice(word.endsWith('h') ? 0 : 1)}`;
  return `${names[n.topology]}: ${plural(n.chips, 'chip')}${switches ? `, ${plural(switches, 'switch')}` : ''}, ${plural(n.links.length, 'link')}`;
}

/** What the top of the colour scale is. */
function scaleTop(fixed: boolean, bundles: boolean): string {
  return fixed ? 'always busy' : bundles ? 'the busiest mark drawn, a bundle showing the mean of its links' : 'the busiest link';
}

/** The colour scale and what its ends mean, in words: a reader must know whether the top is the busiest link or 100%. */
function Legend({ scaleMax, top }: { scaleMax: number; top: string }) {
  return (
    <div className="ic-legend" data-testid="utilization-legend" data-scale-max={scaleMax}>
      <div className="ic-legend-bar" style={{ background: utilizationGradient() }} />
      <div className="ic-legend-ticks">
        <span>0%</span>
        <span>{formatShare(scaleMax / 2)}</span>
        <span data-testid="legend-max">{formatShare(scaleMax)}</span>
      </div>
      <div className="ic-legend-caption" data-testid="legend-caption">
        Link utilisation: % of one decode step a link is busy (its busier direction: bytes / bandwidth). Colour scale 0% to{' '}
        {formatShare(scaleMax)} = {top}.
      </div>
    </div>
  );
}
