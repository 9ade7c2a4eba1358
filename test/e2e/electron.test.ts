// The desktop app end to end with Playwright's Electron driver, where Electron's binary exists.
// Build machines that reach only npm and Debian cannot download it: then this suite says so and
// skips, and test/e2e/serve-smoke.test.ts plus the editor suite carry the UI in Chromium.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';

/** The Electron binary's path, or why there is none. */
function findElectron(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string') return { missing: 'the electron package did not give a binary path' };
    if (!existsSync(path)) return { missing: `${path} does not exist` };
    return { path };
  } catch (e) {
    return { missing: (e as Error).message.split('\n')[0] };
  }
}

const electron = findElectron();
if ('missing' in electron) {
  console.warn(
    `electron e2e: SKIPPED — Electron's binary is not installed (${electron.missing}). It is downloaded from github.com, ` +
      'which this machine cannot reach; run `node node_modules/electron/install.js` where it can. The browser suites cover the UI meanwhile.',
  );
}

describe.skipIf('missing' in electron)('the desktop app (Electron)', () => {
  let base: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(repo, 'dist', 'main.cjs')) || !existsSync(join(repo, 'dist', 'renderer', 'index.html'))) {
      execFileSync(process.execPath, [join(repo, 'build', 'bundle.mjs')], { stdio: 'ignore' });
    }
    base = await mkdtemp(join(tmpdir(), 'tahrir-electron-'));
    await cp(join(repo, 'seeds'), join(base, 'seeds'), { recursive: true });
    app = await _electron.launch({
      executablePath: (electron as { path: string }).path,
      args: [repo, join(base, 'seeds')],
      env: { ...process.env, TAHRIR_USER_DATA: join(base, 'user-data') } as Record<string, string>,
    });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('opens the folder given on the command line, from app://', async () => {
    expect(page.url()).toBe('app://tahrir/index.html');
    await page.locator(`[data-doc-id="${SAMPLE}"]`).waitFor({ timeout: 20_000 });
    expect(await page.title()).toMatch(/Tahrir/);
  });

  it('runs the page isolated: the bridge is there, Node is not', async () => {
    expect(await page.evaluate(() => typeof window.tahrir?.openDocument)).toBe('function');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    // The page's own world has no access to the preload's: only what contextBridge exposed.
    expect(await page.evaluate(() => Object.keys(window.tahrir ?? {}).includes('call'))).toBe(false);
  });

  it('opens no new window and navigates nowhere else', async () => {
    expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://tahrir/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('answers through the bridge with typed errors', async () => {
    const code = await page.evaluate(() =>
      window.tahrir!.openDocument('../outside').then(
        () => 'opened',
        (e: { code?: string }) => e.code,
      ),
    );
    expect(code).toBe('outside-workspace');
  });

  it('has the application menu', async () => {
    const labels = await app.evaluate(
      ({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? [],
    );
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  });
});
