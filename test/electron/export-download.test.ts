// What `tahrir serve` hands the browser of an export (electron/export-download.ts): only an output
// an export of ours wrote inside the workspace; a folder as a tar archive that Python's tarfile
// reads back, long Arabic names included (a pax header).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDownload } from '../../electron/export-download';
import { runExport } from '../../electron/export-job';
import { tarArchive } from '../../shared/tar-archive';
import { writeFixtureWorkspace } from '../shared/export/fixture-documents';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-download-'));
  await writeFixtureWorkspace(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportDownload', () => {
  it('hands over an export’s file, and a brat folder as a tar of the files it wrote', async () => {
    await runExport({ root: dir, request: { format: 'jsonl', out: join(dir, 'exports', 'a.jsonl') } });
    const file = await exportDownload(dir, join(dir, 'exports', 'a.jsonl'));
    expect(file.name).toBe('a.jsonl');
    await runExport({ root: dir, request: { format: 'brat', out: join(dir, 'exports', 'b') } });
    const folder = await exportDownload(dir, 'exports/b');
    expect(folder.name).toBe('b.tar');
    const tar = join(dir, 'b.tar');
    await writeFile(tar, folder.data);
    expect(execFileSync('tar', ['-tf', tar], { encoding: 'utf8' }).trim().split('\n')).toContain('b/annotation.conf');
  });

  it('refuses what no export wrote: a document, a path leading out of the workspace', async () => {
    await expect(exportDownload(dir, 'plain.txt')).rejects.toMatchObject({ code: 'not-found' });
    await expect(exportDownload(dir, '../outside.jsonl')).rejects.toThrow();
    await mkdir(join(dir, 'exports'));
    await writeFile(join(dir, 'exports', 'mine.jsonl'), 'my own notes\n');
    await expect(exportDownload(dir, 'exports/mine.jsonl')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('tarArchive', () => {
  it('is read back by Python’s tarfile, a name over 100 bytes (Arabic) included', () => {
    const long = `brat/${'تقرير_طويل_'.repeat(12)}.ann`;
    const data = tarArchive([
      { path: 'brat/a.txt', data: new TextEncoder().encode('جو بايدن\n') },
      { path: long, data: new Uint8Array(1000).fill(65) },
    ]);
    const read = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, tarfile, io, json\nt = tarfile.open(fileobj=io.BytesIO(sys.stdin.buffer.read()))\nprint(json.dumps([[m.name, m.size, t.extractfile(m).read().decode()[:8]] for m in t.getmembers()], ensure_ascii=False))',
      ],
      { input: data, encoding: 'utf8' },
    );
    expect(JSON.parse(read)).toEqual([
      ['brat/a.txt', Buffer.byteLength('جو بايدن\n'), 'جو بايدن'],
      [long, 1000, 'AAAAAAAA'],
    ]);
  });
});
