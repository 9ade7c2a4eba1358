// Entity and quote suggestions: what the workspace matcher, the learned tagger and the
// quote finder propose. Kept apart from the editor's annotations (the sidecar's
// `entities` and `quotes`): never exported, never counted as done work, until the
// editor accepts one, which then becomes an ordinary entity or quote.
// Offsets are source code points, half-open, like every span.

export type SuggestionSource = 'workspace' | 'tagger' | 'quote-finder';

export interface EntitySuggestion {
  start: number;
  end: number;
  label: string;
  /** 0–1: how sure the source is. */
  score: number;
  source: 'workspace' | 'tagger';
  /**
   * The other labels this string has in the workspace, when it is tagged with several
   * (e.g. "Jordan" as PERSON and GPE): shown to the editor as a conflict, never settled
   * by the matcher.
   */
  conflicts?: string[];
}

export interface QuoteSuggestion {
  /** The quote's words, without its quotation marks. */
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  /** Who said it: a span of the source (the speaker's name), or null when none was found. */
  speaker: { start: number; end: number } | null;
  score: number;
  source: 'quote-finder';
}

export type Suggestion = EntitySuggestion | QuoteSuggestion;

/** Ordered by position, longer first at one start. */
export function compareSuggestions(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The same suggestion (field by field): the tagger's answers are compared this way as it trains, every 1.5 s, with
 * up to 100,000 suggestions each (serialising both took ~350 ms a time, while the editor scrolled).
 */
export function sameSuggestion(a: Suggestion, b: Suggestion): boolean {
  if (a.start !== b.start || a.end !== b.end || a.score !== b.score || a.source !== b.source) return false;
  if ('label' in a || 'label' in b) {
    if (!('label' in a) || !('label' in b) || a.label !== b.label) return false;
    const [x, y] = [a.conflicts ?? [], b.conflicts ?? []];
    return 'conflicts' in a === 'conflicts' in b && x.length === y.length && x.every((c, i) => c === y[i]);
  }
  const [p, q] = [a.speaker, b.speaker];
  return a.kind === b.kind && (p === q || (!!p && !!q && p.start === q.start && p.end === q.end));
}
