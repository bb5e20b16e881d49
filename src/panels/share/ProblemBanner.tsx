// Problems found in a link or an imported file: one line per bad field, as plain text
// (React escapes it; never HTML), dismissible. Defaults were used for those fields only.
import { useStore } from '../../store/store';

/** Long values echoed in messages (a tampered link) must not flood the page. */
export const MAX_MESSAGE_CHARS = 240;

export function clip(text: string, max = MAX_MESSAGE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ProblemBanner() {
  const problems = useStore((s) => s.problems);
  const setProblems = useStore((s) => s.setProblems);
  if (problems.length === 0) return null;
  return (
    <div className="banner share-problems" role="alert" data-testid="problem-banner">
      <div className="share-problems-head">
        <strong>Some settings could not be used; the defaults were used for these fields only:</strong>
        <button type="button" className="btn" onClick={() => setProblems([])} aria-label="Dismiss the problems message">
          Dismiss
        </button>
      </div>
      <ul>
        {problems.slice(0, 30).map((p, i) => (
          <li key={i} data-testid="problem">
            {/* Most messages already start with the field's name; name it only when not. */}
            {p.message.startsWith(p.field) ? null : (
              <>
                <code>{clip(p.field, 80)}</code>:{' '}
              </>
            )}
            {clip(p.message)}
          </li>
        ))}
        {problems.length > 30 ? <li>…and {problems.length - 30} more</li> : null}
      </ul>
    </div>
  );
}
