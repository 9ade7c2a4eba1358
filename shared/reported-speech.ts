// Reported (indirect) speech: what someone said, told without quotation marks. Three structures
// carry it in Arabic and English news:
// - a verb of saying, then إن / أن / that (قال الوزير إن…، أكدت أن…، مشيرا إلى أن…، said that…),
//   or in English a clause with no "that" (he said the border would reopen);
// - an attribution opening the sentence (وبحسب الجيش، …؛ وفقا لـ…، فإن…؛ According to X, …);
// - an attribution closing it (…، بحسب الوكالة. / …، وفق ما نقلت… / …, Jones said. / …, said Lucia
//   Mullen, an analyst. / …, according to his wife.).
// The content runs to the end of its clause: the sentence's end, or where a new attribution
// starts (…، مضيفا أن / …، وذلك / …, he said / …, but added). Offsets are source code points.
import { normalizeForMatch } from './arabic-normalize';
import { CodePointIndex } from './code-points';
import { partitionPoint } from './sorted-search';
import { foldWord, speechForm } from './speech-verbs';

export interface Span {
  start: number;
  end: number;
}

interface Word {
  /** Folded as for search. */
  word: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?؟\n]/u;
const SPACE_OR_CONTROL = /[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** A word, or a number with its decimal point and thousands commas (5.4, 55,000: no sentence ends there). */
const WORD = /\p{N}+(?:[.,٫٬]\p{N}+)*|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\u0640-]*/gu;
const QUOTATION_MARK = /[«»“”"„‹›]/u;
const COMMA = /[,،;؛]/u;

/** إن / أن / that and بأن, with the pronoun that is the clause's subject (إنه، أنهم). */
const THAT = new Set(
  [
    'إن',
    'أن',
    'إنه',
    'أنه',
    'إنها',
    'أنها',
    'إنهم',
    'أنهم',
    'إنهما',
    'أنهما',
    'بأن',
    'بأنه',
    'بأنها',
    'بأنهم',
    'that',
  ].map((w) => normalizeForMatch(w).text),
);
/** Figures as a verb's subject: الأرقام، الإحصائيات، الإحصاءات، البيانات، المؤشرات (folded). */
const DATA = /^(?:ال)?(?:ارقام|احصائيات|احصاءات|بيانات|مؤشرات)$/u;
/** أعرب / عبر (he, she, they): a verb of expressing that opens a sentence reports what was said. */
const EXPRESSED = /^(?:اعرب|عبر)(?:ت|وا)?$/u;
/** The present of رأى (he, she, they; with و / ف): what one believes, not what one said. */
const BELIEF = /^[وف]?(?:يري|تري|يرون)$/u;
/** فإن after an opening attribution: «وبحسب المصادر، فإن…». */
const SO_THAT = new Set(['فإن', 'فإنه', 'فإنها', 'فإنهم'].map((w) => normalizeForMatch(w).text));

/** وصف / يصف / واصفا and their pronouns (he, she, they; him, her, them), diacritics off; not وصفة (a recipe). */
const DESCRIBED = /^[وف]?(?:وصف(?:ت|وا|و)?(?:ه|ها|هم|هما)?|[يت]صف(?:ون)?(?:ه|ها|هم|هما)?|واصف(?:ا|ة|ين))$/u;
/** A relative (والذي يحترمه …): the description has ended. */
const RELATIVE = /^و?(?:الذي|التي|الذين)$/u;
/** بأنه / بأنها / بأنهم: what the described thing was called follows (وصف الأمر بأنه …). */
const AS_BEING = /^بأن(?:ه|ها|هم|هما)$/u;

/** Words that attribute what is around them to a source: بحسب، وفق، حسبما، نقلا عن، طبقا لـ. */
const ARABIC_ATTRIBUTION = /^(?:و?بحسب|و?حسب|و?حسبما|و?وفق|و?وفقا|و?طبقا|و?نقلا)$/u;

/** English verbs whose clause may come with no "that" (he said the border would reopen). */
const SAID = new Set(
  (
    'said says say told tells added adds noted explained announced warned acknowledged predicted concluded ' +
    'wrote writes insisted argued claimed admitted conceded stressed emphasized maintained contended asserted'
  ).split(' '),
);
/**
 * Verbs of saying that are as often an adjective or a noun (confirmed cases, the claims, to warn others of): a clause
 * with no "that" after them counts only after a subject (he, who, educators, the president, United) and with a finite
 * verb of its own within six words (he revealed workers are…, she warns the crisis is…). dev33's misses. Over the 154
 * English texts, these words and stated / suggested bare in SAID gave 35 new reads, about 10 right; so narrowed,
 * 7 new reads, 7 right (stated and suggested then found nothing right that was not wrong elsewhere: left out).
 */
const SAID_AFTER_SUBJECT = new Set('warn warns acknowledges claims revealed confirmed'.split(' '));
/** Words before such a verb that are not its subject. */
const NOT_A_SPEAKER = new Set('data figures study survey report research poll polls numbers'.split(' '));
/** A finite verb of the clause's own (… workers are not, … crisis is preventing, … he had spoken). */
const FINITE = new Set('is are was were has have had will would could can may might should must'.split(' '));

/** Words between an English verb and its clause: when and where it was said (said on Monday in a statement). */
const SAID_FILLER = new Set(
  (
    'on in at a an the statement interview separate earlier late last this week month year monday tuesday ' +
    'wednesday thursday friday saturday sunday recently also previously told'
  ).split(' '),
);
/** What cannot begin a reported clause: prepositions and the like (said of plans, told of, says with). */
const NOT_A_CLAUSE = new Set('of with for by to about from as than and or but if so'.split(' '));
/** Words an English subject does not start with: a clause or a phrase, not who spoke. */
const NOT_A_SUBJECT = new Set(
  'in on at with for by to from of and but or as than if when while because so that which who where after before'.split(
    ' ',
  ),
);
const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** Abbreviations a point follows inside a sentence (Mr. Smith, Dr. Lee). */
const ABBREVIATIONS = new Set('mr mrs ms dr st gen sen rep gov jr sr lt col sgt prof vs no'.split(' '));

/**
 * The character at `i` ends a sentence. A point does not inside a number (5.4), before a letter
 * (DPZ.N), after an initial (U.S. residents, Mrs A. Smith) or after a title (Mr. Smith).
 */
function endsSentence(chars: readonly string[], i: number): boolean {
  if (!SENTENCE_END.test(chars[i])) return false;
  if (chars[i] !== '.') return true;
  const next = chars[i + 1] ?? ' ';
  if (/[\p{L}\p{N}]/u.test(next)) return false;
  let w = i;
  while (w > 0 && /\p{L}/u.test(chars[w - 1])) w--;
  return pointEndsSentence(chars.slice(w, i).join(''), next);
}

/** A point after `word` (its letters) and before `next` ends a sentence: not after an initial or a title. */
export function pointEndsSentence(word: string, next: string): boolean {
  if (/[\p{L}\p{N}]/u.test(next)) return false;
  if (/^\p{Lu}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

const isArabic = (word: string) => /^[\u0600-\u06FF]/u.test(word);
const isLatin = (word: string) => /^[a-z]/iu.test(word);

/** [start, end) with spaces and direction controls taken off both ends. */
function trimmed(chars: readonly string[], start: number, end: number): Span {
  while (start < end && SPACE_OR_CONTROL.test(chars[start])) start++;
  while (end > start && SPACE_OR_CONTROL.test(chars[end - 1])) end--;
  return { start, end };
}

/** The words of the text with their code point offsets, folded. */
function wordsOf(index: CodePointIndex): Word[] {
  const words: Word[] = [];
  for (const m of index.text.matchAll(WORD)) {
    // A run of tatweel (ــ, a dash in Arabic) is a letter to Unicode, not a word.
    if (/^\u0640+$/u.test(m[0])) continue;
    const start = index.toCodePoint(m.index);
    words.push({ word: foldWord(m[0]), raw: m[0], start, end: start + Array.from(m[0]).length });
  }
  return words;
}

/** The word without the conjunction و / ف, and كما (as, also) in front of a verb. */
const withoutConjunction = (w: string) => (w.length > 3 ? w.replace(/^[وف]/u, '') : w);

/** The first word starting at or after code point `cp`. */
const wordFrom = (words: readonly Word[], cp: number): number =>
  partitionPoint(words.length, (k) => words[k].start < cp);

/** Reported speech in a text: the spans of its content, in order, not overlapping. */
export function findReportedSpeech(chars: readonly string[], index: CodePointIndex): Span[] {
  const words = wordsOf(index);
  const spans: Span[] = [];
  const add = (span: Span, least = 3) => {
    const n = words.slice(wordFrom(words, span.start), wordFrom(words, span.end)).length;
    if (n < least) return;
    if (spans.some((o) => o.start < span.end && span.start < o.end)) return;
    // أكد أن "…": the content is a quotation, the direct quote's (or a term's) and not reported speech.
    if (QUOTATION_MARK.test(chars[span.start])) return;
    spans.push(span);
  };
  // The text between two words; a point that ends no sentence (5.4, U.S., Mr.) is left out of it.
  const gapOf = (j: number) => {
    let gap = '';
    for (let i = words[j - 1].end; i < words[j].start; i++)
      if (chars[i] !== '.' || endsSentence(chars, i)) gap += chars[i];
    return gap;
  };

  /** Where the content that starts at `from` ends: its sentence's end, or where a new attribution starts. */
  const clauseFrom = (from: number): Span => {
    let to = from;
    while (to < chars.length && !endsSentence(chars, to)) to++;
    for (let j = wordFrom(words, from) + 1; j < words.length && words[j].start < to; j++) {
      const gap = gapOf(j);
      if (!COMMA.test(gap) && !/[-–—\u0640]{1,}\s*$/u.test(gap.replace(/^\s+/u, ''))) continue;
      if (startsAttribution(words, j, gapOf) || startsOtherClause(words, j))
        return trimmed(chars, from, words[j - 1].end);
    }
    return trimmed(chars, from, to);
  };

  // 1. A verb of saying, then إن / أن / that; in English also a clause with no "that".
  for (let k = 0; k < words.length; k++) {
    const w = words[k].word;
    const form = speechForm(w);
    const english = isLatin(w);
    // ("Trump pointed out it was Bright who …": "out" after "pointed" is such a verb, its subject before "pointed".)
    const pointedOut = english && w === 'out' && k > 0 && words[k - 1].word === 'pointed';
    const afterSubject = english && (SAID_AFTER_SUBJECT.has(w) || pointedOut);
    if (form === null && !(english && SAID.has(w)) && !afterSubject) continue;
    // تشير الأرقام إلى أن، تقول الإحصائيات إن: figures are data, not speech (dev32's two false indirect quotes).
    if (DATA.test(words[k + 1]?.word ?? '') && !english) continue;
    // يرى / ترى / يرون أن: a belief, not speech (the guide; 27 false indirect quotes over the gold, one label lost:
    // dev11's ويرى هؤلاء المحللون أنه, labelled before the guide said so). The past رأى still reports a view.
    if (BELIEF.test(w)) continue;
    // (Those that are verbs of saying keep their "that" clause as before: the White House confirmed that ….)
    const subject = afterSubject && hasSubjectBefore(words, pointedOut ? k - 1 : k, gapOf);
    // ما زعم أنه…، عما قال إنه…: what the verb says is a noun phrase, not a clause.
    if (k > 0 && /^(ما|مما|عما)$/u.test(words[k - 1].word) && !SENTENCE_END.test(gapOf(k))) continue;
    // A participle reports speech as a circumstance (…، مشيرة إلى أن / مؤكدا أن); elsewhere it is an
    // adjective (ظروف مشددة، بصورة مؤكدة).
    const after = k === 0 ? '.' : gapOf(k);
    if (form === 'participle' && !english && !/[اً]$|ين$/u.test(words[k].raw) && !/[,،;؛.!?؟\n]/u.test(after)) continue;
    // English "that" is also a relative pronoun (told her about an app that…, said, but that…):
    // there it must come within three words of the verb, with no comma between.
    let found = false;
    for (let j = k + 1; j < Math.min(words.length, k + (english ? 5 : 22)); j++) {
      const gap = gapOf(j);
      if (SENTENCE_END.test(gap) || (english && /[,;]/u.test(gap))) break;
      // (آن "Anne" folds as أن does: قالت آن، زوجته، إن….)
      if (!THAT.has(words[j].word) || words[j].raw.startsWith('آ')) continue;
      // Past twelve words only after the verb's preposition or a comma (يحذر X، مؤسس …، من أن / وأضاف X، في
      // تصريحات …، الأربعاء، أن): the subject and when it was said run long, and the clause is still the verb's.
      // (The preposition right after a comma: not بالرغم من أن، أدى به … إلى أن.)
      const preposition = /^(?:من|الي)$/u.test(words[j - 1].word) && COMMA.test(gapOf(j - 1));
      if (j >= k + 13 && !preposition && !COMMA.test(gap)) continue;
      if (form === null && afterSubject && !(subject && hasFiniteVerb(words, j + 1))) break;
      add(clauseFrom(words[j].end), english ? 3 : 1);
      k = j;
      found = true;
      break;
    }
    if (found || !english || !(SAID.has(w) || afterSubject)) continue;
    const clause = clauseWithoutThat(words, k, gapOf);
    if (clause !== null && (!afterSubject || (subject && hasFiniteVerb(words, clause))))
      add(clauseFrom(words[clause].start));
  }

  // 1b. A verb of saying, promising or accusing, then the verbal noun of what was said, no أن: أعلنت X عن بدء…،
  // أكد على ضرورة…، أعرب عن قلقه…، تعهد باتخاذ…، اتهم X بتنفيذ…. The content is the noun's phrase to the clause's end.
  for (let k = 0; k < words.length; k++) {
    const preposition = verbalNounVerb(words, k);
    if (preposition === null) continue;
    // لم تكشف عن…، لا يعبر عن…، بأن تكشف عن…: denied or asked for, not said.
    if (k > 0 && !SENTENCE_END.test(gapOf(k)) && (NOT_SAID.test(words[k - 1].word) || THAT.has(words[k - 1].word)))
      continue;
    const at = verbalNounAfter(words, k, preposition, gapOf);
    if (at !== null) add(clauseFrom(words[at].start));
  }

  // What a thing was called ends at its clause's first comma or relative (بأنها إعلان حرب، ولا تملك … / بأنه أهم
  // عامل والذي يحترمه …): the gold's descriptions are a phrase, the rest is the writer's.
  const descriptionFrom = (at: number): Span => {
    const clause = clauseFrom(at);
    for (let j = wordFrom(words, at) + 1; j < words.length && words[j].start < clause.end; j++)
      // (Not at …، وأن …: what was said goes on, dev9's aawsat-37.)
      if ((COMMA.test(gapOf(j)) && !THAT.has(words[j].word.replace(/^[وف]/u, ''))) || RELATIVE.test(words[j].word))
        return trimmed(chars, at, words[j - 1].end);
    return clause;
  };
  // 1c. A description: وصف / يصف / واصفا X بأنه <what it was called> (dev34, dev36, dev42: quotes43 labelled 24 in
  // the old gold). Unmarked, the clause is the quote; in marks, one or two words are (بأنه "وضع رهيب"), and three or
  // more are a direct quote's (quotes33's rule).
  for (let k = 0; k < words.length; k++) {
    if (!DESCRIBED.test(words[k].raw.replace(/\p{M}/gu, ''))) continue;
    for (let j = k + 1; j < Math.min(words.length, k + 9); j++) {
      if (SENTENCE_END.test(gapOf(j)) || COMMA.test(gapOf(j))) break;
      if (!AS_BEING.test(words[j].raw)) continue;
      let at = words[j].end;
      while (at < chars.length && /\s/u.test(chars[at])) at++;
      if (!QUOTATION_MARK.test(chars[at])) {
        const span = descriptionFrom(at);
        // (Holding a quotation of three words or more, بأنه كان الفترة "الأكثر توترا في حياتها": the direct's.)
        const marked = chars.slice(span.start, span.end).join('').split(QUOTATION_MARK);
        const long = marked.some((part, n) => n % 2 === 1 && (part.match(WORD) ?? []).length >= 3);
        if (chars[at] !== '(' && !long) add(span, 1);
        break;
      }
      let close = at + 1;
      while (close < chars.length && !QUOTATION_MARK.test(chars[close]) && !SENTENCE_END.test(chars[close])) close++;
      const inner = trimmed(chars, at + 1, close);
      const n = (chars.slice(inner.start, inner.end).join('').match(WORD) ?? []).length;
      if (QUOTATION_MARK.test(chars[close] ?? '') && n >= 1 && n <= 2) add(inner, 1);
      break;
    }
  }

  // 2. An attribution opening the sentence: وبحسب الجيش، سقط… / ووفقا للمصادر فإن… / According to X, …
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && !SENTENCE_END.test(gapOf(k))) continue;
    const opens =
      ARABIC_ATTRIBUTION.test(words[k].word) ||
      (words[k].word === 'according' && words[k + 1]?.word === 'to' && !toFigures(words, k + 2));
    if (!opens && !asNoted(words, k, gapOf)) continue;
    for (let j = k + 2; j < Math.min(words.length, k + 14); j++) {
      const gap = gapOf(j);
      if (SENTENCE_END.test(gap)) break;
      if (SO_THAT.has(words[j].word)) {
        add(clauseFrom(words[j].end));
        break;
      }
      if (!COMMA.test(gap)) continue;
      const at = SO_THAT.has(words[j].word) ? words[j].end : words[j].start;
      add(clauseFrom(at));
      break;
    }
  }

  // 3. An attribution closing the sentence: the content is the sentence before it.
  let sentenceStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !endsSentence(chars, i)) continue;
    const sentence = trimmed(chars, sentenceStart, i);
    sentenceStart = i + 1;
    // "…," he said after a quotation is the direct quote's, not reported speech.
    if (sentence.end - sentence.start < 10 || QUOTATION_MARK.test(chars[sentence.start])) continue;
    const first = wordFrom(words, sentence.start);
    const last = wordFrom(words, sentence.end);
    for (let j = first + 1; j < last; j++) {
      const gap = gapOf(j);
      if (!COMMA.test(gap) && !/[-–—\u0640]/u.test(gap)) continue;
      const found = closingAttribution(words, j, last, gapOf);
      if (found === null) continue;
      // وأشار البنك إلى…، وفقا لـ…: the sentence reports the speech itself; the verb's clause is the quote.
      const opening = withoutConjunction(words[first].word);
      if (speechForm(opening) !== null) break;
      // (So does أعرب / عبر X عن…: the feeling expressed after عن is what was said, to the attribution.)
      const about = EXPRESSED.test(opening) ? words.slice(first, j).findIndex((x) => x.word === 'عن') : -1;
      if (about > 0 && first + about + 1 < j) {
        add(clauseFrom(words[first + about + 1].start));
        break;
      }
      const content = found === 'parenthetical' ? sentence : trimmed(chars, sentence.start, words[j - 1].end);
      // "Anthony S. Fauci, the government's top expert, said…": a name and its apposition, no statement.
      const latin = words.slice(first, j).filter((x) => isLatin(x.word));
      if (latin.length * 2 > j - first && latin.every((x) => /^\p{Lu}/u.test(x.raw))) break;
      add(content);
      break;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * "As Fowler noted, …" / "As the Journal reported, though, …" opening a sentence: a name or a noun after "the", a verb
 * of saying, then the comma (dev38's two misses). Not "As the virus spread, …": no verb of saying before the comma.
 */
function asNoted(words: readonly Word[], k: number, gapOf: (j: number) => string): boolean {
  if (words[k].word !== 'as' || !(/^\p{Lu}/u.test(words[k + 1]?.raw ?? '') || words[k + 1]?.word === 'the'))
    return false;
  for (let v = k + 2; v < Math.min(words.length, k + 7); v++) {
    if (SENTENCE_END.test(gapOf(v)) || COMMA.test(gapOf(v))) return false;
    if (!saidForm(words[v].word) || !/^\p{Lu}/u.test(words[v - 1].raw)) continue;
    const next = gapOf(v + 1);
    return COMMA.test(next) || (words[v + 1]?.word === 'though' && COMMA.test(gapOf(v + 2)));
  }
  return false;
}

/**
 * The English verb at `k` follows its subject: a pronoun, "who" / "that", a capitalized word, a plural, or a noun
 * after "the" (the president revealed), with nothing but a space between; not a finding's (the data confirmed).
 */
function hasSubjectBefore(words: readonly Word[], k: number, gapOf: (j: number) => string): boolean {
  if (k === 0 || gapOf(k).trim() !== '') return false;
  const before = words[k - 1];
  if (NOT_A_SPEAKER.has(before.word)) return false;
  if (PERSONAL.has(before.word) || before.word === 'who' || before.word === 'that') return true;
  if (/^\p{Lu}/u.test(before.raw) || (/[^s]s$/u.test(before.word) && !/^(has|was|its|his|this)$/u.test(before.word)))
    return true;
  return k > 1 && words[k - 2].word === 'the';
}

/** A finite verb (is, has, could…) among the six words from `j`: the words there are a clause. */
function hasFiniteVerb(words: readonly Word[], j: number): boolean {
  return words.slice(j, j + 6).some((x) => FINITE.has(x.word));
}

/**
 * "according to government figures / estimates / the April study": a finding, not speech (dev33: 3 spurious reads).
 * The noun within three words after "to", and no source named after it.
 */
function toFigures(words: readonly Word[], j: number): boolean {
  // (Not "according to data from Johns Hopkins University": a source named, as the test half labels it.)
  const source = words.slice(j, j + 6).some((x) => x.word === 'from' || x.word === 'by');
  return !source && words.slice(j, j + 3).some((x) => FINDINGS.has(x.word));
}
const FINDINGS = new Set('figures estimates data study statistics census'.split(' '));

/**
 * A new attribution at word `j`: a participle of saying (مضيفا، مشيرة), or a verb of saying after
 * و / ف / كما / فيما (وأضاف، كما أشار); a verb alone after a comma goes on with the content (…، يتحدث عدة لغات).
 */
function isSpeechVerb(words: readonly Word[], j: number, gapOf: (j: number) => string): boolean {
  const w = words[j].word;
  const form = speechForm(w);
  if (form === 'participle') return true;
  if (form === 'verb' && /^[وف]/u.test(w) && speechForm(withoutConjunction(w)) === 'verb') return true;
  // (A bare verb of saying in the past, its subject or ب phrase, then its own إن / أن within six words, no mark
  // between, opens another one's words: …لن يجدي نفعًا، اعتبر X أن …; …، رد بالقول إنه …: 2 spans over the corpus ran
  // on into the next attribution, both cut right, dev2 and dev17 +1 found. Not the present, …المبادرة، يفيد بأنه
  // (the clause's own verb), nor …، أكدوا أن with nothing between, nor past a colon (أجاب: «… أنه»): 3 wrong cuts.)
  if (form === 'verb' && isArabic(w) && !/^[يت]/u.test(w)) {
    for (let k = j + 2; k < Math.min(words.length, j + 7); k++) {
      if (/\S/u.test(gapOf(k))) return false;
      if (THAT.has(words[k].word)) return true;
    }
  }
  if (form === 'verb') return false;
  return /^(كما|فيما|بينما)$/u.test(w) && ['verb', 'participle'].includes(speechForm(words[j + 1]?.word ?? '') ?? '');
}

/**
 * After a comma at word `j`, …، في حين …: a clause set against the reported one, what the text goes on to tell (dev26,
 * dev34: 3 spans cut right; no read outside the gold). Not لكن / إلا أن / رغم (the gold runs the
 * span on over them as often as not: 6 halves up, 14 down) nor بينما / فيما (a gain of one each on the gold, but 3
 * wrong cuts of 4 over the rest of the corpus: …، فيما تم …، بينما تنشط الرياح go on with what was said).
 */
const startsOtherClause = (words: readonly Word[], j: number): boolean =>
  words[j].word === 'في' && words[j + 1]?.word === 'حين';

/**
 * After a comma at word `j`: does a new attribution start (…، مضيفا أن / …، وذلك / …، بحسب /
 * …, according to / …, he said / …, but added)? Then the clause before it has ended.
 */
function startsAttribution(words: readonly Word[], j: number, gapOf: (j: number) => string): boolean {
  const w = words[j].word;
  if (isArabic(w)) {
    if (/^و?ذلك$/u.test(w) || ARABIC_ATTRIBUTION.test(w)) return true;
    // …، مبرزة / معربا عن…: a circumstance of the one who spoke (an accusative participle), not the content.
    if (/^م\p{L}{3,}[اة]$/u.test(w)) return true;
    return isSpeechVerb(words, j, gapOf);
  }
  const next = words[j + 1]?.word ?? '';
  if (w === 'according' && next === 'to') return true;
  const form = speechForm(w);
  if (form === 'participle') return true; // …, adding that
  if (PERSONAL.has(w) && speechForm(next) === 'verb') return true; // …, she said
  if ((w === 'but' || w === 'and') && (speechForm(next) === 'verb' || /ed$/u.test(next))) return true; // …, but added
  return false;
}

/** An English verb of saying in the past or with -s (said, says, wrote, added): one that attributes. */
const saidForm = (w: string) => speechForm(w) === 'verb' && (SAID.has(w) || /(ed|s)$/u.test(w));

/** The word where an English clause with no "that" starts after the verb at `k`, or null. */
function clauseWithoutThat(words: readonly Word[], k: number, gapOf: (j: number) => string): number | null {
  const w = words[k].word;
  const told = w === 'told' || w === 'tells';
  const last = sentenceEndWord(words, k, gapOf);
  // ", said Ian Pepper, a professor…" and "…," he said / "…, the researchers wrote in an article":
  // the verb attributes what came before.
  if (!told && k > 0 && /["“”]/u.test(gapOf(k))) return null;
  if (!told && k > 0 && /[,]/u.test(gapOf(k)) && inverted(words, k, last, gapOf)) return null;
  if (closingSubject(words, k, gapOf) && trailingRest(words, k, last, gapOf)) return null;
  // English with no "that": he said the border would reopen / told reporters on Monday the…
  let j = k + 1;
  let skipped = 0;
  while (j < words.length && skipped < 6) {
    const gap = gapOf(j);
    if (SENTENCE_END.test(gap) || /[,;:"“”«»—–]/u.test(gap)) break;
    const x = words[j].word;
    // "the" and "a" only after a preposition (said in a statement), never as the clause's own start.
    if (/^(a|an|the)$/u.test(x) && !/^(in|on|at|told)$/u.test(words[j - 1].word)) break;
    const object =
      told && skipped < 4 && (/^\p{Lu}/u.test(words[j].raw) || /^(him|her|them|us|me|reporters)$/u.test(x));
    if (!SAID_FILLER.has(x) && !object) break;
    j++;
    skipped++;
  }
  if (j >= words.length) return null;
  const gap = gapOf(j);
  if (SENTENCE_END.test(gap) || /[,;:"“”«»—–(]/u.test(gap) || NOT_A_CLAUSE.has(words[j].word)) return null;
  if (skipped > 0 && /ing$/u.test(words[j].word)) return null; // said in recapping…
  if (skipped > 0 && /^(a|an|the)$/u.test(words[j - 1].word)) return null; // said on an earnings call
  if (told && skipped === 0) return null; // told needs whom it was told to
  if (words[j].word === 'that') return j + 1 < words.length && !SENTENCE_END.test(gapOf(j + 1)) ? j + 1 : null;
  return j;
}

/** The index after the last word of the sentence that word `k` is in. */
function sentenceEndWord(words: readonly Word[], k: number, gapOf: (j: number) => string): number {
  let j = k + 1;
  while (j < words.length && !SENTENCE_END.test(gapOf(j))) j++;
  return j;
}

/** Words of an English attribution's adjunct: when, where and to whom it was said. */
const ADJUNCT_START = new Set(
  (
    'in on at during to after before while when as last this earlier late recently yesterday today ' +
    'monday tuesday wednesday thursday friday saturday sunday of'
  ).split(' '),
);

/**
 * After the verb at `v`: nothing more in the sentence, or only when and where it was said (in a
 * statement, on Monday, told USA TODAY) — the verb closes what came before, it opens no clause.
 */
function trailingRest(words: readonly Word[], v: number, last: number, gapOf: (j: number) => string): boolean {
  if (v + 1 >= last) return true;
  for (let a = v + 1; a < last; a++) if (/[,;:]/u.test(gapOf(a)) || THAT.has(words[a].word)) return false;
  const next = words[v + 1];
  if (ADJUNCT_START.has(next.word)) return true;
  // told reporters / told the BBC / told The Washington Post, then nothing or an adjunct.
  if (/^(told|tells)$/u.test(words[v].word)) {
    let a = v + 1;
    if (/^(the|a|an)$/u.test(words[a].word)) a++;
    while (a < last && a < v + 5 && /^\p{Lu}|^(reporters|him|her|them)$/u.test(words[a].raw)) a++;
    return a > v + 1 && (a >= last || ADJUNCT_START.has(words[a].word));
  }
  return false;
}

/** ", said Ian Pepper, a professor" — a name after the verb, then the sentence's end or an apposition. */
function inverted(words: readonly Word[], k: number, last: number, gapOf: (j: number) => string): boolean {
  const next = words[k + 1];
  if (!next || k + 1 >= last) return true;
  const name =
    /^\p{Lu}/u.test(next.raw) || /^(the|a|an|his|her|their|its)$/u.test(next.word) || PERSONAL.has(next.word);
  if (!name) return trailingRest(words, k, last, gapOf);
  // The name (up to eight words) runs to the end or to a comma: "said Kyle Bibby, an associate professor".
  // (Not one with a finite verb in it, a clause: "Jane Roe, the chair, said the evidence was overwhelming" reports
  // the evidence, its subject and apposition no statement; quotes42. A relative's verb is the name's: "said the man
  // who was there".)
  for (let a = k + 2; a < Math.min(last, k + 10); a++) {
    if (/[,;:]/u.test(gapOf(a)) || RELATIVES.has(words[a].word)) return true;
    if (FINITE.has(words[a].word)) return false;
  }
  return last - k <= 10;
}

/** Words that open a relative clause, inside a name: "said the man who was there" (not "that": "said Monday that"). */
const RELATIVES = new Set(['who', 'whose', 'which', 'whom', 'where']);

/** Auxiliaries and adverbs: "…, have said" has no subject of its own after the comma. */
const NOT_A_SUBJECT_START = new Set(
  'have has had will would could should may might can also then later previously is was are were did does do'.split(
    ' ',
  ),
);

/** "…, the researchers wrote": a short subject between a comma (or a quotation) and the verb at `k`. */
function closingSubject(words: readonly Word[], k: number, gapOf: (j: number) => string): boolean {
  for (let j = k - 1, n = 1; j >= 0 && n <= 4; j--, n++) {
    const gap = gapOf(j + 1);
    if (j + 1 < k && (SENTENCE_END.test(gap) || /[;:]/u.test(gap))) return false;
    if (j + 1 < k && /[,"“”]/u.test(gap))
      return !NOT_A_SUBJECT.has(words[j + 1].word) && !NOT_A_SUBJECT_START.has(words[j + 1].word);
  }
  return false;
}

/**
 * After the comma at word `j`, the rest of the Arabic sentence (before word `last`) attributes it: …، وذلك بحسب X /
 * …، كما أفاد / يقول / قال X, with no clause of its own (no أن, eight words at most).
 */
function arabicClosing(words: readonly Word[], j: number, last: number): boolean {
  const next = words[j + 1]?.word ?? '';
  // (Not وذلك وفق ما خلص التشريح: what a finding concluded, not what someone said.)
  if (/^و?ذلك$/u.test(words[j].word))
    return j + 1 < last && ARABIC_ATTRIBUTION.test(next) && (words[j + 2]?.word !== 'ما' || saysNext(words, j + 3));
  if (words[j].word !== 'كما' || speechForm(next) !== 'verb' || last - j > 10) return false;
  return words.slice(j + 2, last).every((x) => !THAT.has(x.word));
}

/** The word at `j` is a verb of saying (بحسب ما نقله، وفق ما ذكرت). */
const saysNext = (words: readonly Word[], j: number): boolean =>
  j < words.length && speechForm(words[j].word) === 'verb';

/**
 * At the comma before word `j` of a sentence ending before word `last`: is the rest of the
 * sentence an attribution (…، بحسب الوكالة / …, Jones said / …, said X, a professor / …, the
 * researchers wrote in an article / …, according to his wife)? 'parenthetical' when the
 * attribution sits inside the sentence and the content goes on after it (…, the group wrote, could…).
 */
function closingAttribution(
  words: readonly Word[],
  j: number,
  last: number,
  gapOf: (j: number) => string,
): 'closing' | 'parenthetical' | 'before' | null {
  const w = words[j].word;
  if (isArabic(w)) return ARABIC_ATTRIBUTION.test(w) || arabicClosing(words, j, last) ? 'closing' : null;
  if (!/[,]/u.test(gapOf(j))) return null;
  if (w === 'according' && words[j + 1]?.word === 'to' && !toFigures(words, j + 2)) return 'closing';
  // "…, said X": the verb first, then who said it (not "told": what follows it is whom it was told to).
  if (saidForm(w) && !/^(told|tells)$/u.test(w) && j + 1 < last && !/[,;:]/u.test(gapOf(j + 1)))
    return inverted(words, j, last, gapOf) ? 'closing' : null;
  // "…, X said [in …].": a short subject (a capitalised name may carry its apposition), the verb, then no comma.
  if (NOT_A_SUBJECT.has(w) || NOT_A_SUBJECT_START.has(w)) return null;
  for (let v = j + 1; v < Math.min(last, j + 15); v++) {
    if (!saidForm(words[v].word)) continue;
    const subject = words.slice(j, v);
    const hasComma = subject.some((_, n) => n > 0 && /[,]/u.test(gapOf(j + n)));
    if ((subject.length > 6 || hasComma) && !/^\p{Lu}/u.test(words[j].raw)) return null;
    if (trailingRest(words, v, last, gapOf)) return 'closing';
    // "…, the group wrote, could save lives" / "…, Gilbey said, and are shared…".
    if (subject.length <= 4 && v + 1 < last && /^[\s]*,/u.test(gapOf(v + 1)))
      return /^(and|but)$/u.test(words[v + 1].word) ? 'before' : 'parenthetical';
    return null;
  }
  return null;
}

/**
 * Verbs whose content is a verbal noun after their preposition (عن، على، بـ): past, present and the participle that
 * carries the subject, each with the preposition it takes. Not appeals (دعا / طالب / حث X إلى: what is asked is not
 * what was said) nor feelings shown (أبدى أسفه), as the guide labels them.
 */
const VERBAL_NOUN_VERBS: [past: string, present: string | null, participle: string | null, preposition: string][] = [
  ['أعلن', 'يعلن', 'معلن', 'عن'],
  ['كشف', 'يكشف', 'كاشف', 'عن'],
  ['أعرب', 'يعرب', 'معرب', 'عن'],
  // (يعبر / تعبر عن is as often a thing's "reflects": هذا النزوع يعبر عن توجه جديد.)
  ['عبر', null, 'معبر', 'عن'],
  ['أكد', 'يؤكد', 'مؤكد', 'على'],
  ['شدد', 'يشدد', 'مشدد', 'على'],
  ['تعهد', 'يتعهد', 'متعهد', 'ب'],
  // (يعد is also "is counted", تعد بمثابة.)
  ['وعد', null, 'واعد', 'ب'],
  ['هدد', 'يهدد', 'مهدد', 'ب'],
  // (متهم is "a suspect", not one who accuses.)
  ['اتهم', 'يتهم', null, 'ب'],
];
let verbalNounForms: Map<string, string> | null = null;
/** The folded forms of VERBAL_NOUN_VERBS (he, she, they; the participle's accusative only), each to its preposition. */
function verbalNounFormsOf(): Map<string, string> {
  if (verbalNounForms) return verbalNounForms;
  verbalNounForms = new Map();
  for (const [past, present, participle, preposition] of VERBAL_NOUN_VERBS) {
    const forms = [past, `${past}ت`, `${past}وا`];
    if (present) forms.push(present, `ت${present.slice(1)}`, `${present}ون`);
    // (The participle in -ة or bare is an adjective as often: ظروف مشددة، مهددة بالانقراض.)
    if (participle) forms.push(`${participle}ا`, `${participle}ين`);
    for (const f of forms) verbalNounForms.set(foldWord(f), foldWord(preposition));
  }
  return verbalNounForms;
}

/** The preposition of the verb at word `k` (also after و / ف / كما / وقد), or null when it is none of them. */
function verbalNounVerb(words: readonly Word[], k: number): string | null {
  const w = words[k].word;
  if (!isArabic(w)) return null;
  const forms = verbalNounFormsOf();
  return forms.get(w) ?? (/^[وف]/u.test(w) ? (forms.get(w.slice(1)) ?? null) : null);
}

/** Before the verb: not said (لم، لا، لن، ما). */
const NOT_SAID = /^(?:و?لم|و?لا|و?لن|ما)$/u;
/** Who cannot be the subject of such a verb: a study, a poll, figures (data, not speech). */
const FINDING_SUBJECT = /^(?:[وف]?(?:ال)?)(?:دراس|استطلاع|مسح|ابحاث|ارقام|احصا|بيانات|مؤشرات|نتائج)/u;
/** What follows على / عن and is not what was said: on the tongue of, on his page, by way of, on the sidelines. */
const NOT_CONTENT = /^(?:لسان|حساب|صفح|موقع|هامش|طريق|قناة|منص|تويتر|فيسبوك|مدى|خلفية|اثر|اساس|الرغم|رغم)/u;
/** A verbal noun after ب: with the article, or in the patterns إفعال، افتعال، تفعيل، مفاعلة (باتخاذ، بتنفيذ). */
const AFTER_BI = /^ب(?:ال\p{L}{2,}|[ات]\p{L}{3,}|م\p{L}{3,}ة)$/u;

/**
 * Where the verbal noun after the verb at `k` starts (its preposition's object), or null: the preposition within
 * twelve words in the same sentence, past the subject and when it was said; not after أن (the clause is the verb's).
 */
function verbalNounAfter(
  words: readonly Word[],
  k: number,
  preposition: string,
  gapOf: (j: number) => string,
): number | null {
  for (let j = k + 1; j < Math.min(words.length, k + 13); j++) {
    const gap = gapOf(j);
    if (SENTENCE_END.test(gap) || /:/u.test(gap)) return null;
    const w = words[j].word;
    if (THAT.has(w) || speechForm(w) === 'verb' || FINDING_SUBJECT.test(w)) return null;
    const next = words[j + 1];
    if (preposition === 'ب') {
      if (w === 'ب' && next && !SENTENCE_END.test(gapOf(j + 1))) return j + 1;
      if (AFTER_BI.test(w)) return j;
      continue;
    }
    if (w !== preposition || !next || SENTENCE_END.test(gapOf(j + 1))) continue;
    if (THAT.has(next.word) || FINDING_SUBJECT.test(next.word)) return null;
    if (NOT_CONTENT.test(next.word)) continue;
    return j + 1;
  }
  return null;
}

/** Words that open a clause of their own before a quotation: …، لكن «…» / …، وأن "…" / …، حيث «…» / …، فضلا عن «…». */
// (Not لكننا "…" nor بينما "…" with no comma: the marks went on with the speaker's own words, dev21 and dev left
// unlabelled; a bare و only before a quotation that opens with a connector or a verb in the future, و«سنسمع …», not
// …، و"قسما من الديون" that goes on with the clause's object, dev10.)
const OPENS_CLAUSE = /^(?:و?لكن|و?حيث|بينما|فيما|وبالتالي|و?لأن\p{L}*|لإن|إذ|وأن\p{L}*|فضلا|عن|و)$/u;
/** What a quotation opening a clause of its own starts with after a bare و (…، و"لكن …" / …، و«سنسمع …»). */
const OPENS_QUOTATION = /^(?:و?لكن\p{L}*|حيث|[إأ]ن\p{L}*|س[يتنا]\p{L}+)$/u;
/** إن / أن / بأن and its pronoun right before a reported clause (قال إن، أكد أنها، صرح بأن). */
const THAT_BEFORE = /(?:^|[\s،,])[وف]?ب?[أإا]ن(?:ه|ها|هم|هما)?\s*$/u;
/** Such a word right before the marks with no comma (…المعارضة شنت هجوما «لكنه …» / … لإن "القضاء …"). */
const OPENS_CLAUSE_BARE = /^(?:[وف]?لكن|و?حيث|لأن\p{L}*|لإن|إذ)$/u;
/** Or the quotation's own first word (…مضادا «لكنه …» / …الحوثيين «حيث …»; not «لأن …», dev30 left unlabelled). */
const QUOTATION_OPENS_CLAUSE = /^(?:[وف]?لكن\p{L}*|حيث)$/u;

/**
 * An Arabic reported clause that runs into a quotation opening a clause of its own (وأضاف أن <clause>، وأن "…" /
 * قال إن <clause>، حيث «…» / أوضح أن <clause> «حيث …»): the clause before the marks, whole, is the indirect quote
 * and the quotation stays direct (quotes43's rule; the finder dropped the whole span for its overlap with the
 * quotation). `open` is the quotation's first code point (after its mark); null when the quotation finishes the
 * clause it opens (إن X «…»، تتطرق …: the quotation alone, as the guide says) or fewer than three words are left.
 */
export function clauseBeforeQuotation(chars: readonly string[], span: Span, open: number): Span | null {
  let mark = open - 1;
  while (mark > span.start && !QUOTATION_MARK.test(chars[mark])) mark--;
  if (mark <= span.start || !THAT_BEFORE.test(chars.slice(Math.max(0, span.start - 12), span.start).join('')))
    return null;
  const before = chars.slice(span.start, mark).join('');
  // (A colon before the marks introduces the clause's own words: قبل أن يضيف عبارة: "…".)
  if (/:\s*$/u.test(before)) return null;
  const first = /^[\p{L}\p{M}]*/u.exec(chars.slice(open, open + 20).join(''))?.[0] ?? '';
  let cut: number | null = null;
  const comma = /[،,؛;]\s*((?:[\p{L}\p{M}]+\s*){0,2})$/u.exec(before);
  // (A comma alone is the clause's subject set off before its predicate: إن الرئيس، دونالد ترامب، "محق …".)
  const opener = comma?.[1].split(/\s+/u).filter((w) => w !== '') ?? [];
  const bareAnd = opener.length === 1 && opener[0] === 'و';
  if (
    comma &&
    opener.length > 0 &&
    opener.every((w) => OPENS_CLAUSE.test(w)) &&
    (!bareAnd || OPENS_QUOTATION.test(first))
  )
    cut = comma.index;
  else {
    const last = /([\p{L}\p{M}]+)\s*$/u.exec(before);
    if (last && OPENS_CLAUSE_BARE.test(last[1])) cut = last.index;
    else if (/\s$/u.test(before) && QUOTATION_OPENS_CLAUSE.test(first)) cut = before.length;
  }
  if (cut === null) return null;
  const out = trimmed(chars, span.start, span.start + Array.from(before.slice(0, cut)).length);
  const words = chars.slice(out.start, out.end).join('').match(WORD) ?? [];
  return words.length >= 3 ? out : null;
}
