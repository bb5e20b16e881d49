// Deterministic int8 operands from a seed. Counter-based (a hash of the seed and the
// element's index) so any element can be produced without the rest of the matrix; the
// wasm engine (src/engine/assembly/systolic.ts) uses the same function bit for bit.
import type { GemmScenario } from '../../scenario/types';

function lowbias32(v: number): number {
  let x = v >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export type Operand = 'a' | 'b';

/** Key of one operand's stream for a seed (seed is taken modulo 2^32). */
export function operandKey(seed: number, operand: Operand): number {
  return lowbias32((seed >>> 0) ^ (operand === 'a' ? 0x2545f491 : 0x9e3779b9));
}

/** Element `index` (row-major) of an operand: an int8 in -128..127. */
export function operandValue(key: number, index: number): number {
  return (lowbias32((index + key) >>> 0) | 0) >> 24;
}

/** A (M x K) and B (K x N), row-major int8, for a GEMM scenario. */
export function generateOperands(g: Pick<GemmScenario, 'm' | 'k' | 'n' | 'seed'>): { a: Int8Array; b: Int8Array } {
  const a = new Int8Array(g.m * g.k);
  const b = new Int8Array(g.k * g.n);
  const ka = operandKey(g.seed, 'a');
  const kb = operandKey(g.seed, 'b');
  for (let i = 0; i < a.length; i++) a[i] = operandValue(ka, i);
  for (let i = 0; i < b.length; i++) b[i] = operandValue(kb, i);
  return { a, b };
}

/** Plain int32 matmul (wrapping like int32 hardware): the ground truth for outputs. */
export function matmulInt32(a: Int8Array, b: Int8Array, m: number, k: number, n: number): Int32Array {
  const out = new Int32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let q = 0; q < k; q++) {
      const av = a[i * k + q];
      if (av === 0) continue;
      const row = q * n;
      const o = i * n;
      for (let j = 0; j < n; j++) out[o + j] = (out[o + j] + av * b[row + j]) | 0;
    }
  }
  return out;
}
