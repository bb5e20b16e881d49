// Main-thread handle on the engine worker (one per page).
import * as Comlink from 'comlink';
import type { EngineApi } from './api';

let remote: Comlink.Remote<EngineApi> | null = null;

export function engine(): Comlink.Remote<EngineApi> {
  if (!remote) {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    remote = Comlink.wrap<EngineApi>(worker);
  }
  return remote;
}

export { Comlink };
