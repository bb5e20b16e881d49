// Input checks with messages that name the field and the limit.
import { LIMITS } from './limits';
import type { NetworkSpec } from './program';

const TOPOLOGIES: readonly NetworkSpec['topology'][] = ['ring', 'torus2d', 'fully-connected', 'dragonfly', 'nvswitch'];

export function checkInteger(field: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new Error(`${field}: must be an integer in [${min}, ${max}] (got ${v})`);
  }
}

function checkNumber(field: string, v: number, min: number, max: number, minExclusive = false): void {
  const low = minExclusive ? v > min : v >= min;
  if (!Number.isFinite(v) || !low || v > max) {
    throw new Error(`${field}: must be a number in ${minExclusive ? '(' : '['}${min}, ${max}] (got ${v})`);
  }
}

export function validateSpec(spec: NetworkSpec): void {
  if (!TOPOLOGIES.includes(spec.topology)) {
    throw new Error(`spec.topology: must be one of ${TOPOLOGIES.join(', ')} (got ${String(spec.topology)})`);
  }
  checkInteger('spec.chips', spec.chips, 1, LIMITS.maxChips);
  checkInteger('spec.chipsPerNode', spec.chipsPerNode, 1, LIMITS.maxChipsPerNode);
  checkNumber('spec.linkBandwidthGBps', spec.linkBandwidthGBps, 0, LIMITS.maxBandwidthGBps, true);
  checkNumber('spec.hopLatencyUs', spec.hopLatencyUs, 0, LIMITS.maxLatencyUs);
  checkInteger('spec.globalLinksPerChip', spec.globalLinksPerChip, 0, LIMITS.maxGlobalLinksPerChip);
  const usesGlobal = (spec.topology === 'dragonfly' || spec.topology === 'nvswitch') && spec.chips > spec.chipsPerNode;
  if (usesGlobal) {
    checkNumber('spec.globalBandwidthGBps', spec.globalBandwidthGBps, 0, LIMITS.maxBandwidthGBps, true);
    checkNumber('spec.globalLatencyUs', spec.globalLatencyUs, 0, LIMITS.maxLatencyUs);
  }
}
