// `npm run bench [-- --json]`: every performance figure the project claims, measured in one run.
import { runSystolicBench } from './systolic';
import { runInterconnectBench } from './interconnect';
import { runNewLayoutBench } from './newLayout';

const json = process.argv.includes('--json');

async function main(): Promise<void> {
  const results: Record<string, number | string> = {};
  Object.assign(results, await runSystolicBench(json ? () => {} : (line) => console.log(line)));
  Object.assign(results, await runInterconnectBench(json ? () => {} : (line) => console.log(line)));
  Object.assign(results, runNewLayoutBench(json ? () => {} : (line) => console.log(line)));
  if (json) console.log(JSON.stringify(results));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
