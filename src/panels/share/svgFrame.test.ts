import { describe, expect, it } from 'vitest';
import { escapeXml, framedSvg, wrapText } from './svgFrame';

const frame = (over: Partial<Parameters<typeof framedSvg>[0]> = {}) =>
  framedSvg({
    title: 'Batch sweep <log>',
    lines: ['Llama 2 70B · GroqChip 1 x 576 vs NVIDIA H100 SXM x 2 · Batch 1 (static)'],
    link: 'http://127.0.0.1/#v=2&llm.batch=1',
    legend: [
      { label: 'GroqChip 1', colour: 'rgb(0, 114, 178)' },
      { label: 'A (pinned)', colour: '#000', dashed: true },
    ],
    body: { width: 300, height: 200, markup: '<rect class="pe" width="10" height="10"/>' },
    ...over,
  });

describe('framedSvg', () => {
  it('carries title, scenario line, legend, link and the chart, escaped', () => {
    const { text, width, height } = frame();
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<title>Batch sweep &lt;log&gt;</title>');
    expect(text).toContain('class="chart-title">Batch sweep &lt;log&gt;</text>');
    expect(text).toContain('class="scenario" fill="#3c3c43">Llama 2 70B');
    expect(text).toContain('<a href="http://127.0.0.1/#v=2&amp;llm.batch=1"');
    expect(text).toContain('>http://127.0.0.1/#v=2&amp;llm.batch=1</text>');
    expect(text).toContain('<rect class="pe" width="10" height="10"/>');
    expect(text.match(/class="legend-item"/g)).toHaveLength(2);
    expect(text).toContain('stroke-dasharray="3 2"');
    expect(width).toBeGreaterThanOrEqual(300);
    expect(height).toBeGreaterThan(200);
  });

  it('grows with a wide chart and wraps a long link onto several lines, none wider than the frame', () => {
    const link = `http://x/#${'a'.repeat(400)}`;
    const { text, width } = frame({ link, body: { width: 900, height: 100, markup: '' } });
    expect(width).toBe(932);
    const pieces = [...text.matchAll(/<text [^>]*font-size="10"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(pieces.join('')).toBe(escapeXml(link));
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length * 10 * 0.61).toBeLessThanOrEqual(width - 32 + 1);
  });
});

describe('wrapText', () => {
  it('breaks at spaces and cuts words longer than a line', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghijklmnopqrst', 8)).toEqual(['abcdefgh', 'ijklmnop', 'qrst']);
  });
});

describe('framedSvg legend', () => {
  it('wraps a long legend entry onto more lines instead of cutting it', () => {
    const label = 'partial sum (bottom edge of a PE); below the array, outputs written to the ofmap SRAM in the last cycles, newest on top';
    const { text } = frame({ legend: [{ label, colour: 'red' }], body: { width: 300, height: 10, markup: '' } });
    const item = /<g class="legend-item">(.*?)<\/g>/.exec(text)![1];
    const lines = [...item.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
  });
});
