// The field registry: every scenario input declared once, with its link key, the label and
// unit its control shows, the group it sits in, the kind of control, the range of values every reader accepts
// (link schema, control, CLI and LLM engine alike) and its CLI flag. The schema
// (schema.ts), link keys (keys.ts), controls and their labels (ui/labels.ts, the LLM
// controls), the classroom list, the CLI flags and the engine's limits (limits.ts,
// engine/llm/validate.ts) are derived from it. Order: the on-screen order of the controls,
// then fields with no control. The link format's own order is LINK_ORDER in keys.ts.

/** Where a control sits on screen: the heading of its group of controls. */
export const CONTROL_GROUPS = {
  gemm: 'Systolic array GEMM',
  model: 'Model',
  workload: 'Workload',
  lpu: 'SRAM-only system',
  lpuFigures: 'Chip figures',
  gpu: 'GPU baseline',
  gpuFigures: 'GPU figures',
} as const;
type ControlGroup = keyof typeof CONTROL_GROUPS;

/**
 * How a field's control renders (src/ui/controlKinds.ts names the component for each):
 * 'number' a text box; 'slider' a text box with a range slider beside it; 'select' a drop-down;
 * 'toggle' a checkbox; 'override' a text box whose blank means the preset's figure, with a reset
 * button.
 */
export const CONTROL_KINDS = ['number', 'slider', 'select', 'toggle', 'override'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** The values a numeric field accepts; bounds are inclusive unless marked exclusive. */
export interface NumericRange {
  integer: boolean;
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

interface FieldDef {
  /** Dotted scenario path. */
  path: string;
  /** Short name in links (docs/scenario-format.md, "Link key map"); never changes. */
  key: string;
  /** On-screen label of its control; a field has a label exactly when it has a control. */
  label?: string;
  group?: ControlGroup;
  control?: ControlKind;
  /** 'slider' only: the slider's upper end when below the range's maximum (the box still takes the whole range). */
  sliderMax?: number;
  unit?: string;
  /** Numeric fields only: what the link schema, the control, the CLI and the LLM engine accept. */
  range?: NumericRange;
  /** The CLI flag that sets it (`--name`). */
  cli?: string;
  /** 'entry': changing it is a step of its own in the browser history (Back undoes it); default: it replaces the current entry. */
  history?: 'entry';
}

const int = (min: number, max: number): NumericRange => ({ integer: true, min, max, minExclusive: false, maxExclusive: false });
const ABOVE = 'above';
const BELOW = 'below';
/** A number in [min, max]; ABOVE: min itself excluded (a bandwidth of 0); BELOW: max excluded. */
const num = (min: number, max: number, open?: typeof ABOVE | typeof BELOW): NumericRange => ({
  integer: false,
  min,
  max,
  minExclusive: open === ABOVE,
  maxExclusive: open === BELOW,
});

export const MAX_SEED = 2 ** 31 - 1;
/** Prompt + output, and each alone. */
export const MAX_TOKENS = 131072;

// Ranges are "sane", not physical: wide enough for any chip or model one might imagine,
// narrow enough that the engine never sees zero, negative or astronomically large figures
// (and bounded for the partitioner's work).
export const FIELDS: readonly FieldDef[] = [
  { path: 'gemm.rows', key: 'ar', label: 'Rows (R)', group: 'gemm', control: 'slider', unit: 'PEs', range: int(1, 256), cli: 'rows' },
  { path: 'gemm.cols', key: 'ac', label: 'Columns (C)', group: 'gemm', control: 'slider', unit: 'PEs', range: int(1, 256), cli: 'cols' },
  { path: 'gemm.dataflow', key: 'df', label: 'Dataflow', group: 'gemm', control: 'select', cli: 'dataflow' },
  {
    path: 'gemm.m',
    key: 'm',
    label: 'M (rows of A and O)',
    group: 'gemm',
    control: 'number',
    unit: 'elements',
    range: int(1, 65536),
    cli: 'm',
  },
  { path: 'gemm.k', key: 'k', label: 'K (reduction)', group: 'gemm', control: 'number', unit: 'elements', range: int(1, 65536), cli: 'k' },
  {
    path: 'gemm.n',
    key: 'n',
    label: 'N (columns of B and O)',
    group: 'gemm',
    control: 'number',
    unit: 'elements',
    range: int(1, 65536),
    cli: 'n',
  },
  { path: 'gemm.seed', key: 's', label: 'Operand seed', group: 'gemm', control: 'number', range: int(0, MAX_SEED), cli: 'seed' },
  { path: 'llm.model', key: 'mo', label: 'Model', group: 'model', control: 'select', cli: 'model' },
  { path: 'llm.custom.layers', key: 'cl', label: 'Layers', group: 'model', control: 'number', unit: 'layers', range: int(1, 1000) },
  { path: 'llm.custom.hidden', key: 'chd', label: 'Hidden size', group: 'model', control: 'number', unit: 'dims', range: int(1, 131072) },
  { path: 'llm.custom.heads', key: 'cha', label: 'Attention heads', group: 'model', control: 'number', unit: 'heads', range: int(1, 4096) },
  { path: 'llm.custom.kvHeads', key: 'ckv', label: 'KV heads', group: 'model', control: 'number', unit: 'heads', range: int(1, 4096) },
  { path: 'llm.custom.headDim', key: 'cdh', label: 'Head dim', group: 'model', control: 'number', unit: 'dims', range: int(1, 4096) },
  {
    path: 'llm.custom.ffn',
    key: 'cf',
    label: 'FFN size (one expert)',
    group: 'model',
    control: 'number',
    unit: 'dims',
    range: int(1, 1048576),
  },
  { path: 'llm.custom.vocab', key: 'cv', label: 'Vocabulary', group: 'model', control: 'number', unit: 'tokens', range: int(1, 4194304) },
  { path: 'llm.custom.experts', key: 'ce', label: 'Experts', group: 'model', control: 'number', unit: 'experts', range: int(1, 1024) },
  {
    path: 'llm.custom.activeExperts',
    key: 'cae',
    label: 'Active experts',
    group: 'model',
    control: 'number',
    unit: 'experts',
    range: int(1, 1024),
  },
  {
    path: 'llm.custom.paramsB',
    key: 'cp',
    label: 'Published parameters',
    group: 'model',
    control: 'number',
    unit: 'billion',
    range: num(0, 100000, ABOVE),
  },
  { path: 'llm.custom.gatedFfn', key: 'cg', label: 'Gated FFN (SwiGLU, 3 matrices)', group: 'model', control: 'toggle' },
  // Optional shape features (blank: absent, the plain MHA/GQA transformer). docs/llm-model.md, "Attention kinds".
  {
    path: 'llm.custom.sharedExperts',
    key: 'cse',
    label: 'Shared experts',
    group: 'model',
    control: 'number',
    unit: 'experts',
    range: int(0, 1024),
  },
  {
    path: 'llm.custom.denseLayers',
    key: 'cdl',
    label: 'Dense-FFN layers (MoE)',
    group: 'model',
    control: 'number',
    unit: 'layers',
    range: int(0, 1000),
  },
  {
    path: 'llm.custom.denseFfn',
    key: 'cdf',
    label: 'Dense FFN size',
    group: 'model',
    control: 'number',
    unit: 'dims',
    range: int(1, 1048576),
  },
  {
    path: 'llm.custom.kvLoraRank',
    key: 'ckr',
    label: 'MLA latent (kv_lora_rank)',
    group: 'model',
    control: 'number',
    unit: 'dims',
    range: int(1, 65536),
  },
  {
    path: 'llm.custom.ropeHeadDim',
    key: 'crd',
    label: 'MLA rotary key dim',
    group: 'model',
    control: 'number',
    unit: 'dims',
    range: int(0, 4096),
  },
  {
    path: 'llm.custom.qLoraRank',
    key: 'cqr',
    label: 'MLA query rank (q_lora_rank)',
    group: 'model',
    control: 'number',
    unit: 'dims',
    range: int(0, 65536),
  },
  {
    path: 'llm.custom.slidingWindow',
    key: 'csw',
    label: 'Sliding window',
    group: 'model',
    control: 'number',
    unit: 'tokens',
    range: int(1, MAX_TOKENS),
  },
  {
    path: 'llm.custom.slidingLayers',
    key: 'csl',
    label: 'Sliding-window layers',
    group: 'model',
    control: 'number',
    unit: 'layers',
    range: int(0, 1000),
  },
  {
    path: 'llm.custom.mtpLayers',
    key: 'cmt',
    label: 'Multi-token-prediction modules',
    group: 'model',
    control: 'number',
    unit: 'modules',
    range: int(0, 16),
  },
  {
    path: 'llm.batch',
    key: 'b',
    label: 'Batch',
    group: 'workload',
    control: 'slider',
    sliderMax: 256,
    unit: 'users',
    range: int(1, 4096),
    cli: 'batch',
  },
  { path: 'llm.batching', key: 'bm', label: 'Batching', group: 'workload', control: 'select', cli: 'batching' },
  { path: 'llm.sweepMachine', key: 'sm', label: 'Batch sweep machine', group: 'workload', control: 'select' },
  {
    path: 'llm.prompt',
    key: 'pi',
    label: 'Prompt',
    group: 'workload',
    control: 'number',
    unit: 'tokens',
    range: int(1, MAX_TOKENS),
    cli: 'prompt',
  },
  {
    path: 'llm.output',
    key: 'po',
    label: 'Output',
    group: 'workload',
    control: 'number',
    unit: 'tokens',
    range: int(1, MAX_TOKENS),
    cli: 'output',
  },
  { path: 'llm.weights', key: 'pw', label: 'Weights precision', group: 'workload', control: 'select', cli: 'weights' },
  { path: 'llm.activations', key: 'pa', label: 'Activations precision', group: 'workload', control: 'select', cli: 'activations' },
  { path: 'llm.kv', key: 'pk', label: 'KV cache precision', group: 'workload', control: 'select', cli: 'kv' },
  // Speculative decoding (issue 11): one CLI flag, --speculative off|mtp|draft=MODEL[,k=N][,accept=P], sets all four.
  { path: 'llm.speculative.mode', key: 'sp', label: 'Speculative decoding', group: 'workload', control: 'select', cli: 'speculative' },
  { path: 'llm.speculative.draft', key: 'sd', label: 'Draft model', group: 'workload', control: 'select' },
  {
    path: 'llm.speculative.k',
    key: 'sk',
    label: 'Draft tokens per step',
    group: 'workload',
    control: 'slider',
    sliderMax: 8,
    unit: 'tokens',
    range: int(1, 16),
  },
  {
    path: 'llm.speculative.accept',
    key: 'sa',
    label: 'Acceptance rate',
    group: 'workload',
    control: 'number',
    unit: 'per draft token',
    range: { integer: false, min: 0, max: 1, minExclusive: true, maxExclusive: true },
  },
  // Disaggregated serving (issue 11): the CLI sets it with --prefill-machine.
  { path: 'llm.disagg', key: 'dg', label: 'Prefill and decode', group: 'workload', control: 'select' },
  { path: 'lpu.chip', key: 'lx', label: 'Chip', group: 'lpu', control: 'select' },
  { path: 'lpu.chips', key: 'lc', label: 'Chips', group: 'lpu', control: 'number', range: int(1, 20000) },
  { path: 'lpu.topology', key: 'lt', label: 'Topology', group: 'lpu', control: 'select', cli: 'topology' },
  {
    path: 'lpu.overrides.sramMB',
    key: 'lsm',
    label: 'SRAM per chip',
    group: 'lpuFigures',
    control: 'override',
    unit: 'MB',
    range: num(1, 1e5),
  },
  { path: 'lpu.overrides.clockMHz', key: 'lck', label: 'Clock', group: 'lpuFigures', control: 'override', unit: 'MHz', range: num(1, 1e4) },
  {
    path: 'lpu.overrides.tflopsFp16',
    key: 'lf16',
    label: 'Peak fp16',
    group: 'lpuFigures',
    control: 'override',
    unit: 'TFLOP/s',
    range: num(0.001, 1e6, BELOW),
  },
  {
    path: 'lpu.overrides.topsInt8',
    key: 'li8',
    label: 'Peak int8',
    group: 'lpuFigures',
    control: 'override',
    unit: 'TOP/s',
    range: num(0.001, 1e6, BELOW),
  },
  {
    path: 'lpu.overrides.sramBandwidthTBps',
    key: 'lsb',
    label: 'SRAM bandwidth',
    group: 'lpuFigures',
    control: 'override',
    unit: 'TB/s',
    range: num(0.001, 1e5, BELOW),
  },
  {
    path: 'lpu.overrides.linksPerChip',
    key: 'lln',
    label: 'Links per chip',
    group: 'lpuFigures',
    control: 'override',
    unit: 'links',
    range: int(1, 64),
  },
  {
    path: 'lpu.overrides.linkBandwidthGBps',
    key: 'llb',
    label: 'Link bandwidth (per direction)',
    group: 'lpuFigures',
    control: 'override',
    unit: 'GB/s',
    range: num(0.001, 1e5),
  },
  {
    path: 'lpu.overrides.hopLatencyUs',
    key: 'lhl',
    label: 'Hop latency',
    group: 'lpuFigures',
    control: 'override',
    unit: 'µs',
    range: num(0, 1e4),
  },
  {
    path: 'lpu.overrides.chipsPerNode',
    key: 'lcn',
    label: 'Chips per node',
    group: 'lpuFigures',
    control: 'override',
    unit: 'chips',
    range: int(1, 256),
  },
  {
    path: 'lpu.overrides.ioGBps',
    key: 'lio',
    label: 'I/O per chip (per direction)',
    group: 'lpuFigures',
    control: 'override',
    unit: 'GB/s',
    range: num(0.001, 1e5),
  },
  {
    path: 'lpu.overrides.powerW',
    key: 'lpw',
    label: 'Power per chip',
    group: 'lpuFigures',
    control: 'override',
    unit: 'W',
    range: num(1, 1e5),
  },
  {
    path: 'lpu.overrides.priceUsdPerChipHour',
    key: 'lpr',
    label: 'Price per chip-hour',
    group: 'lpuFigures',
    control: 'override',
    unit: 'US$/h',
    range: num(0, 1e4),
  },
  {
    path: 'lpu.overrides.computeEfficiency',
    key: 'lce',
    label: 'Compute efficiency',
    group: 'lpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'lpu.overrides.sramEfficiency',
    key: 'lse',
    label: 'SRAM efficiency (fitted)',
    group: 'lpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'lpu.overrides.layerOverheadUs',
    key: 'llo',
    label: 'Fixed time per layer (fitted)',
    group: 'lpuFigures',
    control: 'override',
    unit: 'µs',
    range: num(0, 1e5),
  },
  { path: 'gpu.gpu', key: 'gx', label: 'GPU', group: 'gpu', control: 'select' },
  { path: 'gpu.stack', key: 'gs', label: 'Serving stack', group: 'gpu', control: 'select', cli: 'stack' },
  { path: 'gpu.gpus', key: 'gc', label: 'GPUs', group: 'gpu', control: 'number', range: int(1, 4096) },
  { path: 'gpu.tp', key: 'gt', label: 'Tensor parallel', group: 'gpu', control: 'number', range: int(1, 64) },
  {
    path: 'gpu.overrides.hbmGB',
    key: 'ghm',
    label: 'HBM per GPU',
    group: 'gpuFigures',
    control: 'override',
    unit: 'GB',
    range: num(0.001, 1e5),
  },
  {
    path: 'gpu.overrides.hbmBandwidthTBps',
    key: 'ghb',
    label: 'HBM bandwidth',
    group: 'gpuFigures',
    control: 'override',
    unit: 'TB/s',
    range: num(0.001, 1000, BELOW),
  },
  {
    path: 'gpu.overrides.hbmEfficiency',
    key: 'ghe',
    label: 'HBM efficiency',
    group: 'gpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.tflopsBf16',
    key: 'gbf',
    label: 'Peak bf16',
    group: 'gpuFigures',
    control: 'override',
    unit: 'TFLOP/s',
    range: num(0.001, 1e6, BELOW),
  },
  {
    path: 'gpu.overrides.tflopsFp8',
    key: 'gf8',
    label: 'Peak fp8',
    group: 'gpuFigures',
    control: 'override',
    unit: 'TFLOP/s',
    range: num(0, 1e6, BELOW),
  },
  {
    path: 'gpu.overrides.computeEfficiency',
    key: 'gce',
    label: 'Compute efficiency, 16-bit',
    group: 'gpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.computeEfficiencyFp8',
    key: 'gc8',
    label: 'Compute efficiency, fp8',
    group: 'gpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.launchOverheadUsPerLayer',
    key: 'glo',
    label: 'Launch gaps per layer (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'µs',
    range: num(0, 1e5),
  },
  {
    path: 'gpu.overrides.allReduceOverheadUs',
    key: 'gao',
    label: 'Fixed time per all-reduce (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'µs',
    range: num(0, 1e5),
  },
  {
    path: 'gpu.overrides.requestOverheadMs',
    key: 'gro',
    label: 'Fixed time per request (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'ms',
    range: num(0, 1e5),
  },
  {
    path: 'gpu.overrides.int8StreamEfficiency',
    key: 'gq8',
    label: 'int8 weight streaming (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'share of 16-bit rate',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.int4StreamEfficiency',
    key: 'gq4',
    label: 'int4 weight streaming (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'share of 16-bit rate',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.fp8StreamEfficiency',
    key: 'gqf',
    label: 'fp8 weight streaming (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'share of 16-bit rate',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.kvReadEfficiency',
    key: 'gkv',
    label: 'KV-cache read efficiency (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'fraction of peak',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.expertComputeEfficiency',
    key: 'gme',
    label: 'Expert GEMM efficiency, 16-bit (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'share of dense rate',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.expertComputeEfficiencyFp8',
    key: 'gm8',
    label: 'Expert GEMM efficiency, fp8 (stack)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'share of dense rate',
    range: num(0.01, 1),
  },
  {
    path: 'gpu.overrides.jitterCv',
    key: 'gjc',
    label: 'Jitter (CV of time per token)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'fraction',
    range: num(0, 1),
  },
  {
    path: 'gpu.overrides.nvlinkGBps',
    key: 'gnv',
    label: 'NVLink (bidirectional)',
    group: 'gpuFigures',
    control: 'override',
    unit: 'GB/s',
    range: num(0.001, 1e5),
  },
  {
    path: 'gpu.overrides.nvlinkLatencyUs',
    key: 'gnl',
    label: 'NVLink latency',
    group: 'gpuFigures',
    control: 'override',
    unit: 'µs',
    range: num(0, 1e4),
  },
  {
    path: 'gpu.overrides.gpusPerNode',
    key: 'gpn',
    label: 'GPUs per NVLink domain',
    group: 'gpuFigures',
    control: 'override',
    unit: 'GPUs',
    range: int(1, 256),
  },
  {
    path: 'gpu.overrides.interNodeGBps',
    key: 'gib',
    label: 'Inter-node per GPU',
    group: 'gpuFigures',
    control: 'override',
    unit: 'GB/s',
    range: num(0.001, 1e5),
  },
  {
    path: 'gpu.overrides.priceUsdPerHour',
    key: 'gpr',
    label: 'Price per GPU-hour',
    group: 'gpuFigures',
    control: 'override',
    unit: 'US$/h',
    range: num(0, 1e4),
  },
  {
    path: 'gpu.overrides.powerW',
    key: 'gpw',
    label: 'Power per GPU',
    group: 'gpuFigures',
    control: 'override',
    unit: 'W',
    range: num(1, 1e5),
  },
  // Fields with no control of their own (set by the model menu, tours, links or files).
  { path: 'llm.custom.id', key: 'cid' },
  { path: 'llm.custom.name', key: 'cn' },
  { path: 'llm.custom.source', key: 'cs' },
  { path: 'gpu.seed', key: 'gj', range: int(0, MAX_SEED) },
  { path: 'gpu.overrides.topsInt8', key: 'gi8', range: num(0, 1e6, BELOW) },
  { path: 'gpu.overrides.tflopsFp4', key: 'gf4', range: num(0, 1e6, BELOW) },
  { path: 'gpu.overrides.interNodeLatencyUs', key: 'gil', range: num(0, 1e4) },
  { path: 'view.panel', key: 'vp' },
  { path: 'view.cycle', key: 'vc' },
  { path: 'view.tour', key: 'vt', history: 'entry' },
  { path: 'view.presenter', key: 'vr', history: 'entry' },
  { path: 'classroom.hidden', key: 'xh', history: 'entry' },
  { path: 'classroom.locked', key: 'xl', history: 'entry' },
];

const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]));

/** The field at `path`, or undefined. */
export function fieldAt(path: string): FieldDef | undefined {
  return BY_PATH.get(path);
}

/** The range of a numeric field; throws for a path without one (a programming error). */
export function rangeOf(path: string): NumericRange {
  const r = BY_PATH.get(path)?.range;
  if (!r) throw new Error(`no range declared for ${path}`);
  return r;
}

/** The hardware figures a user may override on a machine, in on-screen order. */
export function figureFields(machine: 'lpu' | 'gpu'): readonly (FieldDef & { name: string })[] {
  const prefix = `${machine}.overrides.`;
  return FIELDS.filter((f) => f.path.startsWith(prefix)).map((f) => ({ ...f, name: f.path.slice(prefix.length) }));
}

/** The fields under `prefix` (e.g. 'llm.custom.'), by their last name. */
export function fieldsUnder(prefix: string): Map<string, FieldDef> {
  return new Map(FIELDS.filter((f) => f.path.startsWith(prefix)).map((f) => [f.path.slice(prefix.length), f]));
}

/** The numeric ranges of the fields under `prefix`, by their last name. */
export function rangesUnder(prefix: string): Record<string, NumericRange> {
  return Object.fromEntries([...fieldsUnder(prefix)].flatMap(([name, f]) => (f.range ? [[name, f.range]] : [])));
}

export function inRange(v: unknown, r: NumericRange): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (r.integer && !Number.isInteger(v))) return false;
  return (r.minExclusive ? v > r.min : v >= r.min) && (r.maxExclusive ? v < r.max : v <= r.max);
}

/** What a value must be, in words: "an integer 1..256", "a number above 0 and at most 1000". */
export function describeRange(r: NumericRange): string {
  const what = r.integer ? 'an integer' : 'a number';
  if (!r.minExclusive && !r.maxExclusive) return `${what} ${r.min}..${r.max}`;
  // Words, not '<' '>': messages stay free of markup characters.
  return `${what} ${r.minExclusive ? 'above' : 'at least'} ${r.min} and ${r.maxExclusive ? 'below' : 'at most'} ${r.max}`;
}
