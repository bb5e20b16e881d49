// The two machines side by side: latency, throughput, cost and energy, each with its unit
// and a tooltip saying how the engine computed it.
import type { MachineResult } from '../../engine/types';
import { formatMs, formatNumber, formatUsd } from '../../ui/format';
import { chipsUsed } from '../../scenario/tourFacts';

interface Row {
  key: string;
  label: string;
  how: string;
  show(m: MachineResult): string;
}

const ROWS: Row[] = [
  { key: 'chips', label: 'Chips', how: 'Chips (GPUs) used; the minimum whose memory holds the weights and KV cache unless set', show: (m) => `${m.chips} ${m.chips === 1 ? 'chip' : 'chips'}` },
  {
    key: 'chipsUsed',
    label: 'Chips in use',
    how: 'Chips (GPUs) that hold part of the model; the rest of the system is idle for this workload',
    show: (m) => `${chipsUsed(m)} of the ${m.chips} given${chipsUsed(m) < m.chips ? `, ${m.chips - chipsUsed(m)} idle` : ''}`,
  },
  { key: 'ttft', label: 'Time to first token (TTFT)', how: 'Prefill of the whole prompt for the batch (compute-bound on big GEMMs; SRAM machine: chunks pipelined through its stages)', show: (m) => formatMs(m.ttftMs) },
  { key: 'tpot', label: 'Time per output token, p50', how: 'One simulated decode step for the whole batch: math, weight/KV memory reads, network on the critical path and overheads', show: (m) => formatMs(m.tpotMs) },
  { key: 'p99', label: 'Time per output token, p99', how: 'Statically scheduled SRAM machine: equal to p50 (no run-to-run jitter). GPU: 99th percentile of 2,000 seeded log-normal draws with the jitter CV', show: (m) => formatMs(m.p99TpotMs) },
  { key: 'tpsUser', label: 'Tokens/s per user', how: '1000 / time per output token (ms)', show: (m) => formatNumber(m.tokensPerSecondPerUser, 'tokens/s') },
  { key: 'tpsSystem', label: 'System tokens/s at this batch', how: 'Batch x tokens/s per user: every user of the batch gets a token each decode step', show: (m) => formatNumber(m.systemTokensPerSecond, 'tokens/s') },
  { key: 'answer', label: 'Whole answer (prompt + all output)', how: 'TTFT + output tokens x time per output token', show: (m) => formatMs(m.answerMs) },
  { key: 'cost', label: 'Cost per million tokens', how: 'Cost per hour ÷ 3600 ÷ tokens generated per second over the whole answer (batch x output ÷ answer time) x 10^6', show: (m) => formatUsd(m.costPerMillionTokensUsd) },
  { key: 'joules', label: 'Energy per token', how: 'Power (W) ÷ tokens generated per second over the whole answer (prefill included)', show: (m) => formatNumber(m.joulesPerToken, 'J/token') },
  { key: 'power', label: 'Power', how: 'Chips x power per chip at load', show: (m) => formatNumber(m.powerW / 1000, 'kW') },
  { key: 'costHour', label: 'Cost per hour', how: 'Chips x price per chip-hour (GPU: cloud rental; SRAM chip: amortised owner cost, see its source)', show: (m) => `${formatUsd(m.costPerHourUsd)}/h` },
];

export function MetricsTable({ lpu, gpu }: { lpu: MachineResult; gpu: MachineResult }) {
  return (
    <table className="data metrics-table" data-testid="metrics-table" data-highlight="latency-metrics">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">{lpu.name}</th>
          <th scope="col">{gpu.name}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => (
          <tr key={r.key} title={r.how}>
            <th scope="row">{r.label}</th>
            {[lpu, gpu].map((m) => (
              <td key={m.machine} data-testid={`metric-${m.machine === 'lpu' ? 'lpu' : 'gpu'}-${r.key}`} className={m.fits ? '' : 'nofit'}>
                {m.fits || (r.key === 'chips' && m.chips > 0) ? r.show(m) : 'does not fit'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
