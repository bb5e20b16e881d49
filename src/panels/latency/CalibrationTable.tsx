// Published measurements against what the model gives for the same setting (from the worker),
// grouped by regime. A "fitted" row set a preset figure, so agreement there is by construction;
// only "checked" rows test the model.
import { HowToggle } from '../../ui/HowToggle';
import { memo, useEffect, useState } from 'react';
import type { CalibrationRow } from '../../engine/types';
import { callEngine } from '../../worker/client';
import { formatNumber, formatPercent } from '../../ui/format';

const UNIT: Record<CalibrationRow['metric'], string> = {
  tokensPerSecondPerUser: 'tokens/s per user',
  tpotMs: 'ms per output token',
  ttftMs: 'ms to first token',
  outputTokensPerSecondPerChip: 'output tokens/s per GPU (prefill included)',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// memo: it has no props and its rows never change, so a new result on the panel skips it.
export const CalibrationTable = memo(function CalibrationTable() {
  const [rows, setRows] = useState<CalibrationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    callEngine('llm', (e) => e.calibration())
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);
  if (error) return <p className="no-fit">Calibration failed: {error}</p>;
  if (!rows) return <p className="muted">Computing calibration…</p>;
  const regimes = [...new Set(rows.map((r) => r.regime))];
  const checked = rows.filter((r) => r.status === 'checked');
  return (
    <>
      <p className="muted small" data-testid="calibration-summary">
        {rows.length} published measurements; median |error| {formatPercent(median(rows.map((r) => Math.abs(r.error))))} over all,{' '}
        {formatPercent(median(checked.map((r) => Math.abs(r.error))))} over the {checked.length} checked rows (never used to set a figure).
        &ldquo;fitted&rdquo; rows set a preset figure (its source names them), so their agreement is by construction.
      </p>
      <table className="data calibration" data-testid="calibration-table">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Published</th>
            <th scope="col">Modelled</th>
            <th scope="col">
              Error <HowToggle what="the error" text="(modelled - published) / published, within the row's tolerance (±) or not" />
            </th>
            <th scope="col">
              Use <HowToggle what="the use of a row" text="fitted: used to set a figure; checked: never seen by the model" />
            </th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        {regimes.map((regime) => (
          <tbody key={regime}>
            <tr className="regime">
              <th scope="rowgroup" colSpan={6}>
                {regime}: median |error| {formatPercent(median(rows.filter((r) => r.regime === regime).map((r) => Math.abs(r.error))))}
              </th>
            </tr>
            {rows
              .filter((r) => r.regime === regime)
              .map((r) => {
                const ok = Math.abs(r.error) <= r.tolerance;
                return (
                  <tr key={r.id} data-testid="calibration-row" data-id={r.id} data-status={r.status}>
                    <td>
                      {r.setting}
                      {r.outsideModel ? (
                        <div className="small outside-model" data-testid="outside-model">
                          Outside the model: a case it does not reproduce{' '}
                          <HowToggle what="why this case is outside the model" text={r.outsideModel} />
                        </div>
                      ) : null}
                    </td>
                    <td>{formatNumber(r.published, UNIT[r.metric])}</td>
                    <td>{formatNumber(r.modelled, UNIT[r.metric])}</td>
                    <td className={ok ? 'ok' : 'off'}>
                      {r.error >= 0 ? '+' : ''}
                      {formatPercent(r.error)}
                      {r.status === 'checked' ? (ok ? ' ✓' : ' ✗') : ''}
                      <span className="muted small"> (±{formatPercent(r.tolerance)})</span>
                    </td>
                    <td>{r.status}</td>
                    <td className="source">{r.source}</td>
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </>
  );
});
