// Teasers of other stories after the article: a "more from this section" list flattened into
// paragraphs. Each teaser is the one-sentence lead of another story: it opens a story (no "و…",
// "Also", "He" carrying on from the paragraph before; often with its own dateline), it is
// anchored in its own day ("، الخميس،", "on Monday"), and it speaks of other things than the
// article (few of its words are in the paragraphs above). Three such paragraphs or more closing
// the document are one stretch; the article's own last paragraphs share its words and stay.

import { WEEKDAYS } from './news-date';
import { alternation, wordCount } from './line-shape';
import { defineRule, type SourceLine } from './rule';

const ARABIC_CONTINUATIONS = [
  'كما',
  'لكن',
  'ولكن',
  'إلا',
  'الا',
  'ثم',
  'أيضا',
  'أيضاً',
  'ايضا',
  'يذكر',
  'يُذكر',
  'يشار',
  'تجدر',
  'على الجانب',
  'من جهة',
  'من جهته',
  'من جهتها',
  'من جانبه',
  'من جانبها',
  'بدوره',
  'بدورها',
  'في المقابل',
  'في حين',
  'إذ',
  'حيث',
  'وذلك',
  'ذلك',
  'هذا',
  'هذه',
  'أما',
  'اما',
  'غير أن',
  'بيد أن',
  'إضافة إلى',
  'وفي',
  'فيما',
  'بينما',
];
const ENGLISH_CONTINUATIONS = [
  'And',
  'But',
  'Also',
  'He',
  'She',
  'They',
  'It',
  'His',
  'Her',
  'Their',
  'Its',
  'This',
  'That',
  'These',
  'Those',
  'However',
  'Meanwhile',
  'In addition',
  'Still',
  'Yet',
  'So',
  'Then',
  'There',
  'We',
  'I',
  'Our',
  'The company',
  'The report',
];
// A paragraph carrying on from the one before: a conjunction glued on (و، ف but not في), a
// linking word, or a quote, list item or bullet.
const continuation = new RegExp(
  `^(?:[وف](?!ي(?![\\u0621-\\u064A]))[\\u0621-\\u064A]|(?:${alternation(ARABIC_CONTINUATIONS)})(?![\\u0621-\\u064A])|(?:${alternation(ENGLISH_CONTINUATIONS)})\\b|[-*•"«“'‘(\\[])`,
  'u',
);
// Its own dateline, of an agency named or not: "(CNN)", or "(KTV)- " with a dash (with cnn-arabic's name
// changed, 2 teaser runs hang on it). A cheap test, as it runs on the last dozen paragraphs of every article.
const ownDateline = /^[^()]{0,60}\((?:CNN|Reuters|AP|AFP|رويترز|أ ف ب|[^()]{2,30}\)\s*[-–—])/u;
const dayWord = new RegExp(
  `(?<![\\p{L}])(?:${alternation([...WEEKDAYS.filter((w) => w.length > 4 || /[\u0600-\u06FF]/u.test(w)), 'اليوم', 'أمس', 'امس'])})(?![\\p{L}])`,
  'u',
);
const innerSentenceEnd = /[\p{L}]{2}[.!?؟]\s+\S/gu;
const LETTERS = /[\p{L}]{4,}/gu;
// A paragraph's words for comparing topics; clitics are taken off the longer words so "والنفط" and
// "النفط" count as one word.
const arabicClitics = /^(?:وال|بال|كال|فال|لل|ال|و|ب|ل|ف)/u;

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(LETTERS) ?? []) out.add(w.length > 5 ? w.replace(arabicClitics, '') : w);
  return out;
}

/** The one-sentence lead of a story, not carrying on from the paragraph above. */
function isLead(line: string): boolean {
  const t = line.replace(/\u00A0/gu, ' ').trim();
  const n = wordCount(t);
  if (n < 8 || n > 80) return false;
  if (continuation.test(t) && !ownDateline.test(t)) return false;
  return (t.match(innerSentenceEnd) ?? []).length <= 1;
}

/** Dated in its own right: a weekday or "today" among its first words, or its own dateline. */
function isAnchored(line: string): boolean {
  return ownDateline.test(line) || dayWord.test(line.split(/\s+/u).slice(0, 14).join(' '));
}

/** A teaser list is short: only the last paragraphs are looked at (a long document stays linear). */
const MAX_TEASERS = 12;

/** The first line of the teaser run closing `lines`, or undefined. */
export function teaserRunStart(lines: readonly SourceLine[]): SourceLine | undefined {
  const filled = lines.filter((l) => l.text.trim().length > 0);
  let k = filled.length;
  while (k > 1 && k > filled.length - MAX_TEASERS - 1 && isLead(filled[k - 1].text)) k--;
  // A document of leads only is a news roundup: its items are its text.
  if (k === 1 && isLead(filled[0].text)) return undefined;
  const size = (ls: readonly SourceLine[]) => ls.reduce((n, l) => n + l.text.trim().length, 0);
  const total = size(filled);
  const first = Math.max(k, 1, filled.length - MAX_TEASERS);
  const words = filled.map((l, i) => (i >= first - 1 ? contentWords(l.text) : undefined));
  // The article's words, grown a paragraph at a time as the run's start moves down.
  const body = new Set<string>();
  for (const l of filled.slice(0, first)) for (const w of contentWords(l.text)) body.add(w);
  // The longest run that holds: its paragraphs dated and speaking of other things than the article.
  for (let b = first; b <= filled.length - 3; b++) {
    if (b > first) for (const w of words[b - 1]!) body.add(w);
    const run = filled.slice(b);
    // Teasers trail an article: most of the document is the article.
    if (size(run) > 0.75 * total) continue;
    let anchored = 0;
    const offTopic = run.every((l, i) => {
      const ws = words[b + i]!;
      let shared = 0;
      for (const w of ws) if (body.has(w)) shared++;
      if (isAnchored(l.text)) anchored++;
      return shared / Math.max(1, ws.size) <= 0.34;
    });
    if (offTopic && anchored >= Math.max(2, 0.6 * run.length)) return run[0];
  }
  return undefined;
}

export const trailingTeasers = defineRule({
  id: 'trailing-teasers',
  description: { key: 'rule.trailing-teasers' },
  language: 'any',
  detect(_text, ctx) {
    const first = teaserRunStart(ctx.lines);
    return first ? [ctx.suggest(first.start, ctx.text.length, 'boilerplate', 'trailing-teasers')] : [];
  },
});
