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

export function codePointLength(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length - 1; i++) {
    if (isPairAt(s, i)) {
      pairs++;
      i++;
    }
  }
  return s.length - pairs;
}

/** UTF-16 offset of code point offset `cp`, scanning from the start (for one-off use; build a CodePointIndex for many). */
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

/** Index of the first element of `a` (sorted ascending) that is >= `x`, i.e. how many are < x. */
function countBelow(a: Int32Array | Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Built once per text; O(log astral) lookups, fast on 1 MB with many astral characters.
 * Stores only the positions of surrogate pairs, so memory follows the number of
 * astral characters (none for most Arabic/English text, where lookups are identity).
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

  constructor(text: string) {
    this.text = text;
    let count = 0;
    for (let i = 0; i < text.length - 1; i++) {
      if (isPairAt(text, i)) {
        count++;
        i++;
      }
    }
    this.pairUtf16 = new Int32Array(count);
    this.pairCp = new Int32Array(count);
    let k = 0;
    for (let i = 0; k < count; i++) {
      if (isPairAt(text, i)) {
        this.pairUtf16[k] = i;
        this.pairCp[k] = i - k;
        k++;
        i++;
      }
    }
    this.length = text.length - count;
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(cp: number): number {
    const c = clamp(cp, this.length);
    if (this.pairCp.length === 0) return c;
    return c + countBelow(this.pairCp, c);
  }

  /** UTF-16 offset → code point offset; inside a surrogate pair → the pair's start. */
  toCodePoint(utf16: number): number {
    const u = clamp(utf16, this.text.length);
    if (this.pairUtf16.length === 0) return u;
    const k = countBelow(this.pairUtf16, u);
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
