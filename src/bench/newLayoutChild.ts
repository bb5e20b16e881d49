// Run in a fresh process by newLayout.ts: the control changes of e2e/responsiveness.spec.ts,
// replayed on the engine from a first load, so the JIT is as cold as in a worker after load.
// Prints each change's simulateLlm wall and process CPU time (ms) as JSON.
import { loadWasmModule } from '../engine/wasmNode';
import { createInterconnect } from '../engine/interconnect';
import { simulateLlm } from '../engine/llm/simulate';
import { DEFAULT_SCENARIO, cloneScenario } from '../scenario/defaults';
import type { GpuId } from '../scenario/types';
import { SPEC_CHANGES } from './specChanges';

const sim = createInterconnect(await loadWasmModule('interconnect'));
const s = cloneScenario(DEFAULT_SCENARIO);
simulateLlm(s, sim);
const wall: number[] = [];
const cpu: number[] = [];
for (const [control, value] of SPEC_CHANGES) {
  if (control === 'llm-batch') s.llm.batch = Number(value);
  else if (control === 'llm-prompt') s.llm.prompt = Number(value);
  else s.gpu.gpu = value as GpuId;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  simulateLlm(s, sim);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
process.stdout.write(JSON.stringify({ wall, cpu }));
