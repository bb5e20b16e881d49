// The production build served with its Content-Security-Policy as a real HTTP header (the
// way a host would), not only the page's <meta>: a header also governs the engine worker,
// which a <meta> does not reach. Every violation, from the page or the worker, is reported
// to this server (report-uri) and fails the test.
import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const DIST = resolve(process.env.PW_OUTDIR ?? 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** The app's own policy, as index.html's <meta> states it. */
function builtPolicy(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('dist/index.html has no CSP <meta>');
  return m[1];
}

let server: Server;
let origin = '';
const reports: string[] = [];

test.beforeAll(async () => {
  const policy = `${builtPolicy()}; report-uri /csp-report`;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/csp-report') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const file = normalize(join(DIST, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    readFile(file).then(
      (bytes) =>
        res
          .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': policy })
          .end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

test('with the CSP as an HTTP header the engines run and nothing violates the policy', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`page: ${m.text()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker: ${m.text()}`);
    }),
  );
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const response = await page.goto(`${origin}/`);
  expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
  await page.locator('nav.tabs [role="tab"]').first().waitFor();
  // The landing shows the LLM engine's numbers; the dataflow panel needs the systolic engine.
  await expect(page.getByTestId('arg-headline')).toHaveText(/\d/, { timeout: 30_000 });
  await page.locator('#tab-dataflow').click();
  await expect(page.getByTestId('engine-kind')).toHaveText('cycle-accurate stepping', { timeout: 30_000 });
  await expect(page.getByTestId('cycle-count')).toHaveText(/^\d[\d,]* cycles$/);
  await page.locator('#tab-latency').click();
  const panel = page.locator('[data-panel="latency"]');
  await expect(panel).toHaveAttribute('data-status', /^(done|error)$/, { timeout: 30_000 });
  expect(await panel.getAttribute('data-status'), await panel.innerText()).toBe('done');
  await expect(page.getByTestId('metric-lpu-tpot')).toHaveText(/\d/);
  await expect(page.getByTestId('metric-gpu-tpot')).toHaveText(/\d/);
  await expect(page.getByText(/Engine error/)).toHaveCount(0);
  // Reports are sent asynchronously: give them time to arrive before judging.
  await page.waitForTimeout(1500);
  expect(reports, 'CSP violation reports').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});
