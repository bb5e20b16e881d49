// Fits the named preset figures to the calibration cases each one cites ("Fitted on: ...")
// and prints the values: `npx tsx scripts/fit-calibration.ts`. Each group minimises the sum of
// squared log errors of its own cases by coordinate descent within physical bounds; the
// result is copied by hand into the presets (hardware.ts, stacks.ts), where the sources say so.
import { createInterconnect } from '../src/engine/interconnect';
import { loadWasmModule } from '../src/engine/wasmNode';
import { CORPUS, fittedFigures, metricOf, runCase } from '../src/engine/llm/calibration';
import { CHIPS, GPUS, LPU_CHIP } from '../src/engine/llm/hardware';
import { STACKS } from '../src/engine/llm/stacks';

interface Param {
  name: string;
  get: () => number;
  set: (v: number) => void;
  lo: number;
  hi: number;
  start: number;
  field: string;
  owner: string;
}
// `start`: where the descent begins (fixed, so the printed values are reproducible): the
// figures as fitted before the embedding and output head got their own format.
const on = <T extends object>(objs: T[], key: keyof T, name: string, lo: number, hi: number, start: number): Param => ({
  name,
  lo,
  hi,
  start,
  field: String(key),
  owner: String((objs[0] as { id?: string }).id),
  get: () => objs[0][key] as number,
  set: (v) => {
    for (const o of objs) (o as Record<keyof T, number>)[key] = v;
  },
});
const A100 = [GPUS['a100-80gb'], GPUS['a100-40gb']];
const ALL_GPUS = Object.values(GPUS);
const HOPPER = [GPUS['h100-sxm'], GPUS.h200, GPUS.b200];

const GROUPS: { params: Param[] }[] = [
  {
    params: [
      on(A100, 'hbmEfficiency', 'A100 hbmEfficiency', 0.5, 0.9, 0.793),
      on([STACKS.pytorch], 'launchOverheadUsPerLayer', 'pytorch launchOverheadUsPerLayer', 0, 200, 40.3),
      on([STACKS.pytorch], 'int8StreamEfficiency', 'pytorch int8StreamEfficiency', 0.3, 1, 0.843),
      on([STACKS.pytorch], 'int4StreamEfficiency', 'pytorch int4StreamEfficiency', 0.3, 1, 0.572),
      on(ALL_GPUS, 'nvlinkLatencyUs', 'GPU nvlinkLatencyUs', 0.1, 3, 0.1),
      on([STACKS.pytorch], 'allReduceOverheadUs', 'pytorch allReduceOverheadUs', 0, 60, 7.71),
    ],
  },
  {
    params: [
      on(A100, 'computeEfficiency', 'A100 computeEfficiency', 0.3, 0.95, 0.746),
      on(HOPPER, 'computeEfficiencyFp8', 'Hopper/Blackwell computeEfficiencyFp8', 0.2, 0.95, 0.538),
      on([STACKS['tensorrt-llm']], 'launchOverheadUsPerLayer', 'tensorrt-llm launchOverheadUsPerLayer', 0, 200, 34.8),
      on([STACKS['tensorrt-llm']], 'requestOverheadMs', 'tensorrt-llm requestOverheadMs', 0, 30, 11.6),
      on([STACKS['tensorrt-llm']], 'allReduceOverheadUs', 'tensorrt-llm allReduceOverheadUs', 0, 60, 26.4),
      on(HOPPER, 'hbmEfficiency', 'Hopper/Blackwell hbmEfficiency', 0.5, 0.9, 0.9),
    ],
  },
  {
    params: [
      on([STACKS['tensorrt-llm'], STACKS.vllm, STACKS.pytorch], 'expertComputeEfficiencyFp8', 'expertComputeEfficiencyFp8', 0.05, 1, 0.284),
    ],
  },
  {
    params: [
      on([STACKS['tensorrt-llm'], STACKS.vllm, STACKS.pytorch], 'expertComputeEfficiency', 'expertComputeEfficiency', 0.05, 1, 0.697),
    ],
  },
  {
    params: [
      on([LPU_CHIP], 'sramEfficiency', 'LPU sramEfficiency', 0.05, 1, 0.66),
      on([LPU_CHIP], 'layerOverheadUs', 'LPU layerOverheadUs', 0, 200, 35.4),
    ],
  },
  {
    params: [on([CHIPS['cerebras-wse3']], 'layerOverheadUs', 'Cerebras layerOverheadUs', 0.5, 100, 8)],
  },
  {
    params: [on([STACKS['tensorrt-llm-2025']], 'allReduceOverheadUs', 'tensorrt-llm-2025 allReduceOverheadUs', 0, 60, 33.1)],
  },
];

const net = createInterconnect(await loadWasmModule('interconnect'));
const byId = new Map(CORPUS.map((c) => [c.id, c]));
function loss(ids: string[]): number {
  let sum = 0;
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) throw new Error(`no case ${id}`);
    const e = Math.log(metricOf(runCase(c, net), c.metric) / c.value);
    sum += e * e;
  }
  return sum;
}

// A group's cases are the ones its figures' sources name ("Fitted on ..."): the presets are
// the one home of that list.
function casesOf(params: Param[]): string[] {
  const texts = fittedFigures()
    .filter((f) => params.some((p) => p.field === f.field && p.owner === f.owner))
    .map((f) => f.text);
  return CORPUS.map((c) => c.id).filter((id) => texts.some((t) => new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(t)));
}

for (const group of GROUPS) {
  const g = { ...group, cases: casesOf(group.params) };
  for (const p of g.params) p.set(p.start);
  // Four rounds from the fixed starts, on purpose: the fixed times per layer and
  // per all-reduce trade along a shallow valley the fitted cases cannot pin down. Run to
  // convergence (24 rounds) the fit drives TensorRT-LLM's per-layer time to 0 and the
  // checked cases' median |error| rises from 9.0% to 9.9% (docs/calibration.md): overfitting.
  for (let round = 0; round < 4; round++) {
    for (const p of g.params) {
      // golden-section search over [lo, hi] (log scale when lo > 0)
      const log = p.lo > 0;
      const to = (x: number) => (log ? Math.exp(x) : x);
      let a = log ? Math.log(p.lo) : p.lo;
      let b = log ? Math.log(p.hi) : p.hi;
      const phi = (Math.sqrt(5) - 1) / 2;
      const f = (x: number) => {
        p.set(to(x));
        return loss(g.cases);
      };
      let c = b - phi * (b - a);
      let d = a + phi * (b - a);
      let fc = f(c);
      let fd = f(d);
      for (let it = 0; it < 18; it++) {
        if (fc < fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - phi * (b - a);
          fc = f(c);
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + phi * (b - a);
          fd = f(d);
        }
      }
      p.set(to((a + b) / 2));
    }
  }
  console.log(`loss ${loss(g.cases).toFixed(4)} over ${g.cases.join(', ')}`);
  for (const p of g.params) console.log(`  ${p.name} = ${p.get().toPrecision(3)}`);
}
