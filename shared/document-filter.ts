// The document list's filter box: words, each of which must be in the document's name, title or
// text (Arabic-normalized: hamza forms, diacritics, tatweel, letter variants and Latin case
// folded, as the editor's search folds them), and `status:done` (todo, in_progress, in-progress).
import { normalizeText } from './arabic-normalize';
import type { DocumentStatus } from './model';

export interface DocumentFilter {
  /** The statuses asked for (any of them), as typed; empty: every status. */
  statuses: string[];
  /** Words as typed (lower case); every one must match. */
  words: string[];
}

export function parseFilter(filter: string): DocumentFilter {
  const out: DocumentFilter = { statuses: [], words: [] };
  for (const word of filter.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word.startsWith('status:')) {
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

/** The statuses part of a filter: does this status pass? */
export function statusPasses(filter: DocumentFilter, status: DocumentStatus): boolean {
  return filter.statuses.length === 0 || filter.statuses.includes(status);
}
