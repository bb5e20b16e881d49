// The slow part of the corner walk (cornersGrid.slow.test.ts): the 256 x 256 array, ~30 s in all.
import { describe, it } from 'vitest';
import { allCorners, checkCorner, label } from './cornerCases';
import { nodeEngine } from './testUtil';

describe('corners of the limits: run and trace windows (256 x 256 array, slow)', () => {
  for (const g of allCorners().filter((c) => c.rows > 1 && c.cols > 1)) {
    it(label(g), async () => checkCorner(await nodeEngine(), await nodeEngine(), g));
  }
});
