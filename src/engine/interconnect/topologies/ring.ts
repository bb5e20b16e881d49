// Ring: chip i links to chip i+1 (mod n). Routing takes the shorter way round; on a tie
// (n even, opposite chip) it goes forward (increasing index).
import type { NetworkSpec } from '../program';
import { LinkTable, type BuiltTopology } from '../topology';

export function buildRing(spec: NetworkSpec): BuiltTopology {
  const n = spec.chips;
  if (n < 2) throw new Error(`spec.chips: ring needs at least 2 chips (got ${n})`);
  const links = new LinkTable();
  // Two chips share one link: a second "wrap" link would join the same pair.
  const count = n === 2 ? 1 : n;
  for (let i = 0; i < count; i++) links.add(i, (i + 1) % n, spec.linkBandwidthGBps, spec.hopLatencyUs, 'local');
  return links.finish('ring', n, n, `ring of ${n} chips`, (src, dst, out) => {
    const forward = (dst - src + n) % n;
    if (forward === 0) return;
    if (n === 2) {
      out.push(src === 0 ? 0 : 1);
      return;
    }
    if (forward <= n - forward) {
      for (let c = src; c !== dst; c = (c + 1) % n) out.push(2 * c);
    } else {
      for (let c = src; c !== dst; c = (c - 1 + n) % n) out.push(2 * ((c - 1 + n) % n) + 1);
    }
  });
}
