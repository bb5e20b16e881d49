// A, B and the output for small GEMMs, with one data-testid per cell for the e2e check.
import type { GemmMatrices, GemmResult } from '../../engine/types';

/** Largest matrix (elements) shown as a grid of numbers. */
export const MAX_SHOWN_ELEMENTS = 256;

function Matrix({
  name,
  caption,
  data,
  rows,
  cols,
  testId,
}: {
  name: string;
  caption: string;
  data: ArrayLike<number>;
  rows: number;
  cols: number;
  testId: string;
}) {
  const body = [];
  for (let i = 0; i < rows; i++) {
    const cells = [];
    for (let j = 0; j < cols; j++) {
      cells.push(
        <td key={j} data-testid={`${testId}-${i}-${j}`}>
          {data[i * cols + j]}
        </td>,
      );
    }
    body.push(<tr key={i}>{cells}</tr>);
  }
  return (
    <table className="df-matrix" data-testid={testId} data-rows={rows} data-cols={cols}>
      <caption>
        <b>{name}</b> <span className="muted">{caption}</span>
      </caption>
      <tbody>{body}</tbody>
    </table>
  );
}

export function MatrixView({ result, matrices }: { result: GemmResult; matrices: GemmMatrices | null }) {
  const { m, k, n } = result;
  if (!matrices) {
    return (
      <p className="muted" data-testid="matrices-absent">
        {result.engine === 'closed-form'
          ? 'Operands and output are shown for stepped runs only (this run used the closed form).'
          : 'Operands and output are listed for small GEMMs only (up to 256 elements per matrix).'}
      </p>
    );
  }
  if (m * n > MAX_SHOWN_ELEMENTS || m * k > MAX_SHOWN_ELEMENTS || k * n > MAX_SHOWN_ELEMENTS) {
    return <p className="muted">Matrices larger than {MAX_SHOWN_ELEMENTS} elements are not listed.</p>;
  }
  return (
    <section className="df-matrices" aria-label="Operands and output">
      <h3>Operands and output (O = A · B)</h3>
      <div className="df-matrix-row">
        <Matrix name="A" caption={`${m} x ${k}, int8`} data={matrices.a} rows={m} cols={k} testId="matrix-a" />
        <Matrix name="B" caption={`${k} x ${n}, int8`} data={matrices.b} rows={k} cols={n} testId="matrix-b" />
        <Matrix
          name="O"
          caption={`${m} x ${n}, int32, as written by the array`}
          data={matrices.out}
          rows={m}
          cols={n}
          testId="matrix-out"
        />
      </div>
    </section>
  );
}
