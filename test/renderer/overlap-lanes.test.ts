// The lanes of nested and crossing entities (nesting-band.ts) and the quote → speaker links
// (speaker-links.ts): pure, so checked here; the e2e suite (test/e2e/overlaps.test.ts) draws them.
import { describe, expect, it, vi } from 'vitest';
import { dataFromSidecar, withSpans, type DocumentData } from '../../shared/document-data';
import type { Entity, Quote } from '../../shared/model';
import { overlapLanes } from '../../renderer/text/nesting-band';
import { lacksSpeaker, speakerLinks } from '../../renderer/text/speaker-links';
import { emptySidecar } from '../../shared/sidecar';
import { SpanList } from '../../shared/span-list';

const item = (key: string, start: number, end: number) => ({ key, name: 'tahrir-label-0', start, end });
const lanes = (items: ReturnType<typeof item>[]) =>
  overlapLanes(items)
    .map((x) => `${x.key}:${x.lane}`)
    .sort();

describe('overlapLanes', () => {
  it('leaves entities alone out; the outer one of a nest gets lane 0, the inner lane 1', () => {
    expect(lanes([item('a', 0, 5), item('b', 10, 15)])).toEqual([]);
    expect(lanes([item('inner', 4, 9), item('outer', 0, 20), item('alone', 30, 35)])).toEqual(['inner:1', 'outer:0']);
  });

  it('gives crossing entities different lanes, and reuses a lane once it is free', () => {
    expect(lanes([item('a', 0, 10), item('b', 5, 15), item('c', 12, 20)])).toEqual(['a:0', 'b:1', 'c:0']);
  });

  it('stacks three deep, and the same extent twice takes two lanes (the key breaks the tie)', () => {
    expect(lanes([item('c', 2, 4), item('a', 0, 10), item('b', 1, 8)])).toEqual(['a:0', 'b:1', 'c:2']);
    expect(lanes([item('y', 0, 5), item('x', 0, 5)])).toEqual(['x:0', 'y:1']);
  });

  it('touching is not overlapping', () => {
    expect(lanes([item('a', 0, 5), item('b', 5, 10)])).toEqual([]);
  });
});

describe('speakerLinks', () => {
  it("finds an entity's quotes by an index made once per version of the quotes, not by going through every quote", () => {
    const entities: Entity[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `t${i + 1}`,
      start: i * 100,
      end: i * 100 + 5,
      label: 'PERSON',
      text: 'x',
    }));
    const quotes: Quote[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `q${i + 1}`,
      start: i * 100 + 10,
      end: i * 100 + 50,
      text: 'y',
      speaker: `t${(i % 500) + 1}`,
      kind: 'direct',
    }));
    const opened = dataFromSidecar({ ...emptySidecar('x.txt', '0'.repeat(64), 200_000), entities, quotes });
    // A quote edited (the quotes are a span-list view now), then entities tagged and deleted (the quotes stay as they are).
    let data: DocumentData = { ...opened, quotes: withSpans(opened.quotes, { q1: { ...quotes[0], speaker: 't2' } }) };
    expect(speakerLinks(data, [{ kind: 'entity', id: 't2' }]).map((l) => l.quote.id)).toEqual([
      'q1',
      'q2',
      'q502',
      'q1002',
      'q1502',
    ]);
    const listed = vi.spyOn(SpanList.prototype, 'toArray');
    for (let i = 3; i < 50; i++) {
      data = { ...data, entities: withSpans(data.entities, { [`t${i}`]: null }) };
      expect(speakerLinks(data, [{ kind: 'entity', id: `t${i + 1}` }])).toHaveLength(4);
    }
    expect(listed).not.toHaveBeenCalled();
    listed.mockRestore();
  });

  const kishida: Entity = { id: 't1', start: 0, end: 7, label: 'PERSON', text: 'Kishida' };
  const other: Entity = { id: 't2', start: 20, end: 25, label: 'GPE', text: 'Tokyo' };
  const q1: Quote = { id: 'q1', start: 10, end: 18, text: 'we talk', speaker: 't1', kind: 'direct' };
  const q2: Quote = { id: 'q2', start: 30, end: 38, text: 'again', speaker: 't1', kind: 'direct' };
  const q3: Quote = { id: 'q3', start: 40, end: 48, text: 'nobody', speaker: null, kind: 'indirect' };
  const data = {
    entities: { t1: kishida, t2: other },
    quotes: { q1, q2, q3 },
    edits: {},
  } as unknown as DocumentData;

  it('links a quote to its speaker, and a speaker to each of its quotes, once each', () => {
    expect(speakerLinks(data, [{ kind: 'quote', id: 'q1' }])).toEqual([{ quote: q1, speaker: kishida }]);
    expect(
      speakerLinks(data, [
        { kind: 'entity', id: 't1' },
        { kind: 'quote', id: 'q1' },
      ]),
    ).toEqual([
      { quote: q1, speaker: kishida },
      { quote: q2, speaker: kishida },
    ]);
    expect(speakerLinks(data, [{ kind: 'quote', id: 'q3' }, { kind: 'entity', id: 't2' }, null])).toEqual([]);
  });

  it('a quote lacks a speaker with neither an entity nor a typed name', () => {
    expect(lacksSpeaker(q3)).toBe(true);
    expect(lacksSpeaker(q1)).toBe(false);
    expect(lacksSpeaker({ ...q3, speakerName: 'a spokesman' })).toBe(false);
  });
});
