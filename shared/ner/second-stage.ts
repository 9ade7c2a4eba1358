// The entity tagger's second stage (Krishnan & Manning 2006; Ratinov & Roth 2009's two-stage non-local features):
// a small perceptron that reads the first stage's tags and confidence, for the token, its neighbours, and the same
// words elsewhere in the text, and tags again. What it can see that the first stage cannot: how the same stem was
// tagged in the other sentences (token majority), whether the name found here is found elsewhere with another label
// (entity majority), and whether a longer name found elsewhere covers these words here (bounds: حركة طالبان found
// whole once, cut to طالبان here). It is trained on first-stage output the first stage did not train on (jackknifed,
// entity-tagger.ts), so it learns how far to trust the first stage on names it never saw.
import { seededRandom } from '../seeded-random';
import { tokenStem } from './features';
import { marginals, spansOfTags, tagGraph, toBilou, viterbi, type TokenScores } from './tagger';

/** The first stage's output for one sentence: BIO tags, per-token confidence and scores (entity-tagger.ts). */
export interface StageOutput {
  tags: string[];
  confidence: number[];
  scores?: TokenScores[];
}

/** A text as the second stage trains on it: its sentences, a first stage's output on them, the gold tags. */
export interface SecondStageText {
  sentences: readonly (readonly string[])[];
  first: readonly StageOutput[];
  gold: string[][];
}

/** The second stage's model: a feature's weights per tag and the transition weights, as the first stage's. */
export interface SecondStageModel {
  tags: string[];
  /** transitions[from][to]; `from` = tags.length is the sentence start. */
  transitions: number[][];
  features: Record<string, Record<string, number>>;
  /** Whether it reads the first stage's scores for every label (TokenScores), not only its tags. */
  scores?: boolean;
}

/** How far, in sentences either side, the other occurrences count as the same text (as contextsElsewhere's). */
const REACH = 20;
/** A stem more frequent than this in the text is a common word: its tags elsewhere say nothing of it. */
const COMMON = 60;
/** Longest name matched elsewhere, in tokens. */
const MAX_NAME = 6;

/** The first stage's confidence in a few bins. */
const confidenceBin = (c: number) => (c >= 0.95 ? 'c4' : c >= 0.8 ? 'c3' : c >= 0.5 ? 'c2' : 'c1');

/** The label with the most weight, ties to the first in alphabetical order; and its share of the total. */
function majority(byLabel: ReadonlyMap<string, number>): { label: string; share: number } | null {
  let total = 0;
  let best: [string, number] = ['', -1];
  for (const [label, w] of byLabel) {
    total += w;
    if (w > best[1] || (w === best[1] && label < best[0])) best = [label, w];
  }
  return total > 0 ? { label: best[0], share: best[1] / total } : null;
}

const shareBin = (share: number) => (share >= 0.9 ? 'all' : share >= 0.5 ? 'most' : 'some');

/** A probability in bins; below 0.05 none (most labels at most tokens: no feature). */
const probabilityBin = (p: number) =>
  p >= 0.95 ? 'p5' : p >= 0.8 ? 'p4' : p >= 0.5 ? 'p3' : p >= 0.2 ? 'p2' : p >= 0.05 ? 'p1' : '';

/**
 * What the first stage's scores say of a token: how likely each label is (a token tagged O that was nearly a name,
 * a PERSON that was nearly an ORG), and how likely a name begins or ends at it (bounds the first stage hesitated on).
 */
function scoreFeatures(scores: TokenScores, tag: string): string[] {
  const f: string[] = [];
  for (const [label, p] of Object.entries(scores.labels)) {
    const bin = probabilityBin(p);
    if (bin) f.push(`p=${label}|${bin}`, `p|t=${label}|${bin}|${tag}`);
  }
  const begins = probabilityBin(scores.begins);
  const ends = probabilityBin(scores.ends);
  if (begins) f.push(`pb=${begins}`);
  if (ends) f.push(`pe=${ends}`);
  return f;
}

/**
 * The second stage's features of every token of a text (its sentences in order) from the first stage's output.
 * Local: the first stage's BILOU tag and confidence bin, its neighbours' tags, the stem and the stems beside it
 * joined with the neighbour's tag (a title or head word next to a found name). Non-local, over the other sentences
 * within REACH: the majority label of the same stem (token majority, over the occurrences tagged as names, with the
 * share of its occurrences tagged at all), the majority label of the same name (entity majority), and the tag of the
 * longest name found elsewhere that covers the token here (the name's words matched by stem).
 */
export function secondStageFeatures(
  sentences: readonly (readonly string[])[],
  first: readonly StageOutput[],
  withScores = false,
): string[][][] {
  const stems = sentences.map((tokens) => tokens.map(tokenStem));
  const bilou = first.map((s) => toBilou(s.tags));
  const count = new Map<string, number>();
  for (const line of stems) for (const s of line) count.set(s, (count.get(s) ?? 0) + 1);
  // Per stem, its occurrences (sentence, label or 'O').
  const where = new Map<string, [number, string][]>();
  stems.forEach((line, k) =>
    line.forEach((s, i) => {
      if ((count.get(s) ?? 0) > COMMON || !/\p{L}/u.test(s)) return;
      let at = where.get(s);
      if (!at) where.set(s, (at = []));
      const tag = first[k].tags[i];
      at.push([k, tag === 'O' ? 'O' : tag.slice(2)]);
    }),
  );
  // Per sentence, its names found by the first stage (stems joined → label).
  const names = first.map((s, k) =>
    spansOfTags(s.tags)
      .filter((span) => span.end - span.start <= MAX_NAME)
      .map((span) => ({ ...span, key: stems[k].slice(span.start, span.end).join(' ') })),
  );
  return stems.map((line, k) => {
    const near = (k2: number) => k2 !== k && Math.abs(k2 - k) <= REACH;
    // The names found in the other sentences nearby, by key: label → count.
    const known = new Map<string, Map<string, number>>();
    for (let k2 = Math.max(0, k - REACH); k2 <= Math.min(stems.length - 1, k + REACH); k2++) {
      if (k2 === k) continue;
      for (const name of names[k2]) {
        let byLabel = known.get(name.key);
        if (!byLabel) known.set(name.key, (byLabel = new Map()));
        byLabel.set(name.label, (byLabel.get(name.label) ?? 0) + 1);
      }
    }
    // The longest name found elsewhere covering each token, as a BILOU tag.
    const elsewhere = line.map(() => '');
    for (let i = 0; i < line.length;) {
      let found = 0;
      let label = '';
      let key = '';
      for (let n = 1; n <= Math.min(MAX_NAME, line.length - i); n++) {
        key = n === 1 ? line[i] : `${key} ${line[i + n - 1]}`;
        const hit = known.get(key);
        if (hit) {
          found = n;
          label = majority(hit)!.label;
        }
      }
      if (found === 0) {
        i++;
        continue;
      }
      if (found === 1) elsewhere[i] = `U-${label}`;
      else for (let j = 0; j < found; j++) elsewhere[i + j] = `${j === 0 ? 'B' : j === found - 1 ? 'L' : 'I'}-${label}`;
      i += found;
    }
    // Entity majority: per token inside a found name, the majority label of the same name elsewhere.
    const entity = line.map(() => '');
    for (const name of names[k]) {
      const hit = known.get(name.key);
      const best = hit ? majority(hit) : null;
      if (best) for (let i = name.start; i < name.end; i++) entity[i] = best.label;
    }
    const tags = bilou[k];
    const tag = (i: number) => (i < 0 ? '<s>' : i >= tags.length ? '</s>' : tags[i]);
    const stem = (i: number) => (i < 0 ? '<s>' : i >= line.length ? '</s>' : line[i]);
    return line.map((s, i) => {
      const t = tags[i];
      const f = [
        'b',
        `t=${t}`,
        `t|c=${t}|${confidenceBin(first[k].confidence[i])}`,
        `t-1=${tag(i - 1)}`,
        `t+1=${tag(i + 1)}`,
        `t-1|t|t+1=${tag(i - 1)}|${t}|${tag(i + 1)}`,
        `s=${s}`,
        `s|t+1=${s}|${tag(i + 1)}`,
        `s|t-1=${s}|${tag(i - 1)}`,
        `s-1|t=${stem(i - 1)}|${t}`,
        `s+1|t=${stem(i + 1)}|${t}`,
      ];
      const byLabel = new Map<string, number>();
      let others = 0;
      for (const [k2, label] of where.get(s) ?? []) {
        if (!near(k2)) continue;
        others++;
        if (label !== 'O') byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      }
      const token = majority(byLabel);
      if (token) {
        let tagged = 0;
        for (const w of byLabel.values()) tagged += w;
        f.push(`tm=${token.label}`, `tm|n=${token.label}|${shareBin(tagged / others)}`, `tm|t=${token.label}|${t}`);
      } else if (others > 0) f.push(`tm=O|t=${t}`);
      if (entity[i]) f.push(`em|t=${entity[i]}|${t}`);
      if (elsewhere[i]) f.push(`ne=${elsewhere[i]}`, `ne|t=${elsewhere[i]}|${t}`);
      const scores = first[k].scores?.[i];
      if (withScores && scores) f.push(...scoreFeatures(scores, t));
      return f;
    });
  });
}

/** Trains the second stage on texts tagged by a first stage that did not train on them. */
export function trainSecondStage(
  texts: readonly SecondStageText[],
  options: { epochs: number; seed: number; scores?: boolean },
): SecondStageModel {
  const withScores = options.scores ?? false;
  const all = texts.flatMap((text) => {
    const features = secondStageFeatures(text.sentences, text.first, withScores);
    return features.map((f, k) => ({ features: f, tags: text.gold[k] }));
  });
  const labels = new Set<string>();
  for (const s of all) for (const t of s.tags) if (t !== 'O') labels.add(t.slice(2));
  const tags = ['O', ...[...labels].sort().flatMap((l) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${l}`))];
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const graph = tagGraph(tags);
  const index = new Map<string, number>();
  const names: string[] = [];
  const data = all
    .filter((s) => s.tags.length > 0)
    .map((s) => ({
      ids: s.features.map((fs) =>
        Int32Array.from(fs, (name) => {
          let id = index.get(name);
          if (id === undefined) {
            index.set(name, (id = names.length));
            names.push(name);
          }
          return id;
        }),
      ),
      gold: Int32Array.from(toBilou(s.tags), (t) => tagIndex.get(t)!),
    }));
  const F = names.length;
  const weights = new Float64Array(F * T);
  const weighted = new Float64Array(F * T);
  const transitions = new Float64Array((T + 1) * T);
  const transitionsWeighted = new Float64Array((T + 1) * T);
  let step = 1;
  const random = seededRandom(options.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { ids, gold } = data[k];
      const n = gold.length;
      const emission = new Float64Array(n * T);
      for (let i = 0; i < n; i++)
        for (const f of ids[i]) for (let t = 0; t < T; t++) emission[i * T + t] += weights[f * T + t];
      const guess = viterbi(emission, n, graph, transitions);
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = guess[i];
        if (g !== p) {
          for (const f of ids[i]) {
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
    for (let t = 0; t < T; t++) {
      const w = round(weights[f * T + t] - weighted[f * T + t] / step);
      if (w !== 0) (features[names[f]] ??= {})[tags[t]] = w;
    }
  }
  const rows: number[][] = [];
  for (let from = 0; from <= T; from++)
    rows.push(tags.map((_, to) => round(transitions[from * T + to] - transitionsWeighted[from * T + to] / step)));
  return { tags, transitions: rows, features, ...(withScores ? { scores: true } : {}) };
}

/** The second stage's tags and confidence for a text tagged by the first stage. */
export function applySecondStage(
  model: SecondStageModel,
  sentences: readonly (readonly string[])[],
  first: readonly StageOutput[],
): StageOutput[] {
  const { tags } = model;
  const T = tags.length;
  const graph = tagGraph(tags);
  const transitions = new Float64Array((T + 1) * T);
  model.transitions.forEach((row, from) => row.forEach((w, to) => (transitions[from * T + to] = w)));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const weights = new Map<string, [number, number][]>();
  for (const [name, byTag] of Object.entries(model.features))
    weights.set(
      name,
      Object.entries(byTag).map(([tag, w]) => [tagIndex.get(tag)!, w]),
    );
  const features = secondStageFeatures(sentences, first, model.scores ?? false);
  return features.map((perToken) => {
    const n = perToken.length;
    if (n === 0) return { tags: [], confidence: [] };
    const emission = new Float64Array(n * T);
    perToken.forEach((fs, i) => {
      for (const f of fs) for (const [t, w] of weights.get(f) ?? []) emission[i * T + t] += w;
    });
    const path = viterbi(emission, n, graph, transitions);
    return {
      tags: Array.from(path, (t) => {
        const tag = tags[t];
        return tag.startsWith('U-') ? `B-${tag.slice(2)}` : tag.startsWith('L-') ? `I-${tag.slice(2)}` : tag;
      }),
      confidence: marginals(emission, n, graph, transitions, path),
    };
  });
}
