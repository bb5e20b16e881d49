// Which timeline lanes to draw: all of them for small systems; for large ones every lane
// the critical path runs through plus an evenly spaced sample of the rest.
import type { NetworkResult, TimelineEvent } from '../../engine/types';
import { linkName, endpointName } from './layout';

export interface Lane {
  key: string;
  kind: TimelineEvent['kind'];
  /** Chip index (compute) or link id (transfer). */
  index: number;
  label: string;
  critical: boolean;
  events: TimelineEvent[];
}

export interface LaneSelection {
  lanes: Lane[];
  /** Lanes that have at least one event. */
  totalLanes: number;
  criticalLanes: number;
  /** True when some lanes were left out. */
  sampled: boolean;
}

export const MAX_LANES = 40;

export function laneKey(e: Pick<TimelineEvent, 'kind' | 'lane'>): string {
  return `${e.kind === 'compute' ? 'c' : 'l'}${e.lane}`;
}

/** Up to `k` items spread evenly over `items` (first and last included when k > 1). */
export function spread<T>(items: T[], k: number): T[] {
  if (k <= 0) return [];
  if (items.length <= k) return items.slice();
  if (k === 1) return [items[0]];
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(items[Math.round((i * (items.length - 1)) / (k - 1))]);
  return out;
}

export function selectLanes(net: NetworkResult, maxLanes = MAX_LANES): LaneSelection {
  const byKey = new Map<string, Lane>();
  const linkById = new Map(net.links.map((l) => [l.id, l]));
  for (const e of net.events) {
    const key = laneKey(e);
    let lane = byKey.get(key);
    if (!lane) {
      const link = e.kind === 'transfer' ? linkById.get(e.lane) : undefined;
      lane = {
        key,
        kind: e.kind,
        index: e.lane,
        label: e.kind === 'compute' ? endpointName(net, e.lane) : link ? linkName(net, link) : `link ${e.lane}`,
        critical: false,
        events: [],
      };
      byKey.set(key, lane);
    }
    lane.events.push(e);
    if (e.onCriticalPath) lane.critical = true;
  }
  // Compute lanes first (by chip), then transfer lanes (by link id).
  const all = [...byKey.values()].sort((a, b) => (a.kind === b.kind ? a.index - b.index : a.kind === 'compute' ? -1 : 1));
  const critical = all.filter((l) => l.critical);
  if (all.length <= maxLanes) return { lanes: all, totalLanes: all.length, criticalLanes: critical.length, sampled: false };
  // A quarter of the lanes go to the sample (when there is anything to sample); the rest to
  // the critical path, split between compute and transfer lanes so both kinds stay visible.
  const rest = all.filter((l) => !l.critical);
  const sampleBudget = Math.min(rest.length, Math.max(maxLanes - critical.length, Math.floor(maxLanes / 4)));
  const criticalBudget = maxLanes - sampleBudget;
  const critCompute = critical.filter((l) => l.kind === 'compute');
  const critTransfer = critical.filter((l) => l.kind === 'transfer');
  const computeBudget = Math.min(critCompute.length, Math.max(Math.ceil(criticalBudget / 2), criticalBudget - critTransfer.length));
  const keptCritical = [...spread(critCompute, computeBudget), ...spread(critTransfer, criticalBudget - computeBudget)];
  const sample = spread(rest, maxLanes - keptCritical.length);
  const chosen = new Set([...keptCritical, ...sample]);
  return {
    lanes: all.filter((l) => chosen.has(l)),
    totalLanes: all.length,
    criticalLanes: critical.length,
    sampled: true,
  };
}
