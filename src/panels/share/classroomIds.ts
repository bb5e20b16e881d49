// What classroom mode can hide: the four panels (their plain ids, as HIDEABLE_IDS lists
// them) and every control on the page (its controlId(path)), named by the control's own
// on-screen label (src/ui/labels.ts). Ids the scenario already hides but this version has
// no control for are kept, so applying the dialog does not silently drop them.
import { PANELS } from '../../scenario/types';
import { CONTROL_INFO, PANEL_TITLES } from '../../ui/labels';

export interface HideableId {
  id: string;
  label: string;
  group: string;
}

export const PANELS_GROUP = 'Panels';
export const OTHER_GROUP = 'Not on this page';

/** Panels first, then the controls in on-screen order, grouped as on screen. */
export function hideableIds(currentHidden: readonly string[]): HideableId[] {
  const panels: HideableId[] = PANELS.map((p) => ({ id: p, label: PANEL_TITLES[p], group: PANELS_GROUP }));
  const controls: HideableId[] = CONTROL_INFO.map((c) => ({ id: c.id, label: c.label, group: c.group }));
  const known = new Set([...panels, ...controls].map((i) => i.id));
  const others = currentHidden.filter((id) => !known.has(id)).map((id) => ({ id, label: `unknown item “${id}”`, group: OTHER_GROUP }));
  return [...panels, ...controls, ...others];
}
