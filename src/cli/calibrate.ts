// `npm run sim -- calibrate [--json]`: every case of the calibration corpus (setting,
// published, modelled, signed error, fitted or checked) and the aggregate |error| by regime.
import { createInterconnect } from '../engine/interconnect';
import { loadWasmModule } from '../engine/wasmNode';
import { calibrationRows, fittedFigures, summarise } from '../engine/llm/calibration';
import type { CalibrationRow } from '../engine/types';
import { UsageError } from './args';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export async function runCalibrateCli(args: string[]): Promise<void> {
  const bad = args.filter((a) => a !== '--json' && a !== '--markdown');
  if (bad.length > 0) throw new UsageError(`calibrate takes only --json or --markdown, got "${bad[0]}"`);
  const rows = calibrationRows(createInterconnect(await loadWasmModule('interconnect')));
  const summary = summarise(rows);
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ rows, ...summary }) + '\n');
    return;
  }
  if (args.includes('--markdown')) {
    process.stdout.write(markdown(rows, summary) + '\n');
    return;
  }
  const out: string[] = [];
  for (const r of rows) {
    out.push(
      `${r.id.padEnd(34)} ${r.metric.padEnd(28)} published ${num(r.published).padStart(7)}  modelled ${num(r.modelled).padStart(7)}  ${pct(r.error).padStart(7)}  ${r.status}`,
    );
    out.push(`  ${r.regime}: ${r.setting}`);
    if (r.outsideModel) out.push(`  outside the model: ${r.outsideModel}`);
  }
  out.push('', 'regime                      cases  median |error|  max |error|');
  for (const s of [...summary.byRegime, { regime: 'all', ...summary.all }]) {
    out.push(
      `${s.regime.padEnd(28)}${String(s.cases).padStart(5)}  ${(s.medianAbsError * 100).toFixed(1).padStart(13)}%  ${(s.maxAbsError * 100).toFixed(1).padStart(10)}%`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
}

/** The tables of docs/calibration.md: every case with its source, the aggregate, every fitted figure with its cases. */
function markdown(rows: CalibrationRow[], summary: ReturnType<typeof summarise>): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|');
  const out = ['| id | regime | setting | metric | published | modelled | error | use | source |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(
      `| ${r.id} | ${r.regime} | ${cell(r.setting)} | ${r.metric} | ${num(r.published)} | ${num(r.modelled)} | ${pct(r.error)} | ${r.status}${r.outsideModel ? `, outside the model: ${cell(r.outsideModel)}` : ''} | ${cell(r.source)} |`,
    );
  }
  out.push('', '| regime | cases | median abs. error | max abs. error |', '|---|---|---|---|');
  for (const s of [...summary.byRegime, { regime: 'all', ...summary.all }]) {
    out.push(`| ${s.regime} | ${s.cases} | ${(s.medianAbsError * 100).toFixed(1)}% | ${(s.maxAbsError * 100).toFixed(1)}% |`);
  }
  out.push('', '| figure | value | fitted on / source |', '|---|---|---|');
  for (const f of fittedFigures()) out.push(`| ${f.owner}.${f.field} | ${f.value} | ${cell(f.text)} |`);
  return out.join('\n');
}
