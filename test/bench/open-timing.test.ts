// The bench times a page's open by the page's own signal: nothing of the harness (Playwright's utility script, which a
// page.evaluate compiles and runs on the page's main thread) runs in the page before it is open.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { openBySignal } from './open-timing';

// A page that opens a moment after it loads, as the bench's pages do once their text has come.
const PAGE = `<!doctype html><meta charset="utf-8"><title>open</title><body><script>
setTimeout(() => { document.body.textContent = 'opened'; window.__benchReady = true; }, 300);
</script></body>`;

describe.runIf(haveChromium)('the bench waits for a page to open', () => {
  let browser: Browser;
  let server: Server;
  let probe = '';
  beforeAll(async () => {
    const bundled = await build({
      entryPoints: [join(__dirname, 'pages', 'frame-probe.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    probe = bundled.outputFiles[0].text;
    server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('by the signal the page sends, with no harness script run in the page before it', async () => {
    const context = await browser.newContext();
    await context.addInitScript({ content: probe });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const open = await openBySignal(page, url, 30_000);
    expect(open).not.toBeNull();
    expect(open!.paintedAt).toBeGreaterThanOrEqual(open!.readyAt);
    expect(open!.harnessAt).toBeNull();
    // The probe does see the harness once it runs there (so the null above is no blind spot).
    expect(await page.evaluate(() => window.__bench.harnessAt())).toBeGreaterThan(open!.paintedAt);
    await context.close();
  });
});
