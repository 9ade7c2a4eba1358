// Binary search: over sorted number arrays (edit boundaries, position maps), and over any
// sorted list by a predicate (spans in sidecar order, paragraphs by start).

/**
 * The first index in [0, length) where `before(i)` is false, `before` being true for a prefix of
 * the indices and false for the rest (length when it is true everywhere).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `a` that is >= x. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `a` that is > x. */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a span [start, end) overlaps any of `spans` (sorted by start): each question one binary search over the
 * starts and the largest end up to each, instead of a scan of every span (thousands of suggestions against a long
 * document's entities took seconds).
 */
export function overlapTest(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const starts = new Float64Array(spans.length);
  const maxEnds = new Float64Array(spans.length);
  let maxEnd = -Infinity;
  for (let i = 0; i < spans.length; i++) {
    if (i > 0 && spans[i].start < spans[i - 1].start) throw new RangeError('overlapTest: the spans are not by start');
    starts[i] = spans[i].start;
    maxEnd = Math.max(maxEnd, spans[i].end);
    maxEnds[i] = maxEnd;
  }
  // The spans starting before `end`: one of them reaches past `start` exactly when the largest end among them does.
  return (start, end) => {
    const k = lowerBound(starts, end) - 1;
    return k >= 0 && maxEnds[k] > start;
  };
}
