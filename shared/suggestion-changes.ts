// A document's suggestions as versions: the back end answers "what changed since the version the editor has" (a
// few suggestions come and go when an entity is tagged or the tagger learns), not the whole list again. On a long
// document the whole list is ~100,000 suggestions (8 MB of JSON), fetched after every save and while the tagger
// trains; the editor then went through all of them again. Pure: the back end diffs, the renderer applies.
import type { ListEdit } from './chunked-list';
import { partitionPoint } from './sorted-search';
import type { Suggestion } from './suggestions';
import { compareSuggestions, sameSuggestion } from './suggestions';

/** What came and went between two versions of a document's suggestions (removed: as they were, field by field). */
export interface SuggestionChanges {
  added: Suggestion[];
  removed: Suggestion[];
}

const SOURCE_ORDER = { workspace: 0, tagger: 1, 'quote-finder': 2 } as const;

const kindOf = (s: Suggestion): string => ('label' in s ? s.label : s.kind);

/**
 * A total order refining compareSuggestions (by position, longer first at one start): then by source, label or
 * kind, and score. Equal only for suggestions alike in all of these, so a list in this order is the same list
 * whatever order its suggestions came in, and a suggestion is found in it by binary search.
 */
export function compareSuggestionsFully(a: Suggestion, b: Suggestion): number {
  const byPlace = compareSuggestions(a, b);
  if (byPlace !== 0) return byPlace;
  const bySource = SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source];
  if (bySource !== 0) return bySource;
  const [x, y] = [kindOf(a), kindOf(b)];
  if (x !== y) return x < y ? -1 : 1;
  return b.score - a.score;
}

/** A suggestion's key: its source, what it is and where (two with one key may still differ in score or speaker). */
function keyOf(s: Suggestion): string {
  return `${s.source}\u0000${kindOf(s)}\u0000${s.start}\u0000${s.end}`;
}

/**
 * What changed from `before` to `after` (each a multiset: order does not matter). A changed suggestion (another
 * score, speaker or conflicts) is removed as it was and added as it is.
 */
export function diffSuggestions(before: readonly Suggestion[], after: readonly Suggestion[]): SuggestionChanges {
  const was = new Map<string, Suggestion[]>();
  for (const s of before) {
    const key = keyOf(s);
    const list = was.get(key);
    if (list) list.push(s);
    else was.set(key, [s]);
  }
  const added: Suggestion[] = [];
  for (const s of after) {
    const list = was.get(keyOf(s));
    const at = list ? list.findIndex((x) => sameSuggestion(x, s)) : -1;
    if (at < 0) added.push(s);
    else list!.splice(at, 1);
  }
  const removed: Suggestion[] = [];
  for (const list of was.values()) removed.push(...list);
  return { added, removed };
}

/** Work done by the functions below (for tests): suggestions compared while finding places, and items copied. */
export interface ChangeWork {
  compared: number;
}

/** A list by index: an array, or a ChunkedList. */
export interface Indexed<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/**
 * The index in `sorted` (compareSuggestionsFully order) of a suggestion the same as `s`, or -1: a binary search,
 * then a look at those equal in that order.
 */
export function indexOfSuggestion(
  sorted: Indexed<Suggestion>,
  s: Suggestion,
  work?: ChangeWork,
  skip?: (index: number) => boolean,
): number {
  let i = partitionPoint(sorted.length, (k) => {
    if (work) work.compared++;
    return compareSuggestionsFully(sorted.at(k)!, s) < 0;
  });
  for (; i < sorted.length && compareSuggestionsFully(sorted.at(i)!, s) === 0; i++) {
    if (work) work.compared++;
    if (sameSuggestion(sorted.at(i)!, s) && !skip?.(i)) return i;
  }
  return -1;
}

/**
 * The edits making `sorted` (compareSuggestionsFully order) into the list without `removed` (those of them in it)
 * and with `added`, in that order: each found by binary search, O(k log n) comparisons for k changes. By position,
 * none overlapping (for ChunkedList.replaced, or applyEdits).
 */
export function sortedChangeEdits(
  sorted: Indexed<Suggestion>,
  removed: readonly Suggestion[],
  added: readonly Suggestion[],
  work?: ChangeWork,
  /** Where the removed ones found in `sorted` go (those not found are left out). */
  dropped?: Suggestion[],
): ListEdit<Suggestion>[] {
  const drop = new Set<number>();
  for (const s of removed) {
    // Not one already dropped (the same suggestion twice in a list, removed twice).
    const at = indexOfSuggestion(sorted, s, work, (i) => drop.has(i));
    if (at < 0) continue;
    drop.add(at);
    dropped?.push(s);
  }
  // Each added one goes after those equal to it in the order (as a stable sort of the list with it would put it).
  const inserts = new Map<number, Suggestion[]>();
  for (const s of [...added].sort(compareSuggestionsFully)) {
    const at = partitionPoint(sorted.length, (k) => {
      if (work) work.compared++;
      return compareSuggestionsFully(sorted.at(k)!, s) <= 0;
    });
    const here = inserts.get(at);
    if (here) here.push(s);
    else inserts.set(at, [s]);
  }
  // One edit per place: what goes in before the one there, and that one out when it is dropped.
  const places = [...new Set([...drop, ...inserts.keys()])].sort((a, b) => a - b);
  return places.map((at) => ({ from: at, to: drop.has(at) ? at + 1 : at, items: inserts.get(at) ?? [] }));
}

/** `list` with `edits` made (by position, not overlapping): runs between them block-copied. A new array. */
export function applyEdits<T>(list: readonly T[], edits: readonly ListEdit<T>[]): T[] {
  if (edits.length === 0) return list as T[];
  const parts: (readonly T[])[] = [];
  let from = 0;
  for (const e of edits) {
    if (e.from > from) parts.push(list.slice(from, e.from));
    parts.push(e.items);
    from = e.to;
  }
  if (from < list.length) parts.push(list.slice(from));
  return ([] as T[]).concat(...parts);
}

/**
 * `sorted` (compareSuggestionsFully order) without `removed` (those of them in it) and with `added`, in that order
 * (see sortedChangeEdits). A new list; `sorted` is left as it was.
 */
export function applySortedChanges(
  sorted: readonly Suggestion[],
  removed: readonly Suggestion[],
  added: readonly Suggestion[],
  work?: ChangeWork,
  dropped?: Suggestion[],
): Suggestion[] {
  if (removed.length === 0 && added.length === 0) return sorted as Suggestion[];
  return applyEdits(sorted, sortedChangeEdits(sorted, removed, added, work, dropped));
}
