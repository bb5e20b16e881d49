// Checkable facts a tour step states about what its panel shows, and one pure evaluator.
// The unit test (tours.slow.test.ts) runs every step through the real engine and checks each fact;
// the overlay lists them under the narration. A fact compares live results, never a figure.
import type { GemmResult, LlmResult, MachineResult } from '../engine/types';
import { chipsUsed, ridgeIntensity } from '../engine/llm/metrics';
import { TALK_CLAIMS } from '../panels/latency/ratios';
import { pairAsMachine, pairRow, pairVerdicts, type PairFigure, type PairSide } from '../panels/latency/pairVerdicts';

const TALK_BUDGET_MS = TALK_CLAIMS.budgetMaxMs;

type FactMachine = 'lpu' | 'gpu';
export type Change = 'rises' | 'falls' | 'flat';
type BreakdownPart = 'computeMs' | 'memoryMs' | 'networkMs' | 'overheadMs';

export type TourFact =
  /** Some PE holds an input (A) value at the step's cycle: the canvas draws it. */
  | { kind: 'inputsVisible' }
  /** Weights are in the PEs and no input has entered yet (the preload). */
  | { kind: 'weightsOnlyVisible' }
  /** At least `share` of the PEs do a MAC at the step's cycle. */
  | { kind: 'macsVisible'; share: number }
  /** Outputs have been written to the ofmap SRAM by the step's cycle. */
  | { kind: 'outputsWritten' }
  /** Each operand element is read from SRAM exactly once over the run. */
  | { kind: 'operandsReadOnce' }
  /** The GEMM needs more than one fold. */
  | { kind: 'folds'; atLeast: number }
  /** Partial sums are read back from SRAM between folds. */
  | { kind: 'psumReadBack' }
  /** Same product, different SRAM traffic than the previous step. */
  | { kind: 'sramReadsDifferVsPrevious' }
  /** Time per output token against the previous step (flat: within `tolerance`, default 3%). */
  | { kind: 'tpotVsPrevious'; machine: FactMachine; change: Change; tolerance?: number }
  | { kind: 'ttftVsPrevious'; machine: FactMachine; change: Change }
  | { kind: 'systemThroughputVsPrevious'; machine: FactMachine; change: Change }
  | { kind: 'costPerTokenVsPrevious'; machine: FactMachine; change: Change }
  /** Chips (GPUs) in the system against the previous step. */
  | { kind: 'chipsVsPrevious'; machine: FactMachine; change: Change }
  /** Chips holding part of the model against the previous step. */
  | { kind: 'chipsUsedVsPrevious'; machine: FactMachine; change: Change }
  /** One part of the decode-step breakdown against the previous step. */
  | { kind: 'partVsPrevious'; machine: FactMachine; part: BreakdownPart; change: Change }
  /** A part's share of the decode step (breakdown) above / below a fraction. */
  | { kind: 'shareAbove'; machine: FactMachine; part: BreakdownPart; share: number }
  | { kind: 'shareBelow'; machine: FactMachine; part: BreakdownPart; share: number }
  /** The KV cache's share of the machine's memory grows against the previous step. */
  | { kind: 'kvShareVsPrevious'; machine: FactMachine; change: Change }
  /** Fewer chips hold the model than the system has: the rest are idle. */
  | { kind: 'chipsUsedBelowGiven'; machine: FactMachine }
  | { kind: 'fits'; machine: FactMachine }
  /** A phase's roofline point lies left of its machine's ridge: bound by memory bandwidth, not compute. */
  | { kind: 'leftOfRidge'; machine: FactMachine; phase: 'prefill' | 'decode' }
  /** Along the batch sweep, from the smallest batch that fits to the largest: speed per user falls, tokens/s per chip rises. */
  | { kind: 'sweepTrade'; machine: FactMachine }
  /** This machine beats the other one: tokens/s per user higher, or cost per token lower. */
  | { kind: 'fasterPerUser'; machine: FactMachine }
  | { kind: 'cheaperPerToken'; machine: FactMachine }
  /** The whole answer (prompt + all output) lands within the talk's 300 ms budget (00:22), or not. */
  | { kind: 'answerWithinBudget'; machine: FactMachine; within: boolean }
  /** Disaggregated serving: on `figure` the pair beats exactly these machines alone (the pair table's verdict). */
  | { kind: 'pairBeats'; figure: PairFigure; beats: PairSide[] };

/** The PE registers the canvas draws at the step's cycle (null: the empty array, cycle 0). */
export interface ShownPes {
  weight: Int32Array;
  input: Int32Array;
  active: Uint8Array;
  /** Cumulative SRAM counts at the end of the shown cycle: ifmap R, filter R, ofmap W, ofmap R. */
  sram: [number, number, number, number];
}

export interface FactContext {
  llm?: LlmResult | null;
  prevLlm?: LlmResult | null;
  gemm?: GemmResult | null;
  prevGemm?: GemmResult | null;
  pes?: ShownPes | null;
}

export interface FactCheck {
  ok: boolean;
  /** What was compared, with the values: for test messages and the overlay's tooltip. */
  detail: string;
  /** The values compared, short, shown beside the fact (e.g. '3.09 → 2.45 ms', '653 of 800 chips'). */
  shown?: string;
}

const MACHINE_LABEL: Record<FactMachine, string> = { lpu: 'SRAM system', gpu: 'GPU' };
const PART_LABEL: Record<BreakdownPart, string> = {
  computeMs: 'compute',
  memoryMs: 'memory',
  networkMs: 'network',
  overheadMs: 'overhead',
};
const CHANGE_LABEL: Record<Change, string> = { rises: 'rises', falls: 'falls', flat: 'does not move' };

/** The sentence the overlay shows for a fact. */
export function describeFact(f: TourFact): string {
  switch (f.kind) {
    case 'inputsVisible':
      return 'inputs (orange) are in the array';
    case 'weightsOnlyVisible':
      return 'weights are loaded, no input has entered yet';
    case 'macsVisible':
      return `at least ${Math.round(f.share * 100)}% of the cells multiply this cycle`;
    case 'outputsWritten':
      return 'outputs have been written to SRAM';
    case 'operandsReadOnce':
      return 'each operand is read from SRAM once';
    case 'folds':
      return `the GEMM takes ${f.atLeast} or more folds`;
    case 'psumReadBack':
      return 'partial sums are read back from SRAM';
    case 'sramReadsDifferVsPrevious':
      return 'SRAM reads differ from the previous step';
    case 'tpotVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: time per token ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'ttftVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: time to first token ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'systemThroughputVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: system tokens/s ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'costPerTokenVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: cost per token ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'chipsVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: ${f.machine === 'gpu' ? 'GPU' : 'chip'} count ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'chipsUsedVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: chips in use ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'partVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: the ${PART_LABEL[f.part]} bar ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'shareAbove':
      return `${MACHINE_LABEL[f.machine]}: ${PART_LABEL[f.part]} is over ${Math.round(f.share * 100)}% of a decode step`;
    case 'shareBelow':
      return `${MACHINE_LABEL[f.machine]}: ${PART_LABEL[f.part]} is under ${Math.round(f.share * 100)}% of a decode step`;
    case 'kvShareVsPrevious':
      return `${MACHINE_LABEL[f.machine]}: the KV cache's share of memory ${CHANGE_LABEL[f.change]} against the previous step`;
    case 'chipsUsedBelowGiven':
      return `${MACHINE_LABEL[f.machine]}: some of the chips given hold nothing (idle)`;
    case 'fits':
      return `${MACHINE_LABEL[f.machine]}: the model fits`;
    case 'leftOfRidge':
      return `${MACHINE_LABEL[f.machine]}: ${f.phase} lands left of the ridge on the roofline (bound by memory bandwidth)`;
    case 'sweepTrade':
      return `${MACHINE_LABEL[f.machine]}: along the sweep, bigger batches give more tokens/s per chip and fewer per user`;
    case 'fasterPerUser':
      return `${MACHINE_LABEL[f.machine]}: more tokens/s per user than the ${MACHINE_LABEL[other(f.machine)]}`;
    case 'cheaperPerToken':
      return `${MACHINE_LABEL[f.machine]}: a lower cost per token than the ${MACHINE_LABEL[other(f.machine)]}`;
    case 'answerWithinBudget':
      return `${MACHINE_LABEL[f.machine]}: the whole answer ${f.within ? 'lands within' : 'takes longer than'} the talk's ${TALK_BUDGET_MS} ms budget`;
    case 'pairBeats':
      return `the pair's ${lowerFirst(pairRow(f.figure).label)} beats ${beatenText(f.beats)}`;
  }
}

/** 'Time to first token (TTFT)' -> 'time to first token (TTFT)': abbreviations keep their case. */
const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

function beatenText(beats: PairSide[]): string {
  if (beats.length === 0) return 'neither machine alone';
  if (beats.length === 2) return 'both machines alone';
  return `the ${MACHINE_LABEL[beats[0]]} alone and not the ${MACHINE_LABEL[other(beats[0])]}`;
}

const other = (m: FactMachine): FactMachine => (m === 'lpu' ? 'gpu' : 'lpu');

/** Roofline and sweep points name the machine by id: 'lpu' or the GPU's. */
const isMachine = (id: string, m: FactMachine) => (id === 'lpu') === (m === 'lpu');

/** Whether a fact needs the previous step's results. */
export function needsPrevious(f: TourFact): boolean {
  return f.kind.endsWith('VsPrevious');
}

function breakdownTotal(m: MachineResult): number {
  const b = m.breakdown;
  return b.computeMs + b.memoryMs + b.networkMs + b.overheadMs;
}

function kvShare(m: MachineResult): number {
  const cap = m.occupancy.reduce((s, o) => s + o.capacityBytes, 0);
  return cap > 0 ? m.occupancy.reduce((s, o) => s + o.kvFinalBytes, 0) / cap : 0;
}

/** cur against prev: rises / falls by more than `tolerance` (relative), flat within it. */
export function compare(cur: number, prev: number, change: Change, tolerance = 0.03): boolean {
  if (!Number.isFinite(cur) || !Number.isFinite(prev)) return false;
  const rel = prev === 0 ? (cur === 0 ? 0 : Infinity * Math.sign(cur)) : (cur - prev) / Math.abs(prev);
  return change === 'rises' ? rel > tolerance : change === 'falls' ? rel < -tolerance : Math.abs(rel) <= tolerance;
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x));

function vsPrevious(name: string, cur: number, prev: number, change: Change, tolerance?: number, unit = ''): FactCheck {
  return {
    ok: compare(cur, prev, change, tolerance),
    detail: `${name}: ${fmt(prev)} -> ${fmt(cur)} (wanted: ${change})`,
    shown: `${short(prev)} → ${short(cur)}${unit}`,
  };
}

/** 3 significant digits, thousands separated, like the panels. */
const short = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toLocaleString('en-US') : String(x));
const pct = (x: number) => `${Math.round(x * 100)}%`;

const missing = (what: string): FactCheck => ({ ok: false, detail: `no ${what} to check against` });

/** Evaluates one fact against a step's live results (and the previous step's, for comparisons). */
export function checkFact(f: TourFact, ctx: FactContext): FactCheck {
  switch (f.kind) {
    case 'inputsVisible':
    case 'weightsOnlyVisible':
    case 'macsVisible': {
      const pes = ctx.pes;
      if (pes === undefined) return missing('array state');
      const inputs = pes ? pes.input.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0) : 0;
      const weights = pes ? pes.weight.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0) : 0;
      const macs = pes ? pes.active.reduce((n, v) => n + v, 0) : 0;
      const cells = pes ? pes.active.length : 1;
      if (f.kind === 'inputsVisible')
        return { ok: inputs > 0, detail: `${inputs} cells hold an input`, shown: `${inputs} of ${cells} cells` };
      if (f.kind === 'weightsOnlyVisible')
        return {
          ok: weights > 0 && inputs === 0,
          detail: `${weights} cells hold a weight, ${inputs} an input`,
          shown: `${weights} weights, ${inputs} inputs`,
        };
      return { ok: macs >= f.share * cells, detail: `${macs} of ${cells} cells do a MAC`, shown: `${macs} of ${cells} cells` };
    }
    case 'outputsWritten': {
      if (ctx.pes === undefined) return missing('array state');
      const w = ctx.pes ? ctx.pes.sram[2] : 0;
      return { ok: w > 0, detail: `${w} ofmap writes so far`, shown: `${w} writes` };
    }
    case 'operandsReadOnce': {
      const g = ctx.gemm;
      if (!g) return missing('GEMM result');
      return {
        ok: g.sram.ifmapReads === g.m * g.k && g.sram.filterReads === g.k * g.n,
        detail: `ifmap reads ${g.sram.ifmapReads} of ${g.m * g.k} elements, filter reads ${g.sram.filterReads} of ${g.k * g.n}`,
        shown: `A ${g.sram.ifmapReads} of ${g.m * g.k}, B ${g.sram.filterReads} of ${g.k * g.n}`,
      };
    }
    case 'folds': {
      const g = ctx.gemm;
      if (!g) return missing('GEMM result');
      return { ok: g.folds >= f.atLeast, detail: `${g.folds} folds`, shown: `${g.folds} folds` };
    }
    case 'psumReadBack': {
      const g = ctx.gemm;
      if (!g) return missing('GEMM result');
      return { ok: g.sram.ofmapReads > 0, detail: `${g.sram.ofmapReads} partial sums read back`, shown: `${g.sram.ofmapReads} read back` };
    }
    case 'sramReadsDifferVsPrevious': {
      const g = ctx.gemm;
      const p = ctx.prevGemm;
      if (!g || !p) return missing('GEMM results');
      const reads = (r: GemmResult) => [r.sram.ifmapReads, r.sram.filterReads, r.sram.ofmapReads];
      const same = reads(g).every((v, i) => v === reads(p)[i]);
      return {
        ok: !same,
        detail: `reads ${reads(p).join('/')} -> ${reads(g).join('/')}`,
        shown: `A/B/psum reads ${reads(p).join('/')} → ${reads(g).join('/')}`,
      };
    }
    case 'chipsUsedBelowGiven':
    case 'fits': {
      const m = ctx.llm?.[f.machine];
      if (!m) return missing('LLM result');
      if (f.kind === 'fits') return { ok: m.fits, detail: m.fits ? 'fits' : (m.message ?? 'does not fit') };
      return {
        ok: m.fits && chipsUsed(m) < m.chips,
        detail: `${chipsUsed(m)} of ${m.chips} chips hold data`,
        shown: `${short(chipsUsed(m))} of ${short(m.chips)} in use`,
      };
    }
    case 'shareAbove':
    case 'shareBelow': {
      const m = ctx.llm?.[f.machine];
      if (!m) return missing('LLM result');
      const share = breakdownTotal(m) > 0 ? m.breakdown[f.part] / breakdownTotal(m) : 0;
      const ok = m.fits && (f.kind === 'shareAbove' ? share > f.share : share < f.share);
      return {
        ok,
        detail: `${PART_LABEL[f.part]} share ${fmt(share)} (wanted ${f.kind === 'shareAbove' ? '>' : '<'} ${f.share})`,
        shown: pct(share),
      };
    }
    case 'leftOfRidge': {
      const llm = ctx.llm;
      if (!llm) return missing('LLM result');
      const pt = llm.roofline.find((r) => isMachine(r.machine, f.machine) && r.phase === f.phase);
      if (!pt) return missing(`${f.phase} roofline point`);
      const ridge = ridgeIntensity(pt);
      return {
        ok: pt.intensity < ridge,
        detail: `${f.phase} intensity ${fmt(pt.intensity)} FLOP/B, ridge ${fmt(ridge)} FLOP/B`,
        shown: `${short(pt.intensity)} vs ridge ${short(ridge)} FLOP/B`,
      };
    }
    case 'sweepTrade': {
      const llm = ctx.llm;
      if (!llm) return missing('LLM result');
      const pts = llm.sweep.filter((p) => isMachine(p.machine, f.machine) && p.fits).sort((a, b) => a.batch - b.batch);
      if (pts.length < 2) return missing('two sweep points that fit');
      const [lo, hi] = [pts[0], pts[pts.length - 1]];
      return {
        ok: hi.tokensPerSecondPerUser < lo.tokensPerSecondPerUser && hi.tokensPerSecondPerChip > lo.tokensPerSecondPerChip,
        detail: `batch ${lo.batch} -> ${hi.batch}: per user ${fmt(lo.tokensPerSecondPerUser)} -> ${fmt(hi.tokensPerSecondPerUser)}, per chip ${fmt(lo.tokensPerSecondPerChip)} -> ${fmt(hi.tokensPerSecondPerChip)}`,
        shown: `batch ${lo.batch} → ${hi.batch}: ${short(lo.tokensPerSecondPerUser)} → ${short(hi.tokensPerSecondPerUser)} tokens/s per user`,
      };
    }
    case 'fasterPerUser':
    case 'cheaperPerToken':
    case 'answerWithinBudget': {
      const m = ctx.llm?.[f.machine];
      const o = ctx.llm?.[other(f.machine)];
      if (!m || !o) return missing('LLM result');
      if (f.kind === 'answerWithinBudget') {
        const within = m.fits && m.answerMs <= TALK_BUDGET_MS;
        return {
          ok: m.fits && within === f.within,
          detail: `answer ${fmt(m.answerMs)} ms, budget ${TALK_BUDGET_MS} ms`,
          shown: `${short(m.answerMs)} ms`,
        };
      }
      if (!m.fits || !o.fits) return { ok: false, detail: 'a machine does not fit' };
      if (f.kind === 'fasterPerUser')
        return {
          ok: m.tokensPerSecondPerUser > o.tokensPerSecondPerUser,
          detail: `tokens/s per user ${fmt(m.tokensPerSecondPerUser)} vs ${fmt(o.tokensPerSecondPerUser)}`,
          shown: `${short(m.tokensPerSecondPerUser)} vs ${short(o.tokensPerSecondPerUser)} tokens/s`,
        };
      return {
        ok: m.costPerMillionTokensUsd < o.costPerMillionTokensUsd,
        detail: `cost per million tokens ${fmt(m.costPerMillionTokensUsd)} vs ${fmt(o.costPerMillionTokensUsd)}`,
        shown: `$${short(m.costPerMillionTokensUsd)} vs $${short(o.costPerMillionTokensUsd)} per M`,
      };
    }
    case 'pairBeats': {
      const r = ctx.llm;
      const pair = r?.disagg;
      if (!r || !pair) return missing('disaggregated pair');
      if (!pair.fits) return { ok: false, detail: pair.message };
      const beats = pairVerdicts(pair, r.lpu, r.gpu).find((v) => v.key === f.figure)?.beats ?? [];
      const row = pairRow(f.figure);
      return {
        ok: beats.length === f.beats.length && f.beats.every((b) => beats.includes(b)),
        detail: `${row.label}: pair beats [${beats.join(', ')}] (wanted [${f.beats.join(', ')}])`,
        shown: `pair ${row.show(pairAsMachine(pair))} vs ${row.show(r.lpu)} / ${row.show(r.gpu)} alone`,
      };
    }
    default: {
      const m = ctx.llm?.[f.machine];
      const p = ctx.prevLlm?.[f.machine];
      if (!m || !p) return missing('results of this and the previous step');
      if (!m.fits || !p.fits) return { ok: false, detail: 'a machine does not fit' };
      switch (f.kind) {
        case 'tpotVsPrevious':
          return vsPrevious('time per token (ms)', m.tpotMs, p.tpotMs, f.change, f.tolerance, ' ms');
        case 'ttftVsPrevious':
          return vsPrevious('time to first token (ms)', m.ttftMs, p.ttftMs, f.change, undefined, ' ms');
        case 'systemThroughputVsPrevious':
          return vsPrevious('system tokens/s', m.systemTokensPerSecond, p.systemTokensPerSecond, f.change, undefined, ' tokens/s');
        case 'costPerTokenVsPrevious':
          return vsPrevious('cost per million tokens', m.costPerMillionTokensUsd, p.costPerMillionTokensUsd, f.change, undefined, ' US$/M');
        case 'chipsVsPrevious':
          return vsPrevious('chips', m.chips, p.chips, f.change, 0);
        case 'chipsUsedVsPrevious':
          return vsPrevious('chips in use', chipsUsed(m), chipsUsed(p), f.change, 0);
        case 'partVsPrevious':
          return vsPrevious(`${PART_LABEL[f.part]} (ms)`, m.breakdown[f.part], p.breakdown[f.part], f.change, undefined, ' ms');
        case 'kvShareVsPrevious': {
          const c = vsPrevious('KV share of memory', kvShare(m), kvShare(p), f.change);
          return { ...c, shown: `${(kvShare(p) * 100).toPrecision(2)}% → ${(kvShare(m) * 100).toPrecision(2)}%` };
        }
      }
    }
  }
}
