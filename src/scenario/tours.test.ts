import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { HIDEABLE_IDS } from './keys';
import { applyPatch, diffScenario } from './patch';
import { ScenarioSchema } from './schema';
import { TOURS, scenarioForTourStep } from './tours';
import { PANELS } from './types';

const transcriptPath = fileURLToPath(new URL('./fixtures/talk-transcript.txt', import.meta.url));
const transcript = readFileSync(transcriptPath, 'utf8');
const lines = transcript
  .split('\n')
  .map((l) => /^00:(\d\d):(\d\d)\.\d+ \| (.*)$/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ seconds: Number(m[1]) * 60 + Number(m[2]), text: m[3] }));

/** The quote must start on a transcript line within 3 s of its timestamp. */
function quoteFound(text: string, timestamp: string): boolean {
  const [mm, ss] = timestamp.split(':').map(Number);
  const t = mm * 60 + ss;
  return lines.some((line, i) => {
    if (Math.abs(line.seconds - t) > 3) return false;
    const joined = lines.slice(i, i + 12).map((l) => l.text).join(' ');
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

  it('has the seven tours with 3..6 steps each', () => {
    expect(TOURS.map((t) => t.id)).toEqual([
      'systolic-array', 'hbm-bound', 'sram-capacity', 'scaled-inference', 'groq-claims', 'b200-30x', 'latency-budget',
    ]);
    for (const t of TOURS) {
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.steps.length, t.id).toBeLessThanOrEqual(6);
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
        if (step.highlight) expect([...PANELS, ...HIDEABLE_IDS], `${t.id}[${i}]`).toContain(step.highlight);
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
    expect(quoteFound("We did not use external memory.", '17:39')).toBe(false);
    expect(quoteFound("We didn't use external memory.", '12:00')).toBe(false);
  });

  it('narration leaves computed figures to the panels', () => {
    const computed = /\d[\d,.]*\s*(ms|milliseconds|s\b|seconds|tokens?\/s|tokens per second|%|\$|us\b|GB\/s|TB\/s|W\b|watts|J\b)/i;
    for (const t of TOURS) for (const step of t.steps) expect(step.narration, t.id).not.toMatch(computed);
  });
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
