// Disaggregated serving: one machine prefills, the other decodes, and the prompt's KV cache
// moves between them (the Groq 3 LPX / Vera Rubin split, or H100 -> GroqChip 1). Pure: it
// combines the two machines' own runs (their TTFT, TPOT, cost and power for this workload)
// with a modelled KV transfer; nothing is re-simulated.
import type { DisaggMode, ModelSpec, Scenario } from '../../scenario/types';
import type { DisaggResult, MachineResult } from '../types';
import { resolveChip, resolveGpu } from './hardware';
import { kvBytesPerSequence } from './workload';

/**
 * Measured KV-cache transfers between one prefill and one decode node (vLLM v1 with the
 * Mooncake transfer engine, Qwen3-8B, 8 x 200 Gb/s RoCE = ~200 GB/s theoretical), read from
 * https://kvcache-ai.github.io/Mooncake/performance/vllm-v1-support-benchmark.html. Sizes are
 * binary (4.50 GB at 32,768 tokens is exactly Qwen3-8B's KV cache in GiB).
 */
export const KV_TRANSFER_CASES = {
  source: 'Mooncake "vLLM with Mooncake Transfer Engine Benchmark" (kvcache-ai.github.io), 1P1D, Qwen3-8B',
  linkGBps: 200,
  /** [KV bytes, measured transfer ms] per prompt length 128..32,768 tokens. */
  points: [
    [20 * 2 ** 20, 0.54],
    [38 * 2 ** 20, 0.61],
    [74 * 2 ** 20, 0.92],
    [146 * 2 ** 20, 1.5],
    [290 * 2 ** 20, 2.51],
    [578 * 2 ** 20, 4.75],
    [1.13 * 2 ** 30, 8.84],
    [2.25 * 2 ** 30, 16.43],
    [4.5 * 2 ** 30, 31.65],
  ] as const,
};

/**
 * transfer = setup + bytes / (efficiency x link), fitted by least squares on relative error
 * (small and large transfers count alike) to KV_TRANSFER_CASES.
 */
export function fitKvTransfer(cases: typeof KV_TRANSFER_CASES = KV_TRANSFER_CASES): { setupMs: number; efficiency: number } {
  // Minimise sum(((a + b x) - t) / t)^2: weighted normal equations with weights 1 / t^2.
  let sw = 0;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (const [x, t] of cases.points) {
    const w = 1 / (t * t);
    sw += w;
    sx += w * x;
    sxx += w * x * x;
    sy += w * t;
    sxy += w * x * t;
  }
  const b = (sw * sxy - sx * sy) / (sw * sxx - sx * sx); // ms per byte
  const a = (sy - b * sx) / sw;
  return { setupMs: a, efficiency: 1 / (b * cases.linkGBps * 1e6) };
}

/** Fitted on KV_TRANSFER_CASES (0.37 ms, 0.72 of the link); used for every pair of machines. */
export const KV_TRANSFER = fitKvTransfer();

/** Time to move `bytes` over a link of `linkGBps` (per direction). */
export function kvTransferMs(bytes: number, linkGBps: number): number {
  return KV_TRANSFER.setupMs + bytes / (KV_TRANSFER.efficiency * linkGBps * 1e6);
}

/** Which of the scenario's machines prefills and which decodes. */
export function pairRoles(mode: Exclude<DisaggMode, 'off'>): { prefill: 'lpu' | 'gpu'; decode: 'lpu' | 'gpu' } {
  return mode === 'gpu-to-sram' ? { prefill: 'gpu', decode: 'lpu' } : { prefill: 'lpu', decode: 'gpu' };
}

/** A machine's way out or in: every chip's (SRAM: host port or network) or GPU's (its NIC) at once. */
function machineIo(s: Scenario, side: 'lpu' | 'gpu', r: MachineResult): { gbps: number; text: string } {
  if (side === 'lpu') {
    const per = resolveChip(s.lpu).ioGBps;
    return { gbps: per * r.chips, text: `${r.chips} chips x ${per} GB/s` };
  }
  const per = resolveGpu(s.gpu).interNodeGBps;
  return { gbps: per * r.chips, text: `${r.chips} GPUs x ${per} GB/s` };
}

/**
 * The pair for this scenario: TTFT = the prefill machine's time to first token + the KV
 * transfer; time per output token = the decode machine's; each machine works on its own stage
 * of a batch while the other works on the next, so the pair's throughput is set by the slower
 * stage, and the pair's cost and power are both machines'.
 */
export function disaggregate(s: Scenario, model: ModelSpec, lpu: MachineResult, gpu: MachineResult): DisaggResult | null {
  if (s.llm.disagg === 'off') return null;
  const roles = pairRoles(s.llm.disagg);
  const prefill = roles.prefill === 'lpu' ? lpu : gpu;
  const decode = roles.decode === 'lpu' ? lpu : gpu;
  const base = { mode: s.llm.disagg, prefill: roles.prefill, decode: roles.decode, prefillName: prefill.name, decodeName: decode.name };
  const misfit = [
    prefill.fits
      ? null
      : `the prefill machine (${prefill.name}) cannot hold the model and the prompts: ${prefill.message ?? `it needs ${prefill.chipsNeeded} chips`}`,
    decode.fits
      ? null
      : `the decode machine (${decode.name}) cannot hold the model and the whole answers' KV cache: ${decode.message ?? `it needs ${decode.chipsNeeded} chips`}`,
  ].filter((m): m is string => m !== null);
  if (misfit.length > 0) return { ...base, fits: false, message: `No pair: ${misfit.join('; ')}` };
  const { batch, output, prompt } = s.llm;
  const kvBytes = batch * kvBytesPerSequence(model, s.llm, prompt);
  const out = machineIo(s, roles.prefill, prefill);
  const into = machineIo(s, roles.decode, decode);
  const linkGBps = Math.min(out.gbps, into.gbps);
  const transferMs = kvTransferMs(kvBytes, linkGBps);
  const ttftMs = prefill.ttftMs + transferMs;
  const decodeMs = Math.max(0, output - 1) * decode.tpotMs;
  // Stages run side by side on different batches; the link is its own stage.
  const stageMs = Math.max(prefill.ttftMs, transferMs, decodeMs);
  const outputTokensPerSecond = (batch * output * 1000) / stageMs;
  const costPerHourUsd = prefill.costPerHourUsd + decode.costPerHourUsd;
  const powerW = prefill.powerW + decode.powerW;
  return {
    ...base,
    fits: true,
    kvBytes,
    linkGBps,
    linkText: `the smaller of ${prefill.name}'s way out (${out.text} = ${fmt(out.gbps)} GB/s) and ${decode.name}'s way in (${into.text} = ${fmt(into.gbps)} GB/s)`,
    prefillMs: prefill.ttftMs,
    transferMs,
    ttftMs,
    tpotMs: decode.tpotMs,
    tokensPerSecondPerUser: decode.tokensPerSecondPerUser,
    answerMs: ttftMs + decodeMs,
    stageMs,
    outputTokensPerSecond,
    costPerHourUsd,
    costPerMillionTokensUsd: (costPerHourUsd / 3600 / outputTokensPerSecond) * 1e6,
    powerW,
    joulesPerToken: powerW / outputTokensPerSecond,
  };
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
