// A sidecar's JSON text kept up to date change by change, instead of rebuilt from scratch:
// the editor saves and journals a long document after every keypress, and stringifying
// 10,000 spans each time costs tens of milliseconds. Spans are immutable (a change replaces
// the object), so each span's JSON is made once and cached by the object; each list keeps
// its spans in sidecar order, (start, end, id), by binary search on every change.
//
// The text JSON.parses to exactly the sidecar the editor would build as an object (same keys,
// same order of spans); it is not pretty-printed (the back end writes the file in its own form).
import type { Sidecar } from './model';
import { partitionPoint } from './sorted-search';

export type SpanList = 'edits' | 'entities' | 'quotes';
export const SPAN_LISTS: readonly SpanList[] = ['edits', 'entities', 'quotes'];

export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

/** Everything of a sidecar but its span lists. */
export type SidecarHeader = Omit<Sidecar, SpanList>;

/** One list's changes: spans added or replaced (by id), and ids removed. */
export interface SpanChanges {
  put: SpanLike[];
  removed: string[];
}

/**
 * The header written for `document` and `rejected` on the opened sidecar `base`: the stamp and
 * annotator given win over the base's, and absent ones are left out (as the file leaves them out).
 */
export function sidecarHeader(
  base: SidecarHeader,
  document: Sidecar['document'],
  rejected?: Sidecar['rejected'],
  updatedAt?: string,
  annotator?: string,
): SidecarHeader {
  const header: SidecarHeader = { format: base.format, version: base.version, source: base.source, document };
  const keptRejected = rejected ?? base.rejected;
  if (keptRejected) header.rejected = keptRejected;
  const stamp = updatedAt ?? base.updatedAt;
  if (stamp) header.updatedAt = stamp;
  const who = annotator ?? base.annotator;
  if (who) header.annotator = who;
  if (base.statusHistory) header.statusHistory = base.statusHistory;
  return header;
}

/** Sidecar order of spans: start, then end, then id. */
export function compareSpans(a: SpanLike, b: SpanLike): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const fragments = new WeakMap<object, string>();
/** Past this many spans put at once, one merge beats inserting each by binary search. */
const BULK = 64;

/** A span's JSON, made once per span object. */
export function spanJson(span: SpanLike): string {
  let text = fragments.get(span);
  if (text === undefined) {
    text = JSON.stringify(span);
    fragments.set(span, text);
  }
  return text;
}

/** Spans per chunk of a list when built; a chunk grown to twice this is split. */
const CHUNK = 512;

/** A run of a list's spans in sidecar order, their JSON alongside, and the run's JSON cached until it changes. */
interface Chunk {
  spans: SpanLike[];
  texts: string[];
  json: string | null;
}

const chunkOf = (spans: SpanLike[]): Chunk => ({ spans, texts: spans.map(spanJson), json: null });

/**
 * One list of spans in sidecar order, in chunks, each with its spans' JSON alongside and its own JSON cached: the
 * list's JSON after a change joins the one chunk changed and puts the chunks' cached JSON together (a V8 string of
 * strings, not copied until it is written out), instead of joining every span's JSON again (50,000 entities: 45-80 ms
 * of the worker's thread, and as long again for the body around it, after every keypress).
 */
class OrderedSpans {
  private readonly byId = new Map<string, SpanLike>();
  private chunks: Chunk[] = [];
  private json: string | null = '[]';

  /** chunkSize: spans per chunk when built (small in tests, so chunks split and empty there too). */
  constructor(private readonly chunkSize: number) {}

  replaceAll(spans: readonly SpanLike[]): void {
    this.byId.clear();
    for (const span of spans) this.byId.set(span.id, span);
    this.cut([...this.byId.values()].sort(compareSpans));
  }

  apply(changes: SpanChanges): void {
    for (const id of changes.removed) this.remove(id);
    if (changes.put.length > BULK) return this.merge(changes.put);
    for (const span of changes.put) {
      if (this.byId.get(span.id) === span) continue;
      this.remove(span.id);
      this.insert(span);
      this.byId.set(span.id, span);
    }
  }

  /** Many spans at once (a document handed over in parts): sorted among themselves, then merged in one pass. */
  private merge(put: readonly SpanLike[]): void {
    const fresh = new Map<string, SpanLike>();
    for (const span of put) if (this.byId.get(span.id) !== span) fresh.set(span.id, span);
    if (fresh.size === 0) return;
    for (const id of fresh.keys()) this.remove(id);
    const added = [...fresh.values()].sort(compareSpans);
    const old = this.chunks.flatMap((c) => c.spans);
    const order: SpanLike[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length || j < added.length) {
      if (j >= added.length || (i < old.length && compareSpans(old[i], added[j]) < 0)) order.push(old[i++]);
      else order.push(added[j++]);
    }
    for (const span of added) this.byId.set(span.id, span);
    this.cut(order);
  }

  /** The list made of these spans (in sidecar order), cut into chunks. */
  private cut(order: SpanLike[]): void {
    this.chunks = [];
    const size = this.chunkSize;
    for (let i = 0; i < order.length; i += size) this.chunks.push(chunkOf(order.slice(i, i + size)));
    this.json = null;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The list's JSON as pieces: '[', each chunk's JSON (the same string while the chunk is unchanged), ',' and ']'. */
  parts(): string[] {
    const out = ['['];
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      chunk.json ??= chunk.texts.join(',');
      if (c > 0) out.push(',');
      out.push(chunk.json);
    }
    out.push(']');
    return out;
  }

  text(): string {
    if (this.json === null) {
      let out = '[';
      for (let c = 0; c < this.chunks.length; c++) {
        const chunk = this.chunks[c];
        chunk.json ??= chunk.texts.join(',');
        out += c === 0 ? chunk.json : `,${chunk.json}`;
      }
      this.json = `${out}]`;
    }
    return this.json;
  }

  /** Index of the chunk `span` belongs in: the first whose last span is not before it (or the last chunk). */
  private chunkFor(span: SpanLike): number {
    const chunks = this.chunks;
    const c = partitionPoint(chunks.length, (i) => compareSpans(chunks[i].spans[chunks[i].spans.length - 1], span) < 0);
    return Math.min(c, chunks.length - 1);
  }

  private insert(span: SpanLike): void {
    this.json = null;
    if (this.chunks.length === 0) {
      this.chunks.push(chunkOf([span]));
      return;
    }
    const c = this.chunkFor(span);
    const chunk = this.chunks[c];
    const at = firstAfter(chunk.spans, span);
    chunk.spans.splice(at, 0, span);
    chunk.texts.splice(at, 0, spanJson(span));
    chunk.json = null;
    if (chunk.spans.length >= 2 * this.chunkSize) {
      const half = chunk.spans.length >>> 1;
      this.chunks.splice(c, 1, chunkOf(chunk.spans.slice(0, half)), chunkOf(chunk.spans.slice(half)));
    }
  }

  private remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    const c = this.chunkFor(old);
    const chunk = this.chunks[c];
    // The span sits at the first position not before it (ids are unique, so that is it).
    const at = firstAfter(chunk.spans, old) - 1;
    if (chunk.spans[at] !== old) throw new Error(`sidecar text: span ${id} is not where its order puts it`);
    chunk.spans.splice(at, 1);
    chunk.texts.splice(at, 1);
    chunk.json = null;
    if (chunk.spans.length === 0) this.chunks.splice(c, 1);
    this.byId.delete(id);
    this.json = null;
  }
}

/** Index of the first span of `sorted` (in sidecar order) that comes after `span`. */
export function firstAfter(sorted: readonly SpanLike[], span: SpanLike): number {
  return partitionPoint(sorted.length, (i) => compareSpans(sorted[i], span) <= 0);
}

/** A document's spans in sidecar order, and the sidecar's JSON text for them under any header. */
export class SidecarText {
  private readonly lists: Record<SpanList, OrderedSpans>;

  constructor(chunkSize = CHUNK) {
    this.lists = {
      edits: new OrderedSpans(chunkSize),
      entities: new OrderedSpans(chunkSize),
      quotes: new OrderedSpans(chunkSize),
    };
  }

  /** Starts over with these spans (a document opened). */
  reset(spans: Record<SpanList, readonly SpanLike[]>): void {
    for (const list of SPAN_LISTS) this.lists[list].replaceAll(spans[list]);
  }

  apply(list: SpanList, changes: SpanChanges): void {
    this.lists[list].apply(changes);
  }

  count(list: SpanList): number {
    return this.lists[list].size;
  }

  /** The sidecar's JSON text, keys in the order of the file: header, the three lists, then the optional fields. */
  text(header: SidecarHeader): string {
    let out = headText(header);
    for (const list of SPAN_LISTS) out += `,"${list}":${this.lists[list].text()}`;
    return out + tailText(header);
  }

  /**
   * The same text as pieces, each chunk of spans' JSON one of them and the same string while that chunk is unchanged:
   * whoever encodes the text can keep each chunk's bytes (the sidecar worker does), so a change encodes one chunk.
   */
  parts(header: SidecarHeader): string[] {
    const out = [headText(header)];
    for (const list of SPAN_LISTS) out.push(`,"${list}":`, ...this.lists[list].parts());
    out.push(tailText(header));
    return out;
  }
}

/** The sidecar's JSON up to its lists. */
function headText(header: SidecarHeader): string {
  return `{"format":${JSON.stringify(header.format)},"version":${JSON.stringify(header.version)},"source":${JSON.stringify(header.source)},"document":${JSON.stringify(header.document)}`;
}

/** The sidecar's JSON after its lists: the optional fields and the closing brace. */
function tailText(header: SidecarHeader): string {
  let out = '';
  if (header.rejected !== undefined) out += `,"rejected":${JSON.stringify(header.rejected)}`;
  if (header.updatedAt !== undefined) out += `,"updatedAt":${JSON.stringify(header.updatedAt)}`;
  if (header.annotator !== undefined) out += `,"annotator":${JSON.stringify(header.annotator)}`;
  if (header.statusHistory !== undefined)
    out += `,"statusHistory":${JSON.stringify(header.statusHistory.map(({ status, at }) => ({ status, at })))}`;
  return `${out}}`;
}
