// Results: what the engine returns for a Scenario. Panels render only these.
import type { Dataflow, Scenario, Topology } from '../scenario/types';

// ---------------------------------------------------------------- GEMM / systolic array

export interface SramCounts {
  ifmapReads: number;
  filterReads: number;
  ofmapWrites: number;
  /** Partial sums read back from the ofmap buffer (folds along the reduction dim). */
  ofmapReads: number;
}

/** SCALE-Sim v2's figures for the same array, dataflow and GEMM, reproduced as it reports them. */
export interface ScaleSimFigures {
  cycles: number;
  overallUtilization: number; // 0..1
  computeUtilization: number; // 0..1
  mappingEfficiency: number; // 0..1
  ifmapReads: number;
  filterReads: number;
  ofmapWrites: number;
}

export interface GemmResult {
  engine: 'cycle' | 'closed-form';
  rows: number;
  cols: number;
  dataflow: Dataflow;
  m: number;
  k: number;
  n: number;
  /** Number of cycles from the first operand entering to the last output written. */
  cycles: number;
  folds: number;
  /** Cycles of each fold, in order (all folds; length = folds). */
  foldCycles: number[];
  /** MACs done / (R x C x cycles). */
  utilization: number;
  /** Mean over folds of the fraction of PEs mapped. */
  mappingEfficiency: number;
  macs: number;
  sram: SramCounts;
  scalesim: ScaleSimFigures;
  /** Present when the engine stepped: the output equals a plain int32 matmul. */
  outputMatchesReference?: boolean;
}

/**
 * A window of cycles of per-PE state, pulled on demand by the animation.
 * Arrays are laid out [cycleOffset][row][col], length count * rows * cols.
 */
export interface TraceWindow {
  start: number;
  count: number;
  rows: number;
  cols: number;
  /** Stationary or moving weight (filter) value held in each PE's register. */
  weight: Int32Array;
  /** Input (ifmap) value in each PE's register. */
  input: Int32Array;
  /** Partial sum in each PE's accumulator / passing through it. */
  psum: Int32Array;
  /** 1 when the PE did a MAC that cycle. */
  active: Uint8Array;
  /**
   * 1 when the PE holds its stationary value (ws: a weight, is: an input, os: its sum,
   * from its first MAC), whatever the value, 0 included.
   */
  held: Uint8Array;
  /** os only: 1 once the PE's sum has been written to the ofmap (it stays in the PE until the fold ends). */
  written: Uint8Array;
  /**
   * The ofmap writes of each cycle, [cycleOffset][col], one slot per array column (at most
   * one output leaves each column per cycle): the output element O[ofmapRow][ofmapCol]
   * (ofmapRow -1: none this cycle) and the value the ofmap holds after the write.
   */
  ofmapRow: Int32Array;
  ofmapCol: Int32Array;
  ofmapValue: Int32Array;
  /** Cumulative SRAM counts at the end of each cycle in the window: [ifmapR, filterR, ofmapW, ofmapR] * count. */
  sramCumulative: Float64Array;
  /** Fold index at each cycle of the window (up to 65,536^2 folds: more than an int32 holds). */
  fold: Float64Array;
}

/** Operands and output of a small stepped run, for display (int8 in, int32 out). */
export interface GemmMatrices {
  a: Int8Array; // M x K row-major
  b: Int8Array; // K x N row-major
  out: Int32Array; // M x N row-major
}

// ---------------------------------------------------------------- LLM serving

export interface ChipOccupancy {
  /** Bytes of weights, KV cache at the end of the prompt, KV cache at the end of the answer, activations. */
  weightsBytes: number;
  kvPromptBytes: number;
  kvFinalBytes: number;
  activationBytes: number;
  capacityBytes: number;
  /** What this chip holds, e.g. "layers 12-13, shard 3/8". */
  label: string;
}

export interface NetworkLink {
  id: number;
  a: number; // endpoint index: a chip (0..chips-1) or a switch (chips..)
  b: number;
  bandwidthGBps: number; // per direction
  latencyUs: number;
  kind: 'local' | 'global' | 'nvlink' | 'network';
  /** Busy fraction over the simulated step, 0..1. */
  utilization: number;
}

export interface TimelineEvent {
  kind: 'compute' | 'transfer';
  /** Chip index for compute, link id for transfer. */
  lane: number;
  startUs: number;
  endUs: number;
  label: string;
  bytes?: number;
  onCriticalPath: boolean;
}

export interface NetworkResult {
  topology: Topology | 'nvswitch';
  endpoints: number; // chips + switches
  chips: number;
  links: NetworkLink[];
  /** Events of one decode step; may be truncated for very large systems (see `eventsTruncated`). */
  events: TimelineEvent[];
  eventsTruncated: boolean;
  stepUs: number;
  computeUs: number; // on the critical path
  communicationUs: number; // on the critical path
  /**
   * Set when the worker left `links` and `events` out (empty here) of a result sent while the
   * interconnect panel was not on screen: ~1.5 MB to copy between threads that no other panel
   * reads. That panel asks the worker for them (EngineApi.llmNetworks).
   */
  detailOmitted?: true;
}

export interface MachineResult {
  machine: string; // 'lpu' | GpuId
  name: string;
  /** The software the figures assume (GPU: the serving stack; SRAM machine: its compiled static schedule). */
  software?: string;
  /** How users share the machine. */
  batching?: 'static' | 'continuous';
  fits: boolean;
  /** Why it does not fit, naming what to change and the chips it needs. */
  message?: string;
  chips: number;
  chipsNeeded: number;
  tensorParallel: number;
  pipelineStages: number;
  /** Time to first token: p50 over requests under continuous batching. */
  ttftMs: number;
  p99TtftMs: number;
  /** Time per output token: p50 (static GPU: run-to-run jitter; continuous: over requests); exact for the statically scheduled machine. */
  tpotMs: number;
  p99TpotMs: number;
  tokensPerSecondPerUser: number;
  /** Decode-only steady state: users x tokens/s per user while every user decodes. */
  systemTokensPerSecond: number;
  /**
   * As benchmarks count throughput: output tokens of all requests / wall time including their
   * prefill (static batch: batch x output / answer time; continuous: over the simulated schedule).
   */
  outputTokensPerSecond: number;
  /** Prompt + all output tokens for one user: TTFT + (output - 1) x time per output token. */
  answerMs: number;
  costPerMillionTokensUsd: number;
  joulesPerToken: number;
  powerW: number;
  costPerHourUsd: number;
  occupancy: ChipOccupancy[];
  network: NetworkResult | null;
  /** Where the time of one decode step goes (ms): one micro-batch's pass through the pipeline. */
  /**
   * compute/memory: the bound of each task (the longer of its math and its memory stream);
   * hiddenComputeMs: math that ran under a longer memory stream (not part of the step's time).
   */
  breakdown: { computeMs: number; memoryMs: number; networkMs: number; overheadMs: number; hiddenComputeMs?: number };
  /** Micro-batches of users in flight through the pipeline stages at once (1: no pipelining of users). */
  microBatches?: number;
  /** Users per micro-batch. */
  microBatchSize?: number;
  /** Pipeline stages the event simulation ran (fewer than pipelineStages: the rest scaled in closed form). */
  simulatedStages?: number;
  /** Layers the event simulation ran (fewer than the model's: the pass was scaled in closed form). */
  simulatedLayers?: number;
  /**
   * Speculative decoding, when on (speculative.ts): the time per token above includes it; the
   * timeline and breakdown stay one plain decode step. Draft chips (SRAM machine) are in the
   * power and cost; a GPU's drafter shares its GPUs.
   */
  speculation?: {
    mode: 'draft' | 'mtp';
    drafter: string;
    k: number;
    accept: number;
    tokensPerStep: number;
    /** The k draft tokens of one step, and the target's check of k + 1 positions (ms). */
    draftMs: number;
    verifyMs: number;
    /** Time per output token without speculation, same machine and batch. */
    plainTpotMs: number;
    draftChips: number;
  };
}

export interface SweepPoint {
  machine: string;
  batch: number;
  fits: boolean;
  /** Chips (GPUs) of the machine at this batch (0 when it does not fit). */
  chips: number;
  tokensPerSecondPerUser: number;
  tokensPerSecondPerChip: number;
  tokensPerSecondPerDollarHour: number;
  tokensPerSecondPerWatt: number;
}

export interface RooflinePoint {
  machine: string;
  phase: 'prefill' | 'decode';
  /** FLOP per byte moved from weight memory (HBM or SRAM). */
  intensity: number;
  achievedTflops: number;
  peakTflops: number;
  bandwidthTBps: number;
  /** Why the point sits below its roof: the model's own breakdown of that step. */
  why: {
    /** Time the roof allows for the step's work (FLOPs at peak or bytes at the quoted bandwidth), and the time it takes. */
    roofMs: number;
    timeMs: number;
    /** Shares of the step's time: compute-bound, memory-bound, network on the critical path, fixed times. */
    computeShare: number;
    memoryShare: number;
    networkShare: number;
    fixedShare: number;
    /** Math hidden under memory streams, as a share of the step's time. */
    hiddenComputeShare: number;
    /** Share of the quoted memory bandwidth a stream sustains (fitted: sramEfficiency, hbmEfficiency). */
    streamEfficiency: number;
    /** Pipeline stages busy at once (micro-batches in flight) out of the stages. */
    busyStages: number;
    stages: number;
  };
}

export interface CalibrationRow {
  id: string;
  /** Regime of the case (calibration.ts REGIMES). */
  regime: string;
  /** Model, machine, stack, precision, batch and lengths, in words. */
  setting: string;
  source: string;
  metric: 'tokensPerSecondPerUser' | 'tpotMs' | 'ttftMs' | 'outputTokensPerSecondPerChip';
  published: number;
  modelled: number;
  /** (modelled - published) / published */
  error: number;
  tolerance: number;
  /** fitted: a preset figure was set from this case; checked: the model never saw it. */
  status: 'fitted' | 'checked';
  /** A case the model does not reproduce: what it leaves out that the case needs. */
  outsideModel?: string;
}

/** What a machine that does not fit would have to hold, against the memory of the chips it has. */
export interface MemoryNeed {
  weightsBytes: number;
  kvPromptBytes: number;
  kvFinalBytes: number;
  /** Memory of the chips given: chips x per-chip capacity (decimal units). */
  capacityBytes: number;
}

export interface LlmResult {
  lpu: MachineResult;
  gpu: MachineResult;
  sweep: SweepPoint[];
  roofline: RooflinePoint[];
  /** Per machine that does not fit: what it would have to hold (null when it fits). */
  memoryNeed: { lpu: MemoryNeed | null; gpu: MemoryNeed | null };
  /** The inputs this result was computed for: panels label it with these, not the controls' newer values. */
  inputs: Pick<Scenario, 'llm' | 'lpu' | 'gpu'>;
  /** The model those inputs name (a preset's or the custom spec's name). */
  modelName: string;
  /** What one token adds to its KV cache, in words, and whether the cache grows linearly (workload.ts kvFormula). */
  kvFormula: { text: string; linear: boolean };
  /** Prefill on one machine, decode on the other (llm.disagg); null when off. */
  disagg: DisaggResult | null;
}

/** The pair of machines of disaggregated serving (engine/llm/disaggregated.ts). */
export type DisaggResult = {
  mode: Exclude<Scenario['llm']['disagg'], 'off'>;
  prefill: 'lpu' | 'gpu';
  decode: 'lpu' | 'gpu';
  prefillName: string;
  decodeName: string;
} & (
  | { fits: false; message: string }
  | {
      fits: true;
      /** The prompts' KV cache, all users, all layers. */
      kvBytes: number;
      linkGBps: number;
      /** How the link's bandwidth was found, in words. */
      linkText: string;
      /** The prefill machine's time to first token. */
      prefillMs: number;
      transferMs: number;
      /** prefillMs + transferMs. */
      ttftMs: number;
      /** The decode machine's. */
      tpotMs: number;
      tokensPerSecondPerUser: number;
      answerMs: number;
      /** The slowest of prefill, transfer and decode: a batch leaves the pair this often. */
      stageMs: number;
      outputTokensPerSecond: number;
      costPerHourUsd: number;
      costPerMillionTokensUsd: number;
      powerW: number;
      joulesPerToken: number;
    }
);
