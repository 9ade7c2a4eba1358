// `tahrir suggest` as a user runs it: a real process on real files, JSON checked in Python
// (code point offsets must slice the file's text exactly as Python's str does).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot, tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const repo = join(__dirname, '..', '..', '..');
const SAMPLE = '000_b3be894ae1d50a96';
const sampleBytes = readFileSync(join(repo, 'seeds', `${SAMPLE}.txt`));
const tahrir = useCliBundle();

interface SuggestJson {
  file: string;
  edits: { start: number; end: number; text: string; replacement: string; kind: string; rule: string }[];
  metadata: Record<string, unknown>;
}

describe('tahrir suggest', () => {
  it('--json gives the six edits and the metadata of the sample, and writes nothing', async () => {
    const root = await tempFolder();
    await writeFiles(root, { [`${SAMPLE}.txt`]: sampleBytes });
    const before = await snapshot(root);
    const r = await tahrir(['suggest', `${SAMPLE}.txt`, '--json'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SuggestJson;
    expect(out.file).toBe(`${SAMPLE}.txt`);
    expect(out.edits.map((e) => [e.start, e.end, e.kind, e.rule])).toEqual([
      [89, 123, 'boilerplate', 'published-line'],
      [303, 387, 'boilerplate', 'read-more'],
      [1548, 1560, 'boilerplate', 'source-line'],
      [1560, 1578, 'boilerplate', 'source-line'],
      [1578, 1722, 'boilerplate', 'keywords-line'],
      [1722, 2992, 'boilerplate', 'related'],
    ]);
    expect(out.metadata).toMatchObject({ published: '2024-04-11', sourceName: 'RT Arabic' });
    expect(await snapshot(root)).toEqual(before);
  });

  it('offsets are code points: Python slicing of the file matches every edit (BOM, CRLF, emoji)', async () => {
    const root = await tempFolder();
    const text =
      '\uFEFF😀 عنوان الخبر 🇯🇵\r\nتاريخ النشر: 11th, April 2024 GMT\r\nنص المقال 👍🏽 هنا.\r\nاقرأ أيضا: عنوان آخر\r\nالمصدر: رويترز\r\nکوریا';
    await writeFiles(root, { 'a.txt': text });
    const r = await tahrir(['suggest', 'a.txt', '--json'], root);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SuggestJson;
    expect(out.edits.map((e) => e.rule)).toEqual(['published-line', 'read-more', 'source-line', 'letter-variants']);
    expect(out.edits[0].text).toBe('تاريخ النشر: 11th, April 2024 GMT\r\n');
    const check = [
      'import json, sys',
      'data = json.load(open(sys.argv[1], encoding="utf-8"))',
      'text = open(sys.argv[2], encoding="utf-8-sig", newline="").read()',
      'bad = [e for e in data["edits"] if text[e["start"]:e["end"]] != e["text"]]',
      'print("ok" if not bad else bad)',
    ].join('\n');
    await writeFiles(root, { 'out.json': r.stdout, 'check.py': check });
    expect(
      execFileSync('/usr/bin/python3', [join(root, 'check.py'), join(root, 'out.json'), join(root, 'a.txt')], {
        encoding: 'utf8',
      }).trim(),
    ).toBe('ok');
  });

  it('without --json prints a readable list', async () => {
    const root = await tempFolder();
    await writeFiles(root, { [`${SAMPLE}.txt`]: sampleBytes });
    const r = await tahrir(['suggest', `${SAMPLE}.txt`], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^000_b3be894ae1d50a96\.txt: 6 suggestions\n/u);
    expect(r.stdout).toMatch(/303–387\s+read-more/u);
    expect(r.stdout).toMatch(/sourceName: RT Arabic/u);
  });

  it('bad input: one line naming the file, exit 1 for data and 2 for usage', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'bad.txt': new Uint8Array([0x61, 0xff, 0x62]) });
    const missing = await tahrir(['suggest', 'nope.txt'], root);
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toMatch(/^tahrir suggest: nope\.txt: does not exist/u);
    const broken = await tahrir(['suggest', 'bad.txt'], root);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/bad\.txt/u);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    const usage = await tahrir(['suggest'], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: tahrir suggest <file\.txt> .*\[--json\]/u);
    expect((await tahrir(['suggest', 'a.txt', '--frob'], root)).code).toBe(2);
  });
});
