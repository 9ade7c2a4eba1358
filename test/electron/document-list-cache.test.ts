// The document list kept in .tahrir/document-list.json between runs: real workspaces on disk, real
// Backends (a fresh one stands for the next run), files changed, removed and the cache broken in between.
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { LIST_CACHE_FILE, readListCache } from '../../electron/document-list-cache';
import type { DocumentSummary } from '../../shared/api';
import { emptySidecar, serializeSidecar } from '../../shared/sidecar';
import { textFileOf } from '../../shared/workspace-layout';
import { tempFolder, writeFiles } from './temp-folder';

const COUNT = 300;
const CACHE = join('.tahrir', LIST_CACHE_FILE);

/** COUNT documents, done with a title; doc7's name has an emoji and a combining mark, its text CRLF and a BOM. */
async function workspace(): Promise<string> {
  const root = await tempFolder();
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++) {
    const name = i === 7 ? 'doc7 😀e\u0301' : `doc${i}`;
    files[`${name}.txt`] = i === 7 ? '\uFEFFعنوان 😀\r\n\r\nنص' : `نص رقم ${i}\n`;
    files[`${name}.annotations.json`] = sidecarText(name, 'done', 'عنوان');
  }
  await writeFiles(root, files);
  return root;
}

function sidecarText(name: string, status: 'todo' | 'in_progress' | 'done', title: string): string {
  const sidecar = emptySidecar(`${name}.txt`, '0'.repeat(64), 1);
  sidecar.document.status = status;
  sidecar.document.title = title;
  return serializeSidecar(sidecar);
}

/** One run: a Backend lists until every document is read (and the list is kept), then closes. */
async function run(root: string, budgetMs = 0): Promise<{ first: DocumentSummary[]; last: DocumentSummary[] }> {
  const backend = await Backend.open(root, { listBudgetMs: budgetMs });
  try {
    const first = await backend.listDocuments();
    let last = first;
    while (last.some((d) => d.pending)) last = await backend.listDocuments();
    return { first, last };
  } finally {
    await backend.close();
  }
}

describe('the document list kept between runs (.tahrir/document-list.json)', () => {
  it('is not written by a reading still under way when the workspace closes (its folder may be being removed)', async () => {
    // tahrir serve closed while the documents a pending listing left were read: the list landed in a workspace being
    // removed (ENOTEMPTY in the 5,000-document e2e suite's clean-up). Closed, the reading keeps nothing.
    const root = await workspace();
    const backend = await Backend.open(root, { listBudgetMs: 0 });
    expect((await backend.listDocuments()).some((d) => d.pending)).toBe(true);
    await backend.close();
    // The reading of 300 small documents ends well within this; nothing may appear meanwhile.
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      expect(await readListCache(root, textFileOf)).toBeNull();
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('is written after a full listing, git-ignored, and read by the next run for its reading after the first answer', async () => {
    const root = await workspace();
    const cold = await run(root);
    expect(cold.first.filter((d) => d.pending && !d.title).length).toBeGreaterThan(200);
    const kept = await readListCache(root, textFileOf);
    expect(kept?.size).toBe(COUNT);
    expect(await readFile(join(root, '.tahrir', '.gitignore'), 'utf8')).toContain('*');

    // A kept row whose files' stamps agree is believed without reading the files: what makes the next
    // run's full list quick (100,000 stats, not 200,000 reads). Forged here to see it used.
    const kept2 = JSON.parse(await readFile(join(root, CACHE), 'utf8'));
    kept2.documents.find((r: unknown[]) => r[0] === 'doc200')[4].title = 'kept';
    await writeFile(join(root, CACHE), JSON.stringify(kept2));
    const warm = await run(root);
    // The next run's first answer is the cold one's (the kept list is read for the reading after it).
    expect(warm.first.map((d) => d.id)).toEqual(cold.last.map((d) => d.id));
    expect(warm.first.filter((d) => d.pending).length).toBeGreaterThan(200);
    expect(warm.last.find((d) => d.id === 'doc200')?.title).toBe('kept');
    expect(warm.last.filter((d) => d.id !== 'doc200')).toEqual(cold.last.filter((d) => d.id !== 'doc200'));
    expect(warm.last.find((d) => d.id === 'doc7 😀e\u0301')).toMatchObject({ title: 'عنوان', status: 'done' });
  });

  it('reads a changed file again and drops a removed document, whatever the cache says', async () => {
    const root = await workspace();
    await run(root);
    await writeFile(join(root, 'doc250.annotations.json'), sidecarText('doc250', 'in_progress', 'تغيّر'));
    await rm(join(root, 'doc251.txt'));
    await rm(join(root, 'doc251.annotations.json'));
    await writeFile(join(root, 'doc999.txt'), 'جديد\n');
    // A changed size is not needed: a changed mtime alone is read again.
    const same = sidecarText('doc252', 'done', 'عنوان'.replace('ع', 'غ'));
    await writeFile(join(root, 'doc252.annotations.json'), same);
    await utimes(join(root, 'doc252.annotations.json'), new Date(), new Date(Date.now() + 5000));

    const next = await run(root);
    for (const list of [next.first, next.last]) {
      expect(list.map((d) => d.id)).not.toContain('doc251');
      expect(list.map((d) => d.id)).toContain('doc999');
    }
    // The first answer has the changed document pending; the full one as it is now.
    expect(next.first.find((d) => d.id === 'doc250')).toMatchObject({ pending: true });
    expect(next.last.find((d) => d.id === 'doc250')).toMatchObject({ status: 'in_progress', title: 'تغيّر' });
    expect(next.last.find((d) => d.id === 'doc252')?.title).toBe('غنوان');
    expect(next.last.find((d) => d.id === 'doc999')).toMatchObject({ status: 'todo', entities: 0 });
    const kept = await readListCache(root, textFileOf);
    expect(kept?.has('doc251')).toBe(false);
    expect(kept?.get('doc250')?.summary.status).toBe('in_progress');
  });

  it('ignores a broken cache whole, lists from the files, and writes it again', async () => {
    const root = await workspace();
    const truth = (await run(root)).last;
    const good = await readFile(join(root, CACHE), 'utf8');
    const broken = [
      '{"version": 1, "documents": [',
      'not json',
      good.replace('"version":1', '"version":99'),
      // One row wrong: a status that is none, a count that is not a number, a stamp of a string.
      good.replace('"done"', '"finished"'),
      good.replace(/"entities":\d+/, '"entities":"many"'),
      good.replace(/\[\d+,[\d.]+\]/, '["big",1]'),
      '[]',
    ];
    for (const text of broken) {
      await writeFile(join(root, CACHE), text);
      expect(await readListCache(root, textFileOf), text.slice(0, 40)).toBeNull();
      const next = await run(root);
      expect(next.last).toEqual(truth);
      // Nothing of the broken cache shows, not even in the first answer: what is not read is named only.
      expect(next.first.filter((d) => d.pending).every((d) => d.title === undefined && d.status === 'todo')).toBe(true);
      expect(await readListCache(root, textFileOf)).not.toBeNull();
    }
  });

  it('does not believe a kept summary whose stamps are not the files’', async () => {
    const root = await workspace();
    await run(root);
    const kept = JSON.parse(await readFile(join(root, CACHE), 'utf8'));
    const row = kept.documents.find((r: unknown[]) => r[0] === 'doc0');
    row[4].title = 'forged';
    row[1][1] += 1; // its text's mtime, off by a millisecond
    await writeFile(join(root, CACHE), JSON.stringify(kept));
    const next = await run(root, 10_000);
    expect(next.first.find((d) => d.id === 'doc0')?.title).toBe('عنوان');
  });
});
