// The figures the summary shows, derived from one NetworkResult.
import type { NetworkLink, NetworkResult } from '../../engine/types';

export interface NetworkSummary {
  stepUs: number;
  computeUs: number;
  communicationUs: number;
  /** Shares of the step time (0..1). */
  computeShare: number;
  communicationShare: number;
  /** The link with the highest utilisation (lowest id on ties); null when there are no links. */
  busiest: NetworkLink | null;
  /** Mean of the links' utilisations (0..1), each link counted once. */
  meanUtilization: number;
  links: number;
}

export function summarizeNetwork(net: NetworkResult): NetworkSummary {
  let busiest: NetworkLink | null = null;
  let sum = 0;
  for (const l of net.links) {
    sum += l.utilization;
    if (!busiest || l.utilization > busiest.utilization) busiest = l;
  }
  const share = (us: number) => (net.stepUs > 0 ? us / net.stepUs : 0);
  return {
    stepUs: net.stepUs,
    computeUs: net.computeUs,
    communicationUs: net.communicationUs,
    computeShare: share(net.computeUs),
    communicationShare: share(net.communicationUs),
    busiest,
    meanUtilization: net.links.length ? sum / net.links.length : 0,
    links: net.links.length,
  };
}

/** Microseconds with a sensible number of digits and the unit. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return '-';
  if (us === 0) return '0 µs';
  if (us >= 1000) return `${(us / 1000).toPrecision(4)} ms`;
  if (us >= 100) return `${us.toFixed(1)} µs`;
  if (us >= 1) return `${us.toFixed(2)} µs`;
  return `${(us * 1000).toPrecision(3)} ns`;
}

/** A busy fraction as a percentage; two significant digits below 0.1% so tiny is not shown as 0. */
export function formatUtilization(u: number): string {
  if (!Number.isFinite(u)) return '-';
  if (u > 0 && u < 0.001) return `${(u * 100).toPrecision(2)}%`;
  return `${(u * 100).toFixed(1)}%`;
}
