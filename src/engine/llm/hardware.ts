// Hardware presets: the SRAM-only chip and the HBM GPUs. Every figure has a source string;
// fitted factors (efficiencies, overheads, jitter) are named in `sources` as fitted and
// explained in docs/calibration.md. Scenario overrides patch these per field.
import type { ChipId, ChipSpec, GpuId, GpuSpec, GpuSystem, SramSystem, StackFigures } from '../../scenario/types';
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
  ioGBps: 31.5,
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
    ioGBps:
      'Linley #6233: "a single x16 PCIe Gen4 port for the host-processor connection" = 16 GT/s x 16 lanes x 128/130 / 8 = 31.5 GB/s per direction (assumed: the hosts\' network keeps up with their cards)',
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

const GROQ3_SECONDARY =
  'Secondary: NVIDIA\'s figures as reported by bitcoinnewsinvest.com (2026-03-16), voice.lapaas.com and aiinsightnews.com; NVIDIA\'s developer blog "Inside NVIDIA Groq 3 LPX" was read only in its introduction, which gives no per-chip figures (docs/research/2026-machines-and-models.md)';

/**
 * Groq 3 LPU (LP30), 256 to an LPX rack beside Vera Rubin NVL72 (GTC 2026-03-16). Only
 * secondary sources give its figures; the fitted factors are GroqChip 1's (no LPX
 * measurement is published), so its speeds are a projection, never a check.
 */
const GROQ3_CHIP: ChipSpec = {
  id: 'groq3-lpx',
  name: 'Groq 3 LPU (LP30, LPX rack)',
  sramMB: 500,
  clockMHz: 900,
  tflopsFp16: 615,
  topsInt8: 1230,
  sramBandwidthTBps: 150,
  linksPerChip: 16,
  linkBandwidthGBps: 78,
  hopLatencyUs: 0.6,
  chipsPerNode: 8,
  ioGBps: 63,
  powerW: 500,
  priceUsdPerChipHour: 3.6,
  computeEfficiency: LPU_CHIP.computeEfficiency,
  sramEfficiency: LPU_CHIP.sramEfficiency,
  layerOverheadUs: LPU_CHIP.layerOverheadUs,
  sources: {
    sramMB: `${GROQ3_SECONDARY}: "each LPU includes 500 MB of SRAM" (aiinsightnews.com); 128 GB per 256-chip rack`,
    clockMHz:
      "Not published in the sources read: set to GroqChip 1's 900 MHz so that a clock override scales compute and SRAM bandwidth relative to the preset",
    tflopsFp16:
      'Derived, not published: half the fp8 rate (315 PFLOPS fp8 per 256-chip rack = 1.23 PFLOPS per chip, bitcoinnewsinvest.com), as 16-bit math runs at half the 8-bit rate on GroqChip 1 (188 vs 750 is a quarter; half is the kinder assumption)',
    topsInt8: `${GROQ3_SECONDARY}: 315 PFLOPS fp8 per rack / 256 chips = 1,230 TFLOPS per chip (int8 assumed at the fp8 rate)`,
    sramBandwidthTBps: `${GROQ3_SECONDARY}: "150 TB/s of SRAM bandwidth" per chip; 40 PB/s per rack (= 156 TB/s per chip)`,
    linksPerChip:
      'Derived: "96 chip-to-chip links running at 112 Gbps, enabling 2.5 TB/s of bidirectional bandwidth per chip" (bitcoinnewsinvest.com, secondary), grouped here as 16 links of 6 lanes, since the engine draws one link per peer (7 in the tray, up to 4 global ports)',
    linkBandwidthGBps: 'Derived: 2.5 TB/s bidirectional per chip / 2 directions / 16 grouped links = 78 GB/s per link per direction',
    hopLatencyUs: "Not published: GroqChip 1's 0.6 us per hop assumed",
    chipsPerNode: `${GROQ3_SECONDARY}: "32 liquid-cooled compute trays, each packing eight LP30 LPU chips" (bitcoinnewsinvest.com)`,
    ioGBps:
      "Assumed, not published (no LP30 host or network I/O figure was found): one PCIe Gen5 x16 port per chip, 32 GT/s x 16 lanes x 128/130 / 8 = 63 GB/s per direction, twice GroqChip 1's Gen4 port",
    powerW:
      "Assumed, not published (no LP30 or LPX rack power was found): 500 W per chip, above GroqChip 1's 215-300 W for a 4 nm chip with 6.5x its 8-bit rate",
    priceUsdPerChipHour:
      "Assumed, not published (no LP30 or LPX price was found): 3x GroqChip 1's derived $1.2/h. NVIDIA states only a target of $45 per million tokens for LPX-served output (Tom's Hardware text via futuretechmarkets.com)",
    computeEfficiency: "Assumed: GroqChip 1's figure (no LPX measurement published)",
    sramEfficiency: "Assumed: GroqChip 1's fitted figure (no LPX measurement published to fit on)",
    layerOverheadUs: "Assumed: GroqChip 1's fitted figure (no LPX measurement published to fit on)",
  },
};

const CEREBRAS_SECONDARY =
  'Secondary (no Cerebras datasheet was retrievable): yobitel.com WSE-3 spec table, computerbase.de 2024-03, the Argonne ALCF user guide and SC24 tutorial (docs/research/2026-machines-and-models.md)';

/**
 * Cerebras WSE-3 in a CS-3 system: one wafer is one "chip" here, its 44 GB of SRAM spread
 * over 900,000 cores. Systems are joined over 12 x 100 GbE; a model larger than one wafer's
 * SRAM is pipelined over several systems.
 */
/** A CS-3's system I/O: 12 x 100 GbE ports (1.2 Tb/s), its only way in and out, to other systems too. */
const CS3_PORTS = 12;
const CS3_PORT_GBPS = 12.5;

const CEREBRAS_CHIP: ChipSpec = {
  id: 'cerebras-wse3',
  name: 'Cerebras WSE-3 (one CS-3 wafer)',
  sramMB: 44_000,
  clockMHz: 1000,
  tflopsFp16: 62_500,
  topsInt8: 62_500,
  sramBandwidthTBps: 21_000,
  linksPerChip: CS3_PORTS,
  linkBandwidthGBps: CS3_PORT_GBPS,
  hopLatencyUs: 5,
  chipsPerNode: 1,
  ioGBps: CS3_PORTS * CS3_PORT_GBPS,
  powerW: 23_000,
  priceUsdPerChipHour: 146,
  computeEfficiency: 0.6,
  sramEfficiency: 0.66,
  layerOverheadUs: 5.78,
  sources: {
    sramMB: `${CEREBRAS_SECONDARY}: "44GB of super-fast on-chip SRAM"; ALCF: "900K processing cores, each providing 48KB of dedicated SRAM memory, with a total of 44GB"`,
    clockMHz:
      'Not published in the sources read: 1,000 MHz is a placeholder so that a clock override scales compute and SRAM bandwidth relative to the preset',
    tflopsFp16:
      'Derived: Cerebras\' headline "125 petaflops of peak AI performance" (theiet.org, secondary) is sparse fp16 in most secondary sources ("Sparse FP16 throughput 125 PFLOPS", yobitel.com); halved for dense math',
    topsInt8: 'Not published: the dense fp16 figure is used (no 8-bit rate found)',
    sramBandwidthTBps: `${CEREBRAS_SECONDARY}: "21 PB/s" memory bandwidth`,
    linksPerChip:
      'Argonne SC24 tutorial (secondary): "CS system provides 1.2 Tbps I/O"; 12 x 100 GbE per CS-3 (Cerebras, quoted in an HN comment)',
    linkBandwidthGBps: 'Derived: 100 Gb/s per Ethernet port = 12.5 GB/s per direction',
    ioGBps:
      'Derived: the same 12 x 100 GbE ports (1.2 Tb/s system I/O, Argonne SC24 tutorial) = 150 GB/s per direction: a KV cache arriving from another machine shares them',
    hopLatencyUs:
      "Assumed: a few us for an Ethernet hop through a switch between CS-3 systems, incl. software (like the GPUs' InfiniBand latency)",
    chipsPerNode: 'One wafer per CS-3 system; systems are joined by Ethernet switches',
    powerW:
      'Secondary: "Powers the CS-3 system at ~23kW" (awesomeagents.ai), per system incl. cooling and I/O; not checked against a datasheet',
    priceUsdPerChipHour:
      'Derived, not a list price: "CS-3 systems priced at approximately $2-3M" (awesomeagents.ai, secondary); $2.5M over 3 years of continuous use = $95/h, x1.5 for hosts, switches and racks = $143/h, + 23 kW x PUE 1.3 x $0.10/kWh = $3/h -> ~$146/h per system (an owner cost, as for GroqChip 1)',
    computeEfficiency: "Assumed: GroqChip 1's figure (no Cerebras measurement is compute-bound)",
    sramEfficiency: "Assumed: GroqChip 1's fitted figure (the wafer's 21 PB/s makes streaming a small share of a Cerebras token)",
    layerOverheadUs:
      "Fitted on cerebras-maverick-2522, cerebras-qwen3-235b-1500 (scripts/fit-calibration.ts): time per layer that does not scale with its width (as GroqChip 1's). Fitted on 2025 speeds only: the August 2024 launch figures (Llama 3.1 8B 1,800 and 70B 450 tokens/s) imply 3-4x more time per layer, software Cerebras has since replaced (docs/calibration.md)",
  },
};

/** The SRAM-only chips by id (CHIP_IDS). */
export const CHIPS: Record<ChipId, ChipSpec> = { lpu: LPU_CHIP, 'groq3-lpx': GROQ3_CHIP, 'cerebras-wse3': CEREBRAS_CHIP };

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

/** GPUs with no corpus row of their own take the fitted factors of the H100 rows: say so, not "fitted". */
const BORROWED_FIT_SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(FITTED_SOURCES).map(([k, v]) => [
    k,
    v.startsWith('Fitted on')
      ? `Assumed (no measurement of this GPU to fit on): the factor fitted for other GPUs, ${v.replace('Fitted on', 'on')}`
      : v,
  ]),
);

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
  // Blackwell Ultra and Rubin (issue 11): fitted factors are the Hopper fit (no row of their own
  // in the corpus), so their speeds are projections from datasheet figures.
  b300: {
    id: 'b300',
    name: 'NVIDIA B300 (HGX Blackwell Ultra)',
    hbmGB: 270,
    hbmBandwidthTBps: 8,
    tflopsBf16: 2250,
    tflopsFp8: 4500,
    topsInt8: 4500,
    tflopsFp4: 14_000,
    nvlinkGBps: 1800,
    gpusPerNode: 8,
    interNodeGBps: 100,
    interNodeLatencyUs: 5,
    powerW: 1200,
    priceUsdPerHour: 6.13,
    ...FITTED,
    sources: {
      hbmGB:
        'verda.com/blog/gb300-nvl72-architecture (secondary): 270 GB usable as reported by the device (288 GB HBM3e nominal, NVIDIA developer blog "Inside NVIDIA Blackwell Ultra")',
      hbmBandwidthTBps: 'NVIDIA developer blog "Inside NVIDIA Blackwell Ultra" (via copies): "8 TB/s per GPU"',
      tflopsBf16: 'Derived: half the dense fp8 rate (verda.com table lists B300 fp8 4.5 PF dense)',
      tflopsFp8:
        'verda.com table "Performance numbers without sparsity" (secondary): B300 (HGX) FP8 4.5 PF; glennklockwood.com B300: 4,500 TF dense',
      topsInt8: 'Not in the sources read: set to the fp8 rate (Blackwell Ultra is reported to cut int8; no int8 row uses it)',
      tflopsFp4: 'verda.com table (secondary): B300 (HGX) FP4 14 PF dense (glennklockwood.com: 13,125 TF)',
      nvlinkGBps:
        'NVIDIA developer blog "Inside NVIDIA Blackwell Ultra" (via copies): "fifth-generation NVLink, 1.8 TB/s bidirectional GPU-GPU"',
      interNodeGBps: 'HGX B300: "Up to 800 Gb/s (2 x 400GbE) per GPU" (acecloud.ai, secondary; ConnectX-8) = 100 GB/s',
      powerW: 'SemiAnalysis via aibase.com/news/14280 (secondary): "the GB300 and B300HGX having TDPs of 1.4KW and 1.2KW"',
      priceUsdPerHour:
        'Midpoint of "B300: $5.00 to $7.25 per hour (neocloud range)" (ornnai.com GPU rental benchmark, secondary); AWS p6-b300.48xlarge lists $142.416/h for 8 GPUs = $17.80/h (instances.vantage.sh data, 2025-12-21)',
      ...BORROWED_FIT_SOURCES,
    },
  },
  'gb300-nvl72': {
    id: 'gb300-nvl72',
    name: 'NVIDIA GB300 NVL72 (72-GPU NVLink domain)',
    hbmGB: 279,
    hbmBandwidthTBps: 8,
    tflopsBf16: 2500,
    tflopsFp8: 5000,
    topsInt8: 5000,
    tflopsFp4: 15_000,
    nvlinkGBps: 1800,
    gpusPerNode: 72,
    interNodeGBps: 100,
    interNodeLatencyUs: 5,
    powerW: 1400,
    priceUsdPerHour: 3.35,
    ...FITTED,
    sources: {
      hbmGB: 'verda.com/blog/gb300-nvl72-architecture (secondary): 279 GB usable as reported by the device (288 GB HBM3e nominal)',
      hbmBandwidthTBps: 'NVIDIA developer blog "Inside NVIDIA Blackwell Ultra" (via copies): "8 TB/s per GPU"',
      tflopsBf16: 'verda.com table "Performance numbers without sparsity" (secondary): GB300 BF16 2.5 PF',
      tflopsFp8: 'verda.com table (secondary): GB300 FP8 5 PF dense',
      topsInt8: 'Not in the sources read: set to the fp8 rate (no int8 row uses it)',
      tflopsFp4: 'NVIDIA developer blog "Inside NVIDIA Blackwell Ultra": "15 PetaFLOPS dense NVFP4 compute"',
      nvlinkGBps: 'NVIDIA developer blog "Inside NVIDIA Blackwell Ultra" (via copies): NVLink 5, 1.8 TB/s bidirectional per GPU',
      interNodeGBps:
        'ConnectX-8 SuperNIC, "800 Gb/s Infiniband XDR or 2x400G Ethernet ... first being deployed within ... GB300 NVL72" (wccftech.com, secondary) = 100 GB/s per GPU',
      powerW: 'verda.com table (secondary): GB300 TDP 1.4 kW per GPU (rack ~120-140 kW incl. CPUs and switches)',
      priceUsdPerHour:
        'Derived, not a list price (no on-demand price from a named cloud was found): a rack "runs an estimated $3.7 to $5.0+ million" (ornnai.com; ~$4M per Morgan Stanley via blogerroom.com), $4M / 72 GPUs over 3 years of continuous use = $2.11/h, x1.5 for hosts, switches and racks, + 1.4 kW x PUE 1.3 x $0.10/kWh -> $3.35/h. 3-year contracts are reported at $3.80-4.20 per GPU-hour (secondary)',
      ...BORROWED_FIT_SOURCES,
      gpusPerNode: 'GB300 NVL72: 72 GPUs in one NVLink domain (verda.com: NVLink 130 TB/s per rack)',
    },
  },
  'rubin-nvl72': {
    id: 'rubin-nvl72',
    name: 'NVIDIA Vera Rubin NVL72 (Rubin GPU)',
    hbmGB: 268,
    hbmBandwidthTBps: 22,
    tflopsBf16: 8750,
    tflopsFp8: 17_500,
    topsInt8: 17_500,
    tflopsFp4: 35_000,
    nvlinkGBps: 3600,
    gpusPerNode: 72,
    interNodeGBps: 200,
    interNodeLatencyUs: 5,
    powerW: 1900,
    priceUsdPerHour: 6.42,
    ...FITTED,
    sources: {
      hbmGB:
        'Secondary (kad8.com, launchberg.com; NVIDIA\'s "Inside the NVIDIA Rubin platform" blog read only in its introduction): "288 GB HBM4" per GPU, decimal as marketed = 268 GiB (the engine reads HBM sizes in GiB, as B200\'s 192 GB marketed is 180 GB usable)',
      hbmBandwidthTBps: 'Secondary (kad8.com; connextion.news): "22 TB/s" HBM4 per GPU',
      tflopsBf16: 'Derived, not published in the sources read: a quarter of the fp4 figure below, as on Blackwell',
      tflopsFp8: 'Derived, not published in the sources read: half the fp4 figure below, as on Blackwell',
      topsInt8: 'Not in the sources read: set to the fp8 rate',
      tflopsFp4:
        'Secondary (kad8.com): "50 PFLOPS inference (NVFP4) ... 35 PFLOPS training". Whether 50 is dense is unresolved (mirrorfrog.com calls it sparse, 25 dense); the 35 PF NVFP4 training figure is used as the dense rate',
      nvlinkGBps:
        'Secondary (jp.imgtag.co.kr summary of NVIDIA\'s figures): "NVLink 6 で GPU あたり 3.6 TB/秒" (3.6 TB/s per GPU), 260 TB/s per rack',
      interNodeGBps:
        '"each GPU has a pair of 800G Ethernet/InfiniBand NICs for scale-out networking" (ConnectX-9; wheelersnetwork.com, secondary) = 1.6 Tb/s = 200 GB/s',
      powerW:
        'Secondary, no NVIDIA figure found: 1.9 kW per SemiAnalysis (via world-today-news.com); reports range from 1,800 W (Morgan Stanley, via wemedia.it) to 2,300 W (theneuralfeed.com); rack 180-230 kW',
      priceUsdPerHour:
        'Derived, not a list price (none found): a VR200 NVL72 rack "will cost ... approximately $7.8 million" (Morgan Stanley, May 2026, via blogerroom.com, secondary) / 72 GPUs over 3 years = $4.12/h, x1.5 for hosts, switches and racks, + 1.9 kW x PUE 1.3 x $0.10/kWh -> $6.42/h',
      ...BORROWED_FIT_SOURCES,
      gpusPerNode: 'Vera Rubin NVL72: 72 GPUs, 36 Vera CPUs, one NVLink 6 domain (launchberg.com, secondary)',
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
export function lpuClockScale(chip: Pick<ChipSpec, 'id' | 'clockMHz'>): number {
  const preset = CHIPS[chip.id as ChipId] ?? LPU_CHIP;
  return chip.clockMHz / preset.clockMHz;
}

/** SRAM bandwidth of one chip at its clock, TB/s (quoted figure, before sramEfficiency). */
export function chipSramTBps(chip: ChipSpec): number {
  return chip.sramBandwidthTBps * lpuClockScale(chip);
}

/** The chip the SRAM system uses, with the scenario's overrides applied. */
export function resolveChip(system: Pick<SramSystem, 'chip' | 'overrides'>): ChipSpec {
  const chip = CHIPS[system.chip];
  if (!chip) throw new Error(`lpu.chip: unknown chip "${String(system.chip)}"`);
  return { ...chip, ...defined(system.overrides) };
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
