import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Worker bundles must be ES modules: the worker imports the wasm URL and comlink.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Never inline wasm as a data: URL: the worker fetches it, and a CSP header's
    // connect-src 'self' (which governs the worker, unlike the page's <meta>) refuses data:.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Two projects: `npx vitest run --project fast` answers in seconds while developing;
    // the slow one (*.slow.test.ts: corner walks, fuzzing, every tour step, pipelining
    // against explicit schedules) runs with it in `npm test`.
    projects: [
      { extends: true, test: { name: 'fast', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], exclude: ['src/**/*.slow.test.ts'] } },
      { extends: true, test: { name: 'slow', include: ['src/**/*.slow.test.ts'] } },
    ],
  },
});
