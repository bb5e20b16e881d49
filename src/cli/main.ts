import { UsageError } from './args';

// `npm run sim -- <command> ...`: one JSON object on stdout; bad arguments: one line on stderr, exit 1.
const [command, ...args] = process.argv.slice(2);

async function main(): Promise<void> {
  switch (command) {
    case 'gemm':
      return (await import('./gemm')).runGemmCli(args);
    case 'llm':
      return (await import('./llm')).runLlmCli(args);
    case 'calibrate':
      return (await import('./calibrate')).runCalibrateCli(args);
    case 'sweep':
      return (await import('./sweep')).runSweepCli(args);
    default:
      throw new UsageError(`unknown command "${command ?? ''}": use "gemm", "llm", "calibrate" or "sweep"`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
