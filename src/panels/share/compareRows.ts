// The figures compare A/B puts side by side, from the two results. Pure.
import type { GemmResult, LlmResult, MachineResult } from '../../engine/types';

export interface CompareRow {
  key: string;
  label: string;
  unit: string;
  /** true when a larger value is better (tokens/s); false for time, cost, energy, chips. */
  higherIsBetter: boolean;
  a: number | null;
  b: number | null;
  /** Shown instead of a missing value, e.g. 'does not fit' (else a dash). */
  aMissing?: string;
  bMissing?: string;
}

const MACHINE_METRICS: { field: keyof MachineResult; label: string; unit: string; higherIsBetter: boolean }[] = [
  { field: 'tpotMs', label: 'Time per token', unit: 'ms', higherIsBetter: false },
  { field: 'tokensPerSecondPerUser', label: 'Tokens/s per user', unit: 'tokens/s', higherIsBetter: true },
  { field: 'costPerMillionTokensUsd', label: 'Cost per million tokens', unit: 'USD', higherIsBetter: false },
  { field: 'joulesPerToken', label: 'Energy per token', unit: 'J', higherIsBetter: false },
  { field: 'chips', label: 'Chips', unit: 'chips', higherIsBetter: false },
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
    const name = mb?.name ?? ma?.name ?? machine;
    for (const m of MACHINE_METRICS) {
      rows.push({
        key: `${machine}-${m.field}`,
        label: `${m.label} (${name})`,
        unit: m.unit,
        higherIsBetter: m.higherIsBetter,
        a: value(ma, m.field),
        b: value(mb, m.field),
        ...(ma && !ma.fits ? { aMissing: 'does not fit' } : {}),
        ...(mb && !mb.fits ? { bMissing: 'does not fit' } : {}),
      });
    }
  }
  rows.push({ key: 'gemm-cycles', label: 'GEMM cycles', unit: 'cycles', higherIsBetter: false, a: a.gemm?.cycles ?? null, b: b.gemm?.cycles ?? null });
  return rows;
}

/** B relative to A: ratio and whether it is an improvement. null when undefined. */
export function relativeChange(row: CompareRow): { ratio: number; better: boolean | null } | null {
  if (row.a === null || row.b === null || row.a === 0) return null;
  const ratio = row.b / row.a;
  const better = ratio === 1 ? null : row.higherIsBetter ? ratio > 1 : ratio < 1;
  return { ratio, better };
}
