// Undo and redo of the open document in the session's store (the steps are shared/history.ts).
import type { DocumentData } from '../../shared/document-data';
import { changed, redone, undone } from '../../shared/history';
import { store } from './store';
import { t } from './locale';
import { showNotice } from './ui-actions';

export interface ChangeOptions {
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  group?: string;
}

/** Apply a change to the open document's data; false when nothing is open or it is read-only. */
export function changeDocument(recipe: (data: DocumentData) => DocumentData, options: ChangeOptions = {}): boolean {
  const s = store().getState();
  if (!s.data || !s.doc || s.doc.readOnly) return false;
  const edited = recipe(s.data);
  if (edited === s.data) return false;
  const next = reopened(s.data, edited);
  store().setState(
    changed({ data: s.data, past: s.past, future: s.future, groupKey: s.groupKey }, next, options.group),
  );
  if (next !== edited) showNotice(t('notice.back-in-progress'));
  return true;
}

/**
 * An edit of a document marked done takes it back to in progress (in the same undo step): done
 * must mean nothing changed since. Changing the status itself is not such an edit.
 */
function reopened(before: DocumentData, after: DocumentData): DocumentData {
  if (before.document.status !== 'done' || after.document.status !== 'done') return after;
  return { ...after, document: { ...after.document, status: 'in_progress' } };
}

/** Ends a typing group (the field lost focus): the next change is its own step. */
export function endChangeGroup(): void {
  if (store().getState().groupKey !== null) store().setState({ groupKey: null });
}

export function undo(): boolean {
  const s = store().getState();
  if (!s.data || s.doc?.readOnly) return false;
  const back = undone({ data: s.data, past: s.past, future: s.future, groupKey: s.groupKey });
  if (!back) return false;
  store().setState(back);
  return true;
}

export function redo(): boolean {
  const s = store().getState();
  if (!s.data || s.doc?.readOnly) return false;
  const again = redone({ data: s.data, past: s.past, future: s.future, groupKey: s.groupKey });
  if (!again) return false;
  store().setState(again);
  return true;
}

export const canUndo = (): boolean => store().getState().past.length > 0;
export const canRedo = (): boolean => store().getState().future.length > 0;
