// The on-screen label of every control, panel and toolbar field: the one home of these
// strings. The controls render them, the classroom dialog lists controls by them, and
// the problems banner names fields by them (with the scenario path in a tooltip).
// A control exists for exactly the paths listed in CONTROL_LABELS.
import { controlId } from '../scenario/keys';
import type { PanelId } from '../scenario/types';

export const PANEL_TITLES: Record<PanelId, string> = {
  argument: 'The argument',
  dataflow: 'Systolic array',
  sram: 'SRAM occupancy',
  interconnect: 'Interconnect',
  latency: 'Latency & cost',
};

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
type Group = keyof typeof CONTROL_GROUPS;

/** Scenario path -> [label, group]. Order is the on-screen order. */
const CONTROLS: readonly (readonly [string, string, Group])[] = [
  ['gemm.rows', 'Rows (R)', 'gemm'],
  ['gemm.cols', 'Columns (C)', 'gemm'],
  ['gemm.dataflow', 'Dataflow', 'gemm'],
  ['gemm.m', 'M (rows of A and O)', 'gemm'],
  ['gemm.k', 'K (reduction)', 'gemm'],
  ['gemm.n', 'N (columns of B and O)', 'gemm'],
  ['gemm.seed', 'Operand seed', 'gemm'],
  ['llm.model', 'Model', 'model'],
  ['llm.custom.layers', 'Layers', 'model'],
  ['llm.custom.hidden', 'Hidden size', 'model'],
  ['llm.custom.heads', 'Attention heads', 'model'],
  ['llm.custom.kvHeads', 'KV heads', 'model'],
  ['llm.custom.headDim', 'Head dim', 'model'],
  ['llm.custom.ffn', 'FFN size (one expert)', 'model'],
  ['llm.custom.vocab', 'Vocabulary', 'model'],
  ['llm.custom.experts', 'Experts', 'model'],
  ['llm.custom.activeExperts', 'Active experts', 'model'],
  ['llm.custom.paramsB', 'Published parameters', 'model'],
  ['llm.custom.gatedFfn', 'Gated FFN (SwiGLU, 3 matrices)', 'model'],
  ['llm.batch', 'Batch', 'workload'],
  ['llm.batching', 'Batching', 'workload'],
  ['llm.sweepMachine', 'Batch sweep machine', 'workload'],
  ['llm.prompt', 'Prompt', 'workload'],
  ['llm.output', 'Output', 'workload'],
  ['llm.weights', 'Weights precision', 'workload'],
  ['llm.activations', 'Activations precision', 'workload'],
  ['llm.kv', 'KV cache precision', 'workload'],
  ['lpu.chips', 'Chips', 'lpu'],
  ['lpu.topology', 'Topology', 'lpu'],
  ['lpu.overrides.sramMB', 'SRAM per chip', 'lpuFigures'],
  ['lpu.overrides.clockMHz', 'Clock', 'lpuFigures'],
  ['lpu.overrides.tflopsFp16', 'Peak fp16', 'lpuFigures'],
  ['lpu.overrides.topsInt8', 'Peak int8', 'lpuFigures'],
  ['lpu.overrides.sramBandwidthTBps', 'SRAM bandwidth', 'lpuFigures'],
  ['lpu.overrides.linksPerChip', 'Links per chip', 'lpuFigures'],
  ['lpu.overrides.linkBandwidthGBps', 'Link bandwidth (per direction)', 'lpuFigures'],
  ['lpu.overrides.hopLatencyUs', 'Hop latency', 'lpuFigures'],
  ['lpu.overrides.chipsPerNode', 'Chips per node', 'lpuFigures'],
  ['lpu.overrides.powerW', 'Power per chip', 'lpuFigures'],
  ['lpu.overrides.priceUsdPerChipHour', 'Price per chip-hour', 'lpuFigures'],
  ['lpu.overrides.computeEfficiency', 'Compute efficiency', 'lpuFigures'],
  ['lpu.overrides.sramEfficiency', 'SRAM efficiency (fitted)', 'lpuFigures'],
  ['lpu.overrides.layerOverheadUs', 'Fixed time per layer (fitted)', 'lpuFigures'],
  ['gpu.gpu', 'GPU', 'gpu'],
  ['gpu.stack', 'Serving stack', 'gpu'],
  ['gpu.gpus', 'GPUs', 'gpu'],
  ['gpu.tp', 'Tensor parallel', 'gpu'],
  ['gpu.overrides.hbmGB', 'HBM per GPU', 'gpuFigures'],
  ['gpu.overrides.hbmBandwidthTBps', 'HBM bandwidth', 'gpuFigures'],
  ['gpu.overrides.hbmEfficiency', 'HBM efficiency', 'gpuFigures'],
  ['gpu.overrides.tflopsBf16', 'Peak bf16', 'gpuFigures'],
  ['gpu.overrides.tflopsFp8', 'Peak fp8', 'gpuFigures'],
  ['gpu.overrides.computeEfficiency', 'Compute efficiency, 16-bit', 'gpuFigures'],
  ['gpu.overrides.computeEfficiencyFp8', 'Compute efficiency, fp8', 'gpuFigures'],
  ['gpu.overrides.launchOverheadUsPerLayer', 'Launch gaps per layer (stack)', 'gpuFigures'],
  ['gpu.overrides.allReduceOverheadUs', 'Fixed time per all-reduce (stack)', 'gpuFigures'],
  ['gpu.overrides.requestOverheadMs', 'Fixed time per request (stack)', 'gpuFigures'],
  ['gpu.overrides.int8StreamEfficiency', 'int8 weight streaming (stack)', 'gpuFigures'],
  ['gpu.overrides.int4StreamEfficiency', 'int4 weight streaming (stack)', 'gpuFigures'],
  ['gpu.overrides.fp8StreamEfficiency', 'fp8 weight streaming (stack)', 'gpuFigures'],
  ['gpu.overrides.kvReadEfficiency', 'KV-cache read efficiency (stack)', 'gpuFigures'],
  ['gpu.overrides.expertComputeEfficiency', 'Expert GEMM efficiency, 16-bit (stack)', 'gpuFigures'],
  ['gpu.overrides.expertComputeEfficiencyFp8', 'Expert GEMM efficiency, fp8 (stack)', 'gpuFigures'],
  ['gpu.overrides.jitterCv', 'Jitter (CV of time per token)', 'gpuFigures'],
  ['gpu.overrides.nvlinkGBps', 'NVLink (bidirectional)', 'gpuFigures'],
  ['gpu.overrides.nvlinkLatencyUs', 'NVLink latency', 'gpuFigures'],
  ['gpu.overrides.gpusPerNode', 'GPUs per NVLink domain', 'gpuFigures'],
  ['gpu.overrides.interNodeGBps', 'Inter-node per GPU', 'gpuFigures'],
  ['gpu.overrides.priceUsdPerHour', 'Price per GPU-hour', 'gpuFigures'],
  ['gpu.overrides.powerW', 'Power per GPU', 'gpuFigures'],
];

/** Fields that are not a control in the side bar but that problems may name. */
const OTHER_FIELDS: Record<string, string> = {
  p: 'Preset',
  v: 'Format version',
  link: 'Link',
  file: 'File',
  pinned: 'Pinned A',
  'llm.custom': 'Custom model',
  'llm.custom.id': 'Custom model id',
  'llm.custom.name': 'Custom model name',
  'llm.custom.source': 'Custom model source',
  'view.panel': 'Panel in view',
  'view.cycle': 'Cycle',
  'view.tour': 'Tour',
  'view.presenter': 'Presenter',
  'classroom.hidden': 'Classroom: hidden items',
  'classroom.locked': 'Classroom: lock',
};

export interface ControlInfo {
  path: string;
  id: string;
  label: string;
  group: string;
}

export const CONTROL_INFO: readonly ControlInfo[] = CONTROLS.map(([path, label, group]) => ({
  path,
  id: controlId(path),
  label,
  group: CONTROL_GROUPS[group],
}));

const BY_PATH = new Map(CONTROL_INFO.map((c) => [c.path, c]));
const BY_ID = new Map(CONTROL_INFO.map((c) => [c.id, c]));

/** The label a control shows; throws for a path with no control (a programming error). */
export function controlLabel(path: string): string {
  const c = BY_PATH.get(path);
  if (!c) throw new Error(`no control label for ${path}`);
  return c.label;
}

export function controlById(id: string): ControlInfo | undefined {
  return BY_ID.get(id);
}

/**
 * How the banner names a field: the label of its control after its group ("GPU figures ›
 * Compute efficiency"), else the nearest named parent; null when nothing is known.
 */
export function fieldLabel(field: string): string | null {
  for (let f = field; f !== ''; f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : '') {
    const c = BY_PATH.get(f);
    if (c) return `${c.group} › ${c.label}`;
    if (Object.prototype.hasOwnProperty.call(OTHER_FIELDS, f)) return OTHER_FIELDS[f];
  }
  return null;
}
