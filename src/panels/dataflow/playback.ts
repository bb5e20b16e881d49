// Playback arithmetic, kept pure so the animation loop and the tests agree.
// The view shows `cycle` in 0..total: the number of cycles elapsed. 0 = before the first
// operand enters; total = every output written. Cycle c > 0 shows the PE state at the end
// of cycle index c - 1 of the trace.

/** Cycles per second at 1x. Slow enough to follow one wavefront at 4x4. */
export const CYCLES_PER_SECOND = 6;
/** The top speed plays a 128x128 run (~640 cycles) in under 4 s: 32 x 6 = 192 cycles/s. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32] as const;

export function clampCycle(cycle: number, total: number): number {
  if (!Number.isFinite(cycle)) return 0;
  return Math.min(Math.max(0, Math.round(cycle)), Math.max(0, total));
}

/** Trace index holding the state shown at view cycle `cycle` (-1: the empty array). */
export function traceIndex(cycle: number): number {
  return cycle - 1;
}

export interface Advance {
  cycle: number;
  /** Fraction of a cycle carried to the next frame. */
  carry: number;
  /** Reached the last cycle: stop playing. */
  ended: boolean;
}

/** Moves the play head by the time elapsed since the last frame. */
export function advance(cycle: number, carry: number, elapsedMs: number, speed: number, total: number): Advance {
  // Cap a frame's step so a tab switching back does not jump half the run.
  const dt = Math.min(elapsedMs, 250);
  const exact = carry + (dt / 1000) * CYCLES_PER_SECOND * speed;
  const whole = Math.floor(exact);
  const next = Math.min(total, cycle + whole);
  return { cycle: next, carry: next >= total ? 0 : exact - whole, ended: next >= total };
}

export type KeyAction = 'toggle' | 'back' | 'forward' | 'start' | 'end' | null;

export function keyAction(key: string): KeyAction {
  switch (key) {
    case ' ':
    case 'Spacebar':
      return 'toggle';
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'forward';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    default:
      return null;
  }
}

/**
 * Keys typed into text boxes and selects belong to them, not to playback. A slider keeps
 * its arrows and Home/End (it moves itself) but has no use for Space.
 */
export function ownsKey(el: Element | null, action: KeyAction): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    if (type === 'range') return action !== 'toggle';
    return type !== 'checkbox' && type !== 'radio' && type !== 'button';
  }
  return (el as HTMLElement).isContentEditable === true;
}
