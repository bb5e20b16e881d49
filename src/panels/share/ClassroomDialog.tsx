// Classroom mode: the author picks controls and panels to hide and may lock the scenario.
// It is part of the scenario (scenario.classroom), so the link carries it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store/store';
import { PANELS } from '../../scenario/types';
import { MAX_HIDDEN } from '../../scenario/schema';
import { hideableIds } from './classroomIds';
import { useShareUi } from './shareUi';

export function ClassroomDialog() {
  const open = useShareUi((s) => s.classroomOpen);
  const setOpen = useShareUi((s) => s.setClassroomOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const classroom = useStore((s) => s.scenario.classroom);
  const [hidden, setHidden] = useState<string[]>(classroom.hidden);
  const [locked, setLocked] = useState(classroom.locked);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setHidden(useStore.getState().scenario.classroom.hidden);
      setLocked(useStore.getState().scenario.classroom.locked);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const items = useMemo(() => hideableIds(classroom.hidden), [classroom.hidden]);
  const groups = useMemo(() => Array.from(new Set(items.map((i) => i.group))), [items]);

  const apply = () => {
    const st = useStore.getState();
    const s = st.scenario;
    const allPanelsHidden = PANELS.every((p) => hidden.includes(p));
    const keep = allPanelsHidden ? hidden.filter((h) => h !== s.view.panel) : hidden;
    // If the panel in view is hidden, show the first visible one.
    const panel = keep.includes(s.view.panel) ? (PANELS.find((p) => !keep.includes(p)) ?? s.view.panel) : s.view.panel;
    st.setScenario({ ...s, classroom: { hidden: keep, locked }, view: { ...s.view, panel } });
    setOpen(false);
  };

  const toggle = (id: string, on: boolean) => setHidden((h) => (on ? Array.from(new Set([...h, id])) : h.filter((x) => x !== id)));

  return (
    <dialog ref={ref} className="classroom-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid="classroom-dialog">
      <h2 id={titleId}>Classroom mode</h2>
      <p className="muted">
        Choose what students see. The choices travel in the link (at most {MAX_HIDDEN} hidden items; {hidden.length} chosen).
      </p>
      <label className="classroom-lock">
        <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} data-testid="classroom-lock" />
        Lock the scenario (controls are shown but cannot be changed)
      </label>
      <div className="classroom-groups">
        {groups.map((g) => (
          <fieldset key={g}>
            <legend>Hide: {g}</legend>
            {items
              .filter((i) => i.group === g)
              .map((i) => (
                <label key={i.id} className="classroom-item">
                  <input
                    type="checkbox"
                    checked={hidden.includes(i.id)}
                    disabled={!hidden.includes(i.id) && hidden.length >= MAX_HIDDEN}
                    onChange={(e) => toggle(i.id, e.target.checked)}
                    data-hide-id={i.id}
                  />
                  {i.label}
                </label>
              ))}
          </fieldset>
        ))}
      </div>
      <div className="classroom-actions">
        <button type="button" className="btn" onClick={() => setHidden([])}>
          Show everything
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="button" className="btn primary" onClick={apply} data-testid="classroom-apply">
          Apply
        </button>
      </div>
    </dialog>
  );
}
