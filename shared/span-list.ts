// A document's spans of one kind as a persistent (immutable, structurally shared) chunked sorted
// list with an id index: a tag, delete or undo copies one chunk and one id bucket plus the short
// arrays pointing at them, not all 50,000 spans; every old version stays valid for undo.
import { compareSpans } from './sidecar-text';
import { partitionPoint } from './sorted-search';

interface SpanLike {
  id: string;
  start: number;
  end: number;
}

/** Spans per chunk when built; a chunk grown to twice this is split. ~√50,000, so chunk and chunk list cost alike. */
const CHUNK = 256;
/** Id buckets: a change copies one bucket (~100 ids at 50,000 spans) and this many pointers. */
const BUCKETS = 512;

function bucketOf(id: string): number {
  // FNV-1a over the UTF-16 units: cheap and spreads "t1", "t2", … evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

function maxEndOf(chunk: readonly SpanLike[]): number {
  let max = -Infinity;
  for (const s of chunk) if (s.end > max) max = s.end;
  return max;
}

export class SpanList<T extends SpanLike> {
  private array: T[] | undefined;

  private constructor(
    /** Spans in sidecar order (start, end, id), cut into non-empty chunks. */
    private readonly chunks: readonly (readonly T[])[],
    /** Per chunk, the largest end in it (for overlap queries). */
    private readonly maxEnds: readonly number[],
    /** Id → span, cut by hash into BUCKETS maps (undefined when empty). */
    private readonly buckets: readonly (ReadonlyMap<string, T> | undefined)[],
    readonly size: number,
    /** Spans per chunk when built (small in tests, so chunks split and empty there too). */
    private readonly chunkSize: number,
  ) {}

  static empty<T extends SpanLike>(chunkSize = CHUNK): SpanList<T> {
    return new SpanList<T>([], [], new Array(BUCKETS).fill(undefined), 0, chunkSize);
  }

  /** From spans in any order; a later span with the same id replaces an earlier one. */
  static of<T extends SpanLike>(items: Iterable<T>, chunkSize = CHUNK): SpanList<T> {
    const buckets: (Map<string, T> | undefined)[] = new Array(BUCKETS).fill(undefined);
    const given = [...items];
    for (const s of given) (buckets[bucketOf(s.id)] ??= new Map()).set(s.id, s);
    // In the order given, each id once (its last span).
    const all = given.filter((s) => buckets[bucketOf(s.id)]!.get(s.id) === s);
    // An opened sidecar's spans come in sidecar order, and so (ids unique) in order here: checked, not sorted again.
    let sorted = true;
    for (let i = 1; sorted && i < all.length; i++) sorted = compareSpans(all[i - 1], all[i]) < 0;
    if (!sorted) all.sort(compareSpans);
    const chunks: T[][] = [];
    for (let i = 0; i < all.length; i += chunkSize) chunks.push(all.slice(i, i + chunkSize));
    const list = new SpanList<T>(chunks, chunks.map(maxEndOf), buckets, all.length, chunkSize);
    list.array = all;
    return list;
  }

  get(id: string): T | undefined {
    return this.buckets[bucketOf(id)]?.get(id);
  }

  has(id: string): boolean {
    return this.buckets[bucketOf(id)]?.has(id) ?? false;
  }

  /** This list with these spans put, or removed where the value is null (as withSpans takes them). */
  with(changes: Record<string, T | null>): SpanList<T> {
    let chunks: (readonly T[])[] | null = null;
    let maxEnds: number[] | null = null;
    let buckets: (ReadonlyMap<string, T> | undefined)[] | null = null;
    const copiedBuckets = new Set<number>();
    let size = this.size;
    for (const id of Object.keys(changes)) {
      const now = changes[id];
      const b = bucketOf(id);
      const bucket = (buckets ?? this.buckets)[b];
      const old = bucket?.get(id);
      if (old === (now ?? undefined)) continue;
      chunks ??= this.chunks.slice();
      maxEnds ??= this.maxEnds.slice();
      buckets ??= this.buckets.slice();
      let map = buckets[b] as Map<string, T> | undefined;
      if (!copiedBuckets.has(b)) {
        map = new Map(map);
        buckets[b] = map;
        copiedBuckets.add(b);
      }
      if (old) {
        removeSorted(chunks, maxEnds, old);
        map!.delete(id);
        size--;
      }
      if (now) {
        insertSorted(chunks, maxEnds, now, this.chunkSize);
        map!.set(id, now);
        size++;
      }
      if (map!.size === 0) buckets[b] = undefined;
    }
    return chunks ? new SpanList(chunks, maxEnds!, buckets!, size, this.chunkSize) : this;
  }

  /** Every span in sidecar order (made once per version: O(n), for the callers that want them all). */
  toArray(): T[] {
    if (!this.array) {
      const out: T[] = [];
      for (const c of this.chunks) for (let i = 0; i < c.length; i++) out.push(c[i]);
      this.array = out;
    }
    return this.array;
  }

  /** Spans in sidecar order, chunk by chunk, without making the whole array. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const c of this.chunks) yield* c;
  }

  /** The first span (in sidecar order) exactly on [start, end) that `accept`s. */
  spanAt(start: number, end: number, accept: (span: T) => boolean = () => true): T | undefined {
    const before = (s: T): boolean => s.start < start || (s.start === start && s.end < end);
    const chunks = this.chunks;
    let c = partitionPoint(chunks.length, (i) => before(chunks[i][chunks[i].length - 1]));
    let i = c < chunks.length ? partitionPoint(chunks[c].length, (k) => before(chunks[c][k])) : 0;
    for (; c < chunks.length; c++, i = 0) {
      const chunk = chunks[c];
      for (; i < chunk.length; i++) {
        const s = chunk[i];
        if (s.start !== start || s.end !== end) return undefined;
        if (accept(s)) return s;
      }
    }
    return undefined;
  }

  /** The spans starting at or before `lastStart` and ending at or after `firstEnd`, in sidecar order. */
  overlapping(firstEnd: number, lastStart: number): T[] {
    const out: T[] = [];
    const chunks = this.chunks;
    // Chunks wholly ending before firstEnd are skipped by their largest end; the scan stops at the first chunk
    // starting after lastStart, so a click looks at the chunk list (~200 numbers) and a chunk or two.
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c];
      if (chunk[0].start > lastStart) break;
      if (this.maxEnds[c] < firstEnd) continue;
      for (let i = 0; i < chunk.length && chunk[i].start <= lastStart; i++)
        if (chunk[i].end >= firstEnd) out.push(chunk[i]);
    }
    return out;
  }
}

/** Index of the chunk `span` belongs in: the first whose last span is not before it (or the last chunk). */
function chunkFor<T extends SpanLike>(chunks: readonly (readonly T[])[], span: T): number {
  const c = partitionPoint(chunks.length, (i) => compareSpans(chunks[i][chunks[i].length - 1], span) < 0);
  return Math.min(c, chunks.length - 1);
}

function insertSorted<T extends SpanLike>(
  chunks: (readonly T[])[],
  maxEnds: number[],
  span: T,
  chunkSize: number,
): void {
  if (chunks.length === 0) {
    chunks.push([span]);
    maxEnds.push(span.end);
    return;
  }
  const c = chunkFor(chunks, span);
  const chunk = chunks[c].slice();
  chunk.splice(
    partitionPoint(chunk.length, (i) => compareSpans(chunk[i], span) < 0),
    0,
    span,
  );
  if (chunk.length >= 2 * chunkSize) {
    const half = chunk.length >>> 1;
    const a = chunk.slice(0, half);
    const b = chunk.slice(half);
    chunks.splice(c, 1, a, b);
    maxEnds.splice(c, 1, maxEndOf(a), maxEndOf(b));
  } else {
    chunks[c] = chunk;
    maxEnds[c] = Math.max(maxEnds[c], span.end);
  }
}

function removeSorted<T extends SpanLike>(chunks: (readonly T[])[], maxEnds: number[], span: T): void {
  const c = chunkFor(chunks, span);
  const at = partitionPoint(chunks[c].length, (i) => compareSpans(chunks[c][i], span) < 0);
  if (chunks[c][at] !== span) throw new Error(`span ${span.id} is not where its order puts it`);
  if (chunks[c].length === 1) {
    chunks.splice(c, 1);
    maxEnds.splice(c, 1);
    return;
  }
  const chunk = chunks[c].slice();
  chunk.splice(at, 1);
  chunks[c] = chunk;
  maxEnds[c] = maxEndOf(chunk);
}
