// The document data the editor changes (and undo covers): the sidecar's annotations,
// normalized by id so a keypress never searches an array.
import type { DocumentMetadata, Edit, Entity, Quote, RejectedSuggestion, Sidecar } from './model';
import { compareSpans, firstAfter, sidecarHeader, type SidecarHeader, type SpanChanges } from './sidecar-text';
import { partitionPoint } from './sorted-search';

/** What the editor changes in a document and undo covers: its metadata and annotations, by id. */
export interface DocumentData {
  document: DocumentMetadata;
  edits: Record<string, Edit>;
  entities: Record<string, Entity>;
  quotes: Record<string, Quote>;
  rejected?: RejectedSuggestion[];
}

export type SpanKind = 'entity' | 'quote' | 'edit';

/**
 * Records known never to change after they were made (a document's as opened); withSpans' copies are known by their
 * derivation.
 */
const opened = new WeakSet<object>();
/** Each record's spans in sidecar order (see sortedSpans). */
const sortedCache = new WeakMap<object, unknown[]>();
/** How many spans each record holds (see spanCount). */
const counts = new WeakMap<object, number>();

function byId<T extends { id: string; start: number; end: number }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  let sorted = true;
  let unique = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (unique && Object.hasOwn(out, item.id)) unique = false;
    out[item.id] = item;
    if (sorted && i > 0 && compareSpans(items[i - 1], item) > 0) sorted = false;
  }
  opened.add(out);
  // A sidecar's spans are written in sidecar order: then that list is the record's sorted list and count.
  if (sorted && unique) {
    sortedCache.set(out, items.slice());
    counts.set(out, items.length);
  }
  return out;
}

export function dataFromSidecar(sidecar: Sidecar): DocumentData {
  return {
    document: sidecar.document,
    edits: byId(sidecar.edits),
    entities: byId(sidecar.entities),
    quotes: byId(sidecar.quotes),
    ...(sidecar.rejected ? { rejected: sidecar.rejected } : {}),
  };
}

/**
 * Sidecar order: (start, end, id). Cached per record (records are immutable); a record one
 * keypress away from one already sorted is sorted by moving just the spans that changed.
 */
export function sortedSpans<T extends { start: number; end: number; id: string }>(record: Record<string, T>): T[] {
  const hit = sortedCache.get(record);
  if (hit) return hit as T[];
  const derived = derivations.get(record);
  const before = derived ? (sortedCache.get(derived.from) as T[] | undefined) : undefined;
  const out =
    derived && before ? resorted(before, derived.from as Record<string, T>, record, derived.ids) : sortSpans(record);
  sortedCache.set(record, out);
  return out;
}

function resorted<T extends { start: number; end: number; id: string }>(
  before: readonly T[],
  from: Record<string, T>,
  to: Record<string, T>,
  ids: readonly string[],
): T[] {
  const out = before.slice();
  for (const id of ids) {
    const old = Object.hasOwn(from, id) ? from[id] : undefined;
    const now = Object.hasOwn(to, id) ? to[id] : undefined;
    if (old === now) continue;
    if (old) {
      const at = firstAfter(out, old) - 1;
      if (out[at] === old) out.splice(at, 1);
      else return sortSpans(to); // not where its order puts it: sort in full rather than guess
    }
    if (now) out.splice(firstAfter(out, now), 0, now);
  }
  return out;
}

/** How many spans a record holds (cached per record; counted from the record it was derived from when possible). */
export function spanCount(record: Record<string, unknown>): number {
  const hit = counts.get(record);
  if (hit !== undefined) return hit;
  const derived = derivations.get(record);
  const before = derived ? counts.get(derived.from) : undefined;
  let n: number;
  if (derived && before !== undefined) {
    n = before;
    const from = derived.from as Record<string, unknown>;
    for (const id of new Set(derived.ids)) n += Number(Object.hasOwn(record, id)) - Number(Object.hasOwn(from, id));
  } else n = Object.keys(record).length;
  counts.set(record, n);
  return n;
}

function sortSpans<T extends { start: number; end: number; id: string }>(record: Record<string, T>): T[] {
  const spans = Object.values(record);
  // Sidecars are written in this order, so an opened document's spans usually are sorted already.
  for (let i = 1; i < spans.length; i++) if (compareSpans(spans[i - 1], spans[i]) > 0) return spans.sort(compareSpans);
  return spans;
}

/**
 * The first span (in sidecar order) exactly on [start, end) that `accept`s, found by binary search in the sorted list.
 */
export function spanAt<T extends { start: number; end: number; id: string }>(
  record: Record<string, T>,
  start: number,
  end: number,
  accept: (span: T) => boolean = () => true,
): T | undefined {
  const sorted = sortedSpans(record);
  const lo = partitionPoint(
    sorted.length,
    (i) => sorted[i].start < start || (sorted[i].start === start && sorted[i].end < end),
  );
  for (let i = lo; i < sorted.length && sorted[i].start === start && sorted[i].end === end; i++)
    if (accept(sorted[i])) return sorted[i];
  return undefined;
}

/** Per sorted list (see sortedSpans): the largest end among its first i + 1 spans, nondecreasing. */
const reaches = new WeakMap<readonly unknown[], Float64Array>();

function reachOf(sorted: readonly { end: number }[]): Float64Array {
  let reach = reaches.get(sorted);
  if (!reach) {
    reach = new Float64Array(sorted.length);
    let max = -Infinity;
    for (let i = 0; i < sorted.length; i++) reach[i] = max = Math.max(max, sorted[i].end);
    reaches.set(sorted, reach);
  }
  return reach;
}

/**
 * The spans starting at or before `lastStart` and ending at or after `firstEnd`, in sidecar order:
 * two binary searches in the sorted list (by start, and by the largest end so far) and a look at
 * the spans between, instead of a scan of every span (a click on a 10,000-entity document).
 */
export function spansOverlapping<T extends { start: number; end: number; id: string }>(
  record: Record<string, T>,
  firstEnd: number,
  lastStart: number,
): T[] {
  const sorted = sortedSpans(record);
  const reach = reachOf(sorted);
  const from = partitionPoint(sorted.length, (i) => reach[i] < firstEnd);
  const to = partitionPoint(sorted.length, (i) => sorted[i].start <= lastStart);
  const out: T[] = [];
  for (let i = from; i < to; i++) if (sorted[i].end >= firstEnd) out.push(sorted[i]);
  return out;
}

/** The sidecar to write: the opened one's header with the editor's data. */
export function sidecarFromData(base: Sidecar, data: DocumentData, updatedAt?: string, annotator?: string): Sidecar {
  const { format, version, source, document, ...optional } = headerOf(base, data, updatedAt, annotator);
  return {
    format,
    version,
    source,
    document,
    edits: sortedSpans(data.edits),
    entities: sortedSpans(data.entities),
    quotes: sortedSpans(data.quotes),
    ...optional,
  };
}

/** Everything of the sidecar to write but its spans. */
export function headerOf(base: Sidecar, data: DocumentData, updatedAt?: string, annotator?: string): SidecarHeader {
  return sidecarHeader(base, data.document, data.rejected, updatedAt, annotator);
}

// ---- what changed between two versions of a record, without scanning 10,000 spans ----

/** A record made from `from` by changing the spans `ids` (see withSpans). */
const derivations = new WeakMap<object, { from: object; ids: readonly string[] }>();
/** How far back two versions are searched for a common ancestor before comparing them in full. */
const MAX_STEPS = 64;

/** `record` with these spans put, or removed where the value is null: a copy that remembers what changed. */
export function withSpans<T>(record: Record<string, T>, changes: Record<string, T | null>): Record<string, T> {
  // Copied key by key: for 10,000 spans ~4× faster than object spread in Chromium (3 ms against 13 ms a keypress).
  const next: Record<string, T> = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) next[keys[i]] = record[keys[i]];
  const ids = Object.keys(changes);
  for (const id of ids) {
    const span = changes[id];
    if (span === null) delete next[id];
    else next[id] = span;
  }
  derivations.set(next, { from: record, ids });
  return next;
}

/**
 * Ids that may differ between two versions of a record, when one is derived from the other (either way, or from a
 * common ancestor) in a few steps; else null.
 */
function idsBetween(a: object, b: object): Set<string> | null {
  const depth = new Map<object, number>();
  for (let at: object | undefined = a, n = 0; at && n <= MAX_STEPS; at = derivations.get(at)?.from, n++)
    depth.set(at, n);
  let common: object | undefined;
  const ids = new Set<string>();
  for (let at: object | undefined = b, n = 0; at && n <= MAX_STEPS; at = derivations.get(at)?.from, n++) {
    if (depth.has(at)) {
      common = at;
      break;
    }
    for (const id of derivations.get(at)?.ids ?? []) ids.add(id);
  }
  if (!common) return null;
  for (let at: object = a; at !== common; at = derivations.get(at)!.from)
    for (const id of derivations.get(at)!.ids) ids.add(id);
  return ids;
}

/** The changes that turn record `from` into `to`: spans added or replaced, ids removed. */
export function spanChanges<T extends { id: string; start: number; end: number }>(
  from: Record<string, T>,
  to: Record<string, T>,
): SpanChanges {
  const put: T[] = [];
  const removed: string[] = [];
  if (from === to) return { put, removed };
  const ids = idsBetween(from, to);
  if (ids) {
    for (const id of ids) {
      const before = Object.hasOwn(from, id) ? from[id] : undefined;
      const after = Object.hasOwn(to, id) ? to[id] : undefined;
      if (before === after) continue;
      if (after) put.push(after);
      else removed.push(id);
    }
    return { put, removed };
  }
  for (const id in to) if (from[id] !== to[id] || !Object.hasOwn(from, id)) put.push(to[id]);
  for (const id in from) if (!Object.hasOwn(to, id)) removed.push(id);
  return { put, removed };
}

// ---- ids ----

/** Largest numeric suffix per prefix, per record: kept from the record it was derived from when possible. */
const largestSuffix = new WeakMap<object, Map<string, number>>();

function suffixOf(id: string, prefix: string): number {
  if (!id.startsWith(prefix)) return 0;
  const n = Number(id.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function largest(prefix: string, record: Record<string, unknown>, steps = 0): number {
  let known = largestSuffix.get(record);
  const hit = known?.get(prefix);
  if (hit !== undefined) return hit;
  let max: number | null = null;
  const derived = derivations.get(record);
  if (derived && steps < MAX_STEPS) {
    const before = largest(prefix, derived.from as Record<string, unknown>, steps + 1);
    // One step from a record already counted: only the changed ids matter, unless the largest went.
    max = before;
    for (const id of derived.ids) {
      if (Object.hasOwn(record, id)) max = Math.max(max, suffixOf(id, prefix));
      else if (suffixOf(id, prefix) === before) max = null;
      if (max === null) break;
    }
  }
  if (max === null) {
    max = 0;
    for (const id of Object.keys(record)) max = Math.max(max, suffixOf(id, prefix));
  }
  // Only records never changed after they were made are remembered: one still being filled would keep a stale answer.
  if (!derived && !opened.has(record)) return max;
  if (!known) largestSuffix.set(record, (known = new Map()));
  known.set(prefix, max);
  return max;
}

/** Next free id with this prefix ("t", "q", "e"): one past the largest numeric suffix, so ids stay stable. */
export function nextId(prefix: string, ...records: Record<string, unknown>[]): string {
  let max = 0;
  for (const record of records) max = Math.max(max, largest(prefix, record));
  return `${prefix}${max + 1}`;
}
