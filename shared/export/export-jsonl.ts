// `jsonl`: one document a line, Prodigy/spaCy style, code-point offsets into the clean text.
import type { ExportRecord } from './export-record';
import { oneFileExporter, type FormatExporter } from './exporter';

/** The line for one document (key order fixed for stable diffs). */
export function jsonlLine(record: ExportRecord): string {
  return (
    JSON.stringify({
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
    }) + '\n'
  );
}

export function createJsonlExporter(): FormatExporter {
  return oneFileExporter('jsonl', (record) => ({ text: jsonlLine(record), leftOutSpans: [] }));
}
