import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Sidecar } from '../../shared/model';
import { stampAuthorship } from '../../shared/authorship';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { Backend } from '../../electron/backend';
import { validateWorkspace } from '../../electron/cli/validate';
import { snapshot, tempFolder, writeFiles } from './temp-folder';
import { refused } from '../helpers/refused';
import { words } from '../helpers/isolated';
import { sayError } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';

const repo = join(__dirname, '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
const sampleBytes = readFileSync(join(repo, 'seeds', `${SAMPLE}.txt`));
const exampleJson = readFileSync(join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`), 'utf8');
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** A workspace with the sample article in news/, and optionally the example sidecar. */
async function sampleWorkspace(
  withSidecar: boolean,
): Promise<{ root: string; backend: Backend; id: string; sidecarPath: string }> {
  const root = await tempFolder();
  await writeFiles(root, { [`news/${SAMPLE}.txt`]: sampleBytes });
  if (withSidecar) await writeFiles(root, { [`news/${SAMPLE}.annotations.json`]: exampleJson });
  return {
    root,
    backend: await Backend.open(root),
    id: `news/${SAMPLE}`,
    sidecarPath: join(root, 'news', `${SAMPLE}.annotations.json`),
  };
}

describe('Backend.open and getWorkspace', () => {
  it('refuses a folder that does not exist', async () => {
    const root = await tempFolder();
    expect((await refused(Backend.open(join(root, 'nope')))).code).toBe('not-found');
  });

  it('describes the workspace: name, labels, documents, and a tahrir.json problem', async () => {
    const { root, backend } = await sampleWorkspace(true);
    await writeFiles(root, { 'tahrir.json': '{ nope' });
    const ws = await backend.getWorkspace();
    expect(ws.root).toBe(root);
    expect(ws.config.labels.map((l) => l.name)).toEqual(['PERSON', 'ORG', 'GPE', 'LOC', 'DATE', 'EVENT', 'MISC']);
    expect(ws.configProblem?.file).toBe('tahrir.json');
    expect(ws.documents).toEqual([
      {
        id: `news/${SAMPLE}`,
        file: `news/${SAMPLE}.txt`,
        status: 'done',
        title: parseSidecar(exampleJson).document.title,
        entities: 8,
        quotes: 2,
        edits: 6,
      },
    ]);
  });
});

describe('Backend.openDocument', () => {
  it('opening again reuses the checked sidecar only while its bytes and the text are the same', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(true);
    const first = await backend.openDocument(id);
    expect(await backend.openDocument(id)).toEqual(first);
    // Other bytes with the very same modification time: seen, because the memo is keyed by content.
    const before = (await import('node:fs/promises')).stat(sidecarPath);
    const changed = parseSidecar(exampleJson);
    changed.entities = changed.entities.slice(1);
    await writeFile(sidecarPath, serializeSidecar(changed));
    const { mtime } = await before;
    await utimes(sidecarPath, mtime, mtime);
    const second = await backend.openDocument(id);
    expect(second.sidecar.entities).toHaveLength(first.sidecar.entities.length - 1);
    expect(second.revision).toBe(sha(await readFile(sidecarPath)));
    // The text changed: re-anchored against the new text, not the remembered one.
    await writeFiles(root, { [`news/${SAMPLE}.txt`]: Buffer.concat([Buffer.from('سطر جديد\n'), sampleBytes]) });
    const third = await backend.openDocument(id);
    expect(third.reanchored).toBeDefined();
    expect(third.sidecar.entities[0].start).toBe(second.sidecar.entities[0].start + 9);
    // Broken on disk: read-only with the error, whatever was remembered.
    await writeFile(sidecarPath, '{ broken');
    expect((await backend.openDocument(id)).readOnly?.code).toBe('broken-sidecar');
  });

  it('opens a document without a sidecar: the text and a fresh empty sidecar, revision null', async () => {
    const { backend, id } = await sampleWorkspace(false);
    const doc = await backend.openDocument(id);
    expect(doc.file).toBe(`news/${SAMPLE}.txt`);
    expect(doc.text.startsWith('منفتحون')).toBe(true);
    expect(doc.revision).toBeNull();
    expect(doc.sidecar.source).toEqual({ file: `${SAMPLE}.txt`, sha256: sha(sampleBytes), length: 2992 });
    expect(doc.sidecar.entities).toEqual([]);
    expect(doc.readOnly).toBeUndefined();
  });

  it('opens the example sidecar as it is, with its revision', async () => {
    const { backend, id } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    expect(doc.revision).toBe(sha(exampleJson));
    expect(serializeSidecar(doc.sidecar)).toBe(exampleJson);
    expect(doc.readOnly).toBeUndefined();
    expect(doc.reanchored).toBeUndefined();
  });

  it('opens a broken sidecar read-only with the error, and never overwrites it', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(false);
    await writeFile(sidecarPath, exampleJson.slice(0, 1000));
    const before = await snapshot(root);
    const doc = await backend.openDocument(id);
    expect(doc.readOnly?.code).toBe('broken-sidecar');
    expect(doc.readOnly?.message).toMatch(new RegExp(`^news/${SAMPLE}\\.annotations\\.json: is not valid JSON`));
    expect(doc.text.length).toBeGreaterThan(0);
    // a save is refused whatever revision is given, and the bytes stay
    for (const base of [doc.revision, null, sha('x')]) {
      const e = await refused(backend.saveSidecar(id, doc.sidecar, base));
      expect(['broken-sidecar', 'stale-revision']).toContain(e.code);
    }
    expect(await snapshot(root)).toEqual(before);
  });

  it('opens a sidecar from a newer Tahrir read-only', async () => {
    const { backend, id, sidecarPath } = await sampleWorkspace(false);
    await writeFile(sidecarPath, exampleJson.replace('"version": 1', '"version": 2'));
    const doc = await backend.openDocument(id);
    expect(doc.readOnly?.code).toBe('newer-version');
    expect(doc.readOnly?.message).toContain('made by a newer Tahrir (version 2)');
  });

  it('opens read-only a sidecar with overlapping edits, duplicate ids, a lost speaker or another source.file', async () => {
    const faults: [string, (s: Sidecar) => void, RegExp][] = [
      ['overlapping edits', (s) => void (s.edits[3].start = 1550), /overlaps edits\[2\]/],
      ['duplicate ids', (s) => void (s.quotes[1].id = 't1'), /id "t1" is already used/],
      ['speaker', (s) => void (s.quotes[0].speaker = 'nobody'), /speaker "nobody" is not an entity/],
      ['source.file', (s) => void (s.source.file = 'other.txt'), /source\.file: names "other\.txt"/],
    ];
    for (const [, spoil, message] of faults) {
      const { root, backend, id, sidecarPath } = await sampleWorkspace(false);
      const s = parseSidecar(exampleJson);
      spoil(s);
      await writeFile(sidecarPath, JSON.stringify(s, null, 2));
      const before = await snapshot(root);
      const doc = await backend.openDocument(id);
      expect(doc.readOnly?.code).toBe('broken-sidecar');
      expect(doc.readOnly?.message).toMatch(message);
      await refused(backend.saveSidecar(id, parseSidecar(exampleJson), doc.revision));
      expect(await snapshot(root)).toEqual(before);
    }
  });

  it('re-anchors by its text a span whose offsets do not hold it (out of range, or elsewhere), the text unchanged; writes nothing', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(false);
    const s = parseSidecar(exampleJson);
    const t1 = s.entities.find((e) => e.id === 't1')!;
    const right = { start: t1.start, end: t1.end };
    t1.end = 3120; // past the end of the text (2992 code points)
    const other = s.entities.find((e) => e.id !== 't1' && e.text !== t1.text)!;
    const otherRight = { start: other.start, end: other.end };
    other.start -= 3;
    other.end -= 3;
    await writeFile(sidecarPath, JSON.stringify(s, null, 2));
    const before = await snapshot(root);
    const doc = await backend.openDocument(id);
    expect(doc.readOnly).toBeUndefined();
    const opened = doc.sidecar.entities.find((e) => e.id === 't1')!;
    expect({ start: opened.start, end: opened.end, text: opened.text }).toEqual({ ...right, text: 'جو بايدن' });
    expect(doc.sidecar.entities.find((e) => e.id === other.id)).toMatchObject(otherRight);
    expect(doc.reanchored?.moved.map((m) => m.id).sort()).toEqual([other.id, 't1'].sort());
    expect(await snapshot(root)).toEqual(before);
  });

  it('re-anchors when the text changed on disk, and writes nothing until saved', async () => {
    const { root, backend, id } = await sampleWorkspace(true);
    const changed = Buffer.concat([Buffer.from('سطر جديد في البداية\n', 'utf8'), sampleBytes]);
    await writeFile(join(root, 'news', `${SAMPLE}.txt`), changed);
    const before = await snapshot(root);
    const doc = await backend.openDocument(id);
    expect(doc.reanchored).toBeDefined();
    expect(doc.readOnly).toBeUndefined();
    const shift = Array.from('سطر جديد في البداية\n').length;
    const t1 = doc.sidecar.entities.find((e) => e.id === 't1')!;
    expect(t1.start).toBe(143 + shift);
    expect(Array.from(doc.text).slice(t1.start, t1.end).join('')).toBe('جو بايدن');
    expect(doc.sidecar.source.sha256).toBe(sha(changed));
    expect(await snapshot(root)).toEqual(before);
    const { revision } = await backend.saveSidecar(id, doc.sidecar, doc.revision);
    expect((await backend.openDocument(id)).reanchored).toBeUndefined();
    expect(revision).toBe(sha(await readFile(join(root, 'news', `${SAMPLE}.annotations.json`))));
  });

  it('parses the sidecar on disk twice a save (once to check and compare, once under the lock), the one sent once', async () => {
    // 50,000 entities: each parse of the 4 MB file is ~50-200 ms of the server's thread, after every burst of keys.
    const { backend, id } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const sent = JSON.stringify({ ...doc.sidecar, document: { ...doc.sidecar.document, note: 'saved' } });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await backend.saveSidecar(id, sent, doc.revision);
      const sidecars = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('"entities"'));
      expect(sidecars.filter(([text]) => text === sent)).toHaveLength(1);
      expect(sidecars.filter(([text]) => text !== sent)).toHaveLength(2);
    } finally {
      parse.mockRestore();
    }
    expect((await backend.openDocument(id)).sidecar.document.note).toBe('saved');
  });

  it('refuses ids that leave the workspace', async () => {
    const { root, backend } = await sampleWorkspace(false);
    const outside = await tempFolder();
    await writeFiles(outside, { 'secret.txt': 'secret' });
    await symlink(join(outside, 'secret.txt'), join(root, 'leak.txt'));
    for (const id of ['../x', `news/../../${SAMPLE}`, join(outside, 'secret'), 'leak']) {
      expect((await refused(backend.openDocument(id))).code).toBe('outside-workspace');
      expect((await refused(backend.saveSidecar(id, parseSidecar(exampleJson), null))).code).toMatch(
        /outside-workspace|invalid-argument/,
      );
      expect((await refused(backend.writeRecovery(id, parseSidecar(exampleJson)))).code).toBe('outside-workspace');
    }
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('says which byte is bad in a text that is not UTF-8, and opens it with the encoding from tahrir.json', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'old/a.txt': Buffer.from([0x41, 0x20, 0xd3, 0xe1, 0xc7, 0xe3]) });
    const backend = await Backend.open(root);
    const e = await refused(backend.openDocument('old/a'));
    expect(e.code).toBe('not-utf8');
    expect(e.message).toContain('old/a.txt: is not valid UTF-8 (first bad byte at offset 2');
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ encodings: { 'old/a.txt': 'windows-1256' } }) });
    await backend.getWorkspace(); // re-reads tahrir.json
    const doc = await backend.openDocument('old/a');
    expect(doc.text).toBe('A سلام');
    expect(doc.sidecar.source.length).toBe(6);
  });
});

describe('Backend.saveSidecar', () => {
  it('saves atomically, sets updatedAt, and refuses a stale base revision', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(false);
    const doc = await backend.openDocument(id);
    const mine = parseSidecar(exampleJson);
    delete mine.updatedAt;
    const { revision } = await backend.saveSidecar(id, mine, doc.revision);
    const written = await readFile(sidecarPath, 'utf8');
    expect(revision).toBe(sha(written));
    const back = parseSidecar(written);
    expect(back.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // What it adds is stamped with the writer it names (backend-authorship.test.ts).
    expect({ ...back, updatedAt: undefined }).toEqual({
      ...stampAuthorship(null, mine, 'example'),
      updatedAt: undefined,
    });
    // a colleague saves; my next save with the old revision is refused
    await writeFile(sidecarPath, written.replace('"status": "done"', '"status": "in_progress"'));
    const before = await snapshot(root);
    const e = await refused(backend.saveSidecar(id, mine, revision));
    expect(e.code).toBe('stale-revision');
    expect(e.detail).toMatchObject({ current: sha(await readFile(sidecarPath)) });
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses an invalid sidecar with the problems and writes nothing', async () => {
    const { root, backend, id } = await sampleWorkspace(false);
    const before = await snapshot(root);
    const wrongAnchor = parseSidecar(exampleJson);
    wrongAnchor.entities[0].text = 'ترامب';
    const e1 = await refused(backend.saveSidecar(id, wrongAnchor, null));
    expect(e1.code).toBe('invalid-argument');
    expect(e1.message).toContain('text "ترامب" does not match the source at 143–151');
    const wrongShape = { ...parseSidecar(exampleJson), entities: 'none' } as unknown as Sidecar;
    const e2 = await refused(backend.saveSidecar(id, wrongShape, null));
    expect(e2.code).toBe('invalid-argument');
    expect(e2.message).toContain('entities');
    expect((await refused(backend.saveSidecar(id, parseSidecar(exampleJson), 'not-a-revision'))).code).toBe(
      'invalid-argument',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('takes the sidecar as its JSON text too, written exactly as the same object would be', async () => {
    // The file saved again as it is (nothing added or changed, so nothing to stamp): byte for byte.
    const { backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const s = parseSidecar(exampleJson);
    s.entities.reverse();
    const { revision } = await backend.saveSidecar(id, JSON.stringify(s), doc.revision);
    const out = await readFile(sidecarPath, 'utf8');
    expect(revision).toBe(sha(out));
    expect(out.replace(/"updatedAt": "[^"]*"/, '"updatedAt": "2026-11-28T09:00:00Z"')).toBe(exampleJson);
  });

  it('refuses sidecar text that is not JSON, or not a sidecar, naming the file, and overwrites nothing', async () => {
    const { root, backend, id } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const before = await snapshot(root);
    const cut = JSON.stringify(parseSidecar(exampleJson)).slice(0, 200);
    for (const bad of [cut, '', 'null', '[]', '{"format":"tahrir-annotations"}']) {
      const e = await refused(backend.saveSidecar(id, bad, doc.revision));
      expect(e.code).toBe('invalid-argument');
      expect(e.file).toBe(`news/${SAMPLE}.annotations.json`);
      expect(e.message).toMatch(/the sidecar to save is not valid/);
      const j = await refused(backend.writeRecovery(id, bad));
      expect(j.code).toBe('invalid-argument');
      expect(j.file).toBe(`news/${SAMPLE}.annotations.json`);
    }
    expect((await refused(backend.saveSidecar(id, cut, doc.revision))).message).toMatch(/not valid JSON/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('sorts what the editor sends before writing', async () => {
    const { backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const s = parseSidecar(exampleJson);
    s.entities.reverse();
    s.edits.reverse();
    await backend.saveSidecar(id, s, doc.revision);
    const out = await readFile(sidecarPath, 'utf8');
    expect(out.replace(/"updatedAt": "[^"]*"/, '"updatedAt": "2026-11-28T09:00:00Z"')).toBe(exampleJson);
  });
});

describe('Backend.saveSidecar and the labels of tahrir.json', () => {
  const labels = (...names: string[]) => JSON.stringify({ labels: names.map((name) => ({ name })) });

  it('refuses a label tahrir.json does not define, naming it and the labels; writes nothing; validate agrees with what it accepts', async () => {
    const { root, backend, id } = await sampleWorkspace(true);
    await writeFiles(root, { 'tahrir.json': labels('PERSON', 'ORG', 'GPE') });
    const doc = await backend.openDocument(id);
    const weapon = {
      ...doc.sidecar,
      entities: doc.sidecar.entities.map((e, i) => (i === 4 ? { ...e, label: 'WEAPON' } : e)),
    };
    const before = await snapshot(root);
    const e = await refused(backend.saveSidecar(id, weapon, doc.revision));
    expect(e.code).toBe('invalid-argument');
    expect(e.file).toBe(`news/${SAMPLE}.annotations.json`);
    expect(e.message).toMatch(
      /not saved: .*entities\[4\]\.label: label "WEAPON" is not one of the workspace labels \(PERSON, ORG, GPE\)/,
    );
    expect(e.message).toMatch(/Add the label to tahrir\.json or give the entity one of its labels/);
    // The refusal comes with its catalog message: the Arabic interface says it in Arabic (its banner showed this
    // English message), the English one in the same words as the message.
    const said = e.toData();
    expect(said.said).toBeDefined();
    const arabic = words(sayError(createTranslator('ar'), said));
    expect(arabic).toContain('التصنيف «WEAPON» ليس من تصنيفات مساحة العمل (PERSON, ORG, GPE)');
    expect(arabic).toContain('أضف التصنيف إلى tahrir.json');
    expect(arabic).not.toMatch(/not one of|Add the label/);
    expect(words(sayError(createTranslator('en'), said))).toMatch(
      /^news\/\S+\.annotations\.json: is not a valid sidecar for .*: entities\[4\]\.label: label "WEAPON" is not one of the workspace labels \(PERSON, ORG, GPE\)\. Add the label to tahrir\.json/,
    );
    expect(await snapshot(root)).toEqual(before);
    // The same sidecar with a defined label is saved, and validate finds nothing to say.
    await backend.saveSidecar(id, doc.sidecar, doc.revision);
    expect((await validateWorkspace(root)).valid).toBe(true);
  });

  it('reads tahrir.json as it is when saving: a label removed there since the workspace was opened is refused', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id); // default labels: PERSON, ORG, GPE, …
    await writeFiles(root, { 'tahrir.json': labels('PERSON', 'GPE') });
    const before = await readFile(sidecarPath, 'utf8');
    const e = await refused(backend.saveSidecar(id, doc.sidecar, doc.revision));
    expect(e.message).toMatch(/label "ORG" is not one of the workspace labels \(PERSON, GPE\)/);
    expect(await readFile(sidecarPath, 'utf8')).toBe(before);
    // A broken tahrir.json is named too (the default labels apply, as in validate).
    await writeFiles(root, { 'tahrir.json': '{ nope' });
    const custom = { ...doc.sidecar, entities: doc.sidecar.entities.map((x) => ({ ...x, label: 'PERSONA' })) };
    expect((await refused(backend.saveSidecar(id, custom, doc.revision))).message).toMatch(
      /tahrir\.json cannot be used \(.*not valid JSON/,
    );
    // Defined again, it is saved.
    await writeFiles(root, { 'tahrir.json': labels('PERSON', 'GPE', 'ORG') });
    await backend.saveSidecar(id, doc.sidecar, doc.revision);
  });
});

describe('Backend recovery journal', () => {
  it('offers unsaved changes newer than the sidecar, and a save clears them', async () => {
    const { root, backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const unsaved = { ...doc.sidecar, document: { ...doc.sidecar.document, note: 'unsaved work' } };
    // the sidecar was written a minute ago; the journal now
    const past = new Date(Date.now() - 60_000);
    await utimes(sidecarPath, past, past);
    await backend.writeRecovery(id, unsaved);
    const reopened = await backend.openDocument(id);
    expect(reopened.recovered?.sidecar.document.note).toBe('unsaved work');
    expect(Date.parse(reopened.recovered!.savedAt)).toBeGreaterThan(past.getTime());
    await backend.saveSidecar(id, reopened.recovered!.sidecar, reopened.revision);
    const after = await backend.openDocument(id);
    expect(after.recovered).toBeUndefined();
    expect(after.sidecar.document.note).toBe('unsaved work');
    expect(
      await readFile(join(root, '.tahrir', 'recovery', encodeURIComponent(id) + '.json')).catch(() => null),
    ).toBeNull();
  });

  it('does not offer a journal older than the sidecar, and discardRecovery removes it', async () => {
    const { backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    await backend.writeRecovery(id, { ...doc.sidecar, document: { ...doc.sidecar.document, note: 'old' } });
    const future = new Date(Date.now() + 60_000);
    await utimes(sidecarPath, future, future); // saved elsewhere after the journal
    expect((await backend.openDocument(id)).recovered).toBeUndefined();
    await utimes(sidecarPath, new Date(0), new Date(0));
    expect((await backend.openDocument(id)).recovered).toBeDefined();
    await backend.discardRecovery(id);
    expect((await backend.openDocument(id)).recovered).toBeUndefined();
  });

  it('journals a sidecar given as its JSON text', async () => {
    const { backend, id, sidecarPath } = await sampleWorkspace(true);
    const doc = await backend.openDocument(id);
    const past = new Date(Date.now() - 60_000);
    await utimes(sidecarPath, past, past);
    await backend.writeRecovery(
      id,
      JSON.stringify({ ...doc.sidecar, document: { ...doc.sidecar.document, note: 'عمّان 👋 unsaved' } }),
    );
    expect((await backend.openDocument(id)).recovered?.sidecar.document.note).toBe('عمّان 👋 unsaved');
  });

  it('refuses to journal something that is not a sidecar', async () => {
    const { backend, id } = await sampleWorkspace(false);
    expect((await refused(backend.writeRecovery(id, { nope: true } as unknown as Sidecar))).code).toBe(
      'invalid-argument',
    );
  });
});

describe('Backend events', () => {
  it('stays silent about its own saves and reports a sidecar changed by someone else', async () => {
    const { backend, id, sidecarPath } = await sampleWorkspace(true);
    const events: string[] = [];
    const stop = backend.onEvent((e) => events.push(e.type === 'sidecar-changed' ? `${e.type} ${e.id}` : e.type));
    try {
      await backend.watching();
      const doc = await backend.openDocument(id);
      const { revision } = await backend.saveSidecar(
        id,
        { ...doc.sidecar, document: { ...doc.sidecar.document, note: 'mine' } },
        doc.revision,
      );
      await new Promise((r) => setTimeout(r, 1500));
      expect(events.filter((e) => e.startsWith('sidecar-changed'))).toEqual([]);
      // a colleague's save
      const theirs = (await readFile(sidecarPath, 'utf8')).replace('"note": "mine"', '"note": "theirs"');
      await writeFile(sidecarPath, theirs);
      const deadline = Date.now() + 10_000;
      while (!events.includes(`sidecar-changed ${id}`) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(events).toContain(`sidecar-changed ${id}`);
      // and my stale save is refused rather than overwriting theirs
      expect((await refused(backend.saveSidecar(id, doc.sidecar, revision))).code).toBe('stale-revision');
      expect(await readFile(sidecarPath, 'utf8')).toBe(theirs);
    } finally {
      stop();
      await backend.close();
    }
  }, 30_000);
});
