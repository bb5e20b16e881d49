import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { HIDEABLE_IDS } from './keys';
import { applyPatch, diffScenario } from './patch';
import { ScenarioSchema } from './schema';
import { TOURS, TOUR_TARGETS, findTour, scenarioForTourStep, type Speaker } from './tours';
import { checkFact, compare, type FactContext, type ShownPes } from './tourFacts';
import { PANELS, type Scenario } from './types';
import { lpuInputs, simulateLlm } from '../engine/llm/simulate';
import { layoutLpu, lpuClosedFormStep, lpuClosedFormTokenUs } from '../engine/llm/lpu';
import { lpuCandidates } from '../engine/llm/partition';
import { createInterconnect } from '../engine/interconnect';
import { loadWasmModule } from '../engine/wasmNode';
import { nodeEngine } from '../engine/systolic/testUtil';
import type { GemmResult, LlmResult } from '../engine/types';

const transcriptPath = fileURLToPath(new URL('./fixtures/talk-transcript.txt', import.meta.url));
const transcript = readFileSync(transcriptPath, 'utf8');
const lines = transcript
  .split('\n')
  .map((l) => /^(00:(\d\d):(\d\d)\.\d+) \| (.*)$/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ stamp: m[1], seconds: Number(m[2]) * 60 + Number(m[3]), text: m[4] }));

/** Index of the transcript line the quote starts on, or -1. */
function quoteLine(text: string, timestamp: string): number {
  const [mm, ss] = timestamp.split(':').map(Number);
  const t = mm * 60 + ss;
  return lines.findIndex((line, i) => {
    if (Math.abs(line.seconds - t) > 3) return false;
    const joined = lines
      .slice(i, i + 12)
      .map((l) => l.text)
      .join(' ');
    const at = joined.indexOf(text);
    return at >= 0 && at < line.text.length;
  });
}

/** The line a turn starts on: the transcript marks a new speaker with a leading '- '. */
function turnStart(line: number): string {
  for (let i = line; i >= 0; i--) if (lines[i].text.startsWith('- ')) return lines[i].stamp;
  return lines[0].stamp;
}

// Who speaks in the turns the tours quote, read from the transcript around each turn (the
// markers do not simply alternate: a question to the audience and Ross's question to the host
// about Facebook sit in between).
const TURNS: Record<string, Speaker> = {
  '00:06:33.380': 'ross', // "The biggest thing was Jeff Dean noticed", answering "what did you do that was so unique"
  '00:12:00.720': 'ross', // "The crux of it, we didn't know", answering "what exactly happened that makes you so much faster"
  '00:14:30.080': 'host', // "Yeah, I think the other thing is that NVIDIA's incredible at training"
  '00:15:43.840': 'ross', // "Yeah, the complexity spans every part of the stack", answering "explain to folks what HBM is"
  '00:17:04.480': 'ross', // "It was actually a really simple observation", answering "So how do you design a chip, then?"
  '00:18:02.600': 'ross', // "Yeah, so we run, we compare on two sides of this."
  '00:18:23.720': 'ross', // "If you were to compare us to GPUs", after the host's "Right."
  '00:18:54.240': 'ross', // "Yeah, yeah." answering "So your current generation is 4x better", then the cost claim
  '00:20:09.960': 'ross', // "Well, the first thing is the B200", answering "Tell us about the B200"
  '00:21:26.160': 'host', // "There's like two or three": the host counting hands after asking the audience
  '00:21:57.600': 'host', // "I mean, look, at Facebook at one point", answering Ross's "How much effort did you spend at Meta"
  '00:23:02.840': 'ross', // "Here's the actual number."
  '00:23:43.280': 'ross', // "The biggest is when you're training"
};

/** The quote must start on a transcript line within 3 s of its timestamp. */
function quoteFound(text: string, timestamp: string): boolean {
  const [mm, ss] = timestamp.split(':').map(Number);
  const t = mm * 60 + ss;
  return lines.some((line, i) => {
    if (Math.abs(line.seconds - t) > 3) return false;
    const joined = lines
      .slice(i, i + 12)
      .map((l) => l.text)
      .join(' ');
    const at = joined.indexOf(text);
    return at >= 0 && at < line.text.length;
  });
}

describe('tours', () => {
  it('the fixture is the shared seed transcript', () => {
    const seed = '/work/shared/seed/000_30e75db065a70d5a.txt';
    if (existsSync(seed)) expect(readFileSync(seed, 'utf8')).toBe(transcript);
    expect(lines.length).toBeGreaterThan(500);
  });

  it('has the eight tours with 3..8 steps each', () => {
    expect(TOURS.map((t) => t.id)).toEqual([
      'systolic-array',
      'hbm-bound',
      'sram-capacity',
      'scaled-inference',
      'groq-claims',
      'b200-30x',
      'claims-2026',
      'latency-budget',
    ]);
    for (const t of TOURS) {
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.steps.length, t.id).toBeLessThanOrEqual(8);
    }
  });

  it('every step yields a valid scenario that shows its panel and points at itself', () => {
    for (const t of TOURS) {
      t.steps.forEach((step, i) => {
        const s = scenarioForTourStep(t.id, i)!;
        const r = ScenarioSchema.safeParse(s);
        expect(r.error?.issues ?? [], `${t.id}[${i}]`).toEqual([]);
        expect(s.view.panel).toBe(step.panel);
        expect(s.view.tour).toEqual({ id: t.id, step: i });
        if (step.highlight) expect([...PANELS, ...HIDEABLE_IDS, ...TOUR_TARGETS], `${t.id}[${i}]`).toContain(step.highlight);
      });
    }
    expect(scenarioForTourStep('nope', 0)).toBeNull();
    expect(scenarioForTourStep('hbm-bound', 99)).toBeNull();
  });

  it('every quote appears verbatim in the transcript at its timestamp', () => {
    let quotes = 0;
    for (const t of TOURS) {
      for (const step of t.steps) {
        if (!step.quote) continue;
        quotes++;
        expect(step.quote.timestamp).toMatch(/^\d\d:\d\d$/);
        expect(quoteFound(step.quote.text, step.quote.timestamp), `${t.id}: "${step.quote.text}" @ ${step.quote.timestamp}`).toBe(true);
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(14);
    // The check itself rejects a paraphrase and a wrong timestamp.
    expect(quoteFound("We didn't use external memory.", '17:39')).toBe(true);
    expect(quoteFound('We did not use external memory.', '17:39')).toBe(false);
    expect(quoteFound("We didn't use external memory.", '12:00')).toBe(false);
  });

  it('every quote names its speaker, read from the turn it is in', () => {
    const speakers: Speaker[] = [];
    for (const t of TOURS) {
      for (const step of t.steps) {
        if (!step.quote) continue;
        const turn = turnStart(quoteLine(step.quote.text, step.quote.timestamp));
        expect(TURNS[turn], `turn at ${turn} of "${step.quote.text}" is not in the table`).toBeDefined();
        expect(step.quote.speaker, `${t.id}: "${step.quote.text}"`).toBe(TURNS[turn]);
        speakers.push(step.quote.speaker);
      }
    }
    expect(speakers).toContain('host');
    expect(speakers).toContain('ross');
  });

  it('narration leaves computed figures to the panels', () => {
    const computed = /\d[\d,.]*\s*(ms|milliseconds|s\b|seconds|tokens?\/s|tokens per second|%|\$|us\b|GB\/s|TB\/s|W\b|watts|J\b)/i;
    for (const t of TOURS) for (const step of t.steps) expect(step.narration, t.id).not.toMatch(computed);
  });
});

// Every step of every tour through the real engine (wasm interconnect, stepped systolic array):
// what each step states about its panel must hold for the results it shows.
describe('tour facts hold for the live results', () => {
  async function stepContext(s: Scenario) {
    const net = createInterconnect(await loadWasmModule('interconnect'));
    if (s.view.panel !== 'dataflow') return { llm: structuredClone(simulateLlm(s, net)) as LlmResult };
    const engine = await nodeEngine();
    const { result } = await engine.run(s.gemm, { engine: 'cycle' });
    const cycle = Math.min(s.view.cycle, result.cycles);
    let pes: ShownPes | null = null;
    if (cycle > 0) {
      const w = engine.trace(s.gemm, cycle - 1, 1); // view cycle c shows the state at the end of trace cycle c - 1
      pes = {
        weight: w.weight,
        input: w.input,
        active: w.active,
        sram: [w.sramCumulative[0], w.sramCumulative[1], w.sramCumulative[2], w.sramCumulative[3]],
      };
    }
    return { gemm: result as GemmResult, pes };
  }

  for (const t of TOURS) {
    it(`${t.id}: every fact of every step`, async () => {
      let prev: { llm?: LlmResult; gemm?: GemmResult } = {};
      let facts = 0;
      for (let i = 0; i < t.steps.length; i++) {
        const step = t.steps[i];
        const cur = await stepContext(scenarioForTourStep(t.id, i)!);
        const ctx: FactContext = { ...cur, prevLlm: prev.llm ?? null, prevGemm: prev.gemm ?? null };
        for (const f of step.facts ?? []) {
          const r = checkFact(f, ctx);
          expect(r.ok, `${t.id}[${i}] ${JSON.stringify(f)}: ${r.detail}`).toBe(true);
          facts++;
        }
        prev = cur;
      }
      if (t.id !== 'b200-30x') expect(facts, `${t.id} states no checkable fact`).toBeGreaterThan(0);
    }, 120_000);
  }

  it('scaled-inference: where chips stop helping, every wider layout that fits is slower, by more network than it saves', () => {
    const t = TOURS.find((x) => x.id === 'scaled-inference')!;
    const at = t.steps.findIndex((st) => st.facts?.some((f) => f.kind === 'tpotVsPrevious' && f.change === 'flat'));
    expect(at).toBeGreaterThan(0);
    const i = lpuInputs(scenarioForTourStep(t.id, at)!);
    const chosen = layoutLpu(i);
    const users = 1;
    const step = (g: typeof chosen) => lpuClosedFormStep(i.model, i.shape, i.chip, i.topology, g, users);
    const wider = lpuCandidates(i.model, i.shape, i.chip, true, i.chips!).filter((c) => c.tp > chosen.tp);
    expect(wider.length).toBeGreaterThan(0);
    const c0 = step(chosen);
    for (const c of wider) {
      const w = step({ ...chosen, ...c });
      expect(lpuClosedFormTokenUs(i.model, i.shape, i.chip, i.topology, c), `tp ${c.tp} x ${c.stages}`).toBeGreaterThan(
        lpuClosedFormTokenUs(i.model, i.shape, i.chip, i.topology, chosen),
      );
      // It streams less per chip (compute chain shorter or equal) but pays more in the network than that saves.
      expect(w.passComputeUs, `tp ${c.tp}`).toBeLessThanOrEqual(c0.passComputeUs * 1.0001);
      expect(w.passCommUs - c0.passCommUs, `tp ${c.tp}`).toBeGreaterThan(c0.passComputeUs - w.passComputeUs);
    }
  });

  it('the evaluator fails what is false', async () => {
    expect(compare(2, 1, 'rises')).toBe(true);
    expect(compare(1, 2, 'rises')).toBe(false);
    expect(compare(1.01, 1, 'flat')).toBe(true);
    expect(compare(1.2, 1, 'flat')).toBe(false);
    // The old narration 'inputs enter at the left edge' at cycle 4 sat inside the weight preload.
    const s = scenarioForTourStep('systolic-array', 0)!;
    const early = await stepContext({ ...s, view: { ...s.view, cycle: 4 } });
    expect(checkFact({ kind: 'inputsVisible' }, early).ok).toBe(false);
    expect(checkFact({ kind: 'weightsOnlyVisible' }, early).ok).toBe(true);
    // The scaled tour's old claim: past the chips that help, the network does not take over.
    const a = await stepContext(scenarioForTourStep('scaled-inference', 2)!);
    expect(checkFact({ kind: 'shareAbove', machine: 'lpu', part: 'networkMs', share: 0.9 }, a).ok).toBe(false);
    expect(checkFact({ kind: 'tpotVsPrevious', machine: 'lpu', change: 'falls' }, { ...a, prevLlm: a.llm }).ok).toBe(false);
    // Roofline and sweep facts read the points: a point right of its ridge, or a sweep whose
    // per-user speed rises with batch, fails.
    const roof = await stepContext(scenarioForTourStep('hbm-bound', 1)!);
    expect(checkFact({ kind: 'leftOfRidge', machine: 'gpu', phase: 'decode' }, roof).ok).toBe(true);
    const llm = roof.llm!;
    const pastRidge = { ...llm, roofline: llm.roofline.map((r) => ({ ...r, intensity: (r.peakTflops / r.bandwidthTBps) * 2 })) };
    expect(checkFact({ kind: 'leftOfRidge', machine: 'gpu', phase: 'decode' }, { llm: pastRidge }).ok).toBe(false);
    expect(checkFact({ kind: 'sweepTrade', machine: 'gpu' }, roof).ok).toBe(true);
    const reversed = { ...llm, sweep: llm.sweep.map((p) => ({ ...p, tokensPerSecondPerUser: p.batch })) };
    expect(checkFact({ kind: 'sweepTrade', machine: 'gpu' }, { llm: reversed }).ok).toBe(false);
    // Cross-machine facts: the other machine of the same step is the reference.
    expect(checkFact({ kind: 'fasterPerUser', machine: 'gpu' }, roof).ok).toBe(
      !checkFact({ kind: 'fasterPerUser', machine: 'lpu' }, roof).ok,
    );
    expect(checkFact({ kind: 'cheaperPerToken', machine: 'gpu' }, roof).ok).toBe(
      !checkFact({ kind: 'cheaperPerToken', machine: 'lpu' }, roof).ok,
    );
    const slow = { ...llm, lpu: { ...llm.lpu, answerMs: 301 } };
    expect(checkFact({ kind: 'answerWithinBudget', machine: 'lpu', within: true }, { llm: slow }).ok).toBe(false);
    expect(checkFact({ kind: 'answerWithinBudget', machine: 'lpu', within: false }, { llm: slow }).ok).toBe(true);
    expect(
      checkFact({ kind: 'answerWithinBudget', machine: 'lpu', within: true }, { llm: { ...llm, lpu: { ...llm.lpu, answerMs: 300 } } }).ok,
    ).toBe(true);
    expect(checkFact({ kind: 'inputsVisible' }, {}).ok).toBe(false); // nothing to check is a failure
    // Pair facts: exactly the machines named. The claims tour's pair step at one user and a short
    // prompt loses the first token to the LPX alone and wins nothing on it.
    const t = findTour('claims-2026')!;
    const pairStep = t.steps.findIndex((st) => st.highlight === 'latency-pair');
    const many = await stepContext(scenarioForTourStep('claims-2026', pairStep)!);
    expect(checkFact({ kind: 'pairBeats', figure: 'ttft', beats: ['lpu'] }, many).ok).toBe(true);
    expect(checkFact({ kind: 'pairBeats', figure: 'ttft', beats: ['lpu', 'gpu'] }, many).ok).toBe(false);
    expect(checkFact({ kind: 'pairBeats', figure: 'ttft', beats: [] }, many).ok).toBe(false);
    const s1 = scenarioForTourStep('claims-2026', pairStep)!;
    const one = await stepContext({ ...s1, llm: { ...s1.llm, batch: 1, prompt: 1024 } });
    expect(checkFact({ kind: 'pairBeats', figure: 'ttft', beats: [] }, one).ok).toBe(true);
    expect(checkFact({ kind: 'pairBeats', figure: 'answer', beats: ['gpu'] }, one).ok).toBe(true);
    const off = await stepContext({ ...s1, llm: { ...s1.llm, disagg: 'off' } });
    expect(checkFact({ kind: 'pairBeats', figure: 'ttft', beats: [] }, off).ok).toBe(false); // no pair: a failure
  }, 120_000);
});

describe('applyPatch / diffScenario', () => {
  it('merges objects, replaces leaves, arrays and nulls, and leaves the input alone', () => {
    const before = structuredClone(DEFAULT_SCENARIO);
    const s = applyPatch(DEFAULT_SCENARIO, {
      gemm: { rows: 16 },
      lpu: { overrides: { sramMB: 100 } },
      view: { tour: { id: 'x', step: 2 } },
      classroom: { hidden: ['sram'] },
    });
    expect(DEFAULT_SCENARIO).toEqual(before);
    expect(s.gemm).toEqual({ ...DEFAULT_SCENARIO.gemm, rows: 16 });
    expect(s.lpu.overrides).toEqual({ sramMB: 100 });
    const t = applyPatch(s, { view: { tour: null }, classroom: { hidden: [] }, lpu: { overrides: { clockMHz: 500 } } });
    expect(t.view.tour).toBeNull();
    expect(t.classroom.hidden).toEqual([]);
    expect(t.lpu.overrides).toEqual({ sramMB: 100, clockMHz: 500 });
  });

  it('lists every changed leaf with both values', () => {
    const b = applyPatch(DEFAULT_SCENARIO, { gemm: { rows: 16 }, gpu: { overrides: { powerW: 500 } }, classroom: { hidden: ['sram'] } });
    expect(diffScenario(DEFAULT_SCENARIO, b)).toEqual([
      { field: 'gemm.rows', a: 8, b: 16 },
      { field: 'gpu.overrides.powerW', a: undefined, b: 500 },
      { field: 'classroom.hidden', a: [], b: ['sram'] },
    ]);
    expect(diffScenario(b, b)).toEqual([]);
    const c = applyPatch(DEFAULT_SCENARIO, { llm: { model: 'custom', custom: { name: 'x' } } });
    expect(diffScenario(DEFAULT_SCENARIO, c).map((d) => d.field)).toEqual(['llm.model', 'llm.custom']);
  });
});
