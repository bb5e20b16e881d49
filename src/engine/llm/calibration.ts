// The calibration corpus: published serving measurements (corpus/serving-corpus.json, each
// with its source), the model's value for each, the signed error and the aggregate by regime.
// A case is "fitted" when a preset figure names it in its "Fitted on" source (the presets are
// the one home of that list), otherwise "checked": the model never saw it.
import type { CalibrationRow, MachineResult } from '../types';
import {
  CHIP_IDS,
  type Batching,
  type ChipId,
  type GpuId,
  type ModelId,
  type Precision,
  type Scenario,
  type StackId,
} from '../../scenario/types';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';
import type { Interconnect } from './analyticNetwork';
import { CHIPS, GPUS } from './hardware';
import { MODELS } from './models';
import { STACKS } from './stacks';
import { gpuInputs, lpuInputs } from './simulate';
import { runGpu } from './gpu';
import { runLpu } from './lpu';
import corpus from './corpus/serving-corpus.json';

type CalibrationMetric = CalibrationRow['metric'];

export interface CorpusCase {
  id: string;
  model: ModelId;
  machine: ChipId | GpuId;
  /** GPUs or chips; absent = the minimum that fits. */
  chips?: number;
  batch: number;
  prompt: number;
  output: number;
  weights: Precision;
  activations?: Precision;
  kv?: Precision;
  stack?: StackId;
  batching?: Batching;
  metric: CalibrationMetric;
  value: number;
  /** Speculative decoding the measurement used (absent: none). */
  speculative?: { mode: 'draft' | 'mtp'; k: number; accept: number; draft?: ModelId };
  /** A published case the model does not reproduce, and what it leaves out that the case needs (shown with the row). */
  outsideModel?: string;
  source: string;
  note?: string;
}

export const CORPUS: readonly CorpusCase[] = corpus as CorpusCase[];

/** The case ran on an SRAM-only machine (a CHIPS preset), not a GPU. */
export const onSramMachine = (c: Pick<CorpusCase, 'machine'>): c is { machine: ChipId } =>
  (CHIP_IDS as readonly string[]).includes(c.machine);

export const REGIMES = [
  'batch-1 decode',
  'quantised-weight decode',
  'time to first token',
  'continuous batching',
  'large-batch throughput',
  'mixture-of-experts',
  'SRAM machine',
  'speculative decoding',
] as const;
export type Regime = (typeof REGIMES)[number];

/** Every case within this |error|; the corpus median within MEDIAN_TARGET (issue "Serving model v2"). */
export const CASE_TOLERANCE = 0.3;
export const MEDIAN_TARGET = 0.1;

export function regimeOf(c: CorpusCase): Regime {
  if (onSramMachine(c)) return 'SRAM machine';
  if (c.speculative) return 'speculative decoding';
  if (MODELS[c.model].experts > 1) return 'mixture-of-experts';
  if (c.metric === 'ttftMs') return 'time to first token';
  if (c.batching === 'continuous') return 'continuous batching';
  if (c.metric === 'outputTokensPerSecondPerChip') return 'large-batch throughput';
  if (c.weights === 'int8' || c.weights === 'int4' || c.weights === 'mxfp4') return 'quantised-weight decode';
  return 'batch-1 decode';
}

/** Activations and KV default to the weights' width; weight-only int formats compute in 16 bits. */
function wideFormat(w: Precision): Precision {
  return w === 'int8' || w === 'int4' || w === 'mxfp4' ? 'fp16' : w;
}

/** The scenario a case describes (the default scenario with the case's settings). */
export function caseScenario(c: CorpusCase): Scenario {
  const s = cloneScenario(DEFAULT_SCENARIO);
  const wide = wideFormat(c.weights);
  s.llm = {
    ...s.llm,
    model: c.model,
    custom: null,
    batch: c.batch,
    prompt: c.prompt,
    output: c.output,
    weights: c.weights,
    activations: c.activations ?? wide,
    kv: c.kv ?? wide,
    batching: c.batching ?? 'static',
    speculative: c.speculative ? { ...s.llm.speculative, ...c.speculative } : { ...s.llm.speculative, mode: 'off' },
  };
  if (onSramMachine(c)) s.lpu = { ...s.lpu, chip: c.machine, chips: c.chips ?? null };
  else s.gpu = { ...s.gpu, gpu: c.machine as GpuId, gpus: c.chips ?? null, tp: null, stack: c.stack ?? s.gpu.stack };
  return s;
}

export function metricOf(r: MachineResult, metric: CalibrationMetric): number {
  switch (metric) {
    case 'tpotMs':
      return r.tpotMs;
    case 'ttftMs':
      return r.ttftMs;
    case 'tokensPerSecondPerUser':
      return r.tokensPerSecondPerUser;
    case 'outputTokensPerSecondPerChip':
      return r.outputTokensPerSecond / r.chips;
  }
}

/** The machine result of a case's scenario. */
export function runCase(c: CorpusCase, net: Interconnect): MachineResult {
  const s = caseScenario(c);
  const r = onSramMachine(c)
    ? runLpu({ ...lpuInputs(s), maxEvents: 0 }, net).result
    : runGpu({ ...gpuInputs(s), maxEvents: 0 }, net).result;
  if (!r.fits) throw new Error(`calibration case ${c.id} does not fit: ${r.message ?? ''}`);
  return r;
}

/** A preset figure whose source says it was fitted, with its value and that source. */
interface FittedFigure {
  owner: string;
  field: string;
  value: number;
  text: string;
}

// The presets are frozen: found once (the claims card asks for them on every render).
let fitted: readonly FittedFigure[] | null = null;

/** Every figure of the presets (chip, GPUs, stacks) whose source says "Fitted on". */
export function fittedFigures(): readonly FittedFigure[] {
  return (fitted ??= findFittedFigures());
}

function findFittedFigures(): FittedFigure[] {
  const owners: [string, Record<string, unknown>, Record<string, string>][] = [
    ...Object.values(CHIPS).map(
      (c) => [c.id, c as unknown as Record<string, unknown>, c.sources] as [string, Record<string, unknown>, Record<string, string>],
    ),
    ...Object.values(GPUS).map(
      (g) => [g.id, g as unknown as Record<string, unknown>, g.sources] as [string, Record<string, unknown>, Record<string, string>],
    ),
    ...Object.values(STACKS).map(
      (s) => [s.id, s as unknown as Record<string, unknown>, s.sources] as [string, Record<string, unknown>, Record<string, string>],
    ),
  ];
  return owners.flatMap(([owner, obj, sources]) =>
    Object.entries(sources)
      .filter(([, t]) => /fitted on/i.test(t))
      .map(([field, text]) => ({ owner, field, value: obj[field] as number, text })),
  );
}

let fittedTexts: readonly string[] | null = null;
const fittedSources = (): readonly string[] => (fittedTexts ??= fittedFigures().map((f) => f.text));

/** Preset figures fitted on a case: the source texts that name its id. */
export function fittedBy(id: string): string[] {
  const word = new RegExp(`(^|[^a-z0-9-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`);
  return fittedSources().filter((t) => word.test(t));
}

export function calibrationRows(net: Interconnect, cases: readonly CorpusCase[] = CORPUS): CalibrationRow[] {
  return cases.map((c) => calibrationRow(c, net));
}

/** One case of the corpus: its setting, the published figure and the modelled one. */
export function calibrationRow(c: CorpusCase, net: Interconnect): CalibrationRow {
  const r = runCase(c, net);
  const modelled = metricOf(r, c.metric);
  const setting =
    `${MODELS[c.model].name}, ${r.chips} x ${r.name}${c.stack ? `, ${STACKS[c.stack].name.split(' (')[0]}` : ''}, ${c.weights}` +
    `, ${c.batching === 'continuous' ? 'concurrency' : 'batch'} ${c.batch}, ${c.prompt} in / ${c.output} out` +
    (c.speculative
      ? `, speculative ${c.speculative.mode === 'draft' ? `draft ${c.speculative.draft ?? ''}` : 'head'} k=${c.speculative.k} accept=${c.speculative.accept}`
      : '');
  return {
    id: c.id,
    regime: regimeOf(c),
    setting,
    source: c.source,
    metric: c.metric,
    published: c.value,
    modelled,
    error: (modelled - c.value) / c.value,
    tolerance: CASE_TOLERANCE,
    status: fittedBy(c.id).length > 0 ? 'fitted' : 'checked',
    ...(c.outsideModel ? { outsideModel: c.outsideModel } : {}),
  };
}

interface RegimeSummary {
  regime: Regime;
  cases: number;
  medianAbsError: number;
  maxAbsError: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Aggregate |error| by regime (regimes with no case are left out) and over the whole corpus. */
export function summarise(rows: readonly CalibrationRow[]): { byRegime: RegimeSummary[]; all: Omit<RegimeSummary, 'regime'> } {
  const stats = (rs: readonly CalibrationRow[]) => {
    const abs = rs.map((r) => Math.abs(r.error));
    return { cases: rs.length, medianAbsError: median(abs), maxAbsError: abs.length ? Math.max(...abs) : 0 };
  };
  return {
    byRegime: REGIMES.map((regime) => ({ regime, ...stats(rows.filter((r) => r.regime === regime)) })).filter((s) => s.cases > 0),
    all: stats(rows),
  };
}

/** A preset figure fitted on corpus cases, with those cases. */
interface FittedInput {
  field: string;
  value: number;
  cases: string[];
}

/**
 * A chip's figures fitted on its own published speeds (the vendor's claims and a benchmark of
 * its service): a verdict on the talk's claims rests on them. Default: the talk's GroqChip 1.
 */
export function sramFittedInputs(chip: ChipId = 'lpu'): FittedInput[] {
  const spec = CHIPS[chip];
  const lpuCases = CORPUS.filter((c) => c.machine === chip).map((c) => c.id);
  return Object.entries(spec.sources)
    .map(([field, text]) => ({
      field,
      value: (spec as unknown as Record<string, number>)[field],
      cases: lpuCases.filter((id) => fittedBy(id).includes(text)),
    }))
    .filter((f) => f.cases.length > 0);
}
