// What a reviewed document teaches: each of its lines labeled removed (a boilerplate edit,
// accepted or made by hand, covers it) or kept, the prefixes and suffixes removed from a line,
// and the lines of rejected suggestions. A document counts as reviewed when it has a
// boilerplate edit, a rejected suggestion or the status done: elsewhere a kept line may just be
// a line nobody looked at yet. A rejected entity or quote suggestion says nothing of cleanup.

import { isAnnotationRejection } from '../annotation-review';
import type { RejectedSuggestion, Sidecar } from '../model';
import type { ReviewedLine } from './learner';
import { keyedLines, lineKey, prefixKey, suffixKey } from './template-keys';

export interface DocumentLessons {
  lines: ReviewedLine[];
  prefixes: string[];
  suffixes: string[];
  /** Keys of the lines of rejected suggestions. */
  rejected: string[];
}

/** Code point offsets → UTF-16 offsets of `text`. */
function codePointsToUtf16(text: string): (cp: number) => number {
  const at: number[] = [];
  let u = 0;
  for (const ch of text) {
    at.push(u);
    u += ch.length;
  }
  at.push(u);
  return (cp) => at[Math.max(0, Math.min(cp, at.length - 1))];
}

/** The rejected boilerplate suggestions (entity and quote ones are the tagger's). */
function cleanupRejections(rejected: readonly RejectedSuggestion[] | undefined): RejectedSuggestion[] {
  return (rejected ?? []).filter((r) => !isAnnotationRejection(r));
}

export function isReviewed(sidecar: Pick<Sidecar, 'edits' | 'rejected' | 'document'>): boolean {
  return (
    sidecar.edits.some((e) => e.kind === 'boilerplate' && e.start < e.end) ||
    cleanupRejections(sidecar.rejected).length > 0 ||
    sidecar.document.status === 'done'
  );
}

/**
 * The lessons of one document. `recurrence(key)` is the share of the site's other articles that
 * hold a line (a feature of every labeled line).
 */
export function lessonsOf(
  document: string,
  text: string,
  sidecar: Pick<Sidecar, 'edits' | 'rejected' | 'document'>,
  recurrence: (lineKey: string) => number,
): DocumentLessons {
  const lessons: DocumentLessons = { lines: [], prefixes: [], suffixes: [], rejected: [] };
  if (!isReviewed(sidecar)) return lessons;
  const toUtf16 = codePointsToUtf16(text);
  const removed = new Uint8Array(text.length);
  for (const e of sidecar.edits) {
    if (e.kind !== 'boilerplate' || e.orphaned) continue;
    removed.fill(1, toUtf16(e.start), toUtf16(e.end));
  }
  const lines = keyedLines(text);
  for (const k of lines) {
    // Covered tokens: a token counts as removed when most of it is.
    const covered = k.tokens.map((t) => {
      let n = 0;
      for (let i = k.line.start + t.start; i < k.line.start + t.end; i++) n += removed[i];
      return n * 2 > t.end - t.start;
    });
    const all = covered.every(Boolean);
    const none = covered.every((c) => !c);
    if (all || none) {
      lessons.lines.push({ line: k, removed: all, recurrence: recurrence(k.key), document, lines: lines.length });
      continue;
    }
    // Partly removed: a removed prefix and a removed suffix are lessons of their own.
    let end = 0;
    while (end < covered.length && covered[end]) end++;
    if (end > 0) lessons.prefixes.push(prefixKey(k.tokens, end));
    let start = covered.length;
    while (start > 0 && covered[start - 1]) start--;
    if (start < covered.length) lessons.suffixes.push(suffixKey(k.tokens, start));
  }
  for (const r of cleanupRejections(sidecar.rejected)) {
    for (const line of r.text.split(/\r\n|\n|\r/)) {
      const key = lineKey(line);
      if (key) lessons.rejected.push(key);
    }
  }
  return lessons;
}
