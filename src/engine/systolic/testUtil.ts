// Helpers shared by this folder's tests.
import { createSystolicEngine, type SystolicEngine } from './engine';
import { loadWasmModule } from '../wasmNode';

export async function nodeEngine(): Promise<SystolicEngine> {
  return createSystolicEngine(await loadWasmModule('systolic'));
}

/** Small seeded PRNG for property tests (independent of the operand generator). */
export function lcg(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + Math.floor((s / 2 ** 32) * (hi - lo + 1));
  };
}
