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
      <NumberField path="gemm.rows" unit="PEs" slider={{ min: 1, max: 256 }} title="PE rows of the array, 1 to 256." />
      <NumberField path="gemm.cols" unit="PEs" slider={{ min: 1, max: 256 }} title="PE columns of the array, 1 to 256." />
      <SelectField
        path="gemm.dataflow"
        options={DATAFLOW_OPTIONS}
        title="Which operand each PE holds still: the weight (ws), the output (os) or the input (is)."
      />
      <h3>GEMM: O[M x N] = A[M x K] · B[K x N]</h3>
      <NumberField path="gemm.m" unit="elements" title="Rows of A and of the output, 1 to 65536." />
      <NumberField path="gemm.k" unit="elements" title="Columns of A = rows of B: the dimension summed over, 1 to 65536." />
      <NumberField path="gemm.n" unit="elements" title="Columns of B and of the output, 1 to 65536." />
      <NumberField path="gemm.seed" title="Seed of the deterministic int8 operand generator." />
    </div>
  );
}
