// Helpers shared by the interconnect tests: specs and graph walks over a built topology.
import type { NetworkSpec } from './program';
import type { BuiltTopology } from './topology';

export function spec(topology: NetworkSpec['topology'], chips: number, extra: Partial<NetworkSpec> = {}): NetworkSpec {
  return {
    topology,
    chips,
    chipsPerNode: 8,
    linkBandwidthGBps: 100,
    hopLatencyUs: 1,
    globalLinksPerChip: 4,
    globalBandwidthGBps: 50,
    globalLatencyUs: 2,
    ...extra,
  };
}

/** Hop distances from `src` over all endpoints (BFS on the undirected link graph). */
export function bfs(topo: BuiltTopology, src: number): Int32Array {
  const adj: number[][] = Array.from({ length: topo.endpoints }, () => []);
  for (let l = 0; l < topo.linkA.length; l++) {
    adj[topo.linkA[l]].push(topo.linkB[l]);
    adj[topo.linkB[l]].push(topo.linkA[l]);
  }
  const dist = new Int32Array(topo.endpoints).fill(-1);
  dist[src] = 0;
  const queue = [src];
  for (let h = 0; h < queue.length; h++) {
    for (const v of adj[queue[h]]) {
      if (dist[v] < 0) {
        dist[v] = dist[queue[h]] + 1;
        queue.push(v);
      }
    }
  }
  return dist;
}

/** Follows a route link by link; throws if consecutive links do not connect. Returns the endpoints visited. */
export function walkRoute(topo: BuiltTopology, src: number, route: ArrayLike<number>): number[] {
  const visited = [src];
  let at = src;
  for (let k = 0; k < route.length; k++) {
    const l = route[k] >> 1;
    const [from, to] = route[k] & 1 ? [topo.linkB[l], topo.linkA[l]] : [topo.linkA[l], topo.linkB[l]];
    if (from !== at) throw new Error(`hop ${k} leaves ${from}, but the message is at ${at}`);
    at = to;
    visited.push(at);
  }
  return visited;
}
