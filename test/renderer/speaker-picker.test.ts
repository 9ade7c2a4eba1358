// The speaker picker in a selected quote's inspector: rendered (closed) with the inspector after every edit, so its
// options — every entity sorted, 50,000 in a long document — are made only once the list is opened.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TahrirApi } from '../../shared/api';
import type { Entity, Quote } from '../../shared/model';
import { session, startSession } from '../../renderer/session/session';
import { SpeakerPicker, speakerOptions } from '../../renderer/ui/SpeakerPicker';

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
