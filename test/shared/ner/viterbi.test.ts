// The decoder goes through the allowed transitions only (tagger.ts, TagGraph). Here it is checked against the full
// decoder it replaced, which tries every pair of tags and skips the forbidden ones, on random score tables: the same
// path (ties broken the same way: small whole numbers make many ties) and the same confidences to the last bit; and,
// on short sentences, against every allowed tag sequence: no sequence scores higher than the path decoded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginals, tagGraph, viterbi } from '../../../shared/ner/tagger';

/** The model's tags for these labels, O first: BILOU, or BIO as a model saved before BILOU has. */
function tagsOf(labels: number, bilou: boolean): string[] {
  const prefixes = bilou ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  return ['O', ...Array.from({ length: labels }, (_, k) => prefixes.map((p) => `${p}-L${k}`)).flat()];
}

/** The full decoder, as it was: every predecessor tried at every token, the forbidden ones skipped. */
function fullViterbi(
  emission: Float64Array,
  n: number,
  T: number,
  transitions: Float64Array,
  allowed: readonly boolean[],
  ends: readonly boolean[],
): Int32Array {
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = allowed[T * T + t] ? transitions[T * T + t] + emission[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p * T + t]) continue;
        const s = score[(i - 1) * T + p] + transitions[p * T + t];
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

/** The full forward–backward, as it was: every pair of tags summed, a forbidden one weighing 0. */
function fullMarginals(
  emission: Float64Array,
  n: number,
  T: number,
  transitions: Float64Array,
  allowed: readonly boolean[],
  path: Int32Array,
): number[] {
  let top = -Infinity;
  for (let k = 0; k < transitions.length; k++) if (allowed[k] && transitions[k] > top) top = transitions[k];
  const M = new Float64Array(transitions.length);
  for (let k = 0; k < transitions.length; k++) M[k] = allowed[k] ? Math.exp(transitions[k] - top) : 0;
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
      let s = 0;
      for (let p = 0; p < T; p++) s += alpha[(i - 1) * T + p] * M[p * T + t];
      alpha[i * T + t] = s * psi[i * T + t];
    }
    normalize(alpha, i * T);
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let u = 0; u < T; u++) s += M[t * T + u] * psi[(i + 1) * T + u] * beta[(i + 1) * T + u];
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

/** A score: mostly small whole numbers (ties), sometimes any finite number. */
const scoreArb = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 3 },
  { arbitrary: fc.double({ min: -20, max: 20, noNaN: true }), weight: 1 },
);

/** A random decoding problem: the tags, a sentence length, and its emission and transition tables. */
const problemArb = (maxLabels: number, maxTokens: number) =>
  fc
    .record({
      labels: fc.integer({ min: 1, max: maxLabels }),
      bilou: fc.boolean(),
      n: fc.integer({ min: 1, max: maxTokens }),
    })
    .chain(({ labels, bilou, n }) => {
      const T = tagsOf(labels, bilou).length;
      return fc.record({
        tags: fc.constant(tagsOf(labels, bilou)),
        n: fc.constant(n),
        emission: fc.array(scoreArb, { minLength: n * T, maxLength: n * T }).map((xs) => Float64Array.from(xs)),
        transitions: fc
          .array(scoreArb, { minLength: (T + 1) * T, maxLength: (T + 1) * T })
          .map((xs) => Float64Array.from(xs)),
      });
    });

describe('Viterbi over the allowed transitions only', () => {
  it('decodes the same path and the same confidences as the full decoder, on random score tables', () => {
    fc.assert(
      fc.property(problemArb(5, 12), ({ tags, n, emission, transitions }) => {
        const graph = tagGraph(tags);
        const path = viterbi(emission, n, graph, transitions);
        const full = fullViterbi(emission, n, tags.length, transitions, graph.allowed, graph.ends);
        expect([...path]).toEqual([...full]);
        expect(marginals(emission, n, graph, transitions, path)).toEqual(
          fullMarginals(emission, n, tags.length, transitions, graph.allowed, path),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('finds the best-scoring allowed sequence (all sequences of short sentences tried)', () => {
    fc.assert(
      fc.property(problemArb(2, 4), ({ tags, n, emission, transitions }) => {
        const T = tags.length;
        const graph = tagGraph(tags);
        const scoreOf = (seq: readonly number[]) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const from = i === 0 ? T : seq[i - 1];
            if (!graph.allowed[from * T + seq[i]]) return -Infinity;
            s += transitions[from * T + seq[i]] + emission[i * T + seq[i]];
          }
          return graph.ends[seq[n - 1]] ? s : -Infinity;
        };
        let best = -Infinity;
        const seq = new Array<number>(n).fill(0);
        for (let k = 0; k < T ** n; k++) {
          for (let i = 0, rest = k; i < n; i++, rest = Math.floor(rest / T)) seq[i] = rest % T;
          best = Math.max(best, scoreOf(seq));
        }
        const decoded = scoreOf([...viterbi(emission, n, graph, transitions)]);
        // Sums taken in another order may differ in the last bits.
        expect(decoded).toBeCloseTo(best, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('lists the BILOU transitions: I-X and L-X after B-X or I-X only; O, B-, U- after O, L- or U- only', () => {
    const tags = tagsOf(2, true);
    const graph = tagGraph(tags);
    const before = (tag: string) => [...graph.before[tags.indexOf(tag)]].map((t) => tags[t]);
    expect(before('L-L1')).toEqual(['B-L1', 'I-L1']);
    expect(before('I-L0')).toEqual(['B-L0', 'I-L0']);
    expect(before('B-L0')).toEqual(['O', 'L-L0', 'U-L0', 'L-L1', 'U-L1']);
    expect(before('O')).toEqual(before('U-L1'));
    // 4 tags inside a name with 2 tags before them, 5 with 5: 33 pairs tried per token instead of 9 × 9.
    expect(graph.before.reduce((sum, b) => sum + b.length, 0)).toBe(33);
    expect(graph.after.reduce((sum, a) => sum + a.length, 0)).toBe(33);
  });
});
