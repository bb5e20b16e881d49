// Which operand moves which way in each dataflow (SCALE-Sim's mapping: see
// /work/shared/reference/README.md). The drawing and the legend both read this, so the
// arrows and the queues always agree with the words.
import type { Dataflow } from '../../scenario/types';

export type Operand = 'input' | 'weight' | 'psum';

export interface FlowRoles {
  /** Enters at the left edge and moves right, one PE per cycle. */
  horizontal: Operand;
  /** Moves down, one PE per cycle (enters at the top edge). */
  vertical: Operand;
  /** Held in the PE for a whole fold. */
  stationary: Operand;
  /** Where finished outputs leave the array. */
  drain: 'bottom' | 'in-place';
  /** One sentence for the caption. */
  summary: string;
}

const ROLES: Record<Dataflow, FlowRoles> = {
  ws: {
    horizontal: 'input',
    vertical: 'psum',
    stationary: 'weight',
    drain: 'bottom',
    summary:
      'Weight stationary: each PE holds one weight B[k][n] (rows = K, columns = N); rows of A stream in from the left, skewed one cycle per row; partial sums flow down and leave at the bottom as outputs.',
  },
  os: {
    horizontal: 'input',
    vertical: 'weight',
    stationary: 'psum',
    drain: 'in-place',
    summary:
      'Output stationary: each PE accumulates one output O[m][n] (rows = M, columns = N); A enters from the left and B from the top, both skewed one cycle per row/column; each PE writes its output to the ofmap SRAM once its last MAC is done.',
  },
  is: {
    horizontal: 'weight',
    vertical: 'psum',
    stationary: 'input',
    drain: 'bottom',
    summary:
      'Input stationary: each PE holds one input A[m][k] (rows = K, columns = M); columns of B stream in from the left, skewed one cycle per row; partial sums flow down and leave at the bottom.',
  },
};

export function flowRoles(dataflow: Dataflow): FlowRoles {
  return ROLES[dataflow];
}
