import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CodePointIndex } from '../../shared/code-points';
import type { Edit, Sidecar } from '../../shared/model';
import { applyEdits, editCleanText, editProblems, mapSpan, PositionMap } from '../../shared/position-map';
import { cpLength, cpSlice, editsArb, naiveApplyEdits, replacementArb, spanArb, textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

// At least 1,000 generated cases per property; TAHRIR_PROPERTY_RUNS raises it when hunting bugs.
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

function edit(id: string, source: string, start: number, end: number, replacement: string): Edit {
  return { id, start, end, text: cpSlice(source, start, end), replacement, kind: 'typo' };
}

/** Text and edits together. */
const docArb = textArb().chain((source) => editsArb(source).map((edits) => ({ source, edits })));

/** True when the span [start, end) neither overlaps an edit nor has an insertion strictly inside it. */
function outsideEveryEdit(edits: readonly Edit[], start: number, end: number): boolean {
  return edits.every((e) => e.end <= start || e.start >= end);
}

describe('applyEdits and PositionMap examples', () => {
  const source = 'قال بايدن 😀 إقرأ المزيد اليوم';
  // [10, 12) is '😀 ', [12, 24) is 'إقرأ المزيد '
  const removeReadMore = edit('e1', source, 12, 24, '');

  it('removes boilerplate and maps across it', () => {
    const map = new PositionMap(source, [removeReadMore]);
    expect(map.cleanText).toBe('قال بايدن 😀 اليوم');
    expect(map.toClean(4)).toBe(4);
    expect(map.toClean(24)).toBe(12);
    expect(map.toClean(18, 'before')).toBe(12);
    expect(map.toSource(12, 'before')).toBe(12);
    expect(map.toSource(12, 'after')).toBe(24);
    expect(map.toSource(14)).toBe(26);
  });

  it('hides a span inside removed text, clips a span partly covered, keeps one outside', () => {
    const map = new PositionMap(source, [removeReadMore]);
    expect(mapSpan(map, 12, 24)).toBeNull();
    expect(mapSpan(map, 17, 23)).toBeNull();
    expect(mapSpan(map, 4, 9)).toEqual({ start: 4, end: 9, clipped: false });
    expect(mapSpan(map, 4, 15)).toEqual({ start: 4, end: 12, clipped: true });
    expect(mapSpan(map, 20, 29)).toEqual({ start: 12, end: 17, clipped: true });
    // Undoing the edit (removing it) restores the spans exactly.
    const undone = new PositionMap(source, []);
    expect(mapSpan(undone, 17, 23)).toEqual({ start: 17, end: 23, clipped: false });
  });

  it('keeps text inserted right before or after a span out of it', () => {
    const source2 = 'Joe Biden said';
    const map = new PositionMap(source2, [edit('i1', source2, 4, 4, 'R. '), edit('i2', source2, 9, 9, ' Jr.')]);
    expect(map.cleanText).toBe('Joe R. Biden Jr. said');
    const span = mapSpan(map, 4, 9)!;
    expect(cpSlice(map.cleanText, span.start, span.end)).toBe('Biden');
    // A span around the insertion point includes it.
    const around = mapSpan(map, 0, 9)!;
    expect(cpSlice(map.cleanText, around.start, around.end)).toBe('Joe R. Biden');
    expect(map.toClean(4, 'before')).toBe(4);
    expect(map.toClean(4, 'after')).toBe(7);
  });

  it('maps a span through a replacement that corrects it', () => {
    const source3 = 'كوريا الشمالیة';
    const map = new PositionMap(source3, [edit('n1', source3, 6, 14, 'الشمالية')]);
    expect(map.cleanText).toBe('كوريا الشمالية');
    expect(mapSpan(map, 0, 14)).toEqual({ start: 0, end: 14, clipped: false });
  });

  it('skips orphaned edits', () => {
    const map = new PositionMap('abcdef', [
      { ...edit('o', 'abcdef', 1, 3, ''), orphaned: true },
      edit('e', 'abcdef', 2, 4, 'X'),
    ]);
    expect(map.cleanText).toBe('abXef');
  });

  it('refuses overlapping, unsorted or out-of-range edits', () => {
    expect(() => new PositionMap('abcdef', [edit('a', 'abcdef', 1, 4, ''), edit('b', 'abcdef', 3, 5, '')])).toThrow(
      /edit b/,
    );
    expect(() => new PositionMap('abc', [edit('a', 'abc', 2, 9, '')])).toThrow(/not within the source text/);
    expect(editProblems(6, [edit('a', 'abcdef', 3, 4, ''), edit('b', 'abcdef', 0, 1, '')])).toHaveLength(1);
  });

  it('derives the clean text of the sample article and maps its spans as Python does', () => {
    const source = readFileSync(join(__dirname, '../../seeds/000_b3be894ae1d50a96.txt'), 'utf8');
    const fixtures = join(__dirname, '../fixtures/sidecars');
    const sidecar = JSON.parse(
      readFileSync(join(fixtures, '000_b3be894ae1d50a96.annotations.json'), 'utf8'),
    ) as Sidecar;
    const map = new PositionMap(source, sidecar.edits);
    // Computed with /usr/bin/python3 by slicing str objects: len(clean) and sha256(clean.encode()).
    expect(map.cleanLength).toBe(1430);
    expect(createHash('sha256').update(map.cleanText).digest('hex')).toBe(
      'af8455a055143f645870965931f39535ea153746c06b6a26cdf592557bf66b29',
    );
    expect(map.cleanText).toBe(readFileSync(join(fixtures, '000_b3be894ae1d50a96.clean.txt'), 'utf8'));
    const index = new CodePointIndex(source);
    for (const e of sidecar.edits) expect(index.slice(e.start, e.end)).toBe(e.text);
    // Clean offsets of every entity and quote, from Python; t8 lies inside the removed read-more line.
    const expected: Record<string, [number, number] | null> = {
      t1: [109, 117],
      t2: [138, 145],
      t3: [240, 252],
      t8: null,
      t7: [282, 293],
      t4: [321, 333],
      t5: [628, 633],
      t6: [853, 859],
      q1: [668, 837],
      q2: [864, 1048],
    };
    const clean = new CodePointIndex(map.cleanText);
    for (const span of [...sidecar.entities, ...sidecar.quotes]) {
      const mapped = mapSpan(map, span.start, span.end);
      expect(mapped && [mapped.start, mapped.end]).toEqual(expected[span.id]);
      if (mapped) expect(clean.slice(mapped.start, mapped.end)).toBe(span.text);
    }
  });
});

describe('position mapping properties', () => {
  it('clean text equals the edits applied (naive reference)', () => {
    fc.assert(
      fc.property(docArb, ({ source, edits }) => {
        const map = new PositionMap(source, edits);
        expect(map.cleanText).toBe(naiveApplyEdits(source, edits));
        expect(applyEdits(source, edits)).toBe(map.cleanText);
        expect(map.cleanLength).toBe(cpLength(map.cleanText));
      }),
      RUNS,
    );
  });

  it('is monotonic, bias only matters at edits, and toSource inverts toClean', () => {
    fc.assert(
      fc.property(docArb, ({ source, edits }) => {
        const map = new PositionMap(source, edits);
        const problems: string[] = [];
        let prevBefore = 0;
        let prevAfter = 0;
        for (let p = 0; p <= map.sourceLength; p++) {
          const before = map.toClean(p, 'before');
          const after = map.toClean(p, 'after');
          if (before < prevBefore || after < prevAfter) problems.push(`toClean decreases at ${p}`);
          if (after < before) problems.push(`after < before at ${p}`);
          if (after !== before && !edits.some((e) => e.start <= p && p <= e.end))
            problems.push(`bias matters away from edits at ${p}`);
          prevBefore = before;
          prevAfter = after;
        }
        if (map.toClean(map.sourceLength) !== map.cleanLength)
          problems.push('end of source does not map to end of clean text');
        // toSource picks, among the source offsets reaching c with the same bias, the outermost
        // one not strictly inside an edit (smallest for 'before', largest for 'after').
        for (const bias of ['before', 'after'] as const) {
          const reaching = new Map<number, number[]>();
          for (let p = 0; p <= map.sourceLength; p++) {
            const c = map.toClean(p, bias);
            reaching.set(c, [...(reaching.get(c) ?? []), p]);
          }
          for (const [c, offsets] of reaching) {
            const outside = offsets.filter((p) => !map.isInsideEdit(p));
            const pool = outside.length > 0 ? outside : offsets;
            const want = bias === 'before' ? pool[0] : pool[pool.length - 1];
            if (map.toSource(c, bias) !== want)
              problems.push(`toSource(${c}, ${bias}) = ${map.toSource(c, bias)}, not ${want}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  });

  it('source → clean → source is stable at span boundaries', () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => spanArb(cpLength(doc.source)).map((span) => ({ ...doc, span }))),
        ({ source, edits, span }) => {
          const map = new PositionMap(source, edits);
          for (const bias of ['before', 'after'] as const) {
            for (const p of [span.start, span.end]) {
              const c = map.toClean(p, bias);
              const back = map.toSource(c, bias);
              // Stable: the source offset found maps back onto the same clean offset from one side or the other.
              expect(map.toClean(back, 'before')).toBeLessThanOrEqual(c);
              expect(map.toClean(back, 'after')).toBeGreaterThanOrEqual(c);
              // Exact away from edits.
              if (!edits.some((e) => e.start <= p && p <= e.end)) expect(back).toBe(p);
            }
          }
          const mapped = mapSpan(map, span.start, span.end);
          if (mapped && span.start < span.end) {
            const back = { start: map.toSource(mapped.start, 'after'), end: map.toSource(mapped.end, 'before') };
            expect(mapSpan(map, back.start, back.end)).toMatchObject({ start: mapped.start, end: mapped.end });
            if (!mapped.clipped) {
              expect(back.start).toBeGreaterThanOrEqual(span.start);
              expect(back.end).toBeLessThanOrEqual(span.end);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('a span outside every edit keeps its exact text in clean text', () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => spanArb(cpLength(doc.source)).map((span) => ({ ...doc, span }))),
        ({ source, edits, span }) => {
          fc.pre(outsideEveryEdit(edits, span.start, span.end));
          const map = new PositionMap(source, edits);
          const mapped = mapSpan(map, span.start, span.end);
          expect(mapped).not.toBeNull();
          expect(mapped!.clipped).toBe(false);
          expect(cpSlice(map.cleanText, mapped!.start, mapped!.end)).toBe(cpSlice(source, span.start, span.end));
        },
      ),
      RUNS,
    );
  });

  it('an insertion right before a span start or right after its end is not swallowed', () => {
    fc.assert(
      fc.property(
        textArb().chain((source) => spanArb(cpLength(source)).map((span) => ({ source, span }))),
        textArb(3).filter((s) => s !== ''),
        textArb(3).filter((s) => s !== ''),
        ({ source, span }, before, after) => {
          const edits = [edit('i1', source, span.start, span.start, before)];
          if (span.end > span.start) edits.push(edit('i2', source, span.end, span.end, after));
          const map = new PositionMap(source, edits);
          const mapped = mapSpan(map, span.start, span.end)!;
          expect(cpSlice(map.cleanText, mapped.start, mapped.end)).toBe(cpSlice(source, span.start, span.end));
        },
      ),
      RUNS,
    );
  });

  it('removing then undoing restores spans exactly', () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => {
          const n = cpLength(doc.source);
          return fc
            .record({ span: spanArb(n), removed: spanArb(applyEdits(doc.source, doc.edits).length) })
            .map((r) => ({ ...doc, ...r }));
        }),
        ({ source, edits, span, removed }) => {
          const map = new PositionMap(source, edits);
          const removedClean = {
            start: Math.min(removed.start, map.cleanLength),
            end: Math.min(removed.end, map.cleanLength),
          };
          const original = mapSpan(map, span.start, span.end);
          const after = editCleanText(source, edits, removedClean.start, removedClean.end, '', {
            id: 'rm',
            kind: 'boilerplate',
            rule: 'test',
          });
          const removedMap = new PositionMap(source, after);
          const hidden = mapSpan(removedMap, span.start, span.end);
          // Without other edits, a span wholly inside the removed text is hidden while removed.
          if (
            edits.length === 0 &&
            span.start < span.end &&
            removedClean.start <= span.start &&
            span.end <= removedClean.end
          ) {
            expect(hidden).toBeNull();
          }
          // Undo = the edit list from before the removal: the span's stored offsets never changed.
          expect(mapSpan(new PositionMap(source, edits), span.start, span.end)).toEqual(original);
          // Typing the removed text back where it was, when the removal touched no other edit, gives back the old edit list.
          const touched = edits.some(
            (_, i) => map.cleanRange(i).end >= removedClean.start && map.cleanRange(i).start <= removedClean.end,
          );
          if (!touched) {
            const removedText = cpSlice(map.cleanText, removedClean.start, removedClean.end);
            const retyped = editCleanText(source, after, removedClean.start, removedClean.start, removedText, {
              id: 'back',
              kind: 'typo',
            });
            expect(retyped).toEqual(edits);
          }
        },
      ),
      RUNS,
    );
  });

  it('editCleanText yields valid sorted source edits whose application equals the edited clean text', () => {
    fc.assert(
      fc.property(
        docArb.chain((doc) => {
          const cleanLength = cpLength(applyEdits(doc.source, doc.edits));
          return fc.record({ range: spanArb(cleanLength), replacement: replacementArb }).map((r) => ({ ...doc, ...r }));
        }),
        ({ source, edits, range, replacement }) => {
          const clean = applyEdits(source, edits);
          const result = editCleanText(source, edits, range.start, range.end, replacement, { id: 'new', kind: 'typo' });
          expect(editProblems(cpLength(source), result)).toEqual([]);
          for (let i = 1; i < result.length; i++) expect(result[i - 1].start).toBeLessThanOrEqual(result[i].start);
          for (const e of result) expect(e.text).toBe(cpSlice(source, e.start, e.end));
          const expected = cpSlice(clean, 0, range.start) + replacement + cpSlice(clean, range.end, cpLength(clean));
          expect(applyEdits(source, result)).toBe(expected);
          // Edits kept are unchanged; when the change touches none, all of them are kept.
          for (const e of result) if (e.id !== 'new') expect(edits).toContainEqual(e);
          const map = new PositionMap(source, edits);
          const touches = edits.some(
            (_, i) => map.cleanRange(i).end >= range.start && map.cleanRange(i).start <= range.end,
          );
          if (!touches) expect(result.filter((e) => e.id !== 'new')).toEqual(edits);
        },
      ),
      RUNS,
    );
  });
});

describe('editCleanText sequences', () => {
  it('a series of clean-text edits stays valid and equals the same edits made on a string', () => {
    const stepArb = fc.record({ x: fc.nat(), y: fc.nat(), replacement: replacementArb });
    fc.assert(
      fc.property(textArb(), fc.array(stepArb, { minLength: 1, maxLength: 6 }), (source, steps) => {
        let edits: Edit[] = [];
        let expected = source;
        steps.forEach((step, i) => {
          const n = cpLength(expected);
          const [a, b] = [step.x % (n + 1), step.y % (n + 1)];
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          edits = editCleanText(source, edits, start, end, step.replacement, { id: `s${i}`, kind: 'typo' });
          expected = cpSlice(expected, 0, start) + step.replacement + cpSlice(expected, end, n);
          expect(editProblems(cpLength(source), edits)).toEqual([]);
          for (const e of edits) expect(e.text).toBe(cpSlice(source, e.start, e.end));
          expect(applyEdits(source, edits)).toBe(expected);
        });
        // Merging never duplicates an edit: each id appears once.
        expect(new Set(edits.map((e) => e.id)).size).toBe(edits.length);
      }),
      RUNS,
    );
  });
});

describe('editCleanText examples', () => {
  const source = 'aaa BOILER bbb';

  it('merges a deletion that touches an earlier one', () => {
    const first = editCleanText(source, [], 4, 10, '', { id: 'e1', kind: 'boilerplate', rule: 'r' });
    expect(first).toEqual([
      { id: 'e1', start: 4, end: 10, text: 'BOILER', replacement: '', kind: 'boilerplate', rule: 'r' },
    ]);
    // Clean text is now 'aaa  bbb'; delete the space right after the removed word.
    const second = editCleanText(source, first, 4, 5, '', { id: 'e2', kind: 'typo' });
    expect(second).toEqual([{ id: 'e2', start: 4, end: 11, text: 'BOILER ', replacement: '', kind: 'typo' }]);
    expect(applyEdits(source, second)).toBe('aaa bbb');
  });

  it('merges an edit that overlaps a replacement', () => {
    const first = editCleanText(source, [], 4, 10, 'XY', { id: 'e1', kind: 'typo' });
    expect(applyEdits(source, first)).toBe('aaa XY bbb');
    const second = editCleanText(source, first, 5, 8, 'Z', { id: 'e2', kind: 'typo' });
    expect(applyEdits(source, second)).toBe('aaa XZbb');
    expect(second).toEqual([{ id: 'e2', start: 4, end: 12, text: 'BOILER b', replacement: 'XZ', kind: 'typo' }]);
  });

  it('works in code points around emoji', () => {
    const s = '😀😀 abc 🇸🇦';
    const result = editCleanText(s, [], 3, 6, 'د', { id: 'e', kind: 'typo' });
    expect(result[0]).toMatchObject({ start: 3, end: 6, text: 'abc', replacement: 'د' });
    expect(applyEdits(s, result)).toBe('😀😀 د 🇸🇦');
  });
});
