// Hardware presets: the SRAM-only chip and the HBM GPUs. Every figure has a source string;
// fitted factors (efficiencies, overheads, jitter) are named in `sources` as fitted and
// explained in docs/calibration.md. Scenario overrides patch these per field.
import type { ChipSpec, GpuId, GpuSpec, GpuSystem, SramSystem, StackFigures } from '../../scenario/types';
import { DEFAULT_STACK, STACKS } from './stacks';

const GROQ_FIGURES =
  "Collected in the project's published-figures table (ISCA 2020/2022 abstracts, Argonne ALCF docs, Linley Group, Hot Chips 34 summaries); each figure cites its own source above";

export const LPU_CHIP: ChipSpec = {
  id: 'lpu',
  name: 'GroqChip 1 (TSP, 14 nm)',
  sramMB: 230,
  clockMHz: 900,
  tflopsFp16: 188,
  topsInt8: 750,
  sramBandwidthTBps: 55,
  linksPerChip: 16,
  linkBandwidthGBps: 14,
  hopLatencyUs: 0.6,
  chipsPerNode: 8,
  powerW: 300,
  priceUsdPerChipHour: 1.2,
  computeEfficiency: 0.6,
  sramEfficiency: 0.66,
  layerOverheadUs: 35.4,
  sources: {
    sramMB:
      'ISCA 2022 "A Software-defined Tensor Streaming Multiprocessor" abstract: 220 MiB (= 230 MB decimal, the marketing figure); Argonne ALCF Groq docs',
    clockMHz: 'ISCA 2020 "Think Fast: A Tensor Streaming Processor..." abstract: 900 MHz nominal',
    tflopsFp16: 'Argonne ALCF user guide ai-testbed/groq/system-overview.md, quoting Groq product brief: 188 TFLOPS fp16',
    topsInt8: 'Argonne ALCF user guide (Groq product brief): 750 TOPS int8',
    sramBandwidthTBps:
      'Sources disagree: Groq marketing "up to 80 TB/s" (groq.com LPU page) vs 55 TB/s (Hot Chips 34 slide, 2022, via secondary write-ups). We use 55 TB/s, the lower, so the SRAM side is not flattered.',
    linksPerChip: 'Linley Group newsletter #6233; The Next Platform 2020-09-29: 16 chip-to-chip links',
    linkBandwidthGBps: 'Linley #6233: 4 lanes x 30 Gb/s per link = ~14 GB/s per direction after encoding',
    hopLatencyUs:
      'Not published; derived: ISCA 2022 gives "< 3 us end-to-end" across 10,440 chips (dragonfly, <= ~5 hops), so 0.5-1 us per hop; 0.6 us chosen (fitted within that range against the ~300 tok/s Groq figure)',
    chipsPerNode: 'Hot Chips 34 summaries; Argonne docs: GroqNode = 8 cards, fully connected (7 links to peers), 4 global ports per card',
    powerW:
      'Unresolved: 215 W (Groq spec image read by the 01.me blog) vs 300 W (TechSpot 2020). We use 300 W, the higher, so energy per token is not flattered.',
    priceUsdPerChipHour:
      'Derived, not a list price: GroqCard reported at ~US$20,000 (2024 distributor listing, press reports; unverified) amortised over 3 years of continuous use = $0.76/h, x1.5 for host servers, switches and racks = $1.14/h, + 300 W x PUE 1.3 x $0.10/kWh = $0.04/h -> ~$1.2/h. Note: GPU prices below are cloud rental prices (include a provider margin); this is an owner cost.',
    computeEfficiency: 'Fitted/assumed: fraction of peak a compiled static schedule sustains on GEMM/GEMV slices (docs/calibration.md)',
    // With the datasheet 55 TB/s streamed at full rate the model gives ~730 tokens/s on the
    // ~576-chip Llama-2-70B row against the ~300 reported; the gap scales with each chip's
    // share of the weights (weight install into the matrix units), so it is a bandwidth factor.
    sramEfficiency:
      'Fitted on groq-70b-llmperf-decode, groq-l2-7b-750 (docs/calibration.md): fraction of the quoted 55 TB/s SRAM bandwidth a batch-1 decode sustains streaming weights and KV (installing each weight into the matrix units once per token)',
    layerOverheadUs:
      'Fitted on groq-70b-llmperf-decode, groq-l2-7b-750 (docs/calibration.md): time per layer that does not scale with its width (vector-unit work: norms, rotary, softmax, residuals; synchronising the chips of a layer; schedule slack). Published Groq speeds for 7B and 70B give nearly the same time per layer although a 70B layer is 4x wider, which a bandwidth factor alone cannot reproduce',
    _reference: GROQ_FIGURES,
  },
};

/** Shared fitted factors (docs/calibration.md explains each and how it was chosen). */
const FITTED = {
  hbmEfficiency: 0.9,
  computeEfficiency: 0.744,
  computeEfficiencyFp8: 0.533,
  nvlinkLatencyUs: 0.1,
  jitterCv: 0.03,
};
const FITTED_SOURCES = {
  gpusPerNode: 'HGX / DGX baseboards: 8 GPUs per node on NVSwitch',
  hbmEfficiency:
    'Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): fraction of peak HBM bandwidth sustained streaming 16-bit weights (H100 rows; H200 and B200 take the H100 figure, no row of their own was used)',
  computeEfficiency:
    'Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): share of the dense 16-bit peak large prefill GEMMs sustain (the A100 rows set it; used for every GPU)',
  computeEfficiencyFp8:
    'Fitted on trt-7b-a100-ttft-2048, trt-70b-a100-ttft-2048, trt-7b-h100-ttft-2048, trt-70b-h100-ttft-2048, trt-70b-h100-ttft-128, ft-13b-a100-40-tp1, ft-13b-a100-40-tp2, nim-70b-tpot-c1 (scripts/fit-calibration.ts): share of the dense fp8 peak large fp8 GEMMs sustain on Hopper (lower than 16-bit: the fp8 peak is twice the rate, the rest of the kernel is not); B200: assumed the same',
  jitterCv: 'Assumed (docs/calibration.md): run-to-run coefficient of variation of the time per token',
  interNodeLatencyUs: 'Assumed: InfiniBand NIC-to-NIC latency incl. software, a few us',
  nvlinkLatencyUs:
    "Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): latency per NVLink/NVSwitch hop of one collective step (the fixed launch part of an all-reduce is the stack's allReduceOverheadUs); the fit sits at its lower bound, 0.1 us: in the gpt-fast rows the all-reduce time barely grows with the ring length",
};

/** A GPU's own figures; the serving stack's (stacks.ts) complete a GpuSpec. */
type GpuHardware = Omit<GpuSpec, keyof StackFigures>;

export const GPUS: Record<GpuId, GpuHardware> = {
  'a100-40gb': {
    id: 'a100-40gb',
    name: 'NVIDIA A100 40GB SXM',
    hbmGB: 40,
    hbmBandwidthTBps: 1.555,
    tflopsBf16: 312,
    tflopsFp8: 0,
    topsInt8: 624,
    tflopsFp4: 0,
    nvlinkGBps: 600,
    gpusPerNode: 8,
    interNodeGBps: 25,
    interNodeLatencyUs: 5,
    powerW: 400,
    priceUsdPerHour: 1.77,
    ...FITTED,
    hbmEfficiency: 0.799,
    sources: {
      hbmGB: 'NVIDIA A100 datasheet',
      hbmBandwidthTBps: 'NVIDIA A100 datasheet: 1,555 GB/s',
      tflopsBf16: 'NVIDIA A100 datasheet (dense)',
      topsInt8: 'NVIDIA A100 datasheet (dense)',
      tflopsFp8: 'A100 has no fp8 units (0: falls back to bf16)',
      tflopsFp4: 'A100 has no fp4 units',
      nvlinkGBps: 'NVIDIA A100 datasheet: 600 GB/s NVLink (bidirectional)',
      interNodeGBps: 'HGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU = 25 GB/s',
      powerW: 'NVIDIA A100 datasheet: 400 W TDP',
      priceUsdPerHour:
        'Estimate: 80% of the A100-80GB price ($2.21/h, CoreWeave 2024-02 via microsoft/vidur constants.py); no like-for-like quote found',
      ...FITTED_SOURCES,
      hbmEfficiency:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): fraction of peak HBM bandwidth sustained streaming 16-bit weights (A100, gpt-fast rows)',
    },
  },
  'a100-80gb': {
    id: 'a100-80gb',
    name: 'NVIDIA A100 80GB SXM',
    hbmGB: 80,
    hbmBandwidthTBps: 2.039,
    tflopsBf16: 312,
    tflopsFp8: 0,
    topsInt8: 624,
    tflopsFp4: 0,
    nvlinkGBps: 600,
    gpusPerNode: 8,
    interNodeGBps: 25,
    interNodeLatencyUs: 5,
    powerW: 400,
    priceUsdPerHour: 2.21,
    ...FITTED,
    hbmEfficiency: 0.799,
    sources: {
      hbmGB: 'NVIDIA A100 datasheet',
      hbmBandwidthTBps: 'NVIDIA A100 datasheet: 2,039 GB/s',
      tflopsBf16: 'NVIDIA A100 datasheet (dense)',
      topsInt8: 'NVIDIA A100 datasheet (dense)',
      tflopsFp8: 'A100 has no fp8 units (0: falls back to bf16)',
      tflopsFp4: 'A100 has no fp4 units',
      nvlinkGBps: 'NVIDIA A100 datasheet: 600 GB/s NVLink (bidirectional)',
      interNodeGBps: 'HGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU = 25 GB/s',
      powerW: 'NVIDIA A100 datasheet: 400 W TDP',
      priceUsdPerHour: 'CoreWeave 2024-02, as used in microsoft/vidur constants.py: $2.21 per GPU-hour',
      ...FITTED_SOURCES,
      hbmEfficiency:
        'Fitted on gptfast-7b-int8, gptfast-7b-int4, gptfast-70b-int8-1xa100, gptfast-70b-int4-1xa100, gptfast-70b-tp2, gptfast-70b-tp4, gptfast-7b-tp2-a100, gptfast-7b-tp4-a100, gptfast-7b-tp8-a100 (scripts/fit-calibration.ts): fraction of peak HBM bandwidth sustained streaming 16-bit weights (A100, gpt-fast rows)',
    },
  },
  'h100-sxm': {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM',
    hbmGB: 80,
    hbmBandwidthTBps: 3.35,
    tflopsBf16: 989,
    tflopsFp8: 1979,
    topsInt8: 1979,
    tflopsFp4: 0,
    nvlinkGBps: 900,
    gpusPerNode: 8,
    interNodeGBps: 50,
    interNodeLatencyUs: 5,
    powerW: 700,
    priceUsdPerHour: 4.25,
    ...FITTED,
    sources: {
      hbmGB: 'NVIDIA H100 datasheet',
      hbmBandwidthTBps: 'NVIDIA H100 datasheet: 3.35 TB/s',
      tflopsBf16: 'NVIDIA H100 datasheet: 989 TFLOPS dense',
      tflopsFp8: 'NVIDIA H100 datasheet: 1,979 TFLOPS dense',
      topsInt8: 'NVIDIA H100 datasheet: 1,979 TOPS dense',
      tflopsFp4: 'Hopper has no fp4 units',
      nvlinkGBps: 'NVIDIA H100 datasheet: 900 GB/s NVLink (bidirectional)',
      interNodeGBps: 'DGX H100: one 400 Gb/s NDR InfiniBand NIC per GPU = 50 GB/s',
      powerW: 'NVIDIA H100 datasheet: up to 700 W',
      priceUsdPerHour: 'CoreWeave 2024-02 via microsoft/vidur constants.py: $4.25/h (Lambda 2026: $3.99/h)',
      ...FITTED_SOURCES,
    },
  },
  h200: {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    hbmGB: 141,
    hbmBandwidthTBps: 4.8,
    tflopsBf16: 989,
    tflopsFp8: 1979,
    topsInt8: 1979,
    tflopsFp4: 0,
    nvlinkGBps: 900,
    gpusPerNode: 8,
    interNodeGBps: 50,
    interNodeLatencyUs: 5,
    powerW: 700,
    priceUsdPerHour: 5.1,
    ...FITTED,
    sources: {
      hbmGB: 'NVIDIA H200 launch (TensorRT-LLM docs/source/blogs/H200launch.md): 141 GB',
      hbmBandwidthTBps: 'NVIDIA H200 launch: 4.8 TB/s',
      tflopsBf16: 'Same Hopper die as H100 SXM: 989 TFLOPS dense',
      tflopsFp8: 'Same as H100 SXM: 1,979 TFLOPS dense',
      topsInt8: 'Same as H100 SXM',
      tflopsFp4: 'Hopper has no fp4 units',
      nvlinkGBps: '900 GB/s NVLink (bidirectional)',
      interNodeGBps: 'HGX H200: 400 Gb/s NDR per GPU = 50 GB/s',
      powerW: 'NVIDIA H200 SXM: up to 700 W',
      priceUsdPerHour: 'Estimate: 1.2 x the H100 price ($4.25/h); no like-for-like quote found',
      ...FITTED_SOURCES,
    },
  },
  b200: {
    id: 'b200',
    name: 'NVIDIA B200 (HGX, 1000 W)',
    hbmGB: 180,
    hbmBandwidthTBps: 8,
    tflopsBf16: 2250,
    tflopsFp8: 4500,
    topsInt8: 4500,
    tflopsFp4: 9000,
    nvlinkGBps: 1800,
    gpusPerNode: 8,
    interNodeGBps: 50,
    interNodeLatencyUs: 5,
    powerW: 1000,
    priceUsdPerHour: 6.69,
    ...FITTED,
    sources: {
      hbmGB: 'DGX B200 figures; glennklockwood.com B200 page: 180 GB usable (192 GB marketed)',
      hbmBandwidthTBps: 'DGX B200: 8 TB/s',
      tflopsBf16: 'DGX B200 (HGX, 1000 W): 2,250 TFLOPS dense',
      tflopsFp8: 'DGX B200: 4,500 TFLOPS dense',
      topsInt8: 'DGX B200: 4,500 TOPS dense',
      tflopsFp4: 'DGX B200: 9,000 TFLOPS dense fp4',
      nvlinkGBps: 'NVLink 5: 1.8 TB/s per GPU (bidirectional)',
      interNodeGBps: 'DGX B200: 400 Gb/s per GPU = 50 GB/s',
      powerW: 'HGX B200: 1,000 W per GPU',
      priceUsdPerHour: 'Lambda 8x B200 on-demand, 2026: $6.69 per GPU-hour',
      ...FITTED_SOURCES,
    },
  },
};

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Peak compute and SRAM bandwidth of the chip preset are quoted at its clock; a clock
 * override scales both (same datapath, more or fewer cycles per second). Links are not scaled.
 */
export function lpuClockScale(chip: Pick<ChipSpec, 'clockMHz'>): number {
  return chip.clockMHz / LPU_CHIP.clockMHz;
}

/** SRAM bandwidth of one chip at its clock, TB/s (quoted figure, before sramEfficiency). */
export function chipSramTBps(chip: ChipSpec): number {
  return chip.sramBandwidthTBps * lpuClockScale(chip);
}

/** The chip the SRAM system uses, with the scenario's overrides applied. */
export function resolveChip(system: Pick<SramSystem, 'chip' | 'overrides'>): ChipSpec {
  if (system.chip !== 'lpu') throw new Error(`lpu.chip: unknown chip "${String(system.chip)}"`);
  return { ...LPU_CHIP, ...defined(system.overrides) };
}

/** A preset GPU under a stack, no overrides. */
export function presetGpu(id: GpuId, stack: GpuSystem['stack'] = DEFAULT_STACK): GpuSpec {
  return resolveGpu({ gpu: id, overrides: {}, stack });
}

/** The stack's figures alone (no id, name, collective or sources). */
function stackFigures(stack: GpuSystem['stack']): StackFigures {
  const st = STACKS[stack];
  if (!st) throw new Error(`gpu.stack: unknown stack "${String(stack)}"`);
  const {
    launchOverheadUsPerLayer,
    allReduceOverheadUs,
    requestOverheadMs,
    int8StreamEfficiency,
    int4StreamEfficiency,
    fp8StreamEfficiency,
    kvReadEfficiency,
    expertComputeEfficiency,
    expertComputeEfficiencyFp8,
  } = st;
  return {
    launchOverheadUsPerLayer,
    allReduceOverheadUs,
    requestOverheadMs,
    int8StreamEfficiency,
    int4StreamEfficiency,
    fp8StreamEfficiency,
    kvReadEfficiency,
    expertComputeEfficiency,
    expertComputeEfficiencyFp8,
  };
}

/** The GPU of the baseline under its serving stack, with the scenario's overrides applied. */
export function resolveGpu(system: Pick<GpuSystem, 'gpu' | 'overrides' | 'stack'>): GpuSpec {
  const g = GPUS[system.gpu];
  if (!g) throw new Error(`gpu.gpu: unknown GPU "${String(system.gpu)}"`);
  const st = STACKS[system.stack];
  if (!st) throw new Error(`gpu.stack: unknown stack "${String(system.stack)}"`);
  const stackSources = Object.fromEntries(Object.entries(st.sources).map(([k, v]) => [k, `${st.name}: ${v}`]));
  return { ...g, ...stackFigures(system.stack), ...defined(system.overrides), sources: { ...g.sources, ...stackSources } };
}
