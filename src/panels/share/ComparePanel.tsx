// Compare A/B: the pinned scenario A against the current one B, side by side, with the
// change in each headline figure and the list of inputs that differ.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { formatNumber } from '../../ui/format';
import { changedInputs } from './scenarioApi';
import { compareRows, relativeChange } from './compareRows';
import { useShareUi } from './shareUi';

function show(v: number | null, unit: string, missing?: string): string {
  return v === null ? (missing ?? '–') : formatNumber(v, unit);
}

function brief(v: unknown): string {
  const s = v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

export function ComparePanel() {
  const { pinned, scenario, gemm, llm, llmStatus, gemmStatus } = useStore(
    useShallow((s) => ({
      pinned: s.pinned,
      scenario: s.scenario,
      gemm: s.gemmRun?.result ?? null,
      llm: s.llmResult,
      llmStatus: s.llmStatus,
      gemmStatus: s.gemmStatus,
    })),
  );
  const unpin = useStore((s) => s.unpin);
  const pin = useStore((s) => s.pin);
  const close = useShareUi((s) => s.setCompareOpen);
  if (!pinned) return null;
  const rows = compareRows({ gemm: pinned.gemm, llm: pinned.llm }, { gemm, llm });
  const changes = changedInputs(pinned.scenario, scenario).filter((c) => !c.path.startsWith('view.'));
  const busy = llmStatus === 'running' || gemmStatus === 'running';
  return (
    <section className="compare" aria-labelledby="compare-title" data-testid="compare-view">
      <div className="compare-head">
        <h2 id="compare-title">Compare A (pinned) with B (current)</h2>
        <div className="compare-actions">
          <button type="button" className="btn" onClick={() => pin()} title="Pin the current scenario as the new A">
            Pin current as A
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              unpin();
              close(false);
            }}
          >
            Unpin A
          </button>
          <button type="button" className="btn" onClick={() => close(false)}>
            Close compare
          </button>
        </div>
      </div>
      {busy ? <p className="muted" role="status">B is being computed…</p> : null}
      <div className="compare-body">
        <table className="data compare-table">
          <caption className="sr-only">Headline figures of A and B; the last column is B relative to A.</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">B vs A</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const rel = relativeChange(r);
              const cls = rel?.better === true ? 'better' : rel?.better === false ? 'worse' : '';
              return (
                <tr key={r.key} data-testid={`compare-row-${r.key}`}>
                  <th scope="row">{r.label}</th>
                  <td data-testid={`compare-a-${r.key}`}>{show(r.a, r.unit, r.aMissing)}</td>
                  <td data-testid={`compare-b-${r.key}`}>{show(r.b, r.unit, r.bMissing)}</td>
                  <td className={`compare-delta ${cls}`} data-testid={`compare-delta-${r.key}`} title="B divided by A">
                    {rel === null ? '–' : rel.ratio === 1 ? 'same' : `×${rel.ratio.toPrecision(3)} ${rel.better ? '(better)' : '(worse)'}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="compare-changes">
          <h3>Changed inputs ({changes.length})</h3>
          {changes.length === 0 ? (
            <p className="muted">A and B have the same inputs.</p>
          ) : (
            <ul data-testid="compare-changes">
              {changes.map((c) => (
                <li key={c.path}>
                  <code>{c.path}</code>: {brief(c.a)} → {brief(c.b)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
