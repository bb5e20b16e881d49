// The header toolbar: presets, tours, link, compare, export/import, classroom, presenter.
// In presenter mode only the tour menu and the way out are shown (no editing chrome).
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store';
import { currentLink } from '../store/urlSync';
import { importScenarioText, presetList, presetScenario } from '../panels/share/scenarioApi';
import { setPresenter } from '../panels/share/tourActions';
import { TourPicker } from '../panels/share/TourPicker';
import { ExportMenu } from '../panels/share/ExportMenu';
import { useShareUi } from '../panels/share/shareUi';
import { HowToggle } from '../ui/HowToggle';
import '../panels/share/share.css';

export const LOCKED_IMPORT_MESSAGE =
  'this scenario is locked by its author, so it does not accept imported files; open a link without the lock to import one';

export function Toolbar() {
  const { presetId, locked, presenter, pinned } = useStore(
    useShallow((s) => ({
      presetId: s.presetId,
      locked: s.scenario.classroom.locked,
      presenter: s.scenario.view.presenter,
      pinned: s.pinned !== null,
    })),
  );
  const pin = useStore((s) => s.pin);
  const unpin = useStore((s) => s.unpin);
  const { say, status, setClassroomOpen } = useShareUi();
  const compareOpen = useStore((s) => s.compareOpen);
  const setCompareOpen = useStore((s) => s.setCompareOpen);
  const [link, setLink] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const presets = presetList();

  if (presenter) {
    return (
      <div className="share-toolbar" role="toolbar" aria-label="Presenter">
        <TourPicker disabled={locked} />
        <button type="button" className="btn" onClick={() => setPresenter(false)}>
          Exit presenter mode
        </button>
      </div>
    );
  }

  const copyLink = async () => {
    const url = currentLink();
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      say(`Link copied (${url.length} characters).`);
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      requestAnimationFrame(() => {
        linkRef.current?.focus();
        linkRef.current?.select();
      });
      say('Clipboard unavailable: the link is selected, press Ctrl+C to copy it.');
    }
  };

  const choosePreset = (id: string) => {
    const s = presetScenario(id);
    if (!s) return;
    const cur = useStore.getState().scenario;
    // Keep where the user is looking; a preset changes the inputs, not the tab.
    useStore.getState().setScenario({ ...s, view: { ...s.view, panel: cur.view.panel, tour: null, presenter: false } }, id);
    say(`Preset loaded: ${presets.find((p) => p.id === id)?.name ?? id}.`);
  };

  const importFile = async (file: File) => {
    const st = useStore.getState();
    const notImported = `${file.name} was not imported; the scenario on screen is unchanged.`;
    if (st.scenario.classroom.locked) {
      st.setProblems([{ field: 'file', message: LOCKED_IMPORT_MESSAGE }], notImported);
      say(notImported);
      return;
    }
    const out = importScenarioText(await file.text());
    if (!out.ok) {
      st.setProblems(out.problems, notImported);
      say(notImported);
      return;
    }
    st.setScenario(out.scenario);
    st.setProblems(out.problems);
    say(out.problems.length ? `Imported ${file.name} with ${out.problems.length} problem(s).` : `Imported ${file.name}.`);
  };

  return (
    <div className="share-toolbar" role="toolbar" aria-label="Scenario">
      <label className="share-select">
        <span>Preset</span>
        <select
          value={presets.some((p) => p.id === presetId) ? presetId : ''}
          disabled={locked}
          onChange={(e) => choosePreset(e.target.value)}
          data-testid="preset-select"
        >
          <option value="" disabled>
            (custom)
          </option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {/* the preset's description, by tap and keyboard (an option's title shows on hover only, and not in every browser) */}
      {presets.find((p) => p.id === presetId) ? (
        <HowToggle what="this preset" label="What this preset is" text={presets.find((p) => p.id === presetId)?.description ?? ''} />
      ) : null}
      <TourPicker disabled={locked} />
      <button type="button" className="btn" onClick={() => void copyLink()} data-testid="copy-link">
        Copy link
      </button>
      {link !== null ? (
        <input
          ref={linkRef}
          className="share-link"
          readOnly
          value={link}
          aria-label="Link to this scenario"
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          pin();
          say('Pinned the current scenario as A.');
        }}
        data-testid="pin-a"
      >
        {pinned ? 'Re-pin as A' : 'Pin as A'}
      </button>
      {pinned ? (
        <>
          <button
            type="button"
            className="btn"
            aria-pressed={compareOpen}
            onClick={() => setCompareOpen(!compareOpen)}
            data-testid="compare-toggle"
          >
            Compare A/B
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              unpin();
              say('Unpinned A.');
            }}
          >
            Unpin
          </button>
        </>
      ) : null}
      <ExportMenu />
      <button type="button" className="btn" disabled={locked} onClick={() => fileRef.current?.click()} data-testid="import-json">
        Import
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Import a scenario JSON file"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
      {/* A locked view cannot be unlocked from inside: only the author's own link (without the lock) gets out. */}
      {locked ? null : (
        <button type="button" className="btn" onClick={() => setClassroomOpen(true)} data-testid="classroom-open">
          Classroom
        </button>
      )}
      <button type="button" className="btn" onClick={() => setPresenter(true)} data-testid="presenter-on">
        Presenter
      </button>
      {locked ? (
        <span className="share-locked" data-testid="locked-note">
          <svg className="share-lock-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>{' '}
          Locked by the author{' '}
          <HowToggle
            what="the lock"
            text="The author locked this scenario: it can be viewed, not changed, and files cannot be imported into it."
          />
        </span>
      ) : null}
      <div className="sr-only" role="status" aria-live="polite" data-testid="share-status">
        {status}
      </div>
    </div>
  );
}
