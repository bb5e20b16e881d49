// Continuous (in-flight) batching at a fixed concurrency, as serving benchmarks run it: each
// of N users sends a request, waits for the whole answer, then sends the next. Every
// iteration of the server either decodes one token for every running request, or, when new
// requests wait, runs their prefill in the same iteration (the running requests get their
// token only when it ends). So other users' prefills stall a request's decode, and time to
// first token and inter-token latency depend on the load. Percentiles come from this
// schedule, with the users' start times drawn from a seeded generator.
import { mulberry32 } from './jitter';

export interface ServingCosts {
  /** One decode iteration with `batch` running requests, µs. */
  decodeUs(batch: number): number;
  /** The prefill of `requests` waiting prompts in one iteration, µs. */
  prefillUs(requests: number): number;
  /** Per-request time outside the iterations (scheduling, host round trip), µs. */
  requestOverheadUs: number;
}

interface ContinuousResult {
  /** p50 / p99 over requests of time to first token, ms. */
  ttftP50Ms: number;
  ttftP99Ms: number;
  /** p50 / p99 over requests of the mean inter-token latency ((last - first token) / (output - 1)), ms. */
  itlP50Ms: number;
  itlP99Ms: number;
  /** Output tokens of the measured requests / the wall time they span. */
  outputTokensPerSecond: number;
  /** Requests measured (each user's first one is warm-up). */
  requests: number;
}

/** Requests each user sends; the first is warm-up (users start at random times). */
const REQUESTS_PER_USER = 4;

interface Running {
  user: number;
  arrival: number;
  first: number;
  tokens: number;
  last: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function simulateContinuous(concurrency: number, output: number, costs: ServingCosts, seed: number): ContinuousResult {
  const decode = memo((b) => costs.decodeUs(b));
  const prefill = memo((k) => costs.prefillUs(k));
  const rand = mulberry32(seed);
  // users start spread over one request's lifetime at full load, as in a benchmark's steady state
  const lifetime = prefill(1) + output * decode(concurrency);
  const arrivals: { user: number; at: number }[] = [];
  for (let u = 0; u < concurrency; u++) arrivals.push({ user: u, at: rand() * lifetime });
  arrivals.sort((a, b) => a.at - b.at);
  const sent = new Array<number>(concurrency).fill(1);
  let waiting: { user: number; arrival: number }[] = [];
  let running: Running[] = [];
  const ttft: number[] = [];
  const itl: number[] = [];
  let measuredTokens = 0;
  let spanStart = Infinity;
  let spanEnd = 0;
  let t = 0;
  const finish = (r: Running) => {
    const warmup = sent[r.user] === 1; // each user's first request
    if (!warmup) {
      ttft.push(r.first - r.arrival);
      itl.push(output > 1 ? (r.last - r.first) / (output - 1) : 0);
      measuredTokens += output;
      spanStart = Math.min(spanStart, r.arrival);
      spanEnd = Math.max(spanEnd, r.last);
    }
    if (sent[r.user] < REQUESTS_PER_USER) {
      sent[r.user]++;
      arrivals.push({ user: r.user, at: r.last });
    }
  };
  while (arrivals.length > 0 || waiting.length > 0 || running.length > 0) {
    arrivals.sort((a, b) => a.at - b.at);
    // a request reaches the scheduler its fixed overhead after it is sent
    const ready = (a: { at: number }) => a.at + costs.requestOverheadUs;
    while (arrivals.length > 0 && ready(arrivals[0]) <= t) {
      const a = arrivals.shift()!;
      waiting.push({ user: a.user, arrival: a.at });
    }
    if (waiting.length === 0 && running.length === 0) {
      t = ready(arrivals[0]);
      continue;
    }
    if (waiting.length > 0) {
      t += prefill(waiting.length) + (running.length > 0 ? decode(running.length) : 0);
      for (const r of running) {
        r.tokens++;
        r.last = t;
      }
      for (const w of waiting) running.push({ user: w.user, arrival: w.arrival, first: t, tokens: 1, last: t });
      waiting = [];
    } else {
      t += decode(running.length);
      for (const r of running) {
        r.tokens++;
        r.last = t;
      }
    }
    const done = running.filter((r) => r.tokens >= output);
    running = running.filter((r) => r.tokens < output);
    for (const r of done) finish(r);
  }
  ttft.sort((a, b) => a - b);
  itl.sort((a, b) => a - b);
  return {
    ttftP50Ms: percentile(ttft, 0.5) / 1000,
    ttftP99Ms: percentile(ttft, 0.99) / 1000,
    itlP50Ms: percentile(itl, 0.5) / 1000,
    itlP99Ms: percentile(itl, 0.99) / 1000,
    outputTokensPerSecond: spanEnd > spanStart ? measuredTokens / ((spanEnd - spanStart) / 1e6) : 0,
    requests: ttft.length,
  };
}

function memo(f: (n: number) => number): (n: number) => number {
  const cache = new Map<number, number>();
  return (n) => {
    let v = cache.get(n);
    if (v === undefined) {
      v = f(n);
      cache.set(n, v);
    }
    return v;
  };
}
