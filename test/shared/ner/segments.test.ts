// The semi-Markov decoder (segments.ts) against every allowed BILOU sequence of short sentences: no sequence scores
// higher than the path it decodes, each name's span score added once; without span scores it decodes as viterbi().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_MAX } from '../../../shared/ner/features';
import { segmentsOfPath, segmentViterbi } from '../../../shared/ner/segments';
import { tagGraph, viterbi } from '../../../shared/ner/tagger';

const tagsOf = (labels: number) => [
  'O',
  ...Array.from({ length: labels }, (_, k) => ['B', 'I', 'L', 'U'].map((p) => `${p}-L${k}`)).flat(),
];

const scoreArb = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 3 },
  { arbitrary: fc.double({ min: -20, max: 20, noNaN: true }), weight: 1 },
);

const problemArb = (maxLabels: number, maxTokens: number) =>
  fc
    .record({ labels: fc.integer({ min: 1, max: maxLabels }), n: fc.integer({ min: 1, max: maxTokens }) })
    .chain(({ labels, n }) => {
      const T = 1 + 4 * labels;
      const table = (size: number) =>
        fc.array(scoreArb, { minLength: size, maxLength: size }).map((xs) => Float64Array.from(xs));
      return fc.record({
        labels: fc.constant(labels),
        n: fc.constant(n),
        emission: table(n * T),
        transitions: table((T + 1) * T),
        spans: table(n * SEGMENT_MAX * labels),
      });
    });

describe('the segment decoder', () => {
  it('finds the best-scoring sequence, each name scored as a whole span too (all sequences tried)', () => {
    fc.assert(
      fc.property(problemArb(2, 4), ({ labels, n, emission, transitions, spans }) => {
        const tags = tagsOf(labels);
        const T = tags.length;
        const graph = tagGraph(tags);
        const scoreOf = (seq: readonly number[]) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            const from = i === 0 ? T : seq[i - 1];
            if (!graph.allowed[from * T + seq[i]]) return -Infinity;
            s += transitions[from * T + seq[i]] + emission[i * T + seq[i]];
          }
          if (!graph.ends[seq[n - 1]]) return -Infinity;
          for (const x of segmentsOfPath(Int32Array.from(seq)))
            s += spans[(x.start * SEGMENT_MAX + x.length - 1) * labels + x.label];
          return s;
        };
        let best = -Infinity;
        const seq = new Array<number>(n).fill(0);
        for (let k = 0; k < T ** n; k++) {
          for (let i = 0, rest = k; i < n; i++, rest = Math.floor(rest / T)) seq[i] = rest % T;
          best = Math.max(best, scoreOf(seq));
        }
        const decoded = scoreOf([...segmentViterbi(emission, n, graph, transitions, spans)]);
        expect(decoded).toBeCloseTo(best, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('without span scores, scores the path as viterbi() does (names of up to SEGMENT_MAX words)', () => {
    fc.assert(
      fc.property(problemArb(4, SEGMENT_MAX), ({ labels, n, emission, transitions }) => {
        const graph = tagGraph(tagsOf(labels));
        const T = graph.T;
        const scoreOf = (seq: Int32Array) => {
          let s = 0;
          for (let i = 0; i < n; i++) s += transitions[(i === 0 ? T : seq[i - 1]) * T + seq[i]] + emission[i * T + seq[i]];
          return s;
        };
        const segment = segmentViterbi(emission, n, graph, transitions, null);
        expect(scoreOf(segment)).toBeCloseTo(scoreOf(viterbi(emission, n, graph, transitions)), 9);
      }),
      { numRuns: 300 },
    );
  });
});
