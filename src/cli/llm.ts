// `npm run sim -- llm --model ID --machine CHIP_ID|GPU_ID [--chips N] --batch B --prompt P --output O
//  --weights P [--kv P] [--activations P] [--topology T] [--stack S] [--batching static|continuous]
//  [--speculative off|mtp|draft=MODEL[,k=N][,accept=P]] [--prefill-machine ID [--prefill-chips N]]` or `npm run sim -- llm --scenario FILE.json
//  [--machine CHIP_ID|GPU_ID]`: one machine serving one LLM workload, one JSON object out.
// With --prefill-machine the machine named by --machine decodes and that one prefills (an SRAM
// machine and a GPU, either way round): the object gains `prefill` and `pair`.
// A workload that does not fit prints fits: false and a message (exit 0); bad arguments exit 1.
import {
  BATCHING_MODES,
  CHIP_IDS,
  GPU_IDS,
  MODEL_IDS,
  PRECISIONS,
  STACK_IDS,
  TOPOLOGIES,
  type GpuId,
  type Scenario,
} from '../scenario/types';
import { DEFAULT_SCENARIO, cloneScenario } from '../scenario/defaults';
import { parseScenario } from '../scenario/parse';
import { crossFieldProblems } from '../scenario/schema';
import { createInterconnect } from '../engine/interconnect';
import { loadWasmModule } from '../engine/wasmNode';
import { gpuInputs, lpuInputs } from '../engine/llm/simulate';
import { runGpu } from '../engine/llm/gpu';
import { runLpu } from '../engine/llm/lpu';
import { resolveModel } from '../engine/llm/models';
import { llmInputProblems } from '../engine/llm/validate';
import type { DisaggResult, MachineResult } from '../engine/types';
import { disaggregate } from '../engine/llm/disaggregated';
import { choiceFlag, intFlag, parseFlags, refuseProblems, UsageError } from './args';
import { readScenarioJson, showPath } from './scenarioFile';
import { FIELDS } from '../scenario/fields';
import { parseSpeculative } from './speculativeFlag';

const MACHINES = [...CHIP_IDS, ...GPU_IDS] as const;
type MachineId = (typeof MACHINES)[number];
const isChip = (m: MachineId): m is (typeof CHIP_IDS)[number] => (CHIP_IDS as readonly string[]).includes(m);
/** The flag that sets each scenario field, from the field registry (--chips sets lpu.chips or gpu.gpus by machine). */
const FIELD_FLAGS: Record<string, string> = Object.fromEntries(
  FIELDS.filter((f) => f.cli !== undefined && !f.path.startsWith('gemm.')).map((f) => [f.path, f.cli as string]),
);
const FLAGS = ['machine', 'chips', ...Object.values(FIELD_FLAGS), 'scenario', 'prefill-machine', 'prefill-chips'];

interface LlmCliRequest {
  scenario: Scenario;
  machine: MachineId;
}

export async function parseLlmArgs(args: string[]): Promise<LlmCliRequest> {
  const flags = parseFlags(args, FLAGS);
  const file = flags.get('scenario');
  if (file !== undefined) {
    const extra = [...flags.keys()].filter((k) => k !== 'scenario' && k !== 'machine');
    if (extra.length > 0)
      throw new UsageError(`--scenario cannot be combined with ${extra.map((k) => '--' + k).join(', ')} (edit the scenario file instead)`);
    const doc = await readScenarioJson(file);
    const { scenario, problems } = parseScenario(doc, { what: 'file' });
    if (problems.length > 0)
      throw new UsageError(`--scenario ${showPath(file)}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    const machine = choiceFlag(flags, 'machine', MACHINES, scenario.lpu.chip);
    if (isChip(machine)) scenario.lpu = { ...scenario.lpu, chip: machine };
    else scenario.gpu = { ...scenario.gpu, gpu: machine };
    return { scenario, machine };
  }
  const s = cloneScenario(DEFAULT_SCENARIO);
  const machine = choiceFlag(flags, 'machine', MACHINES, 'lpu');
  s.llm = {
    ...s.llm,
    model: choiceFlag(flags, 'model', MODEL_IDS, 'llama-2-70b'),
    custom: null,
    batch: intFlag(flags, 'batch', 'llm.batch', s.llm.batch),
    prompt: intFlag(flags, 'prompt', 'llm.prompt', s.llm.prompt),
    output: intFlag(flags, 'output', 'llm.output', s.llm.output),
    weights: choiceFlag(flags, 'weights', PRECISIONS, s.llm.weights),
    batching: choiceFlag(flags, 'batching', BATCHING_MODES, s.llm.batching),
  };
  const spec = flags.get('speculative');
  if (spec !== undefined) s.llm.speculative = parseSpeculative(spec, s.llm.speculative);
  s.llm.kv = choiceFlag(flags, 'kv', PRECISIONS, s.llm.weights === 'int4' ? 'fp8' : bytesWide(s.llm.weights));
  s.llm.activations = choiceFlag(flags, 'activations', PRECISIONS, bytesWide(s.llm.weights));
  const chipsField = isChip(machine) ? 'lpu.chips' : 'gpu.gpus';
  const chips = flags.has('chips') ? intFlag(flags, 'chips', chipsField) : null;
  if (isChip(machine)) {
    if (flags.has('stack'))
      throw new UsageError(
        `--stack applies to GPU machines only (the SRAM machine runs its own compiled schedule); one of ${STACK_IDS.join(', ')}`,
      );
    s.lpu = { ...s.lpu, chip: machine, chips, topology: choiceFlag(flags, 'topology', TOPOLOGIES, s.lpu.topology) };
  } else {
    if (flags.has('topology'))
      throw new UsageError(`--topology applies to the SRAM machines only (${CHIP_IDS.join(', ')}; GPUs use NVSwitch)`);
    s.gpu = { ...s.gpu, gpu: machine as GpuId, gpus: chips, tp: null, stack: choiceFlag(flags, 'stack', STACK_IDS, s.gpu.stack) };
  }
  if (flags.has('prefill-machine')) setPrefillMachine(s, flags, machine);
  else if (flags.has('prefill-chips')) throw new UsageError('--prefill-chips needs --prefill-machine');
  // Each flag is within its field's limits; now the rules between fields (prompt + output
  // within the context), as the app applies them.
  const flagOf = (field: string): string | undefined =>
    field === chipsField ? 'chips' : field.startsWith('llm.speculative.') ? 'speculative' : FIELD_FLAGS[field];
  refuseProblems(crossFieldProblems(s), flagOf);
  return { scenario: s, machine };
}

/** The pair's other machine: it prefills, `machine` decodes. The app pairs its SRAM machine and its GPU. */
function setPrefillMachine(s: Scenario, flags: Map<string, string>, machine: MachineId): void {
  const prefill = choiceFlag(flags, 'prefill-machine', MACHINES);
  if (isChip(prefill) === isChip(machine))
    throw new UsageError(
      `--prefill-machine must be ${isChip(machine) ? `a GPU (${GPU_IDS.join(', ')})` : `an SRAM machine (${CHIP_IDS.join(', ')})`} when --machine is ${machine}: a pair is one SRAM machine and one GPU; got ${prefill}`,
    );
  const chips = flags.has('prefill-chips') ? intFlag(flags, 'prefill-chips', isChip(prefill) ? 'lpu.chips' : 'gpu.gpus') : null;
  if (isChip(prefill)) s.lpu = { ...s.lpu, chip: prefill, chips };
  else s.gpu = { ...s.gpu, gpu: prefill, gpus: chips, tp: null };
  s.llm.disagg = isChip(prefill) ? 'sram-to-gpu' : 'gpu-to-sram';
}

/** Default KV / activation format for a weight format: 16-bit unless the weights are 8-bit floats. */
function bytesWide(w: Scenario['llm']['weights']): Scenario['llm']['weights'] {
  return w === 'fp8' ? 'fp8' : w === 'bf16' ? 'bf16' : 'fp16';
}

/** One machine's figures as the CLI prints them: MachineResult without the per-chip and timeline detail. */
export type LlmCliOutput = Omit<
  MachineResult,
  'occupancy' | 'network' | 'breakdown' | 'chipsNeeded' | 'microBatches' | 'microBatchSize' | 'simulatedStages' | 'simulatedLayers'
> & {
  model: string;
  chipsNeeded: number | null;
  /** Micro-batches of users in flight through the stages, users per micro-batch, stages simulated event by event. */
  microBatches: number;
  microBatchSize: number;
  simulatedStages: number;
  breakdownMs: MachineResult['breakdown'];
  workload: Scenario['llm'];
  /** With --prefill-machine: that machine's own figures, and the pair's. */
  prefill?: { machine: string; name: string; fits: boolean; chips: number; ttftMs: number; message?: string };
  pair?: DisaggResult;
};

export async function runLlmCliToObject(args: string[]): Promise<LlmCliOutput> {
  const { scenario, machine } = await parseLlmArgs(args);
  const invalid = llmInputProblems(scenario);
  if (invalid.length > 0)
    throw new UsageError(
      invalid.map((p) => (p.field.startsWith('llm.speculative.') ? `--speculative: ${p.message}` : p.message)).join('; '),
    );
  const net = createInterconnect(await loadWasmModule('interconnect'));
  // the CLI prints no timeline: ask the simulator for none
  const runSram = () => runLpu({ ...lpuInputs(scenario), maxEvents: 0 }, net).result;
  const runGpuSide = () => runGpu({ ...gpuInputs(scenario), maxEvents: 0 }, net).result;
  const r = isChip(machine) ? runSram() : runGpuSide();
  let pairPart: Pick<LlmCliOutput, 'prefill' | 'pair'> = {};
  if (scenario.llm.disagg !== 'off') {
    const other = isChip(machine) ? runGpuSide() : runSram();
    const [lpu, gpu] = isChip(machine) ? [r, other] : [other, r];
    const pair = disaggregate(scenario, resolveModel(scenario.llm), lpu, gpu);
    pairPart = {
      prefill: {
        machine: isChip(machine) ? scenario.gpu.gpu : scenario.lpu.chip,
        name: other.name,
        fits: other.fits,
        chips: other.chips,
        ttftMs: other.ttftMs,
        ...(other.message ? { message: other.message } : {}),
      },
      ...(pair ? { pair } : {}),
    };
  }
  return {
    machine,
    name: r.name,
    model: resolveModel(scenario.llm).name,
    fits: r.fits,
    ...(r.message ? { message: r.message } : {}),
    chips: r.chips,
    chipsNeeded: Number.isFinite(r.chipsNeeded) ? r.chipsNeeded : null,
    tensorParallel: r.tensorParallel,
    pipelineStages: r.pipelineStages,
    microBatches: r.microBatches ?? 1,
    microBatchSize: r.microBatchSize ?? r.chips,
    simulatedStages: r.simulatedStages ?? r.pipelineStages,
    ttftMs: r.ttftMs,
    p99TtftMs: r.p99TtftMs,
    tpotMs: r.tpotMs,
    p99TpotMs: r.p99TpotMs,
    tokensPerSecondPerUser: r.tokensPerSecondPerUser,
    systemTokensPerSecond: r.systemTokensPerSecond,
    outputTokensPerSecond: r.outputTokensPerSecond,
    answerMs: r.answerMs,
    costPerMillionTokensUsd: r.costPerMillionTokensUsd,
    joulesPerToken: r.joulesPerToken,
    powerW: r.powerW,
    costPerHourUsd: r.costPerHourUsd,
    breakdownMs: r.breakdown,
    ...(r.speculation ? { speculation: r.speculation } : {}),
    workload: scenario.llm,
    ...pairPart,
  };
}

export async function runLlmCli(args: string[]): Promise<void> {
  const out = await runLlmCliToObject(args);
  process.stdout.write(JSON.stringify(out) + '\n');
}
