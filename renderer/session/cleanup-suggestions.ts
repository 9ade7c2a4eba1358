// The cleanup review: boilerplate suggestions from the back end, accepted as edits or
// rejected (remembered in the sidecar), and hand edits of the clean text. Accepting and
// rejecting change document data through changeDocument, so undo, redo and autosave
// cover them. Suggestions themselves are not document data: they are the store's cleanup
// slice, refetched per document.
import type { SuggestedEdit } from '../../shared/api';
import type { DocumentInfo, Edit, EditKind, RejectedSuggestion } from '../../shared/model';
import { editCleanText } from '../../shared/position-map';
import { toErrorData } from './autosave';
import { nextId, sortedSpans, type DocumentData } from '../../shared/document-data';
import { changeDocument } from './history';
import { session } from './session';
import { initialCleanup, store, useTahrir } from './store';
import type { CleanupState } from './state';

export type { CleanupState } from './state';

/** React hook: a narrow selector over the cleanup slice. */
export function useCleanup<T>(selector: (s: CleanupState) => T): T {
  return useTahrir((s) => selector(s.cleanup));
}

/** Changes the cleanup slice. */
function setCleanup(change: Partial<CleanupState>): void {
  store().setState((s) => ({ cleanup: { ...s.cleanup, ...change } }));
}

export function cleanupState(): CleanupState {
  return store().getState().cleanup;
}

/** Stable identity of a suggestion: its rule and source range. */
export function suggestionKey(s: Pick<SuggestedEdit, 'rule' | 'start' | 'end'>): string {
  return `${s.rule}:${s.start}:${s.end}`;
}

/** Asks the back end for this document's suggestions (the rejected ones and what edits cover are left out there). */
export async function loadSuggestions(): Promise<void> {
  const current = session();
  const doc = current.store.getState().doc;
  const seq = ++current.seq.suggestions;
  if (!doc) {
    current.store.setState({ cleanup: initialCleanup() });
    return;
  }
  setCleanup({ docId: doc.id, loading: true, error: null });
  try {
    const found = await current.api.suggest(doc.id);
    if (seq !== current.seq.suggestions) return;
    setCleanup({ docId: doc.id, suggestions: found.edits, metadata: found.metadata, loading: false, cursor: null });
  } catch (e) {
    if (seq !== current.seq.suggestions) return;
    setCleanup({ docId: doc.id, suggestions: [], metadata: {}, loading: false, error: toErrorData(e) });
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

function isRejected(s: SuggestedEdit, rejected: readonly RejectedSuggestion[] | undefined): boolean {
  return !!rejected?.some((r) => r.rule === s.rule && r.text === s.text);
}

/**
 * The suggestions still open for the document as it is now: not rejected and not
 * overlapping an edit. Undoing an accept or a reject brings a suggestion back.
 */
export function openSuggestions(suggestions: readonly SuggestedEdit[], data: DocumentData | null): SuggestedEdit[] {
  if (!data) return [];
  const edits = Object.values(data.edits).filter((e) => !e.orphaned);
  return suggestions.filter((s) => !isRejected(s, data.rejected) && !edits.some((e) => overlaps(e, s)));
}

/** Suggestions grouped by rule, in the order their first one appears in the text. */
export function groupByRule(list: readonly SuggestedEdit[]): { rule: string; description: string; items: SuggestedEdit[] }[] {
  const groups = new Map<string, { rule: string; description: string; items: SuggestedEdit[] }>();
  for (const s of [...list].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let g = groups.get(s.rule);
    if (!g) groups.set(s.rule, (g = { rule: s.rule, description: s.description ?? '', items: [] }));
    g.items.push(s);
  }
  return [...groups.values()];
}

/** The first change to a document moves it from todo to in progress. */
function touched(data: DocumentData): DocumentInfo {
  return data.document.status === 'todo' ? { ...data.document, status: 'in_progress' } : data.document;
}

/** Accepts suggestions as edits, in one undo step. Returns how many became edits. */
export function acceptSuggestions(list: readonly SuggestedEdit[]): number {
  let added = 0;
  changeDocument((data) => {
    const edits = { ...data.edits };
    // Numbered once, then counted up: ids are remembered per record, and this one is still being filled.
    let n = Number(nextId('e', data.edits).slice(1));
    for (const s of list) {
      if (isRejected(s, data.rejected) || Object.values(edits).some((e) => !e.orphaned && overlaps(e, s))) continue;
      const id = `e${n++}`;
      const edit: Edit = { id, start: s.start, end: s.end, text: s.text, replacement: s.replacement, kind: s.kind, rule: s.rule };
      edits[id] = edit;
      added++;
    }
    return added ? { ...data, document: touched(data), edits } : data;
  });
  return added;
}

/** Rejects suggestions: remembered in the sidecar so they are not proposed again. One undo step. */
export function rejectSuggestions(list: readonly SuggestedEdit[]): number {
  let added = 0;
  changeDocument((data) => {
    const rejected = [...(data.rejected ?? [])];
    for (const s of list) {
      if (isRejected(s, rejected)) continue;
      rejected.push({ rule: s.rule, start: s.start, end: s.end, text: s.text });
      added++;
    }
    return added ? { ...data, rejected } : data;
  });
  return added;
}

export type MetadataField = 'title' | 'published' | 'sourceName' | 'keywords';

/** Fills a document field with the suggested metadata (one undo step). */
export function applyMetadata(field: MetadataField): void {
  const value = cleanupState().metadata[field];
  if (value === undefined) return;
  changeDocument((data) => ({ ...data, document: { ...data.document, [field]: Array.isArray(value) ? [...value] : value } }));
}

export function moveCursor(keys: readonly string[], delta: number): void {
  if (keys.length === 0) return;
  const at = keys.indexOf(cleanupState().cursor ?? '');
  const next = at < 0 ? (delta > 0 ? 0 : keys.length - 1) : Math.min(keys.length - 1, Math.max(0, at + delta));
  setCleanup({ cursor: keys[next] });
}

export function setCursor(key: string | null): void {
  setCleanup({ cursor: key });
}

/**
 * A hand edit of the clean text: [cleanStart, cleanEnd) becomes `replacement` (empty
 * deletes, an empty range inserts). Edits it touches merge into one (editCleanText).
 */
export function editClean(cleanStart: number, cleanEnd: number, replacement: string, kind: EditKind): boolean {
  const doc = store().getState().doc;
  if (!doc) return false;
  return changeDocument((data) => {
    const list = sortedSpans(data.edits);
    const next = editCleanText(doc.source, list, cleanStart, cleanEnd, replacement, { id: nextId('e', data.edits), kind });
    const edits: Record<string, Edit> = {};
    for (const e of next) edits[e.id] = e;
    const same = next.length === list.length && next.every((e) => data.edits[e.id] === e);
    return same ? data : { ...data, document: touched(data), edits };
  });
}
