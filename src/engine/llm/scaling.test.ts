// Scaled inference at batch 1: wider tensor parallel cuts each chip's share of the weights
// (streamed at sramBandwidth x sramEfficiency) until the all-reduces dominate.
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

const run = (chips: number, tp?: number, chip: ChipSpec = LPU_CHIP) => runLpu({
  model: MODELS['llama-2-70b'], chip, chips, topology: 'dragonfly', maxEvents: 0,
  shape: { batch: 1, prompt: 1024, output: 256, weights: 'fp16', activations: 'fp16', kv: 'fp16' }, ...(tp ? { tp } : {}),
} satisfies LpuInputs, net).result;

describe('scaled inference on the SRAM machine, batch 1', () => {
  it('more chips: shorter time per token, then no longer (648 -> 1296 -> 2592)', () => {
    const [a, b, c] = [648, 1296, 2592].map((n) => run(n));
    expect(b.tpotMs).toBeLessThan(a.tpotMs);
    expect(b.tensorParallel).toBeGreaterThan(a.tensorParallel);
    expect(c.tpotMs).toBeLessThanOrEqual(b.tpotMs * 1.01);
  });

  it('widening the group cuts the memory time; at a wide group the network exceeds it', () => {
    const narrow = run(10440, 16);
    const mid = run(10440, 48);
    const wide = run(10440, 96);
    expect(mid.tpotMs).toBeLessThan(narrow.tpotMs);
    expect(mid.breakdown.memoryMs).toBeLessThan(narrow.breakdown.memoryMs / 2);
    expect(wide.tpotMs).toBeGreaterThan(mid.tpotMs);
    expect(wide.breakdown.networkMs).toBeGreaterThan(wide.breakdown.memoryMs + wide.breakdown.computeMs);
  });

  it('a clock override scales peak compute and SRAM bandwidth: half the clock, twice the memory time', () => {
    const base = run(648, 16);
    const slow = run(648, 16, resolveChip({ chip: 'lpu', overrides: { clockMHz: LPU_CHIP.clockMHz / 2 } }));
    expect(slow.breakdown.memoryMs).toBeCloseTo(2 * base.breakdown.memoryMs, 6);
    expect(slow.tpotMs).toBeGreaterThan(base.tpotMs);
  });
});
