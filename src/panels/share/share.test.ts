import { describe, expect, it } from 'vitest';
import type { GemmResult, LlmResult, MachineResult } from '../../engine/types';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { resultsToCsv, CSV_HEADER } from './resultsCsv';
import { csvCell } from './csv';
import { compareRows, relativeChange } from './compareRows';
import { clip } from './ProblemBanner';

const gemm: GemmResult = {
  engine: 'cycle',
  rows: 4,
  cols: 4,
  dataflow: 'ws',
  m: 8,
  k: 8,
  n: 8,
  cycles: 123,
  folds: 4,
  foldCycles: [30, 31, 31, 31],
  utilization: 0.25,
  mappingEfficiency: 1,
  macs: 512,
  sram: { ifmapReads: 10, filterReads: 11, ofmapWrites: 12, ofmapReads: 13 },
  scalesim: {
    cycles: 124,
    overallUtilization: 0.2,
    computeUtilization: 0.3,
    mappingEfficiency: 1,
    ifmapReads: 10,
    filterReads: 11,
    ofmapWrites: 12,
  },
};

function machine(id: string, tpotMs: number, extra: Partial<MachineResult> = {}): MachineResult {
  return {
    machine: id,
    name: `${id} "box", v2`,
    fits: true,
    chips: 8,
    chipsNeeded: 8,
    tensorParallel: 8,
    pipelineStages: 1,
    ttftMs: 10,
    p99TtftMs: 10,
    tpotMs,
    p99TpotMs: tpotMs,
    tokensPerSecondPerUser: 1000 / tpotMs,
    systemTokensPerSecond: 1000 / tpotMs,
    outputTokensPerSecond: 900 / tpotMs,
    answerMs: 100,
    costPerMillionTokensUsd: 2,
    joulesPerToken: 0.5,
    powerW: 1000,
    costPerHourUsd: 10,
    occupancy: [],
    network: null,
    breakdown: { computeMs: 1, memoryMs: 2, networkMs: 3, overheadMs: 4 },
    ...extra,
  };
}
const llm = (lpuTpot: number, gpuTpot: number): LlmResult => ({
  lpu: machine('lpu', lpuTpot),
  gpu: machine('h100-sxm', gpuTpot),
  memoryNeed: { lpu: null, gpu: null },
  disagg: null,
  inputs: { llm: DEFAULT_SCENARIO.llm, lpu: DEFAULT_SCENARIO.lpu, gpu: DEFAULT_SCENARIO.gpu },
  modelName: 'Llama-2 70B',
  kvFormula: { text: '2 (K and V) × 8 KV heads × 128 head dim values per layer × 80 layers', linear: true },
  sweep: [],
  roofline: [],
});

/** Minimal RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('resultsToCsv', () => {
  it('writes a header and one row per field that read back to the same values', () => {
    const rows = parseCsv(resultsToCsv(gemm, llm(2, 20)));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const get = (sec: string, m: string, f: string) => rows.find((r) => r[0] === sec && r[1] === m && r[2] === f)?.[3];
    expect(get('gemm', '4x4 ws', 'cycles')).toBe('123');
    expect(get('gemm', '4x4 ws', 'sram.ofmapReads')).toBe('13');
    expect(get('llm', 'lpu', 'tpotMs')).toBe('2');
    expect(get('llm', 'h100-sxm', 'tokensPerSecondPerUser')).toBe('50');
    // A name with a comma and quotes survives quoting.
    expect(get('llm', 'lpu', 'name')).toBe('lpu "box", v2');
  });
  it('guards a machine name that would run as a formula, and the guard reads back as text', () => {
    const evil = llm(2, 20);
    evil.lpu = machine('lpu', 2, { name: '=HYPERLINK("http://evil.example","click")' });
    const text = resultsToCsv(gemm, evil);
    expect(text).not.toMatch(/(^|,)=/m);
    const rows = parseCsv(text);
    expect(rows.find((r) => r[1] === 'lpu' && r[2] === 'name')?.[3]).toBe('\'=HYPERLINK("http://evil.example","click")');
    // Numbers, negative ones included, stay numeric.
    evil.lpu = machine('lpu', 2, { breakdown: { computeMs: -1.5, memoryMs: 2, networkMs: 3, overheadMs: 4 } });
    expect(parseCsv(resultsToCsv(null, evil)).find((r) => r[1] === 'lpu' && r[2] === 'breakdown.computeMs')?.[3]).toBe('-1.5');
  });
  it('ends every record with CRLF (RFC 4180)', () => {
    const text = resultsToCsv(gemm, llm(2, 20));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
  it('writes only the header when there are no results', () => {
    expect(resultsToCsv(null, null)).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
  it('quotes cells with separators', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(3.5)).toBe('3.5');
  });
});

describe('compareRows', () => {
  it('pairs A and B per machine and judges direction by metric', () => {
    const rows = compareRows({ gemm, llm: llm(2, 20) }, { gemm: { ...gemm, cycles: 246 }, llm: llm(4, 10) });
    const tpotLpu = rows.find((r) => r.key === 'lpu-tpotMs')!;
    expect([tpotLpu.a, tpotLpu.b]).toEqual([2, 4]);
    expect(relativeChange(tpotLpu)).toEqual({ ratio: 2, better: false });
    const tpsGpu = rows.find((r) => r.key === 'gpu-tokensPerSecondPerUser')!;
    expect(relativeChange(tpsGpu)).toEqual({ ratio: 2, better: true });
    const cycles = rows.find((r) => r.key === 'gemm-cycles')!;
    expect(relativeChange(cycles)?.better).toBe(false);
    expect(rows.filter((r) => r.key.endsWith('-chips'))).toHaveLength(2);
  });
  it('a machine that does not fit has no figures (not zeros), only the chips it was given', () => {
    const b = llm(4, 10);
    const nofit = { ...b, lpu: { ...b.lpu, fits: false, tpotMs: 0, tokensPerSecondPerUser: 0, chips: 648 } };
    const rows = compareRows({ gemm, llm: llm(2, 20) }, { gemm, llm: nofit });
    const tpot = rows.find((r) => r.key === 'lpu-tpotMs')!;
    expect(tpot.b).toBeNull();
    expect(tpot.bMissing).toBe('does not fit');
    expect(relativeChange(tpot)).toBeNull();
    expect(rows.find((r) => r.key === 'lpu-chips')!.b).toBe(648);
    expect(rows.find((r) => r.key === 'gpu-tpotMs')!.bMissing).toBeUndefined();
  });
  it('each side carries its own machine name', () => {
    const a = llm(2, 20);
    const b = { ...llm(2, 10), gpu: machine('b200', 10) };
    const rows = compareRows({ gemm, llm: a }, { gemm, llm: b });
    for (const r of rows.filter((x) => x.group === 'gpu')) expect([r.aName, r.bName]).toEqual([a.gpu.name, b.gpu.name]);
    for (const r of rows.filter((x) => x.group === 'gpu')) expect(r.label).not.toContain(b.gpu.name);
  });
  it('says better or worse only where the direction is unambiguous', () => {
    const a = { ...llm(2, 20), gpu: machine('h100-sxm', 20, { chips: 4 }) };
    const rows = compareRows({ gemm, llm: a }, { gemm, llm: llm(2, 20) });
    const chips = rows.find((r) => r.key === 'gpu-chips')!;
    expect(relativeChange(chips)).toEqual({ ratio: 2, better: null });
    expect(chips.neutralWhy).toBeTruthy();
    // Fewer cycles for a different GEMM is not an improvement; for the same one it is.
    const other = compareRows({ gemm, llm: a }, { gemm: { ...gemm, m: 4, cycles: 60 }, llm: a }).find((r) => r.key === 'gemm-cycles')!;
    expect(relativeChange(other)?.better).toBeNull();
    const same = compareRows({ gemm, llm: a }, { gemm: { ...gemm, rows: 8, cycles: 60 }, llm: a }).find((r) => r.key === 'gemm-cycles')!;
    expect(relativeChange(same)?.better).toBe(true);
  });
  it('has no change when a side is missing', () => {
    const rows = compareRows({ gemm: null, llm: null }, { gemm, llm: llm(1, 1) });
    expect(rows.every((r) => relativeChange(r) === null)).toBe(true);
  });
});

describe('clip', () => {
  it('shortens long messages with an ellipsis and keeps short ones', () => {
    expect(clip('x'.repeat(1000), 10)).toHaveLength(10);
    expect(clip('short', 10)).toBe('short');
  });
});

describe('slug', () => {
  it('makes short, safe file names', async () => {
    const { slug } = await import('./download');
    expect(slug('Roofline: both machines (log)')).toBe('roofline-both-machines-log');
    expect(slug('x'.repeat(200)).length).toBeLessThanOrEqual(48);
    expect(slug('***')).toBe('chart');
  });
});
