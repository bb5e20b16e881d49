// Several users' tokens in flight at once: a batch of B users is split into micro-batches
// that follow each other through the pipeline stages (user group k in stage s while group
// k+1 is in stage s-1). A statically scheduled machine fills its stages this way; so does
// GPU pipeline parallelism across nodes. See docs/llm-model.md ("Pipelining users").

export interface MicroBatching {
  /** Micro-batches in flight (at most one per stage). */
  microBatches: number;
  /** Users per micro-batch (the last may hold fewer; every one is costed at this size). */
  microBatchSize: number;
}

/** The fewest users per micro-batch that keep every stage busy: ceil(B / S) users, ceil(B / that) groups. */
export function microBatching(batch: number, stages: number): MicroBatching {
  const size = Math.max(1, Math.ceil(batch / Math.max(1, stages)));
  return { microBatches: Math.ceil(batch / size), microBatchSize: size };
}

/**
 * Steady-state time for every user to get one more token (the time per output token):
 * a micro-batch's token must cross the whole pipeline before its next one can start (pass),
 * and every stage (and the output head) serves each micro-batch in turn.
 */
export function pipelinedTokenUs(passUs: number, stageUs: number, headUs: number, microBatches: number): number {
  return Math.max(passUs, microBatches * stageUs, microBatches * headUs);
}

/**
 * Time until every user has its first token: `units` chunk passes (micro-batches x prompt
 * chunks) stream through the stages; the first takes a whole pass, each later one the
 * busiest stage's share.
 */
export function pipelinedPrefillUs(passUs: number, stageUs: number, units: number): number {
  return passUs + Math.max(0, units - 1) * stageUs;
}
