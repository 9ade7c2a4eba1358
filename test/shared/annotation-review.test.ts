// The review of entity and quote suggestions: what is open, accepting (one change of the
// data, a quote's speaker made an entity), rejecting (kept in `rejected` for that span,
// whatever label or source suggests it again), counts per label and source.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import {
  acceptedInto,
  countSuggestions,
  isAnnotationRejection,
  openSuggestions,
  openSuggestionsAfterChanges,
  openSuggestionsAfterEdit,
  rejectedEntitySpans,
  rejectedInto,
  sortSuggestions,
  suggestionsAfterChanges,
} from '../../shared/annotation-review';
import { diffSuggestions } from '../../shared/suggestion-changes';
import { dataFromSidecar, withSpans } from '../../shared/document-data';
import type { Entity } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';
import { SpanList } from '../../shared/span-list';
import { sameSuggestion, type EntitySuggestion, type QuoteSuggestion, type Suggestion } from '../../shared/suggestions';
import { sourceIndex } from '../../shared/text-view';

// Code points: the emoji is one, the combining mark one, CRLF two.
const TEXT = '😀 وقال بايدن\u064E:\r\n«سنواصل العمل معا» في القاهرة';
const slice = (start: number, end: number) => sourceIndex(TEXT).slice(start, end);
const at = (needle: string) => [...TEXT.slice(0, TEXT.indexOf(needle))].length;
const len = (s: string) => [...s].length;

const biden: EntitySuggestion = {
  start: at('بايدن'),
  end: at('بايدن') + 6,
  label: 'PERSON',
  score: 1,
  source: 'workspace',
};
const cairo: EntitySuggestion = {
  start: at('القاهرة'),
  end: at('القاهرة') + len('القاهرة'),
  label: 'GPE',
  score: 0.8,
  source: 'tagger',
};
const quote: QuoteSuggestion = {
  start: at('سنواصل'),
  end: at('سنواصل') + len('سنواصل العمل معا'),
  kind: 'direct',
  speaker: { start: biden.start, end: biden.end },
  score: 0.9,
  source: 'quote-finder',
};
const all = [quote, cairo, biden];

function data() {
  return dataFromSidecar(emptySidecar('x.txt', '0'.repeat(64), len(TEXT)));
}

describe('open suggestions', () => {
  test('after an edit, suggestions are listed with one sorted list per record version and accepted by span-list lookups', () => {
    // 20,000 entities, every other word of a 40,000-word text; a suggestion on each free word and on each tagged one.
    const entities: Entity[] = [];
    for (let i = 0; i < 20_000; i++) {
      const start = i * 12;
      entities.push({ id: `t${i + 1}`, start, end: start + 5, label: 'PERSON', text: 'abcde' });
    }
    const opened = dataFromSidecar({ ...emptySidecar('x.txt', '0'.repeat(64), 240_000), entities });
    const suggestion = (start: number, end: number): EntitySuggestion => ({
      start,
      end,
      label: 'GPE',
      score: 1,
      source: 'tagger',
    });
    const free = Array.from({ length: 250 }, (_, i) => suggestion(i * 804 + 6, i * 804 + 11));
    const taken = Array.from({ length: 250 }, (_, i) => suggestion(i * 804 + 2, i * 804 + 4));
    // The edit: one entity deleted, one tagged on a free word (the records are now span-list views).
    const edited = {
      ...opened,
      entities: withSpans(opened.entities, {
        t1: null,
        n1: { id: 'n1', start: 810, end: 815, label: 'ORG', text: 'x' },
      }),
    };
    // Listing suggestions sorts the record once per version (entities, quotes: then a binary search a suggestion,
    // which beats a span-list lookup a suggestion at 100,000 suggestions), never once per suggestion.
    const listed = vi.spyOn(SpanList.prototype, 'toArray');
    const open = openSuggestions([...free, ...taken], edited);
    expect(listed.mock.calls.length).toBeLessThanOrEqual(2);
    openSuggestions([...free, ...taken], edited);
    expect(listed.mock.calls.length, 'the same record is not listed again').toBeLessThanOrEqual(2);
    listed.mockRestore();
    // The deleted entity's word is open again, the newly tagged one is not; free words stay open.
    expect(open).toEqual([taken[0], free[0], ...free.slice(2)]);
    // Accepting looks up the same way: one on a free word goes in, one on a tagged word does not.
    const listedOnAccept = vi.spyOn(SpanList.prototype, 'toArray');
    const accepted = acceptedInto(edited, [free[3], taken[5]], () => 'x');
    expect(listedOnAccept).not.toHaveBeenCalled();
    listedOnAccept.mockRestore();
    expect(accepted.added).toBe(1);
    expect(openSuggestions([free[3], taken[5], free[4]], accepted.data)).toEqual([free[4]]);
  });

  test('by position; a source turned off is left out', () => {
    expect(openSuggestions(all, data())).toEqual([biden, quote, cairo]);
    expect(openSuggestions(all, data(), { workspace: false, tagger: true, 'quote-finder': true })).toEqual([
      quote,
      cairo,
    ]);
    expect(countSuggestions(openSuggestions(all, data()))).toEqual({
      total: 3,
      byLabel: { PERSON: 1, GPE: 1, quote: 1 },
      bySource: { workspace: 1, tagger: 1, 'quote-finder': 1 },
    });
  });

  test('accepting makes entities and a quote with its speaker in one change; they are no longer open', () => {
    const before = data();
    const { data: after, added } = acceptedInto(before, [quote], slice, { personLabel: 'PERSON' });
    expect(added).toBe(1);
    const [q] = Object.values(after.quotes);
    const [speaker] = Object.values(after.entities);
    // The speaker had no entity: one is made for it, with the exact source text (its combining mark kept).
    expect(speaker).toMatchObject({ start: biden.start, end: biden.end, label: 'PERSON', text: 'بايدن\u064E' });
    expect(q).toMatchObject({ text: 'سنواصل العمل معا', kind: 'direct', speaker: speaker.id });
    expect(after.document.status).toBe('in_progress');
    expect(before.quotes).toEqual({});
    // The entity made for the speaker covers the PERSON suggestion: neither is open any more.
    expect(openSuggestions(all, after)).toEqual([cairo]);
  });

  test('accepting with another label; the speaker goes in as a name where no person label exists', () => {
    const relabelled = acceptedInto(data(), [cairo], slice, { label: 'LOC' }).data;
    expect(Object.values(relabelled.entities)).toMatchObject([{ label: 'LOC', text: 'القاهرة' }]);
    const named = acceptedInto(data(), [quote], slice, { personLabel: null }).data;
    expect(Object.values(named.quotes)).toMatchObject([{ speaker: null, speakerName: 'بايدن\u064E' }]);
    expect(named.entities).toEqual({});
    // An accepted entity on the speaker's span is the speaker.
    const both = acceptedInto(data(), [biden, quote], slice, { personLabel: 'PERSON' }).data;
    const ids = Object.keys(both.entities);
    expect(ids).toHaveLength(1);
    expect(Object.values(both.quotes)[0].speaker).toBe(ids[0]);
  });

  test('nothing to accept gives the same data back', () => {
    const once = acceptedInto(data(), [cairo], slice).data;
    const again = acceptedInto(once, [cairo], slice);
    expect(again.added).toBe(0);
    expect(again.data).toBe(once);
  });

  test('a rejection holds for its span whatever label or source suggests it again, and is told apart from cleanup ones', () => {
    const { data: after, added } = rejectedInto(data(), [biden, quote], slice);
    expect(added).toBe(2);
    expect(after.rejected).toEqual([
      { rule: 'entity:PERSON', start: biden.start, end: biden.end, text: 'بايدن\u064E' },
      { rule: 'quote:direct', start: quote.start, end: quote.end, text: 'سنواصل العمل معا' },
    ]);
    const sameSpanOtherLabel: EntitySuggestion = { ...biden, label: 'ORG', source: 'tagger' };
    expect(openSuggestions([...all, sameSpanOtherLabel], after)).toEqual([cairo]);
    expect(after.rejected!.every(isAnnotationRejection)).toBe(true);
    expect(isAnnotationRejection({ rule: 'site-template' })).toBe(false);
    expect(rejectedEntitySpans(after.rejected)).toEqual([{ start: biden.start, end: biden.end, label: 'PERSON' }]);
    expect(rejectedInto(after, [biden], slice).data).toBe(after);
  });
});

describe('open suggestions on a long document', () => {
  /** Entities whose offsets count how often they are read: the work openSuggestions does, without a clock. */
  function countedData(entities: number) {
    let reads = 0;
    const sidecar = emptySidecar('long.txt', '0'.repeat(64), entities * 10 + 10);
    for (let i = 0; i < entities; i++) {
      const [start, end] = [i * 10, i * 10 + 3];
      sidecar.entities.push(
        Object.defineProperties({ id: `t${i}`, label: 'PERSON', text: 'abc' } as never, {
          start: { get: () => (reads++, start), enumerable: true },
          end: { get: () => (reads++, end), enumerable: true },
        }),
      );
    }
    return { data: dataFromSidecar(sidecar), reads: () => reads };
  }

  test('each suggestion is checked against the entities by a search, not by reading every entity', () => {
    const n = 2000;
    const { data, reads } = countedData(n);
    // Between the entities: none overlaps one, so a scan reads every entity for every suggestion (n × n).
    const suggestions: EntitySuggestion[] = Array.from({ length: n }, (_, i) => ({
      start: i * 10 + 5,
      end: i * 10 + 8,
      label: 'GPE',
      score: 1,
      source: 'workspace',
    }));
    const before = reads();
    expect(openSuggestions(suggestions, data)).toHaveLength(n);
    // The old scan read 8,000,000 offsets here; a search reads each entity's once or twice.
    expect(reads() - before).toBeLessThan(10 * n);
    // And what overlaps an entity is still left out.
    expect(openSuggestions([{ ...suggestions[0], start: 2, end: 6 }], data)).toEqual([]);
  });
});

describe('open suggestions after an edit', () => {
  const entitySuggestion = (start: number, end: number, label = 'GPE'): EntitySuggestion => ({
    start,
    end,
    label,
    score: 1,
    source: start % 3 === 0 ? 'workspace' : 'tagger',
  });

  test('are those openSuggestions finds, whatever the edits (tags, deletes, moves, quotes, rejections, undone)', () => {
    const span = fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 40 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(span, fc.constantFrom('PERSON', 'GPE')), { maxLength: 60 }),
        fc.array(span, { maxLength: 12 }),
        fc.array(
          fc.tuple(fc.constantFrom('tag', 'delete', 'move', 'quote', 'unquote', 'reject', 'unreject'), span, fc.nat()),
          { minLength: 1, maxLength: 8 },
        ),
        fc.boolean(),
        ([...entitySpans], quoteSpans, edits, workspaceOn) => {
          const suggestions = [
            ...entitySpans.map(([[start, length], label]) => entitySuggestion(start, start + length, label)),
            ...quoteSpans.map(([start, length]): QuoteSuggestion => ({
              start,
              end: start + length,
              kind: 'direct',
              speaker: null,
              score: 1,
              source: 'quote-finder',
            })),
          ];
          const sources = { workspace: workspaceOn, tagger: true, 'quote-finder': true };
          let current = data();
          let open = openSuggestions(suggestions, current, sources);
          let n = 0;
          for (const [what, [start, length], pick] of edits) {
            const prev = current;
            const ids = (r: Record<string, unknown>) => Object.keys(r);
            const one = (r: Record<string, unknown>) => ids(r)[pick % Math.max(1, ids(r).length)];
            const end = start + length;
            if (what === 'tag')
              current = {
                ...current,
                entities: withSpans(current.entities, {
                  [`n${++n}`]: { id: `n${n}`, start, end, label: 'PERSON', text: 'x' },
                }),
              };
            else if (what === 'delete' && one(current.entities))
              current = { ...current, entities: withSpans(current.entities, { [one(current.entities)]: null }) };
            else if (what === 'move' && one(current.entities)) {
              const id = one(current.entities);
              current = {
                ...current,
                entities: withSpans(current.entities, { [id]: { ...current.entities[id], start, end } }),
              };
            } else if (what === 'quote')
              current = {
                ...current,
                quotes: withSpans(current.quotes, {
                  [`q${++n}`]: { id: `q${n}`, start, end, text: 'x', kind: 'direct', speaker: null },
                }),
              };
            else if (what === 'unquote' && one(current.quotes))
              current = { ...current, quotes: withSpans(current.quotes, { [one(current.quotes)]: null }) };
            else if (what === 'reject') {
              const s = suggestions[pick % Math.max(1, suggestions.length)];
              if (s) current = rejectedInto(current, [s], slice).data;
            } else if (what === 'unreject' && current.rejected?.length)
              current = {
                ...current,
                rejected: current.rejected.filter((_, i) => i !== pick % current.rejected!.length),
              };
            const after = openSuggestionsAfterEdit(open, suggestions, prev, current, sources);
            expect(after).toEqual(openSuggestions(suggestions, current, sources));
            open = after!;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a tag, delete or undo looks at the suggestions near it only, not at all 100,000', () => {
    let reads = 0;
    const suggestions: EntitySuggestion[] = Array.from({ length: 100_000 }, (_, i) =>
      Object.defineProperties({ label: 'MISC', score: 1, source: 'tagger' } as EntitySuggestion, {
        start: { get: () => (reads++, i * 10), enumerable: true },
        end: { get: () => (reads++, i * 10 + 5), enumerable: true },
      }),
    );
    const opened = dataFromSidecar(emptySidecar('x.txt', '0'.repeat(64), 1_000_010));
    const open = openSuggestions(suggestions, opened);
    const tagged = {
      ...opened,
      entities: withSpans(opened.entities, {
        t1: { id: 't1', start: 500_000, end: 500_005, label: 'PERSON', text: 'x' },
      }),
    };
    openSuggestionsAfterEdit(open, suggestions, opened, tagged); // the list by position: made on the list's first edit
    reads = 0;
    const afterTag = openSuggestionsAfterEdit(open, suggestions, opened, tagged)!;
    const afterUndo = openSuggestionsAfterEdit(afterTag, suggestions, tagged, opened)!;
    // Binary searches (~17 steps, two offsets each) and the suggestions at the word: the old pass read 400,000.
    expect(reads).toBeLessThan(500);
    expect(afterTag).toHaveLength(99_999);
    expect(afterTag.includes(suggestions[50_000])).toBe(false);
    expect(afterUndo).toEqual(open);
  });
});

test("two suggestions are the same exactly when every field is (as the tagger's answers are compared while it trains)", () => {
  const n = fc.integer({ min: 0, max: 2 });
  const entity = fc.record(
    {
      start: n,
      end: n,
      label: fc.constantFrom('PERSON', 'GPE'),
      score: fc.constantFrom(0.5, 1),
      source: fc.constantFrom('workspace' as const, 'tagger' as const),
      conflicts: fc.array(fc.constantFrom('ORG', 'LOC'), { maxLength: 2 }),
    },
    { requiredKeys: ['start', 'end', 'label', 'score', 'source'] },
  );
  const quote = fc.record({
    start: n,
    end: n,
    kind: fc.constantFrom('direct' as const, 'indirect' as const),
    speaker: fc.option(fc.record({ start: n, end: n })),
    score: fc.constantFrom(0.5, 1),
    source: fc.constant('quote-finder' as const),
  });
  const suggestion = fc.oneof(entity, quote);
  fc.assert(
    fc.property(suggestion, suggestion, (a, b) => {
      expect(sameSuggestion(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      expect(sameSuggestion(a, structuredClone(a))).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

describe("open suggestions after the back end's changes", () => {
  const span = fc.tuple(fc.nat(120), fc.integer({ min: 1, max: 30 }));
  // Few places, labels and scores: ties in position, the same suggestion twice, a changed score.
  const suggestion = fc.oneof(
    fc.record({
      start: fc.nat(120),
      length: fc.integer({ min: 1, max: 30 }),
      label: fc.constantFrom('PERSON', 'GPE'),
      score: fc.constantFrom(0.5, 1),
      source: fc.constantFrom('workspace' as const, 'tagger' as const),
    }),
    fc.record({
      start: fc.nat(120),
      length: fc.integer({ min: 1, max: 30 }),
      score: fc.constantFrom(0.5, 1),
      source: fc.constant('quote-finder' as const),
    }),
  );
  const make = (s: { start: number; length: number; score: number; source: string; label?: string }): Suggestion =>
    s.source === 'quote-finder'
      ? {
          start: s.start,
          end: s.start + s.length,
          kind: 'direct',
          speaker: null,
          score: s.score,
          source: 'quote-finder',
        }
      : {
          start: s.start,
          end: s.start + s.length,
          label: s.label!,
          score: s.score,
          source: s.source as 'workspace' | 'tagger',
        };

  test('are those openSuggestions finds, with the counts, whatever the edits and changes in between', () => {
    fc.assert(
      fc.property(
        fc.array(suggestion, { maxLength: 40 }),
        fc.array(
          fc.oneof(
            fc.tuple(fc.constantFrom('tag', 'delete', 'reject'), span, fc.nat()),
            fc.tuple(
              fc.constant('change'),
              fc.array(fc.nat(), { maxLength: 5 }),
              fc.array(suggestion, { maxLength: 5 }),
            ),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        fc.boolean(),
        (first, steps, workspaceOn) => {
          const sources = { workspace: workspaceOn, tagger: true, 'quote-finder': true };
          // What the back end has (any order), and the editor's list kept from its changes.
          let theirs = first.map(make);
          let list = sortSuggestions(theirs);
          let current = data();
          let open = openSuggestions(list, current, sources);
          let n = 0;
          for (const step of steps) {
            const prev = current;
            const was = list;
            if (step[0] === 'change') {
              const [, gone, come] = step;
              const next = theirs.filter((_, i) => !gone.some((g) => g % theirs.length === i)).concat(come.map(make));
              const changes = diffSuggestions(theirs, next);
              theirs = next;
              list = suggestionsAfterChanges(list, changes.removed, changes.added);
              expect(list).toEqual(sortSuggestions(theirs));
            } else {
              const [what, [start, length], pick] = step;
              const ids = Object.keys(current.entities);
              if (what === 'tag')
                current = {
                  ...current,
                  entities: withSpans(current.entities, {
                    [`n${++n}`]: { id: `n${n}`, start, end: start + length, label: 'PERSON', text: 'x' },
                  }),
                };
              else if (what === 'delete' && ids.length)
                current = { ...current, entities: withSpans(current.entities, { [ids[pick % ids.length]]: null }) };
              else if (what === 'reject' && list.length)
                current = rejectedInto(current, [list[pick % list.length]], slice).data;
            }
            // As the editor does it: the edit with the list it had, then the change.
            const afterEdit = openSuggestionsAfterEdit(open, was, prev, current, sources);
            const after = afterEdit && openSuggestionsAfterChanges(afterEdit, was, list, current, sources);
            const fresh = openSuggestions(theirs, current, sources);
            expect(after).toEqual(fresh);
            expect(countSuggestions(after!)).toEqual(countSuggestions([...fresh]));
            open = after!;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a change of 3 of 100,000 suggestions looks at a few hundred of their offsets, not at all of them', () => {
    let reads = 0;
    const counted = (start: number, end: number): EntitySuggestion =>
      Object.defineProperties({ label: 'MISC', score: 1, source: 'workspace' } as EntitySuggestion, {
        start: { get: () => (reads++, start), enumerable: true },
        end: { get: () => (reads++, end), enumerable: true },
      });
    const many = Array.from({ length: 100_000 }, (_, i) => counted(i * 10, i * 10 + 5));
    const opened = dataFromSidecar(emptySidecar('x.txt', '0'.repeat(64), 1_000_010));
    const list = sortSuggestions(many);
    const open = openSuggestions(list, opened);
    expect(countSuggestions(open).byLabel).toEqual({ MISC: 100_000 });
    reads = 0;
    const next = suggestionsAfterChanges(
      list,
      [{ start: 500_000, end: 500_005, label: 'MISC', score: 1, source: 'workspace' }],
      [
        { start: 12_345, end: 12_350, label: 'PERSON', score: 0.5, source: 'tagger' },
        { start: 900_001, end: 900_003, label: 'MISC', score: 1, source: 'workspace' },
      ],
    );
    const after = openSuggestionsAfterChanges(open, list, next, opened)!;
    const counts = countSuggestions(after);
    // Binary searches (~17 steps, two offsets each) for each of the three, in both lists.
    expect(reads).toBeLessThan(1_000);
    expect(after).toHaveLength(100_001);
    expect(counts).toEqual({
      total: 100_001,
      byLabel: { MISC: 100_000, PERSON: 1 },
      bySource: { workspace: 100_000, tagger: 1 },
    });
    expect(after.some((s) => s.start === 500_000)).toBe(false);
    expect(after).toEqual(openSuggestions([...next], opened));
  });
});
