// What the colours and marks on the array mean.
import type { Dataflow } from '../../scenario/types';
import { COLOURS } from './drawArray';
import { flowRoles } from './flowRoles';

const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function Legend({ dataflow }: { dataflow: Dataflow }) {
  const roles = flowRoles(dataflow);
  const items = [
    { colour: COLOURS.active, text: 'PE doing a MAC this cycle' },
    { colour: COLOURS.holding, text: `PE holding its stationary ${roles.stationary === 'psum' ? 'partial sum' : roles.stationary}, idle` },
    { colour: COLOURS.idle, text: 'PE empty' },
    { colour: COLOURS.input, text: 'input A (left edge of a PE; queue on the left when A streams in)' },
    { colour: COLOURS.weight, text: 'weight B (top edge of a PE)' },
    { colour: COLOURS.psum, text: 'partial sum (bottom edge of a PE; drained outputs below the array)' },
  ];
  return (
    <ul className="df-legend" aria-label="Legend">
      {items.map((it) => (
        <li key={it.text}>
          <span className="df-swatch" style={{ background: rgb(it.colour) }} aria-hidden="true" />
          {it.text}
        </li>
      ))}
      <li className="muted">Marks show non-zero values. Hover a PE for its values; up to 16 x 16 the cells print three values, top to bottom: input a (orange), weight b (green), partial sum Σ (vermillion).</li>
    </ul>
  );
}
