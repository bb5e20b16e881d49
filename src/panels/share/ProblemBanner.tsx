// Problems found in a link or an imported file: one line per bad field, as plain text
// (React escapes it; never HTML), dismissible. Each field is named by its on-screen label
// (src/ui/labels.ts), its scenario path in the tooltip. The heading says what happened:
// by default the defaults were used for those fields only; a refused file says the
// scenario on screen is unchanged.
import { useStore } from '../../store/store';
import { fieldLabel } from '../../ui/labels';
import type { Problem } from './scenarioApi';
import { restorableHash, restoreLastGood } from '../../store/urlSync';

/** Long values echoed in messages (a tampered link) must not flood the page. */
export const MAX_MESSAGE_CHARS = 240;

export const DEFAULTS_USED_NOTE = 'Some settings could not be used; the defaults were used for these fields only:';

export function clip(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The message with its field's path replaced by the label (the path goes to the tooltip). */
export function problemParts(p: Problem): { label: string | null; text: string } {
  const label = fieldLabel(p.field);
  if (!label) return { label: null, text: p.message };
  let text = p.message;
  // Most messages start with the field's path: drop it, the label stands in its place.
  if (text.startsWith(`${p.field} `)) text = text.slice(p.field.length + 1);
  else if (text.startsWith(`${p.field}: `)) text = text.slice(p.field.length + 2);
  else if (text.startsWith(`${p.field}[`)) text = text.slice(p.field.length);
  return { label, text };
}

export function ProblemBanner() {
  const problems = useStore((s) => s.problems);
  const note = useStore((s) => s.problemsNote);
  const setProblems = useStore((s) => s.setProblems);
  if (problems.length === 0) return null;
  // Read when the problems arrive: the scenario last shown without problems, if it differs.
  const canRestore = restorableHash() !== null;
  return (
    <div className="banner share-problems" role="alert" data-testid="problem-banner">
      <div className="share-problems-head">
        <strong data-testid="problem-note">{note ?? DEFAULTS_USED_NOTE}</strong>
        <span className="share-problems-actions">
          {canRestore ? (
            <button type="button" className="btn" onClick={restoreLastGood} data-testid="restore-last-good">
              Restore your last scenario
            </button>
          ) : null}
          <button type="button" className="btn" onClick={() => setProblems([])} aria-label="Dismiss the problems message">
            Dismiss
          </button>
        </span>
      </div>
      <ul>
        {problems.slice(0, 30).map((p, i) => {
          const { label, text } = problemParts(p);
          return (
            <li key={i} data-testid="problem" data-field={clip(p.field, 80)}>
              {label ? (
                <span className="problem-field" title={clip(p.field, 80)} data-testid="problem-field">
                  {label}
                </span>
              ) : (
                <code title={clip(p.field, 80)}>{clip(p.field, 80)}</code>
              )}
              {text.startsWith('[') ? '' : ': '}
              {clip(text)}
            </li>
          );
        })}
        {problems.length > 30 ? <li>…and {problems.length - 30} more</li> : null}
      </ul>
    </div>
  );
}
