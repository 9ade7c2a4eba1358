// The document list as `tahrir serve` sends it: 100,000 summaries written out in full were 13.5 MB
// of JSON, and writing, fetching and parsing them took most of the seconds before the list painted.
// On the wire a summary leaves out what it has by default (its text file `<id>.txt`, status todo,
// no entities, quotes or edits), and one not read yet (pending) is its id alone: 3 MB.
import type { DocumentSummary, EditorStart, WorkspaceInfo } from './api';
import type { DocumentStatus } from './model';
import { TEXT_SUFFIX, textFileOf } from './workspace-layout';

/** Its file `<id>.txt`, status todo, no entities, quotes or edits (its file compared without making `<id>.txt`). */
function isBare(s: DocumentSummary): boolean {
  const { id, file } = s;
  return (
    s.status === 'todo' &&
    !s.entities &&
    !s.quotes &&
    !s.edits &&
    file.length === id.length + TEXT_SUFFIX.length &&
    file.startsWith(id) &&
    file.endsWith(TEXT_SUFFIX)
  );
}

/**
 * Has `o` exactly `n` keys? Counted by for…in (plain objects: no inherited key), no array of them made:
 * Object.keys, once per row of a first answer of 100,000, took ~100 ms of the server's time before it
 * (a loaded machine; for…in 7–25 ms).
 */
function hasKeys(o: object, n: number): boolean {
  let count = 0;
  for (const _ in o) if (++count > n) return false;
  return count === n;
}

/** A summary on the wire: its id when pending and nothing else, else its fields that differ from the defaults. */
export type WireSummary = string | (Partial<DocumentSummary> & { id: string });

export function packSummary(summary: DocumentSummary): WireSummary {
  // Most of a first answer for 100,000 documents: pending, bare, its id alone (no copy made to know it).
  if (summary.pending && isBare(summary) && hasKeys(summary, 7)) return summary.id;
  const { id, file, status, entities, quotes, edits, ...rest } = summary;
  const bare = file === textFileOf(id) && status === 'todo' && !entities && !quotes && !edits;
  if (bare && summary.pending && Object.keys(rest).length === 1) return id;
  const packed: Partial<DocumentSummary> & { id: string } = { id, ...rest };
  if (file !== textFileOf(id)) packed.file = file;
  if (status !== 'todo') packed.status = status;
  if (entities) packed.entities = entities;
  if (quotes) packed.quotes = quotes;
  if (edits) packed.edits = edits;
  return packed;
}

export function unpackSummary(wire: WireSummary): DocumentSummary {
  if (typeof wire === 'string') {
    return { id: wire, file: textFileOf(wire), status: 'todo', entities: 0, quotes: 0, edits: 0, pending: true };
  }
  return {
    ...wire,
    file: wire.file ?? textFileOf(wire.id),
    status: wire.status ?? ('todo' as DocumentStatus),
    entities: wire.entities ?? 0,
    quotes: wire.quotes ?? 0,
    edits: wire.edits ?? 0,
  };
}

/**
 * Rows in the first answer's list (startEditor's, with WorkspaceInfo.moreDocuments): a screen of rows (84 px each)
 * and the rows rendered around it, on a tall screen.
 */
export const FIRST_SCREEN_ROWS = 64;

/**
 * The rows of `documents` the first answer carries: the first screen's, down to a screen below the document the
 * editor opens first (the list scrolls to it); the whole list when that is nearly all of it.
 */
export function firstScreenOf(documents: readonly DocumentSummary[], opened: string | null): DocumentSummary[] {
  let at = 0;
  if (opened !== null) for (let i = 0; i < documents.length; i++) if (documents[i].id === opened) at = i;
  const end = at + FIRST_SCREEN_ROWS;
  return end * 2 > documents.length ? documents.slice() : documents.slice(0, end);
}

/** Methods answered with a document list alone. */
const LIST_METHODS = new Set(['listDocuments', 'listedDocuments']);

/** The answers that carry the document list, packed: the listings', getWorkspace's and startEditor's. */
export function packListAnswer(method: string, result: unknown): unknown {
  if (LIST_METHODS.has(method)) return (result as DocumentSummary[]).map(packSummary);
  if (method === 'getWorkspace') {
    const info = result as WorkspaceInfo;
    return { ...info, documents: info.documents.map(packSummary) };
  }
  if (method === 'startEditor') {
    const start = result as EditorStart;
    return { ...start, workspace: packListAnswer('getWorkspace', start.workspace) };
  }
  return result;
}

/** packListAnswer undone: the answer as the API's types describe it. */
export function unpackListAnswer(method: string, result: unknown): unknown {
  if (LIST_METHODS.has(method)) return (result as WireSummary[]).map(unpackSummary);
  if (method === 'getWorkspace') {
    const info = result as Omit<WorkspaceInfo, 'documents'> & { documents: WireSummary[] };
    return { ...info, documents: info.documents.map(unpackSummary) };
  }
  if (method === 'startEditor') {
    const start = result as EditorStart;
    return { ...start, workspace: unpackListAnswer('getWorkspace', start.workspace) };
  }
  return result;
}
