// What the colours and marks on the array mean.
import type { Dataflow } from '../../scenario/types';
import { legendItems, rgb } from './legendItems';

export function Legend({ dataflow }: { dataflow: Dataflow }) {
  const items = legendItems(dataflow);
  return (
    <ul className="df-legend" aria-label="Legend">
      {items.map((it) => (
        <li key={it.text}>
          <span className="df-swatch" style={{ background: rgb(it.colour) }} aria-hidden="true" />
          {it.text}
        </li>
      ))}
      <li className="muted">
        Edge marks show non-zero register values. Hover a PE for its values; up to 16 x 16 the cells print three values, top to bottom:
        input a (orange), weight b (green), partial sum Σ (vermillion).
      </li>
    </ul>
  );
}
