// The first listing begun before the page asks (Backend.listEarly, `tahrir serve`): it answers the
// first listDocuments as a listing asked then would, and a change seen on disk since its walk began
// makes that listing read the folder again. The watcher's walk classifies a folder's names alone
// (classifyChild), as classifyWorkspacePath classifies the whole path.
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { TahrirEvent } from '../../shared/api';
import { documentIdOf } from '../../shared/workspace-layout';
import { Backend } from '../../electron/backend';
import { WorkspaceWatcher, classifyChild, classifyWorkspacePath } from '../../electron/watcher';
import {
  FolderIntake,
  compareIds,
  findFiles,
  walkDocuments,
  type DocumentFiles,
  type DocumentWalk,
} from '../../electron/workspace';
import { tempFolder, writeFiles } from './temp-folder';

/** Which files each document of a walk has, by id. */
function filesById(walk: DocumentWalk): Map<string, DocumentFiles> {
  return new Map(walk.sorted.map((id, i) => [id, walk.files[i]]));
}

async function workspace(): Promise<string> {
  const root = await tempFolder('tahrir-early-');
  await writeFiles(root, {
    'a.txt': 'Headline A\n\nBody.',
    'news/b.txt': 'Headline B\n\nBody.',
    'news/b.annotations.json': '{ not a sidecar',
    'news/deep/c.txt': 'Headline C',
  });
  return root;
}

describe('Backend.listEarly', () => {
  it('a host’s workspace (openListing: tahrir serve’s, the desktop app’s at start) is listed before the page asks', async () => {
    const root = await workspace();
    const hosted = await Backend.openListing(root);
    const late = await Backend.open(root);
    try {
      expect(hosted.listingEarly).toBe(true);
      expect(late.listingEarly).toBe(false);
      const first = await hosted.listDocuments();
      expect(hosted.listingEarly).toBe(false); // taken by the first listing
      expect(first).toEqual(await late.listDocuments());
    } finally {
      await Promise.all([hosted.close(), late.close()]);
    }
  });

  it('answers the first listing with the same documents as a listing asked then', async () => {
    const root = await workspace();
    const early = await Backend.open(root);
    const late = await Backend.open(root);
    try {
      early.listEarly();
      const first = await early.listDocuments();
      expect(first).toEqual(await late.listDocuments());
      expect(first.map((d) => d.id)).toEqual(['a', 'news/b', 'news/deep/c']);
    } finally {
      await Promise.all([early.close(), late.close()]);
    }
  });

  it('walks no folder the watch’s first walk read: each is read once at open, not twice', async () => {
    const root = await workspace();
    const early = await Backend.openListing(root);
    const late = await Backend.open(root);
    try {
      const first = await early.listDocuments();
      expect(early.foldersReadByLastWalk).toBe(0);
      expect(first).toEqual(await late.listDocuments());
      expect(late.foldersReadByLastWalk).toBe(3); // ., news, news/deep
    } finally {
      await Promise.all([early.close(), late.close()]);
    }
  });

  it('the walk over the folders the watch read finds what a walk of its own finds', async () => {
    const root = await workspace();
    await writeFiles(root, {
      'exports/x.txt': 'an export, not a document',
      '.git/y.txt': 'hidden',
      'node_modules/z.txt': 'skipped',
      'news/__pycache__/p.txt': 'skipped',
      'news/e.annotations.json': '{}',
      '#draft#/d.txt': 'not watched, walked',
      'news/f.txt~': 'a backup',
    });
    await symlink(join(root, 'a.txt'), join(root, 'news', 'linked.txt'));
    const folders: string[] = [];
    const intake = new FolderIntake();
    const watcher = new WorkspaceWatcher(root, () => undefined, {
      perFolder: true,
      onFolder: (rel, entries) => {
        folders.push(rel);
        intake.take(rel, entries);
      },
    });
    try {
      await watcher.start();
      expect(folders.sort()).toEqual(['', 'exports', 'news', 'news/__pycache__', 'news/deep']);
      const own = await walkDocuments(root);
      const handed = await walkDocuments(root, intake);
      expect(handed.sorted).toEqual(own.sorted);
      expect(handed.files).toEqual(own.files);
      expect(own.sorted).toContain('news/linked');
      expect(own.sorted).toContain('#draft#/d');
      expect(handed.foldersRead).toBe(1); // #draft#/, which the watch ignores
      expect(own.foldersRead).toBe(4); // ., news, news/deep, #draft#
    } finally {
      watcher.close();
    }
  });

  it('takes each folder’s documents as the watch’s walk hands it over: none is left to go through after it', async () => {
    const root = await workspace();
    await writeFiles(root, {
      'exports/x.txt': 'an export, not a document',
      'news/__pycache__/p.txt': 'skipped',
      'news/e.annotations.json': '{}',
      '#draft#/d.txt': 'not watched, walked',
    });
    await symlink(join(root, 'a.txt'), join(root, 'news', 'linked.txt'));
    const intake = new FolderIntake();
    const watcher = new WorkspaceWatcher(root, () => undefined, {
      perFolder: true,
      onFolder: (rel, entries) => intake.take(rel, entries),
    });
    try {
      await watcher.start();
      // Known as soon as the watch's walk is done: every folder but the one the watch ignores (read by the listing).
      expect([...intake.folders.keys()].sort()).toEqual(['', 'news', 'news/deep']);
      const walk = await walkDocuments(root, intake);
      expect(walk.foldersRead).toBe(1);
      expect(filesById(walk)).toEqual(
        new Map([
          ['#draft#/d', { text: true, sidecar: false }],
          ['a', { text: true, sidecar: false }],
          ['news/b', { text: true, sidecar: true }],
          ['news/deep/c', { text: true, sidecar: false }],
          ['news/e', { text: false, sidecar: true }],
          ['news/linked', { text: true, sidecar: false }],
        ]),
      );
      expect(walk.sorted).toEqual(['#draft#/d', 'a', 'news/b', 'news/deep/c', 'news/e', 'news/linked']);
      expect(intake.folders.size).toBe(0);
    } finally {
      watcher.close();
    }
  });

  it('reads what the early listing left unread once it is taken: the next listing has every document', async () => {
    const root = await tempFolder('tahrir-early-');
    await writeFiles(
      root,
      Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`d-${String(i).padStart(3, '0')}.txt`, `Title ${i}`])),
    );
    const backend = await Backend.open(root, { listBudgetMs: 0 });
    try {
      backend.listEarly();
      const first = await backend.listDocuments();
      expect(first.filter((d) => d.pending).length).toBeGreaterThan(0); // past the first screen, not read
      const next = await backend.listDocuments();
      expect(next.filter((d) => d.pending)).toEqual([]);
      expect(next.map((d) => d.title)).toEqual(Array.from({ length: 150 }, (_, i) => `Title ${i}`));
    } finally {
      await backend.close();
    }
  });

  it('counts its budget from its start, the watch’s walk included: past it by then, it reads the first screen only', async () => {
    const root = await tempFolder('tahrir-early-');
    await writeFiles(
      root,
      Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`d-${String(i).padStart(3, '0')}.txt`, `Title ${i}`])),
    );
    const backend = await Backend.open(root, { listBudgetMs: 200 });
    try {
      backend.listEarly();
      // The event loop held past the budget before the watch's walk can begin (as 100,000 documents' walk does).
      const until = performance.now() + 400;
      while (performance.now() < until);
      const first = await backend.listDocuments();
      // Not another 200 ms of reading after the walk: the first screen (64), read whatever the budget.
      expect(first.filter((d) => !d.pending).length).toBe(64);
      expect(first.map((d) => d.id)).toEqual(Array.from({ length: 150 }, (_, i) => `d-${String(i).padStart(3, '0')}`));
    } finally {
      await backend.close();
    }
  });

  it('reads the folder again when a document was written after the early listing began', async () => {
    const root = await workspace();
    const backend = await Backend.open(root);
    try {
      backend.listEarly();
      const events: TahrirEvent[] = [];
      backend.onEvent((e) => events.push(e));
      await backend.watching();
      // The early listing of four files is done long before this (its walk follows the watch).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writeFile(join(root, 'news', 'late.txt'), 'Written after the early listing');
      await vi.waitFor(() => expect(events).toContainEqual({ type: 'documents-changed' }), { timeout: 15_000 });
      expect((await backend.listDocuments()).map((d) => d.id)).toEqual(['a', 'news/b', 'news/deep/c', 'news/late']);
    } finally {
      await backend.close();
    }
  });
});

describe('classifyChild', () => {
  it('classifies a name in a folder that is not ignored as classifyWorkspacePath classifies its path', () => {
    const folders = ['', 'news', 'news/2024', 'a b/ج'];
    const parts = [
      'a',
      '.',
      '~',
      '#',
      '\\',
      'tmp',
      '.tmp-1',
      '.txt',
      '.annotations.json',
      'node_modules',
      'tahrir.json',
    ];
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const names = new Set(parts);
    for (let i = 0; i < 5000; i++) {
      let name = '';
      for (let n = 1 + (next() % 4); n > 0; n--) name += parts[next() % parts.length];
      names.add(name);
    }
    for (const folder of folders)
      for (const name of names) {
        const rel = folder ? `${folder}/${name}` : name;
        const whole = classifyWorkspacePath(rel);
        expect(classifyChild(rel, name), rel).toBe(whole.kind);
        if (whole.kind === 'text') expect(documentIdOf(rel), rel).toBe(whole.id);
      }
  });
});

describe('walkDocuments', () => {
  it('finds what findFiles finds, each document with its files, whether the watch’s walk read the folders or not', async () => {
    const root = await tempFolder('tahrir-walk-');
    await writeFiles(root, {
      'a.txt': 'A',
      'a-b.txt': 'between a/ and a0/ in code-unit order',
      'a/x.txt': 'X',
      'a/x.annotations.json': '{}',
      'a/b/z.txt': 'Z',
      'a0/y.annotations.json': '{}',
      'news/p.annotations.json': '{}',
      'news/.hidden.txt': 'hidden',
      'news/.q.txt.tmp': 'an atomic save under way',
      'news/__pycache__/c.txt': 'skipped',
      'exports/e.txt': 'an export',
      'node_modules/n.txt': 'skipped',
      '.git/g.txt': 'hidden',
    });
    // A link beside a sidecar is that document's text; a link out of the workspace is not followed.
    await symlink(join(root, 'a.txt'), join(root, 'news', 'p.txt'));
    await symlink(join(root, 'a'), join(root, 'news', 'folder-link.txt'));
    const outside = await tempFolder('tahrir-outside-');
    await writeFiles(outside, { 'o.txt': 'outside' });
    await symlink(join(outside, 'o.txt'), join(root, 'news', 'o.txt'));
    const found = await findFiles(root);
    const expected = new Map<string, DocumentFiles>();
    for (const file of found.texts) expected.set(documentIdOf(file), { text: true, sidecar: false });
    for (const file of found.sidecars) {
      const id = file.slice(0, -'.annotations.json'.length);
      expected.set(id, { text: expected.has(id), sidecar: true });
    }
    expect(expected.get('news/p')).toEqual({ text: true, sidecar: true });
    const intake = new FolderIntake();
    const watcher = new WorkspaceWatcher(root, () => undefined, {
      perFolder: true,
      onFolder: (rel, entries) => intake.take(rel, entries),
    });
    try {
      await watcher.start();
      for (const walk of [await walkDocuments(root), await walkDocuments(root, intake)]) {
        expect(walk.sorted).toEqual([...expected.keys()].sort(compareIds));
        expect(filesById(walk)).toEqual(expected);
      }
    } finally {
      watcher.close();
    }
  });

  it('sorts the ids as compareIds does, whether the code-unit order agrees or not', async () => {
    for (const names of [
      ['a-00001', 'a-00002', 'b/a-00003', 'b/c/a-00004'],
      ['a10', 'a9', 'B', 'a-b', 'a_b', 'ä', 'news/2', 'news/10', 'news2/1', 'news-2/1', 'Z'],
    ]) {
      const root = await tempFolder('tahrir-walk-');
      await writeFiles(root, Object.fromEntries(names.map((n) => [`${n}.txt`, n])));
      await writeFiles(root, { [`${names[1]}.annotations.json`]: '{}', 'only-sidecar.annotations.json': '{}' });
      const walk = await walkDocuments(root);
      const expected = [...names, 'only-sidecar'].sort(compareIds);
      expect(walk.sorted).toEqual(expected);
      expect(filesById(walk).get(names[1])).toEqual({ text: true, sidecar: true });
      expect(filesById(walk).get('only-sidecar')).toEqual({ text: false, sidecar: true });
      expect(filesById(walk).get(names[0])).toEqual({ text: true, sidecar: false });
    }
  });

  it('makes no object per document to say which files it has: three shared ones, whatever the count', async () => {
    const root = await tempFolder('tahrir-walk-');
    await writeFiles(
      root,
      Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [
          [`news/d-${i}.txt`, `Title ${i}`],
          [`news/d-${i}.annotations.json`, '{}'],
          [`t-${i}.txt`, `Title ${i}`],
          [`s-${i}.annotations.json`, '{}'],
        ]).flat(),
      ),
    );
    const walk = await walkDocuments(root);
    expect(walk.files.length).toBe(90);
    expect(new Set(walk.files).size).toBe(3);
    expect(filesById(walk).get('news/d-7')).toEqual({ text: true, sidecar: true });
    expect(filesById(walk).get('t-7')).toEqual({ text: true, sidecar: false });
    expect(filesById(walk).get('s-7')).toEqual({ text: false, sidecar: true });
  });
});
