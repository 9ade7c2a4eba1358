import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignDocuments, assignmentProblem } from '../../shared/assignment';

const ids = Array.from({ length: 50 }, (_, i) => `news/${i}`);

describe('assignDocuments', () => {
  it('gives every document one annotator, the overlap share two, loads even, and is the same for the same seed', () => {
    const a = assignDocuments(ids, ['lina', 'omar', 'sara'], 0.2, 7);
    expect(Object.keys(a.documents)).toHaveLength(50);
    const doubles = Object.values(a.documents).filter((w) => w.length === 2);
    expect(doubles).toHaveLength(10);
    for (const w of doubles) expect(new Set(w).size).toBe(2);
    const load = (name: string) => Object.values(a.documents).filter((w) => w.includes(name)).length;
    expect(['lina', 'omar', 'sara'].map(load).sort()).toEqual([20, 20, 20]);
    expect(JSON.stringify(assignDocuments([...ids].reverse(), ['lina', 'omar', 'sara'], 0.2, 7))).toBe(
      JSON.stringify(a),
    );
    expect(JSON.stringify(assignDocuments(ids, ['lina', 'omar', 'sara'], 0.2, 8))).not.toBe(JSON.stringify(a));
  });

  it('a document named __proto__ is assigned like any other', () => {
    const a = assignDocuments(['__proto__', 'b'], ['lina', 'omar'], 0, 1);
    expect(Object.keys(a.documents).sort()).toEqual(['__proto__', 'b']);
    expect(JSON.parse(JSON.stringify(a)).documents).toEqual(a.documents);
  });

  it('property: counts and balance for any documents, annotators, overlap and seed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 60 }),
        fc.integer({ min: 2, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (docs, n, overlap, seed) => {
          const names = Array.from({ length: n }, (_, i) => `a${i}`);
          const a = assignDocuments(docs, names, overlap, seed);
          const lists = Object.values(a.documents);
          expect(lists).toHaveLength(docs.length);
          expect(lists.filter((w) => w.length === 2)).toHaveLength(Math.round(overlap * docs.length));
          const loads = names.map((x) => lists.filter((w) => w.includes(x)).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('says what is wrong with a request', () => {
    expect(assignmentProblem([], 0.2)).toMatch(/--annotators needs names/);
    expect(assignmentProblem(['a', 'a'], 0.2)).toMatch(/named twice/);
    expect(assignmentProblem(['a', 'b'], 1.5)).toMatch(/between 0 and 1/);
    expect(assignmentProblem(['a'], 0.2)).toMatch(/at least two annotators/);
  });
});
