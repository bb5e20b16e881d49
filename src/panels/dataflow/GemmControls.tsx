// Inputs of the dataflow panel: the array (R x C, dataflow) and the GEMM (M, K, N).
// Bad input shows a message beside the control; the store keeps the last valid value,
// so the last valid run stays on screen.
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';

const DATAFLOW_OPTIONS = [
  { value: 'ws', label: 'weight stationary (ws)' },
  { value: 'os', label: 'output stationary (os)' },
  { value: 'is', label: 'input stationary (is)' },
] as const;

export function GemmControls() {
  return (
    <div className="gemm-controls" data-testid="gemm-controls">
      <h3>Systolic array</h3>
      <NumberField path="gemm.rows" title="PE rows of the array." />
      <NumberField path="gemm.cols" title="PE columns of the array." />
      <SelectField
        path="gemm.dataflow"
        options={DATAFLOW_OPTIONS}
        title="Which operand each PE holds still: the weight (ws), the output (os) or the input (is)."
      />
      <h3>GEMM: O[M x N] = A[M x K] · B[K x N]</h3>
      <NumberField path="gemm.m" title="Rows of A and of the output." />
      <NumberField path="gemm.k" title="Columns of A = rows of B: the dimension summed over." />
      <NumberField path="gemm.n" title="Columns of B and of the output." />
      <NumberField path="gemm.seed" title="Seed of the deterministic int8 operand generator." />
    </div>
  );
}
