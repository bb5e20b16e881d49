// The control changes e2e/responsiveness.spec.ts makes in the browser, in order; the bench replays
// them on the engine. Batch re-simulates both machines (the most work a control causes), prompt
// length both machines' prefill, the GPU choice only the GPU.
export const SPEC_CHANGES: readonly (readonly [control: 'llm-batch' | 'llm-prompt' | 'gpu-gpu', value: string])[] = [
  ['llm-batch', '2'],
  ['llm-batch', '4'],
  ['gpu-gpu', 'h200'],
  ['llm-prompt', '1000'],
  ['llm-batch', '8'],
  ['gpu-gpu', 'h100-sxm'],
  ['llm-batch', '16'],
  ['llm-prompt', '512'],
  ['llm-batch', '3'],
  ['gpu-gpu', 'h200'],
  ['llm-batch', '32'],
  ['llm-prompt', '2048'],
  ['llm-batch', '5'],
  ['gpu-gpu', 'h100-sxm'],
  ['llm-batch', '64'],
  ['llm-prompt', '256'],
  ['llm-batch', '6'],
  ['gpu-gpu', 'h200'],
  ['llm-batch', '1'],
  ['llm-prompt', '1536'],
];

/** Indices of the changes that move the SRAM machine to a layout not simulated before (prompt 2048, batch 64). */
export const NEW_LAYOUT_CHANGES = [11, 14] as const;
