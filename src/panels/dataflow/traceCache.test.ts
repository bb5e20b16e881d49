// The cache must hand back exactly what the engine's trace gives for a cycle, from
// aligned windows, and keep only a few windows.
import { describe, expect, it } from 'vitest';
import { loadWasmModule } from '../../engine/wasmNode';
import { createSystolicEngine } from '../../engine/systolic';
import type { GemmScenario } from '../../scenario/types';
import type { TraceWindow } from '../../engine/types';
import { TraceCache, windowLength } from './traceCache';

const g: GemmScenario = { rows: 4, cols: 4, dataflow: 'ws', m: 40, k: 8, n: 8, seed: 7 };

async function setup() {
  const engine = createSystolicEngine(await loadWasmModule('systolic'));
  const { result } = await engine.run(g, { engine: 'cycle' });
  const fetched: number[] = [];
  const fetcher = async (gg: GemmScenario, start: number, count: number): Promise<TraceWindow> => {
    fetched.push(start);
    return engine.trace(gg, start, count);
  };
  return { engine, total: result.cycles, fetched, fetcher };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('TraceCache', () => {
  it('returns the same PE state as a direct trace of that cycle', async () => {
    const { engine, total, fetcher } = await setup();
    const cache = new TraceCache(fetcher, g, total);
    const cycle = Math.min(total - 1, cache.length + 5);
    expect(cache.lookup(cycle)).toBeNull();
    cache.request(cycle);
    await settle();
    const slot = cache.lookup(cycle);
    expect(slot).not.toBeNull();
    const direct = engine.trace(g, cycle, 1);
    const pes = g.rows * g.cols;
    const at = slot!.offset * pes;
    expect(Array.from(slot!.window.psum.subarray(at, at + pes))).toEqual(Array.from(direct.psum));
    expect(Array.from(slot!.window.input.subarray(at, at + pes))).toEqual(Array.from(direct.input));
    expect(Array.from(slot!.window.active.subarray(at, at + pes))).toEqual(Array.from(direct.active));
    expect(slot!.window.sramCumulative[slot!.offset * 4]).toBe(direct.sramCumulative[0]);
  });

  it('fetches aligned windows once, ignores cycles outside the run and evicts far windows', async () => {
    const { total, fetched, fetcher } = await setup();
    const cache = new TraceCache(fetcher, g, total, 2);
    const L = cache.length;
    expect(total).toBeGreaterThan(2 * L); // the shape must span several windows
    cache.request(3);
    cache.request(5); // same window, already on its way
    cache.request(-1);
    cache.request(total);
    await settle();
    expect(fetched).toEqual([0]);
    cache.ensure(L + 1); // its window and the next
    await settle();
    expect(fetched).toEqual([0, L, 2 * L]);
    // Capacity 2: the window furthest from the newest one is gone.
    expect(cache.has(0)).toBe(false);
    expect(cache.has(L)).toBe(true);
    expect(cache.has(2 * L)).toBe(true);
  });

  it('a failed window is reported for its own cycles only and not fetched again (no request storm)', async () => {
    const { total, fetched, fetcher } = await setup();
    const cache = new TraceCache(
      async (gg, start, count) => {
        if (start === 0) {
          fetched.push(start);
          throw new Error('memory access out of bounds');
        }
        return fetcher(gg, start, count);
      },
      g,
      total,
    );
    const L = cache.length;
    const version = cache.version;
    cache.request(0);
    await settle();
    expect(cache.version).toBeGreaterThan(version); // the loop redraws to show the failure
    expect(cache.errorAt(1)).toBe('memory access out of bounds');
    // The drawing loop asks every frame: the failed window is not fetched again.
    for (let frame = 0; frame < 10; frame++) cache.requestRange(0, L + 1);
    await settle();
    expect(fetched.filter((s) => s === 0)).toHaveLength(1);
    // Other windows still load and carry no error.
    expect(cache.has(L)).toBe(true);
    expect(cache.errorAt(L)).toBeNull();
    expect(cache.errorAt(-1)).toBeNull();
  });

  it('shrinks windows for large arrays to keep each one a few MB', () => {
    expect(windowLength(8, 8)).toBe(64);
    expect(windowLength(128, 128)).toBe(32);
    expect(windowLength(256, 256) * 256 * 256 * 13).toBeLessThanOrEqual(8e6);
    expect(windowLength(256, 256)).toBe(8);
  });
});

describe('TraceCache.requestRange', () => {
  it('loads every window between two cycles, so a queue spanning windows has no gaps', async () => {
    const engine = createSystolicEngine(await loadWasmModule('systolic'));
    const { result } = await engine.run(g, { engine: 'cycle' });
    const fetched: number[] = [];
    const cache = new TraceCache(
      async (gg, start, count) => {
        fetched.push(start);
        return engine.trace(gg, start, count);
      },
      g,
      result.cycles,
      TraceCache.capacityFor(2 * 64 + 1, 64),
    );
    const L = cache.length;
    cache.requestRange(-5, 2 * L + 3);
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toEqual([0, L, 2 * L]);
    for (let c = 0; c <= 2 * L + 3 && c < result.cycles; c++) expect(cache.has(c)).toBe(true);
  });
});
