// Interconnect simulation speed: one Llama-2-70B decode step (synthetic program, see
// src/engine/interconnect/syntheticProgram.ts) on a 576-chip and a 10,440-chip dragonfly.
// Wall time per simulate() call including TS -> wasm marshalling and result building;
// median of several runs after one warm-up. Also reports the process CPU time per call
// (decode576CpuMs, decode10440CpuMs).
import { loadWasmModule } from '../engine/wasmNode';
import { createInterconnect } from '../engine/interconnect';
import type { NetworkSpec } from '../engine/interconnect/program';
import { syntheticDecodeProgram } from '../engine/interconnect/syntheticProgram';

/** GroqRack-like dragonfly figures, for timing only (the presets own the sourced figures). */
function dragonfly(chips: number): NetworkSpec {
  return {
    topology: 'dragonfly',
    chips,
    chipsPerNode: 8,
    linkBandwidthGBps: 100,
    hopLatencyUs: 0.6,
    globalLinksPerChip: 4,
    globalBandwidthGBps: 100,
    globalLatencyUs: 0.6,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function runInterconnectBench(log: (line: string) => void): Promise<Record<string, number>> {
  const sim = createInterconnect(await loadWasmModule('interconnect'));
  const out: Record<string, number> = {};
  for (const [chips, runs, key] of [
    [576, 15, 'decode576Ms'],
    [10440, 5, 'decode10440Ms'],
  ] as const) {
    const spec = dragonfly(chips);
    const program = syntheticDecodeProgram({ chips });
    const warm = sim.simulate(spec, program);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sim.simulate(spec, program);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    out[key] = median(times);
    // CPU time of this process: less sensitive than wall time to other jobs on a shared machine
    out[key.replace('Ms', 'CpuMs')] = median(cpu);
    log(
      `interconnect: decode step, ${chips} chips (dragonfly, ${program.tasks.length} tasks): ` +
        `${out[key].toFixed(1)} ms per simulation (median of ${runs}; CPU ${median(cpu).toFixed(1)} ms); simulated step ${warm.stepUs.toFixed(1)} us, ` +
        `critical path ${warm.computeUs.toFixed(1)} us compute + ${warm.communicationUs.toFixed(1)} us communication`,
    );
  }
  return out;
}
