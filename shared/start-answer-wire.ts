// `tahrir serve`'s first answer (startEditor) in two parts, one response: first the workspace and the document with
// only its first screen's text, entities and quotes (shared/first-screen.ts), then the rest of its text and its other
// entities and quotes. The page paints the first screen from the first part while the rest is still arriving
// (renderer/api-http.ts reads the body as a stream); the app opens the document only once it is whole, so no edit or
// save ever sees a part of its text, entities or quotes.
//
//   body    {"result": EditorStart (first.opened: the first screen's text, entities, quotes)  ,"text": "the rest of
//           \______________ FIRST_PART_HEADER bytes ____________________________________/   the text",
//           "entities": [the rest], "quotes": [the rest]}
//
// The first part carries the document's first screen only: at 50,000 entities on a 1.5 MB article it carried the whole
// text (1.78 MB), decoded and parsed on the page's main thread before the paint; the first screen's is ~30 KB. Its
// quotes too: all 500 of the bench's long article were 131 KB (10k) and 148 KB (50k) of the 199 / 247 KB that the
// started page inlines (electron/started-page.ts), where the first screen shows 11 of them.
// The whole body is one JSON value, read as such by a client that does not stream it.
import type { EditorStart, OpenedDocument } from './api';
import type { EntityListStart } from './entity-groups';
import type { Entity, Quote } from './model';

/** The response header giving the first part's length in bytes, when the answer comes in two parts. */
export const FIRST_PART_HEADER = 'x-tahrir-first-part';

/** What the whole body parses to when the answer comes in two parts. */
export interface StartInParts {
  result: EditorStart;
  /** The first document's text after its first screen's (from the line end where the first screen's ends). */
  text?: string;
  /** The first document's entities after its first screen's, in file order. */
  entities?: Entity[];
  /** The first document's quotes after its first screen's, in file order. */
  quotes?: Quote[];
}

/** The first part's document: its text is the first screen's only when `restLineLengths` is there. */
export interface FirstScreenDocument extends OpenedDocument {
  /**
   * The lengths (UTF-16 units) of the text's lines after its first screen's (the early paint keeps their room, the
   * scroll bar's length, before the text is in).
   */
  restLineLengths?: number[];
  /**
   * The side panel's entity list as the document opens (shared/entity-groups.ts): drawn by the early paint with the
   * first screen, before the entities after it (and app.js) are here.
   */
  entityList?: EntityListStart;
}

/** The lengths (UTF-16 units) of `source`'s lines from `from`. */
export function lineLengths(source: string, from: number): number[] {
  const out: number[] = [];
  for (let at = from; at < source.length;) {
    let end = source.indexOf('\n', at);
    if (end < 0) end = source.length;
    out.push(end - at);
    at = end + 1;
  }
  return out;
}

/** The JSON text of the first part alone (the body's first FIRST_PART_HEADER bytes, decoded). */
export function firstPartJson(firstPart: string): string {
  return firstPart + '}';
}

/** The JSON text of the second part alone (what follows the first part), parsing to `{ text, entities }`. */
export function restPartJson(rest: string): string {
  return '{' + rest.slice(rest.indexOf(',') + 1);
}

/**
 * The answer whole: the first part's document with the rest of its text, entities and quotes after its first
 * screen's (`rest`: the second part, or the whole body, parsed).
 */
export function joinStart(start: EditorStart, rest: Omit<StartInParts, 'result'>): EditorStart {
  const first = start.first;
  // An empty rest gives an equal copy: not tested for, as early.js is at its size limit (test/build).
  if (!first || !('opened' in first)) return start;
  const { restLineLengths: _, entityList: __, ...opened } = first.opened as FirstScreenDocument;
  const { entities, quotes } = opened.sidecar;
  const sidecar = {
    ...opened.sidecar,
    entities: entities.concat(rest.entities ?? []),
    quotes: quotes.concat(rest.quotes ?? []),
  };
  return { ...start, first: { ...first, opened: { ...opened, text: opened.text + (rest.text ?? ''), sidecar } } };
}

/**
 * The id of the JSON block holding the answer's first part in the page `tahrir serve` answers to its printed URL
 * (electron/started-page.ts); `data-rest` on it: the document's text or entities go on after its first screen.
 */
export const START_IN_PAGE_ID = 'tahrir-start';
