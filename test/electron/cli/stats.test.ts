import { readFileSync } from 'node:fs';
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

  it('exits 2 without a folder', async () => {
    const r = await tahrir(['stats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: tahrir stats <folder> [--json]');
  });
});
