// Every pair of chips has its own link; the route is that one link.
import type { NetworkSpec } from '../program';
import { LinkTable, type BuiltTopology } from '../topology';

/** n(n-1)/2 links grows fast: 1024 chips is already 523,776 links. */
export const MAX_FULLY_CONNECTED_CHIPS = 1024;

export function buildFullyConnected(spec: NetworkSpec): BuiltTopology {
  const n = spec.chips;
  if (n < 2) throw new Error(`spec.chips: fully-connected needs at least 2 chips (got ${n})`);
  if (n > MAX_FULLY_CONNECTED_CHIPS) {
    throw new Error(`spec.chips: fully-connected supports at most ${MAX_FULLY_CONNECTED_CHIPS} chips (got ${n}); use dragonfly`);
  }
  const links = new LinkTable();
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) links.add(i, j, spec.linkBandwidthGBps, spec.hopLatencyUs, 'local');
  // id of pair (i < j): links before row i, plus the offset within row i
  const pairId = (i: number, j: number): number => i * n - (i * (i + 1)) / 2 + (j - i - 1);
  return links.finish('fully-connected', n, n, `${n} chips, all pairs linked`, (src, dst, out) => {
    if (src === dst) return;
    out.push(src < dst ? 2 * pairId(src, dst) : 2 * pairId(dst, src) + 1);
  });
}
