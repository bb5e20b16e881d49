// Each figure the latency panel compares: its label, how the engine computed it, how it is shown.
import type { MachineResult } from '../../engine/types';
import { formatMs, formatNumber, formatUsd } from '../../ui/format';
import { chipsUsed } from '../../engine/llm/metrics';

export interface MetricRow {
  key: string;
  label: string;
  how: string;
  show(m: MachineResult): string;
}

/** The one home of each figure's label, how it is computed and how it is shown (the landing reads it too). */
export const METRIC_ROWS: MetricRow[] = [
  {
    key: 'chips',
    label: 'Chips',
    how: 'Chips (GPUs) used; the minimum whose memory holds the weights and KV cache unless set',
    show: (m) => `${m.chips} ${m.chips === 1 ? 'chip' : 'chips'}`,
  },
  {
    key: 'chipsUsed',
    label: 'Chips in use',
    how: 'Chips (GPUs) that hold part of the model; the rest of the system is idle for this workload',
    show: (m) => `${chipsUsed(m)} of the ${m.chips} given${chipsUsed(m) < m.chips ? `, ${m.chips - chipsUsed(m)} idle` : ''}`,
  },
  {
    key: 'ttft',
    label: 'Time to first token (TTFT), p50',
    how: "Static batch: prefill of the whole prompt for the batch (compute-bound on big GEMMs; SRAM machine: chunks pipelined through its stages), plus the stack's fixed time per request. Continuous: median over requests of the simulated schedule (waiting for other prefills included)",
    show: (m) => formatMs(m.ttftMs),
  },
  {
    key: 'ttft99',
    label: 'Time to first token, p99',
    how: 'Static batch: equal to p50. Continuous: 99th percentile over the requests of the simulated schedule',
    show: (m) => formatMs(m.p99TtftMs),
  },
  {
    key: 'tpot',
    label: 'Time per output token, p50',
    how: "Static: one simulated decode step for the whole batch (math, weight/KV memory reads, network on the critical path, fixed times). Continuous: median over requests of their mean inter-token latency, other users' prefills included",
    show: (m) => formatMs(m.tpotMs),
  },
  {
    key: 'p99',
    label: 'Time per output token, p99',
    how: 'Statically scheduled SRAM machine, static batch: equal to p50. GPU, static batch: 99th percentile of 2,000 seeded log-normal draws with the jitter CV. Continuous: 99th percentile over the requests of the simulated schedule',
    show: (m) => formatMs(m.p99TpotMs),
  },
  {
    key: 'tpsUser',
    label: 'Tokens/s per user',
    how: '1000 / time per output token (ms)',
    show: (m) => formatNumber(m.tokensPerSecondPerUser, 'tokens/s'),
  },
  {
    key: 'tpsSystem',
    label: 'Decode-only tokens/s (steady state)',
    how: 'Batch x tokens/s per user while every user decodes: the rate between prefills, not what a benchmark reports',
    show: (m) => formatNumber(m.systemTokensPerSecond, 'tokens/s'),
  },
  {
    key: 'tpsOutput',
    label: 'Output tokens/s (as benchmarks count)',
    how: 'Output tokens of all requests ÷ wall time including their prefill (static: batch x output ÷ whole answer; continuous: over the simulated schedule)',
    show: (m) => formatNumber(m.outputTokensPerSecond, 'tokens/s'),
  },
  {
    key: 'answer',
    label: 'Whole answer (prompt + all output)',
    how: 'TTFT + (output tokens - 1) x time per output token',
    show: (m) => formatMs(m.answerMs),
  },
  {
    key: 'cost',
    label: 'Cost per million tokens',
    how: 'Cost per hour ÷ 3600 ÷ output tokens/s as benchmarks count (prefill included) x 10^6',
    show: (m) => formatUsd(m.costPerMillionTokensUsd),
  },
  {
    key: 'joules',
    label: 'Energy per token',
    how: 'Power (W) ÷ output tokens/s as benchmarks count (prefill included)',
    show: (m) => formatNumber(m.joulesPerToken, 'J/token'),
  },
  { key: 'power', label: 'Power', how: 'Chips x power per chip at load', show: (m) => formatNumber(m.powerW / 1000, 'kW') },
  {
    key: 'costHour',
    label: 'Cost per hour',
    how: 'Chips x price per chip-hour (GPU: cloud rental; SRAM chip: amortised owner cost, see its source)',
    show: (m) => `${formatUsd(m.costPerHourUsd)}/h`,
  },
];
