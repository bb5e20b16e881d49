import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../scenario/defaults';
import type { Scenario } from '../../scenario/types';
import { MODELS } from '../../engine/llm/models';
import { exportFileName } from './exportNames';

const with_ = (patch: (s: Scenario) => void): Scenario => {
  const s = structuredClone(DEFAULT_SCENARIO) as Scenario;
  patch(s);
  return s;
};

describe('exportFileName', () => {
  it('names an LLM chart by chart id, model and batch', () => {
    expect(exportFileName('latency-sweep', 'llm', DEFAULT_SCENARIO, 'svg')).toBe('latency-sweep-llama-2-70b-b1.svg');
    const s = with_((x) => {
      x.llm.model = 'llama-3.1-8b';
      x.llm.batch = 32;
    });
    expect(exportFileName('roofline', 'llm', s, 'png')).toBe('roofline-llama-3-1-8b-b32.png');
    expect(exportFileName('results', 'llm', s, 'csv')).toBe('results-llama-3-1-8b-b32.csv');
  });

  it('names a systolic-array chart by the array, its dataflow, and the cycle when it shows one', () => {
    const s = with_((x) => {
      x.gemm = { ...x.gemm, rows: 16, cols: 4, dataflow: 'os' };
      x.view.cycle = 12;
    });
    expect(exportFileName('pe-utilisation', 'gemm', s, 'svg')).toBe('pe-utilisation-16x4-os.svg');
    expect(exportFileName('systolic-array', 'cycle', s, 'svg')).toBe('systolic-array-16x4-os-c12.svg');
  });

  it('slugs a custom model name that is not file-name safe', () => {
    const s = with_((x) => {
      x.llm.model = 'custom';
      x.llm.custom = { ...MODELS['llama-2-7b'], id: 'My Model/v2 (test)' };
    });
    expect(exportFileName('latency-sweep', 'llm', s, 'svg')).toBe('latency-sweep-my-model-v2-test-b1.svg');
  });

  it('stays short and safe whatever the chart id', () => {
    const name = exportFileName('Roofline: both machines (log) '.repeat(5), 'llm', DEFAULT_SCENARIO, 'png');
    expect(name).toMatch(/^[a-z0-9-]+\.png$/);
    expect(name.length).toBeLessThanOrEqual(48 + 20);
  });
});
