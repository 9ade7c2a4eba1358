// serializeSidecar writes each item's keys in SIDECAR-FORMAT.md's order; an item already in that
// order is written as it is, not copied (orderedSidecar), and any other still comes out in order.
import { describe, expect, it } from 'vitest';
import type { Sidecar } from '../../shared/model';
import { orderedSidecar, parseSidecar, serializeSidecar } from '../../shared/sidecar';

const ENTITY = { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'Sara', link: 'Q1', createdBy: 'lina' };
const ENTITY_KEYS = Object.keys(ENTITY);

function sidecarWith(entities: object[], extra: Partial<Sidecar> = {}): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'a'.repeat(64), length: 40 },
    document: { status: 'done' },
    edits: [],
    entities,
    quotes: [],
    ...extra,
  } as unknown as Sidecar;
}

/** Every order of `keys` (7 keys: 5,040 orders). */
function* orders(keys: string[]): Generator<string[]> {
  if (keys.length <= 1) yield keys;
  else
    for (let i = 0; i < keys.length; i++)
      for (const rest of orders([...keys.slice(0, i), ...keys.slice(i + 1)])) yield [keys[i], ...rest];
}

describe('items written in the format’s key order', () => {
  it('writes an entity whatever the order of its keys the same, known keys first', () => {
    const expected = serializeSidecar(sidecarWith([ENTITY]));
    expect(expected.indexOf('"id"')).toBeLessThan(expected.indexOf('"createdBy"'));
    let checked = 0;
    for (const keys of orders(ENTITY_KEYS)) {
      const entity = Object.fromEntries(keys.map((k) => [k, ENTITY[k as keyof typeof ENTITY]]));
      expect(serializeSidecar(sidecarWith([entity]))).toBe(expected);
      checked++;
    }
    expect(checked).toBe(5040);
  });

  it('drops undefined keys, puts unknown keys after the known ones, and keeps an own "__proto__" out', () => {
    const unknownFirst = { note: 'x', ...ENTITY };
    const withUndefined = { ...ENTITY, link: undefined };
    const parsed = JSON.parse('{"id":"t1","start":0,"end":4,"label":"PERSON","text":"Sara","__proto__":{"a":1}}');
    const written = JSON.parse(serializeSidecar(sidecarWith([unknownFirst, withUndefined, parsed])));
    expect(Object.keys(written.entities[0])).toEqual([...ENTITY_KEYS, 'note']);
    expect(Object.keys(written.entities[1])).toEqual(ENTITY_KEYS.filter((k) => k !== 'link'));
    expect(Object.keys(written.entities[2])).toEqual(['id', 'start', 'end', 'label', 'text']);
    const history = { statusHistory: [{ at: '2026-01-01T00:00:00Z', status: 'done' }] } as Partial<Sidecar>;
    expect(Object.keys(JSON.parse(serializeSidecar(sidecarWith([], history))).statusHistory[0])).toEqual([
      'status',
      'at',
    ]);
  });

  it('takes the items of a parsed canonical file as they are, without copying them', () => {
    const quote = { id: 'q1', start: 0, end: 4, text: 'Sara', speaker: null, kind: 'direct' };
    const sidecar = parseSidecar(serializeSidecar(sidecarWith([ENTITY], { quotes: [quote] } as Partial<Sidecar>)));
    const ordered = orderedSidecar(sidecar) as { entities: object[]; quotes: object[] };
    expect(ordered.entities[0]).toBe(sidecar.entities[0]);
    expect(ordered.quotes[0]).toBe(sidecar.quotes[0]);
    // One out of order is a copy, in order; the sidecar given is left as it was.
    const { id, ...rest } = ENTITY;
    const late = { ...rest, id };
    const copied = orderedSidecar(sidecarWith([late])) as { entities: object[] };
    expect(copied.entities[0]).not.toBe(late);
    expect(Object.keys(copied.entities[0])).toEqual(ENTITY_KEYS);
    expect(Object.keys(late)[0]).toBe('start');
  });
});
