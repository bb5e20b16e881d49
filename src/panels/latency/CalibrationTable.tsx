// Published measurements against what the model gives for the same setting (from the worker).
import { useEffect, useState } from 'react';
import type { CalibrationRow } from '../../engine/types';
import { engine } from '../../worker/client';
import { formatNumber, formatPercent } from '../../ui/format';

const UNIT: Record<CalibrationRow['metric'], string> = { tokensPerSecondPerUser: 'tokens/s per user', tpotMs: 'ms per output token' };

export function CalibrationTable() {
  const [rows, setRows] = useState<CalibrationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    engine()
      .calibration()
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);
  if (error) return <p className="no-fit">Calibration failed: {error}</p>;
  if (!rows) return <p className="muted">Computing calibration…</p>;
  return (
    <table className="data calibration" data-testid="calibration-table">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Published</th>
          <th scope="col">Modelled</th>
          <th scope="col" title="(modelled - published) / published">Error</th>
          <th scope="col" title="Largest error accepted for this row">Tolerance</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const ok = Math.abs(r.error) <= r.tolerance;
          return (
            <tr key={r.id} data-testid="calibration-row" data-id={r.id}>
              <td>{r.description}</td>
              <td>{formatNumber(r.published, UNIT[r.metric])}</td>
              <td>{formatNumber(r.modelled, UNIT[r.metric])}</td>
              <td className={ok ? 'ok' : 'off'} title={ok ? 'within tolerance' : 'outside tolerance'}>
                {r.error >= 0 ? '+' : ''}
                {formatPercent(r.error)} {ok ? '✓' : '✗'}
              </td>
              <td>±{formatPercent(r.tolerance)}</td>
              <td className="source">{r.source}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
