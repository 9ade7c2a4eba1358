// `conll`: IOB2, `token<TAB>tag` a line, a blank line between sentences, and
// `-DOCSTART-<TAB>O` plus a blank line before each document (as CoNLL-2003).
import type { ExportRecord } from './export-record';
import { oneFileExporter, type FormatExporter } from './exporter';
import { tagTokens } from './iob-tags';

export function conllDocument(record: ExportRecord) {
  const { sentences, leftOut, leftOutSpans } = tagTokens(record, 'conll');
  let out = '-DOCSTART-\tO\n\n';
  for (const sentence of sentences) {
    if (sentence.length === 0) continue;
    for (const token of sentence) out += `${token.text}\t${token.tag}\n`;
    out += '\n';
  }
  return { text: out, leftOut, leftOutSpans };
}

export function createConllExporter(): FormatExporter {
  return oneFileExporter('conll', conllDocument);
}
