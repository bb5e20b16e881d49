import { describe, expect, it } from 'vitest';
import type { NetworkLink, NetworkResult } from '../../engine/types';
import type { BuiltTopology } from '../../engine/interconnect/topology';
import type { NetworkSpec } from '../../engine/interconnect/program';
import { buildRing } from '../../engine/interconnect/topologies/ring';
import { buildTorus, torusShape } from '../../engine/interconnect/topologies/torus';
import { buildNvswitch } from '../../engine/interconnect/topologies/nvswitch';
import { buildDragonfly } from '../../engine/interconnect/topologies/dragonfly';
import { buildFullyConnected } from '../../engine/interconnect/topologies/fullyConnected';
import { layoutNetwork, torusGrid, groupsByLinks, AGGREGATE_GROUPS, FC_AGGREGATE_CHIPS } from './layout';

const spec = (topology: NetworkSpec['topology'], chips: number, chipsPerNode = 8): NetworkSpec => ({
  topology,
  chips,
  chipsPerNode,
  linkBandwidthGBps: 100,
  hopLatencyUs: 0.5,
  globalLinksPerChip: 1,
  globalBandwidthGBps: 50,
  globalLatencyUs: 2,
});

/** A NetworkResult with the built topology's links; utilisation = a deterministic pattern. */
function toResult(t: BuiltTopology): NetworkResult {
  const links: NetworkLink[] = Array.from(t.linkA, (a, id) => ({
    id,
    a,
    b: t.linkB[id],
    bandwidthGBps: t.bandwidthGBps[id],
    latencyUs: t.latencyUs[id],
    kind: t.linkKind[id],
    utilization: (id % 10) / 10,
  }));
  return {
    topology: t.topology,
    endpoints: t.endpoints,
    chips: t.chips,
    links,
    events: [],
    eventsTruncated: false,
    stepUs: 10,
    computeUs: 6,
    communicationUs: 4,
  };
}

/** Dragonfly: groups of `per` chips fully linked inside, one global link between each group pair. */
function dragonfly(groups: number, per = 8): NetworkResult {
  const links: NetworkLink[] = [];
  const add = (a: number, b: number, kind: NetworkLink['kind'], utilization: number) =>
    links.push({ id: links.length, a, b, bandwidthGBps: 100, latencyUs: 0.5, kind, utilization });
  for (let g = 0; g < groups; g++)
    for (let i = 0; i < per; i++) for (let j = i + 1; j < per; j++) add(g * per + i, g * per + j, 'local', 0.2);
  for (let g = 0; g < groups; g++)
    for (let h = g + 1; h < groups; h++) add(g * per + (h % per), h * per + (g % per), 'global', ((g + h) % 5) / 5);
  const chips = groups * per;
  return {
    topology: 'dragonfly',
    endpoints: chips,
    chips,
    links,
    events: [],
    eventsTruncated: false,
    stepUs: 10,
    computeUs: 6,
    communicationUs: 4,
  };
}

const inUnitSquare = (v: number) => v >= -0.1 && v <= 1.1;

describe('layoutNetwork', () => {
  it('ring: every chip on one circle, one straight mark per link, nothing marked wrap', () => {
    const net = toResult(buildRing(spec('ring', 12)));
    const d = layoutNetwork(net);
    expect(d.nodes).toHaveLength(12);
    expect(d.links).toHaveLength(12);
    const radii = d.nodes.map((n) => Math.hypot(n.x - 0.5, n.y - 0.5));
    for (const r of radii) expect(r).toBeCloseTo(radii[0], 9);
    expect(d.links.filter((l) => l.wrap)).toHaveLength(0);
    // Each ring link joins neighbours on the circle: the chord is the shortest one.
    const chord = 2 * radii[0] * Math.sin(Math.PI / 12);
    for (const l of d.links) {
      const [x1, y1, x2, y2] = l.segments[0];
      expect(Math.hypot(x2 - x1, y2 - y1)).toBeCloseTo(chord, 9);
    }
  });

  it('torus: recovers the builder grid and draws rows + cols wrap links as stubs', () => {
    for (const chips of [16, 24, 36, 60]) {
      const net = toResult(buildTorus(spec('torus2d', chips)));
      expect(torusGrid(net)).toEqual(torusShape(chips));
      const { rows, cols } = torusShape(chips);
      const d = layoutNetwork(net);
      expect(d.grid).toEqual({ rows, cols });
      const expectedWrap = (rows > 2 ? cols : 0) + (cols > 2 ? rows : 0);
      expect(d.links.filter((l) => l.wrap)).toHaveLength(expectedWrap);
      for (const l of d.links.filter((x) => x.wrap)) expect(l.segments).toHaveLength(2);
      for (const n of d.nodes) expect(inUnitSquare(n.x) && inUnitSquare(n.y)).toBe(true);
    }
  });

  it('nvswitch: each node switch sits at the centre of its GPUs, the network switch in the middle', () => {
    const net = toResult(buildNvswitch(spec('nvswitch', 32, 8)));
    const d = layoutNetwork(net);
    expect(d.groups).toHaveLength(4);
    const switches = d.nodes.filter((n) => n.kind === 'switch');
    expect(switches).toHaveLength(5);
    for (let g = 0; g < 4; g++) {
      const sw = d.nodes.find((n) => n.id === 32 + g)!;
      const gpus = d.nodes.filter((n) => n.kind === 'chip' && Math.floor(n.id / 8) === g);
      const cx = gpus.reduce((s, n) => s + n.x, 0) / gpus.length;
      const cy = gpus.reduce((s, n) => s + n.y, 0) / gpus.length;
      expect(sw.x).toBeCloseTo(cx, 9);
      expect(sw.y).toBeCloseTo(cy, 9);
    }
    // The network switch sits at the centre, every GPU farther out than its node's NVSwitch.
    const hub = d.nodes.find((n) => n.id === 36)!;
    expect([hub.x, hub.y]).toEqual([0.5, 0.5]);
    const nodeSwitches = d.nodes.filter((n) => n.kind === 'switch' && n.id !== 36);
    const dist = nodeSwitches.map((n) => Math.hypot(n.x - 0.5, n.y - 0.5));
    for (const r of dist) expect(r).toBeCloseTo(dist[0], 9);
    expect(dist[0]).toBeGreaterThan(0.2);
    // Nodes do not overlap: every GPU is nearer its own NVSwitch than any other.
    for (const n of d.nodes.filter((x) => x.kind === 'chip')) {
      const own = 32 + Math.floor(n.id / 8);
      const nearest = nodeSwitches.reduce((a, b) => (Math.hypot(a.x - n.x, a.y - n.y) <= Math.hypot(b.x - n.x, b.y - n.y) ? a : b));
      expect(nearest.id).toBe(own);
    }
    expect(d.links).toHaveLength(net.links.length);
  });

  it('dragonfly: small systems draw every chip and link; groups come from the local links', () => {
    const net = dragonfly(4);
    expect(groupsByLinks(net, ['local'])).toHaveLength(4);
    const d = layoutNetwork(net);
    expect(d.aggregated).toBe(false);
    expect(d.nodes).toHaveLength(32);
    expect(d.links).toHaveLength(net.links.length);
  });

  it('dragonfly: many groups are aggregated, one bundle per group pair with mean and max utilisation', () => {
    const G = AGGREGATE_GROUPS + 4;
    const net = dragonfly(G);
    const d = layoutNetwork(net);
    expect(d.aggregated).toBe(true);
    expect(d.nodes.filter((n) => n.kind === 'group')).toHaveLength(G);
    expect(d.links).toHaveLength((G * (G - 1)) / 2);
    const bundle = d.links.find((l) => l.key === 'g1-2')!;
    const g12 = net.links.filter((l) => l.kind === 'global' && Math.floor(l.a / 8) === 1 && Math.floor(l.b / 8) === 2);
    expect(bundle.count).toBe(g12.length);
    expect(bundle.utilization).toBeCloseTo(g12.reduce((s, l) => s + l.utilization, 0) / g12.length, 12);
  });

  it('dragonfly drill-down: one group, its local links and one stub per global link leaving it', () => {
    const G = AGGREGATE_GROUPS + 4;
    const net = dragonfly(G);
    const d = layoutNetwork(net, 3);
    expect(d.nodes.map((n) => n.id)).toEqual([24, 25, 26, 27, 28, 29, 30, 31]);
    const local = net.links.filter((l) => l.kind === 'local' && Math.floor(l.a / 8) === 3).length;
    const leaving = net.links.filter((l) => l.kind === 'global' && (Math.floor(l.a / 8) === 3 || Math.floor(l.b / 8) === 3)).length;
    expect(d.links).toHaveLength(local + leaving);
    expect(leaving).toBe(G - 1);
  });

  it('dragonfly from the engine builder at 10,440 chips: aggregated, every global link in exactly one bundle', () => {
    const net = toResult(buildDragonfly({ ...spec('dragonfly', 10_440, 8), globalLinksPerChip: 4 }));
    const t0 = performance.now();
    const d = layoutNetwork(net);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d.aggregated).toBe(true);
    expect(d.groups).toHaveLength(1305);
    const globals = net.links.filter((l) => l.kind === 'global').length;
    expect(d.links.reduce((s, l) => s + l.count, 0)).toBe(globals);
  });

  it('fully connected: every chord when small; blocks with one bundle per block pair when large', () => {
    const small = toResult(buildFullyConnected(spec('fully-connected', FC_AGGREGATE_CHIPS)));
    expect(layoutNetwork(small).links).toHaveLength((64 * 63) / 2);
    const big = toResult(buildFullyConnected(spec('fully-connected', 320)));
    const d = layoutNetwork(big);
    expect(d.aggregated).toBe(true);
    expect(d.nodes).toHaveLength(32);
    expect(d.links).toHaveLength((32 * 31) / 2);
    // Blocks of 10 chips: each bundle stands for the 100 links between two blocks.
    for (const l of d.links) expect(l.count).toBe(100);
  });
});
