// The workload shape each machine runs: the scenario's batch, lengths and precisions, and for
// the GPU the output head's format its serving stack uses.
import type { Scenario } from '../../scenario/types';
import type { Shape } from './partition';
import { outputHeadFormat } from './precision';
import { STACKS } from './stacks';

export function shapeOf(s: Pick<Scenario, 'llm'>): Shape {
  const { batch, prompt, output, weights, activations, kv, batching } = s.llm;
  return { batch, prompt, output, weights, activations, kv, batching };
}

/**
 * The GPU's shape: the serving stack decides the output head's format. (The SRAM machine's
 * compiler is assumed to run every matmul in the weights' format: no source says otherwise.)
 */
export function gpuShapeOf(s: Pick<Scenario, 'llm' | 'gpu'>): Shape {
  const shape = shapeOf(s);
  return { ...shape, head: outputHeadFormat(shape.weights, STACKS[s.gpu.stack].quantisesOutputHead) };
}
