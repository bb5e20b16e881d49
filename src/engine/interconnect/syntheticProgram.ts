// A synthetic but realistic decode step of Llama-2-70B (batch 1) for the bench and tests:
// pipeline stages over the 80 layers, a tensor-parallel group of chips per stage, two
// all-reduces of the hidden vector per layer (after attention, after the MLP), and a
// hand-off of the hidden vector from each chip to its counterpart in the next stage.
// Compute time per chip = its share of the layer's weights / on-chip SRAM bandwidth
// (batch-1 decode is weight-bandwidth bound). The real program builder lives in src/engine/llm.
import type { Program, Task } from './program';

const LLAMA2_70B = {
  layers: 80,
  hiddenSize: 8192,
  /** q, o: h x h; k, v: h x h/8 (grouped-query attention, 8 KV heads of 64). */
  attentionParams: 8192 * 8192 * 2.25,
  /** gate, up, down: 3 x h x 28,672. */
  mlpParams: 3 * 8192 * 28672,
  source: 'Touvron et al., "Llama 2" (2023), Table 1 and model card config (hidden 8192, 80 layers, FFN 28672, 8 KV heads)',
} as const;

const LPU_SRAM = {
  bandwidthBytesPerUs: 80e12 / 1e6,
  source: 'Groq LPU: 80 TB/s on-die SRAM bandwidth per chip (groq.com, "What is a Language Processing Unit?", 2024)',
} as const;

export interface SyntheticDecodeOptions {
  chips: number;
  /** Default: the largest divisor of `chips` not above the layer count. */
  pipelineStages?: number;
  batch?: number;
  bytesPerWeight?: number;
  bytesPerActivation?: number;
}

function defaultStages(chips: number, layers: number = LLAMA2_70B.layers): number {
  for (let s = Math.min(chips, layers); s >= 1; s--) if (chips % s === 0) return s;
  return 1;
}

export function syntheticDecodeProgram(opts: SyntheticDecodeOptions): Program {
  const { chips } = opts;
  const layers = LLAMA2_70B.layers;
  const stages = opts.pipelineStages ?? defaultStages(chips);
  if (!Number.isInteger(stages) || stages < 1 || stages > layers || chips % stages !== 0) {
    throw new Error(`pipelineStages: must divide chips = ${chips} and be in [1, ${layers}] (got ${stages})`);
  }
  const tp = chips / stages;
  const batch = opts.batch ?? 1;
  const wBytes = opts.bytesPerWeight ?? 2;
  const hiddenBytes = LLAMA2_70B.hiddenSize * (opts.bytesPerActivation ?? 2) * batch;
  const attnUs = (LLAMA2_70B.attentionParams * wBytes) / tp / LPU_SRAM.bandwidthBytesPerUs;
  const mlpUs = (LLAMA2_70B.mlpParams * wBytes) / tp / LPU_SRAM.bandwidthBytesPerUs;

  const tasks: Task[] = [];
  let id = 0;
  // what each chip of the current stage must wait for before its next layer
  let ready: number[][] = Array.from({ length: tp }, () => []);
  for (let s = 0; s < stages; s++) {
    const group = Array.from({ length: tp }, (_, i) => s * tp + i);
    const first = Math.floor((s * layers) / stages);
    const last = Math.floor(((s + 1) * layers) / stages);
    for (let layer = first; layer < last; layer++) {
      for (const [part, us] of [
        ['attention', attnUs],
        ['mlp', mlpUs],
      ] as const) {
        const computes: number[] = [];
        for (let i = 0; i < tp; i++) {
          tasks.push({ kind: 'compute', id, chip: group[i], durationUs: us, deps: ready[i], label: `layer ${layer} ${part}` });
          computes.push(id++);
        }
        if (tp > 1) {
          tasks.push({
            kind: 'allreduce',
            id,
            chips: group,
            bytes: hiddenBytes,
            deps: computes,
            label: `layer ${layer} ${part} all-reduce`,
          });
          ready = group.map(() => [id]);
          id++;
        } else {
          ready = [[computes[0]]];
        }
      }
    }
    if (s + 1 < stages) {
      const next: number[][] = [];
      for (let i = 0; i < tp; i++) {
        tasks.push({
          kind: 'send',
          id,
          src: group[i],
          dst: group[i] + tp,
          bytes: hiddenBytes,
          deps: ready[i],
          label: `stage ${s} -> ${s + 1}`,
        });
        next.push([id++]);
      }
      ready = next;
    }
  }
  return { tasks };
}
