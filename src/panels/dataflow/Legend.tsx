// What the colours and marks on the array mean.
import type { Dataflow } from '../../scenario/types';
import { COLOURS } from './drawArray';
import { flowRoles } from './flowRoles';

const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function Legend({ dataflow }: { dataflow: Dataflow }) {
  const roles = flowRoles(dataflow);
  const items = [
    { colour: COLOURS.active, text: 'PE doing a MAC this cycle' },
    {
      colour: COLOURS.holding,
      text: `PE holding its stationary ${roles.stationary === 'psum' ? 'partial sum' : roles.stationary} (0 included), idle`,
    },
    ...(roles.drain === 'in-place'
      ? [{ colour: COLOURS.written, text: 'PE whose output has been written to the ofmap SRAM (it stays until the fold ends)' }]
      : []),
    { colour: COLOURS.idle, text: 'PE empty' },
    { colour: COLOURS.input, text: 'input A (left edge of a PE; queue on the left when A streams in)' },
    { colour: COLOURS.weight, text: 'weight B (top edge of a PE)' },
    {
      colour: COLOURS.psum,
      text:
        roles.drain === 'bottom'
          ? 'partial sum (bottom edge of a PE); below the array, outputs written to the ofmap SRAM in the last cycles, newest on top'
          : 'partial sum (bottom edge of a PE)',
    },
  ];
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
