// The learned entity tagger: a structured averaged perceptron (Collins 2002) over BILOU
// tags, first-order transitions and Viterbi decoding, on the features of features.ts; it reads
// and writes BIO, and learns a name's last word (L-) and a one-word name (U-) as tags of their own.
// Pure TypeScript and deterministic given a seed (the only randomness is the order of the
// sentences in each pass), so it runs the same in a worker, the CLI and tests. The model
// is readable JSON: a feature's weights per tag, and the transition weights.
import { seededRandom } from '../seeded-random';
import { featureIds, gazetteerFeatureIds, sentenceFeatures, type FeatureIndex } from './features';
import type { WordProfiles } from './word-profile';

/** One training sentence: its tokens and a BIO tag per token (B-PERSON, I-PERSON, O). */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
  /** Per token, the BIO tag of a gazetteer name covering it ('' for none). */
  gazetteer?: string[];
  /** Per token, the words beside its other occurrences nearby (features.ts, contextsElsewhere). */
  elsewhere?: string[][];
}

export interface TrainOptions {
  /** Passes over the data. */
  epochs?: number;
  /** Seeds the order of the sentences in each pass. */
  seed?: number;
  /** Whether the gazetteer features are used (the sentences then carry `gazetteer`). */
  gazetteer?: boolean;
  /** What untagged text says of each stem (word-profile.ts); kept in the model, which tags with it. */
  profiles?: WordProfiles;
  /**
   * Word dropout: the share of training tokens (drawn anew each pass) shown without the features that name the
   * word itself, so the tagger also learns to find a name from its context and letters, as it must for a name it
   * never saw. 0 (the default) shows every word.
   */
  wordDropout?: number;
}

/** The features naming the token itself (features.ts): its word, stem, and the pairs and gazetteer hit with it. */
const OWN_WORD_FEATURE = /^(?:w|s|g\|w|w-1\|w|w\|w\+1|a-1|a\+1)=/u;

export const TAGGER_FORMAT = 'tahrir-tagger';

/** The model file: readable, and what `tahrir` keeps in the workspace's `.tahrir/` cache. */
export interface TaggerModel {
  format: typeof TAGGER_FORMAT;
  version: 1;
  /** The tags, O first: BILOU (B-, I-, L-, U- per label; a model saved before them has B- and I- only). */
  tags: string[];
  gazetteer: boolean;
  epochs: number;
  seed: number;
  sentences: number;
  /** transitions[from][to]; `from` = tags.length is the sentence start. */
  transitions: number[][];
  /** feature → tag → weight (zero weights left out). */
  features: Record<string, Record<string, number>>;
  /** Stem → its features from untagged text, when trained with them (word-profile.ts). */
  profiles?: Record<string, string>;
}

/*
 * The model's tags are BILOU (Ratinov & Roth 2009): a name's last word (L-) learns weights of its own, and a one-word
 * name (U-) is told from a name's first word. On five development folds of NewsFANE 1–3,000 (seed 1) micro F1 rose
 * from 0.713 to 0.719 over BIO (+0.0, +1.1, +1.4, +1.1, −0.6 per fold); held-out (1–3,000 → 3,001–3,800) from 0.699
 * and 0.696 to 0.704 and 0.705 (seeds 1 and 2), for about a fifth more training CPU (more tags to score). Kept with
 * the gazetteer's names partly hidden in training (entity-tagger.ts, HIDDEN_NAMES), without which names never seen
 * were lost on a toy corpus whose training names the gazetteer all knew.
 */

/** BIO tags → BILOU: a one-word name U-X, a longer one B-X I-X… L-X. */
export function toBilou(tags: readonly string[]): string[] {
  const out = tags.map(() => 'O');
  for (const span of spansOfTags(tags)) {
    if (span.end - span.start === 1) out[span.start] = `U-${span.label}`;
    else {
      out[span.start] = `B-${span.label}`;
      for (let i = span.start + 1; i < span.end - 1; i++) out[i] = `I-${span.label}`;
      out[span.end - 1] = `L-${span.label}`;
    }
  }
  return out;
}

/** A BILOU tag as BIO (a BIO tag stays as it is). */
const toBio = (tag: string) =>
  tag.startsWith('U-') ? `B-${tag.slice(2)}` : tag.startsWith('L-') ? `I-${tag.slice(2)}` : tag;

/** Whether the tags are BILOU (a model saved before them has only B- and I-). */
const isBilou = (tags: readonly string[]) => tags.some((t) => t.startsWith('L-'));

/**
 * I-X (and L-X) may only follow B-X or I-X, and in BILOU B-X and I-X must go on with I-X or L-X: a tag sequence that
 * breaks this is never decoded.
 */
export function allowedTransitions(tags: readonly string[]): boolean[] {
  const T = tags.length;
  const bilou = isBilou(tags);
  const allowed = new Array<boolean>((T + 1) * T).fill(true);
  for (let to = 0; to < T; to++) {
    const inside = tags[to].startsWith('I-') || tags[to].startsWith('L-');
    const type = tags[to].slice(2);
    for (let from = 0; from <= T; from++) {
      const open = bilou && from < T && (tags[from].startsWith('B-') || tags[from].startsWith('I-'));
      if (inside) allowed[from * T + to] = from < T && (tags[from] === `B-${type}` || tags[from] === `I-${type}`);
      else if (open) allowed[from * T + to] = false;
    }
  }
  return allowed;
}

/** Which tags may end a sentence: in BILOU not B-X or I-X, whose name would be left open. */
function allowedEnds(tags: readonly string[]): boolean[] {
  const bilou = isBilou(tags);
  return tags.map((t) => !(bilou && (t.startsWith('B-') || t.startsWith('I-'))));
}

/**
 * The transitions a decoder may take, listed once per model. Most BILOU transitions are forbidden (of 21 tags, an
 * I-X or L-X has 2 predecessors, any other tag 11 of 21), so Viterbi and forward–backward go through these lists
 * instead of testing every pair of tags at every token: a third of the work, and the same result, since the lists
 * keep the tags in order (the same tie is broken the same way, the same products summed in the same order).
 */
export interface TagGraph {
  /** The number of tags; `T` in the transition tables stands for the sentence start. */
  T: number;
  /** allowed[from * T + to], `from` = T for the sentence start. */
  allowed: readonly boolean[];
  ends: readonly boolean[];
  /** Per tag, the tags that may come before it (the start left out), in ascending order. */
  before: readonly Int32Array[];
  /** Per tag, the tags that may come after it, in ascending order. */
  after: readonly Int32Array[];
}

export function tagGraph(tags: readonly string[]): TagGraph {
  const T = tags.length;
  const allowed = allowedTransitions(tags);
  const range = [...Array(T).keys()];
  return {
    T,
    allowed,
    ends: allowedEnds(tags),
    before: range.map((to) => Int32Array.from(range.filter((from) => allowed[from * T + to]))),
    after: range.map((from) => Int32Array.from(range.filter((to) => allowed[from * T + to]))),
  };
}

/** The best tag sequence for the given emission scores (tokens × tags, flat). */
export function viterbi(emission: Float64Array, n: number, graph: TagGraph, transitions: Float64Array): Int32Array {
  const { T, allowed, ends, before } = graph;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = allowed[T * T + t] ? transitions[T * T + t] + emission[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let t = 0; t < T; t++) {
      const from = before[t];
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k];
        const s = score[prev + p] + transitions[p * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emission[i * T + t];
      back[i * T + t] = arg;
    }
  }
  const path = new Int32Array(n);
  let best = -Infinity;
  for (let t = 0; t < T; t++) {
    if (ends[t] && score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      path[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]];
  return path;
}

/**
 * A training sentence's scores (tokens × tags, flat): each token's feature weights summed. A feature's weight is
 * changed only for the tags it was confused with, so most stay 0; `tagsOf[f]` has a bit for each tag whose weight of
 * feature f was ever changed, and only those are read (800 NewsFANE sentences, 15 passes: 401 of 829 sums a token).
 * The same sums: the training weights are whole numbers, added exactly in any order, and the skipped ones are 0.
 * Without `tagsOf` (more than 31 tags) every tag is read.
 */
function trainingScores(
  ids: readonly Int32Array[],
  T: number,
  weights: Float64Array,
  tagsOf: Int32Array | null,
): Float64Array {
  const emission = new Float64Array(ids.length * T);
  for (let i = 0; i < ids.length; i++) {
    const at = i * T;
    for (const f of ids[i]) {
      const base = f * T;
      if (!tagsOf) for (let t = 0; t < T; t++) emission[at + t] += weights[base + t];
      else
        for (let bits = tagsOf[f]; bits !== 0; bits &= bits - 1) {
          const t = 31 - Math.clz32(bits & -bits);
          emission[at + t] += weights[base + t];
        }
    }
  }
  return emission;
}

function tagSet(sentences: readonly TaggedSentence[]): string[] {
  const types = new Set<string>();
  for (const s of sentences) for (const tag of s.tags) if (tag !== 'O') types.add(tag.slice(2));
  return ['O', ...[...types].sort().flatMap((type) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${type}`))];
}

/** Trains a model on tagged sentences. Same sentences, options and seed → the same model. */
export function trainTagger(sentences: readonly TaggedSentence[], options: TrainOptions = {}): TaggerModel {
  const epochs = options.epochs ?? 8;
  const seed = options.seed ?? 1;
  const useGazetteer = options.gazetteer ?? false;
  const profiles = options.profiles;
  const wordDropout = options.wordDropout ?? 0;
  const tags = tagSet(sentences);
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const graph = tagGraph(tags);

  // Features become numbers once; each sentence keeps its tokens' feature numbers.
  const featureIndex = new Map<string, number>();
  const names: string[] = [];
  const data = sentences
    .filter((s) => s.tokens.length > 0)
    .map((s) => {
      const perToken = sentenceFeatures(
        s.tokens,
        useGazetteer ? (s.gazetteer ?? s.tokens.map(() => '')) : undefined,
        profiles,
        s.elsewhere,
      );
      const ids = perToken.map((fs) =>
        Int32Array.from(fs, (name) => {
          let id = featureIndex.get(name);
          if (id === undefined) {
            id = names.length;
            featureIndex.set(name, id);
            names.push(name);
          }
          return id;
        }),
      );
      // The same without the word's own features, for word dropout.
      const context =
        wordDropout > 0 ? perToken.map((fs, i) => ids[i].filter((_, k) => !OWN_WORD_FEATURE.test(fs[k]))) : ids;
      const gold = Int32Array.from(toBilou(s.tags), (tag) => {
        const k = tagIndex.get(tag);
        if (k === undefined) throw new Error(`unknown tag ${tag}`);
        return k;
      });
      return { ids, context, gold };
    });

  const F = names.length;
  const weights = new Float64Array(F * T);
  // Averaging (Daumé's trick): also keep each update times the step it came at; the
  // average is then weights − sum / steps, without touching every weight every step.
  const weighted = new Float64Array(F * T);
  // Per feature, a bit for each tag its weight was ever changed for (when the tags fit in 31 bits).
  const tagsOf = T <= 31 ? new Int32Array(F) : null;
  const transitions = new Float64Array((T + 1) * T);
  const transitionsWeighted = new Float64Array((T + 1) * T);
  let step = 1;
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { gold } = data[k];
      const n = gold.length;
      const ids =
        wordDropout > 0
          ? data[k].ids.map((own, i) => (random() < wordDropout ? data[k].context[i] : own))
          : data[k].ids;
      const guess = viterbi(trainingScores(ids, T, weights, tagsOf), n, graph, transitions);
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = guess[i];
        if (g !== p) {
          for (const f of ids[i]) {
            if (tagsOf) tagsOf[f] |= (1 << g) | (1 << p);
            weights[f * T + g] += 1;
            weighted[f * T + g] += step;
            weights[f * T + p] -= 1;
            weighted[f * T + p] -= step;
          }
        }
        const gPrev = i === 0 ? T : gold[i - 1];
        const pPrev = i === 0 ? T : guess[i - 1];
        if (g !== p || gPrev !== pPrev) {
          transitions[gPrev * T + g] += 1;
          transitionsWeighted[gPrev * T + g] += step;
          transitions[pPrev * T + p] -= 1;
          transitionsWeighted[pPrev * T + p] -= step;
        }
      }
      step++;
    }
  }

  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const features: Record<string, Record<string, number>> = {};
  for (let f = 0; f < F; f++) {
    let entry: Record<string, number> | undefined;
    for (let t = 0; t < T; t++) {
      const w = round(weights[f * T + t] - weighted[f * T + t] / step);
      if (w === 0) continue;
      entry ??= features[names[f]] = {};
      entry[tags[t]] = w;
    }
  }
  const transitionRows: number[][] = [];
  for (let from = 0; from <= T; from++) {
    transitionRows.push(
      tags.map((_, to) => round(transitions[from * T + to] - transitionsWeighted[from * T + to] / step)),
    );
  }
  return {
    format: TAGGER_FORMAT,
    version: 1,
    tags,
    gazetteer: useGazetteer,
    epochs,
    seed,
    sentences: data.length,
    transitions: transitionRows,
    features,
    // Sorted, so the same texts give the same file.
    ...(profiles ? { profiles: Object.fromEntries([...profiles].sort((a, b) => (a[0] < b[0] ? -1 : 1))) } : {}),
  };
}

/**
 * A model's feature weights as the tagger reads them: per feature only the tags it has a weight for (3 of 21 on
 * average in a model of NewsFANE's 3,800 sentences), packed in one table: feature `index.get(name)` = k has
 * tag[j] and weight[j] for j from starts[k] to starts[k + 1]. A token's scores are the same sums as over every tag,
 * in the same order: only zeros are left out.
 */
interface PackedWeights {
  index: Map<string, number>;
  starts: Int32Array;
  tag: Int32Array;
  weight: Float64Array;
}

function packWeights(features: TaggerModel['features'], tags: readonly string[]): PackedWeights {
  const index = new Map<string, number>();
  const tag: number[] = [];
  const weight: number[] = [];
  const starts: number[] = [];
  for (const [name, byTag] of Object.entries(features)) {
    index.set(name, starts.length);
    starts.push(tag.length);
    tags.forEach((name, t) => {
      const w = byTag[name];
      if (w === undefined || w === 0) return;
      tag.push(t);
      weight.push(w);
    });
  }
  starts.push(tag.length);
  return { index, starts: Int32Array.from(starts), tag: Int32Array.from(tag), weight: Float64Array.from(weight) };
}

/** The pairs of words among the features (features.ts), looked up word by word instead of as one string. */
const PAIR_FEATURES = new Set(['w-1|w', 'w|w+1', 'w-2|w-1', 'w+1|w+2', 'g|w']);

/**
 * A model's feature numbers (packWeights' index) as featureIds reads them. A pair `name=a|b` is found through one map
 * per word (the words' strings are the token views' own, hashed once), not by a string built per token; a pair whose
 * words hold a | itself is looked up whole, as its split would be ambiguous.
 */
function featureIndex(index: ReadonlyMap<string, number>): FeatureIndex {
  const pairs = new Map<string, Map<string, Map<string, number>>>();
  for (const name of PAIR_FEATURES) pairs.set(name, new Map());
  for (const [feature, id] of index) {
    const eq = feature.indexOf('=');
    const byFirst = eq > 0 ? pairs.get(feature.slice(0, eq)) : undefined;
    if (!byFirst) continue;
    const bar = feature.indexOf('|', eq + 1);
    if (bar < 0 || feature.indexOf('|', bar + 1) >= 0) continue;
    const a = feature.slice(eq + 1, bar);
    let second = byFirst.get(a);
    if (!second) byFirst.set(a, (second = new Map()));
    second.set(feature.slice(bar + 1), id);
  }
  return {
    list: (features) => Int32Array.from(features, (f) => index.get(f) ?? -1),
    pair(name, a, b) {
      if (a.includes('|') || b.includes('|')) return index.get(`${name}=${a}|${b}`) ?? -1;
      return pairs.get(name)!.get(a)?.get(b) ?? -1;
    },
    one: (feature) => index.get(feature) ?? -1,
    pairsAfter: (name, a) => pairs.get(name)!.get(a),
  };
}

/** A model ready to tag: its weights as arrays. */
export interface Tagger {
  model: TaggerModel;
  /** Tags for each token of a sentence, and how sure the tagger is of each (0–1); `elsewhere` as in training. */
  tag(
    tokens: readonly string[],
    gazetteer?: readonly string[],
    elsewhere?: readonly (readonly string[])[],
  ): { tags: string[]; confidence: number[] };
  /**
   * A sentence's scores from every feature but the gazetteer's: what tagging it again with other gazetteer tags
   * (tagSentences' second pass) need not compute again.
   */
  wordScores(tokens: readonly string[]): Float64Array;
  /** `tag`, from the sentence's wordScores: the same result. */
  tagScored(
    tokens: readonly string[],
    scores: Float64Array,
    gazetteer?: readonly string[],
    elsewhere?: readonly (readonly string[])[],
  ): { tags: string[]; confidence: number[] };
}

/**
 * Whether `value` has a model's shape (format, version, and tags, transitions and features of the right kinds):
 * what loadTagger needs, checked without packing the weights (a cached model is loaded only where it is used).
 */
export function isTaggerModel(value: unknown): value is TaggerModel {
  const model = value as Partial<TaggerModel> | null;
  return (
    typeof model === 'object' &&
    model !== null &&
    model.format === TAGGER_FORMAT &&
    model.version === 1 &&
    Array.isArray(model.tags) &&
    Array.isArray(model.transitions) &&
    model.transitions.every((row) => Array.isArray(row)) &&
    typeof model.features === 'object' &&
    model.features !== null &&
    (model.profiles === undefined || (typeof model.profiles === 'object' && model.profiles !== null))
  );
}

export function loadTagger(model: TaggerModel): Tagger {
  if (!isTaggerModel(model)) throw new Error(`not a ${TAGGER_FORMAT} model (version 1)`);
  const tags = model.tags;
  const T = tags.length;
  const graph = tagGraph(tags);
  const weights = packWeights(model.features, tags);
  const profiles: WordProfiles | undefined = model.profiles ? new Map(Object.entries(model.profiles)) : undefined;
  const transitions = new Float64Array((T + 1) * T);
  model.transitions.forEach((row, from) => row.forEach((w, to) => (transitions[from * T + to] = w)));

  const potentials = transitionPotentials(graph, transitions);
  const index = featureIndex(weights.index);
  const add = (emission: Float64Array, at: number, k: number) => {
    for (let j = weights.starts[k]; j < weights.starts[k + 1]; j++) emission[at + weights.tag[j]] += weights.weight[j];
  };
  // The features' weights summed per token and tag in sentenceFeatures' order, as the training's scores are: the
  // gazetteer's four and the contexts elsewhere last (features.ts featureIds), so the second pass adds them to the
  // first pass's word scores.
  const wordScores = (tokens: readonly string[]) => {
    const emission = new Float64Array(tokens.length * T);
    featureIds(tokens, index, profiles, (i, k) => add(emission, i * T, k));
    return emission;
  };
  const tagScored = (
    tokens: readonly string[],
    scores: Float64Array,
    gazetteer?: readonly string[],
    elsewhere?: readonly (readonly string[])[],
  ) => {
    const n = tokens.length;
    if (n === 0) return { tags: [], confidence: [] };
    const emission = Float64Array.from(scores);
    if (model.gazetteer) {
      const ids = gazetteerFeatureIds(tokens, gazetteer ?? tokens.map(() => ''), index);
      for (let i = 0; i < n; i++) for (const k of ids[i]) if (k >= 0) add(emission, i * T, k);
    }
    // The words beside the token's other occurrences come last, as in sentenceFeatures.
    if (elsewhere)
      for (let i = 0; i < n; i++)
        for (const f of elsewhere[i] ?? []) {
          const k = index.one(f);
          if (k >= 0) add(emission, i * T, k);
        }
    const path = viterbi(emission, n, graph, transitions);
    return {
      tags: Array.from(path, (t) => toBio(tags[t])),
      confidence: marginalsOf(emission, n, graph, potentials, path),
    };
  };

  return {
    model,
    tag: (tokens, gazetteer, elsewhere) => tagScored(tokens, wordScores(tokens), gazetteer, elsewhere),
    wordScores,
    tagScored,
  };
}

/**
 * How sure the tagger is of each chosen tag: its marginal probability when the scores are
 * read as log-potentials of a linear-chain model (forward–backward). Not calibrated, but
 * it orders suggestions: a name the tagger barely chose scores low. In probability space,
 * each position scaled to sum 1 (no logarithms in the inner loop).
 */
export function marginals(
  emission: Float64Array,
  n: number,
  graph: TagGraph,
  transitions: Float64Array,
  path: Int32Array,
) {
  return marginalsOf(emission, n, graph, transitionPotentials(graph, transitions), path);
}

/**
 * The transitions as marginals reads them (exp, scaled by the largest allowed): a model's are the same for every
 * sentence, so loadTagger works them out once (perf53: NewsFANE's 21 tags, 462 exps per sentence, as many as
 * the emissions' of a 22-token sentence).
 */
function transitionPotentials(graph: TagGraph, transitions: Float64Array): Float64Array {
  const { allowed } = graph;
  let top = -Infinity;
  for (let k = 0; k < transitions.length; k++) if (allowed[k] && transitions[k] > top) top = transitions[k];
  const M = new Float64Array(transitions.length);
  for (let k = 0; k < transitions.length; k++) M[k] = allowed[k] ? Math.exp(transitions[k] - top) : 0;
  return M;
}

/** marginals, from the model's transitionPotentials `M`. */
function marginalsOf(emission: Float64Array, n: number, graph: TagGraph, M: Float64Array, path: Int32Array) {
  const { T, before, after } = graph;
  const psi = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let t = 0; t < T; t++) max = Math.max(max, emission[i * T + t]);
    for (let t = 0; t < T; t++) psi[i * T + t] = Math.exp(emission[i * T + t] - max);
  }
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  const normalize = (v: Float64Array, at: number) => {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += v[at + t];
    if (sum > 0) for (let t = 0; t < T; t++) v[at + t] /= sum;
  };
  for (let t = 0; t < T; t++) alpha[t] = M[T * T + t] * psi[t];
  normalize(alpha, 0);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const from = before[t];
      let s = 0;
      for (let k = 0; k < from.length; k++) s += alpha[(i - 1) * T + from[k]] * M[from[k] * T + t];
      alpha[i * T + t] = s * psi[i * T + t];
    }
    normalize(alpha, i * T);
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      const to = after[t];
      let s = 0;
      for (let k = 0; k < to.length; k++) {
        const u = to[k];
        s += M[t * T + u] * psi[(i + 1) * T + u] * beta[(i + 1) * T + u];
      }
      beta[i * T + t] = s;
    }
    normalize(beta, i * T);
  }
  return Array.from(path, (chosen, i) => {
    let z = 0;
    for (let t = 0; t < T; t++) z += alpha[i * T + t] * beta[i * T + t];
    return z > 0 ? (alpha[i * T + chosen] * beta[i * T + chosen]) / z : 0;
  });
}

/** Entity spans (token ranges, half-open) in a BIO sequence; a stray I- starts a span. */
export function spansOfTags(tags: readonly string[]): { start: number; end: number; label: string }[] {
  const spans: { start: number; end: number; label: string }[] = [];
  let open: { start: number; label: string } | null = null;
  const close = (end: number) => {
    if (open) spans.push({ start: open.start, end, label: open.label });
    open = null;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O') close(i);
    else if (tag.startsWith('B-') || !open || open.label !== tag.slice(2)) {
      close(i);
      open = { start: i, label: tag.slice(2) };
    }
  });
  close(tags.length);
  return spans;
}
