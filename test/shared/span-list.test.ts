// The persistent span list against a plain sorted array: after any sequence of tag, delete,
// relabel, undo and redo, the same ids, order, lookups by id and by position; every old version
// (what undo returns to) still answers as it did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/model';
import { compareSpans } from '../../shared/sidecar-text';
import { SpanList } from '../../shared/span-list';

const entity = (id: string, start: number, length: number, label = 'PERSON'): Entity => ({
  id,
  start,
  end: start + length,
  label,
  text: 'x'.repeat(length),
});

type Model = readonly Entity[];

const put = (model: Model, e: Entity): Model => [...model.filter((x) => x.id !== e.id), e].sort(compareSpans);
const remove = (model: Model, id: string): Model => model.filter((x) => x.id !== id);

const op = fc.oneof(
  fc.record({
    kind: fc.constant('tag' as const),
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat(), label: fc.constantFrom('PERSON', 'ORG', 'LOC') }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), start: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
);

function expectSame(list: SpanList<Entity>, model: Model): void {
  expect(list.size).toBe(model.length);
  expect(list.toArray()).toEqual(model);
  expect([...list]).toEqual(model);
  // Lookups gathered into one list each side, so a failure shows every difference at once.
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const e of model) {
    got.push(list.get(e.id));
    want.push(e);
  }
  for (let n = 0; n < 70; n += 7) {
    got.push(list.has(`t${n}`));
    want.push(model.some((e) => e.id === `t${n}`));
  }
  for (let start = 0; start <= 44; start += 3)
    for (let end = start; end <= start + 8; end += 2) {
      const first = model.find((e) => e.start === start && e.end === end);
      const second = first ? model.find((e) => e.start === start && e.end === end && e !== first) : undefined;
      got.push(
        list.spanAt(start, end),
        list.spanAt(start, end, (e) => e !== first),
        list.overlapping(end, start),
      );
      want.push(
        first,
        second,
        model.filter((e) => e.start <= start && e.end >= end),
      );
    }
  expect(got).toEqual(want);
}

describe('SpanList', () => {
  it('matches a plain sorted array after random tag/delete/relabel/move/undo/redo, old versions intact', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.constantFrom(1, 2, 3, 256),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 })), { maxLength: 12 }),
        (ops, chunkSize, initial) => {
          const opened = initial.map(([start, length], i) => entity(`t${i + 1}`, start, length));
          let list = SpanList.of(opened, chunkSize);
          let model: Model = [...opened].sort(compareSpans);
          const past: [SpanList<Entity>, Model][] = [];
          const future: [SpanList<Entity>, Model][] = [];
          const versions: [SpanList<Entity>, Model][] = [[list, model]];
          let nextId = opened.length + 1;
          for (const o of ops) {
            const pick = (n: number) => model[n % model.length];
            let step: [SpanList<Entity>, Model] | null = null;
            if (o.kind === 'tag') {
              const e = entity(`t${nextId++}`, o.start, o.length);
              step = [list.with({ [e.id]: e }), put(model, e)];
            } else if (o.kind === 'delete' && model.length > 0) {
              const id = pick(o.pick).id;
              step = [list.with({ [id]: null }), remove(model, id)];
            } else if (o.kind === 'relabel' && model.length > 0) {
              const e = { ...pick(o.pick), label: o.label };
              step = [list.with({ [e.id]: e }), put(model, e)];
            } else if (o.kind === 'move' && model.length > 0) {
              const old = pick(o.pick);
              const e = { ...old, start: o.start, end: o.start + (old.end - old.start) };
              step = [list.with({ [e.id]: e }), put(model, e)];
            } else if (o.kind === 'undo' && past.length > 0) {
              future.push([list, model]);
              [list, model] = past.pop()!;
            } else if (o.kind === 'redo' && future.length > 0) {
              past.push([list, model]);
              [list, model] = future.pop()!;
            }
            if (step) {
              past.push([list, model]);
              future.length = 0;
              [list, model] = step;
              versions.push(step);
            }
            expectSame(list, model);
          }
          for (const [v, m] of versions) expectSame(v, m);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('puts and removes several spans in one change, and returns itself when nothing changes', () => {
    const a = entity('t1', 0, 3);
    const b = entity('t2', 5, 2);
    const list = SpanList.of([a, b], 1);
    expect(list.with({ t1: a })).toBe(list);
    expect(list.with({ t9: null })).toBe(list);
    const c = entity('t3', 1, 1);
    const next = list.with({ t1: null, t3: c, t2: { ...b, label: 'ORG' } });
    expect(next.toArray().map((e) => [e.id, e.label])).toEqual([
      ['t3', 'PERSON'],
      ['t2', 'ORG'],
    ]);
    expect(list.toArray()).toEqual([a, b]);
  });

  it('keeps one span per id when built from a list with repeats (the later wins)', () => {
    const list = SpanList.of([entity('t1', 0, 3), entity('t1', 4, 1)]);
    expect(list.toArray()).toEqual([entity('t1', 4, 1)]);
  });
});
