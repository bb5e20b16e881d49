// One horizontal stacked bar: weights / KV cache / activations / free, as fractions of capacity.
import type { ChipFill } from './occupancy';
import { formatBytes } from '../../ui/format';

export function StackBar({ fill }: { fill: ChipFill }) {
  const used = fill.weightsBytes + fill.kvBytes + fill.activationBytes;
  // When a chip overflows, the bar spans what is needed and the overflow is hatched.
  const span = Math.max(fill.capacityBytes, used) || 1;
  const pct = (b: number) => `${(100 * Math.max(0, b)) / span}%`;
  const over = Math.max(0, used - fill.capacityBytes);
  return (
    <div className="stack" aria-hidden="true">
      <span className="seg-weights" style={{ width: pct(fill.weightsBytes) }} title={`Weights ${formatBytes(fill.weightsBytes)}`} />
      <span className="seg-kv" style={{ width: pct(fill.kvBytes) }} title={`KV cache ${formatBytes(fill.kvBytes)}`} />
      <span
        className="seg-act"
        style={{ width: pct(fill.activationBytes - over) }}
        title={`Activations ${formatBytes(fill.activationBytes)}`}
      />
      {over > 0 ? <span className="seg-over" style={{ width: pct(over) }} title={`Over capacity by ${formatBytes(over)}`} /> : null}
    </div>
  );
}
