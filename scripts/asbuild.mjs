// Builds the two wasm engines with AssemblyScript, skipping a module whose sources, compiler
// version and flags are unchanged since its last build (a hash is kept beside the .wasm), so
// `npm run sim` on a built checkout answers without recompiling. `--force` rebuilds.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src/engine/assembly');
const out = join(root, 'src/engine/generated');
const FLAGS = ['--optimize', '-O3', '--runtime', 'stub', '--bindings', 'raw', '--enable', 'simd', '--noAssert'];
const MODULES = ['systolic', 'interconnect'];
const asc = join(root, 'node_modules/.bin/asc');
const version = JSON.parse(readFileSync(join(root, 'node_modules/assemblyscript/package.json'), 'utf8')).version;
const force = process.argv.includes('--force');

// every module sees every file of the assembly folder (imports), so all of them go into each hash
const sources = readdirSync(src)
  .filter((f) => f.endsWith('.ts') || f.endsWith('.json'))
  .sort();
for (const name of MODULES) {
  const h = createHash('sha256').update(version).update(FLAGS.join(' ')).update(name);
  for (const f of sources) h.update(f).update(readFileSync(join(src, f)));
  const digest = h.digest('hex');
  const wasm = join(out, `${name}.wasm`);
  const stamp = join(out, `${name}.hash`);
  if (!force && existsSync(wasm) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) continue;
  execFileSync(asc, [join(src, `${name}.ts`), '-o', wasm, ...FLAGS], { stdio: 'inherit' });
  writeFileSync(stamp, digest);
}
