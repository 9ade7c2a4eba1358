// `tahrir export --format jsonl` copies each document's text into its output once: counted as V8's young-generation
// collections over the real process (`--trace-gc`; the command keeps that generation at one size), a work count that
// the machine's load does not move. Main before this change: 28 over these 300 articles of ~9,300 characters (the text
// copied quoted by JSON.stringify, then flattened to be encoded); after it, 19–20.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

const tahrir = useCliBundle();

// Quotes to escape and a line end per sentence: the text is written in runs between escapes.
const SENTENCE = 'قال وزير الخارجية أيمن الصفدي في عمّان إن "المفاوضات" مستمرة.\n';
const DOCUMENTS = 300;

describe('tahrir export: a jsonl line’s text copied once', () => {
  it('collects the young generation at most 24 times over 300 long articles (28 when the text was copied thrice)', async () => {
    const ws = await tempFolder();
    await mkdir(join(ws, 'news'));
    for (let n = 0; n < DOCUMENTS; n++) {
      const text = `Article ${n}\n` + SENTENCE.repeat(150);
      const name = 'أيمن الصفدي';
      const at = text.indexOf(name);
      const sidecar = {
        format: 'tahrir-annotations',
        version: 1,
        source: {
          file: `doc-${n}.txt`,
          sha256: createHash('sha256').update(text).digest('hex'),
          length: Array.from(text).length,
        },
        document: { status: 'done' },
        edits: [],
        entities: [{ id: 'e1', start: at, end: at + name.length, label: 'PER', text: name }],
        quotes: [],
      };
      await writeFile(join(ws, 'news', `doc-${n}.txt`), text);
      await writeFile(join(ws, 'news', `doc-${n}.annotations.json`), JSON.stringify(sidecar, null, 2));
    }
    const out = join(await tempFolder(), 'all.jsonl');
    const r = await tahrir(['export', ws, '--format', 'jsonl', '--out', out], undefined, ['--trace-gc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exported 300 documents/);
    const lines = (await readFile(out, 'utf8')).split('\n');
    expect(JSON.parse(lines[7]).text).toBe(`Article 7\n` + SENTENCE.repeat(150));
    const scavenges = r.stdout.split('\n').filter((l) => / Scavenge /.test(l)).length;
    expect(scavenges).toBeGreaterThan(0);
    expect(scavenges).toBeLessThanOrEqual(24);
  }, 120_000);
});
