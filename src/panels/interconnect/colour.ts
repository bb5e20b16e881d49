// Link colour by utilisation: viridis (colour-blind safe, perceptually uniform), run from
// light green (idle) to dark purple (always busy) so both ends stay visible on white.
import { interpolateViridis } from 'd3';

const IDLE_T = 0.8;
const BUSY_T = 0.05;

export function utilizationColour(u: number): string {
  const c = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0));
  return interpolateViridis(IDLE_T + (BUSY_T - IDLE_T) * c);
}

/** CSS gradient for the legend, idle on the left. */
export function utilizationGradient(): string {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((u) => `${utilizationColour(u)} ${u * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** A utilisation as the legend prints it: three significant digits, in percent. */
export function formatShare(f: number): string {
  return `${+(f * 100).toPrecision(3)}%`;
}
