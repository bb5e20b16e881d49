// Exact bytes of one chip: what it holds (its label) and each part of its memory.
import { HowToggle } from '../../ui/HowToggle';
import type { ChipOccupancy } from '../../engine/types';
import { formatBytes, formatPercent } from '../../ui/format';
import { fillAtToken } from './occupancy';

interface Props {
  occ: ChipOccupancy;
  index: number;
  count: number;
  token: number;
  prompt: number;
  output: number;
  memory: string;
  onIndex(i: number): void;
  testId: string;
}

const exact = (b: number) => `${Math.round(b).toLocaleString('en-US')} B`;

export function ChipDetail({ occ, index, count, token, prompt, output, memory, onIndex, testId }: Props) {
  const f = fillAtToken(occ, token, prompt, output);
  const rows: [string, string, number, string][] = [
    ['weights', 'Weights', f.weightsBytes, 'Parameters of the layers/shard this chip holds x bytes per weight'],
    ['kv-now', `KV cache now (token ${token})`, f.kvBytes, 'Interpolated linearly per token between the two figures below'],
    [
      'kv-prompt',
      'KV cache at end of prompt',
      occ.kvPromptBytes,
      'K and V of every prompt token, for the layers held, for every user of the batch',
    ],
    ['kv-final', 'KV cache at end of answer', occ.kvFinalBytes, 'Prompt + all output tokens'],
    ['activations', 'Activations', f.activationBytes, 'Working buffers of the layers held (batch x hidden x bytes, a few per layer)'],
    ['capacity', 'Capacity', f.capacityBytes, `${memory} per chip`],
    ['free', f.freeBytes >= 0 ? 'Free' : 'Over capacity', Math.abs(f.freeBytes), 'Capacity - weights - KV cache now - activations'],
  ];
  return (
    <div className="chip-detail" data-testid={testId}>
      <div className="field-inputs">
        <label htmlFor={`${testId}-idx`}>Chip</label>
        <input
          id={`${testId}-idx`}
          type="number"
          min={0}
          max={count - 1}
          value={index}
          style={{ width: '6rem' }}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v < count) onIndex(v);
          }}
        />
        <span className="muted">of 0..{count - 1}</span>
      </div>
      <p>
        <strong data-testid={`${testId}-label`}>{occ.label}</strong>{' '}
        <span className="muted">
          ({formatPercent((f.capacityBytes - f.freeBytes) / f.capacityBytes)} of {memory} used)
        </span>
      </p>
      <table className="data">
        <tbody>
          {rows.map(([key, name, bytes, how]) => (
            <tr key={key} title={how}>
              <td>
                {name} <HowToggle text={how} what={name.toLowerCase()} />
              </td>
              <td data-testid={`${testId}-${key}`}>{exact(bytes)}</td>
              <td>{formatBytes(bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
