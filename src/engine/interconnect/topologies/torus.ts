// 2D torus of rows x cols chips, chip = row * cols + col. rows is the largest divisor of
// the chip count not above its square root (576 -> 24 x 24, 10,440 -> 90 x 116), so the
// torus is as square as the count allows. Routing is dimension-order (along the row first,
// then along the column), each dimension the shorter way round, forward on a tie.
import type { NetworkSpec } from '../program';
import { LinkTable, type BuiltTopology } from '../topology';

export function torusShape(chips: number): { rows: number; cols: number } {
  if (chips < 4) throw new Error(`spec.chips: torus2d needs at least 4 chips (got ${chips})`);
  let rows = Math.floor(Math.sqrt(chips));
  while (chips % rows !== 0) rows--;
  if (rows < 2) {
    throw new Error(`spec.chips: torus2d needs a chip count with two factors >= 2 (got ${chips}, which is prime)`);
  }
  return { rows, cols: chips / rows };
}

/** Links along one dimension of size k: k wrap-around links, or 1 when k = 2 (no duplicate pair). */
function linksPerLine(k: number): number {
  return k === 2 ? 1 : k;
}

export function buildTorus(spec: NetworkSpec): BuiltTopology {
  const { rows, cols } = torusShape(spec.chips);
  const links = new LinkTable();
  const bw = spec.linkBandwidthGBps;
  const lat = spec.hopLatencyUs;
  const hPerRow = linksPerLine(cols);
  const vPerCol = linksPerLine(rows);
  // horizontal link (r, c) joins (r, c) -> (r, c+1); id r * hPerRow + c
  for (let r = 0; r < rows; r++) for (let c = 0; c < hPerRow; c++) links.add(r * cols + c, r * cols + ((c + 1) % cols), bw, lat, 'local');
  const vBase = links.count;
  // vertical link (r, c) joins (r, c) -> (r+1, c); id vBase + c * vPerCol + r
  for (let c = 0; c < cols; c++) for (let r = 0; r < vPerCol; r++) links.add(r * cols + c, ((r + 1) % rows) * cols + c, bw, lat, 'local');

  function walk(from: number, to: number, k: number, id: (i: number) => number, out: number[]): void {
    const forward = (to - from + k) % k;
    if (forward === 0) return;
    if (k === 2) {
      out.push(2 * id(0) + (from === 0 ? 0 : 1));
      return;
    }
    if (forward <= k - forward) for (let i = from; i !== to; i = (i + 1) % k) out.push(2 * id(i));
    else for (let i = from; i !== to; i = (i - 1 + k) % k) out.push(2 * id((i - 1 + k) % k) + 1);
  }

  return links.finish('torus2d', spec.chips, spec.chips, `torus ${rows} x ${cols}`, (src, dst, out) => {
    const sr = Math.floor(src / cols);
    const sc = src % cols;
    const dr = Math.floor(dst / cols);
    const dc = dst % cols;
    walk(sc, dc, cols, (c) => sr * hPerRow + c, out);
    walk(sr, dr, rows, (r) => vBase + dc * vPerCol + r, out);
  });
}
