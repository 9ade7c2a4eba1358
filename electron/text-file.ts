// Reading a document's text file: the raw bytes (for sha256) decoded to the source text.
// UTF-8 with a leading BOM removed and nothing else changed (CRLF stays); anything that is
// not valid UTF-8 is refused with the byte position, never "repaired" silently.
import { hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { TahrirError } from '../shared/errors';
import { statStamp, unchangedSince, type StatStamp } from './stat-stamp';
import { message } from '../shared/i18n/catalog-message';
import { toTahrirError } from './io-error';

/** Bigger texts are refused ('too-large'): a 50 MB article must still open. */
export const DEFAULT_MAX_TEXT_BYTES = 64 * 1024 * 1024;

export interface TextFile {
  /** The source text: decoded, BOM removed, nothing else changed. */
  text: string;
  /** sha256 hex of the raw bytes (BOM included). */
  sha256: string;
  bytes: number;
}

export interface ReadTextOptions {
  /** Size limit in bytes (default 64 MB). */
  maxBytes?: number;
  /** The name to put in messages (path relative to the workspace); the file's base name otherwise. */
  file?: string;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

function isUtf16(encoding: string): boolean {
  return /^utf-?16/i.test(encoding) || /^unicode(fffe)?$/i.test(encoding) || /^ucs-2$/i.test(encoding);
}

/**
 * Byte offset where `bytes` stops being valid UTF-8 (RFC 3629: no overlongs, no surrogates,
 * nothing past U+10FFFF) — the start of the bad sequence, as Python reports it — or -1.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function notUtf8(file: string, at: number, bytes: Uint8Array): TahrirError {
  const shown = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const name = basename(file);
  const example = `"encodings": {${JSON.stringify(file.includes('/') ? file : name)}: "windows-1256"}`;
  return new TahrirError(
    'not-utf8',
    `is not valid UTF-8 (first bad byte at offset ${at}: ${shown}); if it is a legacy Arabic file set its encoding in tahrir.json, e.g. ${example}`,
    file,
    { byteOffset: at },
    message('error.not-utf8', { offset: String(at), bytes: shown, example }),
  );
}

// One decoder per encoding, made once: decode() without `stream` keeps nothing from call to call.
const decoders = new Map<string, TextDecoder>();

/** Decodes raw bytes to the source text (pure: no disk). `file` names the file in messages. */
export function decodeText(bytes: Uint8Array, file: string, encoding?: string): string {
  // No encoding set (nearly every file): UTF-8, without normalizing and testing its name.
  const label = encoding === undefined ? 'utf-8' : encoding.trim().toLowerCase();
  const utf16 = encoding !== undefined && isUtf16(label);
  if (!utf16) {
    const bom16 =
      bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (bom16 && UTF8_LABELS.has(label)) {
      const le = bytes[0] === 0xff;
      const example = `"encodings": {${JSON.stringify(file)}: "${le ? 'utf-16le' : 'utf-16be'}"}`;
      throw new TahrirError(
        'not-utf8',
        `is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as UTF-8, or set its encoding in tahrir.json, e.g. ${example}`,
        file,
        { byteOffset: 0 },
        message('error.utf16', { example }),
      );
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new TahrirError(
        'binary',
        `looks binary, not text (a NUL byte at offset ${nul}); a text file has none`,
        file,
        { byteOffset: nul },
        message('error.binary', { offset: String(nul) }),
      );
    }
  }
  let decoder = decoders.get(label);
  try {
    if (!decoder) decoders.set(label, (decoder = new TextDecoder(label, { fatal: true })));
  } catch {
    throw new TahrirError(
      'invalid-argument',
      `its encoding "${encoding}" (set in tahrir.json) is not one Tahrir knows; try "windows-1256" or "utf-8"`,
      file,
    );
  }
  try {
    // TextDecoder drops a leading BOM for UTF-8 and UTF-16 and leaves everything else as is.
    return decoder.decode(bytes);
  } catch {
    if (UTF8_LABELS.has(label)) throw notUtf8(file, Math.max(0, firstInvalidUtf8Byte(bytes)), bytes);
    throw new TahrirError(
      'not-utf8',
      `is not valid ${encoding} (as set in tahrir.json)`,
      file,
      undefined,
      message('error.not-encoding', { encoding: String(encoding) }),
    );
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  // The one-call hash: a Hash object made per file was half the hashing of a short article (an
  // export hashes every text).
  return hash('sha256', bytes, 'hex');
}

function tooLarge(file: string, size: number, maxBytes: number): TahrirError {
  return new TahrirError(
    'too-large',
    `is too large to open (${mb(size)}; the limit is ${mb(maxBytes)})`,
    file,
    { bytes: size, maxBytes },
    tooLargeMessage(size, maxBytes),
  );
}

/** The text file from its raw bytes: the size checked again (it may have grown since stat), decoded, hashed. */
function textFileOf(bytes: Buffer, file: string, encoding: string | undefined, maxBytes: number): TextFile {
  if (bytes.length > maxBytes) throw tooLarge(file, bytes.length, maxBytes);
  const text = decodeText(bytes, file, encoding);
  return { text, sha256: sha256Hex(bytes), bytes: bytes.length };
}

/** Reads and decodes a text file; refuses files over the size limit before reading them. */
export async function readTextFile(
  absPath: string,
  encoding?: string,
  options: ReadTextOptions = {},
): Promise<TextFile> {
  const file = options.file ?? basename(absPath);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TEXT_BYTES;
  return textFileOf(await readBytes(absPath, file, maxBytes), file, encoding, maxBytes);
}

async function readBytes(absPath: string, file: string, maxBytes: number): Promise<Buffer> {
  try {
    const handle = await open(absPath, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw tooLarge(file, size, maxBytes);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw toTahrirError(e, file);
  }
}

/**
 * readTextFile keeping the last few texts read, by path: the same bytes read again (a document opened again) give the
 * same TextFile without decoding and hashing them again (a 1.5 MB article: ~15-40 ms of the server's CPU per open),
 * and a file whose stat is as when it was read (stat-stamp.ts) is not even read again.
 */
export class RecentTexts {
  private readonly kept = new Map<
    string,
    { bytes: Buffer; encoding: string | undefined; stamp: StatStamp | null; text: TextFile }
  >();

  constructor(private readonly size: number) {}

  async read(absPath: string, encoding?: string, options: ReadTextOptions = {}): Promise<TextFile> {
    const file = options.file ?? basename(absPath);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_TEXT_BYTES;
    // Before the read: a change made after it makes another stamp.
    const stamp = await statStamp(absPath).catch(() => null);
    const last = this.kept.get(absPath);
    this.kept.delete(absPath);
    if (last && last.encoding === encoding && unchangedSince(last.stamp, stamp) && last.text.bytes <= maxBytes) {
      this.kept.set(absPath, last);
      return last.text;
    }
    const bytes = await readBytes(absPath, file, maxBytes);
    const text =
      last && last.encoding === encoding && last.bytes.equals(bytes)
        ? last.text
        : textFileOf(bytes, file, encoding, maxBytes);
    this.kept.set(absPath, { bytes, encoding, stamp, text });
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    return text;
  }
}

/**
 * readTextFile, blocking: the same checks and errors. For a process with nothing else to serve
 * (the `tahrir` command): a short article reads several times faster than through the thread pool.
 */
export function readTextFileSync(absPath: string, encoding?: string, options: ReadTextOptions = {}): TextFile {
  const file = options.file ?? basename(absPath);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TEXT_BYTES;
  let bytes: Buffer;
  try {
    bytes = readBytesSync(absPath, maxBytes, (size) => {
      if (size > maxBytes) throw tooLarge(file, size, maxBytes);
    });
  } catch (e) {
    throw toTahrirError(e, file);
  }
  return textFileOf(bytes, file, encoding, maxBytes);
}

// One buffer for every blocking read of a file smaller than it: reading thousands of short files
// allocates nothing per file (fresh buffers per file pile up outside the JS heap until a garbage
// collection frees them). Only the pages that reads touch take memory.
const scratch = Buffer.allocUnsafeSlow(1024 * 1024);

/**
 * The bytes of a file, read to its end with blocking calls. A file smaller than the shared buffer
 * comes as a view of it that the next call reuses: use the bytes before reading another file.
 * `checkSize` sees the file's size before its bytes are used (a larger file's, from `stat`, before
 * more than the shared buffer is read); reading stops once more than `limit` bytes came (a file still growing).
 */
export function readBytesSync(absPath: string, limit = Infinity, checkSize?: (size: number) => void): Buffer {
  const fd = openSync(absPath, 'r');
  try {
    // Read into the shared buffer first and stat only a file that fills it: a short file ends with a read that brings
    // nothing, as many calls as fstat's, without its Stats object and four Dates (a twentieth of what an export of
    // short articles allocated).
    let buffer = scratch;
    let size = -1;
    let at = 0;
    for (;;) {
      if (at === buffer.length) {
        if (size < 0) {
          size = fstatSync(fd).size;
          checkSize?.(size);
        }
        const bigger = Buffer.allocUnsafeSlow(Math.max(size + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, at);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, at, buffer.length - at, null);
      at += n;
      // Done when a read brings nothing, or, for a file stat sized, at that size (as readFileSync: no extra read).
      if (n === 0 || at === size || at > limit) break;
    }
    if (size < 0) checkSize?.(at);
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** How large, in megabytes as `mb` writes them, said in the interface's language. */
export function tooLargeMessage(size: number, maxBytes: number) {
  const inMb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return message('error.too-large', { size: inMb(size), limit: inMb(maxBytes) });
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
