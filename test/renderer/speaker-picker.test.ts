// The speaker picker in a selected quote's inspector: rendered (closed) with the inspector after every edit, so its
// options — every entity sorted, 50,000 in a long document — are made only once the list is opened.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TahrirApi } from '../../shared/api';
import type { Entity, Quote } from '../../shared/model';
import { session, startSession } from '../../renderer/session/session';
import { SpeakerPicker, speakerOptions } from '../../renderer/ui/SpeakerPicker';
import { SpanInspector } from '../../renderer/ui/SpanInspector';
import { store } from '../../renderer/session/store';
import { spanListOf } from '../../shared/document-data';

const entity = (id: string, start: number, text: string, label: string): Entity => ({
  id,
  start,
  end: start + text.length,
  text,
  label,
});
const entities = [
  entity('e1', 0, 'Cairo', 'GPE'),
  entity('e2', 10, 'Biden', 'PERSON'),
  entity('e3', 20, 'Reuters', 'ORG'),
  entity('e4', 30, 'Biden', 'PERSON'),
  entity('e5', 40, 'بايدن', 'PERSON'),
];
const quote = {
  id: 'q1',
  start: 50,
  end: 60,
  text: 'we will go on',
  kind: 'direct',
  speaker: null,
} as unknown as Quote;

describe('SpeakerPicker', () => {
  // Rendering reads only the session's locale: no call reaches the API.
  beforeAll(() => void startSession({} as TahrirApi));
  afterAll(() => session().dispose());

  it('offers each name once, people first in document order, and the typed name when none is it', () => {
    expect(speakerOptions(entities, '', 'PERSON').map((o) => o.text)).toEqual(['Biden', 'بايدن', 'Cairo', 'Reuters']);
    expect(speakerOptions(entities, ' بايدن ', 'PERSON').map((o) => o.key)).toEqual(['e5']);
    expect(speakerOptions(entities, 'Blinken', 'PERSON').map((o) => [o.key, o.text])).toEqual([['name', 'Blinken']]);
  });

  it('closed, it does not go through the entities at all', () => {
    let reads = 0;
    const watched = new Proxy(entities, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === 'length') reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const html = renderToString(createElement(SpeakerPicker, { quote, entities: watched, personLabel: 'PERSON' }));
    expect(html).toContain('aria-expanded="false"');
    expect(reads).toBe(0);
  });
});

describe('SpanInspector of a quote', () => {
  beforeAll(() => void startSession({} as TahrirApi));
  afterAll(() => session().dispose());

  /**
   * The inspector of quote `q` rendered over `n` entities; how many entities it went through (the record's SpanList
   * made first, as the editor has one for each record it holds: an edit's record is derived with its own).
   */
  function render(q: Quote, n: number): { html: string; walked: number } {
    const record: Record<string, Entity> = {};
    for (let i = 0; i < n; i++) record[`e${i}`] = entity(`e${i}`, 100 + 10 * i, i % 2 ? 'Biden' : 'Cairo', 'PERSON');
    const list = spanListOf(record);
    store().setState({
      doc: { id: 'd', file: 'd.txt', source: 'x'.repeat(100 + 10 * n), base: {}, readOnly: null } as never,
      data: { entities: record, quotes: { [q.id]: q }, edits: {} } as never,
      selected: { kind: 'quote', id: q.id },
    });
    let walked = 0;
    const proto = Object.getPrototypeOf(list) as { toArray(): Entity[]; [Symbol.iterator](): Iterator<Entity> };
    const { toArray, [Symbol.iterator]: iterate } = proto;
    proto.toArray = function (this: typeof list) {
      walked += this.size;
      return toArray.call(this);
    };
    proto[Symbol.iterator] = function (this: typeof list) {
      walked += this.size;
      return iterate.call(this);
    };
    try {
      return { html: renderToString(createElement(SpanInspector)), walked };
    } finally {
      proto.toArray = toArray;
      proto[Symbol.iterator] = iterate;
    }
  }

  it('shows its speaker without going through every entity (rendered again after each edit while selected)', () => {
    const { html, walked } = render({ ...quote, speaker: 'e1' } as Quote, 10_000);
    expect(html).toContain('Biden');
    // Before: every entity copied into a list in order (sortedSpans) on each render, to find the speaker in it.
    expect(walked).toBe(0);
  });

  it('still suggests a speaker for a quote without one', () => {
    const source = 'Biden said: "we will go on".';
    const e = entity('e1', 0, 'Biden', 'PERSON');
    store().setState({
      doc: { id: 'd', file: 'd.txt', source, base: {}, readOnly: null } as never,
      data: {
        entities: { e1: e },
        quotes: { q1: { ...quote, start: 12, end: 26, text: '"we will go on"' } },
        edits: {},
      } as never,
      selected: { kind: 'quote', id: 'q1' },
    });
    const html = renderToString(createElement(SpanInspector));
    expect(html).toContain('class="suggestion"');
  });
});
