// Tour navigation: each step is the tour's base scenario with the step's patch applied,
// viewed on the step's panel. The step lives in scenario.view.tour, so every step has
// its own link and a link resumes the tour there.
import { useStore } from '../../store/store';
import type { Scenario } from '../../scenario/types';
import { findTour, patchScenario, tourBase, type Tour } from './scenarioApi';

export function stepScenario(tour: Tour, step: number, presenter: boolean): Scenario {
  const i = Math.max(0, Math.min(tour.steps.length - 1, step));
  const s = tour.steps[i];
  const patched = patchScenario(tourBase(tour), s.patch);
  return {
    ...patched,
    view: { ...patched.view, panel: s.panel, tour: { id: tour.id, step: i }, presenter },
  };
}

export function goToStep(tourId: string, step: number): void {
  const tour = findTour(tourId);
  if (!tour) return;
  const st = useStore.getState();
  st.setScenario(stepScenario(tour, step, st.scenario.view.presenter));
}

export function exitTour(): void {
  const st = useStore.getState();
  st.setScenario({ ...st.scenario, view: { ...st.scenario.view, tour: null } });
}

/** Presenter mode: large type, no editing chrome, fullscreen where the browser allows. */
export function setPresenter(on: boolean): void {
  const st = useStore.getState();
  st.setScenario({ ...st.scenario, view: { ...st.scenario.view, presenter: on } });
  try {
    if (on && !document.fullscreenElement && document.documentElement.requestFullscreen) {
      void document.documentElement.requestFullscreen().catch(() => undefined);
    } else if (!on && document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    }
  } catch {
    // Fullscreen is a nicety: without it, presenter mode still enlarges and simplifies.
  }
}
