// What a word's letters alone say of it, for the entity tagger: a naive Bayes model over the letter n-grams (2–4) of
// the training words, one vote per distinct word, by the label the word bears. Most held-out names the tagger misses
// were never seen in training nor in the untagged text; their letters are the evidence left (transliterated foreign
// names: ڤ، چ، غ for g, long vowels in odd places, -يف، -وف، -سكي). A training word is scored without its own
// counts (leave one out), so the tagger learns how far to trust the letters of a word it does not know.
import { foldWord, stripClitics } from './features';
import type { TaggedSentence } from './tagger';

/** The model: per label (O first), its words and the n-gram counts of those words. */
export interface LetterModel {
  labels: string[];
  /** Distinct words per label. */
  words: number[];
  /** All n-grams per label. */
  totals: number[];
  /** n-gram → count per label. */
  grams: Record<string, number[]>;
  /** Each training word's label index: the counts it must take out of the model to be scored as unseen. */
  known: Record<string, number>;
}

const MIN_N = 2;
const MAX_N = 4;
/** Add-α smoothing of the n-gram counts. */
const ALPHA = 0.5;
/** Only words of letters (no digits, marks or Latin-only tokens) of this length or more are scored. */
const MIN_LETTERS = 2;
const LETTERS = /^\p{L}+$/u;

/** The letter n-grams of a stem, padded with ^ and $ so that beginnings and endings count apart. */
export function letterGrams(stem: string): string[] {
  const padded = `^${stem}$`;
  const out: string[] = [];
  for (let n = MIN_N; n <= MAX_N; n++) for (let k = 0; k + n <= padded.length; k++) out.push(padded.slice(k, k + n));
  return out;
}

const stemOf = (token: string) => stripClitics(foldWord(token)).stem;
const scored = (stem: string) => stem.length >= MIN_LETTERS && LETTERS.test(stem);

/** The model from tagged sentences; a word's label is the one it bears most often (ties: O, then alphabetical). */
export function trainLetterModel(sentences: readonly TaggedSentence[]): LetterModel {
  const byWord = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.tokens.forEach((token, i) => {
      const stem = stemOf(token);
      if (!scored(stem)) return;
      const label = s.tags[i] === 'O' ? 'O' : s.tags[i].slice(2);
      let counts = byWord.get(stem);
      if (!counts) byWord.set(stem, (counts = new Map()));
      counts.set(label, (counts.get(label) ?? 0) + 1);
    });
  }
  const labelSet = new Set<string>();
  for (const counts of byWord.values()) for (const l of counts.keys()) if (l !== 'O') labelSet.add(l);
  const labels = ['O', ...[...labelSet].sort()];
  const index = new Map(labels.map((l, i) => [l, i]));
  const words = labels.map(() => 0);
  const totals = labels.map(() => 0);
  const grams = new Map<string, number[]>();
  const known: Record<string, number> = {};
  for (const stem of [...byWord.keys()].sort()) {
    const best = [...byWord.get(stem)!].sort(
      (a, b) => b[1] - a[1] || (a[0] === 'O' ? -1 : b[0] === 'O' ? 1 : a[0] < b[0] ? -1 : 1),
    )[0][0];
    const c = index.get(best)!;
    known[stem] = c;
    words[c]++;
    for (const g of letterGrams(stem)) {
      let row = grams.get(g);
      if (!row) grams.set(g, (row = labels.map(() => 0)));
      row[c]++;
      totals[c]++;
    }
  }
  return { labels, words, totals, grams: Object.fromEntries(grams), known };
}

/**
 * The letters' verdict on a stem, as tagger features: the likeliest label, and how much likelier the likeliest name
 * label is than O (log-odds per n-gram, in bins), so a word that looks like a name counts even when O wins.
 * A training word is scored without itself. Nothing for a word that is not letters. Remembered per stem.
 */
export function letterScorer(model: LetterModel): (stem: string) => readonly string[] {
  const L = model.labels.length;
  const grams = new Map(Object.entries(model.grams));
  const known = new Map(Object.entries(model.known));
  const vocabulary = grams.size + 1;
  const memo = new Map<string, readonly string[]>();
  const NONE: readonly string[] = [];
  const score = (stem: string): readonly string[] => {
    if (!scored(stem) || L < 2) return NONE;
    const own = known.get(stem);
    const mine = letterGrams(stem);
    const ownGrams = new Map<string, number>();
    if (own !== undefined) for (const g of mine) ownGrams.set(g, (ownGrams.get(g) ?? 0) + 1);
    // The n-grams only this word has leave the vocabulary with it.
    let alone = 0;
    for (const [g, n] of ownGrams) if (grams.get(g)?.reduce((a, b) => a + b, 0) === n) alone++;
    const scores = model.labels.map((_, c) => {
      const words = model.words[c] - (own === c ? 1 : 0);
      const total = model.totals[c] - (own === c ? mine.length : 0);
      let s = 0;
      for (const g of mine) {
        const n = (grams.get(g)?.[c] ?? 0) - (own === c ? (ownGrams.get(g) ?? 0) : 0);
        s += Math.log((n + ALPHA) / (total + ALPHA * (vocabulary - alone)));
      }
      // Per n-gram, so long and short words are alike; the prior once.
      return (s + Math.log(words + 1)) / mine.length;
    });
    let best = 0;
    let bestName = 1;
    for (let c = 1; c < L; c++) {
      if (scores[c] > scores[best]) best = c;
      if (scores[c] > scores[bestName]) bestName = c;
    }
    const odds = scores[bestName] - scores[0];
    const bin = odds < -1 ? 0 : odds < -0.4 ? 1 : odds < -0.1 ? 2 : odds < 0.1 ? 3 : odds < 0.4 ? 4 : 5;
    return [`lt=${model.labels[best]}`, `ln=${model.labels[bestName]}|${bin}`];
  };
  return (stem) => {
    let f = memo.get(stem);
    if (!f) {
      if (memo.size > 200_000) memo.clear();
      memo.set(stem, (f = score(stem)));
    }
    return f;
  };
}
