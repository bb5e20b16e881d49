// Number formats: bytes per element and which peak rate a matmul runs at.
import type { ChipSpec, GpuSpec, Precision } from '../../scenario/types';
import { lpuClockScale } from './hardware';

/**
 * OCP Microscaling (MX) v1.0: blocks of 32 FP4 (E2M1) elements share one 8-bit E8M0 scale,
 * 4 + 8 / 32 = 4.25 bits per element (the format gpt-oss ships its expert weights in).
 */
const MXFP4_BITS = 4 + 8 / 32;

export function bytesPerElement(p: Precision): number {
  switch (p) {
    case 'fp16':
    case 'bf16':
      return 2;
    case 'fp8':
    case 'int8':
      return 1;
    case 'int4':
      return 0.5;
    case 'mxfp4':
      return MXFP4_BITS / 8;
  }
}

/**
 * The input embedding table is looked up, not multiplied: every stack we read stores it at
 * 16 bits whatever the weights' format (gpt-fast quantize.py, TensorRT Model Optimizer and
 * vLLM quantise Linear layers only).
 */
export const EMBEDDING_TABLE_FORMAT: Precision = 'bf16';

/**
 * The output head's weight format: the weights' own when the software quantises it, else
 * 16 bits (never wider than the weights themselves).
 */
export function outputHeadFormat(weights: Precision, quantised: boolean): Precision {
  return quantised || bytesPerElement(weights) >= 2 ? weights : 'bf16';
}

/**
 * The format the multiply runs in. When weights and activations differ in width the narrow
 * operand is widened (weight-only quantisation saves memory and bandwidth, not math).
 */
export function mathPrecision(weights: Precision, activations: Precision): Precision {
  const wb = bytesPerElement(weights);
  const ab = bytesPerElement(activations);
  if (wb === ab) return weights;
  return wb > ab ? weights : activations;
}

/** Peak TFLOPS (or TOPS) of one SRAM chip in a format. The TSP has fp16 and int8 units only. */
export function chipPeakTflops(chip: ChipSpec, math: Precision): number {
  return (bytesPerElement(math) >= 2 ? chip.tflopsFp16 : chip.topsInt8) * lpuClockScale(chip);
}

/** Peak dense TFLOPS (or TOPS) of one GPU in a format, falling back to the next wider unit. */
export function gpuPeakTflops(gpu: GpuSpec, math: Precision): number {
  switch (math) {
    case 'fp16':
    case 'bf16':
      return gpu.tflopsBf16;
    case 'fp8':
      return gpu.tflopsFp8 || gpu.tflopsBf16;
    case 'int8':
      return gpu.topsInt8 || gpu.tflopsBf16;
    case 'int4':
    case 'mxfp4':
      return gpu.tflopsFp4 || gpu.topsInt8 || gpu.tflopsBf16;
  }
}
