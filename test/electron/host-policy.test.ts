// The policy both hosts share (electron/host-policy.ts): the workspace's operations forwarded to
// its Backend, and export and import paths inside the workspace unless a dialog granted them.
import { mkdir, readFile, realpath, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostOperations } from '../../electron/host-policy';
import { apiHandlers, pathThePageMayName } from '../../electron/host-policy';
import { Backend } from '../../electron/backend';
import { tempFolder, writeFiles } from './temp-folder';

const NO_HOST: HostOperations = {
  openWorkspace: async () => Promise.reject(new Error('not here')),
  chooseWorkspace: async () => null,
  recentWorkspaces: async () => [],
  chooseExportDestination: async () => null,
  chooseImportSource: async () => null,
  openExternal: async () => {},
};

async function workspace() {
  const dir = await tempFolder();
  const root = join(dir, 'ws');
  await writeFiles(root, { 'a.txt': 'Hello world.\n' });
  await mkdir(join(dir, 'picked'));
  return { dir, root, backend: await Backend.open(root) };
}

describe('the paths the page may name', () => {
  it('a path inside the workspace, as an absolute path there', async () => {
    const { root } = await workspace();
    expect(await pathThePageMayName(root, 'exports/x.jsonl')).toBe(join(await realpath(root), 'exports', 'x.jsonl'));
  });

  it('refuses a path leading out (.., absolute, a symbolic link) unless a dialog granted that very path', async () => {
    const { dir, root } = await workspace();
    await symlink(join(dir, 'picked'), join(root, 'out'));
    const picked = join(dir, 'picked', 'x.jsonl');
    for (const path of ['../picked/x.jsonl', picked, 'out/x.jsonl']) {
      await expect(pathThePageMayName(root, path), path).rejects.toMatchObject({ code: 'outside-workspace' });
    }
    expect(await pathThePageMayName(root, picked, (p) => p === picked)).toBe(picked);
    await expect(pathThePageMayName(root, join(dir, 'picked', 'y.jsonl'), (p) => p === picked)).rejects.toMatchObject({
      code: 'outside-workspace',
    });
  });
});

describe('the handler table of a host', () => {
  it('forwards the workspace operations to the Backend and confines export and import paths', async () => {
    const { dir, backend } = await workspace();
    const picked = join(dir, 'picked', 'x.jsonl');
    const handlers = apiHandlers({ backend: () => backend, operations: NO_HOST, isGrantedPath: (p) => p === picked });
    try {
      expect((await handlers.listDocuments()).map((d) => d.id)).toEqual(['a']);
      expect((await handlers.openDocument('a')).text).toBe('Hello world.\n');
      await expect(handlers.startExport({ format: 'jsonl', out: join(dir, 'elsewhere.jsonl') })).rejects.toMatchObject({
        code: 'outside-workspace',
      });
      await expect(handlers.importAnnotations({ format: 'jsonl', from: '../picked/x.jsonl' })).rejects.toMatchObject({
        code: 'outside-workspace',
      });
      const finished = new Promise<void>((done) => backend.onEvent((e) => e.type === 'export-finished' && done()));
      await handlers.startExport({ format: 'jsonl', out: picked });
      await finished;
      expect(await readFile(picked, 'utf8')).toContain('Hello world.');
    } finally {
      await backend.close();
    }
  });
});
