// `tahrir export`'s hot path stays optimized: what a rare document takes (one with many spans, met late in a large
// export) must not throw away the optimized code of the function every document goes through more than once. Counted
// from V8's own trace of the real process (`--trace-opt --trace-deopt`, compiling on the main thread): a work count, not a time.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();

const WORDS = ['Reuters', 'reported', 'that', 'the', 'minister', 'said', 'on', 'Monday', 'in', 'Cairo', 'and', 'Paris'];

/** A short article and its sidecar: `spans` entities and `quotes` quotes, every offset holding its text. */
async function writeArticle(folder: string, name: string, n: number, spans: number, quotes: number): Promise<void> {
  const words = Array.from({ length: spans * 2 + 20 }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]);
  const text = words.join(' ') + '\n';
  const entities = [];
  const quoteList = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i % 2 === 0 && entities.length < spans)
      entities.push({ id: `t${entities.length + 1}`, start: at, end: at + w.length, label: 'ORG', text: w });
    else if (i % 2 === 1 && quoteList.length < quotes)
      quoteList.push({
        id: `q${quoteList.length + 1}`,
        start: at,
        end: at + w.length,
        text: w,
        speaker: null,
        kind: 'direct',
      });
    at += w.length + 1;
  }
  const sidecar = {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: `${name}.txt`, sha256: createHash('sha256').update(text).digest('hex'), length: text.length },
    document: { status: 'done' },
    edits: [],
    entities,
    quotes: quoteList,
  };
  await writeFile(join(folder, `${name}.txt`), text);
  await writeFile(join(folder, `${name}.annotations.json`), JSON.stringify(sidecar, null, 2) + '\n');
}

describe('tahrir export keeps its hot path optimized', () => {
  it("discards toExportRecord's optimized code at most once when documents with many spans come late", async () => {
    const ws = await tempFolder();
    await mkdir(join(ws, 'news'));
    // As in the bench's 10,000 articles: short ones (2-11 entities, every other one a quote: the few-ids check), one
    // with 40 entities, more short ones, one with 33 entities and a quote (a span of another shape in the many-ids
    // path), then short ones again; each long one comes once toExportRecord is hot.
    const plan: [string, number, number][] = [];
    const short = (prefix: string, n: number) => {
      for (let i = 0; i < n; i++) plan.push([`${prefix}-${String(i).padStart(4, '0')}`, 2 + (i % 10), i % 2]);
    };
    short('a', 1500);
    plan.push(['b-long', 40, 0]);
    short('c', 2000);
    plan.push(['d-long', 33, 1]);
    short('e', 300);
    for (const [k, [name, spans, quotes]] of plan.entries())
      await writeArticle(join(ws, 'news'), name, k, spans, quotes);

    const out = join(await tempFolder(), 'all.jsonl');
    const r = await tahrir(['export', ws, '--format', 'jsonl', '--out', out], undefined, [
      '--trace-opt',
      '--trace-deopt',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exported 3802 documents/);
    const lines = r.stdout.split('\n');
    const compiles = lines.filter((l) => /completed compiling .*<JSFunction toExportRecord /.test(l));
    const discarded = lines.filter((l) => /deoptimizing .*<JSFunction toExportRecord /.test(l));
    // Main before this change: discarded twice (a `new Map`, then a span of another shape), compiled a third time.
    expect(compiles.length).toBeGreaterThanOrEqual(1);
    expect(discarded.length, discarded.join('\n')).toBeLessThanOrEqual(1);
  }, 120_000);
});
