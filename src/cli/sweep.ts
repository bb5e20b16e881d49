// `npm run sim -- sweep --machine lpu,h100-sxm --batch 1,8,64 [--chips 8,16] [--weights fp16,fp8]
//  [--model ID] [--prompt P] [--output O] [--stack S] [--batching B]`: the llm command over the
// grid machine x chips x batch x weights, one CSV row per point on stdout, a progress bar on
// stderr. Each point is exactly what `llm` prints for the same flags.
import { csvLine, CSV_LINE_BREAK } from '../panels/share/csv';
import { parseLlmArgs, runLlmCliToObject, type LlmCliOutput } from './llm';
import { UsageError } from './args';

/** Flags that take a comma-separated list (the grid's axes); the rest pass through to `llm` once. */
const AXES = ['machine', 'chips', 'batch', 'weights'] as const;
const PASS = ['model', 'prompt', 'output', 'stack', 'batching', 'kv', 'activations', 'topology'] as const;
/** Most grid points one call runs (each is a full simulation). */
export const SWEEP_MAX_POINTS = 2000;

const COLUMNS = [
  'machine',
  'chipsGiven',
  'batch',
  'weights',
  'fits',
  'chips',
  'tensorParallel',
  'pipelineStages',
  'ttftMs',
  'p99TtftMs',
  'tpotMs',
  'p99TpotMs',
  'tokensPerSecondPerUser',
  'systemTokensPerSecond',
  'outputTokensPerSecond',
  'costPerMillionTokensUsd',
  'joulesPerToken',
  'message',
] as const;

export function parseSweepArgs(args: string[]): { grid: string[][]; base: string[] } {
  const lists = new Map<string, string[]>();
  const base: string[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (!key.startsWith('--')) throw new UsageError(`unexpected argument "${key}"`);
    const name = key.slice(2);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if ((AXES as readonly string[]).includes(name)) {
      if (lists.has(name)) throw new UsageError(`--${name} given twice`);
      const items = value.split(',').map((v) => v.trim());
      if (items.some((v) => v === '')) throw new UsageError(`--${name}: empty item in "${value}"`);
      lists.set(name, items);
    } else if ((PASS as readonly string[]).includes(name)) base.push(key, value);
    else
      throw new UsageError(
        `unknown option --${name} (grid: ${AXES.map((a) => '--' + a).join(', ')}; passed to llm: ${PASS.map((a) => '--' + a).join(', ')})`,
      );
  }
  if (!lists.has('machine')) throw new UsageError('--machine is required (a comma-separated list, e.g. lpu,h100-sxm)');
  let grid: string[][] = [[]];
  for (const axis of AXES) {
    const items = lists.get(axis);
    if (!items) continue;
    grid = grid.flatMap((g) => items.map((v) => [...g, `--${axis}`, v]));
  }
  if (grid.length > SWEEP_MAX_POINTS) throw new UsageError(`the grid has ${grid.length} points; at most ${SWEEP_MAX_POINTS} per call`);
  return { grid, base };
}

function row(point: string[], o: LlmCliOutput): string {
  const given = point[point.indexOf('--chips') + 1];
  const v = (k: (typeof COLUMNS)[number]): string | number | boolean => {
    switch (k) {
      case 'chipsGiven':
        return point.includes('--chips') ? Number(given) : 'minimum';
      case 'batch':
        return o.workload.batch;
      case 'weights':
        return o.workload.weights;
      case 'message':
        return o.message ?? '';
      default:
        return o.fits || k === 'machine' || k === 'fits' || k === 'chips' ? (o[k] as string | number | boolean) : '';
    }
  };
  return csvLine(COLUMNS.map(v));
}

/** Where the CSV and the progress bar go (stdout and stderr by default). */
interface TextSink {
  write(text: string): unknown;
}

export async function runSweepCli(args: string[], out: TextSink = process.stdout, err: TextSink = process.stderr): Promise<void> {
  const { grid, base } = parseSweepArgs(args);
  // every point is parsed (limits checked) before any runs: a bad value fails the call at once, with no partial CSV
  for (const point of grid) await parseLlmArgs([...base, ...point]);
  const parsed = grid;
  out.write(csvLine([...COLUMNS]) + CSV_LINE_BREAK);
  const width = 30;
  for (const [i, point] of parsed.entries()) {
    const o = await runLlmCliToObject([...base, ...point]);
    out.write(row(point, o) + CSV_LINE_BREAK);
    const done = i + 1;
    const bar = '#'.repeat(Math.round((done / parsed.length) * width)).padEnd(width, '.');
    err.write(`\r[${bar}] ${done}/${parsed.length}`);
  }
  err.write('\n');
}
