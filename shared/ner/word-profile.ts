// What plain, untagged text says about a word, as features for the entity tagger: how often
// it occurs, how often with the article ال, how often with a pronoun after it, and the
// frequent words it stands between. A name the tagged sentences never show (عائشة, يونيسيف)
// often occurs in the workspace's other texts, and there it keeps a name's company: after
// الرئيس or قال, before ان, rarely with ال, never with a pronoun. Built at run time from the
// texts in hand; ner-eval's held-out figure with `--unlabeled` rose from 0.67 to 0.70 with it. And
// its word cluster (word-clusters.ts): the names it shares the company of, through other words.
import { foldWord, stripClitics } from './features';
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
  options: { clusterClasses?: number } = {},
): WordProfiles {
  const count = new Map<string, number>();
  const withArticle = new Map<string, number>();
  const stemmed: string[][] = [];
  for (const tokens of texts) {
    const stems: string[] = [];
    for (const token of tokens) {
      const { stem, clitics } = stripClitics(foldWord(token));
      if (stem === '') continue;
      stems.push(stem);
      count.set(stem, (count.get(stem) ?? 0) + 1);
      if (clitics.endsWith('ال')) withArticle.set(stem, (withArticle.get(stem) ?? 0) + 1);
    }
    stemmed.push(stems);
  }
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
    profiles.set(word, features.join(' '));
  }
  return profiles;
}
