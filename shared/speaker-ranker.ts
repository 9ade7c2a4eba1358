// A learned ranker for the speaker of a direct quote: the candidates are what the speaker rules choose
// (shared/speaker-from-text.ts), the other spans those rules read around the quote (the subjects of each verb of
// saying near it, of its sentence, English runs of capitals) and the one who spoke last; each is scored by a linear
// function of GENERIC features — where it stands (before or after the quote, words and sentences away, a verb of
// saying or a colon between, the same paragraph), how it was proposed, its shape (length, script, a title word from
// our own lists) — and the best wins. A softmax ranker (conditional logit), fitted by full-batch gradient descent.
//
// The weights (speaker-ranker-weights.json) are a small table of numbers, one per feature named below: no text
// and no word learned from any corpus. build/fit-speaker-ranker.mjs refits them from the hand-labelled quote gold
// (test/gold/quotes.json), reading the research corpus at run time as quote-eval does; nothing of it is shipped.
// Pure; offsets are code points.
import { isArabicTitleNoun, looksLikePerson, type Span, type SpeakerProposal } from './speaker-from-text';
import { foldWord, isSayingVerb } from './speech-verbs';

/** How each candidate came: the ways to propose a speaker, each a feature of its own. */
const SOURCES = [
  'rules', // the speaker rules' choice (for "no speaker": the rules named no one)
  'previous', // the one who spoke last
  'lastPerson', // the last speaker who is a person (he / she point to them)
  'afterVerb', // the subject after a verb of saying (قال الوزير، said Jones)
  'beforeVerb', // the subject before a verb of saying (Jones said)
  'sentenceSubject', // the subject of the quote's sentence
  'name', // a run of capitalised words
  'pointsBack', // a pronoun or a verb with no subject stood for it
  'none', // the candidate "no speaker"
] as const;

/** Where it stands and what lies between it and the quote. */
const POSITIONS = [
  'before', // it ends before the quote (else it follows it)
  'inTail', // after the quote, in the quote's own sentence
  'sameSentence', // no sentence ends between it and the quote
  'previousSentence', // one sentence end between
  'farther', // two or more, or another paragraph
  'otherParagraph', // a paragraph break between
  'wordsAway', // words between, log-scaled to 0–1 (50 words and more: 1)
  'verbBetween', // a verb of saying between it and the quote
  'colonBetween', // a colon between it and the quote
  'nextToVerb', // a verb of saying right before or after it
  'quoteBetween', // a quotation mark between it and the quote (another quote lies between)
] as const;

/** Its shape. */
const SHAPES = [
  'oneWord',
  'longPhrase', // four words or more
  'titleWord', // starts with a title noun (الوزير، المتحدث) or an English title abbreviation (Dr., Sen.)
  'capitalised',
  'arabicScript',
  'definite', // starts with ال / the
  'notAPerson', // reads as a body by our word lists ("the ministry", an acronym): shared/speaker-from-text.ts
  'hasComma',
] as const;

/** The features that weigh differently in Arabic (the quote's script): each also as `ar.<name>`. */
const BY_LANGUAGE = [...SOURCES, 'before', 'inTail', 'sameSentence', 'previousSentence', 'farther'] as const;

export const SPEAKER_FEATURES: readonly string[] = [
  ...SOURCES,
  ...POSITIONS,
  ...SHAPES,
  ...BY_LANGUAGE.map((f) => `ar.${f}`),
];

const FEATURE_INDEX = new Map(SPEAKER_FEATURES.map((f, i) => [f, i]));

/** One weight per feature of SPEAKER_FEATURES (a feature missing weighs 0). */
export type SpeakerWeights = Readonly<Record<string, number>>;

export interface SpeakerCandidate {
  /** The speaker's span, or null for "no speaker". */
  span: Span | null;
  /** The feature values, in the order of SPEAKER_FEATURES. */
  features: Float64Array;
}

/** What the quote finder knows of a quote when it ranks its speakers. */
export interface SpeakerContext {
  /** The rules' choice. */
  rules: Span | null;
  previous: Span | null;
  person: Span | null;
  proposals: readonly SpeakerProposal[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\u0640-]*/gu;
const TITLE_ABBREVIATION = /^(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Prof|President|Minister)\b/u;

/** The candidates for the quote at `quote`, each once (spans that overlap are one candidate with both ways). */
export function speakerCandidates(chars: readonly string[], quote: Span, context: SpeakerContext): SpeakerCandidate[] {
  const found: { span: Span; sources: Set<string> }[] = [];
  const add = (span: Span | null, source: string) => {
    if (!span) return;
    const same = found.find((c) => overlaps(c.span, span));
    if (same) same.sources.add(source);
    else found.push({ span, sources: new Set([source]) });
  };
  add(context.rules, 'rules');
  add(context.previous, 'previous');
  add(context.person, 'lastPerson');
  for (const p of context.proposals) {
    if (overlaps(p.span, quote)) continue;
    const source = p.kind === 'after-verb' ? 'afterVerb' : p.kind === 'before-verb' ? 'beforeVerb' : p.kind;
    add(p.span, p.kind === 'sentence-subject' ? 'sentenceSubject' : source);
    if (p.pointsBack) add(p.span, 'pointsBack');
  }
  const arabic = /[\u0600-\u06FF]/u.test(chars.slice(quote.start, quote.end).join(''));
  const out: SpeakerCandidate[] = found.map((c) => ({
    span: c.span,
    features: featuresOf(chars, quote, c.span, c.sources, arabic),
  }));
  const none = new Float64Array(SPEAKER_FEATURES.length);
  set(none, 'none', 1, arabic);
  if (!context.rules) set(none, 'rules', 1, arabic);
  out.push({ span: null, features: none });
  return out;
}

function set(features: Float64Array, name: string, value: number, arabic: boolean) {
  features[FEATURE_INDEX.get(name)!] = value;
  const ar = FEATURE_INDEX.get(`ar.${name}`);
  if (arabic && ar !== undefined) features[ar] = value;
}

function featuresOf(
  chars: readonly string[],
  quote: Span,
  span: Span,
  sources: ReadonlySet<string>,
  arabic: boolean,
): Float64Array {
  const f = new Float64Array(SPEAKER_FEATURES.length);
  for (const s of sources) set(f, s, 1, arabic);
  const before = span.end <= quote.start;
  const between = before ? chars.slice(span.end, quote.start).join('') : chars.slice(quote.end, span.start).join('');
  const words = between.match(WORD) ?? [];
  const ends = (between.match(/[.!?؟](?=\s|$)/gu) ?? []).length;
  const paragraph = between.includes('\n');
  set(f, 'before', before ? 1 : 0, arabic);
  set(f, 'inTail', !before && ends === 0 && !paragraph ? 1 : 0, arabic);
  set(f, 'sameSentence', ends === 0 && !paragraph ? 1 : 0, arabic);
  set(f, 'previousSentence', ends === 1 && !paragraph ? 1 : 0, arabic);
  set(f, 'farther', ends >= 2 || paragraph ? 1 : 0, arabic);
  set(f, 'otherParagraph', paragraph ? 1 : 0, arabic);
  set(f, 'wordsAway', Math.min(1, Math.log1p(words.length) / Math.log(51)), arabic);
  set(f, 'verbBetween', words.some((w) => isSayingVerb(foldWord(w))) ? 1 : 0, arabic);
  set(f, 'colonBetween', /[:：]/u.test(between) ? 1 : 0, arabic);
  set(f, 'quoteBetween', /[«»“”"]/u.test(between.slice(1, -1)) ? 1 : 0, arabic);
  const left =
    chars
      .slice(Math.max(0, span.start - 40), span.start)
      .join('')
      .match(WORD) ?? [];
  const right =
    chars
      .slice(span.end, span.end + 40)
      .join('')
      .match(WORD) ?? [];
  const verb = (w: string | undefined) => w !== undefined && isSayingVerb(foldWord(w));
  set(f, 'nextToVerb', verb(left[left.length - 1]) || verb(right[0]) ? 1 : 0, arabic);
  const text = chars.slice(span.start, span.end).join('');
  const own = text.match(WORD) ?? [];
  set(f, 'oneWord', own.length === 1 ? 1 : 0, arabic);
  set(f, 'longPhrase', own.length >= 4 ? 1 : 0, arabic);
  set(f, 'titleWord', (own[0] && isArabicTitleNoun(own[0])) || TITLE_ABBREVIATION.test(text) ? 1 : 0, arabic);
  set(f, 'capitalised', /^\p{Lu}/u.test(text) ? 1 : 0, arabic);
  set(f, 'arabicScript', /[\u0600-\u06FF]/u.test(text) ? 1 : 0, arabic);
  set(f, 'definite', /^(ال|the\s)/iu.test(text) ? 1 : 0, arabic);
  set(f, 'notAPerson', looksLikePerson(chars, span) ? 0 : 1, arabic);
  set(f, 'hasComma', /[,،]/u.test(text) ? 1 : 0, arabic);
  return f;
}

function scoreOf(features: Float64Array, weights: Float64Array): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += features[i] * weights[i];
  return s;
}

const asVector = (weights: SpeakerWeights) => Float64Array.from(SPEAKER_FEATURES, (f) => weights[f] ?? 0);

/** The best candidate (the first of equals: the rules' choice comes first). */
export function rankSpeakers(candidates: readonly SpeakerCandidate[], weights: SpeakerWeights): SpeakerCandidate {
  const w = asVector(weights);
  let best = candidates[0];
  let top = -Infinity;
  for (const c of candidates) {
    const s = scoreOf(c.features, w);
    if (s > top) [best, top] = [c, s];
  }
  return best;
}

/** A quote's candidates and which of them are right. */
export interface SpeakerExample {
  candidates: readonly SpeakerCandidate[];
  right: readonly boolean[];
}

export interface FitOptions {
  rounds?: number;
  rate?: number;
  /** L2 penalty per weight. */
  l2?: number;
}

/**
 * Fits the weights: maximises the likelihood that a right candidate wins (a softmax over each quote's candidates,
 * all the right ones pooled), by full-batch gradient descent from zero: deterministic. Quotes with no right
 * candidate teach nothing and are left out.
 */
export function fitSpeakerRanker(examples: readonly SpeakerExample[], options: FitOptions = {}): SpeakerWeights {
  const { rounds = 500, rate = 0.5, l2 = 0.002 } = options;
  const n = SPEAKER_FEATURES.length;
  const usable = examples.filter((e) => e.right.some(Boolean) && !e.right.every(Boolean));
  const w = new Float64Array(n);
  const gradient = new Float64Array(n);
  for (let round = 0; round < rounds && usable.length > 0; round++) {
    gradient.fill(0);
    for (const e of usable) {
      const scores = e.candidates.map((c) => scoreOf(c.features, w));
      const top = Math.max(...scores);
      const p = scores.map((s) => Math.exp(s - top));
      const all = p.reduce((a, b) => a + b, 0);
      const good = p.reduce((a, b, i) => a + (e.right[i] ? b : 0), 0);
      e.candidates.forEach((c, i) => {
        // d(−log P(right)) / d score_i = p_i − q_i, q the distribution over the right ones.
        const g = p[i] / all - (e.right[i] ? p[i] / good : 0);
        if (g !== 0) for (let j = 0; j < n; j++) gradient[j] += g * c.features[j];
      });
    }
    for (let j = 0; j < n; j++) w[j] -= rate * (gradient[j] / usable.length + l2 * w[j]);
  }
  return Object.fromEntries(SPEAKER_FEATURES.map((f, i) => [f, Math.round(w[i] * 1000) / 1000]));
}
