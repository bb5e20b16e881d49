// Chip counts the networks can be built with: a dragonfly is bought in whole nodes, a 2-D
// torus needs two factors >= 2, NVSwitch systems are whole nodes beyond one node.
import type { Topology } from '../../scenario/types';

/** Largest fully-connected system the interconnect simulation builds (its MAX_FULLY_CONNECTED_CHIPS). */
const MAX_FULLY_CONNECTED = 1024;

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Smallest buildable SRAM-system size holding at least `chips` chips. */
export function lpuSystemChips(chips: number, topology: Topology, chipsPerNode: number): number {
  const n = Math.max(2, chips);
  switch (topology) {
    case 'dragonfly':
      return Math.ceil(n / chipsPerNode) * chipsPerNode;
    case 'torus2d': {
      let t = Math.max(4, n);
      while (isPrime(t)) t++;
      return t;
    }
    case 'ring':
    case 'fully-connected':
      return n;
  }
}

/** Why `chips` cannot be built as `topology`, or null. */
export function lpuTopologyProblem(chips: number, topology: Topology, chipsPerNode: number): string | null {
  if (chips < 2) return `${topology} needs at least 2 chips (got ${chips})`;
  if (topology === 'dragonfly' && chips % chipsPerNode !== 0)
    return `dragonfly is built in whole nodes: chips must be a multiple of chipsPerNode = ${chipsPerNode} (got ${chips}; try ${lpuSystemChips(chips, topology, chipsPerNode)})`;
  if (topology === 'torus2d' && (chips < 4 || isPrime(chips)))
    return `torus2d needs a chip count with two factors >= 2 (got ${chips}; try ${lpuSystemChips(chips, topology, chipsPerNode)})`;
  if (topology === 'fully-connected' && chips > MAX_FULLY_CONNECTED)
    return `fully-connected is limited to ${MAX_FULLY_CONNECTED} chips (got ${chips}); use dragonfly`;
  return null;
}

/** Why `gpus` GPUs cannot form an NVSwitch system, or null. */
export function gpuCountProblem(gpus: number, gpusPerNode: number): string | null {
  if (gpus > gpusPerNode && gpus % gpusPerNode !== 0) return `beyond one node, GPUs come in whole nodes of ${gpusPerNode} (got ${gpus})`;
  return null;
}
