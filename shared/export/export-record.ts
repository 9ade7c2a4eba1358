// The one place where a document's annotations are mapped from source to clean-text
// coordinates for export. Every format builds on the record this produces.
import { CodePointIndex } from '../code-points';
import { reanchor } from '../anchoring';
import { PositionMap, mapSpan } from '../position-map';
import type { DocumentStatus, Entity, Sidecar } from '../model';

/** An entity in clean-text code points; `text` is the clean substring [start, end). */
export interface ExportSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  link?: string;
}

export interface ExportQuote {
  start: number;
  end: number;
  text: string;
  kind: 'direct' | 'indirect';
  /** Index into the record's `spans`, or null. */
  speaker: number | null;
  /** The speaker's name when no exported span is the speaker. */
  speakerName?: string;
}

export interface ExportMeta {
  status: DocumentStatus;
  title?: string;
  published?: string;
  sourceName?: string;
  keywords?: string[];
}

/** One document as every exporter sees it: clean text and clean code-point offsets. */
export interface ExportRecord {
  /** Path relative to the workspace, without `.txt`, `/` separated. */
  id: string;
  text: string;
  spans: ExportSpan[];
  quotes: ExportQuote[];
  meta: ExportMeta;
}

export interface ExportRecordOptions {
  /** sha256 of the text file's bytes; when it differs from the sidecar's, spans are re-anchored first. */
  textSha256?: string;
}

/** Reasons a span is left out, as counted in the export summary. */
export const LEFT_OUT_REMOVED = 'inside removed text';
export const LEFT_OUT_ORPHANED = 'orphaned';

export type LeftOutCounts = Record<string, number>;

export function addCount(counts: LeftOutCounts, reason: string, n = 1): void {
  if (n > 0) counts[reason] = (counts[reason] ?? 0) + n;
}

export function toExportRecord(
  id: string,
  source: string,
  sidecar: Sidecar,
  options: ExportRecordOptions = {},
): { record: ExportRecord; leftOut: LeftOutCounts } {
  const leftOut: LeftOutCounts = {};
  let current = sidecar;
  if (options.textSha256 !== undefined && options.textSha256 !== sidecar.source.sha256) {
    current = reanchor(source, sidecar).sidecar;
  }
  // An orphaned edit has no known place in the text: applying it would corrupt the clean text.
  const map = new PositionMap(
    source,
    current.edits.filter((e) => !e.orphaned),
  );
  const clean = map.cleanText;
  const cleanIndex = new CodePointIndex(clean);

  const kept: { entity: Entity; span: ExportSpan }[] = [];
  for (const entity of current.entities) {
    if (entity.orphaned) {
      addCount(leftOut, LEFT_OUT_ORPHANED);
      continue;
    }
    const mapped = mapSpan(map, entity.start, entity.end);
    if (!mapped || mapped.end <= mapped.start) {
      addCount(leftOut, LEFT_OUT_REMOVED);
      continue;
    }
    const span: ExportSpan = {
      start: mapped.start,
      end: mapped.end,
      label: entity.label,
      text: cleanIndex.slice(mapped.start, mapped.end),
    };
    if (entity.link) span.link = entity.link;
    kept.push({ entity, span });
  }
  kept.sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.span.label < b.span.label ? -1 : a.span.label > b.span.label ? 1 : 0) ||
      (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0),
  );
  const spans = kept.map((k) => k.span);
  const indexById = new Map<string, number>();
  kept.forEach((k, i) => indexById.set(k.entity.id, i));
  const entityById = new Map(current.entities.map((e) => [e.id, e]));

  const quotes: ExportQuote[] = [];
  for (const quote of current.quotes) {
    if (quote.orphaned) {
      addCount(leftOut, LEFT_OUT_ORPHANED);
      continue;
    }
    const mapped = mapSpan(map, quote.start, quote.end);
    if (!mapped || mapped.end <= mapped.start) {
      addCount(leftOut, LEFT_OUT_REMOVED);
      continue;
    }
    const out: ExportQuote = {
      start: mapped.start,
      end: mapped.end,
      text: cleanIndex.slice(mapped.start, mapped.end),
      kind: quote.kind,
      speaker: null,
    };
    const speakerIndex = quote.speaker === null ? undefined : indexById.get(quote.speaker);
    if (speakerIndex !== undefined) {
      out.speaker = speakerIndex;
    } else {
      // The speaker entity may itself be hidden in removed text: keep who said it by name.
      const speakerEntity = quote.speaker === null ? undefined : entityById.get(quote.speaker);
      const name = quote.speakerName ?? speakerEntity?.text;
      if (name) out.speakerName = name;
    }
    quotes.push(out);
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);

  const doc = current.document;
  const meta: ExportMeta = { status: doc.status };
  if (doc.title !== undefined) meta.title = doc.title;
  if (doc.published !== undefined) meta.published = doc.published;
  if (doc.sourceName !== undefined) meta.sourceName = doc.sourceName;
  if (doc.keywords !== undefined) meta.keywords = [...doc.keywords];

  return { record: { id, text: clean, spans, quotes, meta }, leftOut };
}
