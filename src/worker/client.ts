// Main-thread handles on the engine workers: one worker per engine, so a long GEMM never
// delays the latency numbers. A worker that fails to start, crashes, or stays silent past
// the time bound is stopped and replaced on the next call: recovery without a reload.
import * as Comlink from 'comlink';
import type { EngineApi } from './api';

export type EngineKind = 'systolic' | 'llm';

/** How messages name each engine. */
export const ENGINE_NAMES: Record<EngineKind, string> = { systolic: 'systolic-array engine', llm: 'LLM engine' };

/** Longest an engine may stay silent (no answer, no progress report) before it is stopped. */
const ENGINE_TIME_BOUND_MS = 15_000;

/** The engine itself failed (not the inputs): its worker is gone and the next call starts a fresh one. */
class EngineFault extends Error {}

interface Host {
  remote: Comlink.Remote<EngineApi>;
  /** Rejects when the worker fails or is stopped; every call in flight races it. */
  gone: Promise<never>;
  stop(fault: EngineFault): void;
}

const hosts: Partial<Record<EngineKind, Host>> = {};

function startHost(kind: EngineKind): Host {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: `engine-${kind}` });
  let reject!: (e: EngineFault) => void;
  const gone = new Promise<never>((_, r) => (reject = r));
  gone.catch(() => undefined); // observed by the calls in flight, if any
  const host: Host = {
    remote: Comlink.wrap<EngineApi>(worker),
    gone,
    stop(fault) {
      reject(fault);
      worker.terminate();
      if (hosts[kind] === host) delete hosts[kind];
    },
  };
  // Fires when the script cannot be loaded (404, blocked) or throws outside a call.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    host.stop(new EngineFault(`its worker failed${e.message ? `: ${e.message}` : ' to start'}`));
  });
  worker.addEventListener('messageerror', () => host.stop(new EngineFault('the engine sent a message that could not be read')));
  return host;
}

/**
 * Starts this engine's worker now, so its script loads and compiles while the app's own
 * bundle does (main.tsx calls it first); the first call then finds it ready.
 */
export function prewarmEngine(kind: EngineKind): void {
  hosts[kind] ??= startHost(kind);
}

/**
 * Calls the engine of this kind, bounded: a silence longer than ENGINE_TIME_BOUND_MS (progress
 * reports restart the clock) or a dead worker rejects with an EngineFault and stops the worker.
 */
export async function callEngine<T>(
  kind: EngineKind,
  call: (remote: Comlink.Remote<EngineApi>, progress: (fraction: number) => void) => T,
  onProgress?: (fraction: number) => void,
): Promise<Awaited<T>> {
  const host = (hosts[kind] ??= startHost(kind));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timeOut!: (e: EngineFault) => void;
  const silent = new Promise<never>((_, r) => (timeOut = r));
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => timeOut(new EngineFault(`the engine did not answer within ${ENGINE_TIME_BOUND_MS / 1000} s and was stopped`)),
      ENGINE_TIME_BOUND_MS,
    );
  };
  arm();
  const report = (f: number) => {
    arm();
    onProgress?.(f);
  };
  // Only a call that reports progress sends the callback to the worker (a proxy costs a port).
  const progress = onProgress ? Comlink.proxy(report) : report;
  try {
    return await Promise.race([call(host.remote, progress), host.gone, silent]);
  } catch (e) {
    if (e instanceof EngineFault) host.stop(e);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Stops this engine's worker; the next call starts a fresh one (Retry). */
export function restartEngine(kind: EngineKind): void {
  hosts[kind]?.stop(new EngineFault('restarted'));
}

export { Comlink };
