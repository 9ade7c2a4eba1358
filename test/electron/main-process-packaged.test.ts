// The packaged desktop app started without a folder: it opens the bundled sample workspace, as
// a writable copy in the user's profile (the app's resources are read-only: AppImage, Program
// Files), and its menu has no reload or developer tools. Electron is a stand-in (see
// electron-stand-in.ts); the Backend and the files are real.
/* eslint-disable @typescript-eslint/no-explicit-any -- driving the loosely typed stand-in */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMainProcess } from './electron-stand-in';
import type { StandIn } from './electron-stand-in';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
let base: string;
let resources: string;
let userData: string;
let standIn: StandIn;
const savedResourcesPath = (process as any).resourcesPath;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-packaged-'));
  const appDir = join(base, 'app');
  resources = join(base, 'resources');
  userData = join(base, 'profile');
  await cp(join(repo, 'seeds'), join(resources, 'seeds'), { recursive: true });
  await mkdir(join(appDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Tahrir</title>');
  (process as any).resourcesPath = resources;
  process.env.TAHRIR_USER_DATA = userData;
  standIn = await runMainProcess(repo, appDir, [join(appDir, 'tahrir')], { isPackaged: true });
  expect(standIn.record.windows).toHaveLength(1);
});

afterAll(async () => {
  (process as any).resourcesPath = savedResourcesPath;
  delete process.env.TAHRIR_USER_DATA;
  if (base) await rm(base, { recursive: true, force: true });
});

async function call(method: string, args: unknown[]) {
  const win = standIn.record.windows[0];
  return standIn.record.ipcHandlers.get(`tahrir:${method}`)!(
    { sender: win.webContents, senderFrame: win.webContents.mainFrame },
    ...args,
  ) as Promise<any>;
}

describe('the packaged app without a folder', () => {
  it('opens a writable copy of the bundled seeds in the profile', async () => {
    const answer = await call('getWorkspace', []);
    expect(answer.ok).toBe(true);
    expect(answer.result.root).toBe(join(userData, 'seeds'));
    expect(answer.result.documents.map((d: any) => d.id)).toContain(SAMPLE);
  });

  it('saves into the copy and leaves the bundled resources untouched', async () => {
    const before = (await readdir(join(resources, 'seeds'))).sort();
    const opened = (await call('openDocument', [SAMPLE])).result;
    const saved = await call('saveSidecar', [
      SAMPLE,
      { ...opened.sidecar, document: { ...opened.sidecar.document, status: 'done' } },
      opened.revision,
    ]);
    expect(saved.ok).toBe(true);
    expect(
      JSON.parse(await readFile(join(userData, 'seeds', `${SAMPLE}.annotations.json`), 'utf8')).document.status,
    ).toBe('done');
    expect((await readdir(join(resources, 'seeds'))).sort()).toEqual(before);
  });

  it('does not list the sample as a recent folder, and has no reload or developer tools', async () => {
    expect((await call('recentWorkspaces', [])).result).toEqual([]);
    const roles = standIn.record.menu.template
      .flatMap((m: any) => (m.submenu ?? []).map((i: any) => i.role))
      .filter(Boolean);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
  });
});
