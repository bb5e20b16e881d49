// Seeded run-to-run jitter of a GPU's time per token: deterministic from the scenario seed.

/** mulberry32: a small, fast, seedable PRNG (same sequence in every JS engine). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JITTER_SAMPLES = 2000;

/**
 * p50 and p99 multipliers of the time per token: `samples` draws of a log-normal with median 1
 * and coefficient of variation `cv` (times are positive and skewed to the slow side).
 */
export function jitterPercentiles(cv: number, seed: number, samples = JITTER_SAMPLES): { p50: number; p99: number } {
  if (cv <= 0) return { p50: 1, p99: 1 };
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const rand = mulberry32(seed);
  const xs = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const u1 = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand()); // Box-Muller
    xs[i] = Math.exp(sigma * z);
  }
  xs.sort();
  const at = (q: number) => xs[Math.min(samples - 1, Math.floor(q * samples))];
  return { p50: at(0.5), p99: at(0.99) };
}
