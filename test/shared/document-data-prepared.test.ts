// A document's first edit made ready at open (prepareForEdits): the first tag's nextId no longer reads every id of a
// long document in its keypress, and still gives the same id.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/model';
import { dataFromSidecar, nextId, prepareForEdits, withSpans } from '../../shared/document-data';
import { emptySidecar } from '../../shared/sidecar';

const COUNT = 5_000;

/** A sidecar of COUNT entities (ids t1, t3, … unordered suffixes as a real one's), counting every read of an id. */
function counted(): { data: ReturnType<typeof dataFromSidecar>; reads: () => number; reset: () => void } {
  let reads = 0;
  const sidecar = emptySidecar('long.txt', '0'.repeat(64), COUNT * 10);
  sidecar.entities = Array.from({ length: COUNT }, (_, i) => {
    const id = `t${i === 17 ? 90_000 : i * 2 + 1}`;
    const e = { start: i * 10, end: i * 10 + 4, label: 'PERSON', text: 'name' } as Entity;
    Object.defineProperty(e, 'id', { enumerable: true, get: () => (reads++, id) });
    return e;
  });
  const data = dataFromSidecar(sidecar);
  return { data, reads: () => reads, reset: () => (reads = 0) };
}

describe('prepareForEdits', () => {
  it('works the largest id out once, so the first tag reads no id in its keypress', () => {
    const { data, reads, reset } = counted();
    prepareForEdits(data);
    reset();
    expect(nextId('t', data.entities)).toBe('t90001');
    expect(reads()).toBe(0);
    // The tag itself, then the next one: each a step from the prepared record.
    const entity: Entity = { id: 't90001', start: 3, end: 5, label: 'GPE', text: 'ab' };
    const tagged = withSpans(data.entities, { [entity.id]: entity });
    reset();
    expect(nextId('t', tagged)).toBe('t90002');
    expect(reads()).toBe(0);
  });

  it('is what the first tag did in its keypress without it (every id read)', () => {
    const { data, reads, reset } = counted();
    reset();
    expect(nextId('t', data.entities)).toBe('t90001');
    expect(reads()).toBeGreaterThanOrEqual(COUNT);
  });

  it('gives the same ids as an unprepared record for quotes and edits too', () => {
    const sidecar = emptySidecar('a.txt', '0'.repeat(64), 100);
    sidecar.quotes = [{ id: 'q7', start: 1, end: 9, kind: 'direct', speaker: null, text: 'abcdefgh' }];
    sidecar.edits = [{ id: 'e12', start: 20, end: 25, kind: 'boilerplate', text: 'abcde', replacement: '' }];
    const prepared = dataFromSidecar(sidecar);
    prepareForEdits(prepared);
    expect([nextId('q', prepared.quotes), nextId('e', prepared.edits), nextId('t', prepared.entities)]).toEqual([
      'q8',
      'e13',
      't1',
    ]);
  });
});
