// firstAfter: the one search for a span's place in sidecar order (start, end, id), used by the
// sidecar's JSON text and the editor's sorted spans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSpans, firstAfter } from '../../shared/sidecar-text';

describe('firstAfter', () => {
  it('is the number of spans at or before a span in sidecar order (a linear scan agrees)', () => {
    const spanArb = fc.record({
      start: fc.integer({ min: 0, max: 30 }),
      len: fc.integer({ min: 0, max: 5 }),
      id: fc.constantFrom('a', 'b', 't1', 't2', 'q1'),
    });
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), spanArb, (raw, probe) => {
        const spans = raw.map((s) => ({ start: s.start, end: s.start + s.len, id: s.id })).sort(compareSpans);
        const span = { start: probe.start, end: probe.start + probe.len, id: probe.id };
        expect(firstAfter(spans, span)).toBe(spans.filter((s) => compareSpans(s, span) <= 0).length);
      }),
      { numRuns: 1000 },
    );
  });
});
