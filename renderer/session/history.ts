// Undo and redo of the open document in the session's store (the steps are shared/history.ts).
import type { DocumentData } from '../../shared/document-data';
import { changed, redone, undone } from '../../shared/history';
import { store } from './store';

export interface ChangeOptions {
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  group?: string;
}

/** Apply a change to the open document's data; false when nothing is open or it is read-only. */
export function changeDocument(recipe: (data: DocumentData) => DocumentData, options: ChangeOptions = {}): boolean {
  const s = store().getState();
  if (!s.data || !s.doc || s.doc.readOnly) return false;
  const next = recipe(s.data);
  if (next === s.data) return false;
  store().setState(changed({ data: s.data, past: s.past, future: s.future, groupKey: s.groupKey }, next, options.group));
  return true;
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
