// What every export format implements, and the writer it streams through: one
// document at a time, so memory does not grow with the size of the corpus.
import type { ExportRecord, LeftOutSpan } from './export-record';

/** Where an exporter's output goes. The host decides what a path means (a stream, a temp folder, a string in tests). */
export interface ExportWriter {
  /** Append to the single output file (file formats). */
  append(chunk: string): void | Promise<void>;
  /** Write a whole file inside the output folder (folder formats), `/`-separated relative path. */
  writeFile(relativePath: string, content: string): void | Promise<void>;
}

/** One exporter instance writes one output (one split part): start, documents, finish. */
export interface FormatExporter {
  /** `file`: one file (`.jsonl`…); `folder`: a folder of files (brat). */
  readonly layout: 'file' | 'folder';
  /** File extension for `file` layouts, without the dot. */
  readonly extension: string;
  start(writer: ExportWriter): Promise<void>;
  /** Writes one document; returns the spans this format had to leave out (not written), each with its reason. */
  add(record: ExportRecord, writer: ExportWriter): Promise<LeftOutSpan[]>;
  finish(writer: ExportWriter): Promise<void>;
}

export type ExporterFactory = () => FormatExporter;

/**
 * A format written as one file, one document's text after another (JSONL, CoNLL, the HF lines): `documentText` gives a
 * document's text and the spans the format had to leave out.
 */
export function oneFileExporter(
  extension: string,
  documentText: (record: ExportRecord) => { text: string; leftOutSpans: LeftOutSpan[] },
): FormatExporter {
  return {
    layout: 'file',
    extension,
    async start() {},
    async add(record: ExportRecord, writer: ExportWriter) {
      const { text, leftOutSpans } = documentText(record);
      await writer.append(text);
      return leftOutSpans;
    },
    async finish() {},
  };
}
