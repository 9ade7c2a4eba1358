// An immutable list kept in chunks: a changed copy shares every chunk its changes do not touch, so replacing a few
// items of 100,000 copies a few hundred items and the chunk table (~200 entries), not the 100,000 (a block copy of
// that many took ~3 ms on the editor's thread, with the garbage it leaves; the open suggestions change per keypress).

import { partitionPoint, upperBound } from './sorted-search';

/** Items in chunks of at most this many. */
const CHUNK = 512;

/** Replace items [from, to) with `items`; a list of them is by `from`, none overlapping another. */
export interface ListEdit<T> {
  from: number;
  to: number;
  items: readonly T[];
}

export class ChunkedList<T> implements Iterable<T> {
  /** Where each chunk starts, and the length at the end. */
  private readonly starts: Float64Array;
  private flat: T[] | null = null;

  private constructor(private readonly chunks: readonly (readonly T[])[]) {
    this.starts = new Float64Array(chunks.length + 1);
    for (let c = 0; c < chunks.length; c++) this.starts[c + 1] = this.starts[c] + chunks[c].length;
  }

  static from<T>(items: readonly T[]): ChunkedList<T> {
    return new ChunkedList(chunked(items));
  }

  get length(): number {
    return this.starts[this.chunks.length];
  }

  /** The chunk holding index `i` (0 ≤ i < length). */
  private chunkOf(i: number): number {
    // starts[chunks.length] is the length, past i: the last chunk starting at or before i.
    return upperBound(this.starts, i) - 1;
  }

  at(i: number): T | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const c = this.chunkOf(i);
    return this.chunks[c][i - this.starts[c]];
  }

  /** The first index where `before` is false, it being true for a prefix of the list (binary search). */
  partitionPoint(before: (item: T) => boolean): number {
    // The chunk: the last whose first item is before.
    const lo = partitionPoint(this.chunks.length, (c) => before(this.chunks[c][0]));
    if (lo === 0) return 0;
    const chunk = this.chunks[lo - 1];
    return this.starts[lo - 1] + partitionPoint(chunk.length, (k) => before(chunk[k]));
  }

  /** This list with `edits` made (by `from`, not overlapping): the chunks they do not touch are shared. */
  replaced(edits: readonly ListEdit<T>[]): ChunkedList<T> {
    if (edits.length === 0) return this;
    const n = this.chunks.length;
    if (n === 0) return ChunkedList.from(edits.flatMap((e) => e.items));
    // The chunk each edit starts in (one at the very end: the last), and the chunks each touches.
    const first = edits.map((e) => this.chunkOf(Math.min(e.from, this.length - 1)));
    const touched = new Uint8Array(n);
    edits.forEach((e, k) => {
      const last = e.to > e.from ? this.chunkOf(e.to - 1) : first[k];
      for (let c = first[k]; c <= last; c++) touched[c] = 1;
    });
    const out: (readonly T[])[] = [];
    let k = 0;
    for (let c = 0; c < n; c++) {
      if (!touched[c]) {
        out.push(this.chunks[c]);
        continue;
      }
      let d = c;
      while (d + 1 < n && touched[d + 1]) d++;
      // The run of touched chunks c..d, its items with the edits in it made, in chunks again.
      const runStart = this.starts[c];
      const run = ([] as T[]).concat(...this.chunks.slice(c, d + 1));
      const items: T[] = [];
      let pos = runStart;
      const copy = (to: number) => {
        for (; pos < to; pos++) items.push(run[pos - runStart]);
      };
      for (; k < edits.length && first[k] <= d; k++) {
        copy(edits[k].from);
        for (const item of edits[k].items) items.push(item);
        pos = Math.max(pos, edits[k].to);
      }
      copy(this.starts[d + 1]);
      out.push(...chunked(items));
      c = d;
    }
    return new ChunkedList(out);
  }

  /** How many of this list's chunks are not `other`'s (shared with it): what a change of it copied. */
  chunksNotIn(other: ChunkedList<T>): number {
    const theirs = new Set(other.chunks);
    return this.chunks.filter((c) => !theirs.has(c)).length;
  }

  /** The items as one array (made once per list). */
  toArray(): T[] {
    this.flat ??= ([] as T[]).concat(...this.chunks);
    return this.flat;
  }

  find(test: (item: T) => boolean): T | undefined {
    for (const chunk of this.chunks) for (const item of chunk) if (test(item)) return item;
    return undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }
}

/** `items` in chunks of at most CHUNK, of even sizes (none empty). */
function chunked<T>(items: readonly T[]): T[][] {
  if (items.length === 0) return [];
  const pieces = Math.ceil(items.length / CHUNK);
  const size = Math.ceil(items.length / pieces);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
