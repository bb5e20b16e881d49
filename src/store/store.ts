// The app's state: the scenario (inputs), run status and results (outputs), playback,
// the pinned A scenario and whether the compare view is open. Components select narrowly (useShallow).
import { create } from 'zustand';
import type { Scenario, PanelId } from '../scenario/types';
import type { LlmResult, GemmResult } from '../engine/types';
import type { GemmRun } from '../worker/api';
import type { EngineKind } from '../worker/client';
import type { QueueState } from './latestOnly';
import { DEFAULT_SCENARIO } from '../scenario/defaults';
import { validateField, type Problem } from '../scenario/schema';
import { setIn } from './path';
import { fieldAt } from '../scenario/fields';
import { SPEEDS } from '../panels/dataflow/playback';
import { dependentFields, engineFieldProblem } from './engineChecks';

type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/**
 * What an action's change does to the browser history (as excalidraw's actions declare how
 * an update is captured): 'entry' gets its own entry, so Back returns to the state before it;
 * 'replace' updates the current entry (a slider tick, the cycle, the tab in view).
 */
type HistoryIntent = 'entry' | 'replace';
/** A fresh object per action, so two actions in a row with the same intent are told apart. */
const change = (history: HistoryIntent): { history: HistoryIntent } => ({ history });

export interface PinnedScenario {
  scenario: Scenario;
  /** Results of A; null until computed (A from a link is computed after load). */
  gemm: GemmResult | null;
  llm: LlmResult | null;
  /** Set when the engine could not compute A. */
  error?: string;
}

interface AppState {
  scenario: Scenario;
  /** Named preset the scenario is a patch of (links encode only the difference). */
  presetId: string;
  /** Problems found in a link or an imported file: shown in a dismissible banner. */
  problems: Problem[];
  /** The banner's heading for these problems; null: the usual "defaults were used" one. */
  problemsNote: string | null;
  /** Per-control messages: the value typed was rejected and the last valid one kept. */
  fieldErrors: Record<string, string>;
  /** The last action that changed the scenario or the pinned A, and its history intent (urlSync reads it). */
  change: { history: HistoryIntent };
  gemmStatus: RunStatus;
  gemmProgress: number;
  gemmRun: GemmRun | null;
  gemmError: string | null;
  llmStatus: RunStatus;
  llmResult: LlmResult | null;
  llmError: string | null;
  /** Each engine's work: a run in flight, one waiting (shown on the app root for tests and tools). */
  queue: Record<EngineKind, QueueState>;
  playing: boolean;
  speed: number; // a multiplier of CYCLES_PER_SECOND, within SPEEDS
  pinned: PinnedScenario | null;
  /** The compare view (A against B) is open; it shows only while A is pinned. Not in a link. */
  compareOpen: boolean;

  setField(path: string, value: unknown): boolean;
  /** Replaces the whole scenario (a preset, a tour step, an import, a link): a history entry of its own. */
  setScenario(s: Scenario, presetId?: string): void;
  setProblems(p: Problem[], note?: string | null): void;
  setCycle(cycle: number): void;
  setPanel(panel: PanelId): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  pin(): void;
  /** "Unpin A": drops A and closes the compare view with it, as one history entry. */
  unpin(): void;
  setCompareOpen(open: boolean): void;
  /** Sets A from a link (results computed later); null unpins. Same inputs keep their results. */
  setPinnedScenario(s: Scenario | null): void;
}

/** The inputs each engine reads, as a key: a result belongs to the scenario whose key it was run for. */
export const gemmInputsKey = (s: Scenario): string => JSON.stringify(s.gemm);
export const llmInputsKey = (s: Scenario): string => JSON.stringify([s.llm, s.lpu, s.gpu]);

/** True when two scenarios have the same inputs (view and classroom aside). */
function sameInputs(a: Scenario, b: Scenario): boolean {
  return gemmInputsKey(a) === gemmInputsKey(b) && llmInputsKey(a) === llmInputsKey(b);
}

export const useStore = create<AppState>()((set, get) => ({
  scenario: DEFAULT_SCENARIO,
  presetId: 'default',
  problems: [],
  problemsNote: null,
  fieldErrors: {},
  change: change('replace'),
  gemmStatus: 'idle',
  gemmProgress: 0,
  gemmRun: null,
  gemmError: null,
  llmStatus: 'idle',
  llmResult: null,
  llmError: null,
  queue: { systolic: { inFlight: false, waiting: false }, llm: { inFlight: false, waiting: false } },
  playing: false,
  speed: 1,
  pinned: null,
  compareOpen: false,

  setField(path, value) {
    const { scenario, fieldErrors } = get();
    if (scenario.classroom.locked && !path.startsWith('view.')) {
      set({ fieldErrors: { ...fieldErrors, [path]: 'This scenario is locked by its author.' } });
      return false;
    }
    const message = validateField(path, value, scenario);
    if (message) {
      set({ fieldErrors: { ...fieldErrors, [path]: message } });
      return false;
    }
    const next = setIn(scenario, path, value);
    const refused = engineFieldProblem(path, next);
    if (refused) {
      set({ fieldErrors: { ...fieldErrors, [path]: refused } });
      return false;
    }
    const rest = { ...fieldErrors };
    delete rest[path];
    // A refusal on a field tied to this one (chips vs topology) may be stale now: drop it,
    // and the control shows the value in force again.
    for (const f of dependentFields(path)) delete rest[f];
    set({ scenario: next, fieldErrors: rest, change: change(fieldAt(path)?.history ?? 'replace') });
    return true;
  },
  setScenario(s, presetId) {
    set({ scenario: s, fieldErrors: {}, change: change('entry'), ...(presetId ? { presetId } : {}) });
  },
  setProblems(problems, note = null) {
    set({ problems, problemsNote: note });
  },
  setCycle(cycle) {
    const { scenario } = get();
    if (scenario.view.cycle === cycle) return;
    set({ scenario: { ...scenario, view: { ...scenario.view, cycle } }, change: change('replace') });
  },
  setPanel(panel) {
    const { scenario } = get();
    set({ scenario: { ...scenario, view: { ...scenario.view, panel } }, change: change('replace') });
  },
  setPlaying(playing) {
    set({ playing });
  },
  setSpeed(speed) {
    set({ speed: Math.min(SPEEDS[SPEEDS.length - 1], Math.max(SPEEDS[0], speed)) });
  },
  pin() {
    const { scenario, gemmRun, llmResult } = get();
    // Pinning or unpinning A is a step of its own: Back returns to the other state.
    set({ pinned: { scenario, gemm: gemmRun?.result ?? null, llm: llmResult }, change: change('entry') });
  },
  unpin() {
    set({ pinned: null, compareOpen: false, change: change('entry') });
  },
  setCompareOpen(compareOpen) {
    // What is on screen, not what the scenario is: no history entry, no change to the link.
    set({ compareOpen });
  },
  setPinnedScenario(s) {
    const cur = get().pinned;
    if (s === null) {
      if (cur !== null) set({ pinned: null, change: change('entry') });
      return;
    }
    if (cur && sameInputs(cur.scenario, s)) return;
    set({ pinned: { scenario: s, gemm: null, llm: null }, change: change('entry') });
  },
}));
