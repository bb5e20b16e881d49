// Which scenario changes deserve their own history entry (Back/Forward stop there) and
// which only update the current entry (slider ticks, animation cycles, tab switches).
import type { Scenario } from '../../scenario/types';

export function isDeliberateChange(prev: Scenario, next: Scenario, prevPreset: string, nextPreset: string): boolean {
  if (prevPreset !== nextPreset) return true;
  const a = prev.view.tour;
  const b = next.view.tour;
  if ((a === null) !== (b === null)) return true;
  if (a && b && (a.id !== b.id || a.step !== b.step)) return true;
  if (prev.view.presenter !== next.view.presenter) return true;
  if (JSON.stringify(prev.classroom) !== JSON.stringify(next.classroom)) return true;
  return false;
}
