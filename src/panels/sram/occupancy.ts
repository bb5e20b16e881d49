// Pure helpers for the SRAM occupancy panel: the KV cache at a token position, and the
// grouping of identical chips so that hundreds of chips read as a few bars.
import type { ChipOccupancy } from '../../engine/types';

export type Phase = 'prefill' | 'decode';

/** Prefill while the prompt is being read (positions 0..prompt-1), decode after. */
export function phaseAt(token: number, prompt: number): Phase {
  return token < prompt ? 'prefill' : 'decode';
}

/**
 * KV cache bytes held by a chip after `token` positions (0..prompt+output). The engine gives
 * the cache at the end of the prompt and at the end of the answer; each position adds the
 * same bytes (one K and one V vector per layer per user), so both phases are linear:
 * 0 -> kvPromptBytes over the prompt, then kvPromptBytes -> kvFinalBytes over the output.
 */
export function kvAtToken(
  occ: Pick<ChipOccupancy, 'kvPromptBytes' | 'kvFinalBytes'>,
  token: number,
  prompt: number,
  output: number,
): number {
  const t = Math.max(0, Math.min(token, prompt + output));
  if (t <= prompt) return prompt === 0 ? 0 : (occ.kvPromptBytes * t) / prompt;
  if (output === 0) return occ.kvPromptBytes;
  return occ.kvPromptBytes + ((occ.kvFinalBytes - occ.kvPromptBytes) * (t - prompt)) / output;
}

/** Bytes of one chip at a token position, and what is left free (negative = overflow). */
export interface ChipFill {
  weightsBytes: number;
  kvBytes: number;
  activationBytes: number;
  freeBytes: number;
  capacityBytes: number;
}

export function fillAtToken(occ: ChipOccupancy, token: number, prompt: number, output: number): ChipFill {
  const kvBytes = kvAtToken(occ, token, prompt, output);
  const used = occ.weightsBytes + kvBytes + occ.activationBytes;
  return {
    weightsBytes: occ.weightsBytes,
    kvBytes,
    activationBytes: occ.activationBytes,
    freeBytes: occ.capacityBytes - used,
    capacityBytes: occ.capacityBytes,
  };
}

/** Chips with byte-identical occupancy, shown as one bar with a count. */
export interface ChipGroup {
  /** Occupancy shared by every chip of the group (the first chip's, label included). */
  sample: ChipOccupancy;
  /** Chip indices in the group, ascending. */
  indices: number[];
}

function groupKey(o: ChipOccupancy): string {
  return [o.weightsBytes, o.kvPromptBytes, o.kvFinalBytes, o.activationBytes, o.capacityBytes].join('|');
}

/** Groups chips by identical byte figures, in order of first appearance. */
export function groupChips(occupancy: readonly ChipOccupancy[]): ChipGroup[] {
  const byKey = new Map<string, ChipGroup>();
  occupancy.forEach((o, i) => {
    const k = groupKey(o);
    const g = byKey.get(k);
    if (g) g.indices.push(i);
    else byKey.set(k, { sample: o, indices: [i] });
  });
  return [...byKey.values()];
}

/** "0-7, 16, 18-20": chip indices as compact ranges. */
export function formatRanges(indices: readonly number[], maxRanges = 4): string {
  const ranges: string[] = [];
  let start = indices[0];
  let prev = indices[0];
  for (let i = 1; i <= indices.length; i++) {
    const cur = indices[i];
    if (cur === prev + 1) {
      prev = cur;
      continue;
    }
    ranges.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = cur;
    prev = cur;
  }
  if (indices.length === 0) return '';
  return ranges.length > maxRanges
    ? `${ranges.slice(0, maxRanges).join(', ')}, ... (${ranges.length - maxRanges} more ranges)`
    : ranges.join(', ');
}

/** Totals over all chips at a token position. */
export function totalsAtToken(occupancy: readonly ChipOccupancy[], token: number, prompt: number, output: number): ChipFill {
  const t: ChipFill = { weightsBytes: 0, kvBytes: 0, activationBytes: 0, freeBytes: 0, capacityBytes: 0 };
  for (const o of occupancy) {
    const f = fillAtToken(o, token, prompt, output);
    t.weightsBytes += f.weightsBytes;
    t.kvBytes += f.kvBytes;
    t.activationBytes += f.activationBytes;
    t.freeBytes += f.freeBytes;
    t.capacityBytes += f.capacityBytes;
  }
  return t;
}
