// `jsonl`: one document a line, Prodigy/spaCy style, code-point offsets into the clean text.
import type { ExportRecord } from './export-record';
import type { FormatExporter } from './exporter';

/**
 * The line for one document without its line end: the record as toExportRecord makes it, whose keys (and its spans'
 * and quotes') are in the line's order, fixed for stable diffs: id, text, spans (start, end, label, text, link), quotes
 * (start, end, text, kind, speaker, speakerName), meta. Copying each span and quote to order them was ~6% of what an
 * export allocated; a test holds the record to that order.
 */
function jsonlObject(record: ExportRecord): string {
  return JSON.stringify(record);
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
