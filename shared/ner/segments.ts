// The semi-Markov (segment) decoder (Sarawagi & Cohen 2004): a name is chosen as a whole span of 1–SEGMENT_MAX
// words, scored by its tokens' BILOU scores and transitions (what viterbi() sums for the same tags) plus the whole
// span's own features (features.ts, segmentFeatures). Without span features it finds viterbi()'s path for names of
// at most SEGMENT_MAX words; a longer name cannot be chosen.
import { SEGMENT_MAX } from './features';
import type { TagGraph } from './tagger';

/** A BILOU tag's index in a model's tags (tagSet's order: O, then B- I- L- U- per label in order). */
const tagOf = (label: number, part: 0 | 1 | 2 | 3) => 1 + 4 * label + part;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

/**
 * The best BILOU path (tag indices) for the token scores `emission` (tokens × tags) and the span scores `spans`
 * (span `s * SEGMENT_MAX + l - 1` × label, the labels in tag order; null: none). The state between two spans is the
 * last tag of the one before (O, L-X or U-X; `T` at the sentence's start).
 */
export function segmentViterbi(
  emission: Float64Array,
  n: number,
  graph: TagGraph,
  transitions: Float64Array,
  spans: Float64Array | null,
): Int32Array {
  const { T, allowed, ends } = graph;
  const labels = (T - 1) / 4;
  const S = T + 1;
  const best = new Float64Array((n + 1) * S).fill(-Infinity);
  // Per boundary and state: where its last span began, and the state before that span.
  const from = new Int32Array((n + 1) * S);
  const prevState = new Int32Array((n + 1) * S);
  best[T] = 0;
  const offer = (s: number, e: number, first: number, last: number, inner: number) => {
    for (let p = 0; p < S; p++) {
      const b = best[s * S + p];
      if (b === -Infinity || !allowed[p * T + first]) continue;
      const v = b + transitions[p * T + first] + inner;
      if (v > best[e * S + last]) {
        best[e * S + last] = v;
        from[e * S + last] = s;
        prevState[e * S + last] = p;
      }
    }
  };
  for (let e = 1; e <= n; e++) {
    offer(e - 1, e, 0, 0, emission[(e - 1) * T]);
    for (let y = 0; y < labels; y++) {
      const tb = tagOf(y, B);
      const ti = tagOf(y, I);
      const tl = tagOf(y, L);
      const tu = tagOf(y, U);
      const span = (s: number, l: number) => (spans ? spans[(s * SEGMENT_MAX + l - 1) * labels + y] : 0);
      offer(e - 1, e, tu, tu, emission[(e - 1) * T + tu] + span(e - 1, 1));
      let insides = 0;
      for (let l = 2; l <= SEGMENT_MAX && l <= e; l++) {
        const s = e - l;
        if (l >= 3) insides += emission[(s + 1) * T + ti];
        const links =
          l === 2
            ? transitions[tb * T + tl]
            : transitions[tb * T + ti] + (l - 3) * transitions[ti * T + ti] + transitions[ti * T + tl];
        const inner = emission[s * T + tb] + insides + emission[(e - 1) * T + tl] + links + span(s, l);
        offer(s, e, tb, tl, inner);
      }
    }
  }
  let state = -1;
  let top = -Infinity;
  for (let t = 0; t < T; t++) {
    if (ends[t] && best[n * S + t] > top) {
      top = best[n * S + t];
      state = t;
    }
  }
  const path = new Int32Array(n);
  let e = n;
  while (e > 0 && state >= 0) {
    const s = from[e * S + state];
    if (state === 0) path[s] = 0;
    else {
      const y = (state - 1) >> 2;
      if (e - s === 1) path[s] = tagOf(y, U);
      else {
        path[s] = tagOf(y, B);
        for (let i = s + 1; i < e - 1; i++) path[i] = tagOf(y, I);
        path[e - 1] = tagOf(y, L);
      }
    }
    state = prevState[e * S + state];
    e = s;
  }
  return path;
}

/** The names of a BILOU path (tag indices) as spans: start, length and label number, those of SEGMENT_MAX or less. */
export function segmentsOfPath(path: Int32Array): { start: number; length: number; label: number }[] {
  const out: { start: number; length: number; label: number }[] = [];
  for (let i = 0; i < path.length; i++) {
    const t = path[i];
    if (t === 0) continue;
    const part = (t - 1) & 3;
    const label = (t - 1) >> 2;
    if (part === U) out.push({ start: i, length: 1, label });
    else if (part === B) {
      let j = i + 1;
      while (j < path.length && path[j] === tagOf(label, I)) j++;
      if (j < path.length && path[j] === tagOf(label, L) && j + 1 - i <= SEGMENT_MAX)
        out.push({ start: i, length: j + 1 - i, label });
      i = j;
    }
  }
  return out;
}
