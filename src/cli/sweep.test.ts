import { describe, expect, it } from 'vitest';
import { parseSweepArgs, runSweepCli, SWEEP_MAX_POINTS } from './sweep';
import { runLlmCliToObject } from './llm';
import { UsageError } from './args';

function sink(): { stream: { write(t: string): boolean }; text: () => string } {
  let buf = '';
  return {
    stream: {
      write: (t: string) => {
        buf += t;
        return true;
      },
    },
    text: () => buf,
  };
}

describe('sweep CLI', () => {
  it('writes one CSV row per grid point, each what `llm` prints for the same flags, with a progress bar on stderr', async () => {
    const out = sink();
    const err = sink();
    await runSweepCli(
      ['--machine', 'lpu,h100-sxm', '--batch', '1,4', '--model', 'llama-2-7b', '--prompt', '128', '--output', '32'],
      out.stream,
      err.stream,
    );
    const lines = out.text().trim().split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    const head = lines[0].split(',');
    const row = Object.fromEntries(lines[4].split(',').map((v, i) => [head[i], v]));
    expect(row).toMatchObject({ machine: 'h100-sxm', batch: '4', chipsGiven: 'minimum' });
    const direct = await runLlmCliToObject([
      '--model',
      'llama-2-7b',
      '--prompt',
      '128',
      '--output',
      '32',
      '--machine',
      'h100-sxm',
      '--batch',
      '4',
    ]);
    expect(Number(row.tpotMs)).toBeCloseTo(direct.tpotMs, 9);
    expect(err.text()).toMatch(/\[#+\] 4\/4/);
  });

  it('refuses a grid without machines, an unknown option, an empty item and a grid too large', () => {
    expect(() => parseSweepArgs(['--batch', '1'])).toThrow(/--machine is required/);
    expect(() => parseSweepArgs(['--machine', 'lpu', '--colour', 'red'])).toThrow(UsageError);
    expect(() => parseSweepArgs(['--machine', 'lpu,,h100-sxm'])).toThrow(/empty item/);
    const many = Array.from({ length: SWEEP_MAX_POINTS + 1 }, (_, i) => String(i + 1)).join(',');
    expect(() => parseSweepArgs(['--machine', 'lpu', '--batch', many])).toThrow(/at most/);
  });

  it("a bad value anywhere in the grid fails with the llm command's message before any row is written", async () => {
    const out = sink();
    await expect(runSweepCli(['--machine', 'lpu', '--batch', '1,0'], out.stream, sink().stream)).rejects.toThrow(/--batch/);
    expect(out.text()).toBe('');
  });
});
