// Results as CSV, one value per row (section, machine, field, value, unit), so a
// spreadsheet can filter and pivot it. The exported file adds the inputs above them (a
// `# key,value` block: what to type back in to redo the run) and the batch sweep and the
// roofline points below, each a titled table after a blank line. Pure: same in, same text.
import type { GemmResult, LlmResult, MachineResult, RooflinePoint, SweepPoint } from '../../engine/types';
import type { Scenario } from '../../scenario/types';
import { CSV_LINE_BREAK, csvLine } from './csv';
import { scenarioLine } from './scenarioLine';

export const CSV_HEADER = ['section', 'machine', 'field', 'value', 'unit'] as const;

type Row = [string, string, string, string | number | boolean, string];

function gemmRows(g: GemmResult): Row[] {
  const m = `${g.rows}x${g.cols} ${g.dataflow}`;
  return [
    ['gemm', m, 'engine', g.engine, ''],
    ['gemm', m, 'rows', g.rows, 'PE'],
    ['gemm', m, 'cols', g.cols, 'PE'],
    ['gemm', m, 'dataflow', g.dataflow, ''],
    ['gemm', m, 'm', g.m, ''],
    ['gemm', m, 'k', g.k, ''],
    ['gemm', m, 'n', g.n, ''],
    ['gemm', m, 'cycles', g.cycles, 'cycles'],
    ['gemm', m, 'folds', g.folds, ''],
    ['gemm', m, 'utilization', g.utilization, 'fraction'],
    ['gemm', m, 'mappingEfficiency', g.mappingEfficiency, 'fraction'],
    ['gemm', m, 'macs', g.macs, 'MAC'],
    ['gemm', m, 'sram.ifmapReads', g.sram.ifmapReads, 'words'],
    ['gemm', m, 'sram.filterReads', g.sram.filterReads, 'words'],
    ['gemm', m, 'sram.ofmapWrites', g.sram.ofmapWrites, 'words'],
    ['gemm', m, 'sram.ofmapReads', g.sram.ofmapReads, 'words'],
    ['gemm', m, 'scalesim.cycles', g.scalesim.cycles, 'cycles'],
    ['gemm', m, 'scalesim.overallUtilization', g.scalesim.overallUtilization, 'fraction'],
    ['gemm', m, 'scalesim.computeUtilization', g.scalesim.computeUtilization, 'fraction'],
    ['gemm', m, 'scalesim.mappingEfficiency', g.scalesim.mappingEfficiency, 'fraction'],
    ['gemm', m, 'scalesim.ifmapReads', g.scalesim.ifmapReads, 'words'],
    ['gemm', m, 'scalesim.filterReads', g.scalesim.filterReads, 'words'],
    ['gemm', m, 'scalesim.ofmapWrites', g.scalesim.ofmapWrites, 'words'],
    ...(g.outputMatchesReference === undefined ? [] : [['gemm', m, 'outputMatchesReference', g.outputMatchesReference, ''] as Row]),
  ];
}

function machineRows(r: MachineResult): Row[] {
  const m = r.machine;
  return [
    ['llm', m, 'name', r.name, ''],
    ['llm', m, 'fits', r.fits, ''],
    ['llm', m, 'chips', r.chips, 'chips'],
    ['llm', m, 'chipsNeeded', r.chipsNeeded, 'chips'],
    ['llm', m, 'tensorParallel', r.tensorParallel, ''],
    ['llm', m, 'pipelineStages', r.pipelineStages, ''],
    ['llm', m, 'ttftMs', r.ttftMs, 'ms'],
    ['llm', m, 'tpotMs', r.tpotMs, 'ms'],
    ['llm', m, 'p99TpotMs', r.p99TpotMs, 'ms'],
    ['llm', m, 'tokensPerSecondPerUser', r.tokensPerSecondPerUser, 'tokens/s'],
    ['llm', m, 'systemTokensPerSecond', r.systemTokensPerSecond, 'tokens/s'],
    ['llm', m, 'answerMs', r.answerMs, 'ms'],
    ['llm', m, 'costPerMillionTokensUsd', r.costPerMillionTokensUsd, 'USD'],
    ['llm', m, 'joulesPerToken', r.joulesPerToken, 'J'],
    ['llm', m, 'powerW', r.powerW, 'W'],
    ['llm', m, 'costPerHourUsd', r.costPerHourUsd, 'USD/h'],
    ['llm', m, 'breakdown.computeMs', r.breakdown.computeMs, 'ms'],
    ['llm', m, 'breakdown.memoryMs', r.breakdown.memoryMs, 'ms'],
    ['llm', m, 'breakdown.networkMs', r.breakdown.networkMs, 'ms'],
    ['llm', m, 'breakdown.overheadMs', r.breakdown.overheadMs, 'ms'],
    ...(r.message ? [['llm', m, 'message', r.message, ''] as Row] : []),
  ];
}

export function resultsToCsv(gemm: GemmResult | null, llm: LlmResult | null): string {
  const rows: Row[] = [];
  if (gemm) rows.push(...gemmRows(gemm));
  if (llm) rows.push(...machineRows(llm.lpu), ...machineRows(llm.gpu));
  const lines = [csvLine(CSV_HEADER), ...rows.map(csvLine)];
  return lines.join(CSV_LINE_BREAK) + CSV_LINE_BREAK;
}

type Cell = string | number | boolean;

/** The scenario's inputs as path -> value, in document order; a null count is "auto" (the minimum that fits). */
export function inputRows(s: Scenario): [string, Cell][] {
  const out: [string, Cell][] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null) out.push([path, 'auto']);
    else if (typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push([path, v]);
  };
  // The inputs of the engines, not the view or the classroom settings.
  walk(s.gemm, 'gemm');
  // A preset model has no custom spec: leave the empty slot out rather than print "auto".
  walk(s.llm.custom === null ? { ...s.llm, custom: undefined } : s.llm, 'llm');
  walk(s.lpu, 'lpu');
  walk(s.gpu, 'gpu');
  return out;
}

export const SWEEP_HEADER = [
  'machine',
  'batch',
  'fits',
  'chips',
  'tokensPerSecondPerUser',
  'tokensPerSecondPerChip',
  'tokensPerSecondPerDollarHour',
  'tokensPerSecondPerWatt',
] as const;
const sweepRow = (p: SweepPoint): Cell[] => SWEEP_HEADER.map((k) => p[k]);

export const ROOFLINE_HEADER = [
  'machine',
  'phase',
  'intensity',
  'achievedTflops',
  'peakTflops',
  'bandwidthTBps',
  'roofMs',
  'timeMs',
] as const;
const rooflineRow = (p: RooflinePoint): Cell[] => [
  p.machine,
  p.phase,
  p.intensity,
  p.achievedTflops,
  p.peakTflops,
  p.bandwidthTBps,
  p.why.roofMs,
  p.why.timeMs,
];

/** The export menu's CSV: inputs, results, latency sweep, roofline. */
export function exportCsv(s: Scenario, link: string, gemm: GemmResult | null, llm: LlmResult | null): string {
  const inputs = [
    '# inputs',
    `# ${csvLine(['key', 'value'])}`,
    `# ${csvLine(['scenario', scenarioLine(s, llm)])}`,
    `# ${csvLine(['link', link])}`,
    ...inputRows(s).map((r) => `# ${csvLine(r)}`),
  ];
  const results = resultsToCsv(gemm, llm).split(CSV_LINE_BREAK).filter(Boolean);
  const sweep = ['# latency sweep', csvLine(SWEEP_HEADER), ...(llm?.sweep ?? []).map((p) => csvLine(sweepRow(p)))];
  const roofline = ['# roofline', csvLine(ROOFLINE_HEADER), ...(llm?.roofline ?? []).map((p) => csvLine(rooflineRow(p)))];
  const lines = [...inputs, '', '# results', ...results, '', ...sweep, '', ...roofline];
  return lines.join(CSV_LINE_BREAK) + CSV_LINE_BREAK;
}
