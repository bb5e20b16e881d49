import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../engine/interconnect';
import { loadWasmModule } from '../engine/wasmNode';
import { simulateLlm } from '../engine/llm/simulate';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import { lacksNetworkDetail, networksOf, withoutNetworkDetail } from './networkDetail';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

describe('an LLM result sent without the networks’ detail', () => {
  it('keeps every figure, drops only the links and events, and says so', () => {
    const full = simulateLlm(DEFAULT_SCENARIO, net);
    expect(full.lpu.network!.events.length).toBeGreaterThan(100);
    expect(full.gpu.network!.links.length).toBeGreaterThan(0);
    expect(lacksNetworkDetail(full)).toBe(false);
    const bare = withoutNetworkDetail(full);
    expect(lacksNetworkDetail(bare)).toBe(true);
    const lists = (r: typeof full) =>
      JSON.stringify(r, (k, v: unknown) => (k === 'links' || k === 'events' || k === 'detailOmitted' ? undefined : v));
    expect(lists(bare)).toBe(lists(full));
    for (const m of ['lpu', 'gpu'] as const) {
      expect(bare[m].network!.links).toEqual([]);
      expect(bare[m].network!.events).toEqual([]);
    }
    // The original is untouched: the worker keeps it for the interconnect panel's request.
    expect(networksOf(full).lpu!.events.length).toBe(full.lpu.network!.events.length);
    expect(full.lpu.network!.detailOmitted).toBeUndefined();
    // A machine with no network (one chip) stays as it is.
    const oneChip = { ...full, gpu: { ...full.gpu, network: null } };
    expect(withoutNetworkDetail(oneChip).gpu).toBe(oneChip.gpu);
  });
});
