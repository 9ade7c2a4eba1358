// The editor's review of entity and quote suggestions (shared/suggestions.ts): which are still
// open for a document, what accepting or rejecting one does to its data. Pure: the renderer's
// actions run these inside one undo step. A rejection is kept in the sidecar's `rejected`
// beside the cleanup ones, its rule naming what was rejected (`entity:PERSON`,
// `quote:direct`), so it holds for that span whatever source suggests it again, and the
// workspace's tagger learns from it; the boilerplate learner leaves these out.
import type { DocumentData } from './document-data';
import { nextId, sortedSpans, spanAt, spanChanges, spansOverlapping, withSpans } from './document-data';
import type { MessageKey } from './i18n/en';
import type { DocumentMetadata, Entity, Quote, RejectedSuggestion } from './model';
import { overlapTest, partitionPoint } from './sorted-search';
import type { EntitySuggestion, QuoteSuggestion, Suggestion, SuggestionSource } from './suggestions';
import { ChunkedList, type ListEdit } from './chunked-list';
import { applySortedChanges, compareSuggestionsFully, sortedChangeEdits, type ChangeWork } from './suggestion-changes';

export const SUGGESTION_SOURCES: readonly SuggestionSource[] = ['workspace', 'tagger', 'quote-finder'];

/** Which sources the editor shows (a setting each); all on unless turned off. */
export type SuggestionSources = Record<SuggestionSource, boolean>;
export const ALL_SOURCES: SuggestionSources = { workspace: true, tagger: true, 'quote-finder': true };

/** In the editor's words (message keys of the catalogs, shared/i18n). */
export const SOURCE_NAMES: Record<SuggestionSource, MessageKey> = {
  workspace: 'source.workspace',
  tagger: 'source.tagger',
  'quote-finder': 'source.quote-finder',
};

const ENTITY_RULE = 'entity:';
const QUOTE_RULE = 'quote:';

export function isEntitySuggestion(s: Suggestion): s is EntitySuggestion {
  return s.source !== 'quote-finder';
}

/** A rejected entity or quote suggestion (not a boilerplate one). */
export function isAnnotationRejection(r: Pick<RejectedSuggestion, 'rule'>): boolean {
  return r.rule.startsWith(ENTITY_RULE) || r.rule.startsWith(QUOTE_RULE);
}

/** The label a rejected entity suggestion had, or null for any other rejection. */
export function rejectedEntityLabel(r: Pick<RejectedSuggestion, 'rule'>): string | null {
  return r.rule.startsWith(ENTITY_RULE) ? r.rule.slice(ENTITY_RULE.length) : null;
}

/** Stable identity of a suggestion within its document: what it is and where. */
export function suggestionId(s: Suggestion): string {
  return isEntitySuggestion(s) ? `entity:${s.label}:${s.start}:${s.end}` : `quote:${s.kind}:${s.start}:${s.end}`;
}

/** What the sidecar keeps of a rejection; `text` is the source's code points [start, end). */
export function rejectionOf(s: Suggestion, text: string): RejectedSuggestion {
  const rule = isEntitySuggestion(s) ? `${ENTITY_RULE}${s.label}` : `${QUOTE_RULE}${s.kind}`;
  return { rule, start: s.start, end: s.end, text };
}

/** A suggestion's kind and span, as its rejection is known by (an entity's with any label, a quote's of any kind). */
const spanKey = (prefix: string, start: number, end: number) => `${prefix}${start}:${end}`;
const keyOf = (s: Suggestion) => spanKey(isEntitySuggestion(s) ? ENTITY_RULE : QUOTE_RULE, s.start, s.end);

/** The spans rejected: "rejected for this span?" one lookup each, not a scan of every rejection. */
function rejectedSpans(rejected: readonly RejectedSuggestion[] | undefined) {
  const keys = new Set<string>();
  const add = (r: RejectedSuggestion) => {
    for (const prefix of [ENTITY_RULE, QUOTE_RULE])
      if (r.rule.startsWith(prefix)) keys.add(spanKey(prefix, r.start, r.end));
  };
  for (const r of rejected ?? []) add(r);
  // No rejections (the usual case): no key string made for each of up to 100,000 suggestions.
  return { has: (s: Suggestion) => keys.size > 0 && keys.has(keyOf(s)), add };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * The suggestions still open: from a source that is on, not rejected for their span, and not
 * where the editor already has an entity (for an entity) or a quote (for a quote). Undoing an
 * accept or a reject brings one back. By position.
 */
export function openSuggestions(
  suggestions: readonly Suggestion[],
  data: DocumentData | null,
  sources: SuggestionSources = ALL_SOURCES,
): Suggestion[] {
  if (!data) return [];
  if (suggestions.length === 0) return [];
  // The records' lists in sidecar order (cached per record), so each suggestion is one binary search, not a scan:
  // 100,000 suggestions against 10,000 entities froze the editor for seconds when they came in.
  const onEntity = overlapTest(sortedSpans(data.entities).filter((e) => !e.orphaned));
  const onQuote = overlapTest(sortedSpans(data.quotes).filter((q) => !q.orphaned));
  const rejected = rejectedSpans(data.rejected);
  return suggestions
    .filter((s) => sources[s.source] && !rejected.has(s))
    .filter((s) => !(isEntitySuggestion(s) ? onEntity : onQuote)(s.start, s.end))
    .sort(compareSuggestionsFully);
}

/** Past this many spans changed by one edit (an accept-all undone), the open list is worked out afresh. */
const AFTER_EDIT_LIMIT = 256;

/** A list of suggestions in openSuggestions' order, with the longest one's length (made once per list sent). */
const byPosition = new WeakMap<readonly Suggestion[], { sorted: Suggestion[]; longest: number }>();

function suggestionsByPosition(suggestions: readonly Suggestion[]): { sorted: Suggestion[]; longest: number } {
  let hit = byPosition.get(suggestions);
  if (!hit) {
    hit = { sorted: [...suggestions].sort(compareSuggestionsFully), longest: longestSuggestion(suggestions) };
    byPosition.set(suggestions, hit);
  }
  return hit;
}

/**
 * `suggestions` in openSuggestions' order (compareSuggestionsFully): the list the editor keeps, sorted once when a
 * whole answer comes, then changed in place of each change (suggestionsAfterChanges), never sorted again.
 */
export function sortSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
  const sorted = suggestionsByPosition(suggestions).sorted;
  byPosition.set(sorted, { sorted, longest: longestSuggestion(suggestions) });
  longestOf.set(sorted, longestSuggestion(suggestions));
  return sorted;
}

/** How a list of suggestions came from another (for the open list to follow it instead of working it out afresh). */
const derived = new WeakMap<
  readonly Suggestion[],
  { from: readonly Suggestion[]; added: readonly Suggestion[]; removed: readonly Suggestion[] }
>();

/**
 * The editor's list (from sortSuggestions or this) with a change of the back end's applied: O(k log n) comparisons
 * for k suggestions changed, the rest copied as it is. The new list remembers where it came from, so
 * openSuggestionsAfterChanges follows it through the open list and its counts.
 */
export function suggestionsAfterChanges(
  sorted: readonly Suggestion[],
  removed: readonly Suggestion[],
  added: readonly Suggestion[],
  work?: ChangeWork,
): Suggestion[] {
  const dropped: Suggestion[] = [];
  const out = applySortedChanges(sorted, removed, added, work, dropped);
  if (out === sorted) return out;
  // At least the longest (the longest one removed, it is kept: a bound for searches, not looked for again in them all).
  const longest = added.reduce((m, s) => Math.max(m, s.end - s.start), longestSuggestion(sorted));
  longestOf.set(out, longest);
  byPosition.set(out, { sorted: out, longest });
  derived.set(out, { from: sorted, added, removed: dropped });
  return out;
}

const longestOf = new WeakMap<readonly Suggestion[], number>();

/**
 * The length of the longest suggestion of the list (worked out once per list the back end sent), or more for one made
 * by suggestionsAfterChanges (the longest of those it came from and those added).
 */
export function longestSuggestion(suggestions: readonly Suggestion[]): number {
  let longest = longestOf.get(suggestions);
  if (longest === undefined) {
    longest = 0;
    for (const s of suggestions) longest = Math.max(longest, s.end - s.start);
    longestOf.set(suggestions, longest);
  }
  return longest;
}

/** The first index of `list` (by start) whose start is at or after `pos`. */
const firstStartingAt = (list: readonly Suggestion[], pos: number) =>
  partitionPoint(list.length, (i) => list[i].start < pos);

/** Whether a span of the record (not orphaned) overlaps [start, end): a look at a chunk or two of its span list. */
function recordOverlaps(record: Record<string, Entity | Quote>, start: number, end: number): boolean {
  return spansOverlapping(record, start + 1, end - 1).some((x) => !x.orphaned && overlaps(x, { start, end }));
}

/** The spans an edit changed: entities and quotes put or removed (where they were and are), rejections made, undone. */
function changedSpans(prev: DocumentData, data: DocumentData): { start: number; end: number }[] | null {
  const out: { start: number; end: number }[] = [];
  for (const kind of ['entities', 'quotes'] as const) {
    const before: Record<string, Entity | Quote> = prev[kind];
    const { put, removed } = spanChanges(before, data[kind]);
    if (put.length + removed.length > AFTER_EDIT_LIMIT) return null;
    for (const x of put) out.push(x, ...(Object.hasOwn(before, x.id) ? [before[x.id]] : []));
    for (const id of removed) out.push(before[id]);
  }
  if (prev.rejected !== data.rejected) {
    const key = (r: RejectedSuggestion) => `${r.rule}:${r.start}:${r.end}`;
    const was = new Set((prev.rejected ?? []).map(key));
    const is = new Set((data.rejected ?? []).map(key));
    for (const r of data.rejected ?? []) if (!was.has(key(r))) out.push(r);
    for (const r of prev.rejected ?? []) if (!is.has(key(r))) out.push(r);
  }
  return out.length > AFTER_EDIT_LIMIT ? null : out;
}

/**
 * The open suggestions as the editor keeps them: in chunks, so that an edit changing a few of 100,000 makes a list
 * sharing all but a chunk or two with the one before (copying the 100,000 took ~3–10 ms an edit).
 */
export type OpenSuggestions = ChunkedList<Suggestion>;

/** The open list as a ChunkedList (as it is, or chunked once: a plain array from openSuggestions). */
export function openList(open: readonly Suggestion[] | OpenSuggestions): OpenSuggestions {
  if (open instanceof ChunkedList) return open;
  const list = ChunkedList.from(open);
  const counts = countsOf.get(open);
  if (counts) countsOf.set(list, counts);
  return list;
}

/** The result in the kind of list it was asked with (an array: for tests and callers of openSuggestions). */
function sameKind<L extends readonly Suggestion[] | OpenSuggestions>(asked: L, out: OpenSuggestions): L {
  if (asked instanceof ChunkedList) return out as L;
  const array = out.toArray();
  countsOf.set(array, countSuggestions(out));
  return array as unknown as L;
}

const firstStartingAtIn = (list: OpenSuggestions, pos: number) => list.partitionPoint((s) => s.start < pos);

/**
 * openSuggestions(suggestions, data, sources), given `before` = openSuggestions(suggestions, prev, sources): only
 * the suggestions near the spans the edit changed are looked at again (a tag, delete or undo on a long document
 * with 100,000 suggestions held the editor ~100 ms going through them all), the rest of the list shared (a
 * ChunkedList) or copied (an array). Null when the edit changed too many spans to be worth it: then openSuggestions.
 */
export function openSuggestionsAfterEdit<L extends readonly Suggestion[] | OpenSuggestions>(
  before: L,
  suggestions: readonly Suggestion[],
  prev: DocumentData,
  data: DocumentData,
  sources: SuggestionSources = ALL_SOURCES,
): L | null {
  if (prev === data) return before;
  const changed = changedSpans(prev, data);
  if (!changed) return null;
  if (changed.length === 0) return before;
  const { sorted, longest } = suggestionsByPosition(suggestions);
  const list = openList(before);
  // A suggestion an edit may open or close overlaps a changed span (or is on a rejected one): it starts in
  // [start - longest, end]. Those windows, merged, are worked out again; the rest of the list is kept as it was.
  const windows = changed
    .map((c) => ({ lo: c.start - longest, hi: c.end }))
    .sort((a, b) => a.lo - b.lo)
    .reduce<{ lo: number; hi: number }[]>((out, w) => {
      const last = out[out.length - 1];
      if (last && w.lo <= last.hi) last.hi = Math.max(last.hi, w.hi);
      else out.push({ ...w });
      return out;
    }, []);
  const isOpen = openTest(data, sources);
  // The counts follow: those of the windows as they were out, as they are in (not a count of the whole list).
  const counts = cloneCounts(countSuggestions(list));
  const edits: ListEdit<Suggestion>[] = [];
  for (const { lo, hi } of windows) {
    const from = firstStartingAtIn(list, lo);
    const to = firstStartingAtIn(list, hi + 1);
    for (let i = from; i < to; i++) tally(counts, list.at(i)!, -1);
    const items: Suggestion[] = [];
    for (let i = firstStartingAt(sorted, lo); i < sorted.length && sorted[i].start <= hi; i++)
      if (isOpen(sorted[i])) {
        items.push(sorted[i]);
        tally(counts, sorted[i], 1);
      }
    edits.push({ from, to, items });
  }
  const out = list.replaced(edits);
  countsOf.set(out, counts);
  return sameKind(before, out);
}

/** Whether a suggestion is open: its source on, not rejected, over no entity (or quote) of the record. */
function openTest(data: DocumentData, sources: SuggestionSources): (s: Suggestion) => boolean {
  const rejected = rejectedSpans(data.rejected);
  return (s) =>
    sources[s.source] &&
    !rejected.has(s) &&
    !recordOverlaps(isEntitySuggestion(s) ? data.entities : data.quotes, s.start, s.end);
}

/**
 * openSuggestions(next, data, sources), given `before` = openSuggestions(prev, data, sources) and `next` made from
 * `prev` by suggestionsAfterChanges: the suggestions removed are taken out of the open list, those added put in if
 * open, each by binary search, and the counts follow (a change of 3 of 100,000 suggestions looks at a few dozen, not
 * 100,000). Null when `next` was not made from `prev` that way: then openSuggestions.
 */
export function openSuggestionsAfterChanges<L extends readonly Suggestion[] | OpenSuggestions>(
  before: L,
  prev: readonly Suggestion[],
  next: readonly Suggestion[],
  data: DocumentData,
  sources: SuggestionSources = ALL_SOURCES,
  work?: ChangeWork,
): L | null {
  if (prev === next) return before;
  const how = derived.get(next);
  if (!how || how.from !== prev) return null;
  const list = openList(before);
  const isOpen = openTest(data, sources);
  const counts = cloneCounts(countSuggestions(list));
  // A removed one not open was not in the list (the open ones were, as `before` is open(prev)).
  const removed = how.removed.filter(isOpen);
  const added = how.added.filter(isOpen);
  for (const s of removed) tally(counts, s, -1);
  for (const s of added) tally(counts, s, 1);
  const out = list.replaced(sortedChangeEdits(list, removed, added, work));
  countsOf.set(out, counts);
  return sameKind(before, out);
}

export interface SuggestionCounts {
  total: number;
  byLabel: Record<string, number>;
  bySource: Partial<Record<SuggestionSource, number>>;
}

/** Where quote suggestions count in `byLabel` (no entity label is lower case); the bar says it in its language. */
export const QUOTES_LABEL = 'quote';

/** The counts of open lists worked out after an edit or a change from the counts before (not counted again). */
const countsOf = new WeakMap<readonly Suggestion[] | OpenSuggestions, SuggestionCounts>();

function tally(counts: SuggestionCounts, s: Suggestion, by: 1 | -1): void {
  const label = isEntitySuggestion(s) ? s.label : QUOTES_LABEL;
  counts.total += by;
  const inLabel = (counts.byLabel[label] ?? 0) + by;
  if (inLabel === 0) delete counts.byLabel[label];
  else counts.byLabel[label] = inLabel;
  const inSource = (counts.bySource[s.source] ?? 0) + by;
  if (inSource === 0) delete counts.bySource[s.source];
  else counts.bySource[s.source] = inSource;
}

function cloneCounts(c: SuggestionCounts): SuggestionCounts {
  return { total: c.total, byLabel: { ...c.byLabel }, bySource: { ...c.bySource } };
}

/**
 * How many are open, per label (quotes count as QUOTES_LABEL) and per source: counted once per open list (those made
 * by openSuggestionsAfterEdit and openSuggestionsAfterChanges come with theirs). The same object for the same list:
 * not to be changed.
 */
export function countSuggestions(open: readonly Suggestion[] | OpenSuggestions): SuggestionCounts {
  const known = countsOf.get(open);
  if (known) return known;
  const counts: SuggestionCounts = { total: 0, byLabel: {}, bySource: {} };
  for (const s of open) tally(counts, s, 1);
  countsOf.set(open, counts);
  return counts;
}

/** The first change to a document moves it from todo to in progress. */
function touched(document: DocumentMetadata): DocumentMetadata {
  return document.status === 'todo' ? { ...document, status: 'in_progress' } : document;
}

export interface AcceptOptions {
  /** The label to give the entities instead of their suggested one (a digit pressed). */
  label?: string;
  /** The label of a speaker's entity made for an accepted quote (PERSON); none: the speaker goes in as a name. */
  personLabel?: string | null;
}

/**
 * The document with `list` accepted: each entity suggestion an entity, each quote suggestion a
 * quote with its suggested speaker (the entity on that span, else one made for it). What
 * overlaps what is already there, or was accepted before it in the list, is left. The same
 * data when nothing was added. `slice(start, end)` gives the source's code points.
 */
export function acceptedInto(
  data: DocumentData,
  list: readonly Suggestion[],
  slice: (start: number, end: number) => string,
  options: AcceptOptions = {},
): { data: DocumentData; added: number } {
  const entities: Record<string, Entity | null> = {};
  const quotes: Record<string, Quote | null> = {};
  // What is already over a place: the record's spans there, found in its span list, and those accepted before in
  // this list; never a list of every entity (accepting one suggestion at 50,000 entities listed them all, twice).
  const taken = <T extends Entity | Quote>(
    record: Record<string, T>,
    accepted: Record<string, T | null>,
    at: { start: number; end: number },
  ): boolean =>
    spansOverlapping(record, at.start + 1, at.end - 1).some((x) => !x.orphaned && overlaps(x, at)) ||
    newOnes(accepted).some((x) => overlaps(x, at));
  const entityOn = (at: { start: number; end: number }): Entity | undefined =>
    spanAt(data.entities, at.start, at.end, (e) => !e.orphaned) ??
    newOnes(entities).find((e) => e.start === at.start && e.end === at.end);
  let entityNo = Number(nextId('t', data.entities).slice(1));
  let quoteNo = Number(nextId('q', data.quotes).slice(1));
  let added = 0;
  for (const s of list) {
    if (isEntitySuggestion(s)) {
      if (taken(data.entities, entities, s)) continue;
      const id = `t${entityNo++}`;
      entities[id] = { id, start: s.start, end: s.end, label: options.label ?? s.label, text: slice(s.start, s.end) };
      added++;
      continue;
    }
    if (taken(data.quotes, quotes, s)) continue;
    const quote = quoteOf(s, `q${quoteNo++}`, slice);
    if (s.speaker) {
      const at = s.speaker;
      const speaker = entityOn(at);
      if (speaker) quote.speaker = speaker.id;
      else if (options.personLabel && !taken(data.entities, entities, at)) {
        const id = `t${entityNo++}`;
        entities[id] = { id, start: at.start, end: at.end, label: options.personLabel, text: slice(at.start, at.end) };
        quote.speaker = id;
      } else quote.speakerName = slice(at.start, at.end);
    }
    quotes[quote.id] = quote;
    added++;
  }
  if (added === 0) return { data, added };
  const next: DocumentData = { ...data, document: touched(data.document) };
  if (Object.keys(entities).length > 0) next.entities = withSpans(data.entities, entities);
  if (Object.keys(quotes).length > 0) next.quotes = withSpans(data.quotes, quotes);
  return { data: next, added };
}

function newOnes<T>(record: Record<string, T | null>): T[] {
  return Object.values(record).filter((x): x is T => x !== null);
}

function quoteOf(s: QuoteSuggestion, id: string, slice: (start: number, end: number) => string): Quote {
  return { id, start: s.start, end: s.end, text: slice(s.start, s.end), speaker: null, kind: s.kind };
}

/** The document with `list` rejected (kept in `rejected`); the same data when all were already. */
export function rejectedInto(
  data: DocumentData,
  list: readonly Suggestion[],
  slice: (start: number, end: number) => string,
): { data: DocumentData; added: number } {
  const rejected = [...(data.rejected ?? [])];
  const known = rejectedSpans(rejected);
  let added = 0;
  for (const s of list) {
    if (known.has(s)) continue;
    const rejection = rejectionOf(s, slice(s.start, s.end));
    rejected.push(rejection);
    known.add(rejection);
    added++;
  }
  return added === 0 ? { data, added } : { data: { ...data, rejected }, added };
}

/** The entity rejections of a sidecar, as spans the tagger learns are no such name. */
export function rejectedEntitySpans(
  rejected: readonly RejectedSuggestion[] | undefined,
): { start: number; end: number; label: string }[] {
  const out: { start: number; end: number; label: string }[] = [];
  for (const r of rejected ?? []) {
    const label = rejectedEntityLabel(r);
    if (label !== null) out.push({ start: r.start, end: r.end, label });
  }
  return out;
}
