import { describe, expect, it } from 'vitest';
import type { EditorStart } from '../../shared/api';
import { FIRST_SCREEN_UNITS, firstScreenCut, splitAtFirstScreen } from '../../shared/first-screen';
import type { Entity } from '../../shared/model';
import { firstPartJson, joinStart, restPartJson } from '../../shared/start-answer-wire';

const entity = (id: string, start: number, end: number): Entity => ({ id, start, end, label: 'ORG', text: 'x' });

describe('the first screen of a long document', () => {
  it('is a short document whole', () => {
    expect(firstScreenCut('قال الوزير\nإن 😀')).toEqual({ units: 16, codePoints: 15 });
  });

  it('ends at the first line end after FIRST_SCREEN_UNITS units, counted in code points for the spans', () => {
    const line = '😀 نص '.repeat(200) + '\n'; // 1,201 units, 1,001 code points
    const source = line.repeat(30);
    const cut = firstScreenCut(source);
    expect(cut.units).toBe(Math.ceil(FIRST_SCREEN_UNITS / line.length) * line.length - 1);
    expect(source[cut.units]).toBe('\n');
    expect(cut.codePoints).toBe([...source.slice(0, cut.units)].length);
  });

  it('carries every span that starts before the cut, nested and crossing ones included, and the rest after', () => {
    const spans = [entity('a', 0, 5), entity('b', 2, 40), entity('c', 9, 10), entity('d', 10, 12), entity('e', 30, 31)];
    expect(splitAtFirstScreen(spans, 10)).toEqual({ head: spans.slice(0, 3), rest: spans.slice(3) });
  });

  it('is not made when the spans are not in file order across the cut, or none come after it', () => {
    expect(splitAtFirstScreen([entity('a', 0, 5), entity('d', 20, 22), entity('b', 3, 4)], 10)).toBeNull();
    expect(splitAtFirstScreen([entity('a', 0, 5), entity('b', 3, 40)], 10)).toBeNull();
    expect(splitAtFirstScreen([], 10)).toBeNull();
  });
});

describe('startEditor’s answer in two parts', () => {
  const spans = [entity('a', 0, 5), entity('b', 2, 40), entity('d', 10, 12), entity('e', 30, 31)];
  const whole: EditorStart = {
    workspace: { root: '/w', name: 'w', config: { labels: [] }, documents: [] },
    first: {
      id: 'doc',
      opened: {
        id: 'doc',
        file: 'doc.txt',
        text: 'نص "x"}',
        revision: null,
        sidecar: {
          version: 1,
          source: { file: 'doc.txt', sha256: '0', length: 7 },
          document: { status: 'todo' },
          edits: [],
          entities: spans,
          quotes: [],
        },
      },
    },
  } as unknown as EditorStart;

  it('parses part by part, and whole, to the same answer', () => {
    const split = splitAtFirstScreen(spans, 10)!;
    const opened = (whole.first as { opened: { sidecar: object } }).opened;
    const head = {
      ...whole,
      first: { id: 'doc', opened: { ...opened, sidecar: { ...opened.sidecar, entities: split.head } } },
    };
    // As serve.ts writes it: the answer without its closing brace, then the rest of the entities.
    const first = JSON.stringify({ result: head }).slice(0, -1);
    const rest = `,"entities":${JSON.stringify(split.rest)}}`;
    const firstPart = JSON.parse(firstPartJson(first)) as { result: EditorStart };
    expect(firstPart.result).toEqual(head);
    const restPart = JSON.parse(restPartJson(rest)) as { entities: Entity[] };
    expect(joinStart(firstPart.result, restPart)).toEqual(whole);
    const body = JSON.parse(first + rest) as { result: EditorStart; entities: Entity[] };
    expect(joinStart(body.result, body)).toEqual(whole);
    expect(joinStart(whole, {})).toEqual(whole);
  });
});
