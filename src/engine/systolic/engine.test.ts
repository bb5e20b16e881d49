import { describe, expect, it } from 'vitest';
import { DATAFLOWS, type GemmScenario } from '../../scenario/types';
import { CancelledError, MAX_TRACE_CYCLES } from './engine';
import { closedFormGemm } from './closedForm';
import { generateOperands, matmulInt32 } from './operands';
import { nodeEngine } from './testUtil';
import { ReferenceSystolicArray } from './reference';

const small: GemmScenario = { rows: 8, cols: 8, dataflow: 'ws', m: 20, k: 30, n: 10, seed: 42 };

describe('systolic engine API', () => {
  it('returns operands from the shared TS generator and their true product, copied out of wasm memory', async () => {
    const { result, matrices } = await (await nodeEngine()).run(small);
    expect(result.engine).toBe('cycle');
    const { a, b } = generateOperands(small);
    expect(Array.from(matrices!.a)).toEqual(Array.from(a));
    expect(Array.from(matrices!.b)).toEqual(Array.from(b));
    expect(Array.from(matrices!.out)).toEqual(Array.from(matmulInt32(a, b, small.m, small.k, small.n)));
    // Own buffers, not views on the wasm memory.
    for (const m of [matrices!.a, matrices!.b, matrices!.out]) expect(m.buffer.byteLength).toBe(m.byteLength);
    // Different seeds give different operands.
    expect(Array.from(generateOperands({ ...small, seed: 43 }).a)).not.toEqual(Array.from(a));
  });

  it('uses the closed form beyond maxSteppedPeCycles, and omits large matrices', async () => {
    const engine = await nodeEngine();
    const big: GemmScenario = { rows: 128, cols: 128, dataflow: 'os', m: 512, k: 4096, n: 4096, seed: 1 };
    const r = await engine.run(big);
    expect(r.result.engine).toBe('closed-form');
    expect(r.matrices).toBeNull();
    expect(r.result.outputMatchesReference).toBeUndefined();
    const limited = await engine.run(small, { maxSteppedPeCycles: 10 });
    expect(limited.result.engine).toBe('closed-form');
    const mid = await engine.run({ ...small, m: 100, n: 100 });
    expect(mid.result.engine).toBe('cycle');
    expect(mid.matrices).toBeNull(); // 100 x 100 outputs: too many to show
    expect(mid.result.outputMatchesReference).toBe(true);
  });

  it('reports progress in chunks and stops with CancelledError, then runs again cleanly', async () => {
    const engine = await nodeEngine();
    const g: GemmScenario = { rows: 128, cols: 128, dataflow: 'ws', m: 256, k: 512, n: 512, seed: 3 };
    const fractions: number[] = [];
    let yields = 0;
    await expect(
      engine.run(g, {
        onProgress: (f) => fractions.push(f),
        isCancelled: () => fractions.length >= 2,
        yieldToEventLoop: async () => {
          yields++;
        },
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(fractions).toHaveLength(2);
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions[1]).toBeGreaterThan(fractions[0]);
    expect(fractions[1]).toBeLessThan(1);
    expect(yields).toBe(1);

    const all: number[] = [];
    const { result } = await engine.run(small, { onProgress: (f) => all.push(f) });
    expect(all.at(-1)).toBe(1);
    expect(result.outputMatchesReference).toBe(true);
    expect(result.cycles).toBe(closedFormGemm(small).cycles);
  });

  it('traces any window of a 128x128 run quickly, and the direct state equals stepping into it', async () => {
    for (const dataflow of DATAFLOWS) {
      const g: GemmScenario = { rows: 128, cols: 128, dataflow, m: 512, k: 4096, n: 4096, seed: 9 };
      const total = closedFormGemm(g).cycles;
      const engine = await nodeEngine();
      const fresh = await nodeEngine();
      for (const start of [0, 777, Math.floor(total / 2) + 123, total - 64]) {
        // Best of three (each computes the state afresh): the machine is shared, so the
        // bound is generous and only catches gross regressions; measured times are reported.
        let ms = Infinity;
        let w = engine.trace(g, start, 64);
        for (let rep = 0; rep < 3; rep++) {
          const t0 = performance.now();
          w = engine.trace(g, start, 64);
          ms = Math.min(ms, performance.now() - t0);
        }
        expect(w.count).toBe(64);
        expect(ms, `${dataflow} @${start}: ${ms.toFixed(1)} ms`).toBeLessThan(400);
        // The cycle after the window, reached by stepping on from it and computed directly.
        if (start + 64 < total) {
          const stepped = engine.trace(g, start + 64, 1);
          const direct = fresh.trace(g, start + 64, 1);
          expect(Array.from(stepped.psum)).toEqual(Array.from(direct.psum));
          expect(Array.from(stepped.weight)).toEqual(Array.from(direct.weight));
          expect(Array.from(stepped.input)).toEqual(Array.from(direct.input));
        }
        expect(w.active.some((v) => v === 1) || start === 0).toBe(true);
      }
      // Backward works too.
      expect(engine.trace(g, 5, 2).fold[0]).toBe(0);
    }
  }, 60_000);

  it('a trace from cycle 0 right after a run records the ofmap writes and leaves the run alone', async () => {
    // The run leaves its output address behind; a trace must neither count nor write through it.
    const engine = await nodeEngine();
    await engine.run(small);
    const g: GemmScenario = { rows: 4, cols: 4, dataflow: 'ws', m: 6, k: 4, n: 4, seed: 5 };
    const ref = new ReferenceSystolicArray(g);
    const w = engine.trace(g, 0, ref.cycles);
    for (let c = 0; c < w.count; c++) {
      const step = ref.step();
      expect(Array.from(w.psum.subarray(c * 16, (c + 1) * 16)), `cycle ${c} psum`).toEqual(Array.from(step.psum));
      const logged = Array.from(w.ofmapRow.subarray(c * 4, (c + 1) * 4)).filter((m) => m >= 0).length;
      expect(logged, `cycle ${c} writes`).toBe(step.writes.length);
    }
    const again = await engine.run(small);
    expect(again.result.outputMatchesReference).toBe(true);
  });

  it('rejects bad trace windows and caps long ones', async () => {
    const engine = await nodeEngine();
    const total = closedFormGemm(small).cycles;
    expect(() => engine.trace(small, -1, 4)).toThrow(RangeError);
    expect(() => engine.trace(small, total, 4)).toThrow(RangeError);
    expect(() => engine.trace(small, 0, 0)).toThrow(RangeError);
    expect(() => engine.trace(small, 1.5, 2)).toThrow(RangeError);
    expect(engine.trace(small, total - 2, 10).count).toBe(2);
    const big: GemmScenario = { rows: 4, cols: 4, dataflow: 'os', m: 400, k: 400, n: 400, seed: 1 };
    expect(engine.trace(big, 0, 5000).count).toBe(MAX_TRACE_CYCLES);
  });
});
