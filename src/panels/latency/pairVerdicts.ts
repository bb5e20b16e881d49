// Where a disaggregated pair beats each machine alone, figure by figure: the pair table shows it
// and a tour fact checks it.
import type { DisaggResult, MachineResult } from '../../engine/types';
import { METRIC_ROWS, type MetricRow } from './metricRows';

export type Pair = Extract<DisaggResult, { fits: true }>;
export type PairSide = 'lpu' | 'gpu';

/** The figures compared, by METRIC_ROWS key (their labels and formats are the metrics table's), and which way is better. */
export const PAIR_ROWS = [
  { key: 'ttft', better: 'lower', of: (m: Pair | MachineResult) => m.ttftMs },
  { key: 'tpot', better: 'lower', of: (m: Pair | MachineResult) => m.tpotMs },
  { key: 'answer', better: 'lower', of: (m: Pair | MachineResult) => m.answerMs },
  { key: 'tpsOutput', better: 'higher', of: (m: Pair | MachineResult) => m.outputTokensPerSecond },
  { key: 'cost', better: 'lower', of: (m: Pair | MachineResult) => m.costPerMillionTokensUsd },
  { key: 'joules', better: 'lower', of: (m: Pair | MachineResult) => m.joulesPerToken },
] as const;

export type PairFigure = (typeof PAIR_ROWS)[number]['key'];

/** The metrics table's row of a pair figure: its label, how it is computed, its format. */
export function pairRow(key: PairFigure): MetricRow {
  const row = METRIC_ROWS.find((r) => r.key === key);
  if (!row) throw new Error(`no metric row ${key}`);
  return row;
}

/** The metrics table's formats read only the fields a pair has too (times, rates, cost, energy). */
export const pairAsMachine = (p: Pair): MachineResult => p as unknown as MachineResult;

/** Per figure: which machines alone the pair beats (a machine that cannot hold the model is beaten). */
export function pairVerdicts(pair: Pair, lpu: MachineResult, gpu: MachineResult): { key: PairFigure; beats: PairSide[] }[] {
  return PAIR_ROWS.map((r) => {
    const better = (a: number, b: number) => (r.better === 'lower' ? a < b : a > b);
    const beats = (['lpu', 'gpu'] as const).filter((side) => {
      const m = side === 'lpu' ? lpu : gpu;
      return !m.fits || better(r.of(pair), r.of(m));
    });
    return { key: r.key, beats };
  });
}
