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
import { speakerFromText } from './speaker-from-text';
import type { QuoteSuggestion } from './suggestions';

/** The marks in their usual roles: opening mark → closing marks. */
const USUAL: Record<string, string> = { '«': '»', '“': '”"', '„': '“”', '‹': '›', '"': '"' };
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
    'acknowledged',
    'predicted',
    'concluded',
    'suggested',
    'indicated',
    'قالوا',
    'أكدوا',
    'أعلنوا',
    'نقل',
    'نقلت',
    'نقلوا',
    'أفاد',
    'أفادت',
    'تفيد',
    'زعم',
    'رأى',
    'مؤكدا',
    'مؤكدة',
    'مؤكدين',
    'مشيرا',
    'مشيرة',
    'مشيرين',
    'موضحا',
    'موضحة',
    'لافتا',
    'لافتة',
    'مضيفا',
    'مضيفة',
    'معتبرا',
    'تأكيد',
    'إعلان',
    'وتأكيدها',
  ].map((v) => normalizeForMatch(v).text),
);
const THAT = new Set(['ان', 'انه', 'انها', 'انهم', 'بان', 'بانه', 'that']);

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
    const shape = ch === '"' && roles === USUAL ? straightShape(chars, i) : null;
    // A straight mark that can only open does not close the one before it: "…"name"…" nests.
    const k = shape === 'open' ? -1 : findLastIndex(stack, (open) => roles[chars[open]].includes(ch));
    if (shape === 'close' && k < 0) unpaired.push(i);
    else if (k >= 0) {
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

const BEFORE_OPENING = /[\s\u200B-\u200F\u202A-\u202E([{:،؛\u0640\-–—/]/u;
const AFTER_CLOSING = /[\s\u200B-\u200F\u202A-\u202E)\]}.,;:!?؟،؛\-–—/]/u;

/**
 * What a straight " can be from the characters around it: after a space and before a word it
 * opens, after a word and before a space or punctuation it closes; between two words or two
 * spaces it could be either, and pairs by alternating as before.
 */
function straightShape(chars: readonly string[], i: number): 'open' | 'close' | null {
  const before = i === 0 || BEFORE_OPENING.test(chars[i - 1]);
  const after = i === chars.length - 1 || AFTER_CLOSING.test(chars[i + 1]);
  if (before && !after) return 'open';
  if (after && !before) return 'close';
  return null;
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
  let after = index.slice(pair.close + 1, pair.close + 140);
  const end = after.search(SENTENCE_END);
  if (end >= 0) after = after.slice(0, end);
  if (
    wordsOf(after)
      .slice(0, 12)
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

/** Nouns that name what follows in quotation marks: معهد «…», موقع "…", أغنية «…». */
const NAMING_NOUNS = new Set(
  [
    'معهد',
    'موقع',
    'صحيفة',
    'وكالة',
    'شركة',
    'حزب',
    'جماعة',
    'منظمة',
    'مجموعة',
    'برنامج',
    'مسلسل',
    'فيلم',
    'أغنية',
    'كتاب',
    'رواية',
    'لعبة',
    'جهاز',
    'مشروع',
    'عملية',
    'بعنوان',
    'باسم',
    'تسمى',
    'يسمى',
    'لقب',
    'وسم',
    'هاشتاغ',
    'مبادرة',
    'حملة',
    'قناة',
    'مجلة',
  ].map((w) => normalizeForMatch(w).text),
);

/** The mark at `open` starts a name: after a naming noun, or glued to لـ / بـ (لـ«المجلس الإسلامي»). */
function isName(index: CodePointIndex, open: number): boolean {
  const before = index.slice(Math.max(0, open - 30), open);
  if (/[لب]\u0640?$/u.test(before)) return true;
  const last = wordsOf(before).pop();
  return last !== undefined && (NAMING_NOUNS.has(last) || NAMING_NOUNS.has(last.replace(/^[وفبل]/u, '')));
}

/** Every word of four letters or more starts with a capital: a title or a name, not speech. */
function isTitleCase(text: string): boolean {
  const long = (text.match(/[\p{L}'’-]+/gu) ?? []).filter((w) => w.length >= 4);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
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
  // A tagged or suggested person next to the verb first; else the subject of the verb, read from the text.
  const speakerOf = (span: { start: number; end: number }, previous: { start: number; end: number } | null) => {
    const p = suggestSpeakerSpan(source, people, span, personLabel);
    return p ? { start: p.start, end: p.end } : speakerFromText(chars, span, previous);
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
    const quoted = index.slice(span.start, span.end);
    if (words <= 4 && isName(index, pair.open)) continue;
    // Titles of works and names in English: "Give Me Liberty and Give Me a Drink," with no verb near.
    if (latin && !cue && (words < 4 || isTitleCase(quoted))) continue;
    let score: number;
    if (cue) score = 0.9;
    else if (latin)
      score = 0.6; // English puts little but speech in quotation marks.
    else if (words >= 6) score = 0.35;
    else continue;
    out.push({ start: span.start, end: span.end, kind: 'direct', speaker: null, score, source: 'quote-finder' });
  }

  for (const span of indirectSpans(chars, index)) {
    if (out.some((q) => q.kind === 'direct' && q.start < span.end && span.start < q.end)) continue;
    out.push({ ...span, kind: 'indirect', speaker: null, score: 0.4, source: 'quote-finder' });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Speakers in reading order: "he added" and وأضاف أن are the one who spoke last.
  let previous: { start: number; end: number } | null = null;
  for (const q of out) {
    q.speaker = speakerOf(q, previous);
    if (q.speaker) previous = q.speaker;
    if (q.speaker && q.kind === 'direct' && q.score >= 0.9) q.score = 0.95;
  }
  return out;
}

/** English verbs of saying whose clause may follow with no "that" (he said the border would reopen). */
const SAID = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'noted',
  'explained',
  'announced',
  'warned',
  'acknowledged',
  'predicted',
  'estimated',
  'indicated',
  'concluded',
  'wrote',
  'reported',
  'insisted',
  'argued',
  'claimed',
  'believes',
]);
/** Words between an English verb and its clause: when and where it was said (said on Monday in a statement). */
const SAID_FILLER = new Set(
  (
    'on in at a an the statement interview separate earlier late last this week month year monday tuesday ' +
    'wednesday thursday friday saturday sunday recently also previously told'
  ).split(' '),
);
/** What cannot begin a reported clause: prepositions and the like (said of plans, told of, says with). */
const NOT_A_CLAUSE = new Set('of with for by to about from as than and or but if so'.split(' '));
/** Attribution after the content: "…, Jones said." / "…, said Lucia Mullen." / "…, according to his wife." */
const SAYING = 'said|says|told|added|explained|wrote|warned|recalled|estimated|concluded|reported';
const TRAILING_SAY = new RegExp(
  `^\\s*(?:[^,.;:!?"“”«»\\n]{0,80}?\\s)?(?:${SAYING})\\b[^.!?\\n,]{0,40}?(?=[.!?]|,\\s|$)` +
    `|^\\s*according to\\b[^.!?\\n]{0,80}`,
  'iu',
);
/** Arabic attribution after the content: «…، بحسب / وفق ما نقلت / حسبما ذكر …». */
const ARABIC_TRAILING =
  /^\s*(?:[،,]\s*)?(?:[-–—ــ]+\s*)?(?:و?بحسب|و?حسب|حسبما|و?وفق|و?وفقا|و?وفقاً)(?=[\s\u0600-\u06FF])/u;

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
  const toSentenceEnd = (from: number) => {
    let to = from;
    while (to < chars.length && !SENTENCE_END.test(chars[to])) to++;
    return trimmed(chars, from, to);
  };
  const add = (span: { start: number; end: number }) => {
    if (wordsOf(index.slice(span.start, span.end)).length < 3) return;
    if (spans.some((o) => o.start < span.end && span.start < o.end)) return;
    spans.push(span);
  };
  for (let k = 0; k < words.length; k++) {
    if (!isVerb(words[k].word, INDIRECT_VERBS) && !SAID.has(words[k].word)) continue;
    // English "that" is also a relative pronoun (told her about an app that…, said, but that…):
    // there it must come within three words of the verb, with no comma between.
    const english = /^[a-z]/u.test(words[k].word);
    let found = false;
    for (let j = k + 1; j < Math.min(words.length, k + (english ? 5 : 13)); j++) {
      const gap = index.slice(words[j - 1].end, words[j].start);
      if (SENTENCE_END.test(gap) || (english && /[,;]/u.test(gap))) break;
      if (!THAT.has(words[j].word) && !THAT.has(words[j].word.replace(/^[وف]/u, ''))) continue;
      // The content: after إن / إنه / that (an attached pronoun is the clause's subject, left out).
      add(toSentenceEnd(words[j].end));
      k = j;
      found = true;
      break;
    }
    if (found || !english || !SAID.has(words[k].word)) continue;
    // ", said Ian Pepper, a professor…" and "…," he said: the verb attributes what came before.
    if (k > 0 && /[,"“”]/u.test(index.slice(words[k - 1].end, words[k].start))) continue;
    // English with no "that": he said the border would reopen / told reporters on Monday the…
    let j = k + 1;
    const told = words[k].word === 'told' || words[k].word === 'tells';
    let skipped = 0;
    while (j < words.length && skipped < 6) {
      const gap = index.slice(words[j - 1].end, words[j].start);
      if (SENTENCE_END.test(gap) || /[,;:"“”«»—–]/u.test(gap)) break;
      const w = words[j].word;
      // "the" and "a" only after a preposition (said in a statement), never as the clause's own start.
      if (/^(a|an|the)$/u.test(w) && !/^(in|on|at|told)$/u.test(words[j - 1].word)) break;
      const object =
        told &&
        skipped < 3 &&
        /^\p{Lu}|^(him|her|them|us|me|reporters)$/u.test(index.slice(words[j].start, words[j].end));
      if (!SAID_FILLER.has(w) && !object) break;
      j++;
      skipped++;
    }
    if (j >= words.length) continue;
    const gap = index.slice(words[j - 1].end, words[j].start);
    if (SENTENCE_END.test(gap) || /[,;:"“”«»—–(]/u.test(gap) || NOT_A_CLAUSE.has(words[j].word)) continue;
    if (skipped > 0 && /ing$/u.test(words[j].word)) continue; // said in recapping…
    if (told && skipped === 0) continue; // told needs whom it was told to
    add(toSentenceEnd(words[j].start));
  }
  // Attribution after the content, and بحسب / وفق in Arabic: the content is the sentence before it.
  let sentenceStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !SENTENCE_END.test(chars[i])) continue;
    const sentence = trimmed(chars, sentenceStart, i);
    sentenceStart = i + 1;
    if (sentence.end - sentence.start < 10) continue;
    const body = index.slice(sentence.start, sentence.end);
    const cps = Array.from(body);
    for (let c = 0; c < cps.length; c++) {
      if (cps[c] !== ',' && cps[c] !== '،' && cps[c] !== '-' && cps[c] !== '–') continue;
      const rest = cps.slice(c + 1).join('');
      const latin = TRAILING_SAY.exec(rest);
      const arabic = ARABIC_TRAILING.test(cps.slice(c).join(''));
      if (!(latin && cps[c] === ',') && !arabic) continue;
      // "…," he said after a quotation is the direct quote's, not reported speech.
      if (!MARKS.has(chars[sentence.start])) add(trimmed(chars, sentence.start, sentence.start + c));
      break;
    }
  }
  return spans;
}
