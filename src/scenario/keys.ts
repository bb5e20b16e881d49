// Stable short names for links (docs/scenario-format.md, "Link key map") and the ids of
// hideable controls. Both lists are part of the link format: append only, never reorder,
// rename or remove an entry (old links would change meaning).

/** Link key -> scenario field path. */
export const LINK_KEYS = [
  ['ar', 'gemm.rows'],
  ['ac', 'gemm.cols'],
  ['df', 'gemm.dataflow'],
  ['m', 'gemm.m'],
  ['k', 'gemm.k'],
  ['n', 'gemm.n'],
  ['s', 'gemm.seed'],
  ['mo', 'llm.model'],
  ['b', 'llm.batch'],
  ['pi', 'llm.prompt'],
  ['po', 'llm.output'],
  ['pw', 'llm.weights'],
  ['pa', 'llm.activations'],
  ['pk', 'llm.kv'],
  ['cid', 'llm.custom.id'],
  ['cn', 'llm.custom.name'],
  ['cl', 'llm.custom.layers'],
  ['chd', 'llm.custom.hidden'],
  ['cha', 'llm.custom.heads'],
  ['ckv', 'llm.custom.kvHeads'],
  ['cdh', 'llm.custom.headDim'],
  ['cf', 'llm.custom.ffn'],
  ['cg', 'llm.custom.gatedFfn'],
  ['cv', 'llm.custom.vocab'],
  ['ce', 'llm.custom.experts'],
  ['cae', 'llm.custom.activeExperts'],
  ['cp', 'llm.custom.paramsB'],
  ['cs', 'llm.custom.source'],
  ['lx', 'lpu.chip'],
  ['lc', 'lpu.chips'],
  ['lt', 'lpu.topology'],
  ['lsm', 'lpu.overrides.sramMB'],
  ['lck', 'lpu.overrides.clockMHz'],
  ['lf16', 'lpu.overrides.tflopsFp16'],
  ['li8', 'lpu.overrides.topsInt8'],
  ['lsb', 'lpu.overrides.sramBandwidthTBps'],
  ['lln', 'lpu.overrides.linksPerChip'],
  ['llb', 'lpu.overrides.linkBandwidthGBps'],
  ['lhl', 'lpu.overrides.hopLatencyUs'],
  ['lcn', 'lpu.overrides.chipsPerNode'],
  ['lpw', 'lpu.overrides.powerW'],
  ['lpr', 'lpu.overrides.priceUsdPerChipHour'],
  ['lce', 'lpu.overrides.computeEfficiency'],
  ['gx', 'gpu.gpu'],
  ['gc', 'gpu.gpus'],
  ['gt', 'gpu.tp'],
  ['gj', 'gpu.seed'],
  ['ghm', 'gpu.overrides.hbmGB'],
  ['ghb', 'gpu.overrides.hbmBandwidthTBps'],
  ['gbf', 'gpu.overrides.tflopsBf16'],
  ['gf8', 'gpu.overrides.tflopsFp8'],
  ['gi8', 'gpu.overrides.topsInt8'],
  ['gf4', 'gpu.overrides.tflopsFp4'],
  ['gnv', 'gpu.overrides.nvlinkGBps'],
  ['gpn', 'gpu.overrides.gpusPerNode'],
  ['gib', 'gpu.overrides.interNodeGBps'],
  ['gil', 'gpu.overrides.interNodeLatencyUs'],
  ['gnl', 'gpu.overrides.nvlinkLatencyUs'],
  ['gpw', 'gpu.overrides.powerW'],
  ['gpr', 'gpu.overrides.priceUsdPerHour'],
  ['ghe', 'gpu.overrides.hbmEfficiency'],
  ['gce', 'gpu.overrides.computeEfficiency'],
  ['glo', 'gpu.overrides.launchOverheadUsPerLayer'],
  ['gjc', 'gpu.overrides.jitterCv'],
  ['vp', 'view.panel'],
  ['vc', 'view.cycle'],
  ['vt', 'view.tour'],
  ['vr', 'view.presenter'],
  ['xh', 'classroom.hidden'],
  ['xl', 'classroom.locked'],
  // Added after v2 shipped: new keys go last so hidden-id indices stay stable.
  ['lse', 'lpu.overrides.sramEfficiency'],
  ['gs', 'gpu.stack'],
  ['bm', 'llm.batching'],
  ['llo', 'lpu.overrides.layerOverheadUs'],
  ['gc8', 'gpu.overrides.computeEfficiencyFp8'],
  ['gao', 'gpu.overrides.allReduceOverheadUs'],
  ['gro', 'gpu.overrides.requestOverheadMs'],
  ['gq8', 'gpu.overrides.int8StreamEfficiency'],
  ['gq4', 'gpu.overrides.int4StreamEfficiency'],
  ['gqf', 'gpu.overrides.fp8StreamEfficiency'],
  ['gkv', 'gpu.overrides.kvReadEfficiency'],
  ['gme', 'gpu.overrides.expertComputeEfficiency'],
  ['gm8', 'gpu.overrides.expertComputeEfficiencyFp8'],
  ['sm', 'llm.sweepMachine'],
] as const;

/**
 * Keys outside the map: `v` (format version), `p` (preset id), `c` (custom model present:
 * 1 or ~), `a` (the pinned scenario A of compare, as `key:value` pairs joined by `,`
 * that differ from the link's own scenario; see docs/scenario-format.md).
 */
export const RESERVED_KEYS = ['v', 'p', 'c', 'a'] as const;

/**
 * The id of the control that edits a field, as used in `classroom.hidden` and tour
 * highlights: the path in kebab case without the `overrides` level,
 * 'gpu.overrides.hbmBandwidthTBps' -> 'gpu-hbm-bandwidth-tbps'.
 */
export function controlId(path: string): string {
  return path
    .replace('.overrides.', '.')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\./g, '-')
    .toLowerCase();
}

/**
 * Everything a classroom author can hide, in link order: the four panels, then one
 * control per editable field. A link writes a listed id as `_` + its index in base 36.
 */
export const HIDEABLE_IDS: readonly string[] = [
  'dataflow',
  'sram',
  'interconnect',
  'latency',
  ...LINK_KEYS.map(([, path]) => path)
    .filter((p) => !p.startsWith('view.') && !p.startsWith('classroom.') && p !== 'lpu.chip')
    .map(controlId),
];
