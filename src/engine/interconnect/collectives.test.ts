import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '../wasmNode';
import { createInterconnect, type Interconnect } from './simulator';
import type { CollectiveAlgorithm, Program } from './program';
import { collectiveOps, expandCollectives } from './collectives';
import { spec } from './testNetworks';

let sim: Interconnect;
beforeAll(async () => {
  sim = createInterconnect(await loadWasmModule('interconnect'));
});

/** bytes over GB/s in microseconds, by hand: 1 GB/s = 1e3 bytes per us. */
const us = (bytes: number, gbps: number): number => bytes / (gbps * 1e3);

function one(kind: 'allreduce' | 'allgather', chips: number[], bytes: number, algorithm?: CollectiveAlgorithm): Program {
  return { tasks: [{ kind, id: 0, chips, bytes, deps: [], label: kind, ...(algorithm ? { algorithm } : {}) }] };
}
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe('direct collectives', () => {
  const bw = 100;
  const lat = 1;
  it.each([2, 3, 4, 8])('all-reduce over %i fully connected chips = 2(latency + (bytes/p)/bandwidth)', (p) => {
    const bytes = 3.2e6;
    const r = sim.simulate(
      spec('fully-connected', p, { linkBandwidthGBps: bw, hopLatencyUs: lat }),
      one('allreduce', range(p), bytes, 'direct'),
    );
    expect(r.stepUs).toBeCloseTo(2 * (lat + us(bytes / p, bw)), 9);
  });

  it('is faster than the ring over 8 chips of a fully connected node by the 2(p-1) / 2 latency steps', () => {
    const s = spec('fully-connected', 8, { linkBandwidthGBps: bw, hopLatencyUs: lat });
    const ring = sim.simulate(s, one('allreduce', range(8), 16384)).stepUs;
    const dir = sim.simulate(s, one('allreduce', range(8), 16384, 'direct')).stepUs;
    expect(ring).toBeCloseTo(14 * (lat + us(2048, bw)), 9);
    expect(dir).toBeCloseTo(2 * (lat + us(2048, bw)), 9);
  });

  it('through one NVSwitch port the p-1 sends queue: 2(2 latency + (p-1)(bytes/p)/bandwidth)', () => {
    const p = 8;
    const bytes = 8e5;
    const r = sim.simulate(spec('nvswitch', p, { linkBandwidthGBps: bw, hopLatencyUs: lat }), one('allreduce', range(p), bytes, 'direct'));
    expect(r.stepUs).toBeCloseTo(2 * (2 * lat + (p - 1) * us(bytes / p, bw)), 9);
  });

  it('all-gather over 5 fully connected chips = latency + bytes/bandwidth', () => {
    const r = sim.simulate(
      spec('fully-connected', 5, { linkBandwidthGBps: bw, hopLatencyUs: lat }),
      one('allgather', range(5), 5e5, 'direct'),
    );
    expect(r.stepUs).toBeCloseTo(lat + us(5e5, bw), 9);
  });

  it('a task after a direct all-reduce starts when it ends (ids of the caller are kept)', () => {
    const s = spec('fully-connected', 4, { linkBandwidthGBps: bw, hopLatencyUs: lat });
    const r = sim.simulate(s, {
      tasks: [
        { kind: 'compute', id: 10, chip: 0, durationUs: 5, deps: [], label: 'a' },
        { kind: 'allreduce', id: 11, chips: [0, 1, 2, 3], bytes: 4e5, deps: [10], label: 'ar', algorithm: 'direct' },
        { kind: 'compute', id: 12, chip: 3, durationUs: 7, deps: [11], label: 'b' },
      ],
    });
    expect(r.stepUs).toBeCloseTo(5 + 2 * (lat + us(1e5, bw)) + 7, 9);
    expect(r.computeUs).toBeCloseTo(12, 9);
  });
});

describe('hierarchical all-reduce', () => {
  it('2 nodes of 8 GPUs: in-node direct (2 switch hops) + across-node direct over the NICs', () => {
    const s = spec('nvswitch', 16, {
      linkBandwidthGBps: 100,
      hopLatencyUs: 1,
      globalLinksPerChip: 4,
      globalBandwidthGBps: 50,
      globalLatencyUs: 2,
    });
    const bytes = 1.6e6;
    const g = 8;
    const nic = 4 * 50;
    const r = sim.simulate(s, one('allreduce', range(16), bytes, 'hierarchical'));
    const inNode = 2 * (2 * 1 + (g - 1) * us(bytes / g, 100));
    const across = 2 * (2 * 2 + us(bytes / g / 2, nic));
    expect(r.stepUs).toBeCloseTo(inNode + across, 9);
  });

  it('inside one node it is the direct algorithm', () => {
    const s = spec('dragonfly', 16);
    const a = sim.simulate(s, one('allreduce', range(8, 8), 1e5, 'hierarchical')).stepUs;
    const b = sim.simulate(s, one('allreduce', range(8, 8), 1e5, 'direct')).stepUs;
    expect(a).toBe(b);
  });

  it('over 64 dragonfly chips it beats the ring and uses far fewer elementary ops', () => {
    const s = spec('dragonfly', 64, { globalLinksPerChip: 4 });
    const ring = sim.simulate(s, one('allreduce', range(64), 1.6e5)).stepUs;
    const hier = sim.simulate(s, one('allreduce', range(64), 1.6e5, 'hierarchical')).stepUs;
    expect(hier).toBeLessThan(ring / 4);
    expect(collectiveOps('allreduce', 'hierarchical', 64, 8)).toBeLessThan(collectiveOps('allreduce', 'ring', 64, 8) / 3);
    const expanded = expandCollectives(one('allreduce', range(64), 1.6e5, 'hierarchical'), 64, 8);
    expect(expanded.tasks.length).toBe(collectiveOps('allreduce', 'hierarchical', 64, 8));
  });

  it('uneven nodes fall back to the ring', () => {
    const s = spec('dragonfly', 16);
    const chips = [0, 1, 2, 8, 9];
    const a = sim.simulate(s, one('allreduce', chips, 1e5, 'hierarchical')).stepUs;
    const b = sim.simulate(s, one('allreduce', chips, 1e5)).stepUs;
    expect(a).toBe(b);
  });
});

describe('checks', () => {
  it('names an unknown algorithm', () => {
    const p = one('allreduce', [0, 1], 10, 'tree' as CollectiveAlgorithm);
    expect(() => sim.simulate(spec('ring', 4), p)).toThrow(/program\.tasks\[0\]\.algorithm: must be one of ring, direct, hierarchical/);
  });
  it('names a repeated chip of a direct collective', () => {
    expect(() => sim.simulate(spec('ring', 4), one('allreduce', [0, 1, 1], 10, 'direct'))).toThrow(
      /program\.tasks\[0\]\.chips\[2\]: must not repeat a chip/,
    );
  });
  it('maxEvents caps the timeline, critical path first', () => {
    const s = spec('fully-connected', 8);
    const full = sim.simulate(s, one('allreduce', range(8), 1e5, 'direct'));
    const capped = sim.simulate(s, one('allreduce', range(8), 1e5, 'direct'), { maxEvents: 10 });
    expect(full.events.length).toBe(112);
    expect(capped.events.length).toBe(10);
    expect(capped.eventsTruncated).toBe(true);
    expect(capped.events.filter((e) => e.onCriticalPath).length).toBe(full.events.filter((e) => e.onCriticalPath).length);
    expect(capped.stepUs).toBe(full.stepUs);
  });
});
