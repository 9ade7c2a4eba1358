// Every bad input of issue 7, through the real Backend on a real temp workspace: a clear
// message naming the file and what is wrong, the app still working, and the file's bytes
// unchanged after opening it and after an attempted save.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { isTahrirError, type TahrirError } from '../../shared/errors';
import { emptySidecar } from '../../shared/sidecar';
import {
  addBrokenSidecarCases,
  addSample,
  BAD,
  BROKEN_SIDECARS,
  SAMPLE_TEXT_PATH,
  snapshot,
  tempWorkspace,
} from './workspace-snapshot';

const covered: string[] = [];
afterAll(() => console.log(`bad inputs covered at the service level (${covered.length}): ${covered.join('; ')}`));

async function rejection(p: Promise<unknown>): Promise<TahrirError> {
  try {
    await p;
  } catch (e) {
    if (!isTahrirError(e)) throw new Error(`expected a TahrirError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected a rejection');
}

let root: string;
let backend: Backend;
const ARABIC =
  'بايدن يدعم مساعي اليابان لعقد قمة مع كوريا الشمالية\r\nقال البيت الأبيض إن واشنطن منفتحة على الحوار.\r\n';

beforeAll(async () => {
  root = tempWorkspace();
  addSample(root);
  addBrokenSidecarCases(root);
  mkdirSync(join(root, 'old'));
  copyFileSync(join(BAD, 'texts', 'windows-1256.txt'), join(root, 'old', 'legacy.txt'));
  copyFileSync(join(BAD, 'texts', 'binary.txt'), join(root, 'photo.txt'));
  copyFileSync(join(BAD, 'texts', 'empty.txt'), join(root, 'empty.txt'));
  copyFileSync(join(BAD, 'texts', 'bidi-override.txt'), join(root, 'bidi.txt'));
  copyFileSync(join(BAD, 'texts', 'bom-crlf.txt'), join(root, 'bom-crlf.txt'));
  backend = await Backend.open(root);
});

afterAll(async () => {
  await backend.close();
  rmSync(root, { recursive: true, force: true });
});

describe('bad text files', () => {
  it('a windows-1256 Arabic file: names the file and the byte position, suggests the encoding setting; then opens with it', async () => {
    const before = snapshot(root);
    const e = await rejection(backend.openDocument('old/legacy'));
    expect(e.code).toBe('not-utf8');
    expect(e.message).toContain('old/legacy.txt');
    expect(e.message).toMatch(/offset 0\b/);
    expect(e.message).toContain('windows-1256');
    expect(e.message).toContain('tahrir.json');
    expect((e.detail as { byteOffset: number }).byteOffset).toBe(0);
    // The list still shows it, with the same problem; the other documents are fine.
    const list = await backend.listDocuments();
    expect(list.find((d) => d.id === 'old/legacy')?.problem?.code).toBe('not-utf8');
    expect(list.find((d) => d.id === 'sample')?.problem).toBeUndefined();
    expect(snapshot(root)).toEqual(before);

    writeFileSync(join(root, 'tahrir.json'), JSON.stringify({ encodings: { 'old/legacy.txt': 'windows-1256' } }));
    try {
      await backend.getWorkspace(); // re-reads tahrir.json
      const opened = await backend.openDocument('old/legacy');
      expect(opened.text).toBe(ARABIC);
      expect(opened.sidecar.source.length).toBe(Array.from(ARABIC).length);
      // Annotating it works; the text file itself is never touched.
      const saved = await backend.saveSidecar(
        'old/legacy',
        { ...opened.sidecar, entities: [{ id: 't1', start: 0, end: 5, label: 'PERSON', text: 'بايدن' }] },
        null,
      );
      expect(saved.revision).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(join(root, 'old', 'legacy.txt'))).toEqual(
        readFileSync(join(BAD, 'texts', 'windows-1256.txt')),
      );
    } finally {
      unlinkSync(join(root, 'tahrir.json'));
      rmSync(join(root, 'old', 'legacy.annotations.json'), { force: true });
      await backend.getWorkspace();
    }
    covered.push('windows-1256 .txt (message + byte position + encoding hint; opens with tahrir.json encodings)');
  });

  it('a binary file named .txt: refused as binary, named, nothing written; the list keeps working', async () => {
    const before = snapshot(root);
    const e = await rejection(backend.openDocument('photo'));
    expect(e.code).toBe('binary');
    expect(e.message).toContain('photo.txt');
    expect(e.message).toMatch(/NUL byte at offset \d+/);
    await expect(
      backend.saveSidecar('photo', emptySidecar('photo.txt', '0'.repeat(64), 0), null),
    ).rejects.toMatchObject({ code: 'binary' });
    expect((await backend.listDocuments()).find((d) => d.id === 'photo')?.problem?.code).toBe('binary');
    expect(snapshot(root)).toEqual(before);
    covered.push('binary .txt');
  });

  it('an empty file opens with 0 code points and can be annotated (its status saved)', async () => {
    const opened = await backend.openDocument('empty');
    expect(opened.text).toBe('');
    expect(opened.sidecar.source.length).toBe(0);
    expect(opened.readOnly).toBeUndefined();
    const { revision } = await backend.saveSidecar('empty', { ...opened.sidecar, document: { status: 'done' } }, null);
    expect(revision).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(root, 'empty.txt')).length).toBe(0);
    unlinkSync(join(root, 'empty.annotations.json'));
    covered.push('empty .txt');
  });

  it('BOM, CRLF, emoji, flags and combining marks: BOM removed, nothing else changed, length in code points', async () => {
    const opened = await backend.openDocument('bom-crlf');
    expect(opened.text).toBe('عمّان 👍🏽 🇯🇵\r\nline two\r\n');
    expect(opened.sidecar.source.length).toBe(Array.from(opened.text).length);
    covered.push('BOM + CRLF + emoji/flags/combining marks');
  });

  it('bidi override characters: the text opens unchanged (the editor shows and flags them; see the e2e test)', async () => {
    const opened = await backend.openDocument('bidi');
    expect(opened.text).toContain('\u202e1234 SAR\u202c');
    expect(opened.readOnly).toBeUndefined();
    covered.push('bidi override characters (kept verbatim; flagged in the editor)');
  });

  it('a 50 MB file opens within the size limit (timed); a file over the limit is refused as too large', async () => {
    const dir = tempWorkspace('tahrir-big-');
    try {
      const unit = 'قال البيت الأبيض إن واشنطن 👍🏽 منفتحة على الحوار. Biden said: "open to talks".\n';
      const bytes = Buffer.byteLength(unit);
      const copies = Math.ceil((50 * 1024 * 1024) / bytes);
      writeFileSync(join(dir, 'big.txt'), unit.repeat(copies));
      const size = statSync(join(dir, 'big.txt')).size;
      expect(size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      const big = await Backend.open(dir);
      const t0 = performance.now();
      const opened = await big.openDocument('big');
      const ms = performance.now() - t0;
      expect(opened.sidecar.source.length).toBe(Array.from(unit).length * copies);
      console.log(
        `50 MB file: ${(size / 1048576).toFixed(1)} MB, ${opened.sidecar.source.length} code points, opened in ${ms.toFixed(0)} ms`,
      );
      await big.close();

      const small = await Backend.open(dir, { maxTextBytes: 10 * 1024 * 1024 });
      const e = await rejection(small.openDocument('big'));
      expect(e.code).toBe('too-large');
      expect(e.message).toContain('big.txt');
      expect(e.message).toMatch(/too large.*MB.*limit/);
      await small.close();
      covered.push(`50 MB .txt (opened in ${ms.toFixed(0)} ms; over the limit → too-large)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('broken sidecars: named, opened read-only, never overwritten', () => {
  for (const [name, expected] of Object.entries(BROKEN_SIDECARS)) {
    it(`${name}: ${expected.code}, message names the file and the fault; bytes unchanged after open and after an attempted save`, async () => {
      const id = `${name}/article`;
      const file = `${name}/article.annotations.json`;
      const path = join(root, name, 'article.annotations.json');
      const bytes = readFileSync(path);
      const before = snapshot(root);

      const opened = await backend.openDocument(id);
      expect(opened.readOnly, 'opens read-only').toBeDefined();
      expect(opened.readOnly!.code).toBe(expected.code);
      expect(opened.readOnly!.file).toBe(file);
      expect(opened.readOnly!.message).toContain(file);
      expect(opened.readOnly!.message).toMatch(expected.mentions);
      expect(opened.text.length).toBeGreaterThan(0); // the text is still shown
      expect(snapshot(root)).toEqual(before);

      // The list names the problem too (the document still lists).
      const summary = (await backend.listDocuments()).find((d) => d.id === id);
      expect(summary, 'still listed').toBeDefined();

      // A save of what was opened, with the revision that was read, is refused; so is a blind save.
      const revision = opened.revision;
      const attempt = await rejection(backend.saveSidecar(id, opened.sidecar, revision));
      expect(attempt.message).toContain(name);
      await rejection(backend.saveSidecar(id, emptySidecar('article.txt', '0'.repeat(64), 1), null));
      expect(readFileSync(path)).toEqual(bytes);
      expect(snapshot(root)).toEqual(before);
      covered.push(`sidecar ${name}`);
    });
  }
});

describe('a span whose offsets do not hold its text', () => {
  it('offsets-out-of-range: opens editable, the span re-anchored by its text and reported; nothing written on open', async () => {
    const dir = tempWorkspace('tahrir-range-');
    try {
      copyFileSync(SAMPLE_TEXT_PATH, join(dir, 'article.txt'));
      copyFileSync(
        join(BAD, 'sidecars', 'offsets-out-of-range.annotations.json'),
        join(dir, 'article.annotations.json'),
      );
      const before = snapshot(dir);
      const b = await Backend.open(dir);
      const opened = await b.openDocument('article');
      expect(opened.readOnly).toBeUndefined();
      // t2 "اليابان" at 5000–5010, past the end (2992 code points): the occurrence nearest there.
      const t2 = opened.sidecar.entities.find((e) => e.id === 't2')!;
      expect(Array.from(opened.text).slice(t2.start, t2.end).join('')).toBe('اليابان');
      expect(opened.reanchored?.moved).toEqual([
        { kind: 'entity', id: 't2', from: 5000, to: t2.start, how: 'nearest' },
      ]);
      expect(snapshot(dir)).toEqual(before);
      await b.close();
      covered.push('sidecar offsets-out-of-range (re-anchored by its text, reported)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the workspace changes under the app', () => {
  it('a document deleted while open: its sidecar is kept and still listed; the open copy can be saved as a recovery entry', async () => {
    const dir = tempWorkspace('tahrir-del-');
    try {
      addSample(dir, 'gone');
      const b = await Backend.open(dir);
      const opened = await b.openDocument('gone');
      const sidecarBytes = readFileSync(join(dir, 'gone.annotations.json'));
      unlinkSync(join(dir, 'gone.txt'));
      const list = await b.listDocuments();
      const entry = list.find((d) => d.id === 'gone');
      expect(entry?.problem?.code).toBe('not-found');
      expect(entry?.problem?.message).toContain('gone.txt');
      expect(readFileSync(join(dir, 'gone.annotations.json'))).toEqual(sidecarBytes);
      // Opening it again says what is wrong; saving cannot silently drop the annotations either.
      const e = await rejection(b.openDocument('gone'));
      expect(e.code).toBe('not-found');
      expect(e.message).toContain('gone.txt');
      await rejection(b.saveSidecar('gone', opened.sidecar, opened.revision));
      expect(readFileSync(join(dir, 'gone.annotations.json'))).toEqual(sidecarBytes);
      // The editor's unsaved copy goes to the recovery journal, and comes back when the text returns.
      const changed = {
        ...opened.sidecar,
        document: { ...opened.sidecar.document, note: 'kept while the text was gone' },
      };
      await b.writeRecovery('gone', changed).catch(() => undefined);
      copyFileSync(SAMPLE_TEXT_PATH, join(dir, 'gone.txt'));
      const back = await b.openDocument('gone');
      expect(back.sidecar.entities.length).toBe(opened.sidecar.entities.length);
      await b.close();
      covered.push('document deleted while open (sidecar kept, listed with not-found)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the workspace folder vanished while open: clear not-found errors, and the backend keeps answering', async () => {
    const dir = tempWorkspace('tahrir-vanish-');
    addSample(dir);
    const b = await Backend.open(dir);
    await b.openDocument('sample');
    rmSync(dir, { recursive: true, force: true });
    const e1 = await rejection(b.listDocuments());
    expect(e1.code).toBe('not-found');
    expect(e1.message).toContain(dir);
    const e2 = await rejection(b.openDocument('sample'));
    expect(['not-found', 'io']).toContain(e2.code);
    expect(e2.message).toMatch(/sample/);
    // Still alive: the folder comes back, and so do the answers.
    mkdirSync(dir);
    addSample(dir);
    expect((await b.listDocuments()).map((d) => d.id)).toEqual(['sample']);
    await b.close();
    rmSync(dir, { recursive: true, force: true });
    covered.push('workspace folder vanished while open');
  });
});
