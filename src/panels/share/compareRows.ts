// The figures compare A/B puts side by side, from the two results. Pure.
import type { GemmResult, LlmResult, MachineResult } from '../../engine/types';

/** Which way is an improvement; null when neither is (more chips is not simply worse). */
export type Direction = 'higher' | 'lower' | null;

export interface CompareRow {
  key: string;
  label: string;
  /** The machine group the row belongs to ('gemm' for the systolic array). */
  group: 'lpu' | 'gpu' | 'gemm';
  unit: string;
  direction: Direction;
  a: number | null;
  b: number | null;
  /** Each side's own machine name (A may be an H100 while B is a B200). */
  aName: string | null;
  bName: string | null;
  /** Shown instead of a missing value, e.g. 'does not fit' (else a dash). */
  aMissing?: string;
  bMissing?: string;
  /** Why the row has no direction, for the tooltip. */
  neutralWhy?: string;
}

export const GROUP_TITLES: Record<CompareRow['group'], string> = {
  lpu: 'SRAM-only system',
  gpu: 'GPU baseline',
  gemm: 'Systolic array GEMM',
};

const MACHINE_METRICS: { field: keyof MachineResult; label: string; unit: string; direction: Direction; neutralWhy?: string }[] = [
  { field: 'tpotMs', label: 'Time per token', unit: 'ms', direction: 'lower' },
  { field: 'tokensPerSecondPerUser', label: 'Tokens/s per user', unit: 'tokens/s', direction: 'higher' },
  { field: 'costPerMillionTokensUsd', label: 'Cost per million tokens', unit: 'USD', direction: 'lower' },
  { field: 'joulesPerToken', label: 'Energy per token', unit: 'J', direction: 'lower' },
  {
    field: 'chips',
    label: 'Chips',
    unit: 'chips',
    direction: null,
    neutralWhy: 'More or fewer chips is neither better nor worse by itself: see time and cost per token',
  },
];

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A machine that does not fit reports zeros: no figure, except a chip count it was given. */
function value(m: MachineResult | null, field: keyof MachineResult): number | null {
  if (!m) return null;
  if (!m.fits && !(field === 'chips' && m.chips > 0)) return null;
  return num(m[field]);
}

export function compareRows(
  a: { gemm: GemmResult | null; llm: LlmResult | null },
  b: { gemm: GemmResult | null; llm: LlmResult | null },
): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const machine of ['lpu', 'gpu'] as const) {
    const ma = a.llm?.[machine] ?? null;
    const mb = b.llm?.[machine] ?? null;
    for (const m of MACHINE_METRICS) {
      rows.push({
        key: `${machine}-${m.field}`,
        label: m.label,
        group: machine,
        unit: m.unit,
        direction: m.direction,
        a: value(ma, m.field),
        b: value(mb, m.field),
        aName: ma?.name ?? null,
        bName: mb?.name ?? null,
        ...(ma && !ma.fits ? { aMissing: 'does not fit' } : {}),
        ...(mb && !mb.fits ? { bMissing: 'does not fit' } : {}),
        ...(m.neutralWhy ? { neutralWhy: m.neutralWhy } : {}),
      });
    }
  }
  // Fewer cycles is better only for the same work: a smaller GEMM is not an improvement.
  const sameWork = !!a.gemm && !!b.gemm && a.gemm.m === b.gemm.m && a.gemm.k === b.gemm.k && a.gemm.n === b.gemm.n;
  const bothGemm = !!a.gemm && !!b.gemm;
  rows.push({
    key: 'gemm-cycles',
    label: 'GEMM cycles',
    group: 'gemm',
    unit: 'cycles',
    direction: sameWork ? 'lower' : null,
    a: a.gemm?.cycles ?? null,
    b: b.gemm?.cycles ?? null,
    aName: a.gemm ? `${a.gemm.rows} x ${a.gemm.cols} array` : null,
    bName: b.gemm ? `${b.gemm.rows} x ${b.gemm.cols} array` : null,
    ...(bothGemm && !sameWork
      ? { neutralWhy: 'A and B multiply different matrices (M, K, N), so fewer cycles is not an improvement' }
      : {}),
  });
  return rows;
}

/** B relative to A: the ratio, and whether it is an improvement (null: same or no direction). */
export function relativeChange(row: CompareRow): { ratio: number; better: boolean | null } | null {
  if (row.a === null || row.b === null || row.a === 0) return null;
  const ratio = row.b / row.a;
  const better = ratio === 1 || row.direction === null ? null : row.direction === 'higher' ? ratio > 1 : ratio < 1;
  return { ratio, better };
}
