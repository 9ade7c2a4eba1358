// Brown-style word clusters from untagged text, for the entity tagger: words that stand between the same words
// (الرئيس … قال, في … و) fall in one cluster, so a name the tagged sentences never show gets the cluster of the names
// they do show. The objective is Brown et al.'s (1992): the likelihood of a class bigram model, i.e. the mutual
// information of adjacent classes. Computed in two steps, as exact Brown clustering (a merge per word) would be too
// slow here: the exchange algorithm (Kneser & Ney 1993) sorts the words into a fixed number of classes, then the
// classes are merged pairwise, always the pair that loses the least, into a binary tree. A word's cluster is its
// path in that tree as a bit string; its prefixes are clusters of the sizes in between.

export interface ClusterOptions {
  /** Classes of the exchange step: the leaves of the tree. */
  classes?: number;
  /** Passes of the exchange step over the vocabulary. */
  passes?: number;
  /** Words seen fewer times than this get no cluster (their bigrams are left out too). */
  minCount?: number;
}

/** x log x, the term every count contributes to the class bigram likelihood. */
const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/**
 * Each word seen at least `minCount` times → its cluster's bit string ('0'/'1' per level, most general first).
 * Deterministic: the same texts and options give the same clusters.
 */
export function buildWordClusters(
  texts: Iterable<readonly string[]>,
  options: ClusterOptions = {},
): Map<string, string> {
  const C0 = options.classes ?? 128;
  const passes = options.passes ?? 4;
  const minCount = options.minCount ?? 3;

  // The vocabulary, most frequent first (ties by text, so the order does not depend on reading order).
  const count = new Map<string, number>();
  const sequences: (readonly string[])[] = [];
  for (const words of texts) {
    sequences.push(words);
    for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
  }
  const vocabulary = [...count]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const V = vocabulary.length;
  const C = Math.min(C0, V);
  if (C < 2) return new Map(vocabulary.map((w) => [w, '']));
  const id = new Map(vocabulary.map((w, i) => [w, i]));

  // Word bigram counts, both ways, as sparse rows; a rare word breaks the chain.
  const pairCounts = new Map<number, number>();
  for (const words of sequences) {
    let prev = -1;
    for (const w of words) {
      const cur = id.get(w) ?? -1;
      if (prev >= 0 && cur >= 0) {
        const key = prev * V + cur;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
      prev = cur;
    }
  }
  const rightOf: { to: number[]; n: number[] }[] = vocabulary.map(() => ({ to: [], n: [] }));
  const leftOf: { to: number[]; n: number[] }[] = vocabulary.map(() => ({ to: [], n: [] }));
  const self = new Float64Array(V);
  const asLeft = new Float64Array(V);
  const asRight = new Float64Array(V);
  for (const [key, n] of pairCounts) {
    const a = Math.floor(key / V);
    const b = key % V;
    asLeft[a] += n;
    asRight[b] += n;
    if (a === b) {
      self[a] += n;
      continue;
    }
    rightOf[a].to.push(b);
    rightOf[a].n.push(n);
    leftOf[b].to.push(a);
    leftOf[b].n.push(n);
  }

  // Exchange: the most frequent C − 1 words start alone, the rest together; each word then moves to the class
  // that raises the likelihood most.
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = Math.min(w, C - 1);
  const N = new Float64Array(C * C); // N[c * C + d]: bigrams of class c then class d
  const left = new Float64Array(C);
  const right = new Float64Array(C);
  for (let w = 0; w < V; w++) {
    const r = rightOf[w];
    for (let k = 0; k < r.to.length; k++) N[cls[w] * C + cls[r.to[k]]] += r.n[k];
    N[cls[w] * C + cls[w]] += self[w];
    left[cls[w]] += asLeft[w];
    right[cls[w]] += asRight[w];
  }
  // xlogx of each N, kept in step with it: a gain then takes one logarithm per term.
  const F = N.map(xlogx);
  const setN = (at: number, value: number) => {
    N[at] = value;
    F[at] = xlogx(value);
  };
  const rw = new Float64Array(C);
  const lw = new Float64Array(C);
  const rTouched: number[] = [];
  const lTouched: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      // The word's bigram counts by the class of the other word.
      rTouched.length = 0;
      lTouched.length = 0;
      const r = rightOf[w];
      for (let k = 0; k < r.to.length; k++) {
        const c = cls[r.to[k]];
        if (rw[c] === 0) rTouched.push(c);
        rw[c] += r.n[k];
      }
      const l = leftOf[w];
      for (let k = 0; k < l.to.length; k++) {
        const c = cls[l.to[k]];
        if (lw[c] === 0) lTouched.push(c);
        lw[c] += l.n[k];
      }
      const s = self[w];
      const from = cls[w];
      // Take the word out of its class.
      for (const d of rTouched) setN(from * C + d, N[from * C + d] - rw[d]);
      for (const c of lTouched) setN(c * C + from, N[c * C + from] - lw[c]);
      setN(from * C + from, N[from * C + from] - s);
      left[from] -= asLeft[w];
      right[from] -= asRight[w];
      // The gain of putting it into each class.
      let best = from;
      let bestGain = -Infinity;
      for (let k = 0; k < C; k++) {
        let gain = 0;
        const row = k * C;
        for (const d of rTouched) if (d !== k) gain += xlogx(N[row + d] + rw[d]) - F[row + d];
        for (const c of lTouched) if (c !== k) gain += xlogx(N[c * C + k] + lw[c]) - F[c * C + k];
        gain += xlogx(N[row + k] + rw[k] + lw[k] + s) - F[row + k];
        gain -= xlogx(left[k] + asLeft[w]) - xlogx(left[k]);
        gain -= xlogx(right[k] + asRight[w]) - xlogx(right[k]);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = k;
        }
      }
      for (const d of rTouched) setN(best * C + d, N[best * C + d] + rw[d]);
      for (const c of lTouched) setN(c * C + best, N[c * C + best] + lw[c]);
      setN(best * C + best, N[best * C + best] + s);
      left[best] += asLeft[w];
      right[best] += asRight[w];
      if (best !== from) moved++;
      cls[w] = best;
      for (const d of rTouched) rw[d] = 0;
      for (const c of lTouched) lw[c] = 0;
    }
    if (moved === 0) break;
  }

  // Merging: the classes, then always the pair whose merge loses the least likelihood, down to one tree.
  const paths = mergeTree(N, left, right, C);
  return new Map(vocabulary.map((w, i) => [w, paths[cls[i]]]));
}

/** Each class's path from the root of the merge tree, as a bit string. */
function mergeTree(N0: Float64Array, left0: Float64Array, right0: Float64Array, C: number): string[] {
  const N = Float64Array.from(N0);
  const left = Float64Array.from(left0);
  const right = Float64Array.from(right0);
  /** What joining two counts into one adds to Σ xlogx. */
  const join = (x: number, y: number) => xlogx(x + y) - xlogx(x) - xlogx(y);
  /** Row and column e's share of the change if c and d became one class. */
  const through = (c: number, d: number, e: number) =>
    join(N[c * C + e], N[d * C + e]) + join(N[e * C + c], N[e * C + d]);
  let active = Array.from({ length: C }, (_, c) => c);
  /** change[c * C + d] (c < d): how Σ xlogx(N) − Σ xlogx(left) − Σ xlogx(right) changes if c and d merge. */
  const change = new Float64Array(C * C);
  const pairChange = (c: number, d: number) => {
    let sum = 0;
    for (const e of active) if (e !== c && e !== d) sum += through(c, d, e);
    const cc = N[c * C + c];
    const cd = N[c * C + d];
    const dc = N[d * C + c];
    const dd = N[d * C + d];
    sum += xlogx(cc + cd + dc + dd) - xlogx(cc) - xlogx(cd) - xlogx(dc) - xlogx(dd);
    return sum - join(left[c], left[d]) - join(right[c], right[d]);
  };
  for (let i = 0; i < C; i++) for (let j = i + 1; j < C; j++) change[i * C + j] = pairChange(i, j);
  // members[c]: the leaves under the node now at c; the bits are prepended as the tree grows upwards.
  const members = Array.from({ length: C }, (_, c) => [c]);
  const paths = new Array<string>(C).fill('');
  while (active.length > 1) {
    let a = -1;
    let b = -1;
    let best = -Infinity;
    for (let i = 0; i < active.length; i++) {
      for (let j = i + 1; j < active.length; j++) {
        const x = change[active[i] * C + active[j]];
        if (x > best + 1e-9) {
          best = x;
          a = active[i];
          b = active[j];
        }
      }
    }
    for (const leaf of members[a]) paths[leaf] = `0${paths[leaf]}`;
    for (const leaf of members[b]) paths[leaf] = `1${paths[leaf]}`;
    members[a].push(...members[b]);
    const rest = active.filter((e) => e !== a && e !== b);
    // Every other pair loses its terms through a and b, and gains one through the merged class.
    for (let i = 0; i < rest.length; i++)
      for (let j = i + 1; j < rest.length; j++) {
        const c = rest[i];
        const d = rest[j];
        change[c * C + d] -= through(c, d, a) + through(c, d, b);
      }
    for (let e = 0; e < C; e++) {
      N[a * C + e] += N[b * C + e];
      N[b * C + e] = 0;
    }
    for (let e = 0; e < C; e++) {
      N[e * C + a] += N[e * C + b];
      N[e * C + b] = 0;
    }
    left[a] += left[b];
    right[a] += right[b];
    left[b] = right[b] = 0;
    active = active.filter((e) => e !== b);
    for (let i = 0; i < rest.length; i++)
      for (let j = i + 1; j < rest.length; j++) {
        const c = rest[i];
        const d = rest[j];
        change[c * C + d] += through(c, d, a);
      }
    for (const e of rest) change[Math.min(a, e) * C + Math.max(a, e)] = pairChange(Math.min(a, e), Math.max(a, e));
  }
  return paths;
}
