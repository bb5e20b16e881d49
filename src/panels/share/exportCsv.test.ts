// The exported CSV: the inputs that redo the run, then the results, the latency sweep and
// the roofline, each a titled table after a blank line.
import { describe, expect, it } from 'vitest';
import { simulateLlm } from '../../engine/llm';
import { createInterconnect } from '../../engine/interconnect';
import { loadWasmModule } from '../../engine/wasmNode';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import { CSV_HEADER, exportCsv, inputRows, ROOFLINE_HEADER, SWEEP_HEADER } from './resultsCsv';
import { csvLine } from './csv';

const LINK = 'http://127.0.0.1:4301/#v=2&llm.batch=1';
const llm = simulateLlm(DEFAULT_SCENARIO, createInterconnect(await loadWasmModule('interconnect')));
const sections = (text: string) => text.split('\r\n\r\n').map((block) => block.split('\r\n').filter(Boolean));

describe('exportCsv', () => {
  const text = exportCsv(DEFAULT_SCENARIO, LINK, null, llm);
  const [inputs, results, sweep, roofline] = sections(text);

  it('opens with the inputs as a # key,value block: scenario line, link and every engine input', () => {
    expect(inputs.slice(0, 2)).toEqual(['# inputs', '# key,value']);
    expect(inputs.every((l) => l.startsWith('# '))).toBe(true);
    expect(inputs).toContain(`# ${csvLine(['link', LINK])}`);
    expect(inputs.find((l) => l.startsWith('# scenario,'))).toMatch(
      /^# scenario,"Llama-2 70B · GroqChip 1 .* x \d+ vs NVIDIA H100 SXM x \d+ · Batch 1 .*Weights precision fp16/,
    );
    for (const l of [
      '# llm.model,llama-2-70b',
      '# llm.batch,1',
      '# llm.weights,fp16',
      '# lpu.chips,auto',
      '# gemm.rows,8',
      '# gpu.gpu,h100-sxm',
    ])
      expect(inputs).toContain(l);
    // Only engine inputs: no view state, no empty custom-model slot.
    expect(inputs.some((l) => l.startsWith('# view.') || l.startsWith('# llm.custom'))).toBe(false);
    expect(inputs.length).toBe(4 + inputRows(DEFAULT_SCENARIO).length);
  });

  it('then the results table, the latency sweep and the roofline points, one row per point', () => {
    expect(results.slice(0, 2)).toEqual(['# results', csvLine(CSV_HEADER)]);
    expect(results.some((l) => /^llm,lpu,tpotMs,[0-9.e+-]+,ms$/.test(l))).toBe(true);
    expect(sweep.slice(0, 2)).toEqual(['# latency sweep', csvLine(SWEEP_HEADER)]);
    expect(sweep.length - 2).toBe(llm.sweep.length);
    expect(sweep[2].split(',')).toHaveLength(SWEEP_HEADER.length);
    expect(roofline.slice(0, 2)).toEqual(['# roofline', csvLine(ROOFLINE_HEADER)]);
    expect(roofline.length - 2).toBe(llm.roofline.length);
    expect(roofline.slice(2).every((l) => /^(lpu|h100-sxm),(prefill|decode),/.test(l))).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('keeps its sections (headers only) before the engine has answered', () => {
    const empty = sections(exportCsv(DEFAULT_SCENARIO, LINK, null, null));
    expect(empty.map((s) => s[0])).toEqual(['# inputs', '# results', '# latency sweep', '# roofline']);
    expect(empty[2]).toEqual(['# latency sweep', csvLine(SWEEP_HEADER)]);
  });
});
