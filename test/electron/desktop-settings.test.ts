// The desktop app's settings file (window bounds, recent folders) in a real temp userData folder.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DesktopSettingsFile,
  MAX_RECENT,
  parseSettings,
  placeOnScreen,
  rememberWorkspace,
} from '../../electron/desktop-settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DesktopSettingsFile', () => {
  it('starts from defaults and round-trips, leaving no temp file behind', async () => {
    const file = new DesktopSettingsFile(join(dir, 'settings.json'));
    expect(await file.load()).toEqual({ recentWorkspaces: [] });
    const settings = {
      window: { x: 10, y: 20, width: 1000, height: 700, maximized: true },
      recentWorkspaces: ['/data/عمّان 🇯🇴'],
    };
    await file.save(settings);
    expect(await new DesktopSettingsFile(join(dir, 'settings.json')).load()).toEqual(settings);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates its folder on first save', async () => {
    const file = new DesktopSettingsFile(join(dir, 'new', 'profile', 'settings.json'));
    await file.save({ recentWorkspaces: ['/a'] });
    expect(await file.load()).toEqual({ recentWorkspaces: ['/a'] });
  });

  it('sets a file it cannot read aside instead of overwriting it', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"recentWorkspaces": ["/a"');
    const file = new DesktopSettingsFile(path);
    expect(await file.load()).toEqual({ recentWorkspaces: [] });
    await file.save({ recentWorkspaces: ['/b'] });
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    const aside = names.find((n) => n.startsWith('settings.json.broken-'))!;
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"recentWorkspaces": ["/a"');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ recentWorkspaces: ['/b'] });
  });

  it('keeps only well-formed parts', () => {
    expect(
      parseSettings({ recentWorkspaces: ['/a', 3, '', 'x\0y', '/b'], window: { width: 50, height: 9e9 } }),
    ).toEqual({ recentWorkspaces: ['/a', '/b'] });
    expect(parseSettings({ window: { width: 800, height: 600, x: 'left', y: 0 } })).toEqual({
      recentWorkspaces: [],
      window: { width: 800, height: 600 },
    });
    expect(() => parseSettings(null)).toThrow();
  });
});

describe('recent folders and window placement', () => {
  it('moves the opened folder to the front, once, and keeps at most MAX_RECENT', () => {
    expect(rememberWorkspace(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const many = Array.from({ length: 20 }, (_, i) => `/f${i}`);
    expect(rememberWorkspace(many, '/new')).toHaveLength(MAX_RECENT);
  });

  it('drops a saved position that is no longer on any screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(placeOnScreen({ x: 100, y: 100, width: 800, height: 600 }, screens)).toEqual({
      x: 100,
      y: 100,
      width: 800,
      height: 600,
    });
    expect(placeOnScreen({ x: 3000, y: 100, width: 800, height: 600 }, screens)).toEqual({ width: 800, height: 600 });
    expect(placeOnScreen({ x: 1900, y: 100, width: 800, height: 600 }, screens)).toEqual({ width: 800, height: 600 });
  });
});
