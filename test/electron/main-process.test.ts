// The desktop main process (electron/main.ts + ipc.ts), bundled as for the app, run in Node
// against a recording stand-in for the `electron` module: Electron's binary cannot be downloaded
// here, and this still checks what main.ts itself decides — the app:// file server and its CSP,
// which IPC senders are trusted, argument checks, permissions, navigation, new windows, the
// menu, the window's settings and remembered bounds — with the real Backend on a temp workspace.
// (test/e2e/electron.test.ts runs the real thing where the binary exists.)
/* eslint-disable @typescript-eslint/no-explicit-any -- driving the loosely typed stand-in */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/window-options';
import { FakeWebContents, runMainProcess } from './electron-stand-in';
import type { StandIn } from './electron-stand-in';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';

let base: string;
let workspace: string;
let userData: string;
let standIn: StandIn;
let record: StandIn['record'];
let win: any;

async function call(
  method: string,
  args: unknown[],
  event: any = { sender: win.webContents, senderFrame: win.webContents.mainFrame },
) {
  return record.ipcHandlers.get(`tahrir:${method}`)!(event, ...args);
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-main-'));
  const appDir = join(base, 'app');
  workspace = join(base, 'articles');
  userData = join(base, 'user-data');
  await cp(join(repo, 'seeds'), workspace, { recursive: true });
  await mkdir(join(appDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Tahrir</title>');
  await writeFile(join(appDir, 'dist', 'renderer', 'app.js'), 'export {};');
  await writeFile(join(base, 'app', 'dist', 'secret.txt'), 'SECRET');
  process.env.TAHRIR_USER_DATA = userData;
  standIn = await runMainProcess(repo, appDir, ['electron', '--inspect=0', appDir, workspace]);
  record = standIn.record;
  win = record.windows[0];
  expect(win, 'main.ts created its window').toBeTruthy();
});

afterAll(async () => {
  delete process.env.TAHRIR_USER_DATA;
  record?.windows.forEach((w) => w.emit('closed'));
  if (base) await rm(base, { recursive: true, force: true });
});

describe('main process: the window', () => {
  it('registers app:// as a privileged standard, secure scheme', () => {
    expect(record.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('opens one sandboxed, isolated window on app://tahrir/index.html with the preload', () => {
    expect(record.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(win.options.webPreferences.preload).toBe(join(base, 'app', 'dist', 'preload.cjs'));
    expect(win.webContents.url).toBe('app://tahrir/index.html');
    expect(win.title).toMatch(/articles — Tahrir/);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const handler = record.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://tahrir/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Tahrir</title>');
    const script = await handler(new Request('app://tahrir/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of [
      'app://tahrir/%2e%2e/secret.txt',
      'app://tahrir/..%2fsecret.txt',
      'app://other/index.html',
      'app://tahrir/nope.js',
    ]) {
      const answer = await handler(new Request(url));
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('SECRET');
    }
    expect((await handler(new Request('app://tahrir/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('main process: IPC', () => {
  it('has one channel per operation', () => {
    expect([...record.ipcHandlers.keys()]).toContain('tahrir:saveSidecar');
    expect([...record.ipcHandlers.keys()].every((c) => c.startsWith('tahrir:'))).toBe(true);
  });

  it('answers our page with the folder from the command line', async () => {
    const answer = await call('getWorkspace', []);
    expect(answer.ok).toBe(true);
    const info = (answer as { result: any }).result;
    expect(info.root).toBe(workspace);
    expect(info.documents.map((d: any) => d.id)).toContain(SAMPLE);
  });

  it('refuses senders that are not our page in our window’s top frame', async () => {
    const foreignPage = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    const iframe = {
      sender: win.webContents,
      senderFrame: { url: 'app://tahrir/index.html', parent: win.webContents.mainFrame },
    };
    const otherContents = {
      sender: new FakeWebContents(),
      senderFrame: { url: 'app://tahrir/index.html', parent: null },
    };
    const gone = { sender: win.webContents, senderFrame: null };
    for (const event of [foreignPage, iframe, otherContents, gone]) {
      const answer = await call('openDocument', [SAMPLE], event);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/did not come from Tahrir's window/) },
      });
    }
  });

  it('validates arguments before the back end sees them, errors as data', async () => {
    expect(await call('openDocument', [{ toString: 'x' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('openDocument', ['../../etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    });
    expect(await call('openDocument', ['no/such'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const opened = await call('openDocument', [SAMPLE]);
    expect(opened).toMatchObject({ ok: true, result: { id: SAMPLE } });
  });

  it('saves a sidecar the page sends as its JSON text (the sidecar worker makes it); bad text is refused naming the file, nothing written', async () => {
    const opened = (await call('openDocument', [SAMPLE])) as {
      ok: true;
      result: { sidecar: any; revision: string | null };
    };
    const sidecarPath = join(workspace, `${SAMPLE}.annotations.json`);
    const before = await readFile(sidecarPath, 'utf8').catch(() => null);
    const bad = await call('saveSidecar', [
      SAMPLE,
      JSON.stringify(opened.result.sidecar).slice(0, -20),
      opened.result.revision,
    ]);
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        file: `${SAMPLE}.annotations.json`,
        message: expect.stringMatching(/not valid JSON/),
      },
    });
    expect(await readFile(sidecarPath, 'utf8').catch(() => null)).toBe(before);
    const text = JSON.stringify({
      ...opened.result.sidecar,
      document: { ...opened.result.sidecar.document, note: 'عبر الجسر 👋' },
    });
    const saved = await call('saveSidecar', [SAMPLE, text, opened.result.revision]);
    expect(saved).toMatchObject({ ok: true, result: { revision: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.parse(await readFile(sidecarPath, 'utf8')).document.note).toBe('عبر الجسر 👋');
    expect(await call('writeRecovery', [SAMPLE, text])).toMatchObject({ ok: true });
    expect(await call('discardRecovery', [SAMPLE])).toMatchObject({ ok: true });
  });

  it('refuses, as bad arguments, what tahrir serve answers 400: a 4,096-character id, a field nested 5,000 deep, a lone surrogate', async () => {
    const refused = { ok: false, error: { code: 'invalid-argument' } };
    for (const id of ['a'.repeat(4096), 'a'.repeat(300)]) {
      expect(await call('openDocument', [id])).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/too long/) },
      });
      expect(await call('saveSidecar', [id, {}, null])).toMatchObject(refused);
    }
    const opened = (await call('openDocument', [SAMPLE])) as {
      ok: true;
      result: { sidecar: any; revision: string | null };
    };
    const sidecarPath = join(workspace, `${SAMPLE}.annotations.json`);
    const before = await readFile(sidecarPath, 'utf8').catch(() => null);
    const deepText = JSON.stringify({ ...opened.result.sidecar, extra: 0 }).replace(
      '"extra":0',
      `"extra":${'{"deeper":'.repeat(5000)}1${'}'.repeat(5000)}`,
    );
    const deep = await call('saveSidecar', [SAMPLE, JSON.parse(deepText), opened.result.revision]);
    expect(deep).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/nested more than 64 levels deep/) },
    });
    expect(await call('saveSidecar', [SAMPLE, deepText, opened.result.revision])).toMatchObject(refused); // the same as the worker's JSON text
    expect(await call('writeRecovery', [SAMPLE, deepText])).toMatchObject(refused);
    const lone = await call('saveSidecar', [
      SAMPLE,
      { ...opened.result.sidecar, annotator: 'Zo\ud800' },
      opened.result.revision,
    ]);
    expect(lone).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/lone UTF-16 surrogate \(U\+D800\)/) },
    });
    expect(
      await call('saveSidecar', [
        SAMPLE,
        JSON.stringify({ ...opened.result.sidecar, annotator: 'Zo\ud800' }),
        opened.result.revision,
      ]),
    ).toMatchObject(refused);
    expect(await readFile(sidecarPath, 'utf8').catch(() => null)).toBe(before);
  });

  it('opens only folders the user chose (not any path the page names)', async () => {
    expect(await call('openWorkspace', ['/'])).toMatchObject({ ok: false, error: { code: 'outside-workspace' } });
    expect(await call('openWorkspace', [workspace])).toMatchObject({ ok: true });
  });

  it('exports only inside the workspace or where a dialog pointed', async () => {
    const answer = await call('startExport', [{ format: 'jsonl', out: join(base, 'elsewhere.jsonl') }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'outside-workspace' } });
    expect(await call('startExport', [{ format: 'jsonl', out: 'exports/a.jsonl' }])).toMatchObject({ ok: true });
  });

  it('lets only http(s) links out to the system browser', async () => {
    expect(await call('openExternal', ['file:///etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('openExternal', ['javascript:alert(1)'])).toMatchObject({ ok: false });
    expect(record.opened).toEqual([]);
    expect(await call('openExternal', ['https://example.org/article'])).toMatchObject({ ok: true });
    expect(record.opened).toEqual(['https://example.org/article']);
  });
});

describe('main process: hardening', () => {
  it('denies new windows, webviews and navigation away from app://', () => {
    expect(win.webContents.openHandler({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      win.webContents.emit(name, { preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(prevented('will-navigate', 'app://tahrir/index.html')).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies permission requests (camera, notifications…) and blocks network requests', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      record.permissionRequest(win.webContents, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(record.permissionCheck(win.webContents, 'media', 'app://tahrir')).toBe(false);
    expect(record.permissionCheck(win.webContents, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(record.blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
  });
});

describe('main process: menu and window state', () => {
  const items = () => record.menu.template.flatMap((m: any) => m.submenu ?? []);

  it('has File, Edit, View and Help; menu commands reach the page as events', () => {
    expect(record.menu.template.map((m: any) => m.label.replace('&', ''))).toEqual(
      expect.arrayContaining(['File', 'Edit', 'View', 'Help']),
    );
    const exportItem = items().find((i: any) => i.label === 'Export…');
    expect(exportItem.accelerator).toBe('CmdOrCtrl+E');
    exportItem.click();
    expect(win.webContents.sent.at(-1)).toEqual({
      channel: 'tahrir:event',
      payload: { type: 'menu', command: 'export' },
    });
    const undo = items().find((i: any) => i.label === 'Undo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    const next = items().find((i: any) => i.label === 'Next Document');
    next.click();
    expect(win.webContents.sent.at(-1).payload).toEqual({ type: 'menu', command: 'next-document' });
    expect(items().some((i: any) => i.label === 'Open Folder…' && i.accelerator === 'CmdOrCtrl+O')).toBe(true);
  });

  it('a second launch with a folder asks the page to switch (after saving), then allows it', async () => {
    const other = join(base, 'other-articles');
    await mkdir(other, { recursive: true });
    await writeFile(join(other, 'note.txt'), 'A note in English, with عمّان and 🇯🇴.\n');
    expect(await call('openWorkspace', [other])).toMatchObject({ ok: false, error: { code: 'outside-workspace' } });
    standIn.electron.app.emit('second-instance', {}, ['tahrir', other], base);
    expect(win.webContents.sent.at(-1)).toEqual({
      channel: 'tahrir:event',
      payload: { type: 'open-workspace', path: other },
    });
    const switched = await call('openWorkspace', [other]);
    expect(switched).toMatchObject({
      ok: true,
      result: { root: other, documents: [expect.objectContaining({ id: 'note' })] },
    });
    expect(await call('openWorkspace', [workspace])).toMatchObject({ ok: true, result: { root: workspace } });
  });

  it('a page that holds the window open to save is closed anyway after a grace period', async () => {
    win.emit('close');
    win.webContents.emit('will-prevent-unload', { preventDefault() {} });
    expect(win.destroyed).toBe(false);
    const deadline = Date.now() + 8_000;
    while (!win.destroyed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(win.destroyed).toBe(true);
  });

  it('quitting waits for calls in flight, then quits', async () => {
    const app = standIn.electron.app;
    const before = record.quits;
    let held = false;
    app.emit('will-quit', { preventDefault: () => (held = true) });
    expect(held).toBe(true);
    const deadline = Date.now() + 5_000;
    while (record.quits === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(record.quits).toBe(before + 1);
    let heldAgain = false;
    app.emit('will-quit', { preventDefault: () => (heldAgain = true) });
    expect(heldAgain).toBe(false);
  });

  it('remembers the folder in Open Recent, and the window bounds, in userData', async () => {
    win.emit('close');
    const deadline = Date.now() + 5_000;
    let settings: any = null;
    while (Date.now() < deadline) {
      settings = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8').catch(() => 'null'));
      if (settings?.window) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(settings.window).toMatchObject({ x: 40, y: 30, width: 1100, height: 750 });
    expect(settings.recentWorkspaces).toEqual([workspace, join(base, 'other-articles')]);
    const recent = items().find((i: any) => i.label === 'Open Recent');
    expect(recent.submenu.map((i: any) => i.label)).toContain(workspace);
  });
});
