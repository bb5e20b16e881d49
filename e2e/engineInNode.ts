// The engine in Node for browser tests: the CLI's JSON for one machine, and the full
// LlmResult (occupancy, sweep, roofline: what the CLI does not print) for a scenario patch.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LlmResult } from '../src/engine/types';
import type { LlmCliOutput as CliOutput } from '../src/cli/llm';

/** What `llm` prints (src/cli/llm.ts): one machine's figures, no occupancy. */
export type { CliOutput };

/** Runs the project's CLI (`npm run sim -- llm ...`, same engine in Node) for one machine. */
export function cli(machine: string, flags: Record<string, string | number>): CliOutput {
  const args = ['tsx', 'src/cli/main.ts', 'llm', '--machine', machine, ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])];
  return JSON.parse(execFileSync('npx', args, { encoding: 'utf8', cwd: process.cwd() })) as CliOutput;
}

/** What a script prints by default: the result without the timelines. */
const RESULT_OUT = `r.lpu.network = null;
r.gpu.network = null;
process.stdout.write(JSON.stringify(r));`;

/** Runs a throwaway script that ends with `const r = simulateLlm(...)` in Node and returns what `out` prints (default: r without the timelines). */
function runEngineScript<T = LlmResult>(name: string, body: string, out = RESULT_OUT): T {
  const root = process.cwd();
  const file = join(tmpdir(), `sramlat-${name}-${process.pid}-${Date.now()}.mts`);
  writeFileSync(
    file,
    `import { simulateLlm } from '${root}/src/engine/llm/simulate';
import { createInterconnect } from '${root}/src/engine/interconnect';
import { loadWasmModule } from '${root}/src/engine/wasmNode';
import { DEFAULT_SCENARIO, cloneScenario } from '${root}/src/scenario/defaults';
import { MODELS } from '${root}/src/engine/llm/models';
void DEFAULT_SCENARIO; void cloneScenario; void MODELS; // for the patches' extra statements
const net = createInterconnect(await loadWasmModule('interconnect'));
${body}
${out}
`,
  );
  try {
    return JSON.parse(execFileSync('npx', ['tsx', file], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 })) as T;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The engine's full LlmResult (occupancy, sweep, roofline: what the CLI does not print) for the
 * default scenario patched, computed in Node with the wasm interconnect.
 */
export function engineResult(patch: { llm?: Record<string, unknown>; lpu?: Record<string, unknown> }, extra = ''): LlmResult {
  return runEngineScript(
    'engine',
    `const s = cloneScenario(DEFAULT_SCENARIO);
const p = ${JSON.stringify(patch)};
Object.assign(s.llm, p.llm ?? {});
Object.assign(s.lpu, p.lpu ?? {});
${extra}
const r = simulateLlm(s, net);`,
  );
}

/** The utilisation of each machine's busiest link (null: no network) for the default scenario patched. */
export function busiestLinks(patch: { llm?: Record<string, unknown>; lpu?: Record<string, unknown>; gpu?: Record<string, unknown> }): {
  lpu: number | null;
  gpu: number | null;
} {
  return runEngineScript(
    'busiest',
    `const s = cloneScenario(DEFAULT_SCENARIO);
const p = ${JSON.stringify(patch)};
Object.assign(s.llm, p.llm ?? {});
Object.assign(s.lpu, p.lpu ?? {});
Object.assign(s.gpu, p.gpu ?? {});
const r = simulateLlm(s, net);`,
    `const max = (m) => (m.network ? m.network.links.reduce((a, l) => Math.max(a, l.utilization), 0) : null);
process.stdout.write(JSON.stringify({ lpu: max(r.lpu), gpu: max(r.gpu) }));`,
  );
}

/** The engine's LlmResult for a whole scenario (e.g. a tour step's), computed in Node. */
export function scenarioResult(scenario: unknown): LlmResult {
  return runEngineScript('scenario', `const r = simulateLlm(${JSON.stringify(scenario)}, net);`);
}

export const SCENARIO = {
  model: 'llama-2-70b',
  batch: 1,
  prompt: 1024,
  output: 256,
  weights: 'fp16',
  activations: 'fp16',
  kv: 'fp16',
} as const;
