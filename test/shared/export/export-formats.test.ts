import { describe, expect, it } from 'vitest';
import { toExportRecord, type ExportRecord } from '../../../shared/export/export-record';
import { createExporter } from '../../../shared/export/export-formats';
import type { ExportWriter } from '../../../shared/export/exporter';
import { bratAnn, bratAnnotationConf } from '../../../shared/export/export-brat';
import { conllDocument } from '../../../shared/export/export-conll';
import { hfLines } from '../../../shared/export/export-hf';
import { jsonlLine } from '../../../shared/export/export-jsonl';
import { labelStudioTask } from '../../../shared/export/export-labelstudio';
import { documentIri, w3cAnnotations } from '../../../shared/export/export-w3c';
import { resolveOverlaps, tagTokens } from '../../../shared/export/iob-tags';
import type { ExportFormat } from '../../../shared/api';
import { EXPORT_FORMATS } from '../../../shared/api';
import { find, fixtureDocuments, sha256 } from './fixture-documents';

const slice = (s: string, a: number, b: number) => Array.from(s).slice(a, b).join('');
const records: ExportRecord[] = fixtureDocuments().map(
  (d) =>
    toExportRecord(
      d.id,
      d.text,
      d.sidecar ?? {
        format: 'tahrir-annotations',
        version: 1,
        source: { file: 'x', sha256: sha256(d.bytes), length: 0 },
        document: { status: 'todo' },
        edits: [],
        entities: [],
        quotes: [],
      },
      {
        textSha256: sha256(d.bytes),
      },
    ).record,
);
const mixed = records[0];

/** Collects what an exporter writes, as the export job's files would hold it. */
function memoryWriter() {
  const files = new Map<string, string>();
  let main = '';
  const writer: ExportWriter = {
    append: (chunk) => void (main += chunk),
    writeFile: (path, content) => void files.set(path, content),
  };
  return { writer, files, main: () => main };
}

async function exportAll(format: ExportFormat) {
  const m = memoryWriter();
  const exporter = createExporter(format);
  await exporter.start(m.writer);
  const leftOut: Record<string, number> = {};
  for (const r of records)
    for (const s of await exporter.add(r, m.writer)) leftOut[s.reason] = (leftOut[s.reason] ?? 0) + 1;
  await exporter.finish(m.writer);
  return { ...m, leftOut };
}

describe('jsonl', () => {
  it('writes one line per document with code-point spans', async () => {
    const { main } = await exportAll('jsonl');
    const lines = main().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]);
    expect(Object.keys(first)).toEqual(['id', 'text', 'spans', 'quotes', 'meta']);
    for (const s of first.spans) expect(slice(first.text, s.start, s.end)).toBe(s.text);
    expect(first.quotes[0].speaker).toBe(2);
    expect(jsonlLine(mixed)).toBe(lines[0] + '\n');
  });
});

/** The line as jsonl wrote it when it copied each span and quote into the line's order. */
function lineInOrder(record: ExportRecord): string {
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

describe('jsonl: the line’s key order', () => {
  it('writes every field of a record in the fixed order (links, speakers by index and by name)', () => {
    const byName = toExportRecord('q', 'قال زيد: نعم', {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'q.txt', sha256: 'ab'.repeat(32), length: 12 },
      document: { status: 'done', title: 'خبر', sourceName: 'وكالة', keywords: ['سياسة'] },
      edits: [],
      entities: [
        { id: 't1', start: 4, end: 7, label: 'PERSON', text: 'زيد', orphaned: true },
        { id: 't2', start: 9, end: 12, label: 'MISC', text: 'نعم', link: 'Q1' },
      ],
      quotes: [{ id: 'q1', start: 9, end: 12, text: 'نعم', kind: 'direct', speaker: 't1' }],
    }).record;
    expect(byName.quotes[0].speakerName).toBe('زيد');
    for (const record of [...records, byName]) expect(jsonlLine(record)).toBe(lineInOrder(record) + '\n');
  });
});

describe('iob tags (conll, hf)', () => {
  it('splits a glued clitic so the entity covers whole tokens: و / بايدن', () => {
    const { sentences } = tagTokens(mixed, 'conll');
    const tokens = sentences.flat();
    const i = tokens.findIndex((t) => t.text === 'بايدن');
    expect(tokens[i - 1]).toMatchObject({ text: 'و', tag: 'O' });
    expect(tokens[i].tag).toBe('B-PERSON');
    for (const t of tokens) expect(slice(mixed.text, t.start, t.end)).toBe(t.text);
  });

  it('tags multi-token entities B then I, the flag and combining marks whole', () => {
    const tokens = tagTokens(mixed, 'conll').sentences.flat();
    const tag = (text: string) => tokens.filter((t) => t.text === text).map((t) => t.tag);
    expect(tag('🇯🇵')).toEqual(['B-MISC']);
    expect(tag('عمّان')).toEqual(['B-GPE']);
    expect(tag('Joe')).toEqual(['B-PERSON']);
    expect(tag('Biden')).toEqual(['I-PERSON']);
    expect(tokens.filter((t) => /Reuters|and|AP/.test(t.text)).map((t) => [t.text, t.tag])).toEqual([
      ['Reuters', 'B-ORG'],
      ['and', 'I-ORG'],
      ['AP', 'I-ORG'],
    ]);
    for (const t of tokens) expect(t.text).not.toMatch(/[\s\x1c-\x1f\x85]/u); // NLTK splits lines on Python's whitespace
  });

  it('keeps the longest of overlapping entities and counts the others', () => {
    const { sentences, leftOut } = tagTokens(mixed, 'conll');
    const tokens = sentences.flat();
    expect(tokens.find((t) => t.text === 'Tokyo')!.tag).toBe('B-LOC');
    expect(tokens.find((t) => t.text === 'Bay')!.tag).toBe('I-LOC');
    expect(leftOut).toEqual({ 'overlap (conll)': 1 });
    expect(
      resolveOverlaps([
        { start: 0, end: 3, label: 'A', text: '' },
        { start: 2, end: 8, label: 'B', text: '' },
        { start: 8, end: 9, label: 'C', text: '' },
      ]),
    ).toEqual({
      kept: [
        { start: 2, end: 8, label: 'B', text: '' },
        { start: 8, end: 9, label: 'C', text: '' },
      ],
      dropped: 1,
      droppedSpans: [{ start: 0, end: 3, label: 'A', text: '' }],
    });
  });

  it('conll: -DOCSTART- and a blank line per document, token<TAB>tag lines, blank lines between sentences', async () => {
    const { main, leftOut } = await exportAll('conll');
    const text = main();
    expect(text.startsWith('-DOCSTART-\tO\n\n')).toBe(true);
    expect(text.match(/^-DOCSTART-\tO$/gm)).toHaveLength(3);
    for (const line of text.split('\n')) if (line) expect(line).toMatch(/^[^\t\s]+\t(O|[BI]-[A-Z]+)$/u);
    expect(text).not.toMatch(/\n\n\n/);
    expect(leftOut).toEqual({ 'overlap (conll)': 1 });
    expect(conllDocument(mixed).text).toContain('و\tO\nبايدن\tB-PERSON\n');
  });

  it('hf: the same tokens, one sentence a line, string tags', async () => {
    const { main } = await exportAll('hf');
    const rows = main()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0].id).toBe('mixed#0');
    const conllTokens = tagTokens(mixed, 'hf').sentences.flat();
    const hfRows = hfLines(mixed)
      .text.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(hfRows.flatMap((r) => r.tokens)).toEqual(conllTokens.map((t) => t.text));
    expect(hfRows.flatMap((r) => r.ner_tags)).toEqual(conllTokens.map((t) => t.tag));
    for (const r of rows) expect(r.tokens.length).toBe(r.ner_tags.length);
  });
});

describe('brat', () => {
  it('writes T lines with code-point offsets, a quote across a line break as fragments, R and # lines', () => {
    const { ann, labels } = bratAnn(mixed);
    const lines = ann.trimEnd().split('\n');
    const chars = Array.from(mixed.text);
    for (const line of lines.filter((l) => l.startsWith('T'))) {
      const [, typeAndOffsets, text] = line.split('\t');
      const fragments = typeAndOffsets
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number));
      expect(fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' ')).toBe(text);
      expect(text).not.toMatch(/[\r\n]/);
    }
    const quote = lines.find((l) => l.includes('QUOTE'))!;
    const q = find(mixed.text, 'نحن منفتحون على الحوار\r\nدون شروط');
    const crlf = find(mixed.text, '\r\nدون').start;
    expect(quote.split('\t')[1]).toBe(`QUOTE ${q.start} ${crlf};${crlf + 2} ${q.end}`);
    expect(quote.split('\t')[2]).toBe('نحن منفتحون على الحوار دون شروط');
    const speakerT = lines.find((l) => l.endsWith('\tبايدن'))!.split('\t')[0];
    const quoteT = quote.split('\t')[0];
    expect(lines).toContain(`R1\tSpeaker Arg1:${quoteT} Arg2:${speakerT}`);
    expect(lines.some((l) => /^#\d+\tAnnotatorNotes T\d+\tQ6279$/.test(l))).toBe(true);
    expect(lines.some((l) => /^#\d+\tAnnotatorNotes T\d+\tspeaker: كيشيدا$/.test(l))).toBe(true);
    expect([...labels].sort()).toEqual(['GPE', 'LOC', 'MISC', 'ORG', 'PERSON']);
  });

  it('writes <id>.txt and <id>.ann per document and one annotation.conf', async () => {
    const { files } = await exportAll('brat');
    expect([...files.keys()].sort()).toEqual([
      'annotation.conf',
      'mixed.ann',
      'mixed.txt',
      'plain.ann',
      'plain.txt',
      'sub/older.ann',
      'sub/older.txt',
    ]);
    expect(files.get('mixed.txt')).toBe(mixed.text);
    expect(files.get('annotation.conf')).toBe(bratAnnotationConf(['GPE', 'LOC', 'MISC', 'ORG', 'PERSON']));
    expect(files.get('annotation.conf')).toContain('Speaker Arg1:QUOTE, Arg2:<ENTITY>');
  });
});

describe('w3c', () => {
  it('writes an AnnotationCollection whose selectors agree with the clean text', async () => {
    const { main } = await exportAll('w3c');
    const collection = JSON.parse(main());
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    expect(collection.total).toBe(items.length);
    const texts = new Map(records.map((r) => [documentIri(r.id), r.text]));
    for (const a of items) {
      const [quote, position] = a.target.selector;
      const text = texts.get(a.target.source)!;
      expect(quote.exact).toBe(slice(text, position.start, position.end));
      expect(quote.prefix).toBe(slice(text, Math.max(0, position.start - 32), position.start));
      expect(quote.suffix).toBe(slice(text, position.end, position.end + 32));
      expect(a.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'tagging' });
    }
  });

  it('gives quotes their speaker: a link to the entity annotation and the name', () => {
    const annotations = w3cAnnotations(mixed) as {
      id: string;
      body: { purpose: string; value?: string; source?: string }[];
    }[];
    const quote = annotations.find((a) => a.body[0].value === 'QUOTE' && a.body.some((b) => b.purpose === 'linking'))!;
    const link = quote.body.find((b) => b.purpose === 'linking')!.source;
    const speaker = annotations.find((a) => a.id === link)!;
    expect(speaker.body[0].value).toBe('PERSON');
    expect(quote.body.find((b) => b.purpose === 'identifying')!.value).toBe('بايدن');
    const biden = annotations.find((a) => a.body.some((b) => b.source === 'http://www.wikidata.org/entity/Q6279'));
    expect(biden).toBeDefined();
  });
});

describe('labelstudio', () => {
  it('counts offsets in code points, as Label Studio does since 2022; value.text is that substring', () => {
    const task = labelStudioTask(mixed);
    expect(task.data.text).toBe(mixed.text);
    const labels = task.annotations[0].result.filter((r) => r.type === 'labels');
    expect(labels).toHaveLength(mixed.spans.length + mixed.quotes.length);
    for (const r of labels) expect(slice(mixed.text, r.value!.start, r.value!.end)).toBe(r.value!.text);
    const flag = labels.find((r) => r.value!.text === '🇯🇵')!;
    expect(flag.value!.end - flag.value!.start).toBe(2); // two regional indicators
    const amman = labels.find((r) => r.value!.text === 'عمّان')!;
    expect(amman.value!).toMatchObject({ start: mixed.spans[1].start, end: mixed.spans[1].end });
    expect(mixed.text.slice(amman.value!.start, amman.value!.end)).not.toBe('عمّان'); // UTF-16 indices would be off by the emoji before it
    const relation = task.annotations[0].result.find((r) => r.type === 'relation')!;
    expect(labels.find((r) => r.id === relation.to_id)!.value!.text).toBe('بايدن');
  });

  it('writes one JSON array of tasks', async () => {
    const { main } = await exportAll('labelstudio');
    expect(JSON.parse(main())).toHaveLength(3);
  });
});

it('every format has an exporter', () => {
  for (const f of EXPORT_FORMATS) expect(createExporter(f).layout).toMatch(/file|folder/);
});
