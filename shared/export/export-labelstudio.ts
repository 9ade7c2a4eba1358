// `labelstudio`: Label Studio tasks (a JSON array) with `labels` results.
// Offsets: Label Studio's editor counts a Text region's `start`/`end` in code points
// (web/libs/editor/src/utils/selection-tools.js `charsToCodePoints`: "for external usage
// js length should be converted to code points count"; RichText/domManager.ts counts
// `[...text]`), so ours go out unconverted and `value.text` is the code-point substring,
// what its Python converters slice. Versions before that fix (2021, issue #1347) counted
// UTF-16 units; the importer recognises both by the region's text.
import { CodePointIndex } from '../code-points';
import type { ExportRecord } from './export-record';
import type { ExportWriter, FormatExporter } from './exporter';

export const LS_FROM_NAME = 'label';
export const LS_TO_NAME = 'text';
export const LS_QUOTE_LABEL = 'QUOTE';
export const LS_SPEAKER_RELATION = 'speaker';

export interface LabelStudioResult {
  id: string;
  from_name?: string;
  to_name?: string;
  type: string;
  value?: { start: number; end: number; text?: string; labels: string[] };
  from_id?: string;
  to_id?: string;
  direction?: string;
  labels?: string[];
  meta?: { text?: string[] };
}

/** One task for one document. */
export function labelStudioTask(record: ExportRecord) {
  const index = new CodePointIndex(record.text);
  const region = (id: string, start: number, end: number, label: string): LabelStudioResult => {
    return {
      id,
      from_name: LS_FROM_NAME,
      to_name: LS_TO_NAME,
      type: 'labels',
      value: { start, end, text: index.slice(start, end), labels: [label] },
    };
  };
  const result: LabelStudioResult[] = record.spans.map((span, i) => {
    const r = region(`e${i + 1}`, span.start, span.end, span.label);
    if (span.link) r.meta = { text: [`link: ${span.link}`] };
    return r;
  });
  record.quotes.forEach((quote, i) => {
    const r = region(`q${i + 1}`, quote.start, quote.end, LS_QUOTE_LABEL);
    const notes = [`kind: ${quote.kind}`];
    if (quote.speaker === null && quote.speakerName) notes.push(`speaker: ${quote.speakerName}`);
    r.meta = { text: notes };
    result.push(r);
    if (quote.speaker !== null) {
      result.push({
        id: `r${i + 1}`,
        type: 'relation',
        from_id: `q${i + 1}`,
        to_id: `e${quote.speaker + 1}`,
        direction: 'right',
        labels: [LS_SPEAKER_RELATION],
      });
    }
  });
  return {
    data: { text: record.text, document: record.id },
    annotations: [{ result }],
    meta: record.meta,
  };
}

export function createLabelStudioExporter(): FormatExporter {
  let count = 0;
  return {
    layout: 'file',
    extension: 'json',
    async start(writer: ExportWriter) {
      await writer.append('[');
    },
    async add(record: ExportRecord, writer: ExportWriter) {
      await writer.append(`${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(labelStudioTask(record))}`);
      return [];
    },
    async finish(writer: ExportWriter) {
      await writer.append('\n]\n');
    },
  };
}
