import { describe, expect, it } from 'vitest';
import { createInterconnect } from '../interconnect';
import { loadWasmModule } from '../wasmNode';
import { simulateLlm } from './simulate';
import { DEFAULT_SCENARIO, cloneScenario } from '../../scenario/defaults';

describe('batch sweep', async () => {
  const net = createInterconnect(await loadWasmModule('interconnect'));
  const base = cloneScenario(DEFAULT_SCENARIO);

  it("keeps the scenario's machine at every batch by default; its point at the scenario's batch equals the table", () => {
    const r = simulateLlm(base, net);
    for (const m of [r.lpu, r.gpu]) {
      const pts = r.sweep.filter((p) => p.machine === m.machine);
      for (const p of pts.filter((q) => q.fits)) expect(p.chips, `${m.machine} batch ${p.batch}`).toBe(m.chips);
      const at1 = pts.find((p) => p.batch === base.llm.batch);
      expect(at1?.tokensPerSecondPerUser).toBeCloseTo(m.tokensPerSecondPerUser, 6);
      // a fixed machine serves more users more slowly each, never faster
      const fit = pts.filter((p) => p.fits);
      for (let k = 1; k < fit.length; k++)
        expect(fit[k].tokensPerSecondPerUser).toBeLessThanOrEqual(fit[k - 1].tokensPerSecondPerUser * 1.0001);
    }
    // 8 GPUs of 80 GiB hold a few hundred users of 1,280 tokens: the largest batches do not fit
    expect(r.sweep.some((p) => p.machine === r.gpu.machine && !p.fits)).toBe(true);
  });

  it('"minimum machine per batch" re-chooses the machine, and says so in the chips of each point', () => {
    const s = cloneScenario(base);
    s.llm.sweepMachine = 'minimum';
    const r = simulateLlm(s, net);
    const gpuChips = new Set(r.sweep.filter((p) => p.machine === r.gpu.machine && p.fits).map((p) => p.chips));
    expect(gpuChips.size).toBeGreaterThan(1);
    expect(r.sweep.filter((p) => p.machine === r.gpu.machine).every((p) => p.fits)).toBe(true);
  });
});
