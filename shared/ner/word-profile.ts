// What plain, untagged text says about a word, as features for the entity tagger: how often
// it occurs, how often with the article ال, how often with a pronoun after it, and the
// frequent words it stands between. A name the tagged sentences never show (عائشة, يونيسيف)
// often occurs in the workspace's other texts, and there it keeps a name's company: after
// الرئيس or قال, before ان, rarely with ال, never with a pronoun. Built at run time from the
// texts in hand; ner-eval's held-out figure with `--unlabeled` rose from 0.67 to 0.70 with it. And
// its word cluster (word-clusters.ts): the names it shares the company of, through other words.
import { foldWord, stripClitics } from './features';
import { spansOfTags, type TaggedSentence } from './tagger';
import { buildWordClusters } from './word-clusters';

/** A stem → its profile features (space-separated), for the stems seen often enough. */
export type WordProfiles = Map<string, string>;

/** Pronoun suffixes: a noun takes them (جيشه), a name almost never does. */
const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'كم', 'نا'];

/** The most frequent stems, which are the contexts a word is described by. */
const CONTEXT_WORDS = 300;
/** Fewer occurrences than this say nothing: the word gets no profile (itself a feature: rare). */
const MIN_COUNT = 3;
/** The left and right contexts kept per word. */
const CONTEXTS_KEPT = 3;

/**
 * The word clusters' leaves (word-clusters.ts), 0 for none. On five development folds of NewsFANE 1–3,000 (600
 * sentences held out each, seeds 1 and 2) micro F1 rose from 0.693 to 0.698 on the mean (+2.7, +0.3, +0.4, +0.9 and
 * −1.6 per fold); 256 leaves scored 0.695/0.716 on the first fold against 0.731/0.720 with 128. Held-out (1–3,000 →
 * 3,001–3,800, seeds 1–3) the same on the mean: 0.697/0.689/0.700 against 0.703/0.690/0.693; but with few tagged
 * sentences, as in a new workspace, much better: F1 after 50, 100, 200 and 400 sentences 0.245, 0.234, 0.473, 0.497
 * against 0.155, 0.143, 0.404, 0.490.
 */
const CLUSTER_CLASSES = 128;
/** The cluster paths' prefixes the tagger sees: the tree cut at depths 4, 6, 10 and 20, coarse to fine. */
const CLUSTER_PREFIXES = [4, 6, 10, 20];

const byCountThenText = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/**
 * Profiles from token lists (sentences or whole texts). Same texts → same profiles. `clusterClasses`: the word
 * clusters' leaves (0: no clusters).
 */
export function buildWordProfiles(
  texts: Iterable<readonly string[]>,
  options: { clusterClasses?: number; labeled?: readonly TaggedSentence[] } = {},
): WordProfiles {
  const count = new Map<string, number>();
  const withArticle = new Map<string, number>();
  const stemmed: string[][] = [];
  const contexts: [string[], string[]][] = [];
  for (const tokens of texts) {
    const stems: string[] = [];
    const words: Stem[] = [];
    for (const token of tokens) {
      const word = stripClitics(foldWord(token));
      if (word.stem === '') continue;
      words.push(word);
      stems.push(word.stem);
      count.set(word.stem, (count.get(word.stem) ?? 0) + 1);
      if (word.clitics.endsWith('ال')) withArticle.set(word.stem, (withArticle.get(word.stem) ?? 0) + 1);
    }
    stemmed.push(stems);
    if (options.labeled) contexts.push(contextsOf(words));
  }
  const votes = options.labeled ? contextVotes(options.labeled, stemmed, contexts, count) : undefined;
  const contextWords = new Set(
    [...count]
      .sort(byCountThenText)
      .slice(0, CONTEXT_WORDS)
      .map(([w]) => w),
  );
  const left = new Map<string, Map<string, number>>();
  const right = new Map<string, Map<string, number>>();
  const add = (side: Map<string, Map<string, number>>, word: string, context: string) => {
    let counts = side.get(word);
    if (!counts) side.set(word, (counts = new Map()));
    counts.set(context, (counts.get(context) ?? 0) + 1);
  };
  for (const stems of stemmed) {
    stems.forEach((word, i) => {
      if ((count.get(word) ?? 0) < MIN_COUNT) return;
      const before = i > 0 ? stems[i - 1] : '<s>';
      const after = i + 1 < stems.length ? stems[i + 1] : '</s>';
      if (before === '<s>' || contextWords.has(before)) add(left, word, before);
      if (after === '</s>' || contextWords.has(after)) add(right, word, after);
    });
  }
  const mostFrequent = (counts: Map<string, number> | undefined) =>
    counts
      ? [...counts]
          .sort(byCountThenText)
          .slice(0, CONTEXTS_KEPT)
          .map(([w]) => w)
      : [];
  // Ratios in four bins: never, rarely, sometimes, mostly.
  const bin = (r: number, low: number, high: number) => (r === 0 ? 0 : r < low ? 1 : r < high ? 2 : 3);
  const profiles: WordProfiles = new Map();
  const classes = options.clusterClasses ?? CLUSTER_CLASSES;
  const clusters =
    classes > 0 ? buildWordClusters(stemmed, { classes, minCount: MIN_COUNT }) : new Map<string, string>();
  for (const [word, n] of count) {
    if (n < MIN_COUNT) continue;
    let suffixed = 0;
    // By stems, so وجيشه counts for جيش. (A word read as starting with a clitic, كتابه → ك + تابه, is missed:
    // counting whole words as well found those, and lost a point of held-out F1 on two seeds.)
    for (const p of PRONOUNS) suffixed += count.get(word + p) ?? 0;
    const features = [
      `uf=${Math.min(Math.floor(Math.log2(n)), 10)}`,
      `ua=${bin((withArticle.get(word) ?? 0) / n, 0.3, 0.7)}`,
      `up=${bin(suffixed / n, 0.1, 0.5)}`,
      ...mostFrequent(left.get(word)).map((c) => `ul=${c}`),
      ...mostFrequent(right.get(word)).map((c) => `ur=${c}`),
    ];
    // The cluster at four sizes, from coarse to fine (a prefix of its path in the tree: Ratinov & Roth 2009).
    const path = clusters.get(word);
    if (path !== undefined) features.push(...CLUSTER_PREFIXES.map((k) => `bc${k}=${path.slice(0, k)}`));
    const vote = votes?.get(word);
    if (vote) features.push(...vote);
    profiles.set(word, features.join(' '));
  }
  return profiles;
}

type Stem = ReturnType<typeof stripClitics>;

/** The clitics in front other than the article (و, ب, ل…): in NewsFANE they are tokens of their own. */
const frontClitics = (clitics: string) => (clitics.endsWith('ال') ? clitics.slice(0, -2) : clitics);

/**
 * Each word's left and right context as the same thing in clitic-split sentences (و ب بغداد) and in raw text
 * (وببغداد): a split-off clitic in front is the left context of the word after it, whether a token or glued on.
 */
function contextsOf(words: readonly Stem[]): [string[], string[]] {
  const left = words.map((w, i) => {
    const own = frontClitics(w.clitics);
    return own ? own.slice(-1) : i > 0 ? words[i - 1].stem : '<s>';
  });
  const right = words.map((_, i) => {
    const next = words[i + 1];
    if (!next) return '</s>';
    const own = frontClitics(next.clitics);
    return own ? own[0] : next.stem;
  });
  return [left, right];
}

/** A context word seen fewer times than this in the tagged sentences says nothing of the label after it. */
const MIN_CONTEXT = 10;
/** Add-k smoothing of a context's labels towards the labels' overall shares. */
const CONTEXT_PRIOR = 5;

/**
 * What the company a word keeps says of its label: the tagged sentences tell how often each context word stands
 * before (after) a name of each label (في before a GPE, قال after a PERSON); a word's vote for a label is that
 * share averaged over all its occurrences in the untagged text, against the label's share of all words, in
 * log2 bins. A city the tagged sentences never show still stands after في, مدينة, محافظة in the news.
 */
function contextVotes(
  labeled: readonly TaggedSentence[],
  stemmed: readonly string[][],
  contexts: readonly [string[], string[]][],
  count: ReadonlyMap<string, number>,
): Map<string, string[]> {
  const labels = [...new Set(labeled.flatMap((s) => spansOfTags(s.tags).map((x) => x.label)))].sort();
  const L = labels.length;
  const sides = [new Map<string, Float64Array>(), new Map<string, Float64Array>()];
  const overall = new Float64Array(L + 1);
  for (const s of labeled) {
    const words = s.tokens.map((t) => stripClitics(foldWord(t)));
    const kept = words.map((w) => w.stem !== '');
    const label = new Int32Array(s.tokens.length).fill(L);
    for (const span of spansOfTags(s.tags)) label.fill(labels.indexOf(span.label), span.start, span.end);
    const keptLabels = [...label].filter((_, i) => kept[i]);
    const ctx = contextsOf(words.filter((_, i) => kept[i]));
    keptLabels.forEach((l, i) => {
      overall[l]++;
      for (let side = 0; side < 2; side++) {
        let row = sides[side].get(ctx[side][i]);
        if (!row) sides[side].set(ctx[side][i], (row = new Float64Array(L + 1)));
        row[l]++;
        row[L]++;
      }
    });
  }
  const total = overall.reduce((a, b) => a + b, 0);
  const prior = Array.from(overall.slice(0, L), (n) => (n + 1) / (total + L));
  // Each context's smoothed label shares, for the contexts seen often enough.
  const shares = sides.map((side) => {
    const out = new Map<string, Float64Array>();
    for (const [c, row] of side) {
      if (row[L] < MIN_CONTEXT) continue;
      const n = row[L];
      out.set(c, Float64Array.from(prior, (p, l) => (row[l] + CONTEXT_PRIOR * p) / (n + CONTEXT_PRIOR)));
    }
    return out;
  });
  const sums = new Map<string, Float64Array>();
  stemmed.forEach((stems, k) => {
    stems.forEach((w, i) => {
      if ((count.get(w) ?? 0) < MIN_COUNT) return;
      let sum = sums.get(w);
      if (!sum) sums.set(w, (sum = new Float64Array(2 * L + 2)));
      for (let side = 0; side < 2; side++) {
        const share = shares[side].get(contexts[k][side][i]);
        if (!share) continue;
        for (let l = 0; l < L; l++) sum[side * (L + 1) + l] += share[l];
        sum[side * (L + 1) + L]++;
      }
    });
  });
  const out = new Map<string, string[]>();
  for (const [w, sum] of sums) {
    const features: string[] = [];
    for (let side = 0; side < 2; side++) {
      const n = sum[side * (L + 1) + L];
      if (n === 0) continue;
      for (let l = 0; l < L; l++) {
        const lift = Math.log2(sum[side * (L + 1) + l] / n / prior[l]);
        features.push(`v${side === 0 ? 'l' : 'r'}${labels[l]}=${Math.max(-2, Math.min(5, Math.round(lift)))}`);
      }
    }
    out.set(w, features);
  }
  return out;
}
