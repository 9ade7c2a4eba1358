// What plain, untagged text says about a word, as features for the entity tagger: how often
// it occurs, how often with the article ال, how often with a pronoun after it, and the
// frequent words it stands between. A name the tagged sentences never show (عائشة, يونيسيف)
// often occurs in the workspace's other texts, and there it keeps a name's company: after
// الرئيس or قال, before ان, rarely with ال, never with a pronoun. Built at run time from the
// texts in hand; ner-eval's held-out figure with `--unlabeled` rose from 0.67 to 0.70 with it. And
// its word cluster (word-clusters.ts): the names it shares the company of, through other words.
import { foldWord, stripClitics } from './features';
import { buildWordClusters } from './word-clusters';

/** Tagged tokens (BIO tags), whose labels choose the prototypes. */
export interface LabelledTokens {
  tokens: readonly string[];
  tags: readonly string[];
}

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
  options: { clusterClasses?: number; tagged?: readonly LabelledTokens[] } = {},
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
  const similar = options.tagged ? prototypeFeatures(stemmed, count, options.tagged) : new Map<string, string[]>();
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
    const near = similar.get(word);
    if (near) features.push(...near);
    profiles.set(word, features.join(' '));
  }
  return profiles;
}

/** The frequent stems whose company (the word just before, the word just after) describes a word. */
const PROTOTYPE_CONTEXTS = 1000;
/** Prototypes per label: its training words most associated with it (normalized PMI). */
const PROTOTYPES_PER_LABEL = 40;
/** A training word must carry the label this often to be its prototype. */
const PROTOTYPE_MIN_COUNT = 3;
/** The share of a prototype's training occurrences that carry its label. */
const PROTOTYPE_SHARE = 0.5;
/** How alike (cosine of PPMI context vectors) a word and a prototype must be. */
const PROTOTYPE_MIN_SIMILARITY = 0.2;
/** The prototypes named per word, the likeliest first. */
const PROTOTYPES_KEPT = 3;

/**
 * Distributional prototypes (Guo et al. 2014): per label, the training words most associated with it (normalized
 * PMI of the word and the label over the tagged tokens); a word of the untagged text is "like prototype p" (pz=p)
 * when its context vector (PPMI of the frequent stems just before and after it) is close to p's, and its nearest
 * prototype's label is a feature too (pl=). So an unseen name that keeps the company of محمد or بغداد says so,
 * however its letters read.
 */
export function prototypeFeatures(
  stemmed: readonly (readonly string[])[],
  count: ReadonlyMap<string, number>,
  tagged: readonly LabelledTokens[],
): Map<string, string[]> {
  const contexts = [...count]
    .sort(byCountThenText)
    .slice(0, PROTOTYPE_CONTEXTS)
    .map(([w]) => w);
  const D = contexts.length;
  const dim = new Map(contexts.map((w, i) => [w, i]));
  // Sparse counts per word: left contexts 0..D-1, right contexts D..2D-1.
  const rows = new Map<string, Map<number, number>>();
  const column = new Float64Array(2 * D);
  let total = 0;
  const add = (word: string, d: number) => {
    let row = rows.get(word);
    if (!row) rows.set(word, (row = new Map()));
    row.set(d, (row.get(d) ?? 0) + 1);
    column[d]++;
    total++;
  };
  for (const stems of stemmed) {
    stems.forEach((word, i) => {
      if ((count.get(word) ?? 0) < MIN_COUNT) return;
      const l = i > 0 ? dim.get(stems[i - 1]) : undefined;
      const r = i + 1 < stems.length ? dim.get(stems[i + 1]) : undefined;
      if (l !== undefined) add(word, l);
      if (r !== undefined) add(word, D + r);
    });
  }
  // PPMI, each word's vector of unit length.
  const vectors = new Map<string, { dims: Int32Array; values: Float64Array }>();
  for (const [word, row] of rows) {
    let rowTotal = 0;
    for (const n of row.values()) rowTotal += n;
    const dims: number[] = [];
    const values: number[] = [];
    for (const [d, n] of [...row].sort((a, b) => a[0] - b[0])) {
      const pmi = Math.log((n * total) / (rowTotal * column[d]));
      if (pmi <= 0) continue;
      dims.push(d);
      values.push(pmi);
    }
    const norm = Math.hypot(...values);
    if (norm === 0) continue;
    vectors.set(word, { dims: Int32Array.from(dims), values: Float64Array.from(values, (v) => v / norm) });
  }

  // The prototypes: per label, the stems most associated with it by normalized PMI.
  const pair = new Map<string, Map<string, number>>();
  const ofLabel = new Map<string, number>();
  const ofWord = new Map<string, number>();
  let tokens = 0;
  for (const s of tagged) {
    s.tokens.forEach((token, i) => {
      const stem = stripClitics(foldWord(token)).stem;
      const label = s.tags[i] === 'O' ? 'O' : s.tags[i].slice(2);
      tokens++;
      ofLabel.set(label, (ofLabel.get(label) ?? 0) + 1);
      ofWord.set(stem, (ofWord.get(stem) ?? 0) + 1);
      let byLabel = pair.get(label);
      if (!byLabel) pair.set(label, (byLabel = new Map()));
      byLabel.set(stem, (byLabel.get(stem) ?? 0) + 1);
    });
  }
  const prototypes: { word: string; label: string }[] = [];
  for (const label of [...pair.keys()].sort()) {
    if (label === 'O') continue;
    const scored: [string, number][] = [];
    for (const [word, n] of pair.get(label)!) {
      if (n < PROTOTYPE_MIN_COUNT || word.length < 2 || !vectors.has(word)) continue;
      // Mostly this label: a common word that a label's names often hold (عن، ابن) says little.
      if (n < PROTOTYPE_SHARE * ofWord.get(word)!) continue;
      const joint = n / tokens;
      const pmi = Math.log(joint / ((ofWord.get(word)! / tokens) * (ofLabel.get(label)! / tokens)));
      scored.push([word, pmi / -Math.log(joint)]);
    }
    scored.sort(byCountThenText);
    for (const [word] of scored.slice(0, PROTOTYPES_PER_LABEL)) prototypes.push({ word, label });
  }
  const P = prototypes.length;
  const out = new Map<string, string[]>();
  if (P === 0) return out;
  // The prototypes' vectors dense, by dimension then prototype, for sparse-by-dense products.
  const byDim = new Float64Array(2 * D * P);
  prototypes.forEach(({ word }, p) => {
    const v = vectors.get(word)!;
    v.dims.forEach((d, k) => (byDim[d * P + p] = v.values[k]));
  });
  const sim = new Float64Array(P);
  for (const [word, v] of vectors) {
    sim.fill(0);
    for (let k = 0; k < v.dims.length; k++) {
      const at = v.dims[k] * P;
      const x = v.values[k];
      for (let p = 0; p < P; p++) sim[p] += x * byDim[at + p];
    }
    const near: number[] = [];
    for (let p = 0; p < P; p++) if (sim[p] >= PROTOTYPE_MIN_SIMILARITY) near.push(p);
    if (near.length === 0) continue;
    near.sort((a, b) => sim[b] - sim[a] || a - b);
    const kept = near.slice(0, PROTOTYPES_KEPT);
    out.set(word, [...kept.map((p) => `pz=${prototypes[p].word}`), `pl=${prototypes[kept[0]].label}`]);
  }
  return out;
}
