// Where to draw each chip, switch and link of a NetworkResult, in a unit square.
// Pure: the same network gives the same drawing; the views only scale and paint it.
import type { NetworkLink, NetworkResult } from '../../engine/types';

/** One straight segment [x1, y1, x2, y2] or a quadratic curve [x1, y1, x2, y2, cx, cy]. */
export type Segment = [number, number, number, number] | [number, number, number, number, number, number];

export interface NodeMark {
  /** Endpoint index (chip or switch), or group index for aggregated groups. */
  id: number;
  x: number;
  y: number;
  kind: 'chip' | 'switch' | 'group';
  label: string;
}

export interface LinkMark {
  key: string;
  segments: Segment[];
  /** Busy fraction 0..1 (mean over the bundle for aggregated links). */
  utilization: number;
  /** Highest utilisation in the bundle (equal to utilization for one link). */
  maxUtilization: number;
  kind: NetworkLink['kind'];
  /** Torus wrap-around link, drawn as two stubs leaving opposite edges. */
  wrap: boolean;
  /** Physical links this mark stands for (1 unless aggregated). */
  count: number;
  label: string;
}

export interface TopologyDrawing {
  nodes: NodeMark[];
  links: LinkMark[];
  /** Groups drawn as points with links bundled per group pair. */
  aggregated: boolean;
  /** Dragonfly / NVSwitch groups found (chip lists), for drill-down. */
  groups: number[][];
  /** Grid shape used for a 2D torus. */
  grid?: { rows: number; cols: number };
  note?: string;
}

/** Above this many groups a dragonfly is drawn aggregated (groups as points). */
export const AGGREGATE_GROUPS = 16;

export function endpointName(net: Pick<NetworkResult, 'chips'>, i: number): string {
  return i < net.chips ? `chip ${i}` : `switch ${i - net.chips}`;
}

export function linkName(net: Pick<NetworkResult, 'chips'>, l: NetworkLink): string {
  return `link ${l.id}: ${endpointName(net, l.a)} ↔ ${endpointName(net, l.b)} (${l.kind})`;
}

function pct(u: number): string {
  return `${(u * 100).toFixed(1)}% busy`;
}

/** Above this many links, marks carry no label (canvas drawing; saves memory at 500k links). */
const LABEL_MAX_LINKS = 5000;

function singleLink(net: NetworkResult, l: NetworkLink, segments: Segment[], wrap = false): LinkMark {
  const labelled = net.links.length <= LABEL_MAX_LINKS;
  return {
    key: `l${l.id}`,
    segments,
    utilization: l.utilization,
    maxUtilization: l.utilization,
    kind: l.kind,
    wrap,
    count: 1,
    label: labelled ? `${linkName(net, l)}, ${l.bandwidthGBps} GB/s per direction, ${pct(l.utilization)}` : '',
  };
}

function onCircle(i: number, n: number, r: number, cx = 0.5, cy = 0.5): [number, number] {
  const a = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

/** Connected components of the chips joined by links of the given kinds (union-find). */
export function groupsByLinks(net: NetworkResult, kinds: NetworkLink['kind'][]): number[][] {
  const parent = Array.from({ length: net.endpoints }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const l of net.links) {
    if (!kinds.includes(l.kind)) continue;
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let c = 0; c < net.chips; c++) {
    const r = find(c);
    const g = byRoot.get(r);
    if (g) g.push(c);
    else byRoot.set(r, [c]);
  }
  return [...byRoot.values()].sort((a, b) => a[0] - b[0]);
}

function circleLayout(net: NetworkResult): TopologyDrawing {
  const pos = Array.from({ length: net.endpoints }, (_, i) => onCircle(i, net.chips, 0.45));
  const nodes: NodeMark[] = [];
  for (let i = 0; i < net.chips; i++) nodes.push({ id: i, x: pos[i][0], y: pos[i][1], kind: 'chip', label: endpointName(net, i) });
  const links = net.links
    .filter((l) => l.a < net.chips && l.b < net.chips)
    .map((l) => singleLink(net, l, [[pos[l.a][0], pos[l.a][1], pos[l.b][0], pos[l.b][1]]]));
  return { nodes, links, aggregated: false, groups: [] };
}

/** The rows x cols factorisation under which most links join grid neighbours. */
export function torusGrid(net: NetworkResult): { rows: number; cols: number } {
  const n = net.chips;
  let best = { rows: 1, cols: n, score: -1 };
  for (let rows = 1; rows * rows <= n; rows++) {
    if (n % rows !== 0) continue;
    const cols = n / rows;
    let score = 0;
    for (const l of net.links) {
      const dx = Math.abs((l.a % cols) - (l.b % cols));
      const dy = Math.abs(Math.floor(l.a / cols) - Math.floor(l.b / cols));
      if (dx + dy === 1) score++;
    }
    // Ties go to the squarer grid (later rows); torus builders pick the squarest shape.
    if (score >= best.score) best = { rows, cols, score };
  }
  return { rows: best.rows, cols: best.cols };
}

function torusLayout(net: NetworkResult): TopologyDrawing {
  const { rows, cols } = torusGrid(net);
  const margin = 0.06;
  const step = Math.min((1 - 2 * margin) / Math.max(1, cols - 1), (1 - 2 * margin) / Math.max(1, rows - 1));
  const w = step * (cols - 1);
  const h = step * (rows - 1);
  const x0 = (1 - w) / 2;
  const y0 = (1 - h) / 2;
  const at = (i: number): [number, number] => [x0 + (i % cols) * step, y0 + Math.floor(i / cols) * step];
  const stub = Math.min(margin * 0.8, step * 0.45);
  const nodes: NodeMark[] = [];
  for (let i = 0; i < net.chips; i++) {
    const [x, y] = at(i);
    nodes.push({ id: i, x, y, kind: 'chip', label: `${endpointName(net, i)} (row ${Math.floor(i / cols)}, col ${i % cols})` });
  }
  const links = net.links
    .filter((l) => l.a < net.chips && l.b < net.chips)
    .map((l) => {
      const [ax, ay] = at(l.a);
      const [bx, by] = at(l.b);
      const dx = Math.abs((l.a % cols) - (l.b % cols));
      const dy = Math.abs(Math.floor(l.a / cols) - Math.floor(l.b / cols));
      if (dx + dy <= 1) return singleLink(net, l, [[ax, ay, bx, by]]);
      // Wrap-around: a stub leaving each end through the nearer outer edge.
      if (dy === 0) {
        const [lx, rx] = ax < bx ? [ax, bx] : [bx, ax];
        return singleLink(
          net,
          l,
          [
            [lx, ay, lx - stub, ay],
            [rx, ay, rx + stub, ay],
          ],
          true,
        );
      }
      const [ty, byy] = ay < by ? [ay, by] : [by, ay];
      return singleLink(
        net,
        l,
        [
          [ax, ty, ax, ty - stub],
          [ax, byy, ax, byy + stub],
        ],
        true,
      );
    });
  return { nodes, links, aggregated: false, groups: [], grid: { rows, cols } };
}

function chipGroupOf(groups: number[][], chips: number): Int32Array {
  const of = new Int32Array(chips).fill(-1);
  groups.forEach((g, gi) => g.forEach((c) => (of[c] = gi)));
  return of;
}

function dragonflyLayout(net: NetworkResult, drill: number | null): TopologyDrawing {
  let groups = groupsByLinks(net, ['local']);
  if (groups.length === net.chips && net.chips > 1) {
    // No local links reported: fall back to nodes of 8.
    groups = [];
    for (let c = 0; c < net.chips; c += 8) groups.push(Array.from({ length: Math.min(8, net.chips - c) }, (_, k) => c + k));
  }
  const groupOf = chipGroupOf(groups, net.chips);
  const G = groups.length;
  if (drill !== null && drill >= 0 && drill < G) return dragonflyDrill(net, groups, groupOf, drill);
  const aggregated = G > AGGREGATE_GROUPS;
  if (!aggregated) {
    const R = 0.36;
    const r = Math.min(0.09, ((Math.PI * R) / Math.max(G, 2)) * 0.8);
    const pos = new Array<[number, number]>(net.chips);
    const nodes: NodeMark[] = [];
    groups.forEach((g, gi) => {
      const [cx, cy] = onCircle(gi, G, R);
      g.forEach((c, k) => {
        pos[c] = onCircle(k, g.length, r, cx, cy);
        nodes.push({ id: c, x: pos[c][0], y: pos[c][1], kind: 'chip', label: `${endpointName(net, c)} (group ${gi})` });
      });
    });
    const links = net.links
      .filter((l) => l.a < net.chips && l.b < net.chips)
      .map((l) => {
        const [ax, ay] = pos[l.a];
        const [bx, by] = pos[l.b];
        if (groupOf[l.a] === groupOf[l.b]) return singleLink(net, l, [[ax, ay, bx, by]]);
        // Global links bend toward the centre so they do not run over the clusters.
        const mx = (ax + bx) / 2;
        const my = (ay + by) / 2;
        return singleLink(net, l, [[ax, ay, bx, by, mx + (0.5 - mx) * 0.6, my + (0.5 - my) * 0.6]]);
      });
    return { nodes, links, aggregated: false, groups };
  }
  return {
    ...aggregateGroups(net, groups, groupOf, 'global'),
    note: `${G} groups of ${groups[0]?.length ?? 0} chips drawn as points; global links bundled per group pair. Pick a group to see its chips.`,
  };
}

/** One point per group on a circle, one bundle per group pair (mean and max utilisation). */
function aggregateGroups(net: NetworkResult, groups: number[][], groupOf: Int32Array, kind: NetworkLink['kind']): TopologyDrawing {
  const G = groups.length;
  const gpos = groups.map((_, gi) => onCircle(gi, G, 0.45));
  const nodes: NodeMark[] = groups.map((g, gi) => ({
    id: gi,
    x: gpos[gi][0],
    y: gpos[gi][1],
    kind: 'group',
    label: `group ${gi}: chips ${g[0]}-${g[g.length - 1]}`,
  }));
  const bundles = new Map<string, { a: number; b: number; sum: number; max: number; count: number }>();
  for (const l of net.links) {
    if (l.a >= net.chips || l.b >= net.chips) continue;
    const ga = groupOf[l.a];
    const gb = groupOf[l.b];
    if (ga === gb) continue;
    const [lo, hi] = ga < gb ? [ga, gb] : [gb, ga];
    const key = `${lo}-${hi}`;
    const bundle = bundles.get(key) ?? { a: lo, b: hi, sum: 0, max: 0, count: 0 };
    bundle.sum += l.utilization;
    bundle.max = Math.max(bundle.max, l.utilization);
    bundle.count++;
    bundles.set(key, bundle);
  }
  const links: LinkMark[] = [...bundles.entries()].map(([key, b]) => {
    const [ax, ay] = gpos[b.a];
    const [bx, by] = gpos[b.b];
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const mean = b.sum / b.count;
    return {
      key: `g${key}`,
      segments: [[ax, ay, bx, by, mx + (0.5 - mx) * 0.75, my + (0.5 - my) * 0.75]],
      utilization: mean,
      maxUtilization: b.max,
      kind,
      wrap: false,
      count: b.count,
      label: `group ${b.a} ↔ group ${b.b}: ${b.count} link${b.count > 1 ? 's' : ''}, mean ${pct(mean)}, max ${pct(b.max)}`,
    };
  });
  return { nodes, links, aggregated: true, groups };
}

function dragonflyDrill(net: NetworkResult, groups: number[][], groupOf: Int32Array, gi: number): TopologyDrawing {
  const g = groups[gi];
  const pos = new Map<number, [number, number]>();
  g.forEach((c, k) => pos.set(c, onCircle(k, g.length, 0.25)));
  const nodes: NodeMark[] = g.map((c) => ({
    id: c,
    x: pos.get(c)![0],
    y: pos.get(c)![1],
    kind: 'chip',
    label: `${endpointName(net, c)} (group ${gi})`,
  }));
  const links: LinkMark[] = [];
  for (const l of net.links) {
    const inA = groupOf[l.a] === gi && l.a < net.chips;
    const inB = groupOf[l.b] === gi && l.b < net.chips;
    if (inA && inB) {
      const [ax, ay] = pos.get(l.a)!;
      const [bx, by] = pos.get(l.b)!;
      links.push(singleLink(net, l, [[ax, ay, bx, by]]));
    } else if (inA || inB) {
      // A global link leaving the group: a stub pointing outward from its chip.
      const [x, y] = pos.get(inA ? l.a : l.b)!;
      const other = inA ? l.b : l.a;
      const dx = x - 0.5;
      const dy = y - 0.5;
      const len = Math.hypot(dx, dy) || 1;
      const mark = singleLink(net, l, [[x, y, x + (dx / len) * 0.18, y + (dy / len) * 0.18]]);
      mark.label = `${mark.label}; to group ${other < net.chips ? groupOf[other] : '-'}`;
      links.push(mark);
    }
  }
  return {
    nodes,
    links,
    aggregated: false,
    groups,
    note: `Group ${gi} of ${groups.length}: its ${g.length} chips, local links, and global links leaving it (stubs).`,
  };
}

function nvswitchLayout(net: NetworkResult): TopologyDrawing {
  // Node switches are the switches GPUs reach over NVLink; any other switch is the network.
  const nodeSwitchOf = new Map<number, number>(); // gpu -> its NVSwitch endpoint
  const nodeSwitches = new Set<number>();
  for (const l of net.links) {
    if (l.kind !== 'nvlink') continue;
    const [gpu, sw] = l.a < net.chips ? [l.a, l.b] : [l.b, l.a];
    if (gpu < net.chips && sw >= net.chips) {
      nodeSwitchOf.set(gpu, sw);
      nodeSwitches.add(sw);
    }
  }
  const groups = groupsByLinks(net, ['nvlink']);
  const G = groups.length;
  const netSwitches: number[] = [];
  for (let e = net.chips; e < net.endpoints; e++) if (!nodeSwitches.has(e)) netSwitches.push(e);
  const pos = new Array<[number, number]>(net.endpoints);
  const nodes: NodeMark[] = [];
  // The network switch in the middle, the nodes (GPUs around their NVSwitch) on a circle
  // around it, so every NIC link runs inward without crossing another node.
  // Node radius from the chord between neighbouring nodes, then the ring as wide as fits.
  const r = G > 1 ? Math.min(0.16, Math.sin(Math.PI / G) * 0.32) : 0.3;
  const R = G > 1 ? 0.46 - r : 0;
  groups.forEach((g, gi) => {
    const [cx, cy] = G > 1 ? onCircle(gi, G, R) : [0.5, 0.5];
    g.forEach((c, k) => {
      pos[c] = onCircle(k, g.length, r, cx, cy);
      nodes.push({ id: c, x: pos[c][0], y: pos[c][1], kind: 'chip', label: `GPU ${c} (node ${gi})` });
    });
    const sw = nodeSwitchOf.get(g[0]);
    if (sw !== undefined) {
      pos[sw] = [cx, cy];
      nodes.push({ id: sw, x: cx, y: cy, kind: 'switch', label: `NVSwitch of node ${gi} (${endpointName(net, sw)})` });
    }
  });
  netSwitches.forEach((e, k) => {
    pos[e] = netSwitches.length === 1 ? [0.5, 0.5] : onCircle(k, netSwitches.length, 0.06);
    nodes.push({ id: e, x: pos[e][0], y: pos[e][1], kind: 'switch', label: `network switch (${endpointName(net, e)})` });
  });
  const links = net.links
    .filter((l) => pos[l.a] && pos[l.b])
    .map((l) => singleLink(net, l, [[pos[l.a][0], pos[l.a][1], pos[l.b][0], pos[l.b][1]]]));
  return { nodes, links, aggregated: false, groups };
}

/** Above this many chips a fully connected network is drawn as blocks of chips. */
export const FC_AGGREGATE_CHIPS = 64;

function fullyConnectedLayout(net: NetworkResult): TopologyDrawing {
  if (net.chips <= FC_AGGREGATE_CHIPS) return circleLayout(net);
  // n(n-1)/2 chords fill the disc; blocks of consecutive chips, one bundle per block pair, do not.
  const blocks = 32;
  const size = Math.ceil(net.chips / blocks);
  const groups: number[][] = [];
  for (let c = 0; c < net.chips; c += size) groups.push(Array.from({ length: Math.min(size, net.chips - c) }, (_, k) => c + k));
  return {
    ...aggregateGroups(net, groups, chipGroupOf(groups, net.chips), 'local'),
    note: `${net.chips.toLocaleString()} chips drawn as ${groups.length} blocks of ${size} consecutive chips; each line bundles the ${(size * size).toLocaleString()} links between two blocks.`,
  };
}

/** Lays out a network for drawing; `drill` opens one dragonfly group. */
export function layoutNetwork(net: NetworkResult, drill: number | null = null): TopologyDrawing {
  switch (net.topology) {
    case 'torus2d':
      return torusLayout(net);
    case 'dragonfly':
      return dragonflyLayout(net, drill);
    case 'nvswitch':
      return nvswitchLayout(net);
    case 'fully-connected':
      return fullyConnectedLayout(net);
    case 'ring':
    default:
      return circleLayout(net);
  }
}
