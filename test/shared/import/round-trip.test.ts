// Export → import gives back the same spans, for every format that holds offsets.
import { describe, expect, it } from 'vitest';
import { toExportRecord, type ExportRecord } from '../../../shared/export/export-record';
import { bratAnn } from '../../../shared/export/export-brat';
import { conllDocument } from '../../../shared/export/export-conll';
import { jsonlLine } from '../../../shared/export/export-jsonl';
import { labelStudioTask } from '../../../shared/export/export-labelstudio';
import { resolveOverlaps } from '../../../shared/export/iob-tags';
import { parseBratAnn } from '../../../shared/import/import-brat';
import { alignConll, parseConll } from '../../../shared/import/import-conll';
import { parseJsonl } from '../../../shared/import/import-jsonl';
import { parseLabelStudio } from '../../../shared/import/import-labelstudio';
import { mergeAnnotations } from '../../../shared/import/merge';
import { toSourceAnnotations, type ImportedDocument } from '../../../shared/import/pre-annotations';
import { PositionMap, mapSpan } from '../../../shared/position-map';
import type { Sidecar } from '../../../shared/model';
import { fixtureDocuments, sha256 } from '../export/fixture-documents';
import { reanchor } from '../../../shared/anchoring';

// The documents as the importer finds them: sidecars already anchored to today's text.
const docs = fixtureDocuments()
  .filter((d) => d.sidecar)
  .map((d) => {
    const sidecar = d.sidecar!.source.sha256 === sha256(d.bytes) ? d.sidecar! : reanchor(d.text, d.sidecar!).sidecar;
    const { record } = toExportRecord(d.id, d.text, sidecar);
    return { ...d, sidecar, record };
  });

type Doc = (typeof docs)[number];

/** Imports into a sidecar with the same edits but no entities or quotes, then exports again. */
function reimport(doc: Doc, imported: ImportedDocument): ExportRecord {
  const blank: Sidecar = { ...doc.sidecar, entities: [], quotes: [] };
  const placed = toSourceAnnotations(imported, doc.text, blank);
  if ('problem' in placed) throw new Error(placed.problem);
  const { sidecar, report } = mergeAnnotations(blank, placed.annotations);
  expect(report.conflicts).toEqual([]);
  return toExportRecord(doc.id, doc.text, sidecar).record;
}

/** Imports into the original sidecar: everything is already there. */
function reimportIntoOriginal(doc: Doc, imported: ImportedDocument) {
  const placed = toSourceAnnotations(imported, doc.text, doc.sidecar);
  if ('problem' in placed) throw new Error(placed.problem);
  const map = new PositionMap(doc.text, doc.sidecar.edits);
  return mergeAnnotations(doc.sidecar, placed.annotations, { toClean: (s, e) => mapSpan(map, s, e) });
}

const spansOf = (r: ExportRecord) =>
  r.spans.map(({ start, end, label, text, link }) => ({ start, end, label, text, link }));

describe.each(docs.map((d) => [d.id, d] as const))('round trip of %s', (_id, doc) => {
  const total = doc.record.spans.length + doc.record.quotes.length;

  it('jsonl', () => {
    const [imported] = parseJsonl(jsonlLine(doc.record), 'x.jsonl');
    expect(imported.id).toBe(doc.id);
    const back = reimport(doc, imported);
    expect(back.spans).toEqual(doc.record.spans);
    expect(back.quotes).toEqual(doc.record.quotes);
    const { report, sidecar } = reimportIntoOriginal(doc, imported);
    expect(report).toEqual({ added: 0, duplicates: total, conflicts: [], said: [] });
    expect(sidecar.entities).toEqual(doc.sidecar.entities);
  });

  it('brat', () => {
    const imported = parseBratAnn(bratAnn(doc.record).ann, doc.record.text, 'x.ann', doc.id);
    const back = reimport(doc, imported);
    expect(back.spans).toEqual(doc.record.spans);
    expect(back.quotes).toEqual(doc.record.quotes);
    expect(reimportIntoOriginal(doc, imported).report).toEqual({
      added: 0,
      duplicates: total,
      conflicts: [],
      said: [],
    });
  });

  it('labelstudio', () => {
    const [imported] = parseLabelStudio(JSON.stringify([labelStudioTask(doc.record)]), 'x.json');
    const back = reimport(doc, imported);
    expect(back.spans).toEqual(doc.record.spans);
    expect(back.quotes).toEqual(doc.record.quotes);
    expect(reimportIntoOriginal(doc, imported).report).toEqual({
      added: 0,
      duplicates: total,
      conflicts: [],
      said: [],
    });
  });

  it('labelstudio from an older Label Studio (UTF-16 indices) is recognised by the region texts', () => {
    const task = labelStudioTask(doc.record);
    for (const r of task.annotations[0].result) {
      if (r.value) {
        const units = (cp: number) => Array.from(doc.record.text).slice(0, cp).join('').length;
        r.value = { ...r.value, start: units(r.value.start), end: units(r.value.end) };
      }
    }
    const [imported] = parseLabelStudio(JSON.stringify([task]), 'old.json');
    const back = reimport(doc, imported);
    expect(back.spans).toEqual(doc.record.spans);
    expect(back.quotes).toEqual(doc.record.quotes);
  });

  it('conll (aligned to the clean text; entities only, overlaps resolved)', () => {
    const [tokens] = parseConll(conllDocument(doc.record).text, 'x.conll');
    const imported = alignConll(tokens, doc.record.text, 'x.conll');
    const back = reimport(doc, imported);
    expect(spansOf(back)).toEqual(
      resolveOverlaps(doc.record.spans).kept.map(({ start, end, label, text }) => ({
        start,
        end,
        label,
        text,
        link: undefined,
      })),
    );
  });
});

describe('merge safety', () => {
  const doc = docs[0];
  it('reports a relabelled span as a conflict and does not apply it', () => {
    const imported: ImportedDocument = {
      text: doc.record.text,
      entities: [{ ...doc.record.spans[1], label: 'LOC' }],
      quotes: [],
    };
    const { report, sidecar } = reimportIntoOriginal(doc, imported);
    expect(report.added).toBe(0);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatch(/labelled LOC here, GPE in the sidecar/);
    expect(sidecar).toEqual(doc.sidecar);
  });

  it('refuses a document whose text is neither its clean nor its source text', () => {
    const placed = toSourceAnnotations({ text: 'something else', entities: [], quotes: [] }, doc.text, doc.sidecar);
    expect('problem' in placed && placed.problem).toMatch(/not the document's clean text/);
  });

  it('accepts offsets into the source text too', () => {
    const t = doc.sidecar.entities.find((e) => e.id === 't4')!; // hidden in the clean text, present in the source
    const placed = toSourceAnnotations(
      { text: doc.text, entities: [{ start: t.start, end: t.end, label: 'PERSON' }], quotes: [] },
      doc.text,
      doc.sidecar,
    );
    expect('annotations' in placed && placed.annotations.entities[0]).toMatchObject({
      start: t.start,
      end: t.end,
      text: 'كيشيدا',
    });
  });
});

describe('jsonl import checks span texts', () => {
  it('refuses offsets that do not select their text (e.g. UTF-16 from a JavaScript tool), naming the line', () => {
    const text = '😀 Biden';
    const line = JSON.stringify({ id: 'x', text, spans: [{ start: 3, end: 8, label: 'PERSON', text: 'Biden' }] });
    expect(() => parseJsonl(line + '\n', 'pre.jsonl')).toThrow(
      /pre\.jsonl:1: spans\[0\]: its text "Biden" is not the text at \[3, 8\) \("iden"\); offsets must be code points/,
    );
    expect(parseJsonl(line.replace('"start":3,"end":8', '"start":2,"end":7') + '\n', 'pre.jsonl')[0].entities).toEqual([
      { start: 2, end: 7, label: 'PERSON' },
    ]);
  });
});
