// Batch sweep (static batches): throughput per user against throughput per chip, dollar and watt.
// By default (llm.sweepMachine = 'fixed') the scenario's machine stays as it is at every batch
// ("how does this machine serve more users"), and a batch whose KV cache no longer fits is a
// point with fits: false; 'minimum' re-chooses the smallest system that holds each batch
// (the SRAM machine grows with the KV cache of more users). simulate.ts passes the inputs. Each point re-partitions on those chips and takes the time per output
// token in closed form (users pipelined in micro-batches over the stages), with its
// communication multiplied by the ratio simulated / closed-form measured on the scenario's
// own pass (contention, routing). A discrete-event run per point would multiply
// simulateLlm's time by the number of points.
import type { SweepPoint } from '../types';
import { layoutLpu, lpuDecodeTokenUs, type LpuInputs } from './lpu';
import { gpuDecodeTokenUs, type GpuInputs } from './gpu';
import { gpuLayout } from './partition';

const SWEEP_MAX_BATCH = 256;

export function sweepBatches(max = SWEEP_MAX_BATCH): number[] {
  const out: number[] = [];
  for (let b = 1; b <= max; b *= 2) out.push(b);
  return out;
}

function point(machine: string, batch: number, tpotUs: number, chips: number, costPerHour: number, powerW: number): SweepPoint {
  const system = (batch * 1e6) / tpotUs;
  return {
    machine,
    batch,
    fits: true,
    chips,
    tokensPerSecondPerUser: 1e6 / tpotUs,
    tokensPerSecondPerChip: system / chips,
    tokensPerSecondPerDollarHour: costPerHour > 0 ? system / costPerHour : 0,
    tokensPerSecondPerWatt: system / powerW,
  };
}

const none = (machine: string, batch: number): SweepPoint => ({
  machine,
  batch,
  fits: false,
  chips: 0,
  tokensPerSecondPerUser: 0,
  tokensPerSecondPerChip: 0,
  tokensPerSecondPerDollarHour: 0,
  tokensPerSecondPerWatt: 0,
});

/** `scale`: the scenario's simulated / closed-form time per token, so the point at its batch equals the table. */
export function lpuSweepPoint(i: LpuInputs, batch: number, commScale: number, scale = 1): SweepPoint {
  const inputs = { ...i, explain: false, shape: { ...i.shape, batch } };
  const layout = layoutLpu(inputs);
  if (!layout.fits) return none('lpu', batch);
  const d = lpuDecodeTokenUs(i, inputs.shape, layout, commScale);
  const chips = layout.chips + (d.spec?.draftChips ?? 0);
  return point('lpu', batch, d.tokenUs * scale, chips, chips * i.chip.priceUsdPerChipHour, chips * i.chip.powerW);
}

export function gpuSweepPoint(i: GpuInputs, batch: number, commScale: number, scale: number): SweepPoint {
  const inputs = { ...i, shape: { ...i.shape, batch } };
  const machine = String(i.gpu.id);
  const layout = gpuLayout(i.model, inputs.shape, i.gpu, i.gpus, i.tp);
  if (!layout.fits) return none(machine, batch);
  const tpotUs = gpuDecodeTokenUs(inputs, layout.tp, layout.pp, commScale).tokenUs * scale;
  return point(machine, batch, tpotUs, layout.gpus, layout.gpus * i.gpu.priceUsdPerHour, layout.gpus * i.gpu.powerW);
}
