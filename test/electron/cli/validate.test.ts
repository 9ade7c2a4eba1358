import { cp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../../shared/sidecar';
import { snapshot, tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const repo = join(__dirname, '..', '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
const exampleJson = readFileSync(join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`), 'utf8');
const tahrir = useCliBundle();

async function annotatedSeeds(): Promise<string> {
  const root = await tempFolder();
  await cp(join(repo, 'seeds'), root, { recursive: true });
  await writeFiles(root, { [`${SAMPLE}.annotations.json`]: exampleJson });
  return root;
}

describe('tahrir validate', () => {
  it('exits 0 on the seeds folder as shipped', async () => {
    const r = await tahrir(['validate', join(repo, 'seeds')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sidecars? checked, all valid/);
  });

  it('exits 0 on the sample with the example sidecar, and writes nothing', async () => {
    const root = await annotatedSeeds();
    const before = await snapshot(root);
    const r = await tahrir(['validate', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ sidecars? checked, all valid/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('exits 1 naming each file and problem, and writes nothing', async () => {
    const root = await annotatedSeeds();
    const bad = parseSidecar(exampleJson);
    bad.entities[3].end = 3120;
    bad.quotes[0].speaker = 't99';
    bad.source.file = 'x.txt';
    await writeFiles(root, {
      'more/b.txt': 'نص قصير',
      'more/b.annotations.json': serializeSidecar({
        ...bad,
        source: { ...bad.source, file: 'b.txt' },
        edits: [],
        entities: [],
        quotes: [],
      }),
      'more/c.txt': 'abc',
      'more/c.annotations.json': '{"format": "tahrir-annotations", "version": 1, ',
      'more/d.txt': 'abc',
      'more/d.annotations.json': exampleJson.replace('"version": 1', '"version": 7'),
      'gone.annotations.json': exampleJson,
    });
    await writeFile(join(root, `${SAMPLE}.annotations.json`), JSON.stringify(bad, null, 2));
    const before = await snapshot(root);
    const r = await tahrir(['validate', root]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      `${SAMPLE}.annotations.json: source.file: names "x.txt", not the text file beside it ("${SAMPLE}.txt")`,
    );
    expect(lines).toContain(
      `${SAMPLE}.annotations.json: entities[3]: end 3120 is past the end of the text (2992 code points)`,
    );
    expect(lines).toContain(
      `${SAMPLE}.annotations.json: quotes[0].speaker: speaker "t99" is not an entity in this file`,
    );
    expect(
      lines.some((l) => l.startsWith('more/b.annotations.json: source.length: is 2992 but the text has 7 code points')),
    ).toBe(true);
    expect(lines.some((l) => /^more\/c\.annotations\.json: is not valid JSON .*truncated/.test(l))).toBe(true);
    expect(lines).toContain(
      'more/d.annotations.json: made by a newer Tahrir (version 7); this one reads version 1. Update Tahrir to open it.',
    );
    expect(lines).toContain('gone.annotations.json: its text file gone.txt is missing (moved or deleted?)');
    expect(r.stderr).toMatch(/sidecars checked, 5 files with problems/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('reports a text that export cannot decode, with or without a sidecar, naming the file and the byte (exit 1)', async () => {
    const root = await tempFolder();
    // "A سلام" in windows-1256: not UTF-8 from byte 2 on.
    const legacy = Uint8Array.from([0x41, 0x20, 0xd3, 0xe1, 0xc7, 0xe3, 0x0a]);
    await writeFiles(root, {
      'old/a.txt': legacy,
      'old/b.txt': legacy,
      'old/b.annotations.json': serializeSidecar(
        emptySidecar('b.txt', createHash('sha256').update(legacy).digest('hex'), 7),
      ),
      'fine.txt': 'نص سليم\n',
    });
    const before = await snapshot(root);
    const r = await tahrir(['validate', root]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'old/a.txt: is not valid UTF-8 (first bad byte at offset 2: d3 e1 c7 e3); if it is a legacy Arabic file set its encoding in tahrir.json, e.g. "encodings": {"old/a.txt": "windows-1256"}',
      'old/b.annotations.json: its text file cannot be read: old/b.txt: is not valid UTF-8 (first bad byte at offset 2: d3 e1 c7 e3); if it is a legacy Arabic file set its encoding in tahrir.json, e.g. "encodings": {"old/b.txt": "windows-1256"}',
    ]);
    const json = JSON.parse((await tahrir(['validate', root, '--json'])).stdout);
    expect(json).toMatchObject({
      checked: 1,
      texts: 2,
      valid: false,
      files: [{ file: 'old/a.txt' }, { file: 'old/b.annotations.json' }],
    });
    expect(await snapshot(root)).toEqual(before);
    await writeFiles(root, {
      'tahrir.json': JSON.stringify({ encodings: { 'old/a.txt': 'windows-1256', 'old/b.txt': 'windows-1256' } }),
    });
    expect(await tahrir(['validate', root])).toMatchObject({ code: 0, stderr: '' });
  });

  it('checks labels against tahrir.json and reports a broken tahrir.json', async () => {
    const root = await annotatedSeeds();
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ labels: [{ name: 'PERSON' }, { name: 'GPE' }] }) });
    const r = await tahrir(['validate', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${SAMPLE}.annotations.json: entities[4].label: label "ORG" is not one of the workspace labels (PERSON, GPE)`,
    );
    await writeFiles(root, { 'tahrir.json': '{' });
    const r2 = await tahrir(['validate', root]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/^tahrir\.json: is not valid JSON/m);
    // The overlap policies are true or false, nothing else.
    await writeFiles(root, {
      'tahrir.json': JSON.stringify({ labels: [{ name: 'PERSON', allowAcrossParagraphs: 'yes' }, { name: 'ORG' }] }),
    });
    const r3 = await tahrir(['validate', root]);
    expect(r3.code).toBe(1);
    expect(r3.stdout).toMatch(
      /^tahrir\.json: is not a valid workspace config: labels\[0\]\.allowAcrossParagraphs: must be true or false/m,
    );
  });

  it('prints a JSON report with --json', async () => {
    const root = await annotatedSeeds();
    await writeFiles(root, { 'x.txt': 'abc', 'x.annotations.json': 'nope' });
    const r = await tahrir(['validate', root, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ checked: 2, valid: false, files: [{ file: 'x.annotations.json' }] });
  });

  it('checks each folder as the walk lists it, holding no list of the whole workspace; problems still in id order', async () => {
    // A preload that logs, in order, every folder listed and every file opened.
    const root = await tempFolder();
    const watcher = join(await tempFolder(), 'watch-reads.cjs');
    await writeFile(
      watcher,
      `const fs = require('node:fs');
const fsp = require('node:fs/promises');
const seen = [];
const readdir = fsp.readdir;
fsp.readdir = function (path, ...rest) { seen.push('list ' + path); return readdir.call(this, path, ...rest); };
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) { seen.push('open ' + path); return openSync.call(this, path, ...rest); };
process.on('exit', () => process.stderr.write(seen.join('\\n') + '\\n'));`,
    );
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    await writeFiles(root, {
      'a/article-10.txt': bad,
      'a/article-9.txt': bad,
      'a/B.txt': bad,
      'b/article-2.txt': bad,
      'b/c/fine.txt': 'نص سليم',
      'Article-1.txt': bad,
      'fine.txt': 'نص سليم',
    });
    const r = await tahrir(['validate', root], undefined, ['-r', watcher]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').map((line) => line.split(':')[0])).toEqual([
      'a/article-9.txt',
      'a/article-10.txt',
      'a/B.txt',
      'Article-1.txt',
      'b/article-2.txt',
      '',
    ]);
    const seen = r.stderr.split('\n');
    const lists = seen.filter((line) => line.startsWith('list '));
    expect(lists).toHaveLength(4);
    // Listing every name first and sorting them all held ~33 MB of 100,000 documents' heap (max RSS 120 MB, 72
    // checked folder by folder): here a folder's texts are read before the next folder is listed.
    const firstRead = seen.findIndex((line) => line.startsWith('open ') && line.endsWith('.txt'));
    expect(firstRead).toBeGreaterThan(0);
    expect(firstRead).toBeLessThan(seen.indexOf(lists[lists.length - 1]));
  });

  it('exits 2 on usage errors with one clear line', async () => {
    const root = await tempFolder();
    const missing = await tahrir(['validate', join(root, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(`tahrir validate: the folder ${join(root, 'nope')} does not exist`);
    expect((await tahrir(['validate'])).code).toBe(2);
    expect((await tahrir(['validate', root, '--frobnicate'])).stderr).toContain('unknown option --frobnicate');
    await writeFiles(root, { 'file.txt': 'x' });
    expect((await tahrir(['validate', join(root, 'file.txt')])).stderr).toContain('is not a folder');
    const unknown = await tahrir(['valdate', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "valdate"');
    expect((await tahrir([])).code).toBe(2);
    expect((await tahrir(['--help'])).code).toBe(0);
  });
});
