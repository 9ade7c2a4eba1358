// Suggest who said a quote: the person entity the text names as its speaker (the quote finder's
// reading of the words around it), else the nearest person entity next to a speech verb
// (قال، أضاف، أكد، صرح… / said, told, added…) just before or after the quote.
// Only a suggestion: the editor confirms it. Pure: the editor's inspector and keyboard
// and the quote finder (shared/quote-finder.ts) use the same rule.
import type { Entity } from './model';
import { speakerFromText, speakerMentions } from './speaker-from-text';
import { foldWord, isQuoteCue } from './speech-verbs';
import { sourceIndex } from './text-view';

const BEFORE = 300; // code points searched before the quote
const AFTER = 150; // and after it
const NEAR_VERB = 80; // how far from the verb the speaker may be

// A verb is about this quote only within the same sentence.
const SENTENCE_END = /[.!?؟\n]/u;

const sliceCodePoints = (source: string, start: number, end: number): string => sourceIndex(source).slice(start, end);

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\u0640-]*/gu;

/**
 * Verb occurrences as whole words: a verb of saying in any of its forms, with و / ف in front
 * (speech-verbs.ts, the list the quote finder and the speaker read from the text use too), and
 * "according to".
 */
function verbsIn(window: string, offset: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let cp = offset;
  let unit = 0;
  for (const m of window.matchAll(WORD)) {
    cp += Array.from(window.slice(unit, m.index)).length;
    unit = m.index;
    const length = Array.from(m[0]).length;
    const word = foldWord(m[0]);
    if (isQuoteCue(word) || (word === 'according' && /^\s+to\b/iu.test(window.slice(m.index + m[0].length))))
      found.push({ start: cp, end: cp + length });
  }
  return found;
}

/** A span that may be a speaker: an entity of the document, or a suggested one. */
export interface SpeakerCandidate {
  start: number;
  end: number;
  label: string;
  orphaned?: boolean;
}

/** The person nearest a speech verb next to the quote, or null. */
export function suggestSpeakerSpan<T extends SpeakerCandidate>(
  source: string,
  candidates: readonly T[],
  quote: { start: number; end: number },
  personLabel = 'PERSON',
): T | null {
  const people = candidates.filter(
    (e) => e.label === personLabel && !e.orphaned && (e.end <= quote.start || e.start >= quote.end),
  );
  if (people.length === 0) return null; // (and the verbs need not be looked for)
  const from = Math.max(0, quote.start - BEFORE);
  const verbs = [
    ...verbsIn(sliceCodePoints(source, from, quote.start), from),
    ...verbsIn(sliceCodePoints(source, quote.end, quote.end + AFTER), quote.end),
  ];
  let best: { person: T; score: number } | null = null;
  for (const verb of verbs) {
    const before = verb.end <= quote.start;
    const between = before
      ? sliceCodePoints(source, verb.end, quote.start)
      : sliceCodePoints(source, quote.end, verb.start);
    // The closing mark may carry the sentence's own full stop (…مفتوحة". ) — that ends it too.
    if (SENTENCE_END.test(between)) continue;
    const toQuote = before ? quote.start - verb.end : verb.start - quote.end;
    for (const person of people) {
      const toVerb = person.start >= verb.end ? person.start - verb.end : verb.start - person.end;
      if (toVerb < 0 || toVerb > NEAR_VERB) continue;
      const score = toQuote + toVerb;
      if (!best || score < best.score) best = { person, score };
    }
  }
  return best?.person ?? null;
}

/** How far back the one who spoke last is looked for (code points): a page, not the whole document. */
const MENTIONS_BEFORE = 3000;

/**
 * The id of the document's person entity that said the quote, or null: the person the text names
 * as its speaker (the quote finder's reading, shared/speaker-from-text.ts: the subject of the verb,
 * "he added" as the one who spoke last), else the person nearest a speech verb next to it.
 */
export function suggestSpeaker(
  source: string,
  entities: readonly Entity[],
  quote: { start: number; end: number },
  personLabel = 'PERSON',
): string | null {
  const people = entities.filter((e) => e.label === personLabel && !e.orphaned);
  if (people.length === 0) return null;
  const from = Math.max(0, quote.start - MENTIONS_BEFORE);
  const chars = Array.from(sliceCodePoints(source, 0, quote.end + 200)); // (the words speakerFromText reads)
  const mentions = speakerMentions(chars.slice(from, quote.start));
  const last = mentions[mentions.length - 1];
  const previous = last ? { start: last.speaker.start + from, end: last.speaker.end + from } : null;
  const read = speakerFromText(chars, quote, previous, previous, last ? last.at + from : -1);
  const named = read && people.find((e) => e.start < read.end && read.start < e.end);
  return named ? named.id : (suggestSpeakerSpan(source, people, quote, personLabel)?.id ?? null);
}
