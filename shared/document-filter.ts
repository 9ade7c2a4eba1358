// The document list's filter box: words, each of which must be in the document's name, title or
// text (Arabic-normalized: hamza forms, diacritics, tatweel, letter variants and Latin case
// folded, as the editor's search folds them), `status:done` (todo, in_progress, in-progress), and
// `assigned:me` (Teams: the documents tahrir-assignment.json gives this machine's annotator;
// `assigned:lina`, another annotator's).
import { normalizeText } from './arabic-normalize';
import { sameAnnotator } from './git-sync';
import type { DocumentStatus } from './model';

export interface DocumentFilter {
  /** The statuses asked for (any of them), as typed; empty: every status. */
  statuses: string[];
  /** Words as typed (lower case); every one must match. */
  words: string[];
  /** `assigned:me` ('me') or `assigned:NAME`: only the documents assigned to that annotator; null: any. */
  assigned: string | null;
}

/** The word of the "Assigned to me" toggle in the filter box. */
export const ASSIGNED_TO_ME = 'assigned:me';

export function parseFilter(filter: string): DocumentFilter {
  const out: DocumentFilter = { statuses: [], words: [], assigned: null };
  for (const word of filter.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word.startsWith('assigned:')) out.assigned = word.slice(9);
    else if (word.startsWith('status:')) {
      // A status not (yet) spelled out, `status:do` while typing, matches nothing rather than everything.
      out.statuses.push(word.slice(7).replace('-', '_'));
    } else out.words.push(word);
  }
  return out;
}

/** Text folded as the filter compares it (never stored, never shown). */
export function foldForFilter(text: string): string {
  return normalizeText(text);
}

/** The words as the filter looks for them: folded, the empty ones (a lone diacritic) dropped. */
export function foldWords(words: readonly string[]): string[] {
  return words.map(foldForFilter).filter((w) => w !== '');
}

/** The folded words not found in `folded` (a document's name and title, then its text, folded). */
export function wordsMissing(folded: string, needles: readonly string[]): string[] {
  return needles.filter((n) => !folded.includes(n));
}

/**
 * Does `folded` hold every needle? wordsMissing without the array: the list's filter asks it of
 * each of 100,000 names at every keystroke, and an array a name was most of that keystroke's garbage.
 */
export function holdsAll(folded: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (!folded.includes(needles[i])) return false;
  return true;
}

/**
 * The places (in `folded`) of the names holding every needle: among `candidates` (places, in
 * order) when given, else all. One small loop of its own, so it stays optimized from keystroke to
 * keystroke: the list's filter inlined in a larger function ran 100,000 names in 30–200 ms a key.
 */
export function placesHoldingAll(
  folded: readonly string[],
  needles: readonly string[],
  candidates: Int32Array | null,
): Int32Array {
  const n = candidates ? candidates.length : folded.length;
  const out = new Int32Array(n);
  let k = 0;
  if (candidates) {
    for (let j = 0; j < n; j++) {
      const i = candidates[j];
      if (holdsAll(folded[i], needles)) out[k++] = i;
    }
  } else {
    for (let i = 0; i < n; i++) if (holdsAll(folded[i], needles)) out[k++] = i;
  }
  return k === n ? out : out.slice(0, k);
}

/**
 * Does every document `after` lets through pass `before` too? Then the list filtered by `after`
 * is the one filtered by `before`, narrowed: typing a word further (`kish` → `kishida`), adding a
 * word or a status. `folded*`: the filters' words as foldWords gives them.
 */
export function narrows(
  before: DocumentFilter,
  foldedBefore: readonly string[],
  after: DocumentFilter,
  foldedAfter: readonly string[],
): boolean {
  if (before.assigned !== null && after.assigned !== before.assigned) return false;
  if (before.statuses.length > 0) {
    if (after.statuses.length === 0 || !after.statuses.every((s) => before.statuses.includes(s))) return false;
  }
  // A name holding the longer word holds the shorter one within it.
  return foldedBefore.every((word) => foldedAfter.some((longer) => longer.includes(word)));
}

/** The statuses part of a filter: does this status pass? */
export function statusPasses(filter: DocumentFilter, status: DocumentStatus): boolean {
  return filter.statuses.length === 0 || filter.statuses.includes(status);
}

/**
 * The assignment part of a filter: is document `id` assigned to the annotator asked for (`me`:
 * `annotator`)? Without an assignment, or a name, nothing is assigned to anyone.
 */
export function assignedPasses(
  filter: DocumentFilter,
  id: string,
  assignment: Readonly<Record<string, readonly string[]>> | undefined,
  annotator: string,
): boolean {
  if (filter.assigned === null) return true;
  const who = filter.assigned === 'me' ? annotator : filter.assigned;
  const annotators = assignment && Object.hasOwn(assignment, id) ? assignment[id] : undefined;
  return !!annotators && annotators.some((a) => sameAnnotator(a, who));
}

/** The filter text with `assigned:me` added or taken out (the toggle beside the filter box). */
export function toggleAssignedToMe(filter: string): string {
  const words = filter.split(/\s+/).filter(Boolean);
  const without = words.filter((w) => w.toLowerCase() !== ASSIGNED_TO_ME);
  return (without.length === words.length ? [ASSIGNED_TO_ME, ...words] : without).join(' ');
}
