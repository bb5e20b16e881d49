// Every shape at the corners of the limits runs and traces (start, middle, end of the run).
// The 256 x 256 corners are in corners.slow.test.ts (about 30 s on a shared machine).
import { describe, it } from 'vitest';
import { allCorners, checkCorner, label } from './cornerCases';
import { nodeEngine } from './testUtil';

describe('corners of the limits: run and trace windows (arrays with a side of 1)', () => {
  for (const g of allCorners().filter((c) => c.rows === 1 || c.cols === 1)) {
    it(label(g), async () => checkCorner(await nodeEngine(), await nodeEngine(), g));
  }
});
