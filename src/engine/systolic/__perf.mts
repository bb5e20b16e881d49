import { loadWasmModule } from '../wasmNode';
import { createSystolicEngine, closedFormGemm } from './index';
const e = createSystolicEngine(await loadWasmModule('systolic'));
for (const df of ['ws','os','is','ws'] as const) {
  const g = { rows: 128, cols: 128, dataflow: df, m: 512, k: 4096, n: 4096, seed: 1 };
  const cf = closedFormGemm(g);
  for (const start of [0, Math.floor(cf.cycles/2)+37, cf.cycles - 64, 1000, 1064]) {
    const t0 = performance.now(); const w = e.trace(g, start, 64); const t1 = performance.now();
    console.log(df, start, w.count, (t1-t0).toFixed(1), 'ms');
  }
}
