// The jsonl export writes each text as JSON.stringify would, escaping it as it copies it into the output buffer
// (FileOutput.appendJsonString): every character that JSON escapes or leaves as it is, surrogate pairs, and texts that
// land where the buffer is nearly full (written through JSON.stringify then) or are longer than the whole buffer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../electron/export-job';
import { tempFolder, writeFiles } from './temp-folder';

/** Every code point below U+0800 but NUL (a text has none), then quotes, backslashes, pairs and line separators. */
const EVERY_SHORT = Array.from({ length: 0x7ff }, (_, i) => String.fromCodePoint(i + 1)).join('');
const TRICKY = `${EVERY_SHORT}"\\"\\\\ 😀𝕏 \u2028\u2029 \ufeff\uffff end\r\n`;

describe('jsonl: a text escaped as it is copied', () => {
  it('writes every text as JSON.stringify does, at any place in the output buffer', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {};
    // ~4 KB a document: 150 of them fill the 256 KB buffer more than twice, each time at another place.
    for (let n = 0; n < 150; n++) files[`doc-${String(n).padStart(3, '0')}.txt`] = `${n} ${TRICKY}`;
    // Longer than the buffer: written on its own.
    files['long.txt'] = TRICKY.repeat(100);
    await writeFiles(root, files);
    for (const blockingReads of [true, false]) {
      const out = join(await tempFolder(), 'all.jsonl');
      const summary = await runExport({ root, request: { format: 'jsonl', out }, blockingReads });
      expect(summary.documents).toBe(151);
      const lines = (await readFile(out, 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      const texts = Object.keys(files)
        .sort()
        .map((f) => files[f]);
      expect(lines).toHaveLength(texts.length);
      lines.forEach((line, i) => expect(line).toContain(`,"text":${JSON.stringify(texts[i])},"spans":`));
    }
  }, 60_000);
});
