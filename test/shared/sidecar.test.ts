import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptySidecar, migrateSidecar, parseSidecar, serializeSidecar, sortSidecar } from '../../shared/sidecar';
import { TahrirError } from '../../shared/errors';
import type { Sidecar } from '../../shared/model';

const fixture = join(__dirname, '..', 'fixtures', 'sidecars', '000_b3be894ae1d50a96.annotations.json');
const exampleJson = readFileSync(fixture, 'utf8');

function errorOf(f: () => unknown): TahrirError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TahrirError);
    return e as TahrirError;
  }
  throw new Error('expected a TahrirError');
}

describe('parseSidecar', () => {
  it('reads the example sidecar', () => {
    const s = parseSidecar(exampleJson, 'a.annotations.json');
    expect(s.source.length).toBe(2992);
    expect(s.edits).toHaveLength(6);
    expect(s.entities).toHaveLength(8);
    expect(s.quotes.map((q) => q.speaker)).toEqual(['t5', 't6']);
  });

  it('serializes the canonical example byte for byte', () => {
    expect(serializeSidecar(parseSidecar(exampleJson))).toBe(exampleJson);
  });

  it('names the line and column of a hand edit that broke the JSON, and does not call it truncated', () => {
    // A comma deleted after "version": 1 — the parser stops at the next key, line 3 column 3.
    const broken = exampleJson.replace('"version": 1,', '"version": 1');
    const e = errorOf(() => parseSidecar(broken, 'news/a.annotations.json'));
    expect(e.code).toBe('broken-sidecar');
    expect(e.message).toMatch(/^news\/a\.annotations\.json: is not valid JSON at line 4, column 3 \(.+\)$/);
    expect(e.said).toMatchObject({ key: 'error.sidecar-not-json-at', values: { line: '4', column: '3' } });
  });

  it('counts the column in code points, as the offsets are (an emoji before the break is one)', () => {
    const broken = exampleJson.replace('"status": "done"', '"status": "🎉" x');
    const line = broken.split('\n').findIndex((l) => l.includes('🎉')) + 1;
    const column = Array.from(broken.split('\n')[line - 1]).indexOf('x') + 1;
    const e = errorOf(() => parseSidecar(broken, 'a.annotations.json'));
    expect(e.message).toContain(`is not valid JSON at line ${line}, column ${column} (`);
  });

  it("says a sidecar holds git's conflict markers, on which line, and how to merge it again by id", () => {
    const lines = exampleJson.split('\n');
    const at = lines.findIndex((l) => l.includes('"entities"')) + 1;
    lines.splice(at, 0, '<<<<<<< HEAD', '=======', '>>>>>>> omar');
    const e = errorOf(() => parseSidecar(lines.join('\n'), 'news/a.annotations.json'));
    expect(e.code).toBe('broken-sidecar');
    expect(e.message).toBe(
      `news/a.annotations.json: holds git's conflict markers (line ${at + 1}): git merged it as text, without ` +
        "Tahrir's merge driver; before the merge is committed, `tahrir git-setup .` then " +
        '`git checkout -m -- news/a.annotations.json` in the workspace merge it again by id',
    );
  });

  it('says the file is truncated when the JSON stops early', () => {
    const e = errorOf(() => parseSidecar(exampleJson.slice(0, 500), 'news/a.annotations.json'));
    expect(e.code).toBe('broken-sidecar');
    expect(e.message).toMatch(/^news\/a\.annotations\.json: is not valid JSON .*truncated/);
    expect(e.file).toBe('news/a.annotations.json');
  });

  it('says an empty file is empty', () => {
    expect(errorOf(() => parseSidecar('', 'x.json')).message).toBe('x.json: is empty (not JSON)');
  });

  it('refuses a newer version with a clear message', () => {
    const data = JSON.parse(exampleJson);
    data.version = 2;
    const e = errorOf(() => parseSidecar(JSON.stringify(data), 'a.annotations.json'));
    expect(e.code).toBe('newer-version');
    expect(e.message).toContain('made by a newer Tahrir (version 2); this one reads version 1');
  });

  it('names each shape problem with its path', () => {
    const data = JSON.parse(exampleJson);
    data.entities[3].start = '315';
    data.quotes[0].kind = 'said';
    delete data.source.sha256;
    data.edits[1].end = 10; // before its start
    const e = errorOf(() => parseSidecar(JSON.stringify(data), 'a.annotations.json'));
    expect(e.code).toBe('broken-sidecar');
    const problems = e.detail as { path: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'entities[3].start', message: 'must be a number', said: { key: 'problem.not-number' } },
        {
          path: 'quotes[0].kind',
          message: 'must be one of direct, indirect',
          said: { key: 'problem.one-of', values: { values: 'direct, indirect' } },
        },
        { path: 'source.sha256', message: 'is missing', said: { key: 'problem.missing' } },
      ]),
    );
    expect(e.message).toContain('entities[3].start: must be a number');
  });

  it('reports an end before its start once the shape is right', () => {
    const data = JSON.parse(exampleJson);
    data.edits[1].end = 10;
    const e = errorOf(() => parseSidecar(JSON.stringify(data), 'a.annotations.json'));
    expect(e.detail).toMatchObject([{ path: 'edits[1]', message: 'end 10 is before start 303' }]);
  });

  it('refuses negative and fractional offsets, wrong format, and non-objects', () => {
    const data = JSON.parse(exampleJson);
    data.entities[0].start = -1;
    data.entities[1].end = 1.5;
    const problems = errorOf(() => migrateSidecar(data)).detail as { path: string }[];
    expect(problems.map((p) => p.path)).toEqual(['entities[0].start', 'entities[1].end']);
    expect(errorOf(() => migrateSidecar({ ...JSON.parse(exampleJson), format: 'other' })).message).toContain('format');
    expect(errorOf(() => migrateSidecar([])).code).toBe('broken-sidecar');
    expect(errorOf(() => parseSidecar('null')).code).toBe('broken-sidecar');
  });

  it('keeps unknown additive fields and writes them after the known ones', () => {
    const data = JSON.parse(exampleJson);
    data.reviewer = 'amal';
    data.entities[0].confidence = 0.9;
    const out = serializeSidecar(parseSidecar(JSON.stringify(data)));
    const back = JSON.parse(out);
    expect(back.reviewer).toBe('amal');
    expect(Object.keys(back).slice(-1)).toEqual(['reviewer']);
    expect(Object.keys(back.entities[0])).toEqual(['id', 'start', 'end', 'label', 'text', 'link', 'confidence']);
  });

  it('refuses a field nested thousands deep as a broken sidecar (valibot and JSON.stringify would overflow the stack)', () => {
    const deep = exampleJson.replace('{', `{"extra":${'{"d":'.repeat(5000)}1${'}'.repeat(5000)},`);
    const e = errorOf(() => parseSidecar(deep, 'a.annotations.json'));
    expect(e.code).toBe('broken-sidecar');
    expect(e.message).toMatch(/extra\.d\.d.*: is nested more than 64 levels deep/);
    expect(e.file).toBe('a.annotations.json');
  });

  it('accepts a BOM before the JSON', () => {
    expect(parseSidecar('\uFEFF' + exampleJson).entities).toHaveLength(8);
  });
});

describe('serializeSidecar', () => {
  it('orders keys and sorts arrays by (start, end, id) whatever the input order', () => {
    const s = parseSidecar(exampleJson);
    const shuffled: Sidecar = {
      annotator: s.annotator,
      updatedAt: s.updatedAt,
      quotes: [...s.quotes].reverse(),
      entities: [...s.entities].reverse().map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e),
      edits: [...s.edits].reverse(),
      document: s.document,
      source: s.source,
      version: 1,
      format: 'tahrir-annotations',
    };
    expect(serializeSidecar(shuffled)).toBe(exampleJson);
  });

  it('sorts ties by end then id, and attrs by key', () => {
    const s = emptySidecar('a.txt', 'a'.repeat(64), 10);
    s.entities = [
      { id: 'b', start: 1, end: 3, label: 'ORG', text: 'xy' },
      { id: 'a', start: 1, end: 3, label: 'ORG', text: 'xy', attrs: { z: '1', a: '2' } },
      { id: 'c', start: 1, end: 2, label: 'ORG', text: 'x' },
    ];
    const back = JSON.parse(serializeSidecar(s));
    expect(back.entities.map((e: { id: string }) => e.id)).toEqual(['c', 'a', 'b']);
    expect(Object.keys(back.entities[1].attrs)).toEqual(['a', 'z']);
    // the argument is not mutated
    expect(s.entities.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('ends with one newline, 2-space indent, no BOM, and keeps a null speaker', () => {
    const s = emptySidecar('a.txt', 'a'.repeat(64), 0);
    s.quotes = [{ id: 'q1', start: 0, end: 0, text: '', speaker: null, kind: 'indirect' }];
    const out = serializeSidecar(s);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.charCodeAt(0)).toBe(0x7b);
    expect(out).toContain('\n  "source": {\n    "file": "a.txt",');
    expect(out).toContain('"speaker": null');
  });

  it('parse → serialize → parse → serialize is stable for any valid sidecar (property)', () => {
    const span = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      start: fc.nat(50),
      len: fc.nat(10),
      text: fc.string({ unit: 'grapheme', maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 }), (ents, quotes) => {
        const s = emptySidecar('a.txt', 'f'.repeat(64), 100);
        s.entities = ents.map((x) => ({
          id: x.id,
          start: x.start,
          end: x.start + x.len,
          label: 'PERSON',
          text: x.text,
        }));
        s.quotes = quotes.map((x) => ({
          id: x.id,
          start: x.start,
          end: x.start + x.len,
          text: x.text,
          speaker: null,
          kind: 'direct' as const,
        }));
        const once = serializeSidecar(s);
        expect(serializeSidecar(parseSidecar(once))).toBe(once);
        expect(sortSidecar(parseSidecar(once)).entities).toHaveLength(ents.length);
      }),
    );
  });
});

describe('emptySidecar', () => {
  it('is a valid todo sidecar', () => {
    const s = emptySidecar('a.txt', 'b'.repeat(64), 12);
    expect(parseSidecar(serializeSidecar(s))).toEqual(s);
    expect(s.document.status).toBe('todo');
  });
});
