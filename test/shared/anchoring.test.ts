import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { approximateSearch, reanchor } from '../../shared/anchoring';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';
import { editProblems } from '../../shared/position-map';
import { cpLength, cpSlice, spanArb, textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

// At least 1,000 generated cases per property; TAHRIR_PROPERTY_RUNS raises it when hunting bugs.
const RUNS = { numRuns: Math.max(1000, Number(process.env.TAHRIR_PROPERTY_RUNS ?? 0)) };

function sidecarFor(source: string, parts: { edits?: Edit[]; entities?: Entity[]; quotes?: Quote[] }): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: '0'.repeat(64), length: cpLength(source) },
    document: { status: 'todo' },
    edits: parts.edits ?? [],
    entities: parts.entities ?? [],
    quotes: parts.quotes ?? [],
  };
}

function entity(id: string, source: string, start: number, end: number): Entity {
  return { id, start, end, label: 'PERSON', text: cpSlice(source, start, end) };
}

/** Inserts `pieces` at code point offsets (applied from the last offset back, so offsets refer to the original). */
function insertAt(source: string, insertions: { at: number; text: string }[]): string {
  const cps = Array.from(source);
  for (const { at, text } of [...insertions].sort((a, b) => b.at - a.at)) cps.splice(at, 0, text);
  return cps.join('');
}

function occurrenceCount(text: string, needle: string): number {
  let n = 0;
  for (let u = text.indexOf(needle); u >= 0; u = text.indexOf(needle, u + 1)) n++;
  return n;
}

describe('reanchor examples', () => {
  const old = 'قال جو بايدن 😀 إن واشنطن منفتحة على الحوار مع كيم جونغ أون.';
  const biden = entity('t1', old, 4, 12); // جو بايدن
  const kim = entity('t2', old, 48, 59); // كيم جونغ أون

  it('keeps everything when nothing moved (length updated)', () => {
    const { sidecar, report } = reanchor(old + ' المزيد', sidecarFor(old, { entities: [biden, kim] }));
    expect(sidecar.entities).toEqual([biden, kim]);
    expect(sidecar.source.length).toBe(cpLength(old) + 7);
    expect(report).toEqual({ moved: [], orphaned: [] });
  });

  it('finds text that moved, nearest to where it should be', () => {
    const changed = 'عاجل 🇺🇸: ' + old;
    const shift = cpLength('عاجل 🇺🇸: ');
    const { sidecar, report } = reanchor(changed, sidecarFor(old, { entities: [biden, kim] }));
    expect(sidecar.entities.map((e) => [e.start, e.end])).toEqual([
      [4 + shift, 12 + shift],
      [48 + shift, 59 + shift],
    ]);
    expect(report.moved).toEqual([
      { kind: 'entity', id: 't1', from: 4, to: 4 + shift, how: 'nearest' },
      { kind: 'entity', id: 't2', from: 48, to: 48 + shift, how: 'nearest' },
    ]);
  });

  it('uses reliable neighbours to pick among repeated text', () => {
    // 'بايدن' appears twice; the span is the second one. Text inserted at the start shifts it.
    const source = 'بايدن قال. ثم بايدن غادر واشنطن.';
    const second = entity('b2', source, 14, 19);
    const city = entity('c', source, 25, 31);
    const changed = 'خبر عاجل جدا: ' + source;
    const { sidecar } = reanchor(changed, sidecarFor(source, { entities: [second, city] }));
    const shift = cpLength('خبر عاجل جدا: ');
    expect(sidecar.entities[0]).toMatchObject({ start: 14 + shift, end: 19 + shift, text: 'بايدن' });
  });

  it('follows paragraphs that swapped places', () => {
    const first = 'أعلن البيت الأبيض اليوم موقفه.\n';
    const second = 'وقال فوميو كيشيدا في طوكيو إنه يرحب.\n';
    const source = first + second;
    const house = entity('h', source, 5, 17);
    const kishida = entity('k', source, cpLength(first) + 5, cpLength(first) + 17);
    const tokyo = entity('t', source, cpLength(first) + 21, cpLength(first) + 26);
    expect([house.text, kishida.text, tokyo.text]).toEqual(['البيت الأبيض', 'فوميو كيشيدا', 'طوكيو']);
    const swapped = second + first;
    const { sidecar, report } = reanchor(swapped, sidecarFor(source, { entities: [house, kishida, tokyo] }));
    for (const e of sidecar.entities) expect(cpSlice(swapped, e.start, e.end)).toBe(e.text);
    expect(sidecar.entities.map((e) => e.start)).toEqual([cpLength(second) + 5, 5, 21]);
    expect(report.orphaned).toEqual([]);
  });

  it('matches letter variants once normalized (fuzzy)', () => {
    const source = 'كلمات: کوریا الشمالیة';
    const korea = entity('k', source, 7, 21);
    const fixed = 'كلمات: كوريا الشمالية';
    const { sidecar, report } = reanchor(fixed, sidecarFor(source, { entities: [korea] }));
    expect(sidecar.entities[0]).toMatchObject({ start: 7, end: 21, text: 'كوريا الشمالية' });
    expect(sidecar.entities[0].orphaned).toBeUndefined();
    expect(report.moved).toEqual([{ kind: 'entity', id: 'k', from: 7, to: 7, how: 'fuzzy' }]);
  });

  it('finds a quote with a fixed typo by approximate search, and gives up on a look-alike', () => {
    const source = 'وقال الرئيس "نحن منفتحون على الحوار مع كوريا" ثم غادر.';
    const quote: Quote = { id: 'q1', start: 13, end: 45, text: cpSlice(source, 13, 45), speaker: null, kind: 'direct' };
    const fixed = source.replace('منفتحون', 'منفتحين');
    const { sidecar, report } = reanchor('مقدمة. ' + fixed, sidecarFor(source, { quotes: [quote] }));
    expect(sidecar.quotes[0].text).toBe(cpSlice('مقدمة. ' + fixed, sidecar.quotes[0].start, sidecar.quotes[0].end));
    expect(sidecar.quotes[0].text).toContain('منفتحين');
    expect(report.moved[0]).toMatchObject({ id: 'q1', how: 'fuzzy' });

    const other = 'وقال الرئيس إن الطقس حار جدا اليوم في العاصمة.';
    const lost = reanchor(other, sidecarFor(source, { quotes: [quote] }));
    expect(lost.sidecar.quotes[0]).toMatchObject({ id: 'q1', orphaned: true, text: quote.text });
    expect(lost.report.orphaned).toEqual([{ kind: 'quote', id: 'q1', text: quote.text }]);
  });

  it('never fuzzy-matches a short name to a look-alike', () => {
    const source = 'قال عمر كلاما';
    const omar = entity('o', source, 4, 7);
    const { sidecar } = reanchor('قال عمرو كلاما', sidecarFor(source, { entities: [omar] }));
    // 'عمر' still occurs inside 'عمرو' exactly; a different name of 3 letters would not match.
    expect(sidecar.entities[0].orphaned).toBeUndefined();
    const gone = reanchor('قال زيد كلاما', sidecarFor(source, { entities: [omar] }));
    expect(gone.sidecar.entities[0].orphaned).toBe(true);
  });

  it('orphans an edit that would overlap another, keeps edits sorted', () => {
    const source = 'aab--bcc';
    const e1: Edit = { id: 'e1', start: 0, end: 3, text: 'aab', replacement: '', kind: 'typo' };
    const e2: Edit = { id: 'e2', start: 5, end: 8, text: 'bcc', replacement: '', kind: 'typo' };
    const { sidecar, report } = reanchor('aabcc', sidecarFor(source, { edits: [e1, e2] }));
    expect(sidecar.edits).toEqual([e1, { ...e2, start: 5, end: 5, orphaned: true }]);
    expect(report.orphaned.map((o) => o.id)).toEqual(['e2']);
  });

  it('moves rejected suggestions with their text, and keeps the ones it cannot find', () => {
    const source = 'نص. إقرأ المزيد هنا';
    const sidecar = {
      ...sidecarFor(source, { entities: [entity('t', source, 0, 2)] }),
      rejected: [
        { rule: 'read-more', start: 4, end: 15, text: 'إقرأ المزيد' },
        { rule: 'source-line', start: 0, end: 3, text: 'غير موجود' },
      ],
    };
    const { sidecar: out } = reanchor('مقدمة ' + source, sidecar);
    expect(out.rejected).toEqual([
      { rule: 'read-more', start: 10, end: 21, text: 'إقرأ المزيد' },
      { rule: 'source-line', start: 0, end: 3, text: 'غير موجود' },
    ]);
    // Also when there is nothing else in the sidecar.
    const alone = reanchor('مقدمة ' + source, { ...sidecarFor(source, {}), rejected: [sidecar.rejected[0]] });
    expect(alone.sidecar.rejected).toEqual([{ rule: 'read-more', start: 10, end: 21, text: 'إقرأ المزيد' }]);
  });

  it('re-attaches a span that was orphaned once its text is back', () => {
    const source = 'abc جو بايدن';
    const e = { ...entity('t', source, 4, 12), orphaned: true as const };
    const { sidecar } = reanchor('xx ' + source, sidecarFor(source, { entities: [e] }));
    expect(sidecar.entities[0]).toEqual({ id: 't', start: 7, end: 15, label: 'PERSON', text: 'جو بايدن' });
  });

  it('approximateSearch counts edits and prefers the hint', () => {
    const t = Array.from('xxabcdxxabdxx');
    expect(approximateSearch(t, Array.from('abcd'), 0, 0)).toEqual({ start: 2, end: 6, errors: 0 });
    expect(approximateSearch(t, Array.from('abd'), 0, 0)).toEqual({ start: 8, end: 11, errors: 0 });
    expect(approximateSearch(t, Array.from('abzd'), 9, 1)).toMatchObject({ errors: 1, start: 8 });
    expect(approximateSearch(t, Array.from('qqqq'), 0, 1)).toBeNull();
  });
});

/** A document with a few entities and insertions that never fall strictly inside one. */
const changedDocArb = textArb(30)
  .filter((s) => cpLength(s) > 0)
  .chain((source) => {
    const n = cpLength(source);
    return fc.record({
      source: fc.constant(source),
      spans: fc.array(
        spanArb(n).filter((s) => s.end > s.start),
        { minLength: 1, maxLength: 5 },
      ),
      insertions: fc.array(fc.record({ at: fc.nat({ max: n }), text: textArb(4).filter((t) => t !== '') }), {
        minLength: 1,
        maxLength: 4,
      }),
    });
  })
  .map(({ source, spans, insertions }) => ({
    source,
    spans,
    // "Far from a span": never inside one, nor touching its edges.
    insertions: insertions.filter(({ at }) => spans.every((s) => at < s.start || at > s.end)),
  }))
  .filter(({ insertions }) => insertions.length > 0);

describe('reanchor properties', () => {
  it('after random insertions far from the spans, finds every span with its exact text, and a unique one exactly', () => {
    fc.assert(
      fc.property(changedDocArb, ({ source, spans, insertions }) => {
        const entities = spans.map((s, i) => entity(`t${i}`, source, s.start, s.end));
        const changed = insertAt(source, insertions);
        const { sidecar, report } = reanchor(changed, sidecarFor(source, { entities }));
        expect(sidecar.source.length).toBe(cpLength(changed));
        expect(report.orphaned).toEqual([]);
        sidecar.entities.forEach((e, i) => {
          expect(e.orphaned).toBeUndefined();
          expect(e.text).toBe(entities[i].text);
          expect(cpSlice(changed, e.start, e.end)).toBe(e.text);
          const shift = insertions
            .filter((ins) => ins.at < spans[i].start)
            .reduce((sum, ins) => sum + cpLength(ins.text), 0);
          if (occurrenceCount(changed, e.text) === 1) expect(e.start).toBe(spans[i].start + shift);
        });
      }),
      RUNS,
    );
  });

  it('after insertions only past every span, finds every span exactly where it was', () => {
    fc.assert(
      fc.property(changedDocArb, ({ source, spans, insertions }) => {
        const last = Math.max(...spans.map((s) => s.end));
        const after = insertions.filter((ins) => ins.at > last);
        fc.pre(after.length > 0);
        const entities = spans.map((s, i) => entity(`t${i}`, source, s.start, s.end));
        const { sidecar, report } = reanchor(insertAt(source, after), sidecarFor(source, { entities }));
        expect(sidecar.entities).toEqual(entities);
        expect(report).toEqual({ moved: [], orphaned: [] });
      }),
      { ...RUNS, numRuns: RUNS.numRuns },
    );
  });

  it('never drops anything, and leaves edits valid', () => {
    fc.assert(
      fc.property(textArb(30), textArb(30), fc.array(spanArb(30), { maxLength: 6 }), (source, changed, spans) => {
        const n = cpLength(source);
        const valid = spans.filter((s) => s.end <= n);
        // Non-overlapping edits from the spans, in order.
        const edits: Edit[] = [];
        let prevEnd = 0;
        for (const s of [...valid].sort((a, b) => a.start - b.start)) {
          if (s.start < prevEnd) continue;
          edits.push({
            id: `e${edits.length}`,
            start: s.start,
            end: s.end,
            text: cpSlice(source, s.start, s.end),
            replacement: '',
            kind: 'boilerplate',
          });
          prevEnd = s.end;
        }
        const entities = valid.map((s, i) => entity(`t${i}`, source, s.start, s.end));
        const { sidecar, report } = reanchor(changed, sidecarFor(source, { edits, entities }));
        expect(sidecar.edits).toHaveLength(edits.length);
        expect(sidecar.entities).toHaveLength(entities.length);
        expect(editProblems(cpLength(changed), sidecar.edits)).toEqual([]);
        for (const s of [...sidecar.edits, ...sidecar.entities]) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(cpLength(changed));
          if (!s.orphaned) expect(cpSlice(changed, s.start, s.end)).toBe(s.text);
        }
        const orphans = [...sidecar.edits, ...sidecar.entities].filter((s) => s.orphaned).length;
        expect(report.orphaned).toHaveLength(orphans);
      }),
      RUNS,
    );
  });
});
