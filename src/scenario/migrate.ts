// Older layouts of the document, rewritten into the current one before validation.
// Migration only moves and renames; it never judges values (the validator does that).
//
// Version 1 (the first release) kept the array apart from the GEMM, called the two
// machines `machine` and `baseline`, counted chips/GPUs as `count`, spelt the token counts
// `promptTokens`/`outputTokens` with precisions grouped under `precision`, had no
// classroom block, and used older names for two topologies and two panels.
import { SCENARIO_VERSION } from './types';

export const V1_TOPOLOGY_NAMES: Readonly<Record<string, string>> = {
  torus: 'torus2d',
  'all-to-all': 'fully-connected',
};
export const V1_PANEL_NAMES: Readonly<Record<string, string>> = {
  memory: 'sram',
  network: 'interconnect',
};

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
/** Copies `from[src]` to `to[dst]` only when present, so absent fields stay absent. */
function move(from: Obj, src: string, to: Obj, dst = src): void {
  if (Object.prototype.hasOwnProperty.call(from, src)) to[dst] = from[src];
}
const rename = (v: unknown, names: Readonly<Record<string, string>>): unknown =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(names, v) ? names[v] : v;

/** The version 1 layout, as written by the first release (values unchecked). */
export interface ScenarioV1 {
  v: 1;
  array: { rows: number; cols: number; dataflow: string };
  gemm: { m: number; k: number; n: number; seed: number };
  llm: {
    model: string;
    custom: unknown;
    batch: number;
    promptTokens: number;
    outputTokens: number;
    precision: { weights: string; activations: string; kv: string };
  };
  machine: { chip: string; overrides: Obj; count: number | null; topology: string };
  baseline: { gpu: string; overrides: Obj; count: number | null; tp: number | null; seed: number };
  view: { panel: string; cycle: number; tour: unknown; presenter: boolean };
}

/**
 * v1 -> v2. Takes untrusted input (any subset of the v1 layout); returns a v2-shaped
 * object holding whatever was present, for `parseScenario` to validate and complete.
 */
export function migrateV1ToV2(doc: unknown): Obj {
  const d = asObj(doc);
  const array = asObj(d.array);
  const gemm1 = asObj(d.gemm);
  const llm1 = asObj(d.llm);
  const precision = asObj(llm1.precision);
  const machine = asObj(d.machine);
  const baseline = asObj(d.baseline);
  const view1 = asObj(d.view);

  const gemm: Obj = {};
  for (const k of ['rows', 'cols', 'dataflow']) move(array, k, gemm);
  for (const k of ['m', 'k', 'n', 'seed']) move(gemm1, k, gemm);

  const llm: Obj = {};
  for (const k of ['model', 'custom', 'batch']) move(llm1, k, llm);
  move(llm1, 'promptTokens', llm, 'prompt');
  move(llm1, 'outputTokens', llm, 'output');
  for (const k of ['weights', 'activations', 'kv']) move(precision, k, llm);

  const lpu: Obj = {};
  for (const k of ['chip', 'overrides']) move(machine, k, lpu);
  move(machine, 'count', lpu, 'chips');
  if ('topology' in machine) lpu.topology = rename(machine.topology, V1_TOPOLOGY_NAMES);

  const gpu: Obj = {};
  for (const k of ['gpu', 'overrides', 'tp', 'seed']) move(baseline, k, gpu);
  move(baseline, 'count', gpu, 'gpus');

  const view: Obj = {};
  for (const k of ['cycle', 'tour', 'presenter']) move(view1, k, view);
  if ('panel' in view1) view.panel = rename(view1.panel, V1_PANEL_NAMES);

  const out: Obj = { v: 2 satisfies typeof SCENARIO_VERSION };
  if (isObj(d.array) || isObj(d.gemm)) out.gemm = gemm;
  if (isObj(d.llm)) out.llm = llm;
  if (isObj(d.machine)) out.lpu = lpu;
  if (isObj(d.baseline)) out.gpu = gpu;
  if (isObj(d.view)) out.view = view;
  return out;
}
