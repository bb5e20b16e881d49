// Operands in flight between engine cycles. At slow speeds the drawing slides each moving
// operand from its PE at cycle c to the neighbour it reaches at c + 1, instead of jumping.
// The direction comes from FlowRoles (the same description the arrows and queues use), and
// a value is drawn in transit only when the engine has it in the source PE at c and in the
// destination PE at c + 1: nothing is drawn that the engine did not compute.
import type { ArrayGeometry } from './geometry';
import type { FlowRoles, Operand } from './flowRoles';
import type { TraceSlot } from './traceCache';
import { CYCLES_PER_SECOND } from './playback';

/** One operand that moves one PE per cycle, and which way. */
export interface Move {
  operand: Operand;
  /** Row and column step from source to destination PE. */
  dr: 0 | 1;
  dc: 0 | 1;
}

/**
 * The operands that pass through PEs unchanged: the horizontal one moves right, the vertical
 * one down. A partial sum is not among them: the PE it reaches adds its product to it, so it
 * is not the same value on arrival (it jumps, as the engine has it).
 */
export function moves(roles: FlowRoles): Move[] {
  const out: Move[] = [];
  if (roles.horizontal !== 'psum') out.push({ operand: roles.horizontal, dr: 0, dc: 1 });
  if (roles.vertical !== 'psum') out.push({ operand: roles.vertical, dr: 1, dc: 0 });
  return out;
}

/** Above this rate a cycle lasts a few frames: motion is not readable, so values jump. */
export const MAX_TRANSIT_CYCLES_PER_SECOND = 24;

/** Whether playback at `speed` interpolates between cycles (never under reduced motion). */
export function interpolates(speed: number, reducedMotion: boolean): boolean {
  return !reducedMotion && speed * CYCLES_PER_SECOND <= MAX_TRANSIT_CYCLES_PER_SECOND;
}

function register(slot: TraceSlot, operand: Operand, i: number): number {
  const w = slot.window;
  return operand === 'input' ? w.input[i] : operand === 'weight' ? w.weight[i] : w.psum[i];
}

/**
 * The value PE (row, col) sends along `move` between `cur` (cycle c) and `next` (c + 1), or
 * null when nothing is in flight: a 0 register (drawn as empty), no destination PE (it leaves
 * the array), or a destination that does not hold that value at c + 1 (a new fold starts).
 */
export function inFlight(cur: TraceSlot, next: TraceSlot, rows: number, cols: number, row: number, col: number, move: Move): number | null {
  const r2 = row + move.dr;
  const c2 = col + move.dc;
  if (r2 >= rows || c2 >= cols) return null;
  const n = rows * cols;
  const v = register(cur, move.operand, cur.offset * n + row * cols + col);
  if (v === 0) return null;
  return register(next, move.operand, next.offset * n + r2 * cols + c2) === v ? v : null;
}

/** Top-left corner of PE (row, col)'s box moved a fraction `t` of the way along `move`, device px. */
export function transitPoint(
  geo: ArrayGeometry,
  row: number,
  col: number,
  move: Pick<Move, 'dr' | 'dc'>,
  t: number,
): { x: number; y: number } {
  return {
    x: geo.x0 + (col + move.dc * t) * geo.pitch,
    y: geo.y0 + (row + move.dr * t) * geo.pitch,
  };
}
