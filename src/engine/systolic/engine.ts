// The systolic-array engine over the wasm module: runs (stepped, chunked, cancellable,
// or closed form for shapes too big to step) and trace windows for the animation.
// Nothing returned here is a view on wasm memory: everything is copied out.
import type { GemmScenario } from '../../scenario/types';
import type { GemmMatrices, GemmResult, TraceWindow } from '../types';
import { closedFormGemm, foldCyclesList, sramCumulativeAt } from './closedForm';
import { foldAt, foldGeometry, type Fold } from './geometry';
import { scaleSimFigures } from './scalesim';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export type EngineChoice = 'auto' | 'cycle' | 'closed-form';

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
  yieldToEventLoop?: () => Promise<void>;
  /** Step only when rows x cols x cycles is at most this; else closed form (with engine 'auto'). */
  maxSteppedPeCycles?: number;
  engine?: EngineChoice;
}

export interface RunOutcome {
  result: GemmResult;
  matrices: GemmMatrices | null;
}

export interface SystolicEngine {
  run(g: GemmScenario, opts?: RunOptions): Promise<RunOutcome>;
  trace(g: GemmScenario, start: number, count: number): TraceWindow;
  /** Bytes of wasm memory the engine holds now (it grows for large runs, never shrinks). */
  memoryBytes(): number;
}

/** ~1 s of stepping at 1e9 PE-cycles/s on an idle machine: the interactive default. */
export const DEFAULT_MAX_STEPPED_PE_CYCLES = 4e9;
/** Operands + output held in wasm memory for a stepped run. */
export const MAX_STEPPED_BYTES = 256 * 2 ** 20;
/** Operands and output returned for display only up to this many elements each. */
export const MAX_MATRIX_ELEMENTS = 4096;
/** PE-cycles per wasm call between progress reports (~20 ms). */
const CHUNK_PE_CYCLES = 2e7;
/** Largest trace window, cycles. */
export const MAX_TRACE_CYCLES = 1024;

interface SystolicExports {
  memory: WebAssembly.Memory;
  setup(rows: number, cols: number, dataflow: number, m: number, k: number, n: number, seed: number, materialise: number): number;
  generateOperands(): void;
  advance(maxCycles: number): number;
  seedState(fold: number, at: number): void;
  snapshot(): number;
  ptrLog(): number;
  outputMatchesMatmul(): number;
  ptrA(): number;
  ptrB(): number;
  ptrO(): number;
  foldLength(): number;
  countIfmapReads(): number;
  countFilterReads(): number;
  countOfmapWrites(): number;
  countOfmapReads(): number;
  countMacs(): number;
  countMappedPes(): number;
  countCycles(): number;
  countFolds(): number;
}

const DATAFLOW_CODE = { ws: 0, os: 1, is: 2 } as const;

function steppedBytes(g: GemmScenario): number {
  return g.m * g.k + g.k * g.n + 4 * g.m * g.n;
}

/** Whether a run of g would be stepped (rather than computed in closed form). */
export function wouldStep(g: GemmScenario, maxSteppedPeCycles = DEFAULT_MAX_STEPPED_PE_CYCLES): boolean {
  const geo = foldGeometry(g);
  return g.rows * g.cols * geo.folds * geo.foldLength <= maxSteppedPeCycles && steppedBytes(g) <= MAX_STEPPED_BYTES;
}

export function createSystolicEngine(module: WebAssembly.Module): SystolicEngine {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new Error('systolic wasm aborted');
      },
    },
  });
  const ex = instance.exports as unknown as SystolicExports;
  // What the wasm memory holds now: a run's operands, or a trace configuration and the last
  // cycle its registers hold (null right after setup: nothing traced yet, so the next window
  // must seed its state, even one starting at cycle 0).
  let loadedKey = '';
  let traceCycle: number | null = null;

  const keyOf = (g: GemmScenario, mode: 'run' | 'trace'): string =>
    `${mode}:${g.rows}x${g.cols}:${g.dataflow}:${g.m}x${g.k}x${g.n}:${g.seed >>> 0}`;

  function setup(g: GemmScenario, mode: 'run' | 'trace'): void {
    const ok = ex.setup(g.rows, g.cols, DATAFLOW_CODE[g.dataflow], g.m, g.k, g.n, g.seed >>> 0, mode === 'run' ? 1 : 0);
    if (!ok) {
      loadedKey = '';
      throw new Error(`not enough memory for a ${g.rows}x${g.cols} array with M=${g.m}, K=${g.k}, N=${g.n}`);
    }
    loadedKey = keyOf(g, mode);
    traceCycle = null;
  }

  async function run(g: GemmScenario, opts: RunOptions = {}): Promise<RunOutcome> {
    const choice = opts.engine ?? 'auto';
    const step = choice === 'cycle' || (choice === 'auto' && wouldStep(g, opts.maxSteppedPeCycles));
    if (!step) {
      opts.onProgress?.(1);
      return { result: closedFormGemm(g), matrices: null };
    }
    if (steppedBytes(g) > MAX_STEPPED_BYTES)
      throw new Error(
        `M=${g.m}, K=${g.k}, N=${g.n} is too large to step (operands and output exceed ${MAX_STEPPED_BYTES / 2 ** 20} MiB): use the closed form`,
      );
    const geo = foldGeometry(g);
    const total = geo.folds * geo.foldLength;
    const cancelled = (): void => {
      if (opts.isCancelled?.()) {
        loadedKey = '';
        throw new CancelledError();
      }
    };
    cancelled();
    setup(g, 'run');
    ex.generateOperands();
    const chunk = Math.max(1, Math.min(2 ** 30, Math.floor(CHUNK_PE_CYCLES / (g.rows * g.cols))));
    let done = 0;
    while (done < total) {
      done += ex.advance(Math.min(chunk, total - done));
      opts.onProgress?.(done / total);
      if (done < total) {
        cancelled();
        const runKey = loadedKey;
        await opts.yieldToEventLoop?.();
        // The instance is shared: a newer run or a trace may have used it during the yield.
        cancelled();
        if (loadedKey !== runKey) {
          setup(g, 'run');
          ex.generateOperands();
          done = 0;
        }
      }
    }
    const cycles = ex.countCycles();
    const folds = ex.countFolds();
    const pes = g.rows * g.cols;
    const macs = ex.countMacs();
    const result: GemmResult = {
      engine: 'cycle',
      rows: g.rows,
      cols: g.cols,
      dataflow: g.dataflow,
      m: g.m,
      k: g.k,
      n: g.n,
      cycles,
      folds,
      foldCycles: foldCyclesList({ ...geo, foldLength: ex.foldLength(), folds }),
      utilization: macs / (pes * cycles),
      mappingEfficiency: ex.countMappedPes() / (pes * folds),
      macs,
      sram: {
        ifmapReads: ex.countIfmapReads(),
        filterReads: ex.countFilterReads(),
        ofmapWrites: ex.countOfmapWrites(),
        ofmapReads: ex.countOfmapReads(),
      },
      scalesim: scaleSimFigures(g),
      outputMatchesReference: ex.outputMatchesMatmul() === 1,
    };
    let matrices: GemmMatrices | null = null;
    if (g.m * g.n <= MAX_MATRIX_ELEMENTS && g.m * g.k <= MAX_MATRIX_ELEMENTS && g.k * g.n <= MAX_MATRIX_ELEMENTS) {
      // Fresh views (memory may have grown in setup), copied out with slice().
      const buf = ex.memory.buffer;
      matrices = {
        a: new Int8Array(buf, ex.ptrA(), g.m * g.k).slice(),
        b: new Int8Array(buf, ex.ptrB(), g.k * g.n).slice(),
        out: new Int32Array(buf, ex.ptrO(), g.m * g.n).slice(),
      };
    }
    return { result, matrices };
  }

  function trace(g: GemmScenario, start: number, count: number): TraceWindow {
    const geo = foldGeometry(g);
    const L = geo.foldLength;
    const total = geo.folds * L;
    if (!Number.isInteger(start) || start < 0 || start >= total)
      throw new RangeError(`trace start must be an integer cycle 0..${total - 1}, got ${start}`);
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`trace count must be a positive integer, got ${count}`);
    const n = Math.min(count, total - start, MAX_TRACE_CYCLES);
    const { rows: R, cols: C } = g;
    if (loadedKey !== keyOf(g, 'trace')) setup(g, 'trace');
    const fold = Math.floor(start / L);
    // Continue from the registers left by the previous window when it ended just before
    // this one (playback); otherwise compute the state at start - 1 from the schedule.
    if (traceCycle !== start - 1) ex.seedState(fold, start - fold * L - 1);
    const pes = R * C;
    const w: TraceWindow = {
      start,
      count: n,
      rows: R,
      cols: C,
      weight: new Int32Array(n * pes),
      input: new Int32Array(n * pes),
      psum: new Int32Array(n * pes),
      active: new Uint8Array(n * pes),
      held: new Uint8Array(n * pes),
      written: new Uint8Array(n * pes),
      ofmapRow: new Int32Array(n * C),
      ofmapCol: new Int32Array(n * C),
      ofmapValue: new Int32Array(n * C),
      sramCumulative: new Float64Array(n * 4),
      fold: new Float64Array(n),
    };
    for (let c = 0; c < n; c++) {
      const cycle = start + c;
      ex.advance(1);
      const ptr = ex.snapshot();
      const regs = new Int32Array(ex.memory.buffer, ptr, 3 * pes);
      w.weight.set(regs.subarray(0, pes), c * pes);
      w.input.set(regs.subarray(pes, 2 * pes), c * pes);
      w.psum.set(regs.subarray(2 * pes), c * pes);
      const log = new Int32Array(ex.memory.buffer, ex.ptrLog(), 3 * C);
      w.ofmapRow.set(log.subarray(0, C), c * C);
      w.ofmapCol.set(log.subarray(C, 2 * C), c * C);
      w.ofmapValue.set(log.subarray(2 * C), c * C);
      const f = Math.floor(cycle / L);
      const tau = cycle - f * L;
      const fd = foldAt(g, geo, f);
      // Active PEs of row i: those whose stream step t = tau - lag - i - j is in 0..T-1.
      const lag = g.dataflow === 'os' ? 0 : R;
      for (let i = 0; i < fd.rowsUsed; i++) {
        const jLo = Math.max(0, tau - lag - i - geo.t + 1);
        const jHi = Math.min(fd.colsUsed - 1, tau - lag - i);
        if (jLo <= jHi) w.active.fill(1, c * pes + i * C + jLo, c * pes + i * C + jHi + 1);
      }
      markHeld(w, c, g, fd, tau, geo.t);
      const s = sramCumulativeAt(g, geo, cycle);
      w.sramCumulative.set([s.ifmapReads, s.filterReads, s.ofmapWrites, s.ofmapReads], c * 4);
      w.fold[c] = f;
    }
    traceCycle = start + n - 1;
    return w;
  }

  return { run, trace, memoryBytes: () => ex.memory.buffer.byteLength };
}

/**
 * Fills `held` and `written` for one cycle of a window from the schedule
 * (docs/cycle-model.md): which PEs hold a stationary value and, for os, whose sum is written.
 */
function markHeld(w: TraceWindow, c: number, g: GemmScenario, fd: Fold, tau: number, T: number): void {
  const { rows: R, cols: C } = g;
  const base = c * R * C;
  for (let i = 0; i < fd.rowsUsed; i++) {
    const row = base + i * C;
    if (g.dataflow === 'os') {
      // A PE's sum exists from its first MAC (tau = i + j) and is written after its last (tau = T - 1 + i + j).
      w.held.fill(1, row, row + Math.max(0, Math.min(fd.colsUsed, tau - i + 1)));
      w.written.fill(1, row, row + Math.max(0, Math.min(fd.colsUsed, tau - T + 2 - i)));
      continue;
    }
    // The block shifts down one row per cycle, last row first: after cycle tau < R row i
    // holds block row R - 1 - (tau - i); from tau = R - 1 on, block row i.
    const loaded = Math.min(tau, R - 1) - i;
    if (loaded >= 0 && R - 1 - loaded < fd.rowsUsed) w.held.fill(1, row, row + fd.colsUsed);
  }
}
