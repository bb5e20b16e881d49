// `npm run sim -- calibrate [--json]`: every case of the calibration corpus (setting,
// published, modelled, signed error, fitted or checked) and the aggregate |error| by regime.
import { createInterconnect } from '../engine/interconnect';
import { loadWasmModule } from '../engine/wasmNode';
import { calibrationRows, summarise } from '../engine/llm/calibration';
import { parseFlags } from './args';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export async function runCalibrateCli(args: string[]): Promise<void> {
  const flags = parseFlags(args, ['json']);
  const rows = calibrationRows(createInterconnect(await loadWasmModule('interconnect')));
  const summary = summarise(rows);
  if (flags.has('json')) {
    process.stdout.write(JSON.stringify({ rows, ...summary }) + '\n');
    return;
  }
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${r.id.padEnd(34)} ${r.metric.padEnd(28)} published ${num(r.published).padStart(7)}  modelled ${num(r.modelled).padStart(7)}  ${pct(r.error).padStart(7)}  ${r.status}`);
    out.push(`  ${r.regime}: ${r.setting}`);
  }
  out.push('', 'regime                      cases  median |error|  max |error|');
  for (const s of [...summary.byRegime, { regime: 'all', ...summary.all }]) {
    out.push(`${s.regime.padEnd(28)}${String(s.cases).padStart(5)}  ${(s.medianAbsError * 100).toFixed(1).padStart(13)}%  ${(s.maxAbsError * 100).toFixed(1).padStart(10)}%`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
