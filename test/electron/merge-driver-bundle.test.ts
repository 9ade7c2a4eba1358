// The merge driver's own bundle (dist/merge-driver.cjs): git-setup points git at it where it was
// built beside the `tahrir` script, and it merges exactly as `tahrir merge-driver` does.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../build/bundle.mjs';
import { appDriverCommand, mergeDriverArguments, mergeDriverCommand } from '../../electron/git-setup';
import { threeVersions } from '../bench/teams.bench';
import { tempFolder } from './temp-folder';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-driver-bundle-'));
  const options = bundleOptions(dir);
  await Promise.all([build(options.cli), build(options.mergeDriver), build(options.main)]);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the merge driver bundle', () => {
  it('is what git-setup names where it was built beside the tahrir script, else tahrir merge-driver', async () => {
    expect(mergeDriverCommand('/usr/bin/node', join(dir, 'cli.cjs'))).toBe(
      `/usr/bin/node ${join(dir, 'merge-driver.cjs')} %O %A %B %P`,
    );
    expect(mergeDriverCommand('/usr/bin/node', '/nowhere/cli.cjs')).toBe(
      '/usr/bin/node /nowhere/cli.cjs merge-driver %O %A %B %P',
    );
    // A fifth of the command's bundles or less: git starts it once per conflicting sidecar.
    const commandBundles = (await readdir(dir)).filter((f) => /^cli(-[\w-]+)?\.cjs$/.test(f));
    const sizes = await Promise.all(commandBundles.map(async (f) => (await stat(join(dir, f))).size));
    const own = await stat(join(dir, 'merge-driver.cjs'));
    expect(own.size).toBeLessThan(sizes.reduce((a, b) => a + b, 0) / 5);
  });

  it('a packaged app is its own driver: its command line, and the arguments it knows itself started with', () => {
    expect(appDriverCommand('/opt/Tahrir/tahrir')).toBe('/opt/Tahrir/tahrir merge-driver %O %A %B %P');
    expect(appDriverCommand('/Applications/Tahrir.app/Contents/MacOS/Tahrir')).toBe(
      '/Applications/Tahrir.app/Contents/MacOS/Tahrir merge-driver %O %A %B %P',
    );
    expect(mergeDriverArguments(['/opt/Tahrir/tahrir', 'merge-driver', 'o', 'a', 'b', 'p'])).toEqual([
      'o',
      'a',
      'b',
      'p',
    ]);
    expect(mergeDriverArguments(['electron', '.', 'merge-driver', 'o', 'a', 'b', 'p'])).toEqual(['o', 'a', 'b', 'p']);
    expect(mergeDriverArguments(['/opt/Tahrir/tahrir'])).toBeNull();
    // A workspace folder that happens to be named merge-driver, deeper in the arguments, opens as a folder.
    expect(mergeDriverArguments(['electron', '.', '--flag', 'merge-driver'])).toBeNull();
  });

  it('merges a 10,000-entity sidecar byte for byte as tahrir merge-driver does, with its exit codes', async () => {
    const work = await tempFolder('tahrir-driver-bundle-');
    const { base, mine, theirs } = threeVersions(10_000);
    await writeFile(join(work, 'base.json'), base);
    await writeFile(join(work, 'theirs.json'), theirs);
    const merged: string[] = [];
    // The driver's bundle, the `tahrir` command, and the desktop program started as the driver (a packaged app's
    // set-up names the app itself; the entry merges before any of Electron is touched, so plain Node runs it).
    for (const command of [
      [join(dir, 'merge-driver.cjs')],
      [join(dir, 'cli.cjs'), 'merge-driver'],
      [join(dir, 'main.cjs'), 'merge-driver'],
    ]) {
      await writeFile(join(work, 'mine.json'), mine);
      const r = spawnSync(
        process.execPath,
        [...command, 'base.json', 'mine.json', 'theirs.json', 'long.annotations.json'],
        { cwd: work, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      merged.push(await readFile(join(work, 'mine.json'), 'utf8'));
    }
    expect(merged[1]).toBe(merged[0]);
    expect(merged[2]).toBe(merged[0]);
    expect(JSON.parse(merged[0]).entities).toHaveLength(10_040);
    const wrong = spawnSync(process.execPath, [join(dir, 'merge-driver.cjs'), 'one'], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/four arguments are needed/);
  }, 120_000);
});
