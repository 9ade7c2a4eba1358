// What the entity tagger sees of each token: its letters folded as for search, the word
// without its Arabic clitics, affixes, shape and its neighbours. NewsFANE's tokens come
// clitic-split (و / ب / ال… as tokens of their own) while raw text glues them on, so every
// word also shows its clitic-stripped stem: وبايدن and و + بايدن share the features of بايدن.
import { normalizeForMatch } from '../arabic-normalize';
import { isOrdinaryStem } from './ordinary-words';
import type { WordProfiles } from './word-profile';

/** Left-to-right marks that NewsFANE puts before most tokens, and their right-to-left twin. */
const DIRECTION_MARKS = /[\u200E\u200F]/gu;

const ARABIC_LETTER = /^[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/u;

/** A token's letters as the tagger compares them: marks, tatweel, hamza forms and Latin case folded. */
export function foldWord(token: string): string {
  let folded = FOLDED.get(token);
  if (folded === undefined) {
    // Remembered: a corpus has far fewer distinct tokens than tokens, and folding allocates.
    if (FOLDED.size > 200_000) FOLDED.clear();
    FOLDED.set(token, (folded = normalizeForMatch(token.replace(DIRECTION_MARKS, '')).text));
  }
  return folded;
}

const FOLDED = new Map<string, string>();

export interface Stem {
  /** The word without the clitics in front. */
  stem: string;
  /** The clitics taken off, in order ('' when none): و, ف, ب, ل, ك, ال. */
  clitics: string;
}

/**
 * The Arabic proclitics in front of a folded word: a conjunction (و / ف), then a
 * preposition (ب / ل / ك), then the article (ال; لل is ل + ال). A stem keeps at least two
 * letters, so short words (ولد is not و + لد… but وزير would be read as و + زير) are
 * mostly safe; the tagger sees both the word and the stem and learns which one counts.
 */
export function stripClitics(word: string): Stem {
  if (!ARABIC_LETTER.test(word)) return { stem: word, clitics: '' };
  let rest = word;
  let clitics = '';
  const take = (n: number) => {
    clitics += rest.slice(0, n);
    rest = rest.slice(n);
  };
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 3) take(1);
  if ((rest[0] === 'ب' || rest[0] === 'ك') && rest.length > 3) take(1);
  else if (rest[0] === 'ل' && rest.length > 3) {
    // لل: ل with the article's alef dropped (للحكومة = ل + الحكومة).
    if (rest[1] === 'ل' && rest.length > 4) {
      return { stem: rest.slice(2), clitics: `${clitics}لال` };
    }
    take(1);
  }
  if (rest.startsWith('ال') && rest.length > 3) take(2);
  return { stem: rest, clitics };
}

/** The word's shape: Xx for Latin case, a for Arabic letters, d for digits, runs collapsed. */
export function wordShape(token: string): string {
  let shape = '';
  for (const ch of token.replace(DIRECTION_MARKS, '')) {
    let c: string;
    if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (/\p{Nd}/u.test(ch)) c = 'd';
    else if (ARABIC_LETTER.test(ch)) c = 'a';
    else if (/\p{L}/u.test(ch)) c = 'l';
    else if (/\p{M}/u.test(ch) || ch === '\u0640') continue;
    else c = ch;
    if (!shape.endsWith(c)) shape += c;
  }
  return shape;
}

/** Per-token facts computed once per sentence. */
interface TokenView {
  word: string;
  stem: string;
  clitics: string;
  shape: string;
  /** Whether a general Arabic lexicon knows its stem (ordinary-words.ts): 1, 0, or _ (not an Arabic word). */
  ordinary: string;
  /** Its features as the token itself, and as each neighbour: built once per distinct token. */
  own: string[];
  asPrev: string[];
  asNext: string[];
  asPrev2: string[];
  asNext2: string[];
  asPrev3: string[];
  asNext3: string[];
  /** The same features as one model's numbers (featureIds), kept for the last model that asked. */
  ids?: ViewIds;
}

/**
 * A token view's features as a model's numbers: its lists one after another in one array (own, asPrev, asNext,
 * asPrev2, asNext2, asPrev3, asNext3, then its stem's profile), list k from `ends[k - 1]` (0 for the first) to
 * `ends[k]`. One array, not eight: up to 200,000 views are kept.
 */
interface ViewIds {
  index: FeatureIndex;
  ids: Int32Array;
  ends: Int32Array;
  /**
   * Per name of PAIRS, the index's pairs whose first word is the view's, by their second (FeatureIndex.pairsAfter);
   * null when the word holds a |, whose pairs are looked up whole.
   */
  after: (ReadonlyMap<string, number> | undefined)[] | null;
}

/** The pairs of words featureIds reads, in its order. */
const PAIRS = ['w-1|w', 'w|w+1', 'w-2|w-1', 'w+1|w+2'];

const OWN = 0;
const AS_PREV = 1;
const AS_NEXT = 2;
const AS_PREV2 = 3;
const AS_NEXT2 = 4;
const AS_PREV3 = 5;
const AS_NEXT3 = 6;
const PROFILE = 7;

const prefix = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const suffix = (s: string, n: number) => (s.length > n ? s.slice(-n) : s);

function makeView(word: string, stem: string, clitics: string, shape: string): TokenView {
  const own = [
    'b',
    `w=${word}`,
    `s=${stem}`,
    `c=${clitics}`,
    `sh=${shape}`,
    `p2=${prefix(stem, 2)}`,
    `p3=${prefix(stem, 3)}`,
    `x1=${suffix(stem, 1)}`,
    `x2=${suffix(stem, 2)}`,
    `x3=${suffix(stem, 3)}`,
    `x4=${suffix(stem, 4)}`,
    `wx3=${suffix(word, 3)}`,
    `len=${Math.min(stem.length, 8)}`,
  ];
  // Letter trigrams inside the stem: transliterated foreign names share them (كريستوفر, تشينغ).
  const padded = `^${stem}$`;
  for (let k = 0; k + 3 <= padded.length; k++) own.push(`ng=${padded.slice(k, k + 3)}`);
  return {
    word,
    stem,
    clitics,
    shape,
    ordinary: /^[\u0621-\u064A]{2,}$/u.test(stem) ? (isOrdinaryStem(stem) ? '1' : '0') : '_',
    own,
    asPrev: [
      `w-1=${word}`,
      `s-1=${stem}`,
      `c-1=${clitics}`,
      `sh-1=${shape}`,
      `x3-1=${suffix(stem, 3)}`,
      `p3-1=${prefix(stem, 3)}`,
    ],
    asNext: [
      `w+1=${word}`,
      `s+1=${stem}`,
      `c+1=${clitics}`,
      `sh+1=${shape}`,
      `x3+1=${suffix(stem, 3)}`,
      `p3+1=${prefix(stem, 3)}`,
    ],
    asPrev2: [`w-2=${word}`],
    asNext2: [`w+2=${word}`],
    // Farther context: titles and trigger words (الامير، مدينة، شركة) often stand two or three words off.
    asPrev3: [`s-3=${stem}`],
    asNext3: [`s+3=${stem}`],
  };
}

function view(token: string): TokenView {
  let v = VIEWS.get(token);
  if (!v) {
    const word = foldWord(token);
    const { stem, clitics } = stripClitics(word);
    if (VIEWS.size > 200_000) VIEWS.clear();
    VIEWS.set(token, (v = makeView(word, stem, clitics, wordShape(token))));
  }
  return v;
}

const VIEWS = new Map<string, TokenView>();

/** A token's stem, `stripClitics(foldWord(token)).stem`, remembered with its other features. */
export const tokenStem = (token: string): string => view(token).stem;

/**
 * The features of every token of a sentence, as strings. `gazetteer` gives, per token,
 * the BIO tag of a workspace name that covers it (e.g. "B-PERSON"), or '' for none;
 * `profiles`, what untagged text says of each stem (word-profile.ts); `elsewhere`, per token, the words beside
 * its other occurrences nearby (contextsElsewhere).
 */
export function sentenceFeatures(
  tokens: readonly string[],
  gazetteer?: readonly string[],
  profiles?: WordProfiles,
  elsewhere?: readonly (readonly string[])[],
): string[][] {
  const views = tokens.map(view);
  const at = (i: number): TokenView => views[i] ?? (i < 0 ? START : END);
  const gaz = (i: number) => (gazetteer && i >= 0 && i < tokens.length ? gazetteer[i] || 'O' : '_');
  return views.map((t, i) => {
    const p1 = at(i - 1);
    const p2 = at(i - 2);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    const f = [
      ...t.own,
      ...p1.asPrev,
      ...n1.asNext,
      ...p2.asPrev2,
      ...n2.asNext2,
      ...at(i - 3).asPrev3,
      ...at(i + 3).asNext3,
      `w-1|w=${p1.word}|${t.word}`,
      `w|w+1=${t.word}|${n1.word}`,
      `w-2|w-1=${p2.word}|${p1.word}`,
      `w+1|w+2=${n1.word}|${n2.word}`,
    ];
    if (i === 0) f.push('first');
    if (profiles) {
      // No profile is a feature too: a word the untagged text hardly has is more often a name.
      const profile = profiles.get(t.stem);
      if (profile) f.push(...profile.split(' '));
      else f.push('u=none');
    }
    if (gazetteer)
      f.push(
        `g=${gaz(i)}`,
        `g-1=${gaz(i - 1)}`,
        `g+1=${gaz(i + 1)}`,
        `g|w=${gaz(i)}|${t.stem}`,
        `g|lx=${gaz(i)}|${t.ordinary}`,
      );
    if (elsewhere?.[i]) f.push(...elsewhere[i]);
    return f;
  });
}

/** What featureIds needs of a model: the number of a feature it has weights for, or -1. */
export interface FeatureIndex {
  list(features: readonly string[]): Int32Array;
  /** `${name}=${a}|${b}` */
  pair(name: string, a: string, b: string): number;
  /** The numbers of the pairs `${name}=${a}|${b}` by `b`, for an `a` and a `b` without a | (else pair). */
  pairsAfter(name: string, a: string): ReadonlyMap<string, number> | undefined;
  one(feature: string): number;
}

/**
 * A view's features as the index's numbers: resolved once and kept on the view for that index (one model tags in a
 * worker), so tagging builds and hashes no feature string for a word seen before. `profiles` must be the index's
 * model's.
 */
function viewIds(v: TokenView, index: FeatureIndex, profiles: WordProfiles | undefined): ViewIds {
  if (v.ids?.index === index) return v.ids;
  const profile = profiles?.get(v.stem);
  const lists = [v.own, v.asPrev, v.asNext, v.asPrev2, v.asNext2, v.asPrev3, v.asNext3, profile?.split(' ') ?? []];
  const ends = new Int32Array(lists.length);
  let n = 0;
  lists.forEach((list, k) => (ends[k] = n += list.length));
  const after = v.word.includes('|') ? null : PAIRS.map((name) => index.pairsAfter(name, v.word));
  return (v.ids = { index, ids: index.list(lists.flat()), ends, after });
}

/**
 * sentenceFeatures' features of each token as a model's numbers (`visit(i, id)`, unknown ones left out), in the same
 * order, so a token's scores are the same sums added in the same order. The gazetteer's features are left to
 * gazetteerFeatureIds: they come last in sentenceFeatures' order and are the only ones that change between the
 * tagger's two passes.
 */
export function featureIds(
  tokens: readonly string[],
  index: FeatureIndex,
  profiles: WordProfiles | undefined,
  visit: (i: number, id: number) => void,
): void {
  const views = tokens.map((token) => viewIds(view(token), index, profiles));
  const edges = [START, END].map((v) => viewIds(v, index, profiles));
  const at = (i: number): ViewIds => views[i] ?? (i < 0 ? edges[0] : edges[1]);
  const words = tokens.map((token) => view(token).word);
  const word = (i: number) => words[i] ?? (i < 0 ? START.word : END.word);
  const none = index.one('u=none');
  const first = index.one('first');
  const all = (i: number, v: ViewIds, list: number) => {
    const { ids, ends } = v;
    for (let k = list === 0 ? 0 : ends[list - 1]; k < ends[list]; k++) if (ids[k] >= 0) visit(i, ids[k]);
  };
  const one = (i: number, id: number) => {
    if (id >= 0) visit(i, id);
  };
  // The pair PAIRS[k] of the words at i and j: through the first word's pairs, found once per view (three maps read
  // per pair and token were a seventh of the tagger's CPU, perf53), or whole where a word holds a |.
  const pair = (k: number, i: number, j: number) => {
    const first = at(i).after;
    if (first === null || at(j).after === null) return index.pair(PAIRS[k], word(i), word(j));
    return first[k]?.get(word(j)) ?? -1;
  };
  views.forEach((t, i) => {
    all(i, t, OWN);
    all(i, at(i - 1), AS_PREV);
    all(i, at(i + 1), AS_NEXT);
    all(i, at(i - 2), AS_PREV2);
    all(i, at(i + 2), AS_NEXT2);
    all(i, at(i - 3), AS_PREV3);
    all(i, at(i + 3), AS_NEXT3);
    one(i, pair(0, i - 1, i));
    one(i, pair(1, i, i + 1));
    one(i, pair(2, i - 2, i - 1));
    one(i, pair(3, i + 1, i + 2));
    if (i === 0) one(i, first);
    if (profiles) {
      if (t.ends[PROFILE] > t.ends[PROFILE - 1]) all(i, t, PROFILE);
      else one(i, none);
    }
  });
}

/**
 * The gazetteer's features of sentenceFeatures (g=, g-1=, g+1=, g|w=, g|lx=) per token, as a model's numbers (−1:
 * none).
 */
export function gazetteerFeatureIds(
  tokens: readonly string[],
  gazetteer: readonly string[],
  index: FeatureIndex,
): Int32Array[] {
  const gaz = (i: number) => (i >= 0 && i < tokens.length ? gazetteer[i] || 'O' : '_');
  return tokens.map((token, i) =>
    Int32Array.of(
      index.one(`g=${gaz(i)}`),
      index.one(`g-1=${gaz(i - 1)}`),
      index.one(`g+1=${gaz(i + 1)}`),
      index.pair('g|w', gaz(i), view(token).stem),
      index.one(`g|lx=${gaz(i)}|${view(token).ordinary}`),
    ),
  );
}

const START = makeView('<s>', '<s>', '', '<s>');
const END = makeView('</s>', '</s>', '', '</s>');

/** How far, in sentences either side, a word's other occurrences count as the same text (an article's reach). */
const ELSEWHERE_REACH = 20;
/** The words kept per side: the nearest occurrences' first. */
const ELSEWHERE_KEPT = 6;
/** A stem more frequent than this in the text is a common word, whose neighbours say nothing of it. */
const ELSEWHERE_COMMON = 60;

/**
 * Context aggregation (Ratinov & Roth 2009): per token of a text (its sentences in order), the words just before
 * (a-1=) and after (a+1=) the other occurrences of its stem within ELSEWHERE_REACH sentences, a split-off clitic
 * (و، ب…) skipped, those equal to its own neighbours left out. A name is often introduced once with what tells its
 * kind (الرئيس X، مدينة X، شركة X) and then stands bare; its bare occurrences then see that title too. Stems of
 * fewer than three letters, without letters, and common ones (ELSEWHERE_COMMON) get none.
 */
export function contextsElsewhere(sentences: readonly (readonly string[])[]): string[][][] {
  const stems = sentences.map((tokens) => tokens.map((t) => view(t).stem));
  const count = new Map<string, number>();
  for (const line of stems) for (const s of line) count.set(s, (count.get(s) ?? 0) + 1);
  const where = new Map<string, [number, number][]>();
  stems.forEach((line, k) =>
    line.forEach((s, i) => {
      if (s.length < 3 || (count.get(s) ?? 0) > ELSEWHERE_COMMON || !/\p{L}/u.test(s)) return;
      let at = where.get(s);
      if (!at) where.set(s, (at = []));
      at.push([k, i]);
    }),
  );
  // Per token, the nearest word on each side that is not a one-letter clitic token (NewsFANE splits و، ب، ل… off).
  const before = stems.map((line) => {
    let last = '<s>';
    return line.map((s) => {
      const word = last;
      if (s.length > 1) last = s;
      return word;
    });
  });
  const after = stems.map((line) => {
    let next = '</s>';
    const out = new Array<string>(line.length);
    for (let i = line.length - 1; i >= 0; i--) {
      out[i] = next;
      if (line[i].length > 1) next = line[i];
    }
    return out;
  });
  return stems.map((line, k) =>
    line.map((s, i) => {
      const at = where.get(s);
      if (!at || at.length < 2) return [];
      const left = new Set<string>();
      const right = new Set<string>();
      const near = at
        .filter(([k2, i2]) => Math.abs(k2 - k) <= ELSEWHERE_REACH && !(k2 === k && i2 === i))
        .sort((a, b) => Math.abs(a[0] - k) - Math.abs(b[0] - k) || a[0] - b[0] || a[1] - b[1]);
      for (const [k2, i2] of near) {
        const l = before[k2][i2];
        const r = after[k2][i2];
        if (l !== before[k][i] && left.size < ELSEWHERE_KEPT) left.add(l);
        if (r !== after[k][i] && right.size < ELSEWHERE_KEPT) right.add(r);
      }
      return [...[...left].map((w) => `a-1=${w}`), ...[...right].map((w) => `a+1=${w}`)];
    }),
  );
}
