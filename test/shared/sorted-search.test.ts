// The one binary search: over sorted numbers, and over any list by a predicate true on a prefix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, overlapTest, partitionPoint, upperBound } from '../../shared/sorted-search';

const sortedArb = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 }).map((a) => a.sort((x, y) => x - y));

describe('sorted search', () => {
  it('partitionPoint is the first index where the predicate stops holding (a linear scan agrees)', () => {
    fc.assert(
      fc.property(sortedArb, fc.integer({ min: -25, max: 25 }), (a, x) => {
        const linear = a.findIndex((v) => !(v < x));
        expect(partitionPoint(a.length, (i) => a[i] < x)).toBe(linear < 0 ? a.length : linear);
      }),
      { numRuns: 1000 },
    );
  });

  it('lowerBound and upperBound bracket the run of x', () => {
    fc.assert(
      fc.property(sortedArb, fc.integer({ min: -25, max: 25 }), (a, x) => {
        const lo = lowerBound(a, x);
        const hi = upperBound(a, x);
        expect(a.slice(lo, hi).every((v) => v === x)).toBe(true);
        expect(a.slice(0, lo).every((v) => v < x) && a.slice(hi).every((v) => v > x)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('overlapTest answers as a scan of every span would (empty spans, nested ones, touching ends)', () => {
    const spanArb = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 8 })).map(([start, n]) => ({
      start,
      end: start + n,
    }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), spanArb, (spans, q) => {
        const sorted = [...spans].sort((a, b) => a.start - b.start);
        const scan = sorted.some((t) => t.start < q.end && q.start < t.end);
        expect(overlapTest(sorted)(q.start, q.end)).toBe(scan);
      }),
      { numRuns: 2000 },
    );
  });

  it('overlapTest refuses spans not by start (its answers would be wrong)', () => {
    expect(() =>
      overlapTest([
        { start: 5, end: 6 },
        { start: 1, end: 2 },
      ]),
    ).toThrow(/not by start/);
  });
});
