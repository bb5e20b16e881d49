// Which ids classroom mode can hide: every editable field of the scenario (as the
// controlId(path) its control carries), plus any other control on the page, plus the
// four panels (their plain ids, as HIDEABLE_IDS lists them).
import { PANELS } from '../../scenario/types';
import { LEAVES } from '../../scenario/schema';
import { controlId } from '../../scenario/keys';

export interface HideableId {
  id: string;
  label: string;
  group: string;
}

const GROUP_NAMES: Record<string, string> = {
  gemm: 'Systolic array GEMM',
  llm: 'LLM workload',
  lpu: 'SRAM-only system',
  gpu: 'GPU/HBM baseline',
  panel: 'Panels',
};

/** Paths a control can edit: all leaves but the format version, view and classroom. */
export function editablePaths(): string[] {
  return LEAVES.map((l) => l.path).filter((p) => p !== 'v' && !p.startsWith('view.') && !p.startsWith('classroom.'));
}

export function scenarioControlIds(): string[] {
  return editablePaths().map(controlId);
}

/** 'gpu.overrides.hbmBandwidthTBps' -> 'hbm bandwidth TBps' (for controls not on screen). */
export function humanLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'overrides');
  const tail = parts.slice(1).join(' ');
  return tail.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/\b([A-Z])([a-z])/g, (_, a: string, b: string) => a.toLowerCase() + b);
}

/** Panels first, then controls grouped by scenario section; `labels` maps id -> on-page label. */
export function hideableIds(extraIds: string[], labels: Record<string, string>, panelTitles: Record<string, string>): HideableId[] {
  const panels: HideableId[] = PANELS.map((p) => ({ id: p, label: panelTitles[p] ?? p, group: GROUP_NAMES.panel }));
  const fromPaths = new Map(editablePaths().map((p) => [controlId(p), humanLabel(p)]));
  const ids = Array.from(new Set([...fromPaths.keys(), ...extraIds.filter((i) => !(PANELS as readonly string[]).includes(i))]));
  const controls = ids.map((id) => {
    const sec = id.split('-')[0];
    return { id, label: labels[id] ?? fromPaths.get(id) ?? id, group: GROUP_NAMES[sec] ?? 'Other' };
  });
  controls.sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
  return [...panels, ...controls];
}
