// The span lists are checked by hand when every item is plain (shared/sidecar.ts, plainLists), and by valibot
// otherwise. The two must give the same answers: a list the hand check takes is one the schema takes, unchanged; a
// sidecar reads the same (or fails with the same problems) whichever path it took.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TahrirError } from '../../shared/errors';
import { migrateSidecar, plainLists, plainSidecar, SidecarSchema } from '../../shared/sidecar';

// Values of every type a field can hold in JSON, the right one among them.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, 3, -1, 2.5, 1e21),
  fc.constantFrom('', 't1', 'PERSON', 'direct', 'indirect', 'boilerplate', 'typo', 'عمّان', '😀'),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ role: 'minister' }),
  fc.constant({ role: 3 }),
);
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const offset = mostly(fc.nat({ max: 500 }));
const text = mostly(fc.constantFrom('جو بايدن', 'Biden', '', '🇸🇦'));
const optionalText = mostly(fc.constantFrom(undefined, 'lina', 'عمر'));
const optionalFlag = mostly(fc.constantFrom(undefined, true, false));
const extra = fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constant({ note: 'x' }) });

const span = { id: mostly(fc.constantFrom('t1', 'e2', 'q3')), start: offset, end: offset, text };
const authorship = { orphaned: optionalFlag, createdBy: optionalText, changedBy: optionalText };
const entity = fc
  .tuple(
    fc.record({
      ...span,
      ...authorship,
      label: mostly(fc.constantFrom('PERSON', 'GPE')),
      link: optionalText,
      attrs: mostly(fc.constantFrom(undefined, { role: 'وزير' }, {})),
    }),
    extra,
  )
  .map(([e, x]) => ({ ...e, ...x }));
const quote = fc
  .tuple(
    fc.record({
      ...span,
      ...authorship,
      speaker: mostly(fc.constantFrom(null, 't1')),
      kind: mostly(fc.constantFrom('direct', 'indirect')),
      speakerName: optionalText,
    }),
    extra,
  )
  .map(([q, x]) => ({ ...q, ...x }));
const edit = fc
  .tuple(
    fc.record({
      ...span,
      ...authorship,
      replacement: text,
      kind: mostly(fc.constantFrom('boilerplate', 'join', 'split', 'normalize', 'typo')),
      rule: optionalText,
    }),
    extra,
  )
  .map(([e, x]) => ({ ...e, ...x }));

/** A JSON round trip: what a file holds (no undefined fields). */
const asJson = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;

const sidecarData = fc
  .record({
    edits: fc.array(edit, { maxLength: 3 }),
    entities: fc.array(entity, { maxLength: 4 }),
    quotes: fc.array(quote, { maxLength: 3 }),
  })
  .map((lists) =>
    asJson({
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: 500 },
      document: { status: 'todo' },
      ...lists,
    }),
  );

function outcome(data: Record<string, unknown>): unknown {
  try {
    return { ok: migrateSidecar(data, 'a.annotations.json') };
  } catch (e) {
    if (!(e instanceof TahrirError)) throw e;
    return { error: e.message };
  }
}

describe('plainLists: the span lists checked by hand', () => {
  it('takes only lists the schema takes, unchanged (3,000 random sidecars)', () => {
    let plain = 0;
    fc.assert(
      fc.property(sidecarData, (data) => {
        const lists = plainLists(data);
        const parsed = v.safeParse(SidecarSchema, data);
        if (lists) {
          plain++;
          expect(parsed.success).toBe(true);
          const out = parsed.output as Record<string, unknown>;
          expect(lists).toEqual({ edits: out.edits, entities: out.entities, quotes: out.quotes });
        }
      }),
      { numRuns: 3000 },
    );
    // Both paths taken often enough to mean something.
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(2900);
  });

  it('a sidecar reads as the schema reads it, and is refused where the schema refuses it (2,000 random sidecars)', () => {
    fc.assert(
      fc.property(sidecarData, (data) => {
        const read = outcome(data) as { ok?: unknown; error?: string };
        const parsed = v.safeParse(SidecarSchema, data);
        if (read.ok) expect(read.ok).toEqual(parsed.output);
        else {
          // Refused by the schema, or for a span ending before it starts (checked after the schema).
          const backwards = ['edits', 'entities', 'quotes'].some((k) =>
            (data[k] as { start: number; end: number }[]).some((x) => x.end < x.start),
          );
          expect(!parsed.success || backwards).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('names the item that is wrong, as before', () => {
    const data = asJson({
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: 500 },
      document: { status: 'todo' },
      edits: [],
      entities: [
        { id: 't1', start: 0, end: 3, label: 'PERSON', text: 'abc' },
        { id: 't2', start: 4, end: 2.5, label: 'PERSON', text: 'abc' },
      ],
      quotes: [],
    });
    expect(plainLists(data)).toBeNull();
    expect(() => migrateSidecar(data, 'a.annotations.json')).toThrow(
      'is not a valid sidecar: entities[1].end: must be a whole number (a code point offset)',
    );
  });
});

// The rest of a sidecar, each field mostly right: the whole sidecar checked by hand (plainSidecar) or not.
const rarely = (...values: unknown[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...values) });
const status = mostly(fc.constantFrom('todo', 'in_progress', 'done'));
const wholeSidecarData = fc
  .record(
    {
      format: mostly(fc.constant('tahrir-annotations')),
      version: mostly(fc.constant(1)),
      source: mostly(
        fc.record({
          file: mostly(fc.constantFrom('a.txt', 'خبر.txt')),
          sha256: mostly(fc.constantFrom('ab'.repeat(32), 'AB'.repeat(32), 'ab'.repeat(31))),
          length: offset,
        }),
      ),
      document: mostly(
        fc.record(
          {
            status,
            title: optionalText,
            published: optionalText,
            sourceName: optionalText,
            keywords: mostly(fc.constantFrom(undefined, [], ['اقتصاد', 'x'], ['x', 3])),
            note: optionalText,
            curatedFrom: rarely({ versions: ['a'], decisions: { t1: 'a' } }),
          },
          { requiredKeys: ['status'] },
        ),
      ),
      edits: mostly(fc.array(edit, { maxLength: 2 })),
      entities: mostly(fc.array(entity, { maxLength: 3 })),
      quotes: mostly(fc.array(quote, { maxLength: 2 })),
      rejected: mostly(fc.array(fc.record({ rule: text, start: offset, end: offset, text }), { maxLength: 2 })),
      updatedAt: optionalText,
      annotator: optionalText,
      statusHistory: mostly(fc.array(fc.record({ status, at: text }), { maxLength: 2 })),
      conflicts: rarely([], [{ kind: 'entity', id: 't1', reason: 'both-changed', mine: {} }]),
      extra: rarely('x', { nested: [[[]]] }),
    },
    { requiredKeys: ['format', 'version', 'source', 'document', 'edits', 'entities', 'quotes'] },
  )
  .map((data) => asJson(data));

describe('plainSidecar: the whole sidecar checked by hand', () => {
  it('takes only sidecars the schema takes, as the schema reads them (6,000 random sidecars)', () => {
    let plain = 0;
    fc.assert(
      fc.property(wholeSidecarData, (data) => {
        const sidecar = plainSidecar(data);
        const parsed = v.safeParse(SidecarSchema, data);
        if (sidecar) {
          plain++;
          expect(parsed.success).toBe(true);
          expect(sidecar).toEqual(parsed.output);
        }
      }),
      { numRuns: 6000 },
    );
    // Both paths taken often enough to mean something (about 1 in 25 is plain throughout).
    expect(plain).toBeGreaterThan(120);
    expect(plain).toBeLessThan(5800);
  });

  it('reads a sidecar as the schema reads it, and refuses it where the schema does (3,000 random sidecars)', () => {
    fc.assert(
      fc.property(wholeSidecarData, (data) => {
        const read = outcome(data) as { ok?: unknown; error?: string };
        const parsed = v.safeParse(SidecarSchema, data);
        if (read.ok) expect(read.ok).toEqual(parsed.output);
        else {
          const lists = ['edits', 'entities', 'quotes', 'rejected'].map((k) => data[k]);
          const backwards = lists.some(
            (list) => Array.isArray(list) && (list as { start: number; end: number }[]).some((x) => x?.end < x?.start),
          );
          expect(!parsed.success || backwards).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('copies what it hands back: the parsed data changed later changes no sidecar', () => {
    const data = asJson({
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: 500 },
      document: { status: 'done', keywords: ['a'] },
      edits: [],
      entities: [{ id: 't1', start: 0, end: 3, label: 'PERSON', text: 'abc' }],
      quotes: [],
      statusHistory: [{ status: 'done', at: '2026-01-01' }],
    });
    const sidecar = plainSidecar(data)!;
    (data.source as { length: number }).length = 1;
    ((data.document as { keywords: string[] }).keywords as string[]).push('b');
    (data.entities as unknown[]).pop();
    (data.statusHistory as { status: string }[])[0].status = 'todo';
    expect(sidecar.source.length).toBe(500);
    expect(sidecar.document.keywords).toEqual(['a']);
    expect(sidecar.entities).toHaveLength(1);
    expect(sidecar.statusHistory).toEqual([{ status: 'done', at: '2026-01-01' }]);
  });
});
