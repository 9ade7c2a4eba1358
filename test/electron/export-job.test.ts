import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { checkSplit, runExport, splitPart } from '../../electron/export-job';
import { runImport } from '../../electron/import-job';
import { run as runExportCli } from '../../electron/cli/export';
import { TahrirError } from '../../shared/errors';
import { writeFixtureWorkspace } from '../shared/export/fixture-documents';
import { snapshot, writeFiles } from './temp-folder';

let dir: string;
let ws: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-export-'));
  ws = join(dir, 'workspace');
  out = join(dir, 'out');
  await mkdir(ws);
  await mkdir(out);
  await writeFixtureWorkspace(ws);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function addBrokenDocuments() {
  await writeFile(join(ws, 'broken.txt'), 'A text whose sidecar is torn.\n');
  await writeFile(join(ws, 'broken.annotations.json'), '{"format": "tahrir-annotations", "version": 1, "sour');
  await writeFile(join(ws, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1: not UTF-8
}

const lines = async (p: string) =>
  (await readFile(p, 'utf8'))
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('runExport', () => {
  it('exports every document, with a summary of spans, left-out spans and skipped documents (named)', async () => {
    await addBrokenDocuments();
    const progress: [number, number, string | undefined][] = [];
    const summary = await runExport({
      root: ws,
      request: { format: 'jsonl', out: join(out, 'data.jsonl') },
      onProgress: (done, total, current) => progress.push([done, total, current]),
    });
    expect(summary.documents).toBe(3);
    expect(summary.spansByLabel).toEqual({ MISC: 1, GPE: 3, PERSON: 5, LOC: 1, ORG: 1 });
    expect(summary.quotes).toBe(2);
    expect(summary.leftOut).toEqual({ 'inside removed text': 1 });
    expect(summary.skipped.map((s) => s.file).sort()).toEqual(['broken.annotations.json', 'latin1.txt']);
    expect(summary.skipped.find((s) => s.file === 'latin1.txt')!.reason).toMatch(/unreadable/);
    expect(summary.skipped.find((s) => s.file === 'broken.annotations.json')!.reason).toMatch(/broken sidecar/);
    expect(summary.outputs).toEqual([join(out, 'data.jsonl')]);
    const records = await lines(join(out, 'data.jsonl'));
    expect(records.map((r) => r.id)).toEqual(['mixed', 'plain', 'sub/older']);
    expect(progress[0]).toEqual([0, 5, 'broken']);
    expect(progress[progress.length - 1]).toEqual([5, 5, undefined]);
    expect(await readdir(out)).toEqual(['.tahrir-exports.json', 'data.jsonl']); // no temp files left; what it wrote, listed
  });

  it('counts only what the file holds: a nested span CoNLL cannot hold is left out, not counted, and named with its document and text', async () => {
    const all = await runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'all.jsonl') } });
    const summary = await runExport({ root: ws, request: { format: 'conll', out: join(out, 'a.conll') } });
    const total = (s: typeof summary) => Object.values(s.spansByLabel).reduce((a, b) => a + b, 0);
    // "Tokyo" (GPE) nested in "Tokyo Bay" (LOC): not in the CoNLL file, so not counted.
    expect(summary.spansByLabel).toEqual({ ...all.spansByLabel, GPE: all.spansByLabel.GPE - 1 });
    expect(total(summary)).toBe(total(all) - 1);
    const written = (await readFile(join(out, 'a.conll'), 'utf8')).split('\n').filter((l) => /\tB-/.test(l)).length;
    expect(total(summary)).toBe(written);
    expect(summary.leftOut).toEqual({ 'inside removed text': 1, 'overlap (conll)': 1 });
    expect(summary.leftOutSpans).toEqual([
      { document: 'mixed', label: 'PERSON', text: 'كيشيدا', reason: 'inside removed text' },
      { document: 'mixed', label: 'GPE', text: 'Tokyo', reason: 'overlap (conll)' },
    ]);
  });

  it('leaves out untouched documents (to do, nothing annotated or edited) when asked, naming them; one worked on stays', async () => {
    await writeFile(join(ws, 'untouched.txt'), 'Nobody has read this one yet.\n');
    await writeFile(join(ws, 'started.txt'), 'Started: only its status says so.\n');
    const sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: {
        file: 'started.txt',
        sha256: createHash('sha256').update('Started: only its status says so.\n').digest('hex'),
        length: 34,
      },
      document: { status: 'in_progress' },
      edits: [],
      entities: [],
      quotes: [],
    };
    await writeFile(join(ws, 'started.annotations.json'), JSON.stringify(sidecar));
    const all = await runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'all.jsonl') } });
    expect(all.documents).toBe(5);
    expect(all.untouched).toEqual([]);
    const worked = await runExport({
      root: ws,
      request: { format: 'jsonl', out: join(out, 'worked.jsonl'), skipUntouched: true },
    });
    expect(worked.skipped).toEqual([]);
    // "plain" has no sidecar: untouched as well.
    expect(worked.untouched).toEqual(['plain', 'untouched']);
    expect(worked.documents).toBe(3);
    expect((await lines(join(out, 'worked.jsonl'))).map((r) => r.id)).toEqual(['mixed', 'started', 'sub/older']);
  });

  it('skips, by name, a document whose edits overlap', async () => {
    const text = 'Edits that overlap cannot be applied.\n';
    await writeFile(join(ws, 'overlap.txt'), text);
    const sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'overlap.txt', sha256: createHash('sha256').update(text).digest('hex'), length: text.length },
      document: { status: 'done' },
      edits: [
        { id: 'e1', start: 0, end: 10, text: text.slice(0, 10), replacement: '', kind: 'boilerplate' },
        { id: 'e2', start: 5, end: 15, text: text.slice(5, 15), replacement: '', kind: 'boilerplate' },
      ],
      entities: [],
      quotes: [],
    };
    await writeFile(join(ws, 'overlap.annotations.json'), JSON.stringify(sidecar));
    const summary = await runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'o.jsonl') } });
    expect(summary.documents).toBe(3);
    expect(summary.skipped).toEqual([
      {
        file: 'overlap.annotations.json',
        reason: expect.stringMatching(/broken sidecar.*e2/),
        reasonMessage: {
          key: 'skipped.broken-sidecar',
          parts: { message: { key: 'error.raw', values: { text: expect.stringMatching(/e2/) } } },
        },
      },
    ]);
    const report = await runImport({ root: ws, request: { format: 'jsonl', from: join(out, 'o.jsonl') } });
    expect(report.skipped).toEqual([]); // the export did not name it, so the import does not touch it
    await writeFile(
      join(out, 'x.jsonl'),
      JSON.stringify({ id: 'overlap', text, spans: [{ start: 0, end: 5, label: 'MISC' }] }) + '\n',
    );
    const bad = await runImport({ root: ws, request: { format: 'jsonl', from: join(out, 'x.jsonl') } });
    expect(bad.skipped).toEqual([
      {
        file: 'overlap.annotations.json',
        reason: expect.stringMatching(/broken sidecar, left as it is/),
        reasonMessage: expect.objectContaining({ key: 'import-skip.broken-sidecar' }),
      },
    ]);
    expect(JSON.parse(await readFile(join(ws, 'overlap.annotations.json'), 'utf8'))).toEqual(sidecar);
  });

  it('a span whose offsets do not hold its text is re-anchored by its text or left out, and named', async () => {
    const prefix = Array.from('قال المتحدث إن الاجتماع انتهى دون اتفاق وإن الجولة التالية ستعقد قريبا في العاصمة')
      .slice(0, 60)
      .join('');
    const text = `${prefix}ت رويترز.\n`;
    expect(Array.from(text)).toHaveLength(70);
    const sidecar = (entities: object[]) => ({
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'wire.txt', sha256: createHash('sha256').update(text).digest('hex'), length: 70 },
      document: { status: 'done' },
      edits: [],
      entities,
      quotes: [],
    });
    await writeFile(join(ws, 'wire.txt'), text);
    await writeFile(
      join(ws, 'wire.annotations.json'),
      JSON.stringify(
        sidecar([
          { id: 'e1', start: 60, end: 400, text: 'رويترز', label: 'ORG' },
          { id: 'e2', start: 0, end: 5, text: 'Associated Press', label: 'ORG' },
        ]),
      ),
    );
    const summary = await runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'wire.jsonl') } });
    const wire = (await lines(join(out, 'wire.jsonl'))).find((r) => r.id === 'wire');
    expect(wire.spans).toEqual([{ start: 62, end: 68, label: 'ORG', text: 'رويترز' }]);
    expect(summary.leftOut).toMatchObject({ orphaned: 1 });
    expect(summary.reanchored.filter((r) => r.file === 'wire.annotations.json')).toEqual([
      {
        file: 'wire.annotations.json',
        kind: 'entity',
        id: 'e1',
        message: 'entity e1 "رويترز" at 60–400: its text is not there; its text is at 62–68 (re-anchored, nearest)',
        said: expect.objectContaining({ key: 'reanchored.moved' }),
      },
      {
        file: 'wire.annotations.json',
        kind: 'entity',
        id: 'e2',
        message:
          'entity e2 "Associated Press" at 0–5: its text is not there, and it is found nowhere else; left out (orphaned)',
        said: expect.objectContaining({ key: 'reanchored.orphaned' }),
      },
    ]);
    // The sidecar older than its text: its spans moved with their text, and are named too.
    expect(summary.reanchored.find((r) => r.file === 'sub/older.annotations.json')?.message).toMatch(
      /^entity t1 "Kishida" at 0–7: the text changed since the sidecar was saved; its text is at 20–27 \(re-anchored, nearest\)$/,
    );
  });

  it('a sidecar with duplicate ids is skipped, named, as validate refuses it', async () => {
    const text = 'قالت رويترز إن الاجتماع انتهى.\n';
    const sidecar = (entities: object[]) => ({
      format: 'tahrir-annotations',
      version: 1,
      source: {
        file: 'wire.txt',
        sha256: createHash('sha256').update(text).digest('hex'),
        length: Array.from(text).length,
      },
      document: { status: 'done' },
      edits: [],
      entities,
      quotes: [],
    });
    await writeFile(join(ws, 'wire.txt'), text);
    await writeFile(
      join(ws, 'wire.annotations.json'),
      JSON.stringify(
        sidecar([
          { id: 'e1', start: 5, end: 11, text: 'رويترز', label: 'ORG' },
          { id: 'e1', start: 5, end: 11, text: 'رويترز', label: 'PERSON' },
        ]),
      ),
    );
    const dup = await runExport({ root: ws, request: { format: 'conll', out: join(out, 'dup.conll') } });
    expect(dup.skipped).toEqual([
      {
        file: 'wire.annotations.json',
        reason: 'broken sidecar: entities[1]: id "e1" is already used by entities[0]',
        reasonMessage: {
          key: 'skipped.broken-sidecar',
          parts: {
            message: { key: 'error.raw', values: { text: 'entities[1]: id "e1" is already used by entities[0]' } },
          },
        },
      },
    ]);
    expect(await readFile(join(out, 'dup.conll'), 'utf8')).not.toMatch(/رويترز/);
  });

  it('filters by status', async () => {
    const summary = await runExport({
      root: ws,
      request: { format: 'jsonl', out: join(out, 'done.jsonl'), status: 'done' },
    });
    expect(summary.documents).toBe(2);
    expect((await lines(join(out, 'done.jsonl'))).map((r) => r.id)).toEqual(['mixed', 'sub/older']);
  });

  it('splits deterministically by id and seed into train/dev/test files', async () => {
    for (let i = 0; i < 40; i++) await writeFile(join(ws, `extra-${i}.txt`), `Document ${i}.\n`);
    const request = { format: 'jsonl' as const, out: join(out, 'set.jsonl'), split: [80, 10, 10], seed: 7 };
    const summary = await runExport({ root: ws, request });
    expect(summary.outputs).toEqual(['train', 'dev', 'test'].map((p) => join(out, `set.${p}.jsonl`)));
    const parts = await Promise.all(summary.outputs.map(async (p) => (await lines(p)).map((r) => r.id)));
    expect(parts.flat().sort()).toHaveLength(43);
    expect(new Set(parts.flat()).size).toBe(43);
    expect(parts[0].length).toBeGreaterThan(parts[1].length);
    for (const [i, ids] of parts.entries()) for (const id of ids) expect(splitPart(id, 7, [80, 10, 10])).toBe(i);
    // Same seed, same split; another seed, another split.
    const again = await runExport({ root: ws, request: { ...request, replace: true } });
    expect(await Promise.all(again.outputs.map(async (p) => (await lines(p)).map((r) => r.id)))).toEqual(parts);
    const moved = Array.from({ length: 43 }, (_, i) => `extra-${i}`).filter(
      (id) => splitPart(id, 7, [80, 10, 10]) !== splitPart(id, 8, [80, 10, 10]),
    );
    expect(moved.length).toBeGreaterThan(0);
  });

  it('rejects a bad split', () => {
    expect(() => checkSplit([50, -1])).toThrow(TahrirError);
    expect(() => checkSplit([1, 1, 1, 1])).toThrow(/one to three/);
  });

  it('cancelled: throws "cancelled" and leaves nothing behind', async () => {
    const controller = new AbortController();
    const run = runExport({
      root: ws,
      request: { format: 'jsonl', out: join(out, 'c.jsonl') },
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(await readdir(out)).toEqual([]);
  });

  it('brat: a folder per export, replaced by the next export, never a folder it did not write', async () => {
    const target = join(out, 'brat');
    await runExport({ root: ws, request: { format: 'brat', out: target } });
    expect((await readdir(target)).sort()).toEqual([
      'annotation.conf',
      'mixed.ann',
      'mixed.txt',
      'plain.ann',
      'plain.txt',
      'sub',
    ]);
    expect(await readFile(join(target, 'sub', 'older.txt'), 'utf8')).toMatch(/^Tokyo, April 2024/);
    await runExport({ root: ws, request: { format: 'brat', out: target, split: [50, 50], seed: 1, replace: true } });
    expect((await readdir(target)).sort()).toEqual(['test', 'train']);
    expect(await readdir(out)).toEqual(['.tahrir-exports.json', 'brat']);
    const precious = join(out, 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'notes.txt'), 'mine');
    await expect(runExport({ root: ws, request: { format: 'brat', out: precious, replace: true } })).rejects.toThrow(
      /not writing over it/,
    );
    expect(await readFile(join(precious, 'notes.txt'), 'utf8')).toBe('mine');
    await writeFile(join(out, 'a-file'), 'also mine');
    await expect(runExport({ root: ws, request: { format: 'brat', out: join(out, 'a-file') } })).rejects.toMatchObject({
      code: 'exists',
    });
    expect(await readFile(join(out, 'a-file'), 'utf8')).toBe('also mine');
  });

  it('never writes over a document, a sidecar or tahrir.json, whatever the format', async () => {
    await writeFile(join(ws, 'tahrir.json'), '{"labels": []}\n');
    const before = await snapshot(ws);
    for (const target of ['plain.txt', 'plain.annotations.json', 'tahrir.json', 'sub/older.txt']) {
      for (const format of ['jsonl', 'labelstudio', 'brat'] as const) {
        const run = runExport({ root: ws, request: { format, out: join(ws, target), replace: true } });
        await expect(run).rejects.toMatchObject({
          code: 'exists',
          file: join(ws, target),
          detail: { earlierExport: false },
        });
      }
    }
    // Nor a new file named like one: it would become part of the workspace.
    await expect(
      runExport({ root: ws, request: { format: 'jsonl', out: join(ws, 'new.annotations.json') } }),
    ).rejects.toThrow(/named like a sidecar/);
    await expect(runExport({ root: ws, request: { format: 'conll', out: join(ws, 'new.txt') } })).rejects.toThrow(
      /named like a document/,
    );
    // Nor the workspace itself, or a folder holding it.
    await expect(runExport({ root: ws, request: { format: 'brat', out: ws, replace: true } })).rejects.toThrow(
      /holds the workspace/,
    );
    await expect(runExport({ root: ws, request: { format: 'brat', out: dir, replace: true } })).rejects.toThrow(
      /holds the workspace/,
    );
    expect(await snapshot(ws)).toEqual(before);
  });

  it('brat: a folder holding only train/dev/test with texts and sidecars in them is refused, not deleted', async () => {
    const target = join(out, 'corpus');
    await writeFiles(target, {
      'train/a.txt': 'An article.\n',
      'train/a.annotations.json': '{}',
      'dev/b.txt': 'Another.\n',
      'test/c.txt': 'A third.\n',
    });
    const before = await snapshot(target);
    const run = runExport({ root: ws, request: { format: 'brat', out: target, split: [80, 10, 10], replace: true } });
    await expect(run).rejects.toMatchObject({ code: 'exists', detail: { earlierExport: false } });
    await expect(runExport({ root: ws, request: { format: 'brat', out: target, replace: true } })).rejects.toThrow(
      /not an earlier Tahrir export; not writing over it/,
    );
    expect(await snapshot(target)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['corpus']); // no temp folder left either
  });

  it('replaces an earlier export only when asked to, and only while it is as the export wrote it', async () => {
    const file = join(out, 'data.jsonl');
    await runExport({ root: ws, request: { format: 'jsonl', out: file } });
    const first = await readFile(file, 'utf8');
    expect(await readdir(out)).toEqual(['.tahrir-exports.json', 'data.jsonl']);
    await expect(runExport({ root: ws, request: { format: 'jsonl', out: file } })).rejects.toMatchObject({
      code: 'exists',
      detail: { earlierExport: true, path: file },
    });
    await writeFile(join(ws, 'plain.txt'), 'A new text for the plain document.\n');
    await runExport({ root: ws, request: { format: 'jsonl', out: file, replace: true } });
    const second = await readFile(file, 'utf8');
    expect(second).not.toBe(first);
    // Edited by hand since: no longer what the export wrote.
    await writeFile(file, second + '{"id": "mine"}\n');
    await expect(runExport({ root: ws, request: { format: 'jsonl', out: file, replace: true } })).rejects.toThrow(
      /changed since; not writing over it/,
    );
    expect(await readFile(file, 'utf8')).toBe(second + '{"id": "mine"}\n');

    // A brat folder: replaced while it holds only what the export wrote.
    const folder = join(out, 'brat');
    await runExport({ root: ws, request: { format: 'brat', out: folder, split: [50, 50], seed: 1 } });
    await runExport({ root: ws, request: { format: 'brat', out: folder, replace: true } });
    expect((await readdir(folder)).sort()).toEqual([
      'annotation.conf',
      'mixed.ann',
      'mixed.txt',
      'plain.ann',
      'plain.txt',
      'sub',
    ]);
    await writeFile(join(folder, 'sub', 'notes.md'), 'mine');
    await expect(runExport({ root: ws, request: { format: 'brat', out: folder, replace: true } })).rejects.toThrow(
      /holds sub\/notes\.md, which no earlier export wrote/,
    );
    expect(await readFile(join(folder, 'sub', 'notes.md'), 'utf8')).toBe('mine');
  });

  it('what is put at the destination while the export runs is not written over, and nothing partial is left', async () => {
    const folder = join(out, 'brat');
    await runExport({ root: ws, request: { format: 'brat', out: folder } });
    const late = runExport({
      root: ws,
      request: { format: 'brat', out: folder, replace: true },
      onProgress: (done) => done === 1 && writeFileSync(join(folder, 'late.txt'), 'written meanwhile'),
    });
    await expect(late).rejects.toThrow(/holds late\.txt, which no earlier export wrote; not writing over it/);
    expect(await readFile(join(folder, 'late.txt'), 'utf8')).toBe('written meanwhile');
    const file = join(out, 'data.jsonl');
    await runExport({ root: ws, request: { format: 'jsonl', out: file } });
    const edited = runExport({
      root: ws,
      request: { format: 'jsonl', out: file, replace: true },
      onProgress: (done) => done === 1 && writeFileSync(file, 'edited meanwhile'),
    });
    await expect(edited).rejects.toThrow(/changed since; not writing over it/);
    expect(await readFile(file, 'utf8')).toBe('edited meanwhile');
    expect((await readdir(out)).sort()).toEqual(['.tahrir-exports.json', 'brat', 'data.jsonl']);
  });

  it('exports finishing together into one folder are all listed, so each can be replaced later', async () => {
    const formats = ['jsonl', 'conll', 'hf', 'w3c', 'labelstudio'] as const;
    await Promise.all(
      formats.map((format) => runExport({ root: ws, request: { format, out: join(out, `together-${format}`) } })),
    );
    const listed = JSON.parse(await readFile(join(out, '.tahrir-exports.json'), 'utf8')).outputs;
    expect(Object.keys(listed).sort()).toEqual(formats.map((f) => `together-${f}`).sort());
    for (const format of formats)
      await runExport({ root: ws, request: { format, out: join(out, `together-${format}`), replace: true } });
  });

  it('never writes through a symbolic link', async () => {
    await writeFile(join(dir, 'elsewhere.jsonl'), 'not an export');
    await symlink(join(dir, 'elsewhere.jsonl'), join(out, 'link.jsonl'));
    await expect(
      runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'link.jsonl'), replace: true } }),
    ).rejects.toThrow(/symbolic link/);
    await mkdir(join(dir, 'outside'));
    await writeFile(join(dir, 'outside', 'keep.txt'), 'mine');
    await symlink(join(dir, 'outside'), join(out, 'brat-link'));
    await expect(
      runExport({ root: ws, request: { format: 'brat', out: join(out, 'brat-link'), replace: true } }),
    ).rejects.toThrow(/symbolic link/);
    // A link inside a folder export is not ours either: refused, not followed or removed.
    await runExport({ root: ws, request: { format: 'brat', out: join(out, 'brat') } });
    await symlink(join(dir, 'outside'), join(out, 'brat', 'sub', 'away'));
    await expect(
      runExport({ root: ws, request: { format: 'brat', out: join(out, 'brat'), replace: true } }),
    ).rejects.toThrow(/sub\/away, which is not a plain file or folder/);
    expect(await readFile(join(dir, 'elsewhere.jsonl'), 'utf8')).toBe('not an export');
    expect(await readFile(join(dir, 'outside', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a brat export inside the workspace is not exported as documents', async () => {
    // Under exports/ (the listing skips it); anywhere else the listing reads, refused (cli/export.test.ts).
    await runExport({ root: ws, request: { format: 'brat', out: join(ws, 'exports', 'exported') } });
    const summary = await runExport({
      root: ws,
      request: { format: 'brat', out: join(ws, 'exports', 'exported'), replace: true },
    });
    expect(summary.documents).toBe(3);
    await expect(
      runExport({ root: ws, request: { format: 'brat', out: join(ws, 'sub', 'exported') } }),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/read as documents/) });
  });

  it('names a sidecar whose text was renamed away as skipped, rather than leaving its annotations out unsaid', async () => {
    await rename(join(ws, 'mixed.txt'), join(ws, 'mixed-renamed.txt'));
    const summary = await runExport({ root: ws, request: { format: 'jsonl', out: join(out, 'a.jsonl') } });
    expect(summary.skipped).toContainEqual({
      file: 'mixed.annotations.json',
      reason: 'its text mixed.txt is missing (moved or deleted?): its annotations are not exported',
      reasonMessage: { key: 'skipped.text-missing', values: { text: 'mixed.txt' } },
    });
  });

  it('every format writes its outputs', async () => {
    for (const format of ['jsonl', 'conll', 'hf', 'w3c', 'labelstudio'] as const) {
      const summary = await runExport({ root: ws, request: { format, out: join(out, `all-${format}`) } });
      expect(existsSync(summary.outputs[0])).toBe(true);
    }
  });

  it('a missing workspace folder is a not-found error', async () => {
    await expect(
      runExport({ root: join(dir, 'nope'), request: { format: 'jsonl', out: join(out, 'x.jsonl') } }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('tahrir export (CLI)', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const o = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
    const e = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    try {
      const code = await runExportCli(args);
      return { code, stdout, stderr };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('exits 2 on usage errors, naming the problem', async () => {
    expect(await cli([ws, '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown format "xml"/),
    });
    expect(await cli([join(dir, 'missing'), '--format', 'jsonl'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no such folder/),
    });
    expect(await cli([ws])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format is required/) });
    expect(await cli([ws, '--format', 'jsonl', '--split', '80,x'])).toMatchObject({ code: 2 });
    expect(await readdir(out)).toEqual([]);
  });

  it('prints the summary; exit 1 when documents were skipped', async () => {
    const ok = await cli([ws, '--format', 'conll', '--out', join(out, 'a.conll')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/exported 3 documents/);
    expect(ok.stdout).toMatch(/left out: 1 inside removed text, 1 overlap \(conll\)/);
    // Each named, with its document and text.
    expect(ok.stdout).toMatch(/^left out of mixed: GPE "Tokyo" \(overlap \(conll\)\)$/m);
    expect(ok.stdout).toMatch(/^left out of mixed: PERSON "كيشيدا" \(inside removed text\)$/m);
    expect(ok.stdout).toMatch(
      /^sub\/older\.annotations\.json: entity t2 "Biden" at 12–17: the text changed since the sidecar was saved; its text is at 32–37 \(re-anchored, nearest\)$/m,
    );
    await addBrokenDocuments();
    const bad = await cli([ws, '--format', 'jsonl', '--out', join(out, 'b.jsonl'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).skipped).toHaveLength(2);
    expect(existsSync(join(out, 'b.jsonl'))).toBe(true);
  });
});
