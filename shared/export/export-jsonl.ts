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

/**
 * The line for one document around its text: `head`, then the text as JSON.stringify writes it, then `tail` (the line
 * end included) are jsonlLine(record), for a writer that copies the text into its output as it escapes it.
 */
export function jsonlAroundText(record: ExportRecord): { head: string; tail: string } {
  return {
    head: `{"id":${JSON.stringify(record.id)},"text":`,
    tail:
      `,"spans":${JSON.stringify(record.spans)},"quotes":${JSON.stringify(record.quotes)}` +
      `,"meta":${JSON.stringify(record.meta)}}\n`,
  };
}

export function createJsonlExporter(): FormatExporter {
  return {
    layout: 'file',
    extension: 'jsonl',
    async start() {},
    async add(record, writer) {
      if (writer.appendJsonString) {
        // The text (half of a line) copied into the output once: JSON.stringify(record) copied it quoted, and the
        // writer copied that again to flatten it before encoding (JSON.stringify builds its result in parts).
        const { head, tail } = jsonlAroundText(record);
        await writer.append(head);
        await writer.appendJsonString(record.text);
        await writer.append(tail);
        return [];
      }
      // The line and its end written apart: joined, the line was copied whole before it was encoded
      // (a string made of two is flattened first), a fifteenth of what an export allocated.
      await writer.append(jsonlObject(record));
      await writer.append('\n');
      return [];
    },
    async finish() {},
  };
}
