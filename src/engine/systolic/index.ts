// Public API of the systolic-array engine.
export {
  createSystolicEngine,
  CancelledError,
  wouldStep,
  DEFAULT_MAX_STEPPED_PE_CYCLES,
  MAX_STEPPED_BYTES,
  MAX_MATRIX_ELEMENTS,
  MAX_TRACE_CYCLES,
} from './engine';
export type { SystolicEngine, RunOptions, RunOutcome, EngineChoice } from './engine';
export { closedFormGemm, sramCumulativeAt, FOLD_CYCLES_LIMIT } from './closedForm';
export { scaleSimFigures } from './scalesim';
export { closedFormSram } from './sram';
export { foldGeometry, foldAt } from './geometry';
export type { FoldGeometry, Fold, GemmShape } from './geometry';
export { generateOperands, operandKey, operandValue, matmulInt32 } from './operands';
