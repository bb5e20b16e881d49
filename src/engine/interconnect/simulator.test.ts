import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '../wasmNode';
import { createInterconnect, type Interconnect } from './simulator';
import type { Program, Task } from './program';
import { syntheticDecodeProgram } from './syntheticProgram';
import { spec } from './testNetworks';

let module: WebAssembly.Module;
let sim: Interconnect;
beforeAll(async () => {
  module = await loadWasmModule('interconnect');
  sim = createInterconnect(module);
});

/** bytes over GB/s in microseconds, written out by hand: 1 GB/s = 1e3 bytes per us. */
const us = (bytes: number, gbps: number): number => bytes / (gbps * 1e3);

function ringCollective(kind: 'allreduce' | 'allgather', p: number, bytes: number): Program {
  const chips = Array.from({ length: p }, (_, i) => i);
  return { tasks: [{ kind, id: 0, chips, bytes, deps: [], label: kind }] };
}

describe('two chips, by hand', () => {
  it('compute 10 us, send 1 MB at 100 GB/s with 1 us hop latency, compute 5 us = 26 us', () => {
    const r = sim.simulate(spec('ring', 2), {
      tasks: [
        { kind: 'compute', id: 0, chip: 0, durationUs: 10, deps: [], label: 'a' },
        { kind: 'send', id: 1, src: 0, dst: 1, bytes: 1e6, deps: [0], label: 's' },
        { kind: 'compute', id: 2, chip: 1, durationUs: 5, deps: [1], label: 'b' },
      ],
    });
    // 10 (compute) + 1 (latency) + 10 (1e6 B / 1e5 B/us) + 5 (compute)
    expect(r.stepUs).toBe(26);
    expect(r.computeUs).toBe(15);
    expect(r.communicationUs).toBe(11);
    expect(r.links).toHaveLength(1);
    expect(r.links[0].utilization).toBeCloseTo(10 / 26, 12);
    expect(r.eventsTruncated).toBe(false);
    expect(r.events.map((e) => [e.kind, e.lane, e.startUs, e.endUs, e.onCriticalPath])).toEqual([
      ['compute', 0, 0, 10, true],
      ['transfer', 0, 10, 20, true],
      ['compute', 1, 21, 26, true],
    ]);
  });

  it('a compute waits for its chip: two 4 us computes on one chip end at 8 us', () => {
    const r = sim.simulate(spec('ring', 2), {
      tasks: [
        { kind: 'compute', id: 0, chip: 0, durationUs: 4, deps: [], label: 'x' },
        { kind: 'compute', id: 1, chip: 0, durationUs: 4, deps: [], label: 'y' },
        { kind: 'compute', id: 2, chip: 1, durationUs: 3, deps: [], label: 'z' },
      ],
    });
    expect(r.stepUs).toBe(8);
    expect(r.computeUs).toBe(8);
    // the 3 us compute on chip 1 is off the critical path
    expect(r.events.find((e) => e.label === 'z')?.onCriticalPath).toBe(false);
    expect(r.events.filter((e) => e.onCriticalPath).map((e) => e.label)).toEqual(['x', 'y']);
  });
});

describe('collectives on a ring', () => {
  const bw = 100;
  const lat = 1;
  it.each([2, 3, 4, 8, 16, 33])('all-reduce over %i chips = 2(p-1)(latency + (bytes/p)/bandwidth)', (p) => {
    const bytes = 3.2e6;
    const r = sim.simulate(spec('ring', p, { linkBandwidthGBps: bw, hopLatencyUs: lat }), ringCollective('allreduce', p, bytes));
    expect(r.stepUs).toBeCloseTo(2 * (p - 1) * (lat + us(bytes / p, bw)), 9);
    expect(r.computeUs).toBe(0);
  });
  it.each([2, 5, 12])('all-gather over %i chips = (p-1)(latency + bytes/bandwidth)', (p) => {
    const bytes = 16384;
    const r = sim.simulate(spec('ring', p, { linkBandwidthGBps: bw, hopLatencyUs: lat }), ringCollective('allgather', p, bytes));
    expect(r.stepUs).toBeCloseTo((p - 1) * (lat + us(bytes, bw)), 9);
  });
  it('a collective over one chip costs nothing', () => {
    const r = sim.simulate(spec('ring', 4), ringCollective('allreduce', 1, 1e6));
    expect(r.stepUs).toBe(0);
    expect(r.events).toHaveLength(0);
  });
  it('all-reduce busies every ring link for 2(p-1) chunks in one direction', () => {
    const p = 6;
    const bytes = 6e6;
    const r = sim.simulate(spec('ring', p, { hopLatencyUs: 0 }), ringCollective('allreduce', p, bytes));
    for (const l of r.links) expect(l.utilization).toBeCloseTo(1, 12);
  });
});

describe('contention', () => {
  const send = (id: number, src: number, dst: number, bytes: number): Task => ({
    kind: 'send',
    id,
    src,
    dst,
    bytes,
    deps: [],
    label: `s${id}`,
  });
  it('two sends sharing a link take twice as long as one', () => {
    const s = spec('ring', 4, { hopLatencyUs: 0 });
    const one = sim.simulate(s, { tasks: [send(0, 0, 1, 1e6)] });
    const two = sim.simulate(s, { tasks: [send(0, 0, 1, 1e6), send(1, 0, 1, 1e6)] });
    expect(one.stepUs).toBe(10);
    expect(two.stepUs).toBe(20);
  });
  it('70,000 sends on one link queue back to back (more than one ready-queue FIFO holds)', () => {
    const tasks = Array.from({ length: 70000 }, (_, id) => send(id, 0, 1, 1000));
    const r = sim.simulate(spec('ring', 4, { hopLatencyUs: 0 }), { tasks });
    expect(r.stepUs).toBeCloseTo(70000 * us(1000, 100), 6);
    expect(r.links[0].utilization).toBeCloseTo(1, 9);
  });
  it('links are per direction: opposite sends do not contend', () => {
    const r = sim.simulate(spec('ring', 4, { hopLatencyUs: 0 }), { tasks: [send(0, 0, 1, 1e6), send(1, 1, 0, 1e6)] });
    expect(r.stepUs).toBe(10);
  });
  it('a multi-hop send pays every hop latency once (cut-through) and queues behind a send on a shared link', () => {
    const s = spec('ring', 8, { hopLatencyUs: 1 });
    const alone = sim.simulate(s, { tasks: [send(0, 0, 3, 1e6)] });
    expect(alone.stepUs).toBe(3 * 1 + 10);
    // 2 -> 3 holds link 2-3 for 10 us first (same ready time, earlier id); 0 -> 3 reaches that link at +2 us
    const shared = sim.simulate(s, { tasks: [send(0, 2, 3, 1e6), send(1, 0, 3, 1e6)] });
    expect(shared.stepUs).toBe(10 - 2 + 3 + 10);
    const path = shared.events.filter((e) => e.onCriticalPath).map((e) => e.label);
    expect(path).toEqual(['s0', 's1', 's1', 's1']);
  });
});

describe('determinism and results', () => {
  it('same input, same output, bit for bit, across instances', () => {
    const program = syntheticDecodeProgram({ chips: 64 });
    const s = spec('dragonfly', 64, { globalLinksPerChip: 1 });
    const a = sim.simulate(s, program);
    const b = createInterconnect(module).simulate(s, program);
    const c = sim.simulate(s, program);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.stepUs).toBeGreaterThan(0);
  });
  it('the critical path splits the step into compute and communication', () => {
    const program = syntheticDecodeProgram({ chips: 64 });
    const r = sim.simulate(spec('torus2d', 64), program);
    expect(r.computeUs + r.communicationUs).toBeCloseTo(r.stepUs, 9);
    // batch-1 decode: every layer's compute is on the path (two per layer, 80 layers)
    const onPath = r.events.filter((e) => e.onCriticalPath && e.kind === 'compute');
    expect(onPath.length).toBe(160);
    expect(onPath.reduce((s, e) => s + (e.endUs - e.startUs), 0)).toBeCloseTo(r.computeUs, 9);
    for (const e of r.events) expect(e.endUs).toBeLessThanOrEqual(r.stepUs + 1e-9);
  });
  it('caps the timeline at 20,000 events, keeping the critical path', () => {
    const r = sim.simulate(spec('dragonfly', 576), syntheticDecodeProgram({ chips: 576 }));
    expect(r.events).toHaveLength(20000);
    expect(r.eventsTruncated).toBe(true);
    // the path ends with a transfer: its link is busy until endUs, the bytes land one hop latency later
    const last = r.events.filter((e) => e.onCriticalPath).reduce((m, e) => (e.endUs > m.endUs ? e : m));
    expect(last.kind).toBe('transfer');
    expect(last.endUs + r.links[last.lane].latencyUs).toBeCloseTo(r.stepUs, 9);
  });
  it('nvswitch: a cross-node send takes the NIC path (2 network links)', () => {
    const s = spec('nvswitch', 16, {
      chipsPerNode: 8,
      linkBandwidthGBps: 450,
      hopLatencyUs: 1,
      globalLinksPerChip: 1,
      globalBandwidthGBps: 50,
      globalLatencyUs: 3,
    });
    const r = sim.simulate(s, { tasks: [{ kind: 'send', id: 0, src: 0, dst: 8, bytes: 5e6, deps: [], label: 'x' }] });
    expect(r.stepUs).toBeCloseTo(2 * 3 + us(5e6, 50), 9);
    expect(r.endpoints).toBe(16 + 2 + 1);
  });
});

describe('bad inputs are rejected with the field named', () => {
  const ok: Program = { tasks: [{ kind: 'compute', id: 0, chip: 0, durationUs: 1, deps: [], label: 'c' }] };
  it.each([
    [{ linkBandwidthGBps: 0 }, /spec\.linkBandwidthGBps: must be a number in \(0, 100000\]/],
    [{ linkBandwidthGBps: Number.NaN }, /spec\.linkBandwidthGBps/],
    [{ hopLatencyUs: -1 }, /spec\.hopLatencyUs/],
    [{ chips: 20001 }, /spec\.chips: must be an integer in \[1, 20000\]/],
    [{ chips: 2.5 }, /spec\.chips/],
    [{ chipsPerNode: 0 }, /spec\.chipsPerNode/],
  ])('spec %o', (patch, message) => {
    expect(() => sim.simulate(spec('ring', 8, patch), ok)).toThrow(message);
  });
  it.each<[Task[], RegExp]>([
    [
      [{ kind: 'compute', id: 0, chip: 8, durationUs: 1, deps: [], label: '' }],
      /program\.tasks\[0\]\.chip: must be a chip index in \[0, 7\]/,
    ],
    [[{ kind: 'compute', id: 0, chip: 0, durationUs: -1, deps: [], label: '' }], /program\.tasks\[0\]\.durationUs/],
    [[{ kind: 'send', id: 0, src: 0, dst: 1, bytes: Number.POSITIVE_INFINITY, deps: [], label: '' }], /program\.tasks\[0\]\.bytes/],
    [
      [
        { kind: 'compute', id: 0, chip: 0, durationUs: 1, deps: [1], label: '' },
        { kind: 'compute', id: 1, chip: 0, durationUs: 1, deps: [], label: '' },
      ],
      /program\.tasks\[0\]\.deps: must list ids of earlier tasks/,
    ],
    [
      [
        { kind: 'compute', id: 5, chip: 0, durationUs: 1, deps: [], label: '' },
        { kind: 'compute', id: 5, chip: 0, durationUs: 1, deps: [], label: '' },
      ],
      /program\.tasks\[1\]\.id: must be unique/,
    ],
    [[{ kind: 'allreduce', id: 0, chips: [0, 1, 1], bytes: 8, deps: [], label: '' }], /program\.tasks\[0\]\.chips\[2\]: must not repeat/],
    [[{ kind: 'allgather', id: 0, chips: [], bytes: 8, deps: [], label: '' }], /program\.tasks\[0\]\.chips/],
  ])('program %#', (tasks, message) => {
    expect(() => sim.simulate(spec('ring', 8), { tasks })).toThrow(message);
  });
  it('accepts ids that are not indices when deps point backwards', () => {
    const r = sim.simulate(spec('ring', 2), {
      tasks: [
        { kind: 'compute', id: 100, chip: 0, durationUs: 2, deps: [], label: 'a' },
        { kind: 'compute', id: 7, chip: 1, durationUs: 3, deps: [100], label: 'b' },
      ],
    });
    expect(r.stepUs).toBe(5);
  });
  it('bounds the work before simulating', () => {
    const big = {
      tasks: Array.from({ length: 400 }, (_, id): Task => ({
        kind: 'allreduce',
        id,
        chips: Array.from({ length: 200 }, (_, c) => c),
        bytes: 8,
        deps: [],
        label: '',
      })),
    };
    expect(() => sim.simulate(spec('ring', 200), big)).toThrow(/program: expands to more than 16000000/);
  });
});
