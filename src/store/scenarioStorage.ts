// The scenario kept beside the URL, so no edit is lost:
// - the last good scenario (localStorage): a bad link or a refused import can offer it back.
//   "Good" means it was on screen with no problems: a bad link's defaults never overwrite it.
// - an edit made just before a reload (sessionStorage): a reload reuses the URL it started
//   with, so a hash written while the page unloads is missed; the next load takes it from here.
// Storage may be unavailable (private mode, quota): then there is nothing to offer or take.

const LAST_GOOD_KEY = 'sram-vs-hbm:last-good-scenario';
const UNLOAD_KEY = 'sram-vs-hbm:unload-edit';

function get(store: () => Storage, key: string): string | null {
  try {
    return store().getItem(key);
  } catch {
    return null;
  }
}
function put(store: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) store().removeItem(key);
    else store().setItem(key, value);
  } catch {
    // quota or disabled storage: nothing to keep
  }
}
const local = () => window.localStorage;
const session = () => window.sessionStorage;

export const saveLastGood = (hash: string): void => put(local, LAST_GOOD_KEY, hash);
export const lastGood = (): string | null => get(local, LAST_GOOD_KEY);

/** Called while unloading: the page at hash `from` ended with the scenario `to`. */
export const saveUnloadEdit = (from: string, to: string): void => put(session, UNLOAD_KEY, JSON.stringify({ from, to }));

/** The hash to load instead of `hash` if this page was reloaded right after an edit (read once). */
export function takeUnloadEdit(hash: string): string | null {
  const raw = get(session, UNLOAD_KEY);
  put(session, UNLOAD_KEY, null);
  if (!raw) return null;
  try {
    const { from, to } = JSON.parse(raw) as { from?: unknown; to?: unknown };
    return from === hash && typeof to === 'string' ? to : null;
  } catch {
    return null;
  }
}
