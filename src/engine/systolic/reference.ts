// Plain TypeScript model of the same register-level machine as the wasm engine, written
// for clarity, not speed: every cycle computes next-state registers from current ones
// (double-buffered), operands carry their stream step as a tag, and outputs leave the
// array when a tagged psum reaches the bottom (ws/is) or a PE has done all its MACs (os).
// Small sizes only; tests compare the wasm engine with it register by register.
import type { GemmScenario } from '../../scenario/types';
import type { SramCounts } from '../types';
import { foldAt, foldGeometry, type Fold, type FoldGeometry } from './geometry';
import { generateOperands } from './operands';

export interface ReferenceCycle {
  cycle: number;
  fold: number;
  /** R x C row-major, with the same meaning as TraceWindow's fields. */
  weight: Int32Array;
  input: Int32Array;
  psum: Int32Array;
  active: Uint8Array;
  /** 1 where the PE holds its stationary value (ws/is: loaded from the block; os: its sum, after a MAC). */
  held: Uint8Array;
  /** os: 1 where the PE's sum has been written to the ofmap. */
  written: Uint8Array;
  /** Outputs written to the ofmap this cycle, with the value it then holds and the array column they came from. */
  writes: ReferenceWrite[];
  sram: SramCounts;
}

interface ReferenceWrite {
  m: number;
  n: number;
  value: number;
  col: number;
}

export class ReferenceSystolicArray {
  readonly geo: FoldGeometry;
  readonly cycles: number;
  readonly output: Int32Array;
  readonly a: Int8Array;
  readonly b: Int8Array;
  readonly sram: SramCounts = { ifmapReads: 0, filterReads: 0, ofmapWrites: 0, ofmapReads: 0 };
  macs = 0;
  private cycle = 0;
  private fold: Fold | null = null;
  private readonly R: number;
  private readonly C: number;
  // Registers: stationary / vertical operand (with its tag), horizontal operand (tag), psum (tag), MACs done.
  private vert: Int32Array;
  private vertTag: Int32Array;
  private horiz: Int32Array;
  private horizTag: Int32Array;
  private psum: Int32Array;
  private psumTag: Int32Array;
  private macCount: Int32Array;
  private active: Uint8Array;
  // ws/is: 1 where the stationary register took a block element (moves down with it).
  private loaded: Uint8Array;
  private writes: ReferenceWrite[] = [];

  constructor(readonly g: GemmScenario) {
    this.R = g.rows;
    this.C = g.cols;
    this.geo = foldGeometry(g);
    this.cycles = this.geo.folds * this.geo.foldLength;
    ({ a: this.a, b: this.b } = generateOperands(g));
    this.output = new Int32Array(g.m * g.n);
    const pes = this.R * this.C;
    this.vert = new Int32Array(pes);
    this.vertTag = new Int32Array(pes);
    this.horiz = new Int32Array(pes);
    this.horizTag = new Int32Array(pes);
    this.psum = new Int32Array(pes);
    this.psumTag = new Int32Array(pes);
    this.macCount = new Int32Array(pes);
    this.active = new Uint8Array(pes);
    this.loaded = new Uint8Array(pes);
  }

  get done(): boolean {
    return this.cycle >= this.cycles;
  }

  /** Executes one cycle and returns the registers after it. */
  step(): ReferenceCycle {
    const L = this.geo.foldLength;
    const f = Math.floor(this.cycle / L);
    const tau = this.cycle - f * L;
    if (tau === 0) this.enterFold(f);
    this.writes = [];
    if (this.g.dataflow === 'os') this.stepOs(tau);
    else this.stepStationary(tau);
    const snap = this.snapshot(f);
    this.cycle++;
    return snap;
  }

  run(): void {
    while (!this.done) this.step();
  }

  private enterFold(f: number): void {
    this.fold = foldAt(this.g, this.geo, f);
    for (const reg of [this.vert, this.horiz, this.psum, this.macCount, this.active, this.loaded]) reg.fill(0);
    for (const tag of [this.vertTag, this.horizTag, this.psumTag]) tag.fill(-1);
  }

  // ---- operand access by dataflow (block-relative lanes)
  private aAt(m: number, k: number): number {
    return this.a[m * this.g.k + k];
  }
  private bAt(k: number, n: number): number {
    return this.b[k * this.g.n + n];
  }
  /** ws/is: stationary element of the block at (row i, col j). */
  private stationary(i: number, j: number): number {
    const f = this.fold!;
    const k = f.fr * this.R + i;
    const col = f.fc * this.C + j;
    return this.g.dataflow === 'ws' ? this.bAt(k, col) : this.aAt(col, k);
  }
  /** ws/is: streamed element entering row i at step t. */
  private streamed(i: number, t: number): number {
    const k = this.fold!.fr * this.R + i;
    return this.g.dataflow === 'ws' ? this.aAt(t, k) : this.bAt(k, t);
  }

  private stepStationary(tau: number): void {
    const { R, C } = this;
    const f = this.fold!;
    const T = this.geo.t;
    const ws = this.g.dataflow === 'ws';
    const idx = (i: number, j: number): number => i * C + j;
    this.active.fill(0);
    if (tau < R) {
      const src = R - 1 - tau;
      const next = new Int32Array(R * C);
      const nextLoaded = new Uint8Array(R * C);
      for (let i = 0; i < R; i++)
        for (let j = 0; j < C; j++) {
          const mapped = src < f.rowsUsed && j < f.colsUsed;
          next[idx(i, j)] = i === 0 ? (mapped ? this.stationary(src, j) : 0) : this.vert[idx(i - 1, j)];
          nextLoaded[idx(i, j)] = i === 0 ? (mapped ? 1 : 0) : this.loaded[idx(i - 1, j)];
        }
      this.vert = next;
      this.loaded = nextLoaded;
      if (src < f.rowsUsed) {
        if (ws) this.sram.filterReads += f.colsUsed;
        else this.sram.ifmapReads += f.colsUsed;
      }
      return;
    }
    const nx = new Int32Array(R * C);
    const nxTag = new Int32Array(R * C).fill(-1);
    const np = new Int32Array(R * C);
    const npTag = new Int32Array(R * C).fill(-1);
    for (let i = 0; i < R; i++) {
      const t = tau - R - i;
      const fed = i < f.rowsUsed && t >= 0 && t < T;
      if (fed) {
        if (ws) this.sram.ifmapReads++;
        else this.sram.filterReads++;
      }
      for (let j = 0; j < C; j++) {
        const p = idx(i, j);
        if (j === 0) {
          nx[p] = fed ? this.streamed(i, t) : 0;
          nxTag[p] = fed ? t : -1;
        } else {
          nx[p] = this.horiz[idx(i, j - 1)];
          nxTag[p] = this.horizTag[idx(i, j - 1)];
        }
        const above = i === 0 ? 0 : this.psum[idx(i - 1, j)];
        npTag[p] = i === 0 ? nxTag[p] : this.psumTag[idx(i - 1, j)];
        const mac = nxTag[p] >= 0 && i < f.rowsUsed && j < f.colsUsed;
        this.active[p] = mac ? 1 : 0;
        if (mac) this.macs++;
        np[p] = (above + (mac ? Math.imul(this.vert[p], nx[p]) : 0)) | 0;
      }
    }
    this.horiz = nx;
    this.horizTag = nxTag;
    this.psum = np;
    this.psumTag = npTag;
    // A tagged psum at the bottom of a mapped column is a finished (partial) output.
    for (let j = 0; j < f.colsUsed; j++) {
      const t = npTag[idx(R - 1, j)];
      if (t < 0) continue;
      const col = f.fc * C + j;
      const o = ws ? t * this.g.n + col : col * this.g.n + t;
      const v = np[idx(R - 1, j)];
      if (f.fr > 0) {
        this.output[o] = (this.output[o] + v) | 0;
        this.sram.ofmapReads++;
      } else this.output[o] = v;
      this.sram.ofmapWrites++;
      this.writes.push({ m: ws ? t : col, n: ws ? col : t, value: this.output[o], col: j });
    }
  }

  private stepOs(tau: number): void {
    const { R, C } = this;
    const f = this.fold!;
    const T = this.geo.t;
    const idx = (i: number, j: number): number => i * C + j;
    const nx = new Int32Array(R * C);
    const nxTag = new Int32Array(R * C).fill(-1);
    const nb = new Int32Array(R * C);
    const nbTag = new Int32Array(R * C).fill(-1);
    for (let i = 0; i < R; i++) {
      const t = tau - i;
      if (i < f.rowsUsed && t >= 0 && t < T) this.sram.ifmapReads++;
    }
    for (let j = 0; j < C; j++) {
      const t = tau - j;
      if (j < f.colsUsed && t >= 0 && t < T) this.sram.filterReads++;
    }
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        const p = idx(i, j);
        if (j === 0) {
          const t = tau - i;
          const fed = i < f.rowsUsed && t >= 0 && t < T;
          nx[p] = fed ? this.aAt(f.fr * R + i, t) : 0;
          nxTag[p] = fed ? t : -1;
        } else {
          nx[p] = this.horiz[idx(i, j - 1)];
          nxTag[p] = this.horizTag[idx(i, j - 1)];
        }
        if (i === 0) {
          const t = tau - j;
          const fed = j < f.colsUsed && t >= 0 && t < T;
          nb[p] = fed ? this.bAt(t, f.fc * C + j) : 0;
          nbTag[p] = fed ? t : -1;
        } else {
          nb[p] = this.vert[idx(i - 1, j)];
          nbTag[p] = this.vertTag[idx(i - 1, j)];
        }
        const mac = nxTag[p] >= 0 && nbTag[p] >= 0;
        if (mac && nxTag[p] !== nbTag[p]) throw new Error(`operands out of step at PE (${i}, ${j})`);
        this.active[p] = mac ? 1 : 0;
        if (mac) {
          this.macs++;
          this.psum[p] = (this.psum[p] + Math.imul(nx[p], nb[p])) | 0;
          this.macCount[p]++;
          if (this.macCount[p] === T) {
            const [m, n] = [f.fr * R + i, f.fc * C + j];
            this.output[m * this.g.n + n] = this.psum[p];
            this.sram.ofmapWrites++;
            this.writes.push({ m, n, value: this.psum[p], col: j });
          }
        }
      }
    }
    this.horiz = nx;
    this.horizTag = nxTag;
    this.vert = nb;
    this.vertTag = nbTag;
  }

  private snapshot(fold: number): ReferenceCycle {
    const df = this.g.dataflow;
    // weight = the filter (B) register, input = the ifmap (A) register.
    const weight = df === 'is' ? this.horiz : this.vert;
    const input = df === 'is' ? this.vert : this.horiz;
    const os = df === 'os';
    const held = os ? Uint8Array.from(this.macCount, (n) => (n > 0 ? 1 : 0)) : this.loaded.slice();
    const written = os ? Uint8Array.from(this.macCount, (n) => (n === this.geo.t ? 1 : 0)) : new Uint8Array(this.R * this.C);
    return {
      cycle: this.cycle,
      fold,
      weight: weight.slice(),
      input: input.slice(),
      psum: this.psum.slice(),
      active: this.active.slice(),
      held,
      written,
      writes: this.writes,
      sram: { ...this.sram },
    };
  }
}
