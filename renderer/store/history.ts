// Undo and redo over document data only. Snapshots are cheap: data is immutable and
// each change copies only the record it touches.
import { spanCount, type DocumentData } from '../../shared/document-data';
import { store } from './store';

const LIMIT = 500;
/**
 * Every undo step keeps a copy of the records it changed: a long document (10,000 entities)
 * keeps fewer steps, so its history holds about this many spans at most (~100 steps there).
 */
const SPANS_KEPT = 1_000_000;
const FEWEST_STEPS = 50;

/** Undo steps kept for this document's data. */
export function undoSteps(data: DocumentData): number {
  const spans = spanCount(data.entities) + spanCount(data.quotes) + spanCount(data.edits);
  return Math.max(FEWEST_STEPS, Math.min(LIMIT, Math.floor(SPANS_KEPT / Math.max(1, spans))));
}

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
  const merge = options.group !== undefined && s.groupKey === options.group && s.past.length > 0;
  store().setState({
    data: next,
    past: merge ? s.past : [...s.past.slice(-(undoSteps(s.data) - 1)), s.data],
    future: [],
    groupKey: options.group ?? null,
  });
  return true;
}

/** Ends a typing group (the field lost focus): the next change is its own step. */
export function endChangeGroup(): void {
  if (store().getState().groupKey !== null) store().setState({ groupKey: null });
}

export function undo(): boolean {
  const s = store().getState();
  if (!s.data || s.doc?.readOnly || s.past.length === 0) return false;
  const previous = s.past[s.past.length - 1];
  store().setState({ data: previous, past: s.past.slice(0, -1), future: [s.data, ...s.future], groupKey: null });
  return true;
}

export function redo(): boolean {
  const s = store().getState();
  if (!s.data || s.doc?.readOnly || s.future.length === 0) return false;
  const [next, ...rest] = s.future;
  store().setState({ data: next, past: [...s.past, s.data], future: rest, groupKey: null });
  return true;
}

export const canUndo = (): boolean => store().getState().past.length > 0;
export const canRedo = (): boolean => store().getState().future.length > 0;
