// Compare A/B: the pinned scenario A against the current one B, side by side, with the
// change in each headline figure and the list of inputs that differ.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { formatNumber } from '../../ui/format';
import { fieldLabel } from '../../ui/labels';
import { HowToggle } from '../../ui/HowToggle';
import { changedInputs } from './scenarioApi';
import { compareRows, relativeChange, GROUP_TITLES, type CompareRow } from './compareRows';

function show(v: number | null, unit: string, missing?: string): string {
  return v === null ? (missing ?? '–') : formatNumber(v, unit);
}

function brief(v: unknown): string {
  const s = v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

function Row({ r }: { r: CompareRow }) {
  const rel = relativeChange(r);
  const cls = rel?.better === true ? 'better' : rel?.better === false ? 'worse' : '';
  const verdict = rel === null || rel.better === null ? '' : rel.better ? ' (better)' : ' (worse)';
  // A change that is neither better nor worse says why, in place (tap and keyboard reach it).
  const why = rel !== null && rel.ratio !== 1 && rel.better === null && r.neutralWhy ? r.neutralWhy : null;
  return (
    <tr data-testid={`compare-row-${r.key}`}>
      <th scope="row">{r.label}</th>
      {/* Each side's machine is named on its group's row. */}
      <td data-testid={`compare-a-${r.key}`}>{show(r.a, r.unit, r.aMissing)}</td>
      <td data-testid={`compare-b-${r.key}`}>{show(r.b, r.unit, r.bMissing)}</td>
      <td className={`compare-delta ${cls}`}>
        <span className={cls} data-testid={`compare-delta-${r.key}`}>
          {rel === null ? '–' : rel.ratio === 1 ? 'same' : `×${rel.ratio.toPrecision(3)}${verdict}`}
        </span>
        {why ? (
          <>
            {' '}
            <HowToggle what={`${r.label}, B against A`} label={`Why ${r.label} is neither better nor worse`} text={why} />
          </>
        ) : null}
      </td>
    </tr>
  );
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
  const close = useStore((s) => s.setCompareOpen);
  if (!pinned) return null;
  const rows = compareRows({ gemm: pinned.gemm, llm: pinned.llm }, { gemm, llm });
  const changes = changedInputs(pinned.scenario, scenario);
  const busy = llmStatus === 'running' || gemmStatus === 'running';
  const aBusy = !pinned.error && (pinned.llm === null || pinned.gemm === null);
  const groups = Array.from(new Set(rows.map((r) => r.group)));
  return (
    <section className="compare" aria-labelledby="compare-title" data-testid="compare-view">
      <div className="compare-head">
        <h2 id="compare-title">Compare A (pinned) with B (current)</h2>
        <div className="compare-actions">
          <button type="button" className="btn" onClick={() => pin()}>
            Pin current as A
          </button>
          <button type="button" className="btn" onClick={unpin}>
            Unpin A
          </button>
          <button type="button" className="btn" onClick={() => close(false)}>
            Close compare
          </button>
        </div>
      </div>
      {busy ? (
        <p className="muted" role="status">
          B is being computed…
        </p>
      ) : null}
      {aBusy ? (
        <p className="muted" role="status">
          A is being computed…
        </p>
      ) : null}
      {pinned.error ? <p role="alert">A could not be computed: {pinned.error}</p> : null}
      <div className="compare-body">
        <table className="data compare-table">
          <caption className="sr-only">Headline figures of A and B; the last column is B relative to A.</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">B vs A (B ÷ A)</th>
            </tr>
          </thead>
          {groups.map((g) => {
            const inGroup = rows.filter((r) => r.group === g);
            const first = inGroup[0];
            return (
              <tbody key={g} data-testid={`compare-group-${g}`}>
                <tr className="compare-group">
                  <th scope="rowgroup">{GROUP_TITLES[g]}</th>
                  {/* Each side's own machine: A's figures are A's machine's, B's are B's. */}
                  <td data-testid={`compare-a-machine-${g}`}>{first.aName ?? '–'}</td>
                  <td data-testid={`compare-b-machine-${g}`}>{first.bName ?? '–'}</td>
                  <td className="muted small">{first.aName && first.bName && first.aName !== first.bName ? 'different machines' : ''}</td>
                </tr>
                {inGroup.map((r) => (
                  <Row key={r.key} r={r} />
                ))}
              </tbody>
            );
          })}
        </table>
        <div className="compare-changes">
          <h3>Changed inputs ({changes.length})</h3>
          {changes.length === 0 ? (
            <p className="muted">A and B have the same inputs.</p>
          ) : (
            <ul data-testid="compare-changes">
              {changes.map((c) => (
                <li key={c.path} data-field={c.path}>
                  <span className="compare-field">{fieldLabel(c.path) ?? c.path}</span>
                  {fieldLabel(c.path) ? (
                    <>
                      {' '}
                      <code className="compare-path small muted">{c.path}</code>
                    </>
                  ) : null}
                  : {brief(c.a)} → {brief(c.b)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
