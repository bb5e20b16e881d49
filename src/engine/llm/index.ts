// Public API of the LLM serving model.
export { simulateLlm, lpuInputs, gpuInputs, LLM_PANEL_MAX_EVENTS, type SimulateLlmOptions } from './simulate';
export { shapeOf } from './shapes';
export { microBatching, pipelinedTokenUs, pipelinedPrefillUs, type MicroBatching } from './pipeline';
export { llmInputProblems, validateLlmInputs, LLM_LIMITS, type LlmProblem } from './validate';
export { calibrationRows, summarise, CORPUS, REGIMES, type CorpusCase } from './calibration';
export { MODELS, resolveModel } from './models';
export { LPU_CHIP, GPUS, resolveChip, resolveGpu } from './hardware';
export { analyticInterconnect, evaluateProgram, type Interconnect } from './analyticNetwork';
export { decodeStepLpu, buildLpuDecodeStepCase, LPU_STEP_CASES, type LpuStepCase } from './benchCases';
export { runLpu, layoutLpu, buildLpuDecodeStep, type LpuInputs, type LpuRun } from './lpu';
export { runGpu, buildGpuDecodeStep, type GpuInputs, type GpuRun } from './gpu';
export { lpuLayout, gpuLayout, PREFILL_CHUNK_TOKENS, HBM_USABLE_FRACTION, type LpuLayout, type GpuLayout, type Shape } from './partition';
export * from './workload';
export { bytesPerElement, mathPrecision } from './precision';
