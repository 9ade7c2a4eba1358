// `jsonl`: one document a line, Prodigy/spaCy style, code-point offsets into the clean text.
import type { ExportRecord } from './export-record';
import type { FormatExporter } from './exporter';

/** The line for one document without its line end (key order fixed for stable diffs). */
function jsonlObject(record: ExportRecord): string {
  return JSON.stringify({
    id: record.id,
    text: record.text,
    spans: record.spans.map((s) => ({
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      ...(s.link !== undefined ? { link: s.link } : {}),
    })),
    quotes: record.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      ...(q.speakerName !== undefined ? { speakerName: q.speakerName } : {}),
    })),
    meta: record.meta,
  });
}

/** The line for one document. */
export function jsonlLine(record: ExportRecord): string {
  return jsonlObject(record) + '\n';
}

export function createJsonlExporter(): FormatExporter {
  return {
    layout: 'file',
    extension: 'jsonl',
    async start() {},
    async add(record, writer) {
      // The line and its end written apart: joined, the line was copied whole before it was encoded
      // (a string made of two is flattened first), a fifteenth of what an export allocated.
      await writer.append(jsonlObject(record));
      await writer.append('\n');
      return [];
    },
    async finish() {},
  };
}
