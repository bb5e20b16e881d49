// Stepping speed of the cycle-accurate systolic array with real operands, in PE-cycles/s
// (cycles x rows x cols / seconds): the wasm engine and the same register-level loop in
// plain TypeScript, in the same run. Both must produce the true product.
import type { GemmScenario } from '../scenario/types';
import { createSystolicEngine, foldGeometry, generateOperands, matmulInt32 } from '../engine/systolic';
import { loadWasmModule } from '../engine/wasmNode';

const BENCH_GEMM: GemmScenario = { rows: 128, cols: 128, dataflow: 'ws', m: 256, k: 512, n: 512, seed: 1 };
const REPEATS = 3;

/**
 * Weight-stationary stepping in plain TypeScript: the wasm engine's algorithm (weights
 * shift down during load, inputs shift right and psums down every cycle, in place from
 * the bottom-right), one PE at a time instead of four per SIMD lane.
 */
export function stepWeightStationaryTs(g: GemmScenario, a: Int8Array, b: Int8Array): { out: Int32Array; cycles: number } {
  const { rows: R, cols: C, m: M, k: K, n: N } = g;
  const geo = foldGeometry(g);
  const S = C + 1; // column 0 is the feed (guard) cell
  const w = new Int32Array((R + 1) * S);
  const x = new Int32Array((R + 1) * S);
  const p = new Int32Array((R + 1) * S); // plane row 0 stays zero: the psum entering the top
  const out = new Int32Array(M * N);
  const T = geo.t;
  let cycles = 0;
  for (let f = 0; f < geo.folds; f++) {
    const fc = Math.floor(f / geo.rowFolds);
    const fr = f - fc * geo.rowFolds;
    const r = Math.min(R, K - fr * R);
    const c = Math.min(C, N - fc * C);
    w.fill(0);
    x.fill(0);
    p.fill(0);
    for (let tau = 0; tau < geo.foldLength; tau++) {
      if (tau < R) {
        w.copyWithin(2 * S, S, R * S); // rows shift down
        const src = R - 1 - tau;
        for (let j = 0; j < C; j++) w[S + 1 + j] = src < r && j < c ? b[(fr * R + src) * N + fc * C + j] : 0;
        continue;
      }
      for (let i = R - 1; i >= 0; i--) {
        const t = tau - R - i;
        const row = (i + 1) * S;
        x[row] = i < r && t >= 0 && t < T ? a[t * K + fr * R + i] : 0;
        for (let j = C; j >= 1; j--) {
          const xv = x[row + j - 1];
          x[row + j] = xv;
          p[row + j] = (p[row - S + j] + Math.imul(w[row + j], xv)) | 0;
        }
      }
      const bottom = R * S + 1;
      const tb = tau - 2 * R + 1;
      for (let j = Math.max(0, tb - T + 1); j <= Math.min(c - 1, tb); j++) {
        const o = (tb - j) * N + fc * C + j;
        out[o] = fr > 0 ? (out[o] + p[bottom + j]) | 0 : p[bottom + j];
      }
    }
    cycles += geo.foldLength;
  }
  return { out, cycles };
}

export async function runSystolicBench(log: (line: string) => void): Promise<Record<string, number>> {
  const g = BENCH_GEMM;
  const pes = g.rows * g.cols;
  const engine = createSystolicEngine(await loadWasmModule('systolic'));
  let wasmBest = 0;
  let cycles = 0;
  for (let rep = 0; rep < REPEATS; rep++) {
    let stepMs = 0;
    let last = performance.now();
    // Time only the stepping chunks: the callback fires right after each chunk.
    const { result } = await engine.run(g, {
      engine: 'cycle',
      onProgress: () => {
        const now = performance.now();
        stepMs += now - last;
        last = now;
      },
      yieldToEventLoop: async () => {
        last = performance.now();
      },
    });
    if (!result.outputMatchesReference) throw new Error('wasm engine output differs from the matmul');
    cycles = result.cycles;
    wasmBest = Math.max(wasmBest, (cycles * pes) / (stepMs / 1000));
  }
  const { a, b } = generateOperands(g);
  const expected = matmulInt32(a, b, g.m, g.k, g.n);
  let tsBest = 0;
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    const ts = stepWeightStationaryTs(g, a, b);
    const ms = performance.now() - t0;
    if (ts.cycles !== cycles) throw new Error(`TypeScript stepper took ${ts.cycles} cycles, wasm ${cycles}`);
    for (let i = 0; i < expected.length; i++)
      if (ts.out[i] !== expected[i]) throw new Error('TypeScript stepper output differs from the matmul');
    tsBest = Math.max(tsBest, (ts.cycles * pes) / (ms / 1000));
  }
  const shape = `${g.dataflow} ${g.rows}x${g.cols}, M=${g.m} K=${g.k} N=${g.n}, ${cycles} cycles`;
  log(`systolic ${shape}: wasm ${(wasmBest / 1e9).toFixed(3)}e9 PE-cycles/s (best of ${REPEATS})`);
  log(`systolic ${shape}: TypeScript ${(tsBest / 1e9).toFixed(3)}e9 PE-cycles/s (best of 2)`);
  log(`systolic wasm / TypeScript: ${(wasmBest / tsBest).toFixed(2)}x`);
  return { wasmPeCyclesPerSecond: wasmBest, tsPeCyclesPerSecond: tsBest, wasmOverTs: wasmBest / tsBest, systolicBenchCycles: cycles };
}
