// The tour step on screen, for the charts that annotate the point it makes (issue 9 item 4).
import { findTour, type TourStep } from '../../scenario/tours';
import { useStore } from '../../store/store';

/** The active tour step when it points at `target` (a TOUR_TARGETS id), else null. */
export function useTourStepOn(target: string): TourStep | null {
  const ref = useStore((s) => s.scenario.view.tour);
  const step = ref ? (findTour(ref.id)?.steps[ref.step] ?? null) : null;
  return step && step.highlight === target ? step : null;
}
