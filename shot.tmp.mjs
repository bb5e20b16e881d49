import { chromium } from '@playwright/test';
const url = process.argv[2]; const out = process.argv[3]; const sel = process.argv[4];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.goto(url);
await p.waitForTimeout(4000);
if (sel) { const loc = p.locator(sel).first(); await loc.scrollIntoViewIfNeeded(); await loc.screenshot({ path: out }); }
else await p.screenshot({ path: out });
await b.close();
