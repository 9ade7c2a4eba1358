import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSidecarAgainstSource, checkSidecarStructure, duplicateIdProblems } from '../../shared/sidecar-check';
import { emptySidecar, parseSidecar } from '../../shared/sidecar';
import type { Sidecar } from '../../shared/model';
import { message } from '../../shared/i18n/message';

const root = join(__dirname, '..', '..');
const exampleJson = readFileSync(
  join(root, 'test', 'fixtures', 'sidecars', '000_b3be894ae1d50a96.annotations.json'),
  'utf8',
);
const sampleText = readFileSync(join(root, 'seeds', '000_b3be894ae1d50a96.txt'), 'utf8').replace(/^\uFEFF/, '');
const FILE = '000_b3be894ae1d50a96.txt';
const example = (): Sidecar => parseSidecar(exampleJson);

describe('checkSidecarAgainstSource', () => {
  it('finds nothing wrong with the example sidecar on the sample article', () => {
    expect(checkSidecarAgainstSource(example(), sampleText, FILE)).toEqual([]);
    expect(checkSidecarAgainstSource(example(), sampleText, FILE, { labels: ['PERSON', 'ORG', 'GPE'] })).toEqual([]);
  });

  it('reports an end past the text, in code points', () => {
    const s = example();
    s.entities[3].end = 3120;
    expect(checkSidecarAgainstSource(s, sampleText, FILE)).toContainEqual({
      path: 'entities[3]',
      message: 'end 3120 is past the end of the text (2992 code points)',
      said: { key: 'problem.past-end', values: { end: '3120', length: '2992' } },
    });
  });

  it('reports a text anchor that does not match the source', () => {
    const s = example();
    s.entities[0].start += 1;
    s.entities[0].end += 1;
    const problems = checkSidecarAgainstSource(s, sampleText, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('entities[0]');
    expect(problems[0].message).toMatch(/^text "جو بايدن" does not match the source at 144–152/);
  });

  it('counts code points, not UTF-16 units: emoji, flags, combining marks, CRLF', () => {
    const text = 'Hi 👋🏽 from 🇯🇴 عمّان\r\nبايدن';
    const s = emptySidecar('t.txt', '0'.repeat(64), Array.from(text).length);
    // "عمّان" starts after "Hi 👋🏽 from 🇯🇴 " = 3 + 2 + 6 + 2 + 1 code points
    s.entities = [
      { id: 't1', start: 14, end: 19, label: 'GPE', text: 'عمّان' },
      { id: 't2', start: 21, end: 26, label: 'PERSON', text: 'بايدن' },
      { id: 't3', start: 3, end: 5, label: 'MISC', text: '👋🏽' },
    ];
    expect(checkSidecarAgainstSource(s, text, 't.txt')).toEqual([]);
    s.entities[1].end = 27;
    expect(checkSidecarAgainstSource(s, text, 't.txt')[0].message).toBe(
      'end 27 is past the end of the text (26 code points)',
    );
  });

  it('reports source.file naming another file and a changed length', () => {
    const s = example();
    s.source.file = 'other.txt';
    s.source.length = 2990;
    const paths = checkSidecarAgainstSource(s, sampleText, FILE).map((p) => p.path);
    expect(paths).toEqual(['source.file', 'source.length']);
  });

  it('does not count orphaned spans as errors', () => {
    const s = example();
    s.entities[2] = { ...s.entities[2], start: 5000, end: 5010, text: 'gone', orphaned: true };
    s.edits[0] = { ...s.edits[0], text: 'moved away', orphaned: true };
    expect(checkSidecarAgainstSource(s, sampleText, FILE)).toEqual([]);
  });

  it('reports labels outside the workspace labels when given', () => {
    expect(checkSidecarAgainstSource(example(), sampleText, FILE, { labels: ['PERSON', 'GPE'] })).toEqual([
      {
        path: 'entities[4].label',
        message: 'label "ORG" is not one of the workspace labels (PERSON, GPE)',
        said: message('problem.unknown-label', { label: 'ORG', labels: 'PERSON, GPE' }),
      },
    ]);
  });
});

describe('checkSidecarStructure', () => {
  const base = () => emptySidecar('a.txt', '0'.repeat(64), 100);
  const edit = (id: string, start: number, end: number) => ({
    id,
    start,
    end,
    text: 'x'.repeat(end - start),
    replacement: '',
    kind: 'typo' as const,
  });

  it('names each duplicate and the first holder of its id by list and place', () => {
    const s = base();
    s.edits = [edit('e1', 0, 1), edit('q2', 1, 2)];
    s.entities = [
      { id: 'n1', start: 2, end: 3, label: 'ORG', text: 'x' },
      { id: 'n2', start: 3, end: 4, label: 'ORG', text: 'x' },
      { id: 'n1', start: 4, end: 5, label: 'ORG', text: 'x' },
    ];
    s.quotes = [
      { id: 'q1', start: 4, end: 5, text: 'x', speaker: null, kind: 'direct' },
      { id: 'n2', start: 5, end: 6, text: 'x', speaker: null, kind: 'direct' },
      { id: 'q2', start: 6, end: 7, text: 'x', speaker: null, kind: 'direct' },
    ];
    expect(duplicateIdProblems(s)).toEqual([
      { path: 'entities[2]', message: 'id "n1" is already used by entities[0]' },
      { path: 'quotes[1]', message: 'id "n2" is already used by entities[1]' },
      { path: 'quotes[2]', message: 'id "q2" is already used by edits[1]' },
    ]);
  });

  it('names the same duplicates for a few spans (compared pair by pair) as for many (looked up)', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e1', 'e2', 'e3', 'e4', 'q1', 'x'), { maxLength: 18 });
    fc.assert(
      fc.property(ids, ids, ids, (edits, entities, quotes) => {
        const s = base();
        s.edits = edits.map((id, i) => edit(id, i, i));
        s.entities = entities.map((id, i) => ({ id, start: i, end: i + 1, label: 'ORG', text: 'x' }));
        s.quotes = quotes.map((id, i) => ({ id, start: i, end: i + 1, text: 'x', speaker: null, kind: 'direct' }));
        // The lists walked in turn, each id's first holder remembered: what the problems say.
        const first = new Map<string, string>();
        const expected: { path: string; message: string }[] = [];
        for (const [name, list] of [
          ['edits', s.edits],
          ['entities', s.entities],
          ['quotes', s.quotes],
        ] as const)
          list.forEach(({ id }, i) => {
            const holder = first.get(id);
            if (holder === undefined) first.set(id, `${name}[${i}]`);
            else
              expected.push({
                path: `${name}[${i}]`,
                message: `id ${JSON.stringify(id)} is already used by ${holder}`,
              });
          });
        const byPlace = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
        expect(duplicateIdProblems(s).sort(byPlace)).toEqual(expected.sort(byPlace));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports duplicate ids across kinds', () => {
    const s = base();
    s.edits = [edit('x1', 0, 1)];
    s.entities = [{ id: 'x1', start: 2, end: 3, label: 'ORG', text: 'x' }];
    s.quotes = [{ id: 'x1', start: 4, end: 5, text: 'x', speaker: null, kind: 'direct' }];
    expect(checkSidecarStructure(s)).toEqual([
      { path: 'entities[0]', message: 'id "x1" is already used by edits[0]' },
      { path: 'quotes[0]', message: 'id "x1" is already used by edits[0]' },
    ]);
  });

  it('allows touching edits and insertions at a boundary, refuses overlaps and unsorted lists', () => {
    const s = base();
    s.edits = [
      edit('a', 3, 3),
      edit('b', 3, 8),
      edit('c', 8, 8),
      edit('d', 8, 10),
      edit('e', 10, 10),
      edit('f', 10, 10),
    ];
    expect(checkSidecarStructure(s)).toEqual([]);
    s.edits = [edit('a', 3, 8), edit('b', 5, 5)];
    expect(checkSidecarStructure(s)).toEqual([{ path: 'edits[1]', message: 'edit 5–5 overlaps edits[0] (3–8)' }]);
    s.edits = [edit('a', 3, 20), edit('b', 5, 6), edit('c', 10, 12)];
    expect(checkSidecarStructure(s).map((p) => p.path)).toEqual(['edits[1]', 'edits[2]']);
    s.edits = [edit('a', 10, 12), edit('b', 0, 2)];
    expect(checkSidecarStructure(s)).toEqual([
      { path: 'edits[1]', message: 'edits are not sorted by start: 0–2 comes after 10–12' },
    ]);
  });

  it('reports a speaker that is not an entity', () => {
    const s = base();
    s.entities = [{ id: 't1', start: 0, end: 1, label: 'PERSON', text: 'x' }];
    s.quotes = [
      { id: 'q1', start: 2, end: 3, text: 'x', speaker: 't1', kind: 'direct' },
      { id: 'q2', start: 2, end: 3, text: 'x', speaker: 't9', kind: 'direct' },
    ];
    expect(checkSidecarStructure(s)).toEqual([
      { path: 'quotes[1].speaker', message: 'speaker "t9" is not an entity in this file' },
    ]);
  });
});

describe('edit overlap (property)', () => {
  it('reports an overlap exactly when two non-orphaned edits overlap (touching and same-point insertions allowed)', () => {
    const edit = fc.record({ start: fc.nat(12), len: fc.nat(4) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (raw) => {
        const s = emptySidecar('a.txt', '0'.repeat(64), 20);
        s.edits = raw
          .map((r, i) => ({
            id: `e${i}`,
            start: r.start,
            end: r.start + r.len,
            text: 'x'.repeat(r.len),
            replacement: '',
            kind: 'typo' as const,
          }))
          .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
        // Two edits overlap when they share a code point, or one inserts strictly inside the other.
        const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
          Math.max(a.start, b.start) < Math.min(a.end, b.end) ||
          (a.start === a.end && b.start < a.start && a.start < b.end) ||
          (b.start === b.end && a.start < b.start && b.start < a.end);
        const expected = s.edits.some((a, i) => s.edits.some((b, j) => i < j && overlap(a, b)));
        const reported = checkSidecarStructure(s).some((p) => p.message.includes('overlaps'));
        expect(reported).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
