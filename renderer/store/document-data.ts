// The document data the editor changes (and undo covers): the sidecar's annotations,
// normalized by id so a keypress never searches an array.
import type { DocumentInfo, Edit, Entity, Quote, RejectedSuggestion, Sidecar } from '../../shared/model';

export interface DocumentData {
  document: DocumentInfo;
  edits: Record<string, Edit>;
  entities: Record<string, Entity>;
  quotes: Record<string, Quote>;
  rejected?: RejectedSuggestion[];
}

export type SpanKind = 'entity' | 'quote' | 'edit';

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export function dataFromSidecar(sidecar: Sidecar): DocumentData {
  return {
    document: sidecar.document,
    edits: byId(sidecar.edits),
    entities: byId(sidecar.entities),
    quotes: byId(sidecar.quotes),
    ...(sidecar.rejected ? { rejected: sidecar.rejected } : {}),
  };
}

const sortedCache = new WeakMap<object, unknown[]>();

/** Sidecar order: (start, end, id). Cached per record (records are immutable): the journal and the save share one sort. */
export function sortedSpans<T extends { start: number; end: number; id: string }>(record: Record<string, T>): T[] {
  const hit = sortedCache.get(record);
  if (hit) return hit as T[];
  const out = sortSpans(record);
  sortedCache.set(record, out);
  return out;
}

function sortSpans<T extends { start: number; end: number; id: string }>(record: Record<string, T>): T[] {
  return Object.values(record).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The sidecar to write: the opened one's header with the editor's data. */
export function sidecarFromData(base: Sidecar, data: DocumentData, updatedAt?: string, annotator?: string): Sidecar {
  const sidecar: Sidecar = {
    format: base.format,
    version: base.version,
    source: base.source,
    document: data.document,
    edits: sortedSpans(data.edits),
    entities: sortedSpans(data.entities),
    quotes: sortedSpans(data.quotes),
  };
  const rejected = data.rejected ?? base.rejected;
  if (rejected) sidecar.rejected = rejected;
  const stamp = updatedAt ?? base.updatedAt;
  if (stamp) sidecar.updatedAt = stamp;
  const who = annotator ?? base.annotator;
  if (who) sidecar.annotator = who;
  return sidecar;
}

/** Next free id with this prefix ("t", "q", "e"): one past the largest numeric suffix, so ids stay stable. */
export function nextId(prefix: string, ...records: Record<string, unknown>[]): string {
  let max = 0;
  for (const record of records) {
    for (const id of Object.keys(record)) {
      if (!id.startsWith(prefix)) continue;
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return `${prefix}${max + 1}`;
}

/** ISO time without milliseconds, as the sidecar examples write it. */
export function nowStamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
