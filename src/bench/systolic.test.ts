import { describe, expect, it } from 'vitest';
import type { GemmScenario } from '../scenario/types';
import { stepWeightStationaryTs } from './systolic';
import { closedFormGemm, generateOperands, matmulInt32 } from '../engine/systolic';

describe('TypeScript weight-stationary stepper used by the bench', () => {
  it('computes the product in the same number of cycles as the model, with folds on both dims', () => {
    for (const g of [
      { rows: 4, cols: 4, dataflow: 'ws', m: 7, k: 9, n: 6, seed: 2 },
      { rows: 3, cols: 5, dataflow: 'ws', m: 11, k: 4, n: 12, seed: 3 },
    ] satisfies GemmScenario[]) {
      const { a, b } = generateOperands(g);
      const r = stepWeightStationaryTs(g, a, b);
      expect(Array.from(r.out)).toEqual(Array.from(matmulInt32(a, b, g.m, g.k, g.n)));
      expect(r.cycles).toBe(closedFormGemm(g).cycles);
    }
  });
});
