// Fits the named preset figures to the calibration cases each one cites ("Fitted on: ...")
// and prints the values: `npx tsx scripts/fit-calibration.ts`. Each group minimises the sum of
// squared log errors of its own cases by coordinate descent within physical bounds; the
// result is copied by hand into the presets (hardware.ts, stacks.ts), where the sources say so.
import { createInterconnect } from '../src/engine/interconnect';
import { loadWasmModule } from '../src/engine/wasmNode';
import { CORPUS, metricOf, runCase } from '../src/engine/llm/calibration';
import { GPUS, LPU_CHIP } from '../src/engine/llm/hardware';
import { STACKS } from '../src/engine/llm/stacks';

interface Param { name: string; get: () => number; set: (v: number) => void; lo: number; hi: number }
const on = <T extends object>(objs: T[], key: keyof T, name: string, lo: number, hi: number): Param => ({
  name, lo, hi, get: () => objs[0][key] as number, set: (v) => { for (const o of objs) (o as Record<keyof T, number>)[key] = v; },
});
const A100 = [GPUS['a100-80gb'], GPUS['a100-40gb']];
const ALL_GPUS = Object.values(GPUS);
const HOPPER = [GPUS['h100-sxm'], GPUS.h200, GPUS.b200];

const GROUPS: { params: Param[]; cases: string[] }[] = [
  {
    params: [
      on(A100, 'hbmEfficiency', 'A100 hbmEfficiency', 0.5, 0.9),
      on([STACKS.pytorch], 'launchOverheadUsPerLayer', 'pytorch launchOverheadUsPerLayer', 0, 200),
      on([STACKS.pytorch], 'int8StreamEfficiency', 'pytorch int8StreamEfficiency', 0.3, 1),
      on([STACKS.pytorch], 'int4StreamEfficiency', 'pytorch int4StreamEfficiency', 0.3, 1),
      on(ALL_GPUS, 'nvlinkLatencyUs', 'GPU nvlinkLatencyUs', 0.1, 3),
      on([STACKS.pytorch], 'allReduceOverheadUs', 'pytorch allReduceOverheadUs', 0, 60),
    ],
    cases: ['gptfast-7b-int8', 'gptfast-7b-int4', 'gptfast-70b-int8-1xa100', 'gptfast-70b-int4-1xa100', 'gptfast-70b-tp2', 'gptfast-70b-tp4', 'gptfast-7b-tp2-a100', 'gptfast-7b-tp4-a100', 'gptfast-7b-tp8-a100'],
  },
  {
    params: [
      on(A100, 'computeEfficiency', 'A100 computeEfficiency', 0.3, 0.95),
      on(HOPPER, 'computeEfficiencyFp8', 'Hopper/Blackwell computeEfficiencyFp8', 0.2, 0.95),
      on([STACKS['tensorrt-llm']], 'launchOverheadUsPerLayer', 'tensorrt-llm launchOverheadUsPerLayer', 0, 200),
      on([STACKS['tensorrt-llm']], 'requestOverheadMs', 'tensorrt-llm requestOverheadMs', 0, 30),
      on([STACKS['tensorrt-llm']], 'allReduceOverheadUs', 'tensorrt-llm allReduceOverheadUs', 0, 60),
      on(HOPPER, 'hbmEfficiency', 'Hopper/Blackwell hbmEfficiency', 0.5, 0.9),
    ],
    cases: ['trt-7b-a100-ttft-2048', 'trt-70b-a100-ttft-2048', 'trt-7b-h100-ttft-2048', 'trt-70b-h100-ttft-2048', 'trt-70b-h100-ttft-128', 'ft-13b-a100-40-tp1', 'ft-13b-a100-40-tp2', 'nim-70b-tpot-c1'],
  },
  {
    params: [on([STACKS['tensorrt-llm'], STACKS.vllm, STACKS.pytorch], 'expertComputeEfficiencyFp8', 'expertComputeEfficiencyFp8', 0.05, 1)],
    cases: ['trtllm-v090-mixtral-h100-fp8-tp2-ttft-2048', 'trtllm-v090-mixtral-h100-fp8-tp2-bs512-128-128'],
  },
  {
    params: [on([STACKS['tensorrt-llm'], STACKS.vllm, STACKS.pytorch], 'expertComputeEfficiency', 'expertComputeEfficiency', 0.05, 1)],
    cases: ['trtllm-v090-mixtral-a100-fp16-tp2-bs512-128-128'],
  },
  {
    params: [on([LPU_CHIP], 'sramEfficiency', 'LPU sramEfficiency', 0.05, 1), on([LPU_CHIP], 'layerOverheadUs', 'LPU layerOverheadUs', 0, 200)],
    cases: ['groq-70b-llmperf-decode', 'groq-l2-7b-750'],
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

for (const g of GROUPS) {
  for (let round = 0; round < 4; round++) {
    for (const p of g.params) {
      // golden-section search over [lo, hi] (log scale when lo > 0)
      const log = p.lo > 0;
      const to = (x: number) => (log ? Math.exp(x) : x);
      let a = log ? Math.log(p.lo) : p.lo;
      let b = log ? Math.log(p.hi) : p.hi;
      const phi = (Math.sqrt(5) - 1) / 2;
      const f = (x: number) => { p.set(to(x)); return loss(g.cases); };
      let c = b - phi * (b - a);
      let d = a + phi * (b - a);
      let fc = f(c);
      let fd = f(d);
      for (let it = 0; it < 18; it++) {
        if (fc < fd) { b = d; d = c; fd = fc; c = b - phi * (b - a); fc = f(c); }
        else { a = c; c = d; fc = fd; d = a + phi * (b - a); fd = f(d); }
      }
      p.set(to((a + b) / 2));
    }
  }
  console.log(`loss ${loss(g.cases).toFixed(4)} over ${g.cases.join(', ')}`);
  for (const p of g.params) console.log(`  ${p.name} = ${p.get().toPrecision(3)}`);
}
