#!/usr/bin/env node
// `npx lpu-explainer <gemm|llm|calibrate|sweep> ...`: the project's CLI (src/cli/main.ts), run in
// this process through tsx's loader (the tsx command would start a second Node: ~0.8 s more),
// after building the wasm engines if their sources changed.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/asbuild.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
register();
await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
