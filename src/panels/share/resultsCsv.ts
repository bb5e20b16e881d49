// Results as CSV, one value per row (section, machine, field, value, unit), so a
// spreadsheet can filter and pivot it. Pure: same results, same text.
import type { GemmResult, LlmResult, MachineResult } from '../../engine/types';
import { CSV_LINE_BREAK, csvLine } from './csv';

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
