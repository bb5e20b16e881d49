// Named scenarios: each a patch of the teaching default, with a title and the source of
// every figure it sets (keyed by field path). Links name a preset and carry only the
// fields that differ from it, so preset ids and their contents are part of the link
// format: add presets freely, but never change or remove an existing one's patch.
import { DEFAULT_SCENARIO } from './defaults';
import { applyPatch, type ScenarioPatch } from './patch';
import type { Scenario } from './types';

export interface Preset {
  id: string;
  title: string;
  description: string;
  patch: ScenarioPatch;
  /** Field path -> where the figure or choice comes from. */
  sources: Record<string, string>;
  /** DEFAULT_SCENARIO with `patch` applied. */
  scenario: Scenario;
}

type PresetDef = Omit<Preset, 'scenario'>;

const DEFS = [
  {
    id: 'default',
    title: 'Teaching default',
    description: 'An 8x8 weight-stationary array on a small GEMM; Llama-2-70B, one user, fp16, on the SRAM-only system vs H100.',
    patch: {},
    sources: { 'llm.model': 'Llama-2-70B: the model of Groq\'s public demo (TechPowerUp; isopack blog "About that Groq demo")' },
  },
  {
    id: 'tpu-array',
    title: 'A TPU-sized array',
    description: '128x128 systolic array (the matrix unit size of TPU v2 onwards) on a 256-cube GEMM: folds and utilisation at scale.',
    patch: { gemm: { rows: 128, cols: 128, m: 256, k: 256, n: 256 } },
    sources: {
      'gemm.rows':
        'Google TPU v2/v3 MXU: 128x128 (Norrie et al. 2021, "The Design Process for Google\'s Training Chips: TPUv2 and TPUv3", IEEE Micro)',
    },
  },
  {
    id: 'talk-70b',
    title: "The talk's demo: Llama-2-70B, one user",
    description: 'Llama-2-70B with a 4,096-token context for one user, against one 8-GPU H100 node.',
    patch: {
      llm: { prompt: 3072, output: 1024 },
      gpu: { gpus: 8, tp: 8 },
      view: { panel: 'latency' },
    },
    sources: {
      'llm.prompt': 'Groq demo: Llama-2-70B, 4,096 context, 1 user (TechPowerUp; isopack blog). The 3,072 / 1,024 split is an assumption.',
      'gpu.gpus': 'One 8-GPU HGX H100 node, the usual serving unit for a 70B model (assumption)',
    },
  },
  {
    id: 'llama-70b-int8',
    title: 'Llama-2-70B with 8-bit weights',
    description: 'The same model with int8 weights: reports of a ~576-chip system imply weights stored below 16 bits.',
    patch: { llm: { weights: 'int8' }, view: { panel: 'sram' } },
    sources: {
      'llm.weights':
        'published-figures.md: at fp16 Llama-2-70B needs ~600 chips of 230 MB; ~576 chips reported (TechPowerUp) implies sub-16-bit weights',
    },
  },
  {
    id: 'falcon-180b-claim',
    title: '180B parameters: "about 200 tokens per second"',
    description: 'Falcon-180B for one user, the SRAM-only system against B200, the GPU the talk calls the next generation.',
    patch: {
      llm: { model: 'falcon-180b', prompt: 1024, output: 512 },
      gpu: { gpu: 'b200' },
      view: { panel: 'latency' },
    },
    sources: {
      'llm.model': 'Talk 18:34: "on a 180 billion parameter model, we run about 200 tokens per second"',
      'gpu.gpu': 'Talk 18:42: "less than 50 on the next generation GPU that\'s coming out" (B200, 18:49)',
      'llm.prompt': 'Prompt and output lengths were not stated in the talk (assumption)',
    },
  },
  {
    id: 'gpt-fast-7b-a100',
    title: 'Calibration: Llama-2-7B on one A100',
    description: 'gpt-fast, batch 1, bf16 on one A100-80GB (power-capped to 330 W).',
    patch: {
      llm: { model: 'llama-2-7b', prompt: 128, output: 200, weights: 'bf16', activations: 'bf16', kv: 'bf16' },
      gpu: { gpu: 'a100-80gb', gpus: 1, tp: 1, overrides: { powerW: 330 } },
      view: { panel: 'latency' },
    },
    sources: {
      'gpu.gpu': 'pytorch-labs/gpt-fast README: Llama-2-7B bf16, 1 x A100-80GB power-capped at 330 W, 104.9 tokens/s',
      'gpu.overrides.powerW': 'pytorch-labs/gpt-fast README: A100-80GB power-limited to 330 W',
      'llm.output': 'gpt-fast generate.py default max_new_tokens = 200; the prompt length is an assumption',
    },
  },
  {
    id: 'gpt-fast-70b-8xa100',
    title: 'Calibration: Llama-2-70B on 8 A100s',
    description: 'gpt-fast, batch 1, bf16, tensor parallel over 8 A100-80GB.',
    patch: {
      llm: { prompt: 128, output: 200, weights: 'bf16', activations: 'bf16', kv: 'bf16' },
      gpu: { gpu: 'a100-80gb', gpus: 8, tp: 8 },
      view: { panel: 'latency' },
    },
    sources: {
      'gpu.gpus': 'pytorch-labs/gpt-fast README: Llama-2-70B bf16, 8 x A100-80GB tensor parallel, 62.5 tokens/s',
      'llm.output': 'gpt-fast generate.py default max_new_tokens = 200; the prompt length is an assumption',
    },
  },
  {
    id: 'nim-70b-2xh100',
    title: 'Calibration: 70B fp8 on 2 H100s (NIM)',
    description: 'Llama-3.x-70B, fp8, 5,000 tokens in and 500 out, one user, tensor parallel over 2 H100.',
    patch: {
      llm: { model: 'llama-3.1-70b', prompt: 5000, output: 500, weights: 'fp8', activations: 'fp8', kv: 'fp8' },
      gpu: { gpus: 2, tp: 2 },
      view: { panel: 'latency' },
    },
    sources: {
      'llm.model': 'NVIDIA NIM benchmarking docs measured Llama-3.3-70B, which has the Llama-3.1-70B architecture',
      'gpu.gpus': 'NVIDIA NIM 1.8 benchmarking docs: 2 x H100, TP 2, 5,000 in / 500 out: TTFT 406.8 ms, 18.58 ms per output token',
    },
  },
  {
    id: 'b200-30x',
    title: 'The "30x" setting: 1.8T MoE on GB200 NVL72',
    description: "NVIDIA's GTC 2024 projection: a 1.8T-parameter mixture of experts, 32k tokens in, 1k out, 4-bit on Blackwell.",
    patch: {
      llm: {
        model: 'custom',
        custom: {
          id: 'gpt-moe-1.8t',
          name: 'GPT-MoE 1.8T (assumed shape)',
          layers: 96,
          hidden: 12288,
          heads: 96,
          kvHeads: 8,
          headDim: 128,
          ffn: 46848,
          gatedFfn: false,
          vocab: 100352,
          experts: 16,
          activeExperts: 2,
          paramsB: 1800,
          source:
            'NVIDIA GTC 2024: GPT-MoE-1.8T. The architecture is not published; this shape (16 experts, 2 active) is an assumption sized to ~1.8T parameters',
        },
        batch: 64,
        prompt: 32768,
        output: 1024,
        weights: 'int4',
        activations: 'fp8',
        kv: 'fp8',
      },
      gpu: { gpu: 'b200', gpus: 72, overrides: { gpusPerNode: 72 } },
      view: { panel: 'latency' },
    },
    sources: {
      'llm.custom':
        'NVIDIA GTC 2024 keynote / GB200 NVL72 page: GPT-MoE-1.8T, 32k input / 1k output, FP4 on Blackwell vs FP8 on Hopper (published-figures.md)',
      'llm.weights': 'int4 stands in for FP4: same 4 bits per weight',
      'gpu.overrides.gpusPerNode': 'NVIDIA GB200 NVL72: 72 Blackwell GPUs in one NVLink domain',
      'llm.batch': 'Batch not published; 64 users is an assumption (the claim was at ~50 tokens/s per user)',
    },
  },
] as const satisfies readonly PresetDef[];

export type PresetId = (typeof DEFS)[number]['id'];

export const PRESETS: readonly Preset[] = DEFS.map((d) => ({
  ...d,
  patch: d.patch as ScenarioPatch,
  sources: d.sources as Record<string, string>,
  scenario: applyPatch(DEFAULT_SCENARIO, d.patch as ScenarioPatch),
}));

export const PRESET_IDS: readonly PresetId[] = DEFS.map((d) => d.id);

export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && (PRESET_IDS as readonly string[]).includes(id);
}

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The preset's full scenario (a fresh copy), or the default for an unknown id. */
export function presetScenario(id: string): Scenario {
  return structuredClone(findPreset(id)?.scenario ?? DEFAULT_SCENARIO);
}
