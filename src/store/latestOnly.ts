// Bounded work under input storms: at most one run in flight and at most one waiting (the
// latest request); a request that arrives while one waits replaces it.

export interface QueueState {
  inFlight: boolean;
  waiting: boolean;
}

interface LatestOnly<I> {
  submit(input: I): void;
  state(): QueueState;
}

/**
 * `run` does the work for one input; `onChange` hears every change of the queue's state;
 * `onSuperseded` is called when a request arrives while a run is in flight (a run that can
 * stop early, such as a GEMM, stops there: its result would be stale).
 */
export function latestOnly<I>(
  run: (input: I) => Promise<void>,
  onChange: (s: QueueState) => void = () => undefined,
  onSuperseded: () => void = () => undefined,
): LatestOnly<I> {
  let inFlight = false;
  let next: { input: I } | null = null;
  const state = (): QueueState => ({ inFlight, waiting: next !== null });

  const pump = () => {
    if (inFlight || !next) return;
    const { input } = next;
    next = null;
    inFlight = true;
    onChange(state());
    // A run that throws must not wedge the queue.
    void run(input)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        onChange(state());
        pump();
      });
  };

  return {
    submit(input) {
      next = { input };
      if (!inFlight) return pump();
      onSuperseded();
      onChange(state());
    },
    state,
  };
}
