// What the colours and marks on the array mean, as data: the on-page legend and the
// exported SVG's legend list the same items.
import type { Dataflow } from '../../scenario/types';
import { COLOURS } from './drawArray';
import { flowRoles } from './flowRoles';

export const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function legendItems(dataflow: Dataflow): { colour: readonly number[]; text: string }[] {
  const roles = flowRoles(dataflow);
  return [
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
}
