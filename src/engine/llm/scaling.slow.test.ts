// Scaled inference at batch 1: a layer costs a fixed time (fitted on Groq's published 7B and
// 70B speeds) plus its share of the weights streamed. Wider tensor parallel cuts only the
// streamed share and adds all-reduce time, so past the minimum system more chips do not help.
import { beforeAll, describe, expect, it } from 'vitest';
import { createInterconnect, type Interconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { LPU_CHIP, resolveChip } from './hardware';
import { MODELS } from './models';
import { runLpu, type LpuInputs } from './lpu';
import type { ChipSpec } from '../../scenario/types';

let net: Interconnect;
beforeAll(async () => {
  net = createInterconnect(await loadWasmModule('interconnect'));
});

const run = (chips: number, tp?: number, chip: ChipSpec = LPU_CHIP) =>
  runLpu(
    {
      model: MODELS['llama-2-70b'],
      chip,
      chips,
      topology: 'dragonfly',
      maxEvents: 0,
      shape: { batch: 1, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' },
      ...(tp ? { tp } : {}),
    } satisfies LpuInputs,
    net,
  ).result;

describe('scaled inference on the SRAM machine, batch 1', () => {
  it('past the minimum system more chips do not shorten a token: the layout stays, the extra chips idle', () => {
    const [a, b, c] = [648, 1296, 2592].map((n) => run(n));
    expect(b.tpotMs).toBeGreaterThan(a.tpotMs * 0.99);
    expect(c.tpotMs).toBeGreaterThan(a.tpotMs * 0.99);
    expect(c.tensorParallel).toBe(a.tensorParallel);
    // the fixed time per layer is most of the step
    expect(a.breakdown.overheadMs).toBeGreaterThan(0.5 * a.tpotMs);
  });

  it('widening the group cuts the memory time but adds more network time than it saves', () => {
    const narrow = run(10440, 8);
    const mid = run(10440, 48);
    const wide = run(10440, 96);
    expect(mid.breakdown.memoryMs).toBeLessThan(narrow.breakdown.memoryMs / 2);
    expect(mid.breakdown.networkMs).toBeGreaterThan(narrow.breakdown.networkMs);
    expect(mid.tpotMs).toBeGreaterThan(narrow.tpotMs);
    expect(wide.tpotMs).toBeGreaterThan(mid.tpotMs);
    expect(wide.breakdown.networkMs).toBeGreaterThan(wide.breakdown.memoryMs + wide.breakdown.computeMs);
  });

  it('without the fixed time per layer, wider groups would pay: the fit, not the topology, sets the limit', () => {
    const free = resolveChip({ chip: 'lpu', overrides: { layerOverheadUs: 0 } });
    expect(run(10440, 48, free).breakdown.memoryMs).toBeLessThan(run(10440, 8, free).breakdown.memoryMs);
    expect(run(648, undefined, free).tpotMs).toBeLessThan(0.5 * run(648).tpotMs);
  });

  it('a clock override scales peak compute and SRAM bandwidth: half the clock, twice the memory time', () => {
    const base = run(648, 16);
    const slow = run(648, 16, resolveChip({ chip: 'lpu', overrides: { clockMHz: LPU_CHIP.clockMHz / 2 } }));
    expect(slow.breakdown.memoryMs).toBeCloseTo(2 * base.breakdown.memoryMs, 6);
    expect(slow.tpotMs).toBeGreaterThan(base.tpotMs);
  });
});
