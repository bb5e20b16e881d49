import { describe, expect, it } from 'vitest';
import { buildTopology } from './topologies';
import { chooseNodeOffsets, offsetDistances } from './topologies/dragonfly';
import { torusShape } from './topologies/torus';
import { bfs, spec, walkRoute } from './testNetworks';
import type { BuiltTopology } from './topology';

function diameter(topo: BuiltTopology, chips: number): number {
  let d = 0;
  for (let s = 0; s < chips; s++) {
    const dist = bfs(topo, s);
    for (let t = 0; t < chips; t++) {
      expect(dist[t]).toBeGreaterThanOrEqual(0);
      d = Math.max(d, dist[t]);
    }
  }
  return d;
}

/** Every route is connected, ends at its destination and is as short as BFS allows. */
function expectShortestRoutes(topo: BuiltTopology): void {
  for (let s = 0; s < topo.chips; s++) {
    const dist = bfs(topo, s);
    for (let t = 0; t < topo.chips; t++) {
      const route = topo.cachedRoute(s, t);
      const visited = walkRoute(topo, s, route);
      expect(visited[visited.length - 1]).toBe(t);
      expect(route.length).toBe(dist[t]);
    }
  }
}

describe('ring', () => {
  it.each([2, 3, 8, 13])('%i chips: link count, diameter floor(n/2), shortest routes', (n) => {
    const topo = buildTopology(spec('ring', n));
    expect(topo.linkA.length).toBe(n === 2 ? 1 : n);
    expect(diameter(topo, n)).toBe(Math.floor(n / 2));
    expectShortestRoutes(topo);
  });
  it('rejects one chip, naming the field', () => {
    expect(() => buildTopology(spec('ring', 1))).toThrow(/spec\.chips: ring needs at least 2/);
  });
});

describe('torus2d', () => {
  it('chooses the most square factorisation', () => {
    expect(torusShape(576)).toEqual({ rows: 24, cols: 24 });
    expect(torusShape(10440)).toEqual({ rows: 90, cols: 116 });
    expect(torusShape(12)).toEqual({ rows: 3, cols: 4 });
  });
  it.each([
    [4, 2, 2],
    [6, 2, 3],
    [12, 3, 4],
    [20, 4, 5],
  ])('%i chips (%i x %i): link count, diameter, shortest dimension-order routes', (n, r, c) => {
    const topo = buildTopology(spec('torus2d', n));
    const line = (k: number): number => (k === 2 ? 1 : k);
    expect(topo.linkA.length).toBe(r * line(c) + c * line(r));
    expect(diameter(topo, n)).toBe(Math.floor(r / 2) + Math.floor(c / 2));
    expectShortestRoutes(topo);
  });
  it('rejects too few or a prime number of chips, naming the field and limit', () => {
    expect(() => buildTopology(spec('torus2d', 3))).toThrow(/spec\.chips: torus2d needs at least 4 chips \(got 3\)/);
    expect(() => buildTopology(spec('torus2d', 7))).toThrow(/spec\.chips: .*prime/);
  });
});

describe('fully-connected', () => {
  it('n(n-1)/2 links, diameter 1, direct routes', () => {
    const topo = buildTopology(spec('fully-connected', 9));
    expect(topo.linkA.length).toBe(36);
    expect(diameter(topo, 9)).toBe(1);
    expectShortestRoutes(topo);
  });
  it('refuses more chips than the limit', () => {
    expect(() => buildTopology(spec('fully-connected', 1025))).toThrow(/spec\.chips: fully-connected supports at most 1024/);
  });
});

describe('nvswitch', () => {
  it('one nvlink per GPU to its node switch, one NIC link per GPU to the network switch', () => {
    const topo = buildTopology(spec('nvswitch', 32, { chipsPerNode: 8, globalLinksPerChip: 2 }));
    expect(topo.endpoints).toBe(32 + 4 + 1);
    expect(topo.linkKind.filter((k) => k === 'nvlink').length).toBe(32);
    expect(topo.linkKind.filter((k) => k === 'network').length).toBe(32);
    // NIC bandwidth per GPU = ports x per-port bandwidth
    expect(topo.bandwidthGBps[topo.linkKind.indexOf('network')]).toBe(100);
    expect(diameter(topo, 32)).toBe(2);
    expectShortestRoutes(topo);
  });
  it('a single node has no network switch', () => {
    const topo = buildTopology(spec('nvswitch', 8));
    expect(topo.endpoints).toBe(9);
    expect(topo.linkA.length).toBe(8);
  });
});

describe('dragonfly', () => {
  it('all-to-all between nodes when the ports allow: chip diameter 3 (local, global, local)', () => {
    // 6 nodes of 4 chips, 2 ports per chip = 8 ports per node >= 5 other nodes
    const topo = buildTopology(spec('dragonfly', 24, { chipsPerNode: 4, globalLinksPerChip: 2 }));
    expect(topo.linkKind.filter((k) => k === 'local').length).toBe(6 * 6);
    expect(topo.linkKind.filter((k) => k === 'global').length).toBe((6 * 5) / 2);
    expect(diameter(topo, 24)).toBe(3);
    for (let s = 0; s < 24; s++)
      for (let t = 0; t < 24; t++) {
        const route = topo.cachedRoute(s, t);
        expect(walkRoute(topo, s, route).pop()).toBe(t);
        expect(route.length).toBeLessThanOrEqual(3);
      }
  });

  function globalPortsPerChip(topo: BuiltTopology): Map<number, number> {
    const ports = new Map<number, number>();
    topo.linkKind.forEach((k, l) => {
      if (k !== 'global') return;
      for (const e of [topo.linkA[l], topo.linkB[l]]) ports.set(e, (ports.get(e) ?? 0) + 1);
    });
    return ports;
  }

  it.each([576, 10440])('%i chips in nodes of 8 with 4 global ports per chip', (chips) => {
    const topo = buildTopology(spec('dragonfly', chips));
    const nodes = chips / 8;
    expect(topo.linkKind.filter((k) => k === 'local').length).toBe(nodes * 28);
    // no chip uses more global ports than it has
    for (const count of globalPortsPerChip(topo).values()) expect(count).toBeLessThanOrEqual(4);
    // node-level diameter from the links themselves (contract each node into one vertex)
    const adj: Set<number>[] = Array.from({ length: nodes }, () => new Set());
    topo.linkKind.forEach((k, l) => {
      if (k !== 'global') return;
      const a = Math.floor(topo.linkA[l] / 8);
      const b = Math.floor(topo.linkB[l] / 8);
      adj[a].add(b);
      adj[b].add(a);
    });
    const dist = new Int32Array(nodes).fill(-1);
    dist[0] = 0;
    const queue = [0];
    for (let h = 0; h < queue.length; h++) {
      for (const v of adj[queue[h]]) {
        if (dist[v] >= 0) continue;
        dist[v] = dist[queue[h]] + 1;
        queue.push(v);
      }
    }
    const nodeDiameter = Math.max(...dist);
    expect(Math.min(...dist)).toBe(0); // connected
    expect(nodeDiameter).toBe(nodes === 72 ? 2 : 3);
    // routes: connected, end at the destination, cross exactly the node distance in global links
    const step = chips === 576 ? 7 : 37;
    for (let s = 0; s < chips; s += step * 5) {
      for (let t = 0; t < chips; t += step) {
        const route = topo.cachedRoute(s, t);
        expect(walkRoute(topo, s, route).pop()).toBe(t);
        let globals = 0;
        for (const dl of route) if (topo.linkKind[dl >> 1] === 'global') globals++;
        const d = (Math.floor(t / 8) - Math.floor(s / 8) + nodes) % nodes;
        expect(globals).toBe(dist[d]); // circulant: distance depends only on the difference
        // at most one local hop before each global hop, and one at the end
        expect(route.length).toBeLessThanOrEqual(2 * globals + 1);
      }
    }
  });

  it('a route does not depend on the routes asked before it (the offsets taken are kept per node difference and chip)', () => {
    // 111 nodes of 8: not all-to-all, so routes cross intermediate nodes
    const s = spec('dragonfly', 888);
    const pairs: [number, number][] = [];
    for (let a = 0; a < 888; a += 11) for (let b = 3; b < 888; b += 17) pairs.push([a, b]);
    const forward = buildTopology(s);
    const first = pairs.map(([a, b]) => Array.from(forward.cachedRoute(a, b)));
    const backward = buildTopology(s);
    const later: number[][] = new Array<number[]>(pairs.length);
    for (let k = pairs.length - 1; k >= 0; k--) later[k] = Array.from(backward.cachedRoute(pairs[k][0], pairs[k][1]));
    expect(later).toEqual(first);
    // a route from a fresh topology, asked alone, is the same as well
    for (const k of [0, 137, pairs.length - 1]) {
      const out: number[] = [];
      buildTopology(s).route(pairs[k][0], pairs[k][1], out);
      expect(out).toEqual(first[k]);
    }
    expect(first.some((r) => r.length >= 5)).toBe(true);
  });

  it('10,440 chips cannot be all-to-all, so the offsets reach every node in 3 global hops', () => {
    const offsets = chooseNodeOffsets(1305, 32);
    expect(offsets.length).toBeLessThanOrEqual(16);
    expect(Math.max(...offsetDistances(1305, offsets))).toBe(3);
  });

  it('rejects chip counts that do not fill whole nodes, and nodes without ports', () => {
    expect(() => buildTopology(spec('dragonfly', 20))).toThrow(/spec\.chips: dragonfly needs a multiple of chipsPerNode = 8/);
    expect(() => buildTopology(spec('dragonfly', 64, { globalLinksPerChip: 0 }))).toThrow(/spec\.globalLinksPerChip/);
  });
});
