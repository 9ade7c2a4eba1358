// Suggest who said a quote: the nearest person entity next to a speech verb
// (قال، أضاف، أكد، صرح… / said, told, added…) just before or after the quote.
// Only a suggestion: the editor confirms it. Pure: the editor's inspector and keyboard
// and the quote finder (shared/quote-finder.ts) use the same rule.
import { finder } from './arabic-normalize';
import type { Entity } from './model';
import { sourceIndex } from './text-view';

/** The English verbs of saying that both the speaker suggestion and the quote finder's indirect speech look for. */
export const ENGLISH_SAYING_VERBS = ['said', 'says', 'told', 'added', 'stated', 'noted', 'explained', 'announced'];

export const SPEECH_VERBS = [
  'قال',
  'قالت',
  'يقول',
  'تقول',
  'أضاف',
  'أضافت',
  'يضيف',
  'أكد',
  'أكدت',
  'يؤكد',
  'صرح',
  'صرحت',
  'أوضح',
  'أوضحت',
  'تابع',
  'تابعت',
  'أشار',
  'أشارت',
  'ذكر',
  'ذكرت',
  'أعلن',
  'أعلنت',
  'اعتبر',
  'اعتبرت',
  'شدد',
  'شددت',
  'قائلا',
  'قائلة',
  ...ENGLISH_SAYING_VERBS,
  'wrote',
  'tweeted',
  'according to',
];

const BEFORE = 300; // code points searched before the quote
const AFTER = 150; // and after it
const NEAR_VERB = 80; // how far from the verb the speaker may be

// A verb is about this quote only within the same sentence.
const SENTENCE_END = /[.!?؟\n]/u;

const sliceCodePoints = (source: string, start: number, end: number): string => sourceIndex(source).slice(start, end);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

/** Verb occurrences as whole words, allowing the Arabic conjunction clitics و / ف in front. */
function verbsIn(window: string, offset: number): { start: number; end: number }[] {
  const chars = Array.from(window);
  const found: { start: number; end: number }[] = [];
  const find = finder(window);
  for (const verb of SPEECH_VERBS) {
    for (const m of find(verb)) {
      const before = chars[m.start - 1];
      const clitic = (before === 'و' || before === 'ف') && !isLetter(chars[m.start - 2]);
      if (isLetter(before) && !clitic) continue;
      if (isLetter(chars[m.end])) continue;
      found.push({ start: m.start + offset, end: m.end + offset });
    }
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

/** The id of the document's person entity that said the quote, or null. */
export function suggestSpeaker(
  source: string,
  entities: readonly Entity[],
  quote: { start: number; end: number },
  personLabel = 'PERSON',
): string | null {
  return suggestSpeakerSpan(source, entities, quote, personLabel)?.id ?? null;
}
