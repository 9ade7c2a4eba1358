import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Sidecar } from '../../../shared/model';
import { toExportRecord, type ExportRecord } from '../../../shared/export/export-record';
import { MIXED_TEXT, OLDER_TEXT, find, fixtureDocuments, sha256 } from './fixture-documents';

const [mixed, older] = fixtureDocuments();

/** Python-style slicing by code points. */
const slice = (s: string, a: number, b: number) => Array.from(s).slice(a, b).join('');

describe('toExportRecord', () => {
  const { record, leftOut } = toExportRecord(mixed.id, mixed.text, mixed.sidecar!, { textSha256: sha256(mixed.bytes) });

  it('exports the clean text: the source with the edits applied', () => {
    expect(record.text).toBe(MIXED_TEXT.replace('إقرأ المزيد: كيشيدا يزور واشنطن\r\n', '').replace(' area', ''));
    expect(record.id).toBe('mixed');
    expect(record.meta).toEqual({ status: 'done', title: 'mixed.txt' });
  });

  it('maps every span to clean code points, its text the clean substring', () => {
    expect(record.spans.map((s) => [s.label, s.text])).toEqual([
      ['MISC', '🇯🇵'],
      ['GPE', 'عمّان'],
      ['PERSON', 'بايدن'],
      ['PERSON', 'Joe Biden'],
      ['PERSON', 'Fumio Kishida'],
      ['GPE', 'Tokyo'],
      ['LOC', 'Tokyo Bay'], // clipped by the edit that removed " area"
      ['ORG', 'Reuters\u2009and\u00A0AP'],
    ]);
    for (const s of record.spans) expect(slice(record.text, s.start, s.end)).toBe(s.text);
    expect(record.spans[0]).toMatchObject(find(record.text, '🇯🇵'));
    expect(record.spans[2]).toEqual({ ...find(record.text, 'بايدن'), label: 'PERSON', text: 'بايدن', link: 'Q6279' });
  });

  it('leaves out and counts the span inside removed text', () => {
    expect(leftOut).toEqual({ 'inside removed text': 1 });
    expect(record.spans.some((s) => s.text === 'كيشيدا')).toBe(false);
  });

  it('gives quotes their speaker as an index into spans, or by name when the speaker is hidden', () => {
    expect(record.quotes).toHaveLength(2);
    const [q1, q2] = record.quotes;
    expect(q1.text).toBe('نحن منفتحون على الحوار\r\nدون شروط');
    expect(record.spans[q1.speaker!].text).toBe('بايدن');
    expect(q1.kind).toBe('direct');
    expect(q2).toMatchObject({
      text: 'Fumio Kishida in Tokyo',
      speaker: null,
      speakerName: 'كيشيدا',
      kind: 'indirect',
    });
    for (const q of record.quotes) expect(slice(record.text, q.start, q.end)).toBe(q.text);
  });

  it('re-anchors first when the sidecar is older than the text', () => {
    const { record: r, leftOut: out } = toExportRecord(older.id, older.text, older.sidecar!, {
      textSha256: sha256(older.bytes),
    });
    expect(r.text).toBe(OLDER_TEXT);
    expect(r.spans.map((s) => [s.text, s.start])).toEqual([
      ['Kishida', find(OLDER_TEXT, 'Kishida').start],
      ['Biden', find(OLDER_TEXT, 'Biden').start],
      ['Washington', find(OLDER_TEXT, 'Washington').start],
    ]);
    expect(out).toEqual({});
  });

  it('without the text sha it trusts the offsets (and leaves out orphaned spans)', () => {
    const sidecar = { ...older.sidecar!, entities: [{ ...older.sidecar!.entities[0], orphaned: true }] };
    const { record: r, leftOut: out } = toExportRecord(older.id, older.text, sidecar);
    expect(r.spans).toEqual([]);
    expect(out).toEqual({ orphaned: 1 });
  });
});

describe('toExportRecord: work per document', () => {
  /** Scans of `text` for surrogates: each CodePointIndex of it makes one. */
  function indexesOf(text: string, run: () => void): number {
    const test = vi.spyOn(RegExp.prototype, 'test');
    try {
      run();
      const contexts = test.mock.contexts as RegExp[];
      return contexts.filter((re, i) => re.source === '[\\uD800-\\uDBFF]' && test.mock.calls[i][0] === text).length;
    } finally {
      test.mockRestore();
    }
  }

  it('indexes the source once when no edit applies (the check, the map and the clean text share it)', () => {
    const text = 'Joe Biden met 🇯🇵 Fumio Kishida.';
    const sidecar: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'x', length: Array.from(text).length },
      document: { status: 'done' },
      edits: [],
      entities: [{ id: 'e1', start: 0, end: 9, label: 'PERSON', text: 'Joe Biden' }],
      quotes: [],
    };
    let record: ExportRecord | undefined;
    // Three before (spansHoldTheirText, PositionMap, the clean text's index).
    expect(indexesOf(text, () => (record = toExportRecord('a', text, sidecar, { textSha256: 'x' }).record))).toBe(1);
    expect(record!.spans).toEqual([{ start: 0, end: 9, label: 'PERSON', text: 'Joe Biden' }]);
  });

  it('indexes the clean text on its own when an edit changed it', () => {
    const { record } = toExportRecord(mixed.id, mixed.text, mixed.sidecar!, { textSha256: sha256(mixed.bytes) });
    expect(record.text).not.toBe(mixed.text);
    expect(indexesOf(record.text, () => toExportRecord(mixed.id, mixed.text, mixed.sidecar!, {}))).toBe(1);
  });
});

describe('toExportRecord: a document with no edit whose spans hold their text', () => {
  // Texts of Arabic, Latin, an astral flag and a line break; spans anywhere in them, several at one place with labels
  // out of their order, quotes whose speaker is a span, no span or an id no span has.
  const parts = ['عمّان', ' ', 'Joe', '🇯🇵', '\r\n', 'ب', 'x'];
  const doc = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 30 }).chain((words) => {
    const length = Array.from(words.join('')).length;
    const place = fc
      .tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: 6 }))
      .map(([start, n]) => ({ start, end: Math.min(length, start + n) }));
    const entity = fc.tuple(place, fc.constantFrom('PERSON', 'GPE', 'ORG'), fc.boolean());
    const quote = fc.tuple(place, fc.integer({ min: -2, max: 12 }));
    return fc.tuple(
      fc.constant(words.join('')),
      fc.array(entity, { maxLength: 12 }),
      fc.array(quote, { maxLength: 3 }),
    );
  });
  const slice = (s: string, a: number, b: number) => Array.from(s).slice(a, b).join('');

  function sidecarOf(
    text: string,
    entities: [{ start: number; end: number }, string, boolean][],
    quotes: [{ start: number; end: number }, number][],
  ): Sidecar {
    const byPlace = <T extends { start: number; end: number; id: string }>(a: T, b: T) =>
      a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
    const spans = entities.map(([p, label, linked], i) => ({
      id: `e${(i * 7) % 13}${i}`,
      ...p,
      label,
      text: slice(text, p.start, p.end),
      ...(linked ? { link: `Q${i}` } : {}),
    }));
    return {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'sha', length: Array.from(text).length },
      document: { status: 'done' },
      edits: [],
      entities: spans.sort(byPlace),
      quotes: quotes
        .map(([p, who], i) => ({
          id: `q${i}`,
          ...p,
          text: slice(text, p.start, p.end),
          kind: 'direct' as const,
          speaker: who < 0 ? (who === -1 ? null : 'nobody') : (spans[who]?.id ?? null),
        }))
        .sort(byPlace),
    };
  }

  it('makes the record the general path makes (each span mapped and cut from the clean text, then sorted)', () => {
    fc.assert(
      fc.property(doc, ([text, entities, quotes]) => {
        const sidecar = sidecarOf(text, entities, quotes);
        const asIs = toExportRecord('a', text, sidecar, { textSha256: 'sha' });
        // Another sha: the text "changed", every span is looked for again (each found where it is) and mapped.
        const looked = toExportRecord('a', text, sidecar, { textSha256: 'another' });
        expect(looked.notes).toEqual([]);
        expect(asIs.record).toEqual(looked.record);
        expect(JSON.stringify(asIs.record)).toBe(JSON.stringify(looked.record));
        expect(asIs.leftOutSpans).toEqual(looked.leftOutSpans);
      }),
      { numRuns: 500 },
    );
  });

  it('orders spans at one place by label, and names a quote’s speaker by its place in that order', () => {
    const text = 'Joe Biden spoke.';
    const sidecar = sidecarOf(
      text,
      [
        [{ start: 0, end: 9 }, 'PERSON', false],
        [{ start: 0, end: 9 }, 'GPE', false],
      ],
      [[{ start: 10, end: 15 }, 0]],
    );
    const { record } = toExportRecord('a', text, sidecar, { textSha256: 'sha' });
    expect(record.spans.map((s) => s.label)).toEqual(['GPE', 'PERSON']);
    expect(record.quotes[0].speaker).toBe(1);
  });
});
