// The review of entity and quote suggestions: what is open, accepting (one change of the
// data, a quote's speaker made an entity), rejecting (kept in `rejected` for that span,
// whatever label or source suggests it again), counts per label and source.
import { describe, expect, test, vi } from 'vitest';
import {
  acceptedInto,
  countSuggestions,
  isAnnotationRejection,
  openSuggestions,
  rejectedEntitySpans,
  rejectedInto,
} from '../../shared/annotation-review';
import { dataFromSidecar, withSpans } from '../../shared/document-data';
import type { Entity } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';
import { SpanList } from '../../shared/span-list';
import type { EntitySuggestion, QuoteSuggestion } from '../../shared/suggestions';
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
  test('after an edit, each suggestion looks up only the spans over it, to list it or to accept it: no list of every entity is made', () => {
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
    const listed = vi.spyOn(SpanList.prototype, 'toArray');
    const open = openSuggestions([...free, ...taken], edited);
    expect(listed).not.toHaveBeenCalled();
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
