// A document opened again whose files' stat is as when they were read (electron/stat-stamp.ts: size, mtime and ctime
// in ns, inode) is neither read nor hashed again; any change on disk (a rewrite of the same size, a touch, a file
// renamed over it) is read. A large sidecar the workspace listing read is not read again by the open that follows.
// Real files in real folders; the reads are counted at Node's file functions.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { statStampSync, unchangedSince } from '../../electron/stat-stamp';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { writeLongArticleWorkspace } from '../bench/generate-corpus';
import { tempFolder } from './temp-folder';

const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof import('node:fs');
const fsp = require('node:fs/promises') as typeof import('node:fs/promises');

/** The files opened for reading from now on (by path), through fs/promises' open and readFile and fs's openSync. */
function countReads(): { paths: string[]; stop(): void } {
  const paths: string[] = [];
  const saved = { open: fsp.open, readFile: fsp.readFile, openSync: fs.openSync };
  const seen = (path: unknown) => void paths.push(String(path));
  Object.assign(fsp, {
    open: (path: string, ...rest: unknown[]) => (
      seen(path),
      (saved.open as (...a: unknown[]) => unknown)(path, ...rest)
    ),
    readFile: (path: unknown, ...rest: unknown[]) => (
      seen(path),
      (saved.readFile as (...a: unknown[]) => unknown)(path, ...rest)
    ),
  });
  Object.assign(fs, {
    openSync: (path: unknown, ...rest: unknown[]) => (
      seen(path),
      (saved.openSync as (...a: unknown[]) => unknown)(path, ...rest)
    ),
  });
  syncBuiltinESMExports(); // the modules' named imports see them too
  const stop = () => {
    Object.assign(fsp, { open: saved.open, readFile: saved.readFile });
    Object.assign(fs, { openSync: saved.openSync });
    syncBuiltinESMExports();
  };
  stopping.push(stop);
  return { paths, stop };
}
const stopping: (() => void)[] = [];
afterEach(() => stopping.splice(0).forEach((stop) => stop()));

/** Files changed less than 2 s ago are read again each time (their stamp is "racy"): the tests wait that out. */
const pastRacy = () => new Promise((resolve) => setTimeout(resolve, 2100));

/** A workspace with one long article: its sidecar (about 0.7 MB) is large enough for the listing to keep. */
async function longWorkspace(): Promise<{ root: string; id: string; sidecarPath: string; textPath: string }> {
  const root = await tempFolder('tahrir-stamp-');
  const doc = await writeLongArticleWorkspace(root, { targetBytes: 300_000, entities: 5000, quotes: 50, edits: 3 });
  return {
    root,
    id: doc.id,
    sidecarPath: join(root, `${doc.id}.annotations.json`),
    textPath: join(root, doc.file),
  };
}

/** The sidecar's JSON with its note set to `note` (the same length for notes of the same length). */
function withNote(json: string, note: string): string {
  const sidecar = parseSidecar(json);
  return serializeSidecar({ ...sidecar, document: { ...sidecar.document, note } });
}

describe('opening an unchanged document again', () => {
  it('reads neither its sidecar nor its text; a rewrite of the same size, a touch, a rename over it are read', async () => {
    const { root, id, sidecarPath, textPath } = await longWorkspace();
    const json = withNote(await fsp.readFile(sidecarPath, 'utf8'), 'note A');
    await writeFile(sidecarPath, json);
    await pastRacy();
    const backend = await Backend.open(root);
    try {
      const first = await backend.openDocument(id);
      const reads = countReads();
      expect(await backend.openDocument(id)).toBe(first);
      expect(reads.paths.filter((p) => p === sidecarPath || p === textPath)).toEqual([]);
      reads.stop();

      // Rewritten with the same size (another editor, git): a new mtime, read again.
      const sameSize = withNote(json, 'note B');
      expect(sameSize.length).toBe(json.length);
      await writeFile(sidecarPath, sameSize);
      const second = await backend.openDocument(id);
      expect(second.sidecar.document.note).toBe('note B');

      // Touched: read again, the same bytes, the same answer.
      await pastRacy();
      expect(await backend.openDocument(id)).toBe(second);
      const now = new Date();
      await utimes(sidecarPath, now, now);
      const touched = countReads();
      expect(await backend.openDocument(id)).toBe(second);
      expect(touched.paths).toContain(sidecarPath);
      touched.stop();

      // Another file renamed over it (a new inode): read again.
      const other = join(root, 'elsewhere.json.tmp');
      await writeFile(other, withNote(json, 'note C'));
      await rename(other, sidecarPath);
      expect((await backend.openDocument(id)).sidecar.document.note).toBe('note C');
    } finally {
      await backend.close();
    }
  }, 30_000);

  it('a broken sidecar still opens read-only with its error, unread while unchanged, and read once mended', async () => {
    const { root, id, sidecarPath } = await longWorkspace();
    const good = await fsp.readFile(sidecarPath, 'utf8');
    await writeFile(sidecarPath, good.slice(0, -10));
    await pastRacy();
    const backend = await Backend.open(root);
    try {
      const broken = await backend.openDocument(id);
      expect(broken.readOnly?.code).toBe('broken-sidecar');
      expect((await backend.openDocument(id)).readOnly?.code).toBe('broken-sidecar');
      await writeFile(sidecarPath, good);
      const mended = await backend.openDocument(id);
      expect(mended.readOnly).toBeUndefined();
      expect(mended.sidecar.entities.length).toBe(parseSidecar(good).entities.length);
    } finally {
      await backend.close();
    }
    // Opening never writes: the broken file was left as it was until mended by hand.
    expect(await fsp.readFile(sidecarPath, 'utf8')).toBe(good);
  }, 30_000);
});

describe('the first open after the workspace listing', () => {
  it('takes the large sidecar the listing read instead of reading it again', async () => {
    const { root, sidecarPath } = await longWorkspace();
    await pastRacy();
    const reads = countReads();
    const backend = await Backend.openListing(root);
    try {
      const start = await backend.startEditor({});
      expect(start.first && 'opened' in start.first && start.first.opened.sidecar.entities.length).toBe(5000);
      expect(reads.paths.filter((p) => p === sidecarPath)).toHaveLength(1);
    } finally {
      await backend.close();
    }
  }, 30_000);

  it('reads the sidecar again when it changed on disk after the listing read it', async () => {
    const { root, id, sidecarPath } = await longWorkspace();
    const json = withNote(await fsp.readFile(sidecarPath, 'utf8'), 'note A');
    await writeFile(sidecarPath, json);
    await pastRacy();
    const backend = await Backend.openListing(root);
    try {
      await backend.listDocuments();
      await writeFile(sidecarPath, withNote(json, 'note B'));
      expect((await backend.openDocument(id)).sidecar.document.note).toBe('note B');
    } finally {
      await backend.close();
    }
  }, 30_000);
});

describe('statStampSync', () => {
  it('is not trusted while the file changed within the last 2 s (a second write in the same tick is not seen)', async () => {
    const root = await tempFolder();
    const path = join(root, 'a.json');
    await writeFile(path, 'one');
    const fresh = statStampSync(path);
    expect(fresh?.racy).toBe(true);
    expect(unchangedSince(fresh, statStampSync(path))).toBe(false);
    await pastRacy();
    const settled = statStampSync(path);
    expect(unchangedSince(settled, statStampSync(path))).toBe(true);
    await writeFile(path, 'two');
    expect(unchangedSince(settled, statStampSync(path))).toBe(false);
    expect(statStampSync(join(root, 'none.json'))).toBeNull();
  }, 30_000);
});
