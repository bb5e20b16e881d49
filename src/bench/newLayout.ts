// The cold path of a control change that moves the SRAM machine to a new layout (a new topology
// built, a new program structure expanded and lowered): the e2e spec's changes replayed on the
// engine in fresh processes (newLayoutChild.ts), so the code runs as rarely as in the browser's
// worker. newLayoutMs: the median over processes of the two new-layout changes (prompt -> 2048,
// batch -> 64), and their process CPU time (newLayoutCpuMs: a loaded machine disturbs it less,
// though it counts the GC's helper threads too); changeMedianMs: the median of all 20 changes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NEW_LAYOUT_CHANGES } from './specChanges';

const PROCESSES = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function runNewLayoutBench(log: (line: string) => void): Record<string, number> {
  const child = fileURLToPath(new URL('./newLayoutChild.ts', import.meta.url));
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`newLayoutChild failed: ${r.stderr}`);
    const { wall, cpu } = JSON.parse(r.stdout) as { wall: number[]; cpu: number[] };
    for (const k of NEW_LAYOUT_CHANGES) {
      cold.push(wall[k]);
      coldCpu.push(cpu[k]);
    }
    all.push(...wall);
  }
  const out = { newLayoutMs: median(cold), newLayoutCpuMs: median(coldCpu), changeMedianMs: median(all) };
  log(
    `llm: a change to a new SRAM layout (the e2e spec's changes replayed in ${PROCESSES} fresh processes) ${out.newLayoutMs.toFixed(1)} ms ` +
      `(median of ${cold.length}: ${cold.map((t) => t.toFixed(0)).join(', ')}; CPU ${out.newLayoutCpuMs.toFixed(1)} ms); all changes median ${out.changeMedianMs.toFixed(1)} ms`,
  );
  return out;
}
