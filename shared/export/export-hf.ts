// `hf`: JSONL for Hugging Face `datasets` token classification, one sentence a line
// (`{"id", "tokens", "ner_tags"}` with string IOB2 tags), the same tokens as `conll`.
// The id is `<document id>#<sentence number>` so each line traces back to its document.
import type { ExportRecord } from './export-record';
import { oneFileExporter, type FormatExporter } from './exporter';
import { tagTokens } from './iob-tags';

export function hfLines(record: ExportRecord) {
  const { sentences, leftOut, leftOutSpans } = tagTokens(record, 'hf');
  let out = '';
  let n = 0;
  for (const sentence of sentences) {
    if (sentence.length === 0) continue;
    out +=
      JSON.stringify({
        id: `${record.id}#${n++}`,
        tokens: sentence.map((t) => t.text),
        ner_tags: sentence.map((t) => t.tag),
      }) + '\n';
  }
  return { text: out, leftOut, leftOutSpans };
}

export function createHfExporter(): FormatExporter {
  return oneFileExporter('jsonl', hfLines);
}
