import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../electron/export-job';
import { runImport } from '../../electron/import-job';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import type { ImportFormat } from '../../shared/api';
import { fixtureDocuments, writeFixtureWorkspace } from '../shared/export/fixture-documents';

let dir: string;
let ws: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-import-'));
  ws = join(dir, 'workspace');
  await mkdir(ws);
  await writeFixtureWorkspace(ws);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The report's English words (what the CLI prints); the messages beside them are checked in i18n-messages.test.ts. */
const inWords = <T extends object>(list: T[]) =>
  list.map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'said' && k !== 'reasonMessage')));
const readSidecarFile = async (id: string) => parseSidecar(await readFile(join(ws, `${id}.annotations.json`), 'utf8'));

/** Keeps the edits, drops every entity and quote: what a pre-annotation import starts from. */
async function blankAnnotations(id: string) {
  const s = await readSidecarFile(id);
  await writeFile(join(ws, `${id}.annotations.json`), serializeSidecar({ ...s, entities: [], quotes: [] }));
}

const cases: [ImportFormat, string, string][] = [
  ['jsonl', 'jsonl', 'x.jsonl'],
  ['brat', 'brat', 'brat'],
  ['labelstudio', 'labelstudio', 'x.json'],
  ['conll', 'conll', 'x.conll'],
];

describe.each(cases)('import %s', (format, exportFormat, name) => {
  it('brings back what was exported, then finds it all already there', async () => {
    const from = join(dir, name);
    await runExport({ root: ws, request: { format: exportFormat as 'jsonl', out: from } });
    const exported = await runExport({ root: ws, request: { format: 'jsonl', out: join(dir, 'before.jsonl') } });
    const before = await readFile(join(dir, 'before.jsonl'), 'utf8');
    await blankAnnotations('mixed');
    const report = await runImport({ root: ws, request: { format, from } });
    expect(inWords(report.skipped)).toEqual([]);
    expect(inWords(report.conflicts)).toEqual([]);
    expect(report.added).toBeGreaterThan(0);
    // Exported again, the imported spans are the same spans.
    await runExport({ root: ws, request: { format: 'jsonl', out: join(dir, 'after.jsonl') } });
    const after = await readFile(join(dir, 'after.jsonl'), 'utf8');
    if (format === 'conll') {
      const spans = (text: string) =>
        JSON.parse(text.split('\n')[0]).spans.map((s: { label: string; text: string }) => `${s.label}:${s.text}`);
      expect(spans(after)).toEqual(spans(before).filter((s: string) => s !== 'GPE:Tokyo')); // the nested entity IOB could not hold
    } else {
      expect(after).toBe(before);
    }
    expect(exported.documents).toBe(3);
    const again = await runImport({ root: ws, request: { format, from } });
    expect(again.added).toBe(0);
    expect(again.duplicates).toBeGreaterThan(0);
  });
});

describe('import safety', () => {
  it('never writes a sidecar it could not read, and names it', async () => {
    const from = join(dir, 'x.jsonl');
    await runExport({ root: ws, request: { format: 'jsonl', out: from } });
    const torn = '{"format": "tahrir-annotations", "vers';
    await writeFile(join(ws, 'mixed.annotations.json'), torn);
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(inWords(report.skipped)).toEqual([
      { file: 'mixed.annotations.json', reason: expect.stringMatching(/broken sidecar/) },
    ]);
    expect(await readFile(join(ws, 'mixed.annotations.json'), 'utf8')).toBe(torn);
  });

  it('reports conflicts and leaves the sidecar as it was', async () => {
    const doc = fixtureDocuments()[0];
    const original = await readFile(join(ws, 'mixed.annotations.json'), 'utf8');
    const text = (await import('../../shared/position-map')).applyEdits(doc.text, doc.sidecar!.edits);
    const at = Array.from(text.slice(0, text.indexOf('عمّان'))).length;
    const from = join(dir, 'conflict.jsonl');
    await writeFile(
      from,
      JSON.stringify({ id: 'mixed', text, spans: [{ start: at, end: at + 5, label: 'PERSON' }] }) + '\n',
    );
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(inWords(report.conflicts)).toEqual([
      { file: 'mixed.annotations.json', message: expect.stringMatching(/labelled PERSON here, GPE in the sidecar/) },
    ]);
    expect(report.added).toBe(0);
    expect(await readFile(join(ws, 'mixed.annotations.json'), 'utf8')).toBe(original);
  });

  it('refuses ids outside the workspace and unknown documents', async () => {
    const from = join(dir, 'evil.jsonl');
    await writeFile(
      from,
      [
        JSON.stringify({ id: '../outside', text: 'x', spans: [] }),
        JSON.stringify({ id: 'nobody', text: 'x', spans: [] }),
      ].join('\n') + '\n',
    );
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(report.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/outside the workspace/),
      expect.stringMatching(/no document "nobody"/),
    ]);
  });

  it('creates the sidecar of a document that had none', async () => {
    const from = join(dir, 'plain.jsonl');
    const text = 'A document nobody has annotated yet.\n';
    await writeFile(from, JSON.stringify({ id: 'plain', text, spans: [{ start: 2, end: 10, label: 'MISC' }] }) + '\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(report.added).toBe(1);
    const s = await readSidecarFile('plain');
    expect(s.entities).toEqual([{ id: 't1', start: 2, end: 10, label: 'MISC', text: 'document' }]);
  });
});

describe('import and the labels of tahrir.json', () => {
  it('leaves a document as it is when the import would give it a label tahrir.json does not define, and says which', async () => {
    await writeFile(join(ws, 'tahrir.json'), JSON.stringify({ labels: [{ name: 'PERSON' }, { name: 'ORG' }] }));
    const from = join(dir, 'weapons.jsonl');
    const text = 'A document nobody has annotated yet.\n';
    const lines = [
      {
        id: 'plain',
        text,
        spans: [
          { start: 2, end: 10, label: 'WEAPON' },
          { start: 0, end: 1, label: 'PERSON' },
        ],
      },
      { id: 'other', text: 'Fine.\n', spans: [] },
    ];
    await writeFile(join(ws, 'other.txt'), 'Fine.\n');
    await writeFile(from, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(inWords(report.skipped)).toEqual([
      {
        file: 'plain.annotations.json',
        reason: 'not written: label "WEAPON" is not defined in tahrir.json (PERSON, ORG); add it there to import it',
      },
    ]);
    expect(report.added).toBe(0);
    await expect(readFile(join(ws, 'plain.annotations.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

/** The import, failing the test (instead of hanging it) when it does not end within `ms`. */
function importWithin(ms: number, options: Parameters<typeof runImport>[0]) {
  return Promise.race([
    runImport(options),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the import did not end within ${ms} ms`)), ms),
    ),
  ]);
}

describe('imports stay inside their folder and the workspace', () => {
  const SECRET = 'SECRET-PAYLOAD-7f3a';

  /** A brat export of the workspace at dir/brat, the workspace's spans then removed so they can come back. */
  async function bratFolder(): Promise<string> {
    const from = join(dir, 'brat');
    await runExport({ root: ws, request: { format: 'brat', out: from } });
    await blankAnnotations('mixed');
    return from;
  }

  it('brat: reads no .ann or .txt through a link leading out of the import folder, says which, and quotes nothing of it', async () => {
    const from = await bratFolder();
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'secret.ann'), `T1\tPERSON 0 5\t${SECRET}\n`);
    await writeFile(join(dir, 'elsewhere', 'secret.txt'), `${SECRET} and more of it\n`);
    // leak.ann → a file outside (its .txt is a real file beside it); peek.txt → a file outside (its .ann a real file).
    await symlink(join(dir, 'elsewhere', 'secret.ann'), join(from, 'leak.ann'));
    await writeFile(join(from, 'leak.txt'), 'Hello world\n');
    await writeFile(join(from, 'peek.ann'), 'T1\tPERSON 0 5\tHello\n');
    await symlink(join(dir, 'elsewhere', 'secret.txt'), join(from, 'peek.txt'));
    // A link that stays inside the folder is read as before.
    await mkdir(join(from, 'inside'));
    await writeFile(join(from, 'inside', 'real.ann'), 'T1\tPERSON 0 5\tHello\n');
    await symlink(join(from, 'inside', 'real.ann'), join(from, 'alias.ann'));
    await writeFile(join(from, 'alias.txt'), 'Hello world\n');

    const report = await importWithin(20_000, { root: ws, request: { format: 'brat', from } });
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(inWords(report.skipped)).toEqual(
      expect.arrayContaining([
        {
          file: join(from, 'leak.ann'),
          reason: expect.stringMatching(/leak\.ann.* leads out of the import folder through a symbolic link; not read/),
        },
        {
          file: join(from, 'peek.ann'),
          reason: expect.stringMatching(/peek\.txt.* leads out of the import folder through a symbolic link; not read/),
        },
      ]),
    );
    // alias.ann was read (its document is not in the workspace), and mixed's spans came back.
    expect(inWords(report.skipped)).toContainEqual({
      file: join(from, 'alias.ann'),
      reason: 'no document "alias" in the workspace',
    });
    expect(report.added).toBeGreaterThan(0);
  });

  it('brat: never follows a link to a folder (two links to their own folder made the walk endless), and says so', async () => {
    const from = await bratFolder();
    await symlink(from, join(from, 'loop-a'));
    await symlink(join(from, 'loop-a'), join(from, 'loop-b'));
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'x.ann'), `T1\tPERSON 0 5\t${SECRET}\n`);
    await symlink(join(dir, 'elsewhere'), join(from, 'out'));
    const report = await importWithin(20_000, { root: ws, request: { format: 'brat', from } });
    for (const link of ['loop-a', 'loop-b', 'out']) {
      expect(inWords(report.skipped)).toContainEqual({
        file: join(from, link),
        reason: 'a symbolic link to a folder: not followed',
      });
    }
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(report.added).toBeGreaterThan(0);
  });

  it('brat: bounds the walk (folders too deep, too many files) with a clear message, and writes nothing', async () => {
    const from = await bratFolder();
    const before = await readFile(join(ws, 'mixed.annotations.json'), 'utf8');
    await mkdir(join(from, 'a', 'b', 'c', 'd', 'e'), { recursive: true });
    const deep = await importWithin(20_000, {
      root: ws,
      request: { format: 'brat', from },
      limits: { maxDepth: 4 },
    }).catch((e: Error) => e);
    expect(deep).toBeInstanceOf(Error);
    expect((deep as Error).message).toMatch(
      /has folders nested more than 4 deep \(a\/b\/c\/d\/e\); import from a folder with fewer levels/,
    );
    for (let i = 0; i < 30; i++) await writeFile(join(from, `extra-${i}.ann`), '');
    const many = await importWithin(20_000, {
      root: ws,
      request: { format: 'brat', from },
      limits: { maxEntries: 25 },
    }).catch((e: Error) => e);
    expect((many as Error).message).toMatch(/holds more than 25 files and folders; import from a smaller folder/);
    expect(await readFile(join(ws, 'mixed.annotations.json'), 'utf8')).toBe(before);
  });

  it('a .ann or an import file that is no regular file (a named pipe would block the read forever) is not read', async () => {
    const from = await bratFolder();
    execFileSync('mkfifo', [join(from, 'pipe.ann')]);
    await writeFile(join(from, 'pipe.txt'), 'Hello world\n');
    const report = await importWithin(20_000, { root: ws, request: { format: 'brat', from } });
    expect(inWords(report.skipped)).toContainEqual({
      file: join(from, 'pipe.ann'),
      reason: expect.stringMatching(/pipe\.ann.* is not a regular file; not read/),
    });
    expect(report.added).toBeGreaterThan(0);
    execFileSync('mkfifo', [join(dir, 'pipe.jsonl')]);
    const refused = await importWithin(20_000, {
      root: ws,
      request: { format: 'jsonl', from: join(dir, 'pipe.jsonl') },
    }).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/pipe\.jsonl: is not a regular file; not read/);
  });

  it('reads no workspace sidecar through a link leading out of the workspace (nor copies it in)', async () => {
    const from = join(dir, 'x.jsonl');
    await runExport({ root: ws, request: { format: 'jsonl', out: from } });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'theirs.annotations.json'), SECRET);
    await rm(join(ws, 'mixed.annotations.json'));
    await symlink(join(dir, 'elsewhere', 'theirs.annotations.json'), join(ws, 'mixed.annotations.json'));
    const report = await importWithin(20_000, { root: ws, request: { format: 'jsonl', from } });
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(inWords(report.skipped)).toContainEqual({
      file: 'mixed.annotations.json',
      reason: expect.stringMatching(/leads out of the workspace through a symbolic link/),
    });
    expect(await readFile(join(dir, 'elsewhere', 'theirs.annotations.json'), 'utf8')).toBe(SECRET);
  });
});

describe('import by text and from the command line', () => {
  it('a Label Studio task without a document id finds its document by its text', async () => {
    const from = join(dir, 'ls.json');
    await runExport({ root: ws, request: { format: 'labelstudio', out: from } });
    const tasks = JSON.parse(await readFile(from, 'utf8')) as { data: Record<string, unknown> }[];
    for (const t of tasks) delete t.data.document;
    await writeFile(from, JSON.stringify(tasks));
    await blankAnnotations('mixed');
    const report = await runImport({ root: ws, request: { format: 'labelstudio', from } });
    expect(inWords(report.skipped)).toEqual([]);
    expect(report.added).toBe(10); // 8 entities and 2 quotes of "mixed" (the hidden one is not in the export)
  });

  it('tahrir import: exit 2 on usage errors, 0 with a report', async () => {
    const { run } = await import('../../electron/cli/import');
    const { vi } = await import('vitest');
    let stdout = '';
    let stderr = '';
    const o = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
    const e = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    try {
      expect(await run([ws, '--format', 'hf', '--from', 'x'])).toBe(2);
      expect(stderr).toMatch(/unknown format "hf"/);
      expect(await run([ws, '--format', 'jsonl'])).toBe(2);
      expect(await run([ws, '--format', 'jsonl', '--from', join(dir, 'missing.jsonl')])).toBe(2);
      const from = join(dir, 'x.jsonl');
      await runExport({ root: ws, request: { format: 'jsonl', out: from } });
      expect(await run([ws, '--format', 'jsonl', '--from', from])).toBe(0);
      expect(stdout).toMatch(/imported into 3 documents: 0 added, \d+ already there/);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  });
});

describe('a long import: progress and cancel', () => {
  /** A JSONL of one entity for each of `n` made-up documents, the documents written without sidecars. */
  async function manyDocuments(n: number): Promise<string> {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `many/doc-${String(i).padStart(3, '0')}`;
      await mkdir(join(ws, 'many'), { recursive: true });
      const text = `Minister Salma Haddad spoke on day ${i}.\n`;
      await writeFile(join(ws, `${id}.txt`), text);
      lines.push(JSON.stringify({ id, text, spans: [{ start: 9, end: 21, label: 'PERSON' }] }));
    }
    const from = join(dir, 'many.jsonl');
    await writeFile(from, lines.join('\n') + '\n');
    return from;
  }

  it('says how far it is, item by item of the source', async () => {
    const from = await manyDocuments(6);
    const seen: [number, number][] = [];
    const report = await runImport({
      root: ws,
      request: { format: 'jsonl', from },
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(report.added).toBe(6);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, 6]));
  });

  it('cancelled, keeps what it merged, touches nothing after, and reports both', async () => {
    const from = await manyDocuments(6);
    const controller = new AbortController();
    const report = await runImport({
      root: ws,
      request: { format: 'jsonl', from },
      signal: controller.signal,
      // The user presses Cancel while the third line is being read.
      onProgress: (done) => done === 2 && controller.abort(),
    });
    expect(report).toMatchObject({ cancelled: true, documents: 3, added: 3, skipped: [] });
    expect((await readSidecarFile('many/doc-002')).entities.map((e) => e.text)).toEqual(['Salma Haddad']);
    await expect(readFile(join(ws, 'many/doc-003.annotations.json'))).rejects.toThrow(/ENOENT/);
  });
});
