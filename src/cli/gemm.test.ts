import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseGemmArgs, runGemmCli } from './gemm';
import { UsageError } from './args';
import { MAX_SEED, validateField } from '../scenario/schema';
import { closedFormGemm } from '../engine/systolic';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

async function capture(args: string[]): Promise<Record<string, unknown>> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await runGemmCli(args);
  } finally {
    spy.mockRestore();
  }
  const text = chunks.join('');
  expect(text.trim().split('\n')).toHaveLength(1); // one JSON object
  return JSON.parse(text) as Record<string, unknown>;
}

const base = ['--rows', '32', '--cols', '32', '--m', '100', '--k', '300', '--n', '50'];

describe('gemm CLI', () => {
  afterEach(() => vi.restoreAllMocks());

  it('steps small GEMMs and prints every figure with SCALE-Sim beside it', async () => {
    const cases = JSON.parse(
      readFileSync(fileURLToPath(new URL('../engine/systolic/fixtures/scalesim-v2-cases.json', import.meta.url)), 'utf8'),
    ) as {
      id: string;
      total_cycles: number;
      ofmap_sram_writes: number;
    }[];
    for (const df of ['ws', 'os', 'is']) {
      const out = await capture([...base, '--dataflow', df]);
      const recorded = cases.find((c) => c.id === `fold_32x32_${df}_M100_N50_K300`)!;
      expect(out.engine).toBe('cycle');
      expect(out.outputMatchesReference).toBe(true);
      expect(out.cycles).toBe(recorded.total_cycles + 1);
      const scalesim = out.scalesim as Record<string, number>;
      expect(scalesim.cycles).toBe(recorded.total_cycles);
      expect(scalesim.ofmapWrites).toBe(recorded.ofmap_sram_writes);
      const sram = out.sram as Record<string, number>;
      for (const key of ['ifmapReads', 'filterReads', 'ofmapWrites', 'ofmapReads']) expect(typeof sram[key]).toBe('number');
      expect(out.utilization).toBeGreaterThan(0);
      expect(out.utilization).toBeLessThanOrEqual(1);
      expect(out.mappingEfficiency).toBeLessThanOrEqual(1);
      expect((out.foldCycles as number[]).length).toBe(out.folds);
    }
  });

  it('uses the closed form for huge GEMMs and when asked', async () => {
    const out = await capture(['--rows', '128', '--cols', '128', '--dataflow', 'ws', '--m', '512', '--k', '4096', '--n', '4096']);
    expect(out.engine).toBe('closed-form');
    expect(out.outputMatchesReference).toBeUndefined();
    expect(out.cycles).toBe(closedFormGemm({ rows: 128, cols: 128, dataflow: 'ws', m: 512, k: 4096, n: 4096, seed: 1 }).cycles);
    const forced = await capture([...base, '--dataflow', 'is', '--engine', 'closed-form']);
    expect(forced.engine).toBe('closed-form');
    const truncated = await capture(['--rows', '1', '--cols', '1', '--dataflow', 'os', '--m', '65536', '--k', '65536', '--n', '65536']);
    expect(truncated.foldCyclesTruncated).toBe(true);
    expect(truncated.folds).toBe(2 ** 32);
  });

  it('rejects bad arguments with a message naming the flag', () => {
    const bad: [string[], RegExp][] = [
      [[...base, '--dataflow', 'xs'], /--dataflow must be one of ws, os, is/],
      [['--rows', '0', '--cols', '4', '--dataflow', 'ws', '--m', '1', '--k', '1', '--n', '1'], /--rows must be 1\.\.256/],
      [['--rows', '4', '--cols', '257', '--dataflow', 'ws', '--m', '1', '--k', '1', '--n', '1'], /--cols must be 1\.\.256/],
      [['--rows', '4', '--cols', '4', '--dataflow', 'ws', '--m', '65537', '--k', '1', '--n', '1'], /--m must be 1\.\.65536/],
      [['--rows', '4', '--cols', '4', '--dataflow', 'ws', '--m', '2.5', '--k', '1', '--n', '1'], /--m must be an integer/],
      [['--rows', '4', '--cols', '4', '--dataflow', 'ws', '--m', '1', '--k', '1'], /--n is required/],
      [[...base, '--dataflow', 'ws', '--bogus', '1'], /unknown option --bogus/],
      [[...base, '--dataflow', 'ws', '--engine', 'fast'], /--engine must be one of/],
      [
        ['--rows', '1', '--cols', '1', '--dataflow', 'ws', '--m', '65536', '--k', '65536', '--n', '65536', '--engine', 'cycle'],
        /too many to step/,
      ],
    ];
    for (const [args, message] of bad) {
      expect(() => parseGemmArgs(args)).toThrow(UsageError);
      expect(() => parseGemmArgs(args)).toThrow(message);
    }
  });

  it('takes the seed the app takes, no larger', () => {
    const shape = [...base, '--dataflow', 'ws'];
    for (const seed of [0, 1, MAX_SEED, MAX_SEED + 1, 2 ** 32 - 1, -1]) {
      const app = validateField('gemm.seed', seed);
      if (app === null) expect(parseGemmArgs([...shape, '--seed', String(seed)]).gemm.seed).toBe(seed);
      else
        expect(() => parseGemmArgs([...shape, '--seed', String(seed)]), String(seed)).toThrow(
          new RegExp(`--seed must be 0\\.\\.${MAX_SEED}`),
        );
    }
    expect(() => parseGemmArgs([...shape, '--seed', '2147483648'])).toThrow(UsageError);
  });

  it('as a process: JSON on stdout, or one line on stderr and a non-zero exit', () => {
    const ok = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'gemm', '--rows', '4', '--cols', '4', '--dataflow', 'os', '--m', '7', '--k', '3', '--n', '5'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { cycles: number; scalesim: { cycles: number } };
    expect(out.scalesim.cycles).toBe(35); // SCALE-Sim's small_4x4_os_M7_N5_K3
    expect(out.cycles).toBe(36);
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'gemm', '--rows', '300'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--rows must be 1\.\.256/);
  }, 60_000);
});
