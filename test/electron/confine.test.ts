import { mkdir, realpath, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../electron/confine';
import { tempFolder, writeFiles } from './temp-folder';
import { refused } from '../helpers/refused';

describe('resolveInside', () => {
  it('resolves paths inside the workspace, existing or not yet', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'news/a.txt': 'x' });
    const real = await realpath(root);
    expect(await resolveInside(root, 'news/a.txt')).toBe(join(real, 'news', 'a.txt'));
    expect(await resolveInside(root, 'news/a.annotations.json')).toBe(join(real, 'news', 'a.annotations.json'));
    expect(await resolveInside(root, 'new/folder/b.txt')).toBe(join(real, 'new', 'folder', 'b.txt'));
    expect(await resolveInside(root, './news//a.txt')).toBe(join(real, 'news', 'a.txt'));
  });

  it('refuses ".." even when it would come back inside', async () => {
    const root = await tempFolder();
    for (const p of ['../x.txt', 'news/../../x.txt', 'news/../a.txt', '..\\x.txt']) {
      const e = await refused(resolveInside(root, p));
      expect(e.code).toBe('outside-workspace');
      expect(e.message).toContain('".."');
    }
  });

  it('refuses absolute paths of every kind', async () => {
    const root = await tempFolder();
    for (const p of [
      '/etc/passwd',
      join(root, 'a.txt'),
      'C:\\Windows\\win.ini',
      'c:/x.txt',
      '\\\\server\\share\\x.txt',
    ]) {
      const e = await refused(resolveInside(root, p));
      expect(e.code).toBe('outside-workspace');
      expect(e.message).toContain('absolute path');
    }
  });

  it('refuses symlinks that lead out, file or folder, and allows those that stay in', async () => {
    const root = await tempFolder();
    const elsewhere = await tempFolder();
    await writeFiles(elsewhere, { 'secret.txt': 'no' });
    await writeFiles(root, { 'inside/a.txt': 'yes' });
    await symlink(join(elsewhere, 'secret.txt'), join(root, 'link.txt'));
    await symlink(elsewhere, join(root, 'out'));
    await symlink(join(root, 'inside'), join(root, 'alias'));
    expect((await refused(resolveInside(root, 'link.txt'))).code).toBe('outside-workspace');
    expect((await refused(resolveInside(root, 'out/secret.txt'))).message).toContain('symbolic link');
    // a file not yet written, under a folder link that leads out
    expect((await refused(resolveInside(root, 'out/new/b.annotations.json'))).code).toBe('outside-workspace');
    expect(await resolveInside(root, 'alias/a.txt')).toBe(join(await realpath(root), 'alias', 'a.txt'));
  });

  it('refuses NUL and empty paths', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'a'));
    expect((await refused(resolveInside(root, 'a\0.txt'))).code).toBe('outside-workspace');
    expect((await refused(resolveInside(root, ''))).code).toBe('invalid-argument');
    expect((await refused(resolveInside(root, './'))).code).toBe('invalid-argument');
  });

  it('refuses a name longer than any disk takes as a bad argument, not a disk error', async () => {
    const root = await tempFolder();
    const long = await refused(resolveInside(root, `news/${'ع'.repeat(128)}.txt`)); // 256 bytes and more
    expect(long.code).toBe('invalid-argument');
    expect(long.message).toMatch(/too long a path: the name .* has more than 255 bytes/);
    expect(await resolveInside(root, `news/${'ع'.repeat(125)}.txt`)).toBe(
      join(await realpath(root), 'news', `${'ع'.repeat(125)}.txt`),
    );
  });
});

it('says the workspace folder is gone, naming the file asked for', async () => {
  const root = await tempFolder();
  const gone = join(root, 'was-here');
  const e = await refused(resolveInside(gone, 'news/a.txt'));
  expect(e.code).toBe('not-found');
  expect(e.message).toBe(`news/a.txt: cannot be reached: the workspace folder ${gone} does not exist (any more)`);
});
