// Mirrors the scenario into the URL hash. Each store action declares whether it makes a
// history entry (store.ts, `change`): a preset, a tour step, the classroom settings, presenter
// mode, an import, pinning A push a new one, so Back/Forward walk between them; a control's
// value, the cycle and the tab in view replace the current entry (debounced). popstate
// restores the scenario.
import { useStore } from './store';
import { decodeHash, encodeHash } from '../panels/share/scenarioApi';
import { lastGood, saveLastGood, saveUnloadEdit, takeUnloadEdit } from './scenarioStorage';

const REPLACE_DEBOUNCE_MS = 300;

/** The full link to the current scenario, fresh (not waiting for the debounce). */
export function currentLink(): string {
  const { scenario, presetId, pinned } = useStore.getState();
  const url = new URL(window.location.href);
  url.hash = encodeHash(scenario, presetId, pinned?.scenario ?? null);
  return url.toString();
}

/** Applies a hash to the store: its scenario, and its problems for the banner. */
function loadHash(hash: string): void {
  const decoded = decodeHash(hash);
  const st = useStore.getState();
  st.setScenario(decoded.scenario, decoded.presetId);
  st.setPinnedScenario(decoded.pinned);
  st.setProblems(decoded.problems);
}

/** The last good scenario, if it differs from the one on screen (offered after a bad link or import). */
export function restorableHash(): string | null {
  const saved = lastGood();
  if (!saved) return null;
  const { scenario, presetId, pinned } = useStore.getState();
  return saved === encodeHash(scenario, presetId, pinned?.scenario ?? null) ? null : saved;
}

/** Brings back the last good scenario, as its own history entry. */
export function restoreLastGood(): void {
  const saved = lastGood();
  if (!saved) return;
  loadHash(saved); // setScenario: its own history entry
}

/** Reads the hash now (if any) and starts the sync; returns a function that stops it. */
export function startUrlSync(): () => void {
  let restoring = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Reloaded right after an edit: the URL is the one before it; the edit was kept aside.
  const unloadEdit = takeUnloadEdit(window.location.hash.replace(/^#/, ''));
  if (unloadEdit !== null) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${unloadEdit}`);
  let lastWritten = window.location.hash.replace(/^#/, '');

  const restore = () => {
    const hash = window.location.hash.replace(/^#/, '');
    if (hash === lastWritten && hash !== '') return;
    restoring = true;
    try {
      if (hash) loadHash(hash);
      lastWritten = hash;
    } finally {
      restoring = false;
    }
  };

  if (lastWritten) {
    lastWritten = '';
    restore();
  }

  const write = (
    push: boolean,
    scenario = useStore.getState().scenario,
    presetId = useStore.getState().presetId,
    pinned = useStore.getState().pinned?.scenario ?? null,
  ) => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const hash = encodeHash(scenario, presetId, pinned);
    if (useStore.getState().problems.length === 0) saveLastGood(hash);
    if (hash === lastWritten) return;
    lastWritten = hash;
    const url = `${window.location.pathname}${window.location.search}#${hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  const unsubscribe = useStore.subscribe((state, prev) => {
    const pinnedChanged = (state.pinned?.scenario ?? null) !== (prev.pinned?.scenario ?? null);
    if (state.scenario === prev.scenario && state.presetId === prev.presetId && !pinnedChanged) return;
    if (restoring) return;
    // A change made without an action (no new `change`) replaces, as a control's value does.
    if (state.change !== prev.change && state.change.history === 'entry') {
      // The entry we leave keeps its latest state; the new one gets the new scenario.
      if (timer !== null) write(false, prev.scenario, prev.presetId, prev.pinned?.scenario ?? null);
      write(true);
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => write(false), REPLACE_DEBOUNCE_MS);
  });

  // The hash always holds the scenario, from the first moment.
  if (!lastWritten) write(false);

  // A reload or a tab close right after an edit must not lose it: write what the debounce holds.
  const flush = () => {
    if (timer === null) return;
    const from = window.location.hash.replace(/^#/, '');
    write(false);
    // A reload reuses the URL it started with: keep the edit for the next load too.
    if (lastWritten !== from) saveUnloadEdit(from, lastWritten);
  };
  const onVisibility = () => document.visibilityState === 'hidden' && flush();

  window.addEventListener('popstate', restore);
  window.addEventListener('hashchange', restore);
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    window.removeEventListener('popstate', restore);
    window.removeEventListener('hashchange', restore);
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
