// `brat` standoff: per document `<id>.txt` (the clean text) and `<id>.ann`, plus one
// `annotation.conf`. brat offsets are characters as Python reads the .txt, i.e. code
// points. An .ann line cannot hold a line break, so a span crossing one is written as
// discontinuous fragments `start end;start end` (brat joins their text with a space).
import { LEFT_OUT_LINE_BREAKS, type ExportRecord, type LeftOutSpan } from './export-record';
import type { ExportWriter, FormatExporter } from './exporter';

export const BRAT_QUOTE_LABEL = 'QUOTE';
export const BRAT_SPEAKER_RELATION = 'Speaker';
export const BRAT_KIND_ATTRIBUTE = 'Kind';

// Characters that end a line for brat's reader or for Python's str.splitlines().
const LINE_BREAK = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;

/** brat type names are single tokens. */
export function bratTypeName(label: string): string {
  return label.trim().replace(/\s+/gu, '_') || 'MISC';
}

/** Notes are one line: line breaks and tabs become spaces. */
function oneLine(s: string): string {
  return s.replace(/[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/gu, ' ');
}

/** Code-point fragments of [start, end) that contain no line break, and their joined text. */
export function bratFragments(chars: readonly string[], start: number, end: number) {
  const fragments: [number, number][] = [];
  let from = -1;
  for (let i = start; i <= end; i++) {
    const breaks = i === end || LINE_BREAK.test(chars[i]);
    if (breaks) {
      if (from >= 0) fragments.push([from, i]);
      from = -1;
    } else if (from < 0) from = i;
  }
  return {
    offsets: fragments.map(([s, e]) => `${s} ${e}`).join(';'),
    text: fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' '),
    empty: fragments.length === 0,
  };
}

/** The .ann file for one document. */
export function bratAnn(record: ExportRecord): {
  ann: string;
  labels: Set<string>;
  leftOut: Record<string, number>;
  leftOutSpans: LeftOutSpan[];
} {
  const chars = Array.from(record.text);
  const labels = new Set<string>();
  const leftOut: Record<string, number> = {};
  const leftOutSpans: LeftOutSpan[] = [];
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  const spanT: (number | undefined)[] = [];
  record.spans.forEach((span, i) => {
    const f = bratFragments(chars, span.start, span.end);
    if (f.empty) {
      leftOut[LEFT_OUT_LINE_BREAKS] = (leftOut[LEFT_OUT_LINE_BREAKS] ?? 0) + 1;
      leftOutSpans.push({ reason: LEFT_OUT_LINE_BREAKS, label: span.label, text: span.text });
      return;
    }
    const type = bratTypeName(span.label);
    labels.add(type);
    spanT[i] = ++t;
    lines.push(`T${t}\t${type} ${f.offsets}\t${f.text}`);
    if (span.link) lines.push(`#${++note}\tAnnotatorNotes T${t}\t${oneLine(span.link)}`);
  });
  let r = 0;
  let a = 0;
  for (const quote of record.quotes) {
    const f = bratFragments(chars, quote.start, quote.end);
    if (f.empty) {
      leftOut[LEFT_OUT_LINE_BREAKS] = (leftOut[LEFT_OUT_LINE_BREAKS] ?? 0) + 1;
      leftOutSpans.push({ reason: LEFT_OUT_LINE_BREAKS, label: null, text: quote.text });
      continue;
    }
    const q = ++t;
    lines.push(`T${q}\t${BRAT_QUOTE_LABEL} ${f.offsets}\t${f.text}`);
    lines.push(`A${++a}\t${BRAT_KIND_ATTRIBUTE} T${q} ${quote.kind}`);
    const speakerT = quote.speaker === null ? undefined : spanT[quote.speaker];
    if (speakerT !== undefined) lines.push(`R${++r}\t${BRAT_SPEAKER_RELATION} Arg1:T${q} Arg2:T${speakerT}`);
    else if (quote.speakerName) lines.push(`#${++note}\tAnnotatorNotes T${q}\tspeaker: ${oneLine(quote.speakerName)}`);
  }
  return { ann: lines.length ? lines.join('\n') + '\n' : '', labels, leftOut, leftOutSpans };
}

/** `annotation.conf` for the labels seen: entities, quotes, the speaker relation, the quote kind. */
export function bratAnnotationConf(labels: Iterable<string>): string {
  const entities = [...new Set(labels)].filter((l) => l !== BRAT_QUOTE_LABEL).sort();
  return [
    '[entities]',
    ...entities,
    BRAT_QUOTE_LABEL,
    '',
    '[relations]',
    `${BRAT_SPEAKER_RELATION} Arg1:${BRAT_QUOTE_LABEL}, Arg2:<ENTITY>`,
    '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    `${BRAT_KIND_ATTRIBUTE} Arg:${BRAT_QUOTE_LABEL}, Value:direct|indirect`,
    '',
  ].join('\n');
}

export function createBratExporter(): FormatExporter {
  const labels = new Set<string>();
  return {
    layout: 'folder',
    extension: '',
    async start() {},
    async add(record: ExportRecord, writer: ExportWriter) {
      const { ann, labels: seen, leftOutSpans } = bratAnn(record);
      for (const l of seen) labels.add(l);
      await writer.writeFile(`${record.id}.txt`, record.text);
      await writer.writeFile(`${record.id}.ann`, ann);
      return leftOutSpans;
    },
    async finish(writer: ExportWriter) {
      await writer.writeFile('annotation.conf', bratAnnotationConf(labels));
    },
  };
}
