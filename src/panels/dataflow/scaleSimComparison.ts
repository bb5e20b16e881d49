// Our figures beside SCALE-Sim v2's for the same GEMM, with a note on each difference.
// The notes name the known reasons (reference README, docs/cycle-model.md) only when the
// numbers actually differ by what that reason predicts; otherwise they say so plainly.
import type { GemmResult } from '../../engine/types';
import { formatCount, formatPercent } from '../../ui/format';

export interface ComparisonRow {
  id: string;
  metric: string;
  ours: string;
  scalesim: string;
  note: string;
  same: boolean;
}

const count = (v: number, unit: string) => `${formatCount(v)} ${unit}`;
const closeFraction = (a: number, b: number) => Math.abs(a - b) < 5e-4;

export function compareWithScaleSim(r: GemmResult): ComparisonRow[] {
  const s = r.scalesim;
  const rows: ComparisonRow[] = [];

  const cyclesSame = s.cycles === r.cycles;
  rows.push({
    id: 'cycles',
    metric: 'Cycles',
    ours: count(r.cycles, 'cycles'),
    scalesim: count(s.cycles, 'cycles'),
    same: cyclesSame,
    note: cyclesSame
      ? 'Same.'
      : s.cycles === r.cycles - 1
        ? 'SCALE-Sim reports the 0-based index of the last output write, one less than the number of cycles (its issue #125); we count cycles.'
        : `Differs by ${formatCount(r.cycles - s.cycles)} cycles; see the cycle model for what each counts.`,
  });

  const utilSame = closeFraction(r.utilization, s.overallUtilization);
  const utilFromCycles = closeFraction(s.overallUtilization, r.macs / (r.rows * r.cols * s.cycles));
  rows.push({
    id: 'utilization',
    metric: 'Utilisation (overall)',
    ours: formatPercent(r.utilization),
    scalesim: formatPercent(s.overallUtilization),
    same: utilSame,
    note: utilSame
      ? 'Same: MACs / (PEs x cycles).'
      : utilFromCycles
        ? 'Same formula, MACs / (PEs x cycles); differs only through the cycle count above.'
        : 'Different definitions; see the cycle model.',
  });

  rows.push({
    id: 'compute-utilization',
    metric: 'Compute utilisation',
    ours: '-',
    scalesim: formatPercent(s.computeUtilization),
    same: false,
    note:
      r.dataflow === 'os'
        ? 'SCALE-Sim only: utilisation of the mapped PEs during compute, without fill and drain.'
        : 'SCALE-Sim only: for ws/is it divides by a fold length cols - 1 cycles longer than the fold lasts, so it reads low.',
  });

  const mapSame = closeFraction(r.mappingEfficiency, s.mappingEfficiency);
  rows.push({
    id: 'mapping-efficiency',
    metric: 'Mapping efficiency',
    ours: formatPercent(r.mappingEfficiency),
    scalesim: formatPercent(s.mappingEfficiency),
    same: mapSame,
    note: mapSame ? 'Same: mean over folds of the fraction of PEs mapped.' : 'Differs; see the cycle model.',
  });

  const sramRow = (id: string, metric: string, ours: number, theirs: number, known: string | null): ComparisonRow => ({
    id,
    metric,
    ours: count(ours, 'elements'),
    scalesim: count(theirs, 'elements'),
    same: ours === theirs,
    note: ours === theirs ? 'Same.' : (known ?? `Differs by ${formatCount(theirs - ours)} elements; see the cycle model.`),
  });
  rows.push(sramRow('ifmap-reads', 'ifmap (A) SRAM reads', r.sram.ifmapReads, s.ifmapReads, null));
  rows.push(sramRow('filter-reads', 'filter (B) SRAM reads', r.sram.filterReads, s.filterReads, null));
  const extraOs = r.folds * (r.rows + r.cols);
  rows.push(
    sramRow(
      'ofmap-writes',
      'ofmap SRAM writes',
      r.sram.ofmapWrites,
      s.ofmapWrites,
      r.dataflow === 'os' && s.ofmapWrites - r.sram.ofmapWrites === extraOs
        ? `SCALE-Sim's os count includes folds x (rows + cols) = ${formatCount(extraOs)} extra writes from its drain model; we count each output written once per fold.`
        : null,
    ),
  );
  return rows;
}
