// `tahrir serve` in Debian's Chromium: the page loads with the token (document list, the strict
// CSP holding without a single violation, events arriving over SSE) and shows nothing without it;
// the token stays with the page (out of its address bar, in no cookie), so another server on
// 127.0.0.1 the same browser visits never sees it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/serve';
import type { RunningServer } from '../../electron/serve';

const repo = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = '000_b3be894ae1d50a96';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`serve-smoke: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

let base: string;
let server: RunningServer;
let browser: Browser;

describe.skipIf(!haveChromium)('tahrir serve in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(join(repo, 'dist', 'renderer', 'index.html'))) {
      execFileSync(process.execPath, [join(repo, 'build', 'bundle.mjs')], { stdio: 'ignore' });
    }
    base = await mkdtemp(join(tmpdir(), 'tahrir-smoke-'));
    await cp(join(repo, 'seeds'), join(base, 'seeds'), { recursive: true });
    server = await startServer({ root: join(base, 'seeds'), port: 0, log: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('loads the editor with the token: documents listed, no CSP violation, events over SSE', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'/);

    await page.locator(`[data-doc-id="${SAMPLE}"]`).waitFor({ timeout: 15_000 });
    // Someone adds an article on disk: the list follows (watcher → SSE → EventSource).
    await writeFile(join(base, 'seeds', 'zz-added-while-open.txt'), 'An article added while the editor was open.\n');
    await page.locator('[data-doc-id="zz-added-while-open"]').waitFor({ timeout: 15_000 });

    await mkdir(join(repo, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repo, 'test-results', 'serve-smoke.png') });

    // The token left the address bar, and is in no cookie; a reload still opens the workspace.
    expect(page.url()).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await page.context().cookies()).toEqual([]);
    await page.reload();
    await page.locator(`[data-doc-id="${SAMPLE}"]`).waitFor({ timeout: 15_000 });
    await writeFile(join(base, 'seeds', 'zz-added-after-reload.txt'), 'Added after a reload.\n');
    await page.locator('[data-doc-id="zz-added-after-reload"]').waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the first document from the printed URL with no API request before its text, after a reload with one', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      const files: string[] = [];
      // After a reload, counted from the new page's commit: the page it replaces may still ask (its suggestions) until
      // then.
      let reloading = false;
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame() || !reloading) return;
        reloading = false;
        asked.length = 0;
      });
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/api/') && path !== '/api/events') asked.push(path.slice('/api/'.length));
        else if (/^\/(app\.(css|js)|assets\/.*\.woff2)$/.test(path)) files.push(path);
      });
      const preloads: string[] = [];
      page.on('console', (message) => void (/preload/i.test(message.text()) && preloads.push(message.text())));
      const response = await page.goto(server.url);
      await page.locator('[data-para]').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-para]').first().textContent()).not.toBe('');
      // Named in the page's Link header (fetched as it commits) and in its head: each fetched once, the fonts in the
      // stylesheet's CORS mode (preloaded without it, a font is fetched twice).
      expect(response?.headers().link).toMatch(/woff2>; rel=preload; as=font; type="font\/woff2"; crossorigin/);
      expect(files.filter((path) => path.endsWith('.woff2')).length).toBeGreaterThanOrEqual(3);
      expect(files.filter((path, i) => files.indexOf(path) !== i)).toEqual([]);
      expect(preloads).toEqual([]); // "a preload … is not used because the request credentials mode does not match"
      // The workspace and the document came in the page (electron/started-page.ts): nothing was asked for them. (What
      // the page asks once it has the document, its sync status and suggestions, may come before the text is seen.)
      const opening = ['startEditor', 'getWorkspace', 'openDocument', 'listDocuments'];
      expect(asked.filter((m) => opening.includes(m))).toEqual([]);
      // A reload has no token in its URL (the page keeps it in sessionStorage): it asks, in one request. Asked one
      // after the other, the document waited for the workspace's answer: a round trip more.
      asked.length = 0;
      reloading = true;
      await page.reload();
      await page.locator('[data-para]').first().waitFor({ timeout: 15_000 });
      expect(asked.filter((m) => opening.includes(m))).toEqual(['startEditor']);
      expect(asked[0]).toBe('startEditor');
    } finally {
      await context.close();
    }
  });

  it('makes its first storage accesses before it reads the start in the page, and keeps the token after', async () => {
    // A tab's first storage access waits on the browser process (a permission check and a load of the storage, two
    // synchronous calls: 1–200 ms in a trial at load 18): made before startEditor's request, it held the open back
    // (renderer/page-token.ts); made once the start is in the page, it would hold the paint back. early.js makes them
    // in the page's head, while the server answers (early-start.ts).
    const context = await browser.newContext();
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { __order: string[] };
        w.__order = [];
        for (const name of ['sessionStorage', 'localStorage'] as const) {
          const storage = Object.getOwnPropertyDescriptor(window, name)!;
          Object.defineProperty(window, name, {
            configurable: true,
            get() {
              w.__order.push(name);
              return storage.get!.call(window);
            },
          });
        }
        const byId = Document.prototype.getElementById;
        Document.prototype.getElementById = function (id: string) {
          if (id === 'tahrir-start') w.__order.push('start read');
          return byId.call(this, id);
        };
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-para]')) return;
          w.__order.push('first screen');
          seen.disconnect();
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('[data-para]').first().waitFor({ timeout: 15_000 });
      const order = await page.evaluate(() => (window as unknown as { __order: string[] }).__order);
      const read = order.indexOf('start read');
      expect(read).toBeGreaterThan(0);
      // Each storage's first access before the start is read (those after it find the storage loaded: ~0 ms).
      expect(order.indexOf('localStorage')).toBeLessThan(read);
      expect(order.indexOf('sessionStorage')).toBeLessThan(read);
      expect(order.indexOf('first screen')).toBeGreaterThan(read);
      // Kept all the same (a reload finds it there), and out of the address bar.
      await page.waitForURL(`http://127.0.0.1:${server.port}/`);
      expect(await page.evaluate(() => sessionStorage.getItem('tahrir-serve-token'))).toBe(server.token);
    } finally {
      await context.close();
    }
  });

  it('after a reload, asks for the document without waiting for the stylesheet', async () => {
    // A deferred script (a module script's default) runs only once the page's stylesheets are in: early.js, in first,
    // waited for app.css before it asked for the document (index.html). The printed URL's page asks for nothing: a
    // reload's (the token then in sessionStorage) does.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('[data-para]').first().waitFor({ timeout: 15_000 });
      const order: string[] = [];
      await context.route('**/app.css', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        order.push('app.css let go');
        await route.continue();
      });
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/startEditor') order.push('startEditor asked');
      });
      await page.reload();
      await page.locator('[data-para]').first().waitFor({ timeout: 15_000 });
      expect(order).toEqual(['startEditor asked', 'app.css let go']);
      // The page is styled all the same (the app's own rules apply).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.app')!).display)).not.toBe('inline');
    } finally {
      await context.close();
    }
  });

  it('another server on 127.0.0.1 that the browser visits next is sent no token, and its page can reach nothing', async () => {
    // Any other local program with a web page: it records what the browser sends it.
    const seen: string[] = [];
    const other = createServer((request, response) => {
      seen.push(`${request.url} cookie=${request.headers.cookie ?? ''}`);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>another local app</title><p>hello</p>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator(`[data-doc-id="${SAMPLE}"]`).waitFor({ timeout: 15_000 });
      await page.goto(`http://127.0.0.1:${otherPort}/`);
      expect(seen.length).toBeGreaterThan(0);
      for (const request of seen) expect(request).not.toContain(server.token);
      // Its page, knowing Tahrir's port, tries what it can: the API (with the browser's cookies), the page, the event stream.
      const tried = await page.evaluate(async (port) => {
        const origin = `http://127.0.0.1:${port}`;
        const attempt = (url: string, init?: RequestInit) =>
          fetch(url, { credentials: 'include', ...init }).then(
            async (r) => `${r.status} ${await r.text()}`,
            () => 'blocked',
          );
        return [
          await attempt(`${origin}/api/listDocuments`, { method: 'POST', body: '{"args":[]}' }),
          await attempt(`${origin}/api/listDocuments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"args":[]}',
          }),
          await attempt(`${origin}/`),
          await attempt(`${origin}/api/events`),
        ];
      }, server.port);
      for (const answer of tried) {
        expect(answer).not.toContain(SAMPLE);
        expect(answer).not.toContain(server.token);
      }
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('shows nothing of the workspace without the token', async () => {
    const context = await browser.newContext(); // nothing kept from the tests above
    const page = await context.newPage();
    // The page itself holds no secret; without the token it can only say where to get one.
    const response = await page.goto(`http://127.0.0.1:${server.port}/`);
    expect(response?.status()).toBe(200);
    await page
      .getByText(/Cannot open the workspace: .*open the URL that `tahrir serve` printed/)
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-doc-id]').count()).toBe(0);
    expect(await page.content()).not.toContain(SAMPLE);
    // A page of another origin cannot call the API either, even knowing the path.
    const fromElsewhere = await page.evaluate(async (port) => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/listDocuments`, { method: 'POST', body: '{"args":[]}' });
        return r.status;
      } catch {
        return 'blocked';
      }
    }, server.port);
    expect(fromElsewhere === 403 || fromElsewhere === 'blocked').toBe(true);
    await context.close();
  });
});
