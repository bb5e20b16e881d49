// Disaggregated serving: the pair (one machine prefills, the other decodes) beside each machine
// alone, figure by figure, with where the pair wins and where it does not.
import type { DisaggResult, MachineResult } from '../../engine/types';
import { formatBytes, formatMs, formatNumber } from '../../ui/format';
import { PAIR_ROWS, pairAsMachine, pairRow, pairVerdicts } from './pairVerdicts';

export function PairTable({ pair, lpu, gpu }: { pair: DisaggResult; lpu: MachineResult; gpu: MachineResult }) {
  if (!pair.fits)
    return (
      <div className="no-fit" role="alert" data-testid="pair-problem">
        {pair.message}
      </div>
    );
  const verdicts = new Map(pairVerdicts(pair, lpu, gpu).map((v) => [v.key, v.beats]));
  const alone = (side: 'lpu' | 'gpu') => (side === 'lpu' ? lpu : gpu);
  const both = [...verdicts].filter(([, b]) => b.length === 2).map(([k]) => pairRow(k).label);
  const neither = [...verdicts].filter(([, b]) => b.length === 0).map(([k]) => pairRow(k).label);
  return (
    <div data-highlight="latency-pair" data-testid="pair-table">
      <p className="muted small" data-testid="pair-transfer">
        {pair.prefillName} prefills, then sends the prompts' KV cache ({formatBytes(pair.kvBytes)}) to {pair.decodeName} in{' '}
        {formatMs(pair.transferMs)}: {formatNumber(pair.linkGBps, 'GB/s')}, {pair.linkText}; a transfer takes a fitted setup time plus its
        bytes at a fitted share of that bandwidth (Mooncake's measured transfers).
      </p>
      <table className="data metrics-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">The pair</th>
            <th scope="col">{lpu.name} alone</th>
            <th scope="col">{gpu.name} alone</th>
          </tr>
        </thead>
        <tbody>
          {PAIR_ROWS.map((r) => {
            const row = pairRow(r.key);
            const beats = verdicts.get(r.key)!;
            return (
              <tr key={r.key} title={row.how}>
                <th scope="row">{row.label}</th>
                <td data-testid={`pair-${r.key}`} className={beats.length === 2 ? 'best' : ''}>
                  {row.show(pairAsMachine(pair))}
                </td>
                {(['lpu', 'gpu'] as const).map((side) => (
                  <td key={side} data-testid={`pair-alone-${side}-${r.key}`} className={alone(side).fits ? '' : 'nofit'}>
                    {alone(side).fits ? row.show(alone(side)) : 'does not fit'}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="small" data-testid="pair-verdict">
        {both.length > 0
          ? `The pair beats both machines alone on ${both.join(', ')}. `
          : 'On no figure does the pair beat both machines alone. '}
        {neither.length > 0 ? `It beats neither on ${neither.join(', ')}.` : ''}
      </p>
    </div>
  );
}
