// Dragonfly: nodes of chipsPerNode chips, all pairs inside a node joined by 'local' links;
// each chip has globalLinksPerChip global ports, so a node has P = chipsPerNode x
// globalLinksPerChip ports for 'global' links to other nodes.
//
// Between nodes the global links form a circulant graph: node n links to n + k and n - k
// (mod N) for every offset k of a chosen set. If P >= N - 1 the set is 1..N/2, i.e. all
// nodes are directly linked (the classic all-to-all dragonfly). Otherwise (e.g. 1,305 nodes
// of 8 chips with 4 ports each: 32 ports, 1,304 other nodes) the set is picked among a few
// deterministic families (balanced mixed-radix digits {j b^i}, geometric, evenly spread)
// for the smallest node-level diameter, then the smallest mean distance; messages then
// cross intermediate nodes. Port q of a node (numbered offset by offset, +k then -k)
// belongs to chip q mod chipsPerNode, so no chip has more than globalLinksPerChip ports.
//
// Routing is minimal in global hops: at each node take an offset that lies on a shortest
// node-level path (from one BFS over node differences, valid for every node because the
// graph is circulant), preferring the port owned by the chip already holding the message,
// else the first such offset in order; a local hop moves the message to the port's chip,
// and a last local hop to the destination chip.
import type { NetworkSpec } from '../program';
import { LinkTable, type BuiltTopology } from '../topology';

interface SignedOffset {
  delta: number;
  departPort: number;
  arrivePort: number;
  /** Global link id leaving node n along this offset, and its direction. */
  link: (n: number) => number;
  dir: (n: number) => number;
}

/** Distances over node differences d = (to - from) mod nodes, using steps of +-k. */
export function offsetDistances(nodes: number, offsets: readonly number[]): Int32Array {
  const dist = new Int32Array(nodes).fill(-1);
  const queue = new Int32Array(nodes);
  dist[0] = 0;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const d = queue[head++];
    for (let i = 0; i < offsets.length; i++) {
      // d + k, then d - k (no array per step: this runs for every candidate set of a new layout)
      for (let e = (d + offsets[i]) % nodes, side = 0; side < 2; side++, e = (d - offsets[i] + nodes) % nodes) {
        if (dist[e] < 0) {
          dist[e] = dist[d] + 1;
          queue[tail++] = e;
        }
      }
    }
  }
  return dist;
}

function normalise(nodes: number, raw: number[]): number[] {
  const set = new Set<number>();
  for (const r of raw) {
    const k = Math.round(r) % nodes;
    const m = Math.min(k, nodes - k);
    if (m > 0) set.add(m);
  }
  return [...set].sort((a, b) => a - b);
}

/** Positive node offsets whose +-links fit in `ports` ports per node (see file comment). */
export function chooseNodeOffsets(nodes: number, ports: number): number[] {
  if (nodes <= 1) return [];
  if (ports >= nodes - 1) return Array.from({ length: Math.floor(nodes / 2) }, (_, i) => i + 1);
  const s = Math.floor(ports / 2);
  const half = nodes / 2;
  const candidates: number[][] = [];
  for (let t = 1; t <= Math.min(s, 6); t++) {
    const m = Math.floor(s / t);
    const b = 2 * m + 1;
    const raw: number[] = [];
    for (let i = 0; i < t; i++) for (let j = 1; j <= m; j++) raw.push(j * b ** i);
    candidates.push(normalise(nodes, raw));
  }
  candidates.push(
    normalise(
      nodes,
      Array.from({ length: s }, (_, i) => half ** (i / Math.max(1, s - 1))),
    ),
  );
  candidates.push(normalise(nodes, [1, ...Array.from({ length: s - 1 }, (_, i) => ((i + 1) * half) / s)]));
  let best: number[] = candidates[0];
  let bestDiameter = Infinity;
  let bestSum = Infinity;
  for (const c of candidates) {
    const dist = offsetDistances(nodes, c);
    let diameter = 0;
    let sum = 0;
    for (let d = 0; d < nodes; d++) {
      const v = dist[d] < 0 ? Infinity : dist[d];
      diameter = Math.max(diameter, v);
      sum += v;
    }
    if (diameter < bestDiameter || (diameter === bestDiameter && sum < bestSum)) {
      best = c;
      bestDiameter = diameter;
      bestSum = sum;
    }
  }
  return best;
}

export function buildDragonfly(spec: NetworkSpec): BuiltTopology {
  const per = spec.chipsPerNode;
  const n = spec.chips;
  if (n < 2) throw new Error(`spec.chips: dragonfly needs at least 2 chips (got ${n})`);
  if (n % per !== 0) throw new Error(`spec.chips: dragonfly needs a multiple of chipsPerNode = ${per} (got ${n})`);
  const nodes = n / per;
  const ports = per * spec.globalLinksPerChip;
  if (nodes > 1 && ports < (nodes === 2 ? 1 : 2)) {
    throw new Error(
      `spec.globalLinksPerChip: dragonfly with ${nodes} nodes of ${per} chips needs at least ${Math.ceil(2 / per)} global port(s) per chip (got ${spec.globalLinksPerChip})`,
    );
  }
  const links = new LinkTable();
  const pairsPerNode = (per * (per - 1)) / 2;
  const pairId = (i: number, j: number): number => i * per - (i * (i + 1)) / 2 + (j - i - 1);
  for (let node = 0; node < nodes; node++)
    for (let i = 0; i < per; i++)
      for (let j = i + 1; j < per; j++) links.add(node * per + i, node * per + j, spec.linkBandwidthGBps, spec.hopLatencyUs, 'local');

  const offsets = chooseNodeOffsets(nodes, ports);
  const signed: SignedOffset[] = [];
  let port = 0;
  for (const k of offsets) {
    const base = links.count;
    if (2 * k === nodes) {
      const q = port++;
      for (let node = 0; node < k; node++)
        links.add(node * per + (q % per), (node + k) * per + (q % per), spec.globalBandwidthGBps, spec.globalLatencyUs, 'global');
      signed.push({
        delta: k,
        departPort: q,
        arrivePort: q,
        link: (node) => base + (node < k ? node : node - k),
        dir: (node) => (node < k ? 0 : 1),
      });
    } else {
      const plus = port++;
      const minus = port++;
      for (let node = 0; node < nodes; node++)
        links.add(
          node * per + (plus % per),
          ((node + k) % nodes) * per + (minus % per),
          spec.globalBandwidthGBps,
          spec.globalLatencyUs,
          'global',
        );
      signed.push({ delta: k, departPort: plus, arrivePort: minus, link: (node) => base + node, dir: () => 0 });
      signed.push({
        delta: nodes - k,
        departPort: minus,
        arrivePort: plus,
        link: (node) => base + ((node - k + nodes) % nodes),
        dir: () => 1,
      });
    }
  }
  const dist = offsetDistances(nodes, offsets);

  function localHop(node: number, from: number, to: number, out: number[]): void {
    if (from === to) return;
    const base = node * pairsPerNode;
    out.push(from < to ? 2 * (base + pairId(from, to)) : 2 * (base + pairId(to, from)) + 1);
  }

  // The offset taken depends only on the node difference left and the chip holding the message:
  // kept per (difference, chip), so a new layout's thousands of routes do not each scan the offsets.
  const UNKNOWN = -2;
  const picks = new Int32Array(nodes * per).fill(UNKNOWN);
  /** Index in `signed` of the offset taken (-1: none lies on a shortest node path). */
  function pickOffset(d: number, chip: number): number {
    let pick = -1;
    for (let i = 0; i < signed.length; i++) {
      const s = signed[i];
      if (dist[(d - s.delta + nodes) % nodes] !== dist[d] - 1) continue;
      if (pick < 0) pick = i;
      if (s.departPort % per === chip) return i;
    }
    return pick;
  }

  const description =
    nodes <= 1
      ? `1 node of ${per} chips`
      : `${nodes} nodes of ${per} chips; global offsets ${offsets.length <= 12 ? offsets.join(', ') : `${offsets.length} offsets`}` +
        `${ports >= nodes - 1 ? ' (all-to-all)' : ''}; node diameter ${Math.max(...dist)}`;

  return links.finish('dragonfly', n, n, description, (src, dst, out) => {
    let node = Math.floor(src / per);
    let chip = src % per;
    const target = Math.floor(dst / per);
    while (node !== target) {
      const d = (target - node + nodes) % nodes;
      const at = d * per + chip;
      if (picks[at] === UNKNOWN) picks[at] = pickOffset(d, chip);
      const pick = signed[picks[at]];
      if (pick === undefined) throw new Error(`dragonfly: no route from node ${node} to node ${target}`);
      localHop(node, chip, pick.departPort % per, out);
      out.push(2 * pick.link(node) + pick.dir(node));
      node = (node + pick.delta) % nodes;
      chip = pick.arrivePort % per;
    }
    localHop(node, chip, dst % per, out);
  });
}
