// Published per-user decode speeds, 2024-2026: what vendors and benchmarkers reported, with
// date and source, for the tour "2024 claims, 2026 machines". Not engine data: where a record
// is also a calibration case (`corpusId`), the calibration table shows what the model gives.
// Sources were read for docs/research/ (quotes there); "secondary" marks reports of a figure.

export interface SpeedRecord {
  /** When it was published (YYYY-MM, or YYYY-MM-DD). */
  date: string;
  model: string;
  machine: string;
  tokensPerSecondPerUser: number;
  /** Speculative decoding used: true, false, or null when the source does not say. */
  speculative: boolean | null;
  /** Where it was published, short (shown in the table). */
  source: string;
  /** What the source says, in its words where it matters (behind the row's "?"). */
  detail: string;
  corpusId?: string;
}

export const SPEED_RECORDS: readonly SpeedRecord[] = [
  {
    date: '2024-01-10',
    model: 'Llama 2 70B',
    machine: 'GroqChip 1 (GroqCloud)',
    tokensPerSecondPerUser: 255,
    speculative: false,
    source: 'LLMPerf leaderboard',
    detail:
      'ray-project/llmperf-leaderboard raw_data/summary/groq_70b.json: decode rate from the median end-to-end time 0.805 s and TTFT 0.222 s over 150 tokens',
    corpusId: 'groq-70b-llmperf-decode',
  },
  {
    date: '2024-02',
    model: 'Llama 2 70B',
    machine: 'GroqChip 1, ~576 chips',
    tokensPerSecondPerUser: 300,
    speculative: false,
    source: 'TechPowerUp (secondary)',
    detail:
      'TechPowerUp news, Feb 2024: "Llama 2 70B with 4096 token context length ... 300 tokens/s"; the ~576-chip system from an HN comment',
  },
  {
    date: '2024-08-27',
    model: 'Llama 3.1 70B',
    machine: 'Cerebras CS-3',
    tokensPerSecondPerUser: 450,
    speculative: false,
    source: 'Cerebras blog',
    detail:
      'cerebras.ai/blog/introducing-cerebras-inference-ai-at-instant-speed: "450 tokens per second for Llama3.1 70B ... using native 16-bit weights"',
  },
  {
    date: '2024-11',
    model: 'Llama 3.1 405B',
    machine: 'Cerebras CS-3',
    tokensPerSecondPerUser: 969,
    speculative: null,
    source: "Tom's Hardware (secondary)",
    detail: 'tomshardware.com, quoting Cerebras: 969 tokens/s, time to first token 0.24 s, 16-bit weights',
    corpusId: 'cerebras-l31-405b-969',
  },
  {
    date: '2024-late',
    model: 'Llama 3.1 70B',
    machine: 'GroqChip 1 (llama-3.1-70b-specdec)',
    tokensPerSecondPerUser: 1660,
    speculative: true,
    source: 'theaiobserver.com (secondary)',
    detail: 'theaiobserver.com: "increasing processing speed from 250 T/s to 1660 T/s"; the draft model is not named',
  },
  {
    date: '2025-05',
    model: 'Llama 4 Maverick',
    machine: 'NVIDIA DGX B200 (8 x B200)',
    tokensPerSecondPerUser: 1038,
    speculative: true,
    source: 'NVIDIA blog; Artificial Analysis',
    detail:
      'NVIDIA developer blog "Blackwell Breaks the 1,000 TPS/User Barrier With Meta\'s Llama 4 Maverick": EAGLE-3, FP8, TensorRT-LLM; 1,038 measured by Artificial Analysis (per en.gamegpu.com)',
    corpusId: 'nvidia-maverick-b200-eagle3-1038',
  },
  {
    date: '2025-05',
    model: 'Llama 4 Maverick',
    machine: 'Cerebras CS-3',
    tokensPerSecondPerUser: 2522,
    speculative: null,
    source: 'Artificial Analysis (secondary)',
    detail: "Artificial Analysis, as reported by cysecurity.news and aitechsuite.com: 2,522 tokens/s against NVIDIA's 1,038",
    corpusId: 'cerebras-maverick-2522',
  },
  {
    date: '2025-05',
    model: 'Llama 4 Maverick',
    machine: 'GroqChip 1 (GroqCloud)',
    tokensPerSecondPerUser: 276,
    speculative: null,
    source: 'Artificial Analysis (secondary)',
    detail: 'Artificial Analysis, as reported by en.gamegpu.com (Groq 276, Amazon 291, SambaNova 792 tokens/s on Llama 4 Maverick)',
  },
  {
    date: '2025',
    model: 'DeepSeek-R1',
    machine: 'NVIDIA 8 x B200 (TensorRT-LLM)',
    tokensPerSecondPerUser: 368,
    speculative: true,
    source: 'TensorRT-LLM blog',
    detail:
      'NVIDIA/TensorRT-LLM tech blog "Pushing Latency Boundaries: Optimizing DeepSeek-R1 Performance on NVIDIA B200 GPUs": batch 1, NVFP4, 3 MTP layers, 67 -> 253 -> 368 tokens/s',
    corpusId: 'trtllm-dsr1-b200-mtp3-368',
  },
  {
    date: 'undated',
    model: 'Qwen3-235B-A22B',
    machine: 'Cerebras',
    tokensPerSecondPerUser: 1500,
    speculative: null,
    source: 'Cerebras docs',
    detail: 'inference-docs.cerebras.ai/models/qwen-3-235b: "Speed ~1500 tokens/sec" (undated snapshot)',
    corpusId: 'cerebras-qwen3-235b-1500',
  },
  {
    date: '2026-05',
    model: 'Kimi K2.6',
    machine: 'Cerebras',
    tokensPerSecondPerUser: 981,
    speculative: null,
    source: 'Artificial Analysis (secondary)',
    detail: 'Artificial Analysis, as reported by generalinput.com and gentic.news; precision and system size undisclosed',
  },
];
