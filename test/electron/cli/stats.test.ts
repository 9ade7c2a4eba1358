import { readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../../shared/sidecar';
import { snapshot, tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const repo = join(__dirname, '..', '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
const exampleJson = readFileSync(join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`), 'utf8');
const tahrir = useCliBundle();

async function workspace(): Promise<string> {
  const root = await tempFolder();
  const second = emptySidecar('b.txt', '0'.repeat(64), 3);
  second.document.status = 'in_progress';
  second.entities = [{ id: 't1', start: 0, end: 3, label: 'ORG', text: 'abc' }];
  second.quotes = [
    { id: 'q1', start: 0, end: 3, text: 'abc', speaker: null, kind: 'indirect' },
    { id: 'q2', start: 0, end: 3, text: 'abc', speaker: null, kind: 'direct', speakerName: 'someone' },
  ];
  await writeFiles(root, {
    [`${SAMPLE}.txt`]: readFileSync(join(repo, 'seeds', `${SAMPLE}.txt`)),
    [`${SAMPLE}.annotations.json`]: exampleJson,
    'sub/b.txt': 'abc',
    'sub/b.annotations.json': serializeSidecar(second),
    'sub/c.txt': 'todo text',
  });
  return root;
}

describe('tahrir stats', () => {
  it('counts documents per status, spans per label, quotes with and without speaker (--json)', async () => {
    const root = await workspace();
    const before = await snapshot(root);
    const r = await tahrir(['stats', root, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const example = parseSidecar(exampleJson);
    expect(s.documents).toBe(3);
    expect(s.byStatus).toEqual({ todo: 1, in_progress: 1, done: 1 });
    expect(s.spansByLabel).toEqual({ GPE: 1, ORG: 2, PERSON: 6 });
    expect(s.entities).toBe(example.entities.length + 1);
    expect(s.quotes).toEqual({ total: 4, withSpeaker: 3, withoutSpeaker: 1 });
    expect(s.edits).toEqual({ total: 6, byKind: { boilerplate: 6 } });
    expect(s.problems).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
  });

  it('prints a readable table', async () => {
    const r = await tahrir(['stats', await workspace()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^documents: 3$/m);
    expect(r.stdout).toMatch(/^ {2}PERSON +6$/m);
    expect(r.stdout).toMatch(/^ {2}without speaker +1$/m);
  });

  it('names an unreadable sidecar and exits 1, still counting the rest', async () => {
    const root = await workspace();
    await writeFiles(root, { 'sub/c.annotations.json': '{"format"' });
    const r = await tahrir(['stats', root, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).documents).toBe(3);
    expect(r.stderr).toMatch(/^sub\/c\.annotations\.json: is not valid JSON/m);
  });

  it('names a sidecar whose text is gone and exits 1, as validate and export do', async () => {
    const root = await workspace();
    // The text renamed outside the app: its sidecar is left behind, its annotations out of any export.
    await rename(join(root, 'sub', 'b.txt'), join(root, 'sub', 'b-renamed.txt'));
    const r = await tahrir(['stats', root, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    // Still counted, as the editor's document list shows it (a row with the problem), its status its sidecar's.
    expect(s.documents).toBe(4);
    expect(s.byStatus).toEqual({ todo: 2, in_progress: 1, done: 1 });
    expect(s.problems).toEqual([
      {
        file: 'sub/b.annotations.json',
        message:
          'sub/b.annotations.json: its text sub/b.txt is missing (moved or deleted?): its annotations are not exported',
      },
    ]);
    expect(r.stderr).toMatch(/^sub\/b\.annotations\.json: its text sub\/b\.txt is missing/m);
    const exported = await tahrir(['export', root, '--format', 'jsonl', '--out', join(root, '..', 'x.jsonl')]);
    expect(exported.code).toBe(r.code);
    expect((await tahrir(['validate', root])).code).toBe(r.code);
  });

  it('exits 2 without a folder', async () => {
    const r = await tahrir(['stats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: tahrir stats <folder> [--json]');
  });
});
