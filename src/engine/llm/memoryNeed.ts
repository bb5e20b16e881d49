// What a machine that does not fit would have to hold, from the workload alone (the engine
// returns no per-chip occupancy then): the whole model's weights and KV cache vs the memory given.
import type { Scenario } from '../../scenario/types';
import type { MemoryNeed } from '../types';
import { resolveModel } from './models';
import { resolveChip, resolveGpu } from './hardware';
import { kvBytesPerSequence, weightBytesTotal } from './workload';
import { gpuShapeOf, shapeOf } from './shapes';
import { gpuHbmBytes } from './partition';

export function memoryNeed(s: Pick<Scenario, 'llm' | 'lpu' | 'gpu'>, machine: 'lpu' | 'gpu', chips: number): MemoryNeed {
  const model = resolveModel(s.llm);
  const perChip = machine === 'lpu' ? resolveChip(s.lpu).sramMB * 1e6 : gpuHbmBytes(resolveGpu(s.gpu));
  return {
    weightsBytes: weightBytesTotal(model, machine === 'gpu' ? gpuShapeOf(s) : shapeOf(s)),
    kvPromptBytes: kvBytesPerSequence(model, s.llm, s.llm.prompt) * s.llm.batch,
    kvFinalBytes: kvBytesPerSequence(model, s.llm, s.llm.prompt + s.llm.output) * s.llm.batch,
    capacityBytes: perChip * chips,
  };
}
