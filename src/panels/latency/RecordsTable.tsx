// Published per-user speed records (speedRecords.ts): the vendors' and benchmarkers' own
// figures with date and source. The model's value for a record is in the calibration table
// when the record is one of its cases.
import { SPEED_RECORDS } from './speedRecords';
import { HowToggle } from '../../ui/HowToggle';

export function RecordsTable() {
  return (
    <div data-highlight="latency-records">
      <h3>Published per-user speed records, 2024-2026</h3>
      <p className="muted small">
        What vendors and benchmarkers reported for one user, not the model&apos;s figures. A record that is also a calibration case names
        it: its modelled value and error are in the calibration table below.
      </p>
      <div className="records-wrap">
        <table className="data records" data-testid="records-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Model, machine</th>
              <th scope="col">Tok/s per user (published)</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {SPEED_RECORDS.map((r) => (
              <tr key={`${r.date}-${r.model}-${r.machine}`} data-testid="record-row" data-corpus={r.corpusId ?? ''}>
                <td>{r.date}</td>
                <td>
                  {r.model} <span className="muted">on</span> {r.machine}
                </td>
                {/* as published, every digit (not the panels' 3 significant digits of modelled figures) */}
                <td>
                  {r.tokensPerSecondPerUser.toLocaleString('en-US')}
                  <br />
                  <span className="muted small" data-testid="record-speculative">
                    {r.speculative === null ? 'speculation not stated' : r.speculative ? 'speculative' : 'no speculation'}
                  </span>
                </td>
                <td className="source">
                  {r.source} <HowToggle what={`the source of ${r.model} on ${r.machine}`} text={r.detail} />
                  {r.corpusId ? <span className="muted small"> (a calibration case)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
