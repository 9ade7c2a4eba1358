import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(report.skipped).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(report.added).toBeGreaterThan(0);
    // Exported again, the imported spans are the same spans.
    await runExport({ root: ws, request: { format: 'jsonl', out: join(dir, 'after.jsonl') } });
    const after = await readFile(join(dir, 'after.jsonl'), 'utf8');
    if (format === 'conll') {
      const spans = (text: string) => JSON.parse(text.split('\n')[0]).spans.map((s: { label: string; text: string }) => `${s.label}:${s.text}`);
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
    expect(report.skipped).toEqual([{ file: 'mixed.annotations.json', reason: expect.stringMatching(/broken sidecar/) }]);
    expect(await readFile(join(ws, 'mixed.annotations.json'), 'utf8')).toBe(torn);
  });

  it('reports conflicts and leaves the sidecar as it was', async () => {
    const doc = fixtureDocuments()[0];
    const original = await readFile(join(ws, 'mixed.annotations.json'), 'utf8');
    const text = (await import('../../shared/position-map')).applyEdits(doc.text, doc.sidecar!.edits);
    const at = Array.from(text.slice(0, text.indexOf('عمّان'))).length;
    const from = join(dir, 'conflict.jsonl');
    await writeFile(from, JSON.stringify({ id: 'mixed', text, spans: [{ start: at, end: at + 5, label: 'PERSON' }] }) + '\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(report.conflicts).toEqual([{ file: 'mixed.annotations.json', message: expect.stringMatching(/labelled PERSON here, GPE in the sidecar/) }]);
    expect(report.added).toBe(0);
    expect(await readFile(join(ws, 'mixed.annotations.json'), 'utf8')).toBe(original);
  });

  it('refuses ids outside the workspace and unknown documents', async () => {
    const from = join(dir, 'evil.jsonl');
    await writeFile(from, [JSON.stringify({ id: '../outside', text: 'x', spans: [] }), JSON.stringify({ id: 'nobody', text: 'x', spans: [] })].join('\n') + '\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(report.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/outside the workspace/), expect.stringMatching(/no document "nobody"/)]);
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
      { id: 'plain', text, spans: [{ start: 2, end: 10, label: 'WEAPON' }, { start: 0, end: 1, label: 'PERSON' }] },
      { id: 'other', text: 'Fine.\n', spans: [] },
    ];
    await writeFile(join(ws, 'other.txt'), 'Fine.\n');
    await writeFile(from, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    expect(report.skipped).toEqual([
      { file: 'plain.annotations.json', reason: 'not written: label "WEAPON" is not defined in tahrir.json (PERSON, ORG); add it there to import it' },
    ]);
    expect(report.added).toBe(0);
    await expect(readFile(join(ws, 'plain.annotations.json'), 'utf8')).rejects.toThrow(/ENOENT/);
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
    expect(report.skipped).toEqual([]);
    expect(report.added).toBe(10); // 8 entities and 2 quotes of "mixed" (the hidden one is not in the export)
  });

  it('tahrir import: exit 2 on usage errors, 0 with a report', async () => {
    const { run } = await import('../../electron/cli/import');
    const { vi } = await import('vitest');
    let stdout = '';
    let stderr = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
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
