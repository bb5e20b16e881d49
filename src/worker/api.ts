// The worker's API as the main thread sees it (through comlink).
import type { GemmScenario, Scenario } from '../scenario/types';
import type { CalibrationRow, GemmMatrices, GemmResult, LlmResult, TraceWindow } from '../engine/types';
import type { LlmNetworks } from './networkDetail';

export interface GemmRun {
  result: GemmResult;
  matrices: GemmMatrices | null;
}

export type RunOutcome<T> = { ok: true; value: T } | { ok: false; cancelled: boolean; message: string };

export interface EngineApi {
  /** Runs one GEMM; a newer runGemm call cancels this one. Progress 0..1. */
  runGemm(g: GemmScenario, onProgress: (fraction: number) => void): Promise<RunOutcome<GemmRun>>;
  /** Cancels the GEMM run in flight, if any. */
  cancelGemm(): void;
  trace(g: GemmScenario, start: number, count: number): Promise<TraceWindow>;
  /**
   * Both machines, the sweep and the roofline. A run given a lane stops at its next phase
   * boundary after cancelLlm(lane); one without a lane always runs out. networkDetail false:
   * the networks come without their links and events (networkDetail.ts); default true.
   */
  runLlm(s: Scenario, lane?: string, networkDetail?: boolean): Promise<RunOutcome<LlmResult>>;
  /** Each machine's network with its links and events for these LLM inputs: the last run's when they match, else simulated. */
  llmNetworks(s: Scenario): Promise<LlmNetworks>;
  /** Stops the runs in flight on this lane at their next phase boundary. */
  cancelLlm(lane: string): void;
  calibration(): Promise<CalibrationRow[]>;
  /** The wasm memory this worker's engines hold (its JS heap is read over the DevTools protocol). */
  memory(): Promise<{ wasmBytes: number }>;
}
