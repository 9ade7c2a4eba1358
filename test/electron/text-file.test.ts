import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TahrirError } from '../../shared/errors';
import {
  decodeText,
  firstInvalidUtf8Byte,
  readTextFile as readTextFileAsync,
  readTextFileSync,
  RecentTexts,
} from '../../electron/text-file';
import { snapshot, tempFolder, writeFiles } from './temp-folder';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function rejection(p: Promise<unknown>): Promise<TahrirError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TahrirError);
    return e as TahrirError;
  }
  throw new Error('expected a rejection');
}

// The blocking reader (the `tahrir` command) must behave exactly as the async one: same text, hash, errors.
const readers: [string, typeof readTextFileAsync][] = [
  ['readTextFile', readTextFileAsync],
  ['readTextFileSync', async (...args) => readTextFileSync(...args)],
];

describe.each(readers)('%s', (_name, readTextFile) => {
  it('removes a leading BOM, keeps CRLF, and hashes the raw bytes', async () => {
    const dir = await tempFolder();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('عمّان 🇯🇴\r\nline two\r\n', 'utf8')]);
    await writeFiles(dir, { 'a.txt': bytes });
    const t = await readTextFile(join(dir, 'a.txt'));
    expect(t.text).toBe('عمّان 🇯🇴\r\nline two\r\n');
    expect(t.sha256).toBe(sha(bytes));
    expect(t.bytes).toBe(bytes.length);
  });

  it('keeps a BOM that is not at the start', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'a.txt': 'a\uFEFFb' });
    expect((await readTextFile(join(dir, 'a.txt'))).text).toBe('a\uFEFFb');
  });

  it('reads the sample article (2992 code points)', async () => {
    const t = await readTextFile(join(__dirname, '..', '..', 'seeds', '000_b3be894ae1d50a96.txt'));
    expect(Array.from(t.text)).toHaveLength(2992);
    expect(t.sha256).toBe('0157fab571f2fcee1b5768b2b2c5fc1802be06bf69bb0a2358a03ab2ae10af51');
  });

  it('refuses a windows-1256 file as not UTF-8, with the byte position and the fix, and writes nothing', async () => {
    const dir = await tempFolder();
    // "hello " then "سلام" in windows-1256
    const bytes = Buffer.concat([Buffer.from('hello ', 'ascii'), Buffer.from([0xd3, 0xe1, 0xc7, 0xe3])]);
    await writeFiles(dir, { 'old/a.txt': bytes });
    const before = await snapshot(dir);
    const e = await rejection(readTextFile(join(dir, 'old/a.txt'), undefined, { file: 'old/a.txt' }));
    expect(e.code).toBe('not-utf8');
    expect(e.file).toBe('old/a.txt');
    expect(e.message).toContain('old/a.txt: is not valid UTF-8 (first bad byte at offset 6');
    expect(e.message).toContain('"encodings": {"old/a.txt": "windows-1256"}');
    expect(e.detail).toEqual({ byteOffset: 6 });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('opens a windows-1256 file when its encoding is chosen', async () => {
    const dir = await tempFolder();
    const bytes = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3, 0x0d, 0x0a]);
    await writeFiles(dir, { 'a.txt': bytes });
    const t = await readTextFile(join(dir, 'a.txt'), 'windows-1256');
    expect(t.text).toBe('سلام\r\n');
    expect(t.sha256).toBe(sha(bytes));
  });

  it('names an unknown encoding', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'a.txt': 'x' });
    const e = await rejection(readTextFile(join(dir, 'a.txt'), 'klingon-8'));
    expect(e.code).toBe('invalid-argument');
    expect(e.message).toContain('"klingon-8"');
  });

  it('refuses a binary file named .txt', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'pic.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    const e = await rejection(readTextFile(join(dir, 'pic.txt')));
    expect(e.code).toBe('binary');
    expect(e.message).toBe('pic.txt: looks binary, not text (a NUL byte at offset 8); a text file has none');
  });

  it('says a UTF-16 file looks like UTF-16, and reads it when configured', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'u.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('سلام', 'utf16le')]) });
    const e = await rejection(readTextFile(join(dir, 'u.txt')));
    expect(e.code).toBe('not-utf8');
    expect(e.message).toContain('u.txt: is UTF-16');
    expect(e.message).toContain('"utf-16le"');
    expect((await readTextFile(join(dir, 'u.txt'), 'utf-16le')).text).toBe('سلام');
  });

  it('opens an empty file as an empty text', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'e.txt': '' });
    expect(await readTextFile(join(dir, 'e.txt'))).toEqual({ text: '', sha256: sha(Buffer.alloc(0)), bytes: 0 });
  });

  it('opens a 50 MB text and refuses one over the limit before reading it', async () => {
    const dir = await tempFolder();
    const line = Buffer.from(
      'قال الرئيس جو بايدن إن الولايات المتحدة منفتحة على الحوار. The quick brown fox.\n',
      'utf8',
    );
    const handle = await open(join(dir, 'big.txt'), 'w');
    const chunk = Buffer.concat(Array.from({ length: Math.ceil((1 << 20) / line.length) }, () => line));
    for (let written = 0; written < 50 * (1 << 20); written += chunk.length) await handle.write(chunk);
    await handle.close();
    const t = await readTextFile(join(dir, 'big.txt'));
    expect(t.bytes).toBeGreaterThanOrEqual(50 * (1 << 20));
    expect(t.text.startsWith('قال الرئيس')).toBe(true);
    const e = await rejection(readTextFile(join(dir, 'big.txt'), undefined, { maxBytes: 10 * (1 << 20) }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^big\.txt: is too large to open \(5\d\.\d MB; the limit is 10\.0 MB\)$/);
  }, 60_000);

  it('says a missing file does not exist', async () => {
    const dir = await tempFolder();
    const e = await rejection(readTextFile(join(dir, 'nope.txt'), undefined, { file: 'nope.txt' }));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain('nope.txt: does not exist');
  });

  it('reads files of any size one after the other, each whole (the blocking reader reuses one buffer)', async () => {
    const dir = await tempFolder();
    const long = 'سطر طويل من نص عربي. '.repeat(10_000); // about 370 KB
    await writeFiles(dir, { 'short.txt': 'قصير', 'long.txt': long, 'short2.txt': 'ب' });
    const first = await readTextFile(join(dir, 'short.txt'));
    const second = await readTextFile(join(dir, 'long.txt'));
    const third = await readTextFile(join(dir, 'short2.txt'));
    expect([first.text, second.text, third.text]).toEqual(['قصير', long, 'ب']);
    expect(second.sha256).toBe(sha(Buffer.from(long, 'utf8')));
    expect(third).toEqual({ text: 'ب', sha256: sha(Buffer.from('ب', 'utf8')), bytes: 2 });
  });

  it('reads a file of the shared buffer’s size (1 MB) and those a byte either side whole', async () => {
    const dir = await tempFolder();
    const mb = 1 << 20;
    const sizes = [mb - 1, mb, mb + 1, 3 * mb + 5];
    const bytesOf = (n: number) => Buffer.alloc(n, 'ab\n').fill('z', n - 1);
    await writeFiles(dir, Object.fromEntries(sizes.map((n) => [`${n}.txt`, bytesOf(n)])));
    for (const n of sizes) {
      const t = await readTextFile(join(dir, `${n}.txt`));
      expect(t.bytes, `${n} bytes`).toBe(n);
      expect(t.sha256, `${n} bytes`).toBe(sha(bytesOf(n)));
    }
  });

  it('refuses a short file over a small limit, naming its size', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 's.txt': 'x'.repeat(300_000) });
    const e = await rejection(readTextFile(join(dir, 's.txt'), undefined, { maxBytes: 100_000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('s.txt: is too large to open (0.3 MB; the limit is 0.1 MB)');
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('agrees with a strict decoder on any bytes (property)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const at = firstInvalidUtf8Byte(bytes);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(at === -1).toBe(valid);
        if (!valid) {
          // The bytes before the bad one's sequence are valid on their own.
          expect(at).toBeGreaterThanOrEqual(0);
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
          expect(at).toBeLessThan(bytes.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the bad byte: overlong, surrogate, truncated, stray continuation', () => {
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong lead
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut at the end
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Byte(Buffer.from('سلام 👋', 'utf8'))).toBe(-1);
  });

  it('decodeText never throws anything but a TahrirError (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeText(bytes, 'x.txt');
        } catch (e) {
          expect(e).toBeInstanceOf(TahrirError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

it('leaves the file bytes untouched', async () => {
  const dir = await tempFolder();
  await writeFiles(dir, { 'a.txt': '\uFEFFx\r\n' });
  const before = await readFile(join(dir, 'a.txt'));
  await readTextFileAsync(join(dir, 'a.txt'));
  readTextFileSync(join(dir, 'a.txt'));
  expect(await readFile(join(dir, 'a.txt'))).toEqual(before);
});

describe('RecentTexts', () => {
  it('gives the same text again for the same bytes (not decoded again), and reads changed bytes anew', async () => {
    const root = await tempFolder();
    const path = join(root, 'a.txt');
    await writeFiles(root, { 'a.txt': 'قال الرئيس' });
    const texts = new RecentTexts(2);
    const first = await texts.read(path);
    expect(first.text).toBe('قال الرئيس');
    expect(await texts.read(path)).toBe(first);
    // Same length, one byte changed: read anew.
    await writeFiles(root, { 'a.txt': 'قال الرئيش' });
    const second = await texts.read(path);
    expect(second).not.toBe(first);
    expect(second.text).toBe('قال الرئيش');
    expect(second.sha256).toBe(createHash('sha256').update('قال الرئيش').digest('hex'));
    // Another encoding asked: decoded again, as that encoding.
    const latin = await texts.read(path, 'windows-1252');
    expect(latin).not.toBe(second);
    expect(latin.text).not.toBe(second.text);
    // Errors as readTextFile's.
    await expect(texts.read(join(root, 'missing.txt'))).rejects.toMatchObject({ code: 'not-found' });
    await writeFiles(root, { 'big.txt': 'x'.repeat(100) });
    await expect(texts.read(join(root, 'big.txt'), undefined, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('keeps only the last few paths', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const texts = new RecentTexts(2);
    const a = await texts.read(join(root, 'a.txt'));
    await texts.read(join(root, 'b.txt'));
    await texts.read(join(root, 'c.txt'));
    const again = await texts.read(join(root, 'a.txt'));
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });
});
