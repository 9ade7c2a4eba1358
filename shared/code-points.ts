// Unicode code point offsets, which everything stored and exported uses (what
// Python's `str` indexes), and their conversion to the UTF-16 units of JS strings
// and DOM selections. A lone surrogate counts as one code point, as in `Array.from`.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when a surrogate pair (one astral code point) starts at UTF-16 offset `i`. */
export function isPairAt(s: string, i: number): boolean {
  return isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1));
}

/** A surrogate pair; scanned left to right without overlap, as a loop over `isPairAt` would. */
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * UTF-16 offsets of the surrogate pairs of `s`, ascending. A regular expression, not a loop
 * over char codes: texts are scanned once when they open, before any loop here gets optimized.
 */
function pairOffsets(s: string): number[] {
  const out: number[] = [];
  if (!HIGH_SURROGATE.test(s)) return out;
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(s); m; m = PAIR.exec(s)) out.push(m.index);
  return out;
}

export function codePointLength(s: string): number {
  return s.length - pairOffsets(s).length;
}

/**
 * UTF-16 offset of code point offset `cp`, scanning from the start (for one-off use; build a CodePointIndex for many).
 */
function utf16OffsetOf(s: string, cp: number): number {
  let i = 0;
  let n = 0;
  while (n < cp && i < s.length) {
    i += isPairAt(s, i) ? 2 : 1;
    n++;
  }
  return i;
}

/** Like `String.prototype.slice`, by code points (no negative indices: they clamp to 0). */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  const from = utf16OffsetOf(s, Math.max(0, start));
  if (end === undefined) return s.slice(from);
  if (end <= start) return '';
  // Continue scanning from `from` rather than from the start again.
  let i = from;
  let n = Math.max(0, start);
  while (n < end && i < s.length) {
    i += isPairAt(s, i) ? 2 : 1;
    n++;
  }
  return s.slice(from, i);
}

function clamp(n: number, max: number): number {
  if (!(n > 0)) return 0; // also NaN
  return n > max ? max : Math.floor(n);
}

/** Block size (as a shift) of the lookup tables: 64 positions. */
const BLOCK_SHIFT = 6;

/** For each block of positions [b·64, (b+1)·64) up to `size`: how many of `sorted` are below its start. */
function blockCounts(sorted: Int32Array, size: number): Int32Array {
  const blocks = new Int32Array((size >> BLOCK_SHIFT) + 1);
  let k = 0;
  for (let b = 0; b < blocks.length; b++) {
    const start = b << BLOCK_SHIFT;
    while (k < sorted.length && sorted[k] < start) k++;
    blocks[b] = k;
  }
  return blocks;
}

/** The tables of a text without surrogate pairs: empty, shared, never written. */
const NO_PAIRS = new Int32Array(0);

/**
 * Built once per text; O(1) lookups (a table per block of 64 positions, then the few
 * surrogate pairs inside the block), fast on 1 MB with many astral characters. Memory:
 * the positions of the pairs plus one number per 64 positions.
 * Out-of-range offsets are clamped to [0, length].
 */
export class CodePointIndex {
  readonly text: string;
  /** Code points. */
  readonly length: number;
  /** UTF-16 offset of each surrogate pair, ascending. */
  private readonly pairUtf16: Int32Array;
  /** Code point offset of each surrogate pair, ascending. */
  private readonly pairCp: Int32Array;
  /** For each block of BLOCK code points: how many pairs come before it. */
  private readonly pairsBeforeCpBlock: Int32Array;
  /** For each block of BLOCK UTF-16 units: how many pairs start before it. */
  private readonly pairsBeforeUtf16Block: Int32Array;

  constructor(text: string) {
    this.text = text;
    const offsets = pairOffsets(text);
    const count = offsets.length;
    if (count === 0) {
      // No astral character (most texts): offsets are the same in both units, no table to make (four typed arrays
      // a text, three texts a document in an export).
      this.length = text.length;
      this.pairUtf16 = this.pairCp = this.pairsBeforeCpBlock = this.pairsBeforeUtf16Block = NO_PAIRS;
      return;
    }
    this.pairUtf16 = Int32Array.from(offsets);
    this.pairCp = new Int32Array(count);
    for (let k = 0; k < count; k++) this.pairCp[k] = offsets[k] - k;
    this.length = text.length - count;
    this.pairsBeforeCpBlock = blockCounts(this.pairCp, this.length);
    this.pairsBeforeUtf16Block = blockCounts(this.pairUtf16, text.length);
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(cp: number): number {
    const c = clamp(cp, this.length);
    const pairs = this.pairCp;
    if (pairs.length === 0) return c;
    // Start from the block's count, then step over the few pairs inside the block.
    let k = this.pairsBeforeCpBlock[c >> BLOCK_SHIFT];
    while (k < pairs.length && pairs[k] < c) k++;
    return c + k;
  }

  /** UTF-16 offset → code point offset; inside a surrogate pair → the pair's start. */
  toCodePoint(utf16: number): number {
    const u = clamp(utf16, this.text.length);
    const pairs = this.pairUtf16;
    if (pairs.length === 0) return u;
    let k = this.pairsBeforeUtf16Block[u >> BLOCK_SHIFT];
    while (k < pairs.length && pairs[k] < u) k++;
    if (k > 0 && this.pairUtf16[k - 1] + 1 === u) return this.pairCp[k - 1];
    return u - k;
  }

  /** Substring by code points. */
  slice(start: number, end: number): string {
    if (end <= start) return '';
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** The code point at code point offset `cp` as a string ('' past the end). */
  charAt(cp: number): string {
    if (cp < 0 || cp >= this.length) return '';
    const u = this.toUtf16(cp);
    return this.text.slice(u, isPairAt(this.text, u) ? u + 2 : u + 1);
  }
}
