// GPU servers: each node of chipsPerNode GPUs hangs off one NVSwitch (one 'nvlink' link per
// GPU, linkBandwidthGBps per direction), and every GPU has a NIC link ('network',
// globalLinksPerChip x globalBandwidthGBps per direction) to one non-blocking network switch.
// Switches have no internal contention; only links are contended. Within a node a message
// crosses GPU -> NVSwitch -> GPU (2 links, 2 x hopLatencyUs); between nodes GPU -> network
// switch -> GPU (2 x globalLatencyUs). Endpoints: GPUs, then node switches, then the network switch.
import type { NetworkSpec } from '../program';
import { LinkTable, type BuiltTopology } from '../topology';

export function buildNvswitch(spec: NetworkSpec): BuiltTopology {
  const n = spec.chips;
  const per = spec.chipsPerNode;
  if (n % per !== 0) {
    throw new Error(`spec.chips: nvswitch needs a multiple of chipsPerNode = ${per} (got ${n})`);
  }
  const nodes = n / per;
  if (nodes > 1 && spec.globalLinksPerChip < 1) {
    throw new Error(`spec.globalLinksPerChip: nvswitch with ${nodes} nodes needs at least 1 (got ${spec.globalLinksPerChip})`);
  }
  const links = new LinkTable();
  for (let g = 0; g < n; g++) links.add(g, n + Math.floor(g / per), spec.linkBandwidthGBps, spec.hopLatencyUs, 'nvlink');
  const networkSwitch = n + nodes;
  if (nodes > 1) {
    const nicGBps = spec.globalBandwidthGBps * spec.globalLinksPerChip;
    for (let g = 0; g < n; g++) links.add(g, networkSwitch, nicGBps, spec.globalLatencyUs, 'network');
  }
  const endpoints = nodes > 1 ? n + nodes + 1 : n + nodes;
  return links.finish('nvswitch', n, endpoints, `${nodes} node(s) of ${per} GPUs`, (src, dst, out) => {
    if (src === dst) return;
    if (Math.floor(src / per) === Math.floor(dst / per)) out.push(2 * src, 2 * dst + 1);
    else out.push(2 * (n + src), 2 * (n + dst) + 1);
  });
}
