// "How is this computed?": a button that shows the explanation in place, so it is reachable by
// tap and keyboard (a `title` tooltip is reachable by mouse hover only).
import { useId, useState } from 'react';

/** `what`: the figure explained ("How {what} is computed"); `label` replaces that name for what is not a computed figure. */
export function HowToggle({ text, what, label }: { text: string; what: string; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="how-btn"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label ?? `How ${what} is computed`}
        data-testid="how-btn"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      <span id={id} className="how-text" role="note" hidden={!open} data-testid="how-text">
        {text}
      </span>
    </>
  );
}
