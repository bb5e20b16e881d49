// The interconnect panel's detail (each link, each timeline event) travels from the worker only
// when that panel is on screen or asks for it: it is most of an LLM result's bytes, and copying
// it between threads cost more than simulating it. Every figure stays; only the two lists go.
import type { LlmResult, MachineResult, NetworkResult } from '../engine/types';

export interface LlmNetworks {
  lpu: NetworkResult | null;
  gpu: NetworkResult | null;
}

function withoutDetail(m: MachineResult): MachineResult {
  return m.network ? { ...m, network: { ...m.network, links: [], events: [], detailOmitted: true } } : m;
}

/** The result without its networks' links and events (marked `detailOmitted`). */
export function withoutNetworkDetail(r: LlmResult): LlmResult {
  return { ...r, lpu: withoutDetail(r.lpu), gpu: withoutDetail(r.gpu) };
}

/** True when a machine's network in `r` lacks the detail the interconnect panel draws. */
export function lacksNetworkDetail(r: LlmResult): boolean {
  return r.lpu.network?.detailOmitted === true || r.gpu.network?.detailOmitted === true;
}

export function networksOf(r: LlmResult): LlmNetworks {
  return { lpu: r.lpu.network, gpu: r.gpu.network };
}
