// The quote finder: direct speech between quotation marks next to a speech verb or a
// colon, and indirect speech (قال إن، أكد أن، said that) as lower-score candidates, each with
// the speaker the speaker suggestion picks. Arabic writers put names, titles and terms in
// « » and "…" all the time, so marks alone are weak evidence there: a quote without a cue
// is offered only when long, and scores low. Quotation marks pair within a paragraph:
// « » (and »…« as some Arabic sites write it), “ ” (and ”…“), and straight " alternating;
// a nested pair is part of the quote around it, and a mark left unpaired pairs nothing.
// Offsets are source code points; a quote's span leaves out its marks and the spaces inside.
import { normalizeForMatch } from './arabic-normalize';
import { CodePointIndex } from './code-points';
import { ENGLISH_SAYING_VERBS, SPEECH_VERBS, suggestSpeakerSpan, type SpeakerCandidate } from './speaker-suggestion';
import type { QuoteSuggestion } from './suggestions';

/** The marks in their usual roles: opening mark → closing marks. */
const USUAL: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '‹': '›', '"': '"' };
/** Some Arabic sites write them the other way round (»…«, ”…“, and ”…” with one mark for both). */
const REVERSED: Record<string, string> = { '»': '«', '”': '“”', '›': '‹' };
const MARKS = new Set([...Object.keys(USUAL), ...Object.keys(REVERSED)]);

/** Speech verbs for direct quotes, beyond the speaker suggestion's: participles and verbs of writing and asking. */
const MORE_VERBS = [
  'قائلا',
  'قائلة',
  'مضيفا',
  'مضيفة',
  'مؤكدا',
  'مؤكدة',
  'متسائلا',
  'يقولون',
  'قالوا',
  'أضافوا',
  'كتب',
  'كتبت',
  'سأل',
  'تساءل',
  'ردد',
  'أجاب',
  'says',
  'asked',
  'replied',
  'insisted',
  'warned',
  'argued',
  'continued',
  'recalled',
  'writes',
  'tells',
  'explains',
  'adds',
  'according',
];
const VERBS = [...new Set([...SPEECH_VERBS, ...MORE_VERBS])].map((v) => normalizeForMatch(v).text);
const VERB_SET = new Set(VERBS.filter((v) => !v.includes(' ')));

/** Indirect speech: a speech verb, up to six words, then إن / أن / that. */
const INDIRECT_VERBS = new Set(
  [
    'قال',
    'قالت',
    'أكد',
    'أكدت',
    'أوضح',
    'أوضحت',
    'أضاف',
    'أضافت',
    'ذكر',
    'ذكرت',
    'أعلن',
    'أعلنت',
    'صرح',
    'صرحت',
    'أشار',
    'أشارت',
    'اعتبر',
    'اعتبرت',
    'شدد',
    'شددت',
    'يرى',
    'ترى',
    'يقول',
    'تقول',
    ...ENGLISH_SAYING_VERBS,
    'argued',
    'insisted',
    'warned',
    'believes',
    'claimed',
  ].map((v) => normalizeForMatch(v).text),
);
const THAT = new Set(['ان', 'انه', 'انها', 'انهم', 'that']);

const SENTENCE_END = /[.!?؟\n]/u;
const SPACE_OR_CONTROL = /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\u0640-]*/gu;

export interface QuoteFinderOptions {
  /** Label of the entities that may speak. */
  personLabel?: string;
}

interface MarkPair {
  /** Code point offsets of the opening and closing marks. */
  open: number;
  close: number;
}

/**
 * Pairs of quotation marks, outermost only, paragraph by paragraph: first in their usual
 * roles, then the marks left over in the reversed Arabic usage. A pair that crosses an
 * earlier one is dropped; a pair inside another is part of it.
 */
export function quotationPairs(chars: readonly string[]): MarkPair[] {
  const pairs: MarkPair[] = [];
  let paragraph: number[] = [];
  const flush = () => {
    const usual = pairMarks(chars, paragraph, USUAL);
    const reversed = pairMarks(chars, usual.unpaired, REVERSED);
    pairs.push(...outermost([...usual.pairs, ...reversed.pairs]));
    paragraph = [];
  };
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\n')
      flush(); // A quote does not run over a paragraph break.
    else if (MARKS.has(chars[i])) paragraph.push(i);
  }
  flush();
  return pairs;
}

/** Pairs the marks at `positions` with a stack; a mark that can neither close nor open stays unpaired. */
function pairMarks(
  chars: readonly string[],
  positions: readonly number[],
  roles: Record<string, string>,
): { pairs: MarkPair[]; unpaired: number[] } {
  const pairs: MarkPair[] = [];
  const unpaired: number[] = [];
  let stack: number[] = [];
  for (const i of positions) {
    const ch = chars[i];
    const k = findLastIndex(stack, (open) => roles[chars[open]].includes(ch));
    if (k >= 0) {
      // Marks opened inside and never closed pair nothing.
      unpaired.push(...stack.slice(k + 1));
      pairs.push({ open: stack[k], close: i });
      stack = stack.slice(0, k);
    } else if (Object.hasOwn(roles, ch)) stack.push(i);
    else unpaired.push(i);
  }
  unpaired.push(...stack);
  return { pairs, unpaired: unpaired.sort((a, b) => a - b) };
}

/** The pairs not inside another, in order; of two crossing pairs the first is kept. */
function outermost(pairs: MarkPair[]): MarkPair[] {
  const out: MarkPair[] = [];
  for (const p of pairs.sort((a, b) => a.open - b.open || b.close - a.close)) {
    const last = out[out.length - 1];
    if (last && p.open < last.close) continue;
    out.push(p);
  }
  return out;
}

function findLastIndex<T>(items: readonly T[], test: (t: T) => boolean): number {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k])) return k;
  return -1;
}

/** Words of a stretch of text, folded. */
const wordsOf = (text: string): string[] => (normalizeForMatch(text).text.match(WORD) ?? []) as string[];

/** A folded word is a speech verb, also with و / ف in front. */
function isVerb(word: string, verbs: ReadonlySet<string>): boolean {
  if (verbs.has(word)) return true;
  return (word.startsWith('و') || word.startsWith('ف')) && verbs.has(word.slice(1));
}

/** What introduces the quote: a speech verb in the same sentence just before or after it, or a colon before it. */
function cueOf(index: CodePointIndex, pair: MarkPair, previousClose: number): 'colon' | 'verb' | null {
  const from = Math.max(previousClose + 1, pair.open - 120);
  let before = index.slice(from, pair.open);
  before = before.slice(lastSentenceEnd(before) + 1);
  if (/[:：]\s*$/u.test(before)) return 'colon';
  const beforeWords = wordsOf(before);
  if (beforeWords.slice(-8).some((w) => isVerb(w, VERB_SET)) || /according to\s*$/iu.test(before)) return 'verb';
  let after = index.slice(pair.close + 1, pair.close + 80);
  const end = after.search(SENTENCE_END);
  if (end >= 0) after = after.slice(0, end);
  if (
    wordsOf(after)
      .slice(0, 5)
      .some((w) => isVerb(w, VERB_SET))
  )
    return 'verb';
  return null;
}

function lastSentenceEnd(text: string): number {
  for (let k = text.length - 1; k >= 0; k--) if (SENTENCE_END.test(text[k])) return k;
  return -1;
}

/** [start, end) with spaces and direction controls taken off both ends. */
function trimmed(chars: readonly string[], start: number, end: number): { start: number; end: number } {
  while (start < end && SPACE_OR_CONTROL.test(chars[start])) start++;
  while (end > start && SPACE_OR_CONTROL.test(chars[end - 1])) end--;
  return { start, end };
}

/**
 * Quote candidates in `source`. `people` are the spans that may be speakers (the document's
 * entities and entity suggestions); only those with the person label count.
 */
export function findQuotes(
  source: string,
  people: readonly SpeakerCandidate[] = [],
  options: QuoteFinderOptions = {},
): QuoteSuggestion[] {
  const personLabel = options.personLabel ?? 'PERSON';
  const chars = Array.from(source);
  const index = new CodePointIndex(source);
  const speakerOf = (span: { start: number; end: number }) => {
    const p = suggestSpeakerSpan(source, people, span, personLabel);
    return p ? { start: p.start, end: p.end } : null;
  };

  const out: QuoteSuggestion[] = [];
  let previousClose = -1;
  for (const pair of quotationPairs(chars)) {
    const span = trimmed(chars, pair.open + 1, pair.close);
    const words = wordsOf(index.slice(span.start, span.end)).length;
    const cue = cueOf(index, pair, previousClose);
    previousClose = pair.close;
    if (words < 3) continue; // Names, titles and terms, not speech.
    const latin =
      /[a-z]/iu.test(index.slice(span.start, span.end)) && !/[\u0600-\u06FF]/u.test(index.slice(span.start, span.end));
    let score: number;
    if (cue) score = 0.9;
    else if (latin)
      score = 0.6; // English puts little but speech in quotation marks.
    else if (words >= 6) score = 0.35;
    else continue;
    const speaker = speakerOf(span);
    if (speaker && cue) score = 0.95;
    out.push({ start: span.start, end: span.end, kind: 'direct', speaker, score, source: 'quote-finder' });
  }

  for (const span of indirectSpans(chars, index)) {
    if (out.some((q) => q.kind === 'direct' && q.start < span.end && span.start < q.end)) continue;
    out.push({ ...span, kind: 'indirect', speaker: speakerOf(span), score: 0.4, source: 'quote-finder' });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Indirect speech: from the word after إن / أن / that (after a speech verb) to the sentence's end. */
function indirectSpans(chars: readonly string[], index: CodePointIndex): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // Words with their code point offsets, folded.
  const words: { word: string; start: number; end: number }[] = [];
  const text = index.text;
  for (const m of text.matchAll(WORD)) {
    const start = index.toCodePoint(m.index);
    words.push({ word: normalizeForMatch(m[0]).text, start, end: start + Array.from(m[0]).length });
  }
  for (let k = 0; k < words.length; k++) {
    if (!isVerb(words[k].word, INDIRECT_VERBS)) continue;
    // English "that" is also a relative pronoun (told her about an app that…, said, but that…):
    // there it must come within three words of the verb, with no comma between.
    const english = /^[a-z]/u.test(words[k].word);
    for (let j = k + 1; j < Math.min(words.length, k + (english ? 5 : 8)); j++) {
      const gap = index.slice(words[j - 1].end, words[j].start);
      if (SENTENCE_END.test(gap) || (english && /[,;]/u.test(gap))) break;
      if (!THAT.has(words[j].word) && !THAT.has(words[j].word.replace(/^[وف]/u, ''))) continue;
      // The content: after إن (انه: the pronoun is part of it) to the end of the sentence.
      const from = /^[وف]?(ان|that)$/u.test(words[j].word) ? words[j].end : words[j].start;
      let to = from;
      while (to < chars.length && !SENTENCE_END.test(chars[to]) && !MARKS.has(chars[to])) to++;
      const span = trimmed(chars, from, to);
      if (wordsOf(index.slice(span.start, span.end)).length >= 3) spans.push(span);
      k = j;
      break;
    }
  }
  return spans;
}
