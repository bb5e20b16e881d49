// Node-side loader for the built .wasm files (vitest, CLI, bench). The browser worker
// loads the same files with a `?url` import and WebAssembly.compileStreaming.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type WasmName = 'systolic' | 'interconnect';

const cache = new Map<WasmName, Promise<WebAssembly.Module>>();

export function loadWasmModule(name: WasmName): Promise<WebAssembly.Module> {
  let m = cache.get(name);
  if (!m) {
    const path = fileURLToPath(new URL(`./generated/${name}.wasm`, import.meta.url));
    m = readFile(path).then(
      (bytes) => WebAssembly.compile(bytes),
      () => {
        throw new Error(`${path} is missing: run \`npm run asbuild\` first`);
      },
    );
    cache.set(name, m);
  }
  return m;
}
