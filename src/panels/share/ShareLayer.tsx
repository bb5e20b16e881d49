// Everything the share layer draws around the panels: the problems banner, the compare
// view, the tour caption box and the classroom dialog. App renders this once. It also
// computes a pinned A that arrives without results (a link, a reload).
import { useEffect } from 'react';
import { useStore } from '../../store/store';
import { startPinnedRunner } from './pinnedRunner';
import { ProblemBanner } from './ProblemBanner';
import { ComparePanel } from './ComparePanel';
import { TourOverlay } from './TourOverlay';
import { ClassroomDialog } from './ClassroomDialog';

export function ShareLayer() {
  const compareOpen = useStore((s) => s.compareOpen);
  const pinned = useStore((s) => s.pinned !== null);
  useEffect(() => startPinnedRunner(), []);
  return (
    <>
      <ProblemBanner />
      {compareOpen && pinned ? <ComparePanel /> : null}
      <TourOverlay />
      <ClassroomDialog />
    </>
  );
}
