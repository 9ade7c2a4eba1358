// The sidecar's JSON text kept up to date change by change must be exactly the text of the
// sidecar the editor builds as an object (sidecarFromData + JSON.stringify): same keys, same
// key order, same order of spans, whatever the history of changes (undo included) and the text.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';
import { SPAN_LISTS, SidecarText, sidecarHeader, spanJson } from '../../shared/sidecar-text';
import {
  dataFromSidecar,
  nextId,
  sidecarFromData,
  spanAt,
  spanChanges,
  withSpans,
  type DocumentData,
} from '../../shared/document-data';
import { textArb } from './text-arbitraries';

const BASE: Sidecar = { ...emptySidecar('عمّان 👋.txt', 'ab'.repeat(32), 500), annotator: 'سارة' };

/** A span id from a small pool, so changes often hit the same span (replace, remove, re-add). */
const idArb = (prefix: string) => fc.integer({ min: 1, max: 12 }).map((n) => `${prefix}${n}`);
const rangeArb = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 6 })).map(([start, len]) => ({ start, end: start + len }));

const entityArb: fc.Arbitrary<Entity> = fc
  .record({
    id: idArb('t'),
    range: rangeArb,
    label: fc.constantFrom('PERSON', 'GPE', 'شخص'),
    text: textArb(5),
    link: fc.option(textArb(2), { nil: undefined }),
  })
  .map(({ id, range, label, text, link }) => ({ id, ...range, label, text, ...(link !== undefined ? { link } : {}) }));
const quoteArb: fc.Arbitrary<Quote> = fc
  .record({
    id: idArb('q'),
    range: rangeArb,
    text: textArb(6),
    speaker: fc.option(idArb('t'), { nil: null }),
    kind: fc.constantFrom('direct' as const, 'indirect' as const),
  })
  .map(({ id, range, ...rest }) => ({ id, ...range, ...rest }));
const editArb: fc.Arbitrary<Edit> = fc
  .record({
    id: idArb('e'),
    range: rangeArb,
    text: textArb(3),
    replacement: textArb(2),
    kind: fc.constantFrom('boilerplate' as const, 'typo' as const),
  })
  .map(({ id, range, ...rest }) => ({ id, ...range, ...rest }));

type AnySpan = Edit | Entity | Quote;

type Step =
  | { op: 'put'; list: 'entities'; span: Entity }
  | { op: 'put'; list: 'quotes'; span: Quote }
  | { op: 'put'; list: 'edits'; span: Edit }
  | { op: 'remove'; list: 'edits' | 'entities' | 'quotes'; id: string }
  | { op: 'undo'; back: number }
  | { op: 'copy' }
  | { op: 'document'; note: string }
  | { op: 'save' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: entityArb.map((span) => ({ op: 'put' as const, list: 'entities' as const, span })) },
  { weight: 2, arbitrary: quoteArb.map((span) => ({ op: 'put' as const, list: 'quotes' as const, span })) },
  { weight: 1, arbitrary: editArb.map((span) => ({ op: 'put' as const, list: 'edits' as const, span })) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('remove' as const),
      list: fc.constantFrom('edits' as const, 'entities' as const, 'quotes' as const),
      id: fc.constantFrom('t1', 't2', 't3', 'q1', 'q2', 'e1', 'e2'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 5 }) }) },
  // A change not made through withSpans (a reload, a merge): the diff compares everything.
  { weight: 1, arbitrary: fc.constant({ op: 'copy' as const }) },
  { weight: 1, arbitrary: textArb(4).map((note) => ({ op: 'document' as const, note })) },
  { weight: 3, arbitrary: fc.constant({ op: 'save' as const }) },
);

function apply(data: DocumentData, step: Step): DocumentData {
  switch (step.op) {
    case 'put':
      return {
        ...data,
        [step.list]: withSpans(data[step.list] as Record<string, typeof step.span>, { [step.span.id]: step.span }),
      };
    case 'remove':
      return Object.hasOwn(data[step.list], step.id)
        ? { ...data, [step.list]: withSpans(data[step.list] as Record<string, AnySpan>, { [step.id]: null }) }
        : data;
    case 'copy':
      return { ...data, entities: Object.fromEntries(Object.entries(data.entities).map(([id, e]) => [id, { ...e }])) };
    case 'document':
      return { ...data, document: { ...data.document, note: step.note } };
    default:
      return data;
  }
}

/** What the editor would write, as text: the object built in full, stringified. */
function expected(data: DocumentData, stamp?: string): string {
  return JSON.stringify(sidecarFromData(BASE, data, stamp));
}

describe('SidecarText', () => {
  it('is the JSON of the sidecar built in full, after any history of changes, undos and saves', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            entityArb,
            entityArb.map((e) => ({ ...e, id: `t${e.id.slice(1)}0` })),
          ),
        ),
        fc.array(stepArb, { maxLength: 60 }),
        // Chunks of a few spans too, so they split and empty here as they do at 50,000 spans.
        fc.constantFrom(1, 2, 3, 512),
        (initial, steps, chunkSize) => {
          let data = dataFromSidecar({ ...BASE, entities: initial });
          const history: DocumentData[] = [data];
          const text = new SidecarText(chunkSize);
          text.reset({
            edits: Object.values(data.edits),
            entities: Object.values(data.entities),
            quotes: Object.values(data.quotes),
          });
          let sent = data;
          let n = 0;
          for (const step of steps) {
            if (step.op === 'undo') data = history[Math.max(0, history.length - 1 - step.back)];
            else data = apply(data, step);
            history.push(data);
            if (step.op !== 'save') continue;
            for (const list of SPAN_LISTS) text.apply(list, spanChanges<AnySpan>(sent[list], data[list]));
            sent = data;
            const stamp = `2026-11-28T10:00:${String(n++ % 60).padStart(2, '0')}Z`;
            const mine = text.text(sidecarHeader(BASE, data.document, data.rejected, stamp));
            expect(mine).toBe(expected(data, stamp));
            expect(JSON.parse(mine)).toEqual(JSON.parse(expected(data, stamp)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('joins about a chunk of span JSON for a change, at 50,000 spans as at 1,000 (not the whole list again)', () => {
    const header = sidecarHeader(BASE, BASE.document);
    /** Span JSON texts joined (Array.prototype.join's arrays' lengths) by the text after one relabel among n spans. */
    const joinedAfterAChange = (n: number): number => {
      const entities: Entity[] = Array.from({ length: n }, (_, i) => ({
        id: `t${i + 1}`,
        start: i * 10,
        end: i * 10 + 5,
        label: 'PERSON',
        text: 'كلمة',
      }));
      const text = new SidecarText();
      text.reset({ edits: [], entities, quotes: [] });
      text.text(header);
      const join = vi.spyOn(Array.prototype, 'join');
      try {
        const relabelled: Entity = { ...entities[n >> 1], label: 'ORG' };
        text.apply('entities', { put: [relabelled], removed: [] });
        expect(JSON.parse(text.text(header)).entities[n >> 1].label).toBe('ORG');
        return join.mock.contexts.reduce((sum: number, joined) => sum + (joined as unknown[]).length, 0);
      } finally {
        join.mockRestore();
      }
    };
    // The old list joined every span's JSON: 1,000 and 50,000.
    expect(joinedAfterAChange(1_000)).toBeLessThanOrEqual(1_024);
    expect(joinedAfterAChange(50_000)).toBeLessThanOrEqual(1_024);
  });

  it('takes a document handed over in parts (many spans put at once) as if reset with all of it', () => {
    fc.assert(
      fc.property(
        fc.array(entityArb, { minLength: 100, maxLength: 400 }),
        fc.array(quoteArb, { minLength: 70, maxLength: 100 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(1, 7, 512),
        (entities, quotes, part, chunkSize) => {
          // Distinct ids, so parts hold more spans than one insertion at a time is used for.
          const data = dataFromSidecar({
            ...BASE,
            entities: entities.map((e, i) => ({ ...e, id: `t${i + 1}` })),
            quotes: quotes.map((q, i) => ({ ...q, id: `q${i + 1}` })),
          });
          const all = { edits: [], entities: Object.values(data.entities), quotes: Object.values(data.quotes) };
          const whole = new SidecarText();
          whole.reset(all);
          const inParts = new SidecarText(chunkSize);
          inParts.reset({ edits: [], entities: all.entities.slice(0, part), quotes: [] });
          for (let at = part; at < all.entities.length; at += part)
            inParts.apply('entities', { put: all.entities.slice(at, at + part), removed: [] });
          inParts.apply('quotes', { put: all.quotes, removed: [] });
          const header = sidecarHeader(BASE, data.document);
          expect(inParts.text(header)).toBe(whole.text(header));
          expect(inParts.text(header)).toBe(expected(data));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the optional fields in the order and presence of the file', () => {
    const data = dataFromSidecar(BASE);
    const text = new SidecarText();
    text.reset({ edits: [], entities: [], quotes: [] });
    const rejected = [{ rule: 'read-more', start: 1, end: 4, text: 'اقرأ' }];
    for (const [rej, stamp, who] of [
      [undefined, undefined, undefined],
      [rejected, '2026-11-28T10:00:00Z', undefined],
      [rejected, undefined, 'Omar'],
      [undefined, '2026-11-28T10:00:00Z', 'Omar'],
    ] as const) {
      const d = rej ? { ...data, rejected: [...rej] } : data;
      expect(text.text(sidecarHeader(BASE, d.document, d.rejected, stamp, who))).toBe(
        JSON.stringify(sidecarFromData(BASE, d, stamp, who)),
      );
    }
    const bare: Sidecar = emptySidecar('a.txt', 'cd'.repeat(32), 3);
    expect(text.text(sidecarHeader(bare, bare.document))).toBe(
      JSON.stringify(sidecarFromData(bare, dataFromSidecar(bare))),
    );
  });

  it('makes each span JSON once, and orders spans by start, end, then id', () => {
    const a: Entity = { id: 't10', start: 3, end: 5, label: 'PERSON', text: '👨‍👩‍👧' };
    const b: Entity = { id: 't9', start: 3, end: 5, label: 'PERSON', text: 'عمّان' };
    const c: Entity = { id: 't1', start: 3, end: 4, label: 'GPE', text: 'e\u0301' };
    expect(spanJson(a)).toBe(JSON.stringify(a));
    expect(spanJson(a)).toBe(spanJson(a));
    const text = new SidecarText();
    text.reset({ edits: [], entities: [a, b, c], quotes: [] });
    const ids = (JSON.parse(text.text(sidecarHeader(BASE, BASE.document))) as Sidecar).entities.map((e) => e.id);
    expect(ids).toEqual(['t1', 't10', 't9']);
    text.apply('entities', { put: [{ ...c, start: 6, end: 7 }], removed: ['t10', 'nope'] });
    expect(
      (JSON.parse(text.text(sidecarHeader(BASE, BASE.document))) as Sidecar).entities.map((e) => [e.id, e.start]),
    ).toEqual([
      ['t9', 3],
      ['t1', 6],
    ]);
    expect(text.count('entities')).toBe(2);
  });
});

describe('spanAt', () => {
  it('finds the span exactly on a range, as a scan of every span would', () => {
    fc.assert(
      fc.property(
        fc.array(entityArb.map((e) => ({ ...e, orphaned: e.text.length % 3 === 0 || undefined }))),
        rangeArb,
        (spans, r) => {
          const record = dataFromSidecar({ ...BASE, entities: spans }).entities;
          const accept = (e: Entity) => !e.orphaned;
          const found = spanAt(record, r.start, r.end, accept);
          const all = Object.values(record).filter((e) => e.start === r.start && e.end === r.end && accept(e));
          if (all.length === 0) expect(found).toBeUndefined();
          else expect(all).toContain(found);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('spanChanges and nextId on records changed through withSpans', () => {
  it('finds the changes between versions a few steps apart either way, without comparing every span', () => {
    let record: Record<string, Entity> = {};
    for (let i = 1; i <= 2000; i++)
      record[`t${i}`] = { id: `t${i}`, start: i * 3, end: i * 3 + 2, label: 'PERSON', text: 'بايدن' };
    const start = record;
    expect(nextId('t', start)).toBe('t2001');
    const added: Entity = { id: nextId('t', record), start: 1, end: 2, label: 'GPE', text: '🇯🇴' };
    record = withSpans(record, { [added.id]: added });
    record = withSpans(record, { t5: null });
    const relabelled = { ...record.t7, label: 'ORG' };
    record = withSpans(record, { t7: relabelled });
    const forward = spanChanges(start, record);
    expect(forward.put.sort((a, b) => a.start - b.start)).toEqual([added, relabelled]);
    expect(forward.removed).toEqual(['t5']);
    // undo: back to the start
    const backward = spanChanges(record, start);
    expect(backward.put.map((e) => e.id).sort()).toEqual(['t5', 't7']);
    expect(backward.removed).toEqual(['t2001']);
    // undo twice, then a different change: versions on two branches
    const branch = withSpans(withSpans(start, { t2001: added }), { t9: null });
    const across = spanChanges(record, branch);
    expect(across.put.map((e) => e.id).sort()).toEqual(['t5', 't7']);
    expect(across.removed).toEqual(['t9']);
    // nextId follows removals of the largest id and additions alike
    expect(nextId('t', record)).toBe('t2002');
    expect(nextId('t', withSpans(record, { t2001: null }))).toBe('t2001');
    expect(nextId('q', record)).toBe('q1');
    // A record filled in place (not through withSpans) is counted afresh each time.
    const filling: Record<string, Entity> = { ...record };
    for (const n of [2002, 2003]) {
      expect(nextId('t', filling)).toBe(`t${n}`);
      filling[`t${n}`] = { ...added, id: `t${n}` };
    }
    expect(nextId('t', filling)).toBe('t2004');
  });

  it("reads a long record's ids from its span list, not key by key, when it must look at them all", () => {
    const entities: Entity[] = [];
    for (let i = 1; i <= 20_000; i++)
      entities.push({ id: `t${i}`, start: i * 3, end: i * 3 + 2, label: 'PERSON', text: 'بايدن' });
    const opened = dataFromSidecar({ ...BASE, entities }).entities;
    const tagged = withSpans(opened, { t20001: { ...entities[0], id: 't20001', start: 1, end: 2 } });
    const keys = vi.spyOn(Object, 'keys');
    try {
      // The first tag of an opened document, and the one after deleting the largest id: both scan every id.
      expect(nextId('t', opened)).toBe('t20001');
      expect(nextId('t', tagged)).toBe('t20002');
      expect(nextId('t', withSpans(tagged, { t20001: null, t20000: null }))).toBe('t20000');
      // Listing a 20,000-span record's keys (a view of its span list: each key one call of a Proxy trap) is not how.
      const listedRecords = keys.mock.calls.filter(
        ([o]) => typeof o === 'object' && o !== null && Object.hasOwn(o, 't1'),
      );
      expect(listedRecords).toEqual([]);
    } finally {
      keys.mockRestore();
    }
    // Ids the editor did not make read as they always were: a number after the prefix, whatever its spelling.
    const odd = dataFromSidecar({
      ...BASE,
      entities: [
        { ...entities[0], id: 't1e3' },
        { ...entities[1], id: 't007' },
        { ...entities[2], id: 'tx9' },
      ],
    }).entities;
    expect(nextId('t', odd)).toBe('t1001');
    expect(nextId('t', withSpans(odd, { t1e3: null }))).toBe('t8');
  });
});
