// Stable short names for links (docs/scenario-format.md, "Link key map") and the ids of
// hideable controls. Both lists are part of the link format: append only, never reorder,
// rename or remove an entry (old links would change meaning).
import { FIELDS } from './fields';

/**
 * The link keys in link order (each field's key is declared in the field registry,
 * fields.ts). The order is the format's: hidden controls are written by their index in it.
 */
export const LINK_ORDER: readonly string[] = [
  'ar',
  'ac',
  'df',
  'm',
  'k',
  'n',
  's',
  'mo',
  'b',
  'pi',
  'po',
  'pw',
  'pa',
  'pk',
  'cid',
  'cn',
  'cl',
  'chd',
  'cha',
  'ckv',
  'cdh',
  'cf',
  'cg',
  'cv',
  'ce',
  'cae',
  'cp',
  'cs',
  'lx',
  'lc',
  'lt',
  'lsm',
  'lck',
  'lf16',
  'li8',
  'lsb',
  'lln',
  'llb',
  'lhl',
  'lcn',
  'lpw',
  'lpr',
  'lce',
  'gx',
  'gc',
  'gt',
  'gj',
  'ghm',
  'ghb',
  'gbf',
  'gf8',
  'gi8',
  'gf4',
  'gnv',
  'gpn',
  'gib',
  'gil',
  'gnl',
  'gpw',
  'gpr',
  'ghe',
  'gce',
  'glo',
  'gjc',
  'vp',
  'vc',
  'vt',
  'vr',
  'xh',
  'xl',
  // Added after v2 shipped: new keys go last so hidden-id indices stay stable.
  'lse',
  'gs',
  'bm',
  'llo',
  'gc8',
  'gao',
  'gro',
  'gq8',
  'gq4',
  'gqf',
  'gkv',
  'gme',
  'gm8',
  'sm',
  // Issue 11: optional model-shape features (MoE shared/dense layers, MLA, sliding window, MTP).
  'cse',
  'cdl',
  'cdf',
  'ckr',
  'crd',
  'cqr',
  'csw',
  'csl',
  'cmt',
  // Issue 11: speculative decoding.
  'sp',
  'sd',
  'sk',
  'sa',
  // Issue 11: disaggregated serving.
  'dg',
  'lio',
];

const PATH_OF_KEY = new Map(FIELDS.map((f) => [f.key, f.path]));

/** Link key -> scenario field path, in link order. */
export const LINK_KEYS: readonly (readonly [key: string, path: string])[] = LINK_ORDER.map((key) => {
  const path = PATH_OF_KEY.get(key);
  if (!path) throw new Error(`link key ${key} has no field in the registry`);
  return [key, path] as const;
});

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
  ...LINK_KEYS.flatMap(([key, path]) =>
    // The chip (lx) became a choice after links had numbered the ids: it takes the index after
    // the last key of that time (cmt), so every earlier id keeps its index.
    path === 'lpu.chip' || path.startsWith('view.') || path.startsWith('classroom.')
      ? []
      : key === 'cmt'
        ? [controlId(path), controlId('lpu.chip')]
        : [controlId(path)],
  ),
];
