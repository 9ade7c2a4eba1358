// The document list's filter over the texts, on real files: Arabic-normalized, every word, the
// texts re-read when they change, unreadable documents left out (the listing names them).
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { Backend } from '../../electron/backend';
import type { TahrirEvent } from '../../shared/api';
import { tempFolder, writeFiles } from './temp-folder';

const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

/** The paths stat-ed from now on through Node's statSync (the search's) and the listing's stat calls, counted. */
function countStats(): string[] {
  const paths: string[] = [];
  const saved = { statSync: fs.statSync, stat: fs.promises.stat };
  Object.assign(fs, {
    statSync: (path: unknown, ...rest: unknown[]) => (
      paths.push(String(path)),
      (saved.statSync as (...a: unknown[]) => unknown)(path, ...rest)
    ),
  });
  Object.assign(fs.promises, {
    stat: (path: unknown, ...rest: unknown[]) => (
      paths.push(String(path)),
      (saved.stat as (...a: unknown[]) => unknown)(path, ...rest)
    ),
  });
  syncBuiltinESMExports(); // the modules' named imports see them too
  onTestFinished(() => {
    Object.assign(fs, { statSync: saved.statSync });
    Object.assign(fs.promises, { stat: saved.stat });
    syncBuiltinESMExports();
  });
  return paths;
}

describe('searchDocuments', () => {
  it('finds the documents holding every word in their name, title and text, the text among them', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a1b2.txt': 'منفتحون على الحوار مع كيم جونغ أون\nقال الرئيس إن إسرائيل وافقت.\n',
      'c3d4.txt': 'Japan ready for talks\r\nKishida said on Monday 👍 in Seoul.\r\n',
      'news/e5f6.txt': '\uFEFFخبر عن الطقس\nأمطار غزيرة في الرِّياض\n',
      'broken.txt': new Uint8Array([0x66, 0xff, 0xfe, 0x00]),
    });
    const backend = await Backend.open(root);
    try {
      // In the text only, spelled without the hamza and with diacritics.
      expect(await backend.searchDocuments(['اسرائيل'])).toEqual(['a1b2']);
      expect(await backend.searchDocuments(['الرياض'])).toEqual(['news/e5f6']);
      expect(await backend.searchDocuments(['اَلحوار', 'اسرائيل'])).toEqual(['a1b2']);
      // Every word: one in the title, one in the text.
      expect(await backend.searchDocuments(['japan', 'seoul'])).toEqual(['c3d4']);
      expect(await backend.searchDocuments(['japan', 'الرياض'])).toEqual([]);
      // Those whose name and title hold every word are the page's to find: not sent (`article-0` in a corpus named so
      // was every id of it).
      expect(await backend.searchDocuments(['اَلحوار', 'كيم'])).toEqual([]);
      expect(await backend.searchDocuments(['news/'])).toEqual([]);
      expect(await backend.searchDocuments(['news/', 'الرياض'])).toEqual(['news/e5f6']);
      expect(await backend.searchDocuments([])).toEqual([]);
      // A text changed on disk is searched as it is now.
      await writeFile(join(root, 'c3d4.txt'), 'Japan ready for talks\nNothing about the capital.\n');
      expect(await backend.searchDocuments(['seoul'])).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('stops a search once a later one has begun (the filter shows only its latest answer): it is answered cancelled', async () => {
    const root = await tempFolder();
    await writeFiles(
      root,
      Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i}.txt`, `Title ${i}\n\nThe body of ${i}.\n`])),
    );
    const backend = await Backend.open(root);
    try {
      await backend.listDocuments();
      const first = backend.searchDocuments(['body', 'zzz']);
      const second = backend.searchDocuments(['body', 'of', '299']);
      await expect(first).rejects.toMatchObject({ code: 'cancelled' });
      expect(await second).toEqual(['d299']);
      // One at a time, each is answered.
      expect(await backend.searchDocuments(['body', 'zzz'])).toEqual([]);
      // Two windows: each one's later search cancels only its own earlier one, never the other window's.
      const a1 = backend.searchDocuments(['body', 'zzz'], 'window-a');
      const b1 = backend.searchDocuments(['body', 'of', '298'], 'window-b');
      const a2 = backend.searchDocuments(['body', 'of', '297'], 'window-a');
      await expect(a1).rejects.toMatchObject({ code: 'cancelled' });
      expect(await b1).toEqual(['d298']);
      expect(await a2).toEqual(['d297']);
    } finally {
      await backend.close();
    }
  });

  it('with the workspace watched, searches again without a stat while nothing changed, and sees a change the watch saw', async () => {
    const root = await tempFolder();
    await writeFiles(
      root,
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}.txt`, `Title ${i}\n\nThe body of ${i}.\n`])),
    );
    const backend = await Backend.open(root);
    try {
      const events: TahrirEvent[] = [];
      backend.onEvent((e) => events.push(e));
      await backend.watching();
      await backend.listDocuments();
      expect(await backend.searchDocuments(['body', 'of', '17'])).toEqual(['d17']);
      // Nothing changed on disk: neither the listing nor the texts are stat-ed again (10,000 documents: ~200 ms of
      // the server's CPU per search, at every pause in typing).
      const stats = countStats();
      expect(await backend.searchDocuments(['body', 'of', '23'])).toEqual(['d23']);
      expect(await backend.searchDocuments(['body', 'zzz'])).toEqual([]);
      expect(stats).toEqual([]);
      // A text changed (the same size, so the change is in its bytes and mtime) and a document added: once the watch
      // has seen them, the next search finds both.
      await writeFile(join(root, 'd23.txt'), 'Title 23\n\nThe zzzz of 23.\n');
      await writeFile(join(root, 'new.txt'), 'New\n\nThe body of zzz.\n');
      await vi.waitFor(() => expect(events).toContainEqual({ type: 'documents-changed' }), { timeout: 15_000 });
      expect(await backend.searchDocuments(['body', 'zzz'])).toEqual(['new']);
      expect(await backend.searchDocuments(['zzzz', 'of', '23'])).toEqual(['d23']);
      expect(stats.length).toBeGreaterThan(0);
    } finally {
      await backend.close();
    }
  });

  it('lists each document under its title, extracted from the text until the sidecar has one', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'a1b2.txt': 'منفتحون على الحوار مع كيم جونغ أون\nقال الرئيس.\n',
      'c3d4.txt': 'x\n',
    });
    const backend = await Backend.open(root);
    try {
      const list = await backend.listDocuments();
      expect(list.map((d) => [d.id, d.title])).toEqual([
        ['a1b2', 'منفتحون على الحوار مع كيم جونغ أون'],
        ['c3d4', undefined],
      ]);
    } finally {
      await backend.close();
    }
  });
});
