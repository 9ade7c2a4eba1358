// The agreement's token counts, each distinct row of labels added once with its number of tokens
// (distinctRows): the same coefficients, to the last bit, as adding the tokens one by one.
import { describe, expect, it } from 'vitest';
import { distinctRows, OUTSIDE } from '../../shared/agreement';
import { AgreementCounts } from '../../shared/agreement-stats';

/** A small seeded generator (mulberry32): the same cases every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'];

/** Each version's label per token: runs of "O" and of labels, each version changing some. */
function document(next: () => number, versions: number, tokens: number): string[][] {
  const base: string[] = [];
  while (base.length < tokens) {
    const label = next() < 0.6 ? OUTSIDE : LABELS[Math.floor(next() * LABELS.length)];
    for (let k = 1 + Math.floor(next() * 3); k > 0 && base.length < tokens; k--) base.push(label);
  }
  return Array.from({ length: versions }, () =>
    base.map((l) => (next() < 0.1 ? (next() < 0.5 ? OUTSIDE : LABELS[Math.floor(next() * LABELS.length)]) : l)),
  );
}

function figures(c: AgreementCounts, versions: number): number[] {
  const out = [c.items, c.meanObserved(), c.fleissKappa(), c.krippendorffAlpha()];
  out.push(c.meanPairwiseKappa(), c.daviesFleissKappa());
  for (let a = 0; a < versions; a++) for (let b = a + 1; b < versions; b++) out.push(c.cohenKappa(a, b));
  return out;
}

describe('distinctRows', () => {
  it('gives the counts, label by label too, that token by token gives, over many documents', () => {
    for (const versions of [2, 3, 4]) {
      const next = random(versions);
      const byToken = new Map<string, AgreementCounts>([['*', new AgreementCounts(versions)]]);
      const byRow = new Map<string, AgreementCounts>([['*', new AgreementCounts(versions)]]);
      for (const label of LABELS) {
        byToken.set(label, new AgreementCounts(versions));
        byRow.set(label, new AgreementCounts(versions));
      }
      for (let d = 0; d < 60; d++) {
        const perVersion = document(next, versions, Math.floor(next() * 120));
        const tokens = perVersion[0].length;
        const labels = new Set(perVersion.flat().filter((l) => l !== OUTSIDE));
        const rows = distinctRows(perVersion, tokens, labels);
        expect(rows.reduce((n, [, times]) => n + times, 0)).toBe(tokens);
        for (let t = 0; t < tokens; t++) {
          const row = perVersion.map((l) => l[t]);
          byToken.get('*')!.add(row);
          for (const label of LABELS) byToken.get(label)!.add(row.map((l) => (l === label ? label : OUTSIDE)));
        }
        for (const [row, times] of rows) {
          byRow.get('*')!.add(row, times);
          for (const label of LABELS)
            byRow.get(label)!.add(
              row.map((l) => (l === label ? label : OUTSIDE)),
              times,
            );
        }
      }
      for (const [key, counts] of byToken) {
        const expected = figures(counts, versions);
        const got = figures(byRow.get(key)!, versions);
        expect(got.map((x, i) => Object.is(x, expected[i]))).toEqual(expected.map(() => true));
      }
    }
  });

  it('keeps the order in which each version first meets its labels', () => {
    const perVersion = [
      ['O', 'ORG', 'O', 'PERSON', 'ORG'],
      ['GPE', 'ORG', 'GPE', 'PERSON', 'O'],
    ];
    const rows = distinctRows(perVersion, 5, new Set(['ORG', 'PERSON', 'GPE']));
    expect(rows).toEqual([
      [['O', 'GPE'], 2],
      [['ORG', 'ORG'], 1],
      [['PERSON', 'PERSON'], 1],
      [['ORG', 'O'], 1],
    ]);
  });
});
