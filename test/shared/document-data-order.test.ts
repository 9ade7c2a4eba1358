// Sorted span lists and counts kept per record, derived change by change from the record
// before (withSpans): always what a full sort and a full count give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/model';
import {
  dataFromSidecar,
  sortedSpans,
  spanAt,
  spanCount,
  spansOverlapping,
  withSpans,
} from '../../shared/document-data';
import { emptySidecar } from '../../shared/sidecar';

const fullSort = (record: Record<string, Entity>) =>
  Object.values(record).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const entity = (id: string, start: number, length: number): Entity => ({
  id,
  start,
  end: start + length,
  label: 'PERSON',
  text: 'x'.repeat(length),
});

// A change: put a span under one of a few ids (often at a start others share), or remove one.
const change = fc.record({
  id: fc.integer({ min: 1, max: 30 }).map((n) => `t${n}`),
  remove: fc.boolean(),
  start: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 1, max: 4 }),
});

describe('sortedSpans and spanCount, change by change', () => {
  it('equal a full sort and a full count after any sequence of changes (some in one step)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 40 }),
        fc.boolean(),
        (steps, askEveryStep) => {
          let record: Record<string, Entity> = {};
          sortedSpans(record);
          spanCount(record);
          for (const step of steps) {
            const changes: Record<string, Entity | null> = {};
            for (const c of step) changes[c.id] = c.remove ? null : entity(c.id, c.start, c.length);
            record = withSpans(record, changes);
            if (askEveryStep) {
              expect(sortedSpans(record)).toEqual(fullSort(record));
              expect(spanCount(record)).toBe(Object.keys(record).length);
            }
          }
          expect(sortedSpans(record)).toEqual(fullSort(record));
          expect(spanCount(record)).toBe(Object.keys(record).length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('answer spanAt and spansOverlapping as a scan of every span does, on every version undo can return to', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 30 }),
        fc.nat({ max: 30 }),
        (steps, askAt) => {
          const versions: Record<string, Entity>[] = [{}];
          for (const [i, step] of steps.entries()) {
            const changes: Record<string, Entity | null> = {};
            for (const c of step) changes[c.id] = c.remove ? null : entity(c.id, c.start, c.length);
            versions.push(withSpans(versions[versions.length - 1], changes));
            // Asked now and then (a click between keypresses), so lists are derived over one step and over many.
            if (i === askAt) spansOverlapping(versions[versions.length - 1], 0, 0);
          }
          for (const record of [...versions].reverse()) {
            const all = fullSort(record);
            for (let pos = 0; pos <= 25; pos++) {
              expect(spansOverlapping(record, pos, pos)).toEqual(all.filter((e) => e.start <= pos && e.end >= pos));
              for (let len = 1; len <= 4; len++)
                expect(spanAt(record, pos, pos + len)).toBe(all.find((e) => e.start === pos && e.end === pos + len));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('lists a record in full when a span it derives from was changed in place, rather than guess', () => {
    const moved = entity('t1', 5, 2);
    const before = withSpans({}, { t1: moved, t2: entity('t2', 1, 2), t4: entity('t4', 7, 2) });
    expect(spansOverlapping(before, 6, 6)).toEqual([moved]);
    Object.assign(moved, { start: 0, end: 1 }); // not what the editor does; a plugin or a test might
    const after = withSpans(before, { t1: null, t3: entity('t3', 11, 1) });
    expect(spansOverlapping(after, 11, 11).map((e) => e.id)).toEqual(['t3']);
    expect(sortedSpans(after).map((e) => e.id)).toEqual(['t2', 't4', 't3']);
  });

  it('a changed record reads as a plain record, in sidecar order, and refuses writes (undo keeps the old one)', () => {
    const opened = dataFromSidecar({
      ...emptySidecar('x.txt', '0'.repeat(64), 10),
      entities: [entity('t1', 0, 2), entity('t2', 4, 2)],
    }).entities;
    const next = withSpans(opened, { t3: entity('t3', 2, 1), t1: null });
    const plain = { t3: entity('t3', 2, 1), t2: entity('t2', 4, 2) };
    expect(Object.keys(next)).toEqual(['t3', 't2']);
    expect(JSON.parse(JSON.stringify(next))).toEqual(plain);
    expect({ ...next }).toEqual(plain);
    expect([Object.hasOwn(next, 't1'), Object.hasOwn(next, 't2'), 't3' in next, next.t1]).toEqual([
      false,
      true,
      true,
      undefined,
    ]);
    expect(() => {
      next.t9 = entity('t9', 0, 1);
    }).toThrow(/immutable/);
    expect(() => delete next.t2).toThrow(/immutable/);
    expect(Object.keys(opened)).toEqual(['t1', 't2']);
    expect(spanCount(next)).toBe(2);
  });

  it('never changes the list of the record before', () => {
    const before = withSpans({}, { t1: entity('t1', 5, 2), t2: entity('t2', 1, 2) });
    const list = sortedSpans(before);
    const copy = [...list];
    const after = withSpans(before, { t3: entity('t3', 0, 1), t1: null });
    expect(sortedSpans(after).map((e) => e.id)).toEqual(['t3', 't2']);
    expect(list).toEqual(copy);
    expect(spanCount(after)).toBe(2);
  });

  it("take an opened sidecar's list as it is only when it is in sidecar order without repeated ids", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (made) => {
        const entities = made.map((c) => entity(c.id, c.start, c.length));
        const data = dataFromSidecar({ ...emptySidecar('a.txt', '0'.repeat(64), 30), entities });
        expect(sortedSpans(data.entities)).toEqual(fullSort(data.entities));
        expect(spanCount(data.entities)).toBe(Object.keys(data.entities).length);
        const next = withSpans(data.entities, { t99: entity('t99', 3, 1) });
        expect(sortedSpans(next)).toEqual(fullSort(next));
      }),
      { numRuns: 500 },
    );
  });
});
