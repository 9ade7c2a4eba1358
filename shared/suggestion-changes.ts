// A document's suggestions as versions: the back end answers "what changed since the version the editor has" (a
// few suggestions come and go when an entity is tagged or the tagger learns), not the whole list again. On a long
// document the whole list is ~100,000 suggestions (8 MB of JSON), fetched after every save and while the tagger
// trains; the editor then went through all of them again. Pure: the back end diffs, the renderer applies.
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

/**
 * The index in `sorted` (compareSuggestionsFully order) of a suggestion the same as `s`, or -1: a binary search,
 * then a look at those equal in that order.
 */
export function indexOfSuggestion(
  sorted: readonly Suggestion[],
  s: Suggestion,
  work?: ChangeWork,
  skip?: (index: number) => boolean,
): number {
  let i = partitionPoint(sorted.length, (k) => {
    if (work) work.compared++;
    return compareSuggestionsFully(sorted[k], s) < 0;
  });
  for (; i < sorted.length && compareSuggestionsFully(sorted[i], s) === 0; i++) {
    if (work) work.compared++;
    if (sameSuggestion(sorted[i], s) && !skip?.(i)) return i;
  }
  return -1;
}

/**
 * `sorted` (compareSuggestionsFully order) without `removed` (those of them in it) and with `added`, in that order:
 * each found by binary search (O(k log n) comparisons for k changes), the rest of the list copied as it is. A new
 * list; `sorted` is left as it was.
 */
export function applySortedChanges(
  sorted: readonly Suggestion[],
  removed: readonly Suggestion[],
  added: readonly Suggestion[],
  work?: ChangeWork,
  /** Where the removed ones found in `sorted` go (those not found are left out). */
  dropped?: Suggestion[],
): Suggestion[] {
  if (removed.length === 0 && added.length === 0) return sorted as Suggestion[];
  const drop = new Set<number>();
  for (const s of removed) {
    // Not one already dropped (the same suggestion twice in a list, removed twice).
    const at = indexOfSuggestion(sorted, s, work, (i) => drop.has(i));
    if (at < 0) continue;
    drop.add(at);
    dropped?.push(s);
  }
  // Each added one goes after those equal to it in the order (as a stable sort of the list with it would put it).
  const inserts = [...added].sort(compareSuggestionsFully).map((s) => ({
    s,
    at: partitionPoint(sorted.length, (k) => {
      if (work) work.compared++;
      return compareSuggestionsFully(sorted[k], s) <= 0;
    }),
  }));
  // The places where something happens, in order; between them the list is copied in runs.
  const drops = [...drop].sort((a, b) => a - b);
  const out: Suggestion[] = [];
  let from = 0;
  let d = 0;
  let k = 0;
  while (d < drops.length || k < inserts.length) {
    const at = Math.min(d < drops.length ? drops[d] : Infinity, k < inserts.length ? inserts[k].at : Infinity);
    for (let i = from; i < at; i++) out.push(sorted[i]);
    from = at;
    // Inserts at `at` go before the one there (which may be dropped).
    while (k < inserts.length && inserts[k].at === at) out.push(inserts[k++].s);
    if (d < drops.length && drops[d] === at) {
      d++;
      from = at + 1;
    }
  }
  for (let i = from; i < sorted.length; i++) out.push(sorted[i]);
  return out;
}
