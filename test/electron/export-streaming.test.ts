// The export streams: a real run over a real workspace holds a few documents at a time, not
// the corpus (live heap after a full garbage collection, measured while it runs), writes records
// larger than its output buffer in their place, and reads the same with blocking reads (the
// `tahrir` command) as with the app's read-ahead.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/export-job';
import { serializeSidecar } from '../../shared/sidecar';
import type { Sidecar } from '../../shared/model';
import { fixtureDocuments, sha256, writeFixtureWorkspace } from '../shared/export/fixture-documents';
import { tempFolder, writeFiles } from './temp-folder';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PARAGRAPH = 'قال وزير الخارجية أيمن الصفدي في عمّان إن المفاوضات مستمرة. The talks go on, he said. ';

/** An article of about `bytes` UTF-8 bytes, its sidecar tagging the minister in every paragraph. */
function article(n: number, bytes: number): { text: string; sidecar: string } {
  const paragraphs = Math.max(1, Math.round(bytes / Buffer.byteLength(PARAGRAPH)));
  const text = `Article ${n}\n` + PARAGRAPH.repeat(paragraphs);
  const head = Array.from(`Article ${n}\n`).length;
  const name = 'أيمن الصفدي';
  const at = Array.from(PARAGRAPH.slice(0, PARAGRAPH.indexOf(name))).length;
  const step = Array.from(PARAGRAPH).length;
  const entities = Array.from({ length: paragraphs }, (_, i) => ({
    id: `e${i}`,
    start: head + i * step + at,
    end: head + i * step + at + Array.from(name).length,
    label: 'PER',
    text: name,
  }));
  const sidecar: Sidecar = {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: `doc-${n}.txt`, sha256: sha256(text), length: Array.from(text).length },
    document: { status: 'done' },
    edits: [],
    entities,
    quotes: [],
  };
  return { text, sidecar: serializeSidecar(sidecar) };
}

async function writeArticles(root: string, count: number, bytes: (n: number) => number): Promise<void> {
  const files: Record<string, string> = {};
  for (let n = 0; n < count; n++) {
    const { text, sidecar } = article(n, bytes(n));
    const name = `batch-${Math.floor(n / 100)}/doc-${String(n).padStart(4, '0')}`;
    files[`${name}.txt`] = text;
    files[`${name}.annotations.json`] = sidecar;
  }
  await writeFiles(root, files);
}

const MiB = 2 ** 20;

describe.each([
  ['read ahead (the app)', false],
  ['blocking reads (the tahrir command)', true],
])('export streaming, %s', (_name, blockingReads) => {
  it('holds a few documents at a time, not the corpus, from the first to the last', async () => {
    const root = await tempFolder();
    const count = 400;
    // 400 articles of 24 KB: over 10 MiB of text in memory (Arabic takes two bytes a character), more with the clean text.
    await writeArticles(root, count, () => 24_000);
    const out = join(await tempFolder(), 'out.jsonl');
    gc();
    const before = process.memoryUsage().heapUsed;
    const grown: number[] = [];
    const marks = new Set([40, 200, count - 1]);
    const summary = await runExport({
      root,
      request: { format: 'jsonl', out },
      blockingReads,
      onProgress: (done) => {
        if (!marks.has(done)) return;
        gc();
        grown.push((process.memoryUsage().heapUsed - before) / MiB);
      },
    });
    expect(summary.documents).toBe(count);
    expect(grown).toHaveLength(3);
    // Measured: under 1 MiB (16 documents read ahead); reading the whole corpus ahead holds 20 MiB at the first mark.
    for (const g of grown) expect(g).toBeLessThan(4);
  }, 120_000);

  it('writes a record larger than its output buffer in its place, between small ones', async () => {
    const root = await tempFolder();
    await writeArticles(root, 5, (n) => (n === 2 ? 900_000 : 2_000));
    const out = join(await tempFolder(), 'out.jsonl');
    const summary = await runExport({ root, request: { format: 'jsonl', out }, blockingReads });
    expect(summary.documents).toBe(5);
    const records = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual([0, 1, 2, 3, 4].map((n) => `batch-0/doc-000${n}`));
    for (const [n, r] of records.entries()) {
      expect(r.text).toBe(article(n, n === 2 ? 900_000 : 2_000).text);
      expect(r.spans.length).toBeGreaterThan(0);
      const codePoints = Array.from(r.text as string);
      for (const s of r.spans) expect(codePoints.slice(s.start, s.end).join('')).toBe(s.text);
    }
  }, 60_000);
});

it('blocking reads still let a cancel in, even when the filter writes nothing', async () => {
  const root = await tempFolder();
  await writeArticles(root, 300, () => 500);
  const out = join(await tempFolder(), 'out.jsonl');
  const controller = new AbortController();
  let seen = 0;
  const run = runExport({
    root,
    // Every article is done: nothing is written, so no write ever waits on the disk.
    request: { format: 'jsonl', out, status: 'todo' },
    blockingReads: true,
    signal: controller.signal,
    onProgress: (done) => {
      seen = done;
      // Runs only when the export lets the event loop turn.
      if (done === 10) setImmediate(() => controller.abort());
    },
  });
  await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  expect(seen).toBeLessThan(100);
});

it('blocking reads export the same bytes and summary as read-ahead, broken documents included', async () => {
  const root = await tempFolder();
  await writeFixtureWorkspace(root, fixtureDocuments());
  await writeFile(join(root, 'broken.txt'), 'A text whose sidecar is torn.\n');
  await writeFile(join(root, 'broken.annotations.json'), '{"format": "tahrir-annotations", "version": 1, "sour');
  await writeFile(join(root, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const dir = await tempFolder();
  for (const format of ['jsonl', 'conll', 'w3c'] as const) {
    const a = await runExport({ root, request: { format, out: join(dir, `a-${format}`) } });
    const b = await runExport({ root, request: { format, out: join(dir, `b-${format}`) }, blockingReads: true });
    expect(b.skipped.length).toBe(2);
    expect({ ...b, outputs: [] }).toEqual({ ...a, outputs: [] });
    expect(await readFile(b.outputs[0])).toEqual(await readFile(a.outputs[0]));
  }
});
