// `tahrir serve`'s first answer (startEditor) in two parts, one response: first the workspace and the document with
// only its first screen's entities (shared/first-screen.ts), then the document's other entities. The page paints the
// first screen from the first part while the rest is still arriving (renderer/api-http.ts reads the body as a
// stream); the app opens the document only once it is whole, so no edit or save ever sees a part of its entities.
//
//   body    {"result": EditorStart (first.opened.sidecar.entities: the first screen's)  ,"entities": [the rest]}
//           \______________ FIRST_PART_HEADER bytes ______________________________/
//
// The whole body is one JSON value, read as such by a client that does not stream it.
import type { EditorStart } from './api';
import type { Entity } from './model';

/** The response header giving the first part's length in bytes, when the answer comes in two parts. */
export const FIRST_PART_HEADER = 'x-tahrir-first-part';

/** What the whole body parses to when the answer comes in two parts. */
export interface StartInParts {
  result: EditorStart;
  /** The first document's entities after its first screen's, in file order. */
  entities?: Entity[];
}

/** The JSON text of the first part alone (the body's first FIRST_PART_HEADER bytes, decoded). */
export function firstPartJson(firstPart: string): string {
  return firstPart + '}';
}

/** The JSON text of the second part alone (what follows the first part), parsing to `{ entities }`. */
export function restPartJson(rest: string): string {
  return '{' + rest.slice(rest.indexOf(',') + 1);
}

/** The answer whole: the first part's document with the rest of its entities after its first screen's. */
export function joinStart(start: EditorStart, rest: readonly Entity[] | undefined): EditorStart {
  const first = start.first;
  if (!rest || !first || !('opened' in first)) return start;
  const { opened } = first;
  const sidecar = { ...opened.sidecar, entities: opened.sidecar.entities.concat(rest) };
  return { ...start, first: { ...first, opened: { ...opened, sidecar } } };
}
