// Trace windows pulled on demand for the animation: a few fixed-size, aligned windows
// around the cycle in view, never the whole history. The window length shrinks with the
// array so one window stays a few MB (13 bytes per PE per cycle).
import type { GemmScenario } from '../../scenario/types';
import type { TraceWindow } from '../../engine/types';

export type TraceFetcher = (g: GemmScenario, start: number, count: number) => Promise<TraceWindow>;

// Registers (3 x int32) plus active, held and written flags; the per-column ofmap record is small beside them.
const BYTES_PER_PE_CYCLE = 4 * 3 + 3;
const WINDOW_BUDGET_BYTES = 8e6;

/** Cycles per window: a power of two in [8, 64] keeping one window under ~8 MB. */
export function windowLength(rows: number, cols: number): number {
  const fit = WINDOW_BUDGET_BYTES / (rows * cols * BYTES_PER_PE_CYCLE);
  let len = 64;
  while (len > 8 && len > fit) len /= 2;
  return len;
}

export interface TraceSlot {
  window: TraceWindow;
  /** Index of the cycle inside the window. */
  offset: number;
}

export class TraceCache {
  readonly length: number;
  private readonly windows = new Map<number, TraceWindow>();
  private readonly pending = new Set<number>();
  /** Windows whose fetch failed, with the message: not retried (the drawing loop asks every frame). */
  private readonly failures = new Map<number, string>();
  private disposed = false;
  /** Bumped when a window arrives or fails, so the drawing loop knows to redraw. */
  version = 0;

  constructor(
    private readonly fetcher: TraceFetcher,
    readonly gemm: GemmScenario,
    /** Cycles in the run; valid cycle indices are 0..totalCycles-1. */
    readonly totalCycles: number,
    private readonly capacity = 4,
  ) {
    this.length = windowLength(gemm.rows, gemm.cols);
  }

  private startOf(cycle: number): number {
    return Math.floor(cycle / this.length) * this.length;
  }

  /** The loaded window holding `cycle`, or null (then call `request`). */
  lookup(cycle: number): TraceSlot | null {
    if (cycle < 0 || cycle >= this.totalCycles) return null;
    const start = this.startOf(cycle);
    const w = this.windows.get(start);
    if (!w) return null;
    const offset = cycle - w.start;
    return offset >= 0 && offset < w.count ? { window: w, offset } : null;
  }

  /** Why the window holding `cycle` could not be traced, or null. */
  errorAt(cycle: number): string | null {
    if (cycle < 0 || cycle >= this.totalCycles) return null;
    return this.failures.get(this.startOf(cycle)) ?? null;
  }

  has(cycle: number): boolean {
    return this.lookup(cycle) !== null;
  }

  /** Starts loading the window holding `cycle` unless it is loaded or on its way. */
  request(cycle: number): void {
    if (this.disposed || cycle < 0 || cycle >= this.totalCycles) return;
    const start = this.startOf(cycle);
    if (this.windows.has(start) || this.pending.has(start) || this.failures.has(start)) return;
    this.pending.add(start);
    const count = Math.min(this.length, this.totalCycles - start);
    this.fetcher(this.gemm, start, count).then(
      (w) => {
        this.pending.delete(start);
        if (this.disposed) return;
        this.windows.set(start, w);
        this.evictFarFrom(start);
        this.version++;
      },
      (e: unknown) => {
        this.pending.delete(start);
        if (this.disposed) return;
        this.failures.set(start, e instanceof Error ? e.message : String(e));
        this.version++;
      },
    );
  }

  /** Loads every window touching cycles first..last. */
  requestRange(first: number, last: number): void {
    const lo = Math.max(0, first);
    const hi = Math.min(this.totalCycles - 1, last);
    for (let c = this.startOf(lo); c <= hi; c += this.length) this.request(c);
  }

  /** Windows needed to cover `span` consecutive cycles plus one either side. */
  static capacityFor(span: number, length: number): number {
    return Math.max(4, Math.ceil(span / length) + 2);
  }

  /** Loads the window for `cycle` and the one after it (the one before when going back). */
  ensure(cycle: number, direction: 1 | -1 = 1): void {
    this.request(cycle);
    this.request(cycle + direction * this.length);
  }

  private evictFarFrom(start: number): void {
    if (this.windows.size <= this.capacity) return;
    const byDistance = [...this.windows.keys()].sort((a, b) => Math.abs(b - start) - Math.abs(a - start));
    for (const key of byDistance.slice(0, this.windows.size - this.capacity)) this.windows.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    this.windows.clear();
  }
}
