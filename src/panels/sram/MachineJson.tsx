// "JSON…" beside a machine or the model (issue 11 item 5): the JSON form of the chip, GPU or
// model in force, to copy, and a box to paste or edit one and apply it. A refused JSON keeps
// its text and the scenario as it was, the message beside the box.
import { useId, useState } from 'react';
import { useStore } from '../../store/store';
import { HowToggle } from '../../ui/HowToggle';
import { describePatch, machineToJson, MACHINE_KINDS, readMachineJson, type MachineWhat } from '../../scenario/machineJson';

const WHAT: Record<MachineWhat, { noun: string; button: string; how: string }> = {
  lpu: {
    noun: 'chip',
    button: 'Chip JSON…',
    how: 'The SRAM chip as JSON: "base" (the preset it starts from) and every figure, with your overrides applied. Edit figures, paste a chip someone sent, and Apply: a figure left out is the base\'s, and only the figures that differ from the base go into the link. Keys, units and limits are those of the Chip figures boxes.',
  },
  gpu: {
    noun: 'GPU',
    button: 'GPU JSON…',
    how: 'The GPU as JSON: "base" (the preset it starts from), "stack" (the serving software its stack figures assume) and every figure, with your overrides applied. A figure left out is the base\'s under that stack, and only the figures that differ go into the link. Keys, units and limits are those of the GPU figures boxes.',
  },
  model: {
    noun: 'model',
    button: 'Model JSON…',
    how: "The model as JSON: its whole shape (the fields of a custom model). Apply makes it the custom model; a preset's JSON left unedited selects that preset. An edited preset that keeps the preset's id, name or source gets a custom one, as Custom… does. Optional features (MLA, sliding window, shared experts) are left out when the model has none.",
  },
};

export function MachineJson({ what }: { what: MachineWhat }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  /** The user's text; null: the box follows the machine in force. */
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const current = useStore((s) => (open ? machineToJson(s.scenario, what) : ''));
  const locked = useStore((s) => s.scenario.classroom.locked);
  const text = draft ?? current;
  const { noun, button, how } = WHAT[what];

  const apply = () => {
    const st = useStore.getState();
    if (st.scenario.classroom.locked) {
      setProblems(['This scenario is locked by its author.']);
      return;
    }
    const r = readMachineJson(text, what, st.scenario);
    if (!r.ok) {
      setProblems(r.problems.map((p) => p.message));
      setStatus('');
      return;
    }
    st.setScenario(r.scenario);
    setDraft(null);
    setProblems([]);
    setStatus(`Applied: ${describePatch(r.patch)}.`);
  };

  const copy = async (box: HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave the text selected.
      box?.select();
      setStatus('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };

  return (
    <div className="machine-json" data-testid={`machine-json-${what}`}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid={`machine-json-toggle-${what}`}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open ? (
          <>
            <div className="field-head">
              <label htmlFor={`${id}-text`}>
                The {noun} as JSON <span className="unit">(kind "{MACHINE_KINDS[what]}")</span>
              </label>
              <HowToggle text={how} what={`the ${noun}'s JSON`} label={`What the ${noun}'s JSON holds`} />
            </div>
            <textarea
              id={`${id}-text`}
              className={problems.length ? 'field-error' : undefined}
              rows={12}
              spellCheck={false}
              autoComplete="off"
              value={text}
              aria-invalid={problems.length > 0}
              aria-describedby={problems.length ? `${id}-problems` : undefined}
              data-testid={`machine-json-text-${what}`}
              onChange={(e) => {
                setDraft(e.target.value);
                setStatus('');
              }}
            />
            <div className="machine-json-actions">
              <button type="button" className="btn primary" disabled={locked} onClick={apply} data-testid={`machine-json-apply-${what}`}>
                Apply
              </button>
              <button
                type="button"
                className="btn"
                onClick={(e) => void copy(e.currentTarget.closest('.machine-json')?.querySelector('textarea') ?? null)}
              >
                Copy
              </button>
              <button
                type="button"
                className="btn"
                disabled={draft === null}
                onClick={() => {
                  setDraft(null);
                  setProblems([]);
                  setStatus('');
                }}
              >
                Discard edits
              </button>
            </div>
            {problems.length ? (
              <div className="field-message" role="alert" id={`${id}-problems`} data-testid={`machine-json-error-${what}`}>
                Not applied; the scenario is unchanged.
                <ul>
                  {problems.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="muted small" role="status" data-testid={`machine-json-status-${what}`}>
              {status}
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
