// `tahrir serve` in Debian's Chromium: the page loads with the token (document list, the strict
// CSP holding without a single violation, events arriving over SSE) and shows nothing without it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows nothing of the workspace without the token', async () => {
    const context = await browser.newContext(); // no cookie from the test above
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${server.port}/`);
    expect(response?.status()).toBe(403);
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
