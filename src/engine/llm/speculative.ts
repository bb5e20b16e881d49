// Speculative decoding: each step drafts k tokens cheaply (a small draft model, or a one-layer
// multi-token-prediction / EAGLE-style head on the target's last hidden state), then the target
// checks all k in one pass over k + 1 positions. Each draft token is accepted with probability
// `accept` until the first rejection, and the target's pass always yields one token of its own,
// so a step yields (1 - accept^(k+1)) / (1 - accept) tokens on average (Leviathan et al., "Fast
// Inference from Transformers via Speculative Decoding", ICML 2023, eq. 1; acceptance assumed
// independent per token). docs/llm-model.md, "Speculative decoding".
import type { ModelSpec, Speculation } from '../../scenario/types';
import type { MachineResult } from '../types';
import { MODELS } from './models';

/** What the machines' runs need: the mode, draft length and acceptance, and the draft model's shape. */
export interface SpeculationInputs {
  mode: 'draft' | 'mtp';
  k: number;
  accept: number;
  /** The draft model (mode 'draft'), or the one-layer head the target carries (mode 'mtp'). */
  drafter: ModelSpec;
}

/** Expected tokens a step yields: accepted drafts plus the target's own token. */
export function tokensPerStep(k: number, accept: number): number {
  return (1 - accept ** (k + 1)) / (1 - accept);
}

/**
 * The drafter of mode 'mtp': one transformer layer of the target's width (DeepSeek-V3's MTP
 * module is one layer sharing the embedding and output head; an EAGLE head is one layer too).
 * Run once per draft token.
 */
export function predictionHead(target: ModelSpec): ModelSpec {
  return {
    ...target,
    id: `${target.id}-mtp`,
    name: `${target.name} prediction head`,
    layers: 1,
    denseLayers: undefined,
    mtpLayers: undefined,
  };
}

/** The scenario's speculation as engine inputs, or null when it is off. */
export function speculationInputs(sp: Speculation, target: ModelSpec): SpeculationInputs | null {
  if (sp.mode === 'off') return null;
  const drafter = sp.mode === 'draft' ? MODELS[sp.draft] : predictionHead(target);
  return { mode: sp.mode, k: sp.k, accept: sp.accept, drafter };
}

export interface SpeculativeTiming {
  /** Time per output token with speculation. */
  tokenUs: number;
  tokensPerStep: number;
  /** One step: k draft tokens then the target's check of k + 1 positions. */
  draftUs: number;
  verifyUs: number;
}

/** Time per output token from the step's parts. */
export function speculativeTiming(sp: Pick<SpeculationInputs, 'k' | 'accept'>, draftTokenUs: number, verifyUs: number): SpeculativeTiming {
  const n = tokensPerStep(sp.k, sp.accept);
  const draftUs = sp.k * draftTokenUs;
  return { tokenUs: (draftUs + verifyUs) / n, tokensPerStep: n, draftUs, verifyUs };
}

/**
 * What a result carries about its speculation: the closed-form step's parts in the table's
 * terms (`msPerClosedUs`: the machine's simulated / closed-form scale, in ms per closed-form us).
 */
export function speculationSummary(
  sp: SpeculationInputs,
  t: SpeculativeTiming,
  msPerClosedUs: number,
  plainTpotMs: number,
  draftChips: number,
): NonNullable<MachineResult['speculation']> {
  return {
    mode: sp.mode,
    drafter: sp.drafter.name,
    k: sp.k,
    accept: sp.accept,
    tokensPerStep: t.tokensPerStep,
    draftMs: t.draftUs * msPerClosedUs,
    verifyMs: t.verifyUs * msPerClosedUs,
    plainTpotMs,
    draftChips,
  };
}
