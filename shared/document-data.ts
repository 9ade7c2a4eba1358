// The document data the editor changes (and undo covers): the sidecar's annotations,
// normalized by id so a keypress never searches an array.
import type { DocumentMetadata, Edit, Entity, Quote, RejectedSuggestion, Sidecar } from './model';
import { compareSpans, sidecarHeader, type SidecarHeader, type SpanChanges } from './sidecar-text';
import { SpanList } from './span-list';

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
 * Sidecar order: (start, end, id). Cached per record (records are immutable): an opened document's list as read, a
 * changed record's from its persistent SpanList (an O(n) walk, only for callers that want every span).
 */
export function sortedSpans<T extends { start: number; end: number; id: string }>(record: Record<string, T>): T[] {
  const hit = sortedCache.get(record);
  if (hit) return hit as T[];
  const out = spanListOf(record).toArray();
  sortedCache.set(record, out);
  return out;
}

/** Each record's spans as a persistent SpanList (see spanListOf). */
const spanLists = new WeakMap<object, SpanList<never>>();

/**
 * The record's spans as a persistent sorted list with an id index, cached per record: made once for an opened
 * document's record (O(n)), then each record withSpans derives carries its own, one chunk changed.
 */
export function spanListOf<T extends { start: number; end: number; id: string }>(
  record: Record<string, T>,
): SpanList<T> {
  const hit = spanLists.get(record) as SpanList<T> | undefined;
  if (hit) return hit;
  const list = SpanList.of((sortedCache.get(record) as T[] | undefined) ?? Object.values(record));
  spanLists.set(record, list as SpanList<never>);
  return list;
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

/** Each quotes record's quotes by speaker (see quotesOfSpeaker). */
const bySpeaker = new WeakMap<object, Map<string, Quote[]>>();

/**
 * The quotes whose speaker is the entity `id`, in sidecar order: indexed once per quotes record (it changes only when a
 * quote does), so deleting or selecting an entity looks its quotes up instead of going through every quote.
 */
export function quotesOfSpeaker(quotes: Record<string, Quote>, id: string): readonly Quote[] {
  let index = bySpeaker.get(quotes);
  if (!index) {
    index = new Map();
    for (const q of sortedSpans(quotes)) {
      if (!q.speaker) continue;
      const list = index.get(q.speaker);
      if (list) list.push(q);
      else index.set(q.speaker, [q]);
    }
    bySpeaker.set(quotes, index);
  }
  return index.get(id) ?? [];
}

/**
 * The first span (in sidecar order) exactly on [start, end) that `accept`s, found by binary search in the span list.
 */
export function spanAt<T extends { start: number; end: number; id: string }>(
  record: Record<string, T>,
  start: number,
  end: number,
  accept: (span: T) => boolean = () => true,
): T | undefined {
  return spanListOf(record).spanAt(start, end, accept);
}

/**
 * The spans starting at or before `lastStart` and ending at or after `firstEnd`, in sidecar order: a look at the
 * span list's chunks (by their first start and largest end) and the spans of the few that can hold one, instead of a
 * scan of every span (a click on a 10,000-entity document).
 */
export function spansOverlapping<T extends { start: number; end: number; id: string }>(
  record: Record<string, T>,
  firstEnd: number,
  lastStart: number,
): T[] {
  return spanListOf(record).overlapping(firstEnd, lastStart);
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

/**
 * `record` with these spans put, or removed where the value is null: a new record that remembers what changed. It reads
 * through the record's persistent SpanList (one chunk and one id bucket copied), not a copy of every span: a keypress
 * costs about the same at 1,000 and 50,000 entities, and every older record stays as it was for undo.
 */
export function withSpans<T>(record: Record<string, T>, changes: Record<string, T | null>): Record<string, T> {
  type S = T & { id: string; start: number; end: number };
  let list: SpanList<S>;
  try {
    list = spanListOf(record as Record<string, S>).with(changes as Record<string, S | null>);
  } catch {
    // A span not where its order puts it (changed in place): list the record in full rather than guess.
    list = SpanList.of(Object.values(record as Record<string, S>)).with(changes as Record<string, S | null>);
  }
  const next = recordOver(list) as Record<string, T>;
  derivations.set(next, { from: record, ids: Object.keys(changes) });
  spanLists.set(next, list as SpanList<never>);
  return next;
}

/**
 * A read-only record view of a span list: reads as a plain `Record<id, span>` (lookups, `Object.hasOwn`, `Object.keys`
 * in sidecar order, spread, JSON), so the renderer's readers need no change; writing to it throws.
 */
function recordOver<T extends { id: string; start: number; end: number }>(list: SpanList<T>): Record<string, T> {
  const refuse = (): never => {
    throw new TypeError('a document record is immutable: make a new one with withSpans');
  };
  return new Proxy({} as Record<string, T>, {
    get: (target, key) => (typeof key === 'string' && list.has(key) ? list.get(key) : Reflect.get(target, key)),
    has: (target, key) => (typeof key === 'string' && list.has(key)) || Reflect.has(target, key),
    ownKeys: () => list.toArray().map((s) => s.id),
    getOwnPropertyDescriptor: (_target, key) => {
      const span = typeof key === 'string' ? list.get(key) : undefined;
      return span && { value: span, writable: true, enumerable: true, configurable: true };
    },
    set: refuse,
    deleteProperty: refuse,
    defineProperty: refuse,
  });
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

/**
 * The changes that turn record `from` into `to` when one was derived from the other (or both from a common one) in a
 * few steps, found from the ids those steps changed; null when they are not related so (comparing would read both in
 * full).
 */
export function derivedSpanChanges<T extends { id: string; start: number; end: number }>(
  from: Record<string, T>,
  to: Record<string, T>,
): SpanChanges | null {
  if (from === to) return { put: [], removed: [] };
  const ids = idsBetween(from, to);
  if (!ids) return null;
  const put: T[] = [];
  const removed: string[] = [];
  for (const id of ids) {
    const before = Object.hasOwn(from, id) ? from[id] : undefined;
    const after = Object.hasOwn(to, id) ? to[id] : undefined;
    if (before === after) continue;
    if (after) put.push(after);
    else removed.push(id);
  }
  return { put, removed };
}

/** The changes that turn record `from` into `to`: spans added or replaced, ids removed. */
export function spanChanges<T extends { id: string; start: number; end: number }>(
  from: Record<string, T>,
  to: Record<string, T>,
): SpanChanges {
  const derived = derivedSpanChanges(from, to);
  if (derived) return derived;
  const put: T[] = [];
  const removed: string[] = [];
  for (const id in to) if (from[id] !== to[id] || !Object.hasOwn(from, id)) put.push(to[id]);
  for (const id in from) if (!Object.hasOwn(to, id)) removed.push(id);
  return { put, removed };
}

// ---- ids ----

/** Largest numeric suffix per prefix, per record: kept from the record it was derived from when possible. */
const largestSuffix = new WeakMap<object, Map<string, number>>();

function suffixOf(id: string, prefix: string): number {
  if (!id.startsWith(prefix) || id.length === prefix.length) return 0;
  // Digits only (every id the editor makes): read in place, no string sliced (50,000 ids a scan).
  let digits = 0;
  for (let i = prefix.length; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return suffixOfOther(id, prefix);
    digits = digits * 10 + d;
  }
  return digits;
}

/** Any other suffix read as a number, as it always was ("t1e3" is 1000): the ids made next never meet it. */
function suffixOfOther(id: string, prefix: string): number {
  const n = Number(id.slice(prefix.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The largest suffix of a record's ids, read from its sorted list or span list when it has one: a record withSpans made
 * is a view of its list, and listing its keys asked the view for each of 50,000 spans one by one (in the keypress).
 */
function largestIn(record: Record<string, unknown>, prefix: string): number {
  let max = 0;
  // Lists kept only of records that never change (a caller's own record may be filled after it was listed).
  const fixed = opened.has(record) || derivations.has(record);
  const items = (fixed && (sortedCache.get(record) ?? spanLists.get(record)?.toArray())) as { id: string }[] | false;
  if (items) for (const item of items) max = Math.max(max, suffixOf(item.id, prefix));
  else for (const id of Object.keys(record)) max = Math.max(max, suffixOf(id, prefix));
  return max;
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
  if (max === null) max = largestIn(record, prefix);
  // Only records never changed after they were made are remembered: one still being filled would keep a stale answer.
  if (!derived && !opened.has(record)) return max;
  if (!known) largestSuffix.set(record, (known = new Map()));
  known.set(prefix, max);
  return max;
}

/**
 * Works out now, once per opened document, what its first edit would otherwise work out inside its keypress: each
 * record's span list (hit-tests, withSpans) and the largest id of each prefix (nextId). At 50,000 entities nextId read
 * all 50,000 ids in the first tag of a page, in cold code (~8 ms sampled of its 36 ms keydown task at load). Called at
 * open, in idle time; the answers are kept with the records (immutable), and a record an edit derives is one step away.
 */
export function prepareForEdits(data: DocumentData): void {
  for (const [prefix, record] of [
    ['t', data.entities],
    ['q', data.quotes],
    ['e', data.edits],
  ] as const) {
    spanListOf<{ id: string; start: number; end: number }>(record);
    largest(prefix, record);
  }
}

/** Next free id with this prefix ("t", "q", "e"): one past the largest numeric suffix, so ids stay stable. */
export function nextId(prefix: string, ...records: Record<string, unknown>[]): string {
  let max = 0;
  for (const record of records) max = Math.max(max, largest(prefix, record));
  return `${prefix}${max + 1}`;
}
