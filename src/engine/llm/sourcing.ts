// How a preset's figures are sourced, read from its source texts: shown beside the machine so
// that a projection from secondary or derived figures is never mistaken for a datasheet.
import { CORPUS } from './calibration';

export interface Sourcing {
  figures: number;
  /** Taken from news or blogs that report the vendor's figure, not from the vendor. */
  secondary: number;
  /** Derived from other figures, assumed, or not published. */
  derived: number;
  /** Fitted on published measurements of this machine. */
  fitted: number;
  /** Published measurements of this machine in the calibration corpus. */
  measurements: number;
}

const DERIVED = /^(derived|assumed|not published|not in the sources|estimate)/i;

export function sourcingOf(id: string, sources: Record<string, string>, figureNames: readonly string[]): Sourcing {
  const texts = figureNames.map((n) => sources[n] ?? '');
  return {
    figures: texts.length,
    fitted: texts.filter((t) => /^fitted on/i.test(t)).length,
    derived: texts.filter((t) => DERIVED.test(t)).length,
    secondary: texts.filter((t) => !DERIVED.test(t) && !/^fitted on/i.test(t) && /secondary/i.test(t)).length,
    measurements: CORPUS.filter((c) => c.machine === id).length,
  };
}

/** One sentence for the controls. */
export function sourcingText(name: string, s: Sourcing): string {
  const parts = [
    s.secondary > 0 ? `${s.secondary} only from secondary sources (news reporting the vendor's figure)` : null,
    s.derived > 0 ? `${s.derived} derived or assumed` : null,
    s.fitted > 0 ? `${s.fitted} fitted` : null,
  ].filter((p) => p !== null);
  const of = parts.length > 0 ? `of its ${s.figures} figures, ${parts.join(', ')}` : `all ${s.figures} figures from datasheets`;
  const measured =
    s.measurements > 0
      ? `${s.measurements} published measurement${s.measurements === 1 ? '' : 's'} of it in the calibration table`
      : 'no published measurement of it in the calibration table: its speeds here are projections';
  return `${name}: ${of}; ${measured}.`;
}
