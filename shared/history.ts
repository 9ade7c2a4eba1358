// Undo and redo over document data only, as pure steps on a history value: the editor session
// keeps the history in its store (renderer/session/history.ts). Snapshots are cheap: data is
// immutable and each change copies only the record it touches.
import { spanCount, type DocumentData } from './document-data';

const LIMIT = 500;
/**
 * Every undo step keeps a copy of the records it changed: a long document (10,000 entities)
 * keeps fewer steps, so its history holds about this many spans at most (~100 steps there).
 */
const SPANS_KEPT = 1_000_000;
const FEWEST_STEPS = 50;

/** The document data now, the steps to undo and to redo, and the typing group of the last change. */
export interface History {
  data: DocumentData;
  past: DocumentData[];
  future: DocumentData[];
  /** Key of the last change, to merge consecutive typing in one field into one step. */
  groupKey: string | null;
}

/** Undo steps kept for this document's data. */
export function undoSteps(data: DocumentData): number {
  const spans = spanCount(data.entities) + spanCount(data.quotes) + spanCount(data.edits);
  return Math.max(FEWEST_STEPS, Math.min(LIMIT, Math.floor(SPANS_KEPT / Math.max(1, spans))));
}

/**
 * `next` becomes the data: one more undo step, or the same one when `group` continues the last change's. No redo is
 * left.
 */
export function changed(h: History, next: DocumentData, group?: string): History {
  const merge = group !== undefined && h.groupKey === group && h.past.length > 0;
  return {
    data: next,
    past: merge ? h.past : [...h.past.slice(-(undoSteps(h.data) - 1)), h.data],
    future: [],
    groupKey: group ?? null,
  };
}

/** One step back; null when there is none. */
export function undone(h: History): History | null {
  if (h.past.length === 0) return null;
  return { data: h.past[h.past.length - 1], past: h.past.slice(0, -1), future: [h.data, ...h.future], groupKey: null };
}

/** One step forward again; null when there is none. */
export function redone(h: History): History | null {
  if (h.future.length === 0) return null;
  const [next, ...rest] = h.future;
  return { data: next, past: [...h.past, h.data], future: rest, groupKey: null };
}
