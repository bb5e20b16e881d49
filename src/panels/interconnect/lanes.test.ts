import { describe, expect, it } from 'vitest';
import type { NetworkLink, NetworkResult, TimelineEvent } from '../../engine/types';
import { selectLanes, spread } from './lanes';
import { summarizeNetwork, formatUtilization, formatUs } from './summary';

function net(events: TimelineEvent[], links: NetworkLink[] = [], chips = 4): NetworkResult {
  return {
    topology: 'ring',
    endpoints: chips,
    chips,
    links,
    events,
    eventsTruncated: false,
    stepUs: 20,
    computeUs: 15,
    communicationUs: 5,
  };
}
const ev = (kind: TimelineEvent['kind'], lane: number, startUs: number, endUs: number, onCriticalPath = false): TimelineEvent => ({
  kind,
  lane,
  startUs,
  endUs,
  label: `${kind} ${lane}`,
  onCriticalPath,
});

describe('spread', () => {
  it('keeps the ends and spaces the rest evenly', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
    expect(spread([1, 2, 3], 0)).toEqual([]);
  });
});

describe('selectLanes', () => {
  it('small systems: every lane, compute lanes first, events grouped by lane', () => {
    const s = selectLanes(net([ev('transfer', 1, 5, 6), ev('compute', 2, 0, 5, true), ev('compute', 0, 0, 4), ev('compute', 2, 6, 9)]));
    expect(s.sampled).toBe(false);
    expect(s.lanes.map((l) => l.key)).toEqual(['c0', 'c2', 'l1']);
    expect(s.lanes[1].events).toHaveLength(2);
    expect(s.lanes[1].critical).toBe(true);
    expect(s.criticalLanes).toBe(1);
  });

  it('large systems: every critical lane kept plus a sample, never more than the cap', () => {
    const events: TimelineEvent[] = [];
    for (let c = 0; c < 500; c++) events.push(ev('compute', c, 0, 1, c % 100 === 7));
    for (let l = 0; l < 500; l++) events.push(ev('transfer', l, 1, 2, l === 499));
    const s = selectLanes(net(events, [], 500), 40);
    expect(s.sampled).toBe(true);
    expect(s.totalLanes).toBe(1000);
    expect(s.lanes).toHaveLength(40);
    expect(s.criticalLanes).toBe(6);
    const keys = new Set(s.lanes.map((l) => l.key));
    for (const k of ['c7', 'c107', 'c207', 'c307', 'c407', 'l499']) expect(keys.has(k)).toBe(true);
  });
});

describe('selectLanes with a long critical path', () => {
  it('keeps a quarter for the sample and both compute and transfer lanes of the critical path', () => {
    const events: TimelineEvent[] = [];
    for (let c = 0; c < 100; c++) events.push(ev('compute', c, 0, 1, c < 20));
    for (let l = 0; l < 1500; l++) events.push(ev('transfer', l, 1, 2, l < 1000));
    const s = selectLanes(net(events, [], 100), 40);
    expect(s.lanes).toHaveLength(40);
    expect(s.criticalLanes).toBe(1020);
    const kept = s.lanes.filter((l) => l.critical);
    expect(kept).toHaveLength(30);
    expect(kept.filter((l) => l.kind === 'compute')).toHaveLength(15);
    expect(kept.filter((l) => l.kind === 'transfer')).toHaveLength(15);
    expect(s.lanes.filter((l) => !l.critical)).toHaveLength(10);
  });
});

describe('summarizeNetwork', () => {
  it('finds the busiest link, the mean utilisation and the shares of the step', () => {
    const link = (id: number, utilization: number): NetworkLink => ({
      id,
      a: id,
      b: id + 1,
      bandwidthGBps: 100,
      latencyUs: 1,
      kind: 'local',
      utilization,
    });
    const s = summarizeNetwork(net([], [link(0, 0.1), link(1, 0.7), link(2, 0.4)]));
    expect(s.busiest?.id).toBe(1);
    expect(s.meanUtilization).toBeCloseTo(0.4, 12);
    expect(s.computeShare).toBeCloseTo(0.75, 12);
    expect(s.communicationShare).toBeCloseTo(0.25, 12);
    expect(summarizeNetwork(net([])).busiest).toBeNull();
  });
});

describe('formatting', () => {
  it('never shows a busy link as 0%, and gives µs/ms with units', () => {
    expect(formatUtilization(0.00031)).toBe('0.031%');
    expect(formatUtilization(0)).toBe('0.0%');
    expect(formatUtilization(0.4567)).toBe('45.7%');
    expect(formatUs(0)).toBe('0 µs');
    expect(formatUs(3.2)).toBe('3.20 µs');
    expect(formatUs(4623.8229)).toBe('4.624 ms');
  });
});
