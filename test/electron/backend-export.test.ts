import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import type { TahrirEvent } from '../../shared/api';
import { writeFixtureWorkspace } from '../shared/export/fixture-documents';

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-backend-export-'));
  await mkdir(join(dir, 'ws'));
  await writeFixtureWorkspace(join(dir, 'ws'));
  backend = await Backend.open(join(dir, 'ws'));
});
afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

function until(events: TahrirEvent[], type: TahrirEvent['type']): Promise<TahrirEvent> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const hit = events.find((e) => e.type === type);
      if (hit) {
        clearInterval(timer);
        resolve(hit);
      }
    }, 10);
  });
}

it('startExport: progress events, then the summary; a relative destination lands inside the workspace', async () => {
  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  const { jobId } = await backend.startExport({ format: 'jsonl', out: 'exports/data.jsonl' });
  const finished = await until(events, 'export-finished');
  off();
  expect(finished).toMatchObject({
    type: 'export-finished',
    jobId,
    summary: { documents: 3, outputs: [join(backend.root, 'exports', 'data.jsonl')] },
  });
  const progress = events.filter((e) => e.type === 'export-progress');
  expect(progress.at(-1)).toMatchObject({ jobId, done: 3, total: 3 });
});

it('cancelExport: the job fails as cancelled and writes nothing', async () => {
  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  const { jobId } = await backend.startExport({ format: 'jsonl', out: join(dir, 'out.jsonl') });
  await backend.cancelExport(jobId);
  const failed = await until(events, 'export-failed');
  off();
  expect(failed).toMatchObject({ jobId, error: { code: 'cancelled' } });
  expect(await readdir(dir)).toEqual(['ws']);
});

it('importAnnotations: merges and reports', async () => {
  const out = join(dir, 'again.jsonl');
  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  await backend.startExport({ format: 'jsonl', out });
  await until(events, 'export-finished');
  off();
  const report = await backend.importAnnotations({ format: 'jsonl', from: out });
  expect(report).toMatchObject({ documents: 3, added: 0, conflicts: [], skipped: [] });
  expect(report.duplicates).toBeGreaterThan(0);
});

it('importAnnotations: import-progress events while it runs; cancelImport stops it with the report of what it merged', async () => {
  const out = join(dir, 'again.jsonl');
  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  await backend.startExport({ format: 'jsonl', out });
  await until(events, 'export-finished');
  // The editor's Cancel, pressed at the first sign of progress (the import is three lines long).
  const offCancel = backend.onEvent((e) => {
    if (e.type === 'import-progress') void backend.cancelImport();
  });
  const report = await backend.importAnnotations({ format: 'jsonl', from: out });
  off();
  offCancel();
  expect(events.filter((e) => e.type === 'import-progress')).toEqual([{ type: 'import-progress', done: 0, total: 3 }]);
  expect(report).toMatchObject({ cancelled: true, documents: 1, skipped: [] });
  // The next import is not cancelled by the last one's Cancel.
  expect(await backend.importAnnotations({ format: 'jsonl', from: out })).toMatchObject({ documents: 3 });
});

it('importAnnotations: its writes are told once it is over, one event a document and the list once, none by the watch', async () => {
  const out = join(dir, 'more.jsonl');
  const lines = [];
  for (let i = 0; i < 8; i++) {
    const text = `Minister Salma Haddad spoke on day ${i}.\n`;
    await writeFile(join(backend.root, `day-${i}.txt`), text);
    lines.push(JSON.stringify({ id: `day-${i}`, text, spans: [{ start: 9, end: 21, label: 'PERSON' }] }));
  }
  await writeFile(out, lines.join('\n') + '\n');
  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  await backend.watching();
  let during = -1;
  const report = await backend.importAnnotations({ format: 'jsonl', from: out });
  during = events.filter((e) => e.type !== 'import-progress').length;
  // What the watch would report of the writes comes well within this (its batches wait 50–300 ms).
  await new Promise((r) => setTimeout(r, 1500));
  off();
  expect(report.added).toBe(8);
  const told = events.filter((e) => e.type !== 'import-progress');
  expect(told).toHaveLength(during);
  expect(told.filter((e) => e.type === 'sidecar-changed').map((e) => 'id' in e && e.id)).toEqual(
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `day-${i}`),
  );
  expect(told.at(-1)).toEqual({ type: 'documents-changed' });
});

it('a destination that leaves the workspace by ".." is refused', async () => {
  await expect(backend.startExport({ format: 'jsonl', out: '../escape.jsonl' })).rejects.toMatchObject({
    code: 'outside-workspace',
  });
});

it('startExport refuses at once a destination that is taken: a document always, an earlier export until replacing is confirmed', async () => {
  const document = join(backend.root, 'plain.txt');
  const text = await readFile(document, 'utf8');
  await expect(backend.startExport({ format: 'jsonl', out: 'plain.txt', replace: true })).rejects.toMatchObject({
    code: 'exists',
    detail: { earlierExport: false },
  });
  expect(await readFile(document, 'utf8')).toBe(text);

  const events: TahrirEvent[] = [];
  const off = backend.onEvent((e) => events.push(e));
  await backend.startExport({ format: 'conll', out: 'exports/set.conll' });
  await until(events, 'export-finished');
  await expect(backend.startExport({ format: 'conll', out: 'exports/set.conll' })).rejects.toMatchObject({
    code: 'exists',
    detail: { earlierExport: true, path: join(backend.root, 'exports', 'set.conll') },
  });
  events.length = 0;
  const { jobId } = await backend.startExport({ format: 'conll', out: 'exports/set.conll', replace: true });
  expect(await until(events, 'export-finished')).toMatchObject({ jobId });
  off();
});
