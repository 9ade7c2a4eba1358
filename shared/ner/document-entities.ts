// Entity suggestions for one document, from the workspace's own entities (the matcher)
// and from a tagger trained on the workspace's annotated documents. Documents become the
// tagger's sentences here, the same way for training and for tagging: the export's
// tokenizer, tokens split at entity edges, and و / ف / ب / ل / ك before the article split
// off (والقاهرة → و + القاهرة), as NewsFANE writes them.
import type { Entity } from '../model';
import { overlapTest } from '../sorted-search';
import { findQuotes } from '../quote-finder';
import type { SpeakerCandidate } from '../speaker-suggestion';
import type { EntitySuggestion, QuoteSuggestion } from '../suggestions';
import { splitAtBoundaries, splitSentences, tokenize, type Token } from '../tokenizer';
import { tagSentences, trainEntityTagger, type EntityTagger } from './entity-tagger';
import type { Gazetteer } from './gazetteer';
import { loadTagger, spansOfTags, type TaggedSentence, type Tagger } from './tagger';
import { matchWorkspaceNames, type WorkspaceName } from './workspace-matcher';

/** A clitic conjunction or preposition before the article: و/ف, then ب/ل/ك, then ال. */
const BEFORE_ARTICLE = /^([وف]?[بلك]?)(?=ال\p{L}{2})/u;

/** Tokens of a document's text as the tagger reads them, split at `boundaries` too. */
export function taggerTokens(text: string, boundaries: readonly number[] = []): Token[] {
  const cuts: number[] = [...boundaries];
  for (const token of tokenize(text)) {
    const m = BEFORE_ARTICLE.exec(token.text);
    if (m && m[1] !== '') cuts.push(token.start + m[1].length);
  }
  return splitAtBoundaries(tokenize(text), cuts);
}

/** A document with its entities as tagger sentences (tokens and BIO tags). */
export function documentSentences(
  text: string,
  entities: readonly Pick<Entity, 'start' | 'end' | 'label' | 'orphaned'>[],
): TaggedSentence[] {
  const spans = entities
    .filter((e) => !e.orphaned && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const tokens = taggerTokens(
    text,
    spans.flatMap((e) => [e.start, e.end]),
  );
  // Each sentence looks only at the spans that reach into it (a sweep along the sorted spans), in the same order:
  // every span for every sentence took 33 s of the training worker's CPU on a 50,000-entity article (50,000 spans ×
  // ~9,000 sentences), a core taken from the editor's open on a two-core machine.
  const active: typeof spans = [];
  let next = 0;
  return splitSentences(text, tokens).map((sentence) => {
    const tags = sentence.map(() => 'O');
    if (sentence.length === 0) return { tokens: [], tags };
    const from = sentence[0].start;
    const to = sentence[sentence.length - 1].end;
    while (next < spans.length && spans[next].start < to) active.push(spans[next++]);
    // A span ending before this sentence holds none of its tokens, nor any later sentence's.
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= from) active.splice(i, 1);
    for (const span of active) {
      let first = true;
      sentence.forEach((t, i) => {
        if (t.start < span.start || t.end > span.end || tags[i] !== 'O') return;
        tags[i] = `${first ? 'B' : 'I'}-${span.label}`;
        first = false;
      });
    }
    return { tokens: sentence.map((t) => t.text), tags };
  });
}

/** An annotated document of the workspace: what the tagger learns from. */
export interface AnnotatedDocument {
  text: string;
  entities: readonly Pick<Entity, 'start' | 'end' | 'label' | 'orphaned'>[];
}

/** A tagger trained on the workspace's annotated documents, or null when they tag nothing. */
export function trainWorkspaceTagger(
  documents: readonly AnnotatedDocument[],
  options: { epochs?: number; seed?: number } = {},
): EntityTagger | null {
  const sentences = documents.flatMap((d) => documentSentences(d.text, d.entities));
  if (!sentences.some((s) => s.tags.some((t) => t !== 'O'))) return null;
  return trainEntityTagger(sentences, options);
}

export interface EntitySuggestOptions {
  /** Entities tagged anywhere in the workspace (this document included). */
  names: readonly WorkspaceName[];
  /** This document's own entities: never suggested again. */
  existing: readonly { start: number; end: number }[];
  /** The workspace's tagger, when it has one. */
  tagger?: { tagger: Tagger; gazetteer: Gazetteer } | null;
}

/**
 * Suggestions for `text`: workspace matches first; the tagger adds the names it finds
 * where neither a match nor an entity is. Ordered by position.
 */
export function suggestEntities(text: string, options: EntitySuggestOptions): EntitySuggestion[] {
  const matched = matchWorkspaceNames(text, options.names, options.existing);
  const out: EntitySuggestion[] = [...matched];
  if (options.tagger) {
    const taken = overlapTest([...options.existing, ...matched].sort((a, b) => a.start - b.start));
    const sentences = splitSentences(text, taggerTokens(text));
    const tagged = tagSentences(
      options.tagger.tagger,
      options.tagger.gazetteer,
      sentences.map((s) => s.map((t) => t.text)),
    );
    sentences.forEach((sentence, k) => {
      const { tags, confidence } = tagged[k];
      for (const span of spansOfTags(tags)) {
        const start = sentence[span.start].start;
        const end = sentence[span.end - 1].end;
        if (taken(start, end)) continue;
        const score = Math.min(...confidence.slice(span.start, span.end));
        out.push({ start, end, label: span.label, score: Math.round(score * 1000) / 1000, source: 'tagger' });
      }
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A document's entity suggestions (suggestEntities) and its quote candidates, each quote's speaker among the
 * document's people, tagged (`existing`) or suggested. What the editor's suggestion bar shows.
 */
export function documentSuggestions(
  text: string,
  options: EntitySuggestOptions & { existing: readonly SpeakerCandidate[] },
): { entities: EntitySuggestion[]; quotes: QuoteSuggestion[] } {
  const entities = suggestEntities(text, options);
  return { entities, quotes: findQuotes(text, [...options.existing, ...entities]) };
}

export { loadTagger };
