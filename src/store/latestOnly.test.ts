import { describe, expect, it } from 'vitest';
import { latestOnly, type QueueState } from './latestOnly';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('runs at most one at a time and only the latest of a storm after it', async () => {
    const started: number[] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    let maxInFlight = 0;
    let inFlight = 0;
    const q = latestOnly<number>(async (i) => {
      started.push(i);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const g = deferred();
      gates.push(g);
      await g.promise;
      inFlight--;
    });
    for (let i = 0; i < 200; i++) q.submit(i);
    expect(started).toEqual([0]);
    expect(q.state()).toEqual({ inFlight: true, waiting: true });
    gates[0].resolve();
    await tick();
    expect(started).toEqual([0, 199]);
    expect(q.state()).toEqual({ inFlight: true, waiting: false });
    gates[1].resolve();
    await tick();
    expect(q.state()).toEqual({ inFlight: false, waiting: false });
    expect(maxInFlight).toBe(1);
  });

  it('tells the run in flight it is superseded, and survives a run that throws', async () => {
    let superseded = 0;
    const states: QueueState[] = [];
    const seen: string[] = [];
    const q = latestOnly<string>(
      async (s) => {
        seen.push(s);
        await tick();
        if (s === 'bad') throw new Error('boom');
      },
      (st) => states.push(st),
      () => superseded++,
    );
    q.submit('bad');
    q.submit('good');
    expect(superseded).toBe(1);
    await tick();
    await tick();
    await tick();
    expect(seen).toEqual(['bad', 'good']);
    expect(states.at(-1)).toEqual({ inFlight: false, waiting: false });
  });
});
