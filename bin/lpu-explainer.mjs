#!/usr/bin/env node
// `npx lpu-explainer <gemm|llm|calibrate|sweep> ...`: the project's CLI (src/cli/main.ts) run
// through tsx, after building the wasm engines if their sources changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/asbuild.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
const tsx = join(root, 'node_modules/.bin/tsx');
const r = spawnSync(tsx, [join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
