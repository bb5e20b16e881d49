// One horizontal stacked bar: weights / KV cache / activations / free, as fractions of capacity.
// A picture only: the bytes it draws are written beside it (the group's button, its chip detail,
// the need sentence), where a tap or a keyboard reaches them; a hover title would not.
import type { ChipFill } from './occupancy';

export function StackBar({ fill }: { fill: ChipFill }) {
  const used = fill.weightsBytes + fill.kvBytes + fill.activationBytes;
  // When a chip overflows, the bar spans what is needed and the overflow is hatched.
  const span = Math.max(fill.capacityBytes, used) || 1;
  const pct = (b: number) => `${(100 * Math.max(0, b)) / span}%`;
  const over = Math.max(0, used - fill.capacityBytes);
  return (
    <div className="stack" aria-hidden="true">
      <span className="seg-weights" style={{ width: pct(fill.weightsBytes) }} />
      <span className="seg-kv" style={{ width: pct(fill.kvBytes) }} />
      <span className="seg-act" style={{ width: pct(fill.activationBytes - over) }} />
      {over > 0 ? <span className="seg-over" style={{ width: pct(over) }} /> : null}
    </div>
  );
}
