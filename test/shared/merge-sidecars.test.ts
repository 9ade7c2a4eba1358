// Property tests for merging two versions of a sidecar by id (external change on disk).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSidecars, resolveExternalChange, sameData, type MergeResult } from '../../shared/merge-sidecars';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';

const RUNS = 1000;
/** The properties run on random seeds; TAHRIR_MERGE_SEED=<n> replays the seed a failure printed. */
const SEED = process.env.TAHRIR_MERGE_SEED ? Number(process.env.TAHRIR_MERGE_SEED) : undefined;
const LENGTH = 400;
const LABELS = ['PERSON', 'ORG', 'GPE'];

/** Mostly anywhere; now and then one of a few spans, so that sidecars hold duplicate items (the same span and label). */
const span = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat({ max: LENGTH }), fc.nat({ max: 30 }))
      .map(([start, len]) => ({ start, end: Math.min(LENGTH, start + len) })),
  },
  { weight: 1, arbitrary: fc.constantFrom({ start: 10, end: 15 }, { start: 12, end: 20 }, { start: 40, end: 40 }) },
);

const entityBody = fc.record(
  { span, label: fc.constantFrom(...LABELS), link: fc.constantFrom('Q1', 'Q2', 'بايدن') },
  { requiredKeys: ['span', 'label'] },
);
const quoteBody = fc.record({
  span,
  kind: fc.constantFrom('direct' as const, 'indirect' as const),
  speakerPick: fc.nat({ max: 20 }),
});

function entity(id: string, b: { span: { start: number; end: number }; label: string; link?: string }): Entity {
  const e: Entity = {
    id,
    start: b.span.start,
    end: b.span.end,
    label: b.label,
    text: `x${b.span.start}:${b.span.end}`,
  };
  if (b.link !== undefined) e.link = b.link;
  return e;
}
function quote(
  id: string,
  b: { span: { start: number; end: number }; kind: 'direct' | 'indirect'; speakerPick: number },
  entities: Entity[],
): Quote {
  const speaker = b.speakerPick < entities.length ? entities[b.speakerPick].id : null;
  return { id, start: b.span.start, end: b.span.end, text: `q${b.span.start}`, speaker, kind: b.kind };
}

/** Non-overlapping edits from sorted cut points: pairs [a, b) with gaps. */
const editsArb = fc.uniqueArray(fc.nat({ max: LENGTH }), { maxLength: 8 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    edits.push({
      id: `e${i / 2 + 1}`,
      start: sorted[i],
      end: sorted[i + 1],
      text: `s${sorted[i]}`,
      replacement: i % 4 ? '' : ' ',
      kind: 'boilerplate',
    });
  }
  return edits;
});

const sidecarArb: fc.Arbitrary<Sidecar> = fc
  .record({
    entities: fc.array(entityBody, { maxLength: 8 }),
    quotes: fc.array(quoteBody, { maxLength: 5 }),
    edits: editsArb,
    status: fc.constantFrom('todo' as const, 'in_progress' as const, 'done' as const),
    title: fc.option(fc.constantFrom('عنوان', 'Title'), { nil: undefined }),
  })
  .map(({ entities, quotes, edits, status, title }) => {
    const ents = entities.map((b, i) => entity(`t${i + 1}`, b));
    const doc: Sidecar['document'] = { status };
    if (title !== undefined) doc.title = title;
    return {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: LENGTH },
      document: doc,
      edits,
      entities: ents,
      quotes: quotes.map((b, i) => quote(`q${i + 1}`, b, ents)),
    } satisfies Sidecar;
  });

/** One side's changes to the base: delete some items, change some, add some (ids may collide with the other side's). */
interface Change {
  deleteMask: boolean[];
  changeMask: boolean[];
  addedEntities: { span: { start: number; end: number }; label: string; link?: string }[];
  addedQuotes: { span: { start: number; end: number }; kind: 'direct' | 'indirect'; speakerPick: number }[];
  addedEdit: { start: number; end: number } | null;
  status: 'todo' | 'in_progress' | 'done' | null;
}
const changeArb: fc.Arbitrary<Change> = fc.record({
  deleteMask: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  changeMask: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  addedEntities: fc.array(entityBody, { maxLength: 3 }),
  addedQuotes: fc.array(quoteBody, { maxLength: 2 }),
  addedEdit: fc.option(span, { nil: null }),
  status: fc.option(fc.constantFrom('todo' as const, 'in_progress' as const, 'done' as const), { nil: null }),
});

function nextNumber(ids: string[]): number {
  return Math.max(0, ...ids.map((id) => Number(/\d+$/.exec(id)?.[0] ?? 0))) + 1;
}

function applyChange(base: Sidecar, c: Change, tag: string): Sidecar {
  let k = 0;
  const touch = <T extends { id: string }>(items: T[], change: (x: T) => T): T[] =>
    items.flatMap((x) => {
      const i = k++ % 24;
      if (c.deleteMask[i]) return [];
      return [c.changeMask[i] ? change(x) : x];
    });
  const entities = touch(base.entities, (e) => ({ ...e, label: `${e.label}-${tag}` }));
  // Ids are numbered per file, so both sides adding one pick the same next id.
  let n = nextNumber(base.entities.map((e) => e.id));
  for (const b of c.addedEntities) entities.push(entity(`t${n++}`, b));
  // Deleting an entity clears it as a speaker, as the editor does.
  const left = new Set(entities.map((e) => e.id));
  const quotes = touch(base.quotes, (q) => ({
    ...q,
    kind: q.kind === 'direct' ? ('indirect' as const) : ('direct' as const),
    text: `${q.text}${tag}`,
  })).map((q) => (q.speaker !== null && !left.has(q.speaker) ? { ...q, speaker: null } : q));
  let qn = nextNumber(base.quotes.map((q) => q.id));
  for (const b of c.addedQuotes) quotes.push(quote(`q${qn++}`, b, entities));
  const edits = touch(base.edits, (e) => ({ ...e, replacement: `${e.replacement}${tag}` }));
  if (c.addedEdit) {
    const { start, end } = c.addedEdit;
    if (
      !edits.some((e) => e.start < end && start < e.end) &&
      !edits.some((e) => e.start === start && e.end === start && start === end)
    ) {
      edits.push({
        id: `e${nextNumber(base.edits.map((e) => e.id))}`,
        start,
        end,
        text: `s${start}`,
        replacement: tag,
        kind: 'typo',
      });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    ...base,
    document: c.status ? { ...base.document, status: c.status } : base.document,
    entities,
    quotes,
    edits,
  };
}

type Kind = 'edit' | 'entity' | 'quote';
const LISTS: [Kind, 'edits' | 'entities' | 'quotes'][] = [
  ['edit', 'edits'],
  ['entity', 'entities'],
  ['quote', 'quotes'],
];

/** The result holds `item` (from `side`), possibly under the id the merge gave it. */
function kept(result: MergeResult, kind: Kind, item: Edit | Entity | Quote, side: 'mine' | 'theirs'): boolean {
  const list = result.sidecar[LISTS.find(([k]) => k === kind)![1]] as (Edit | Entity | Quote)[];
  let expected: Edit | Entity | Quote = item;
  if (side === 'theirs') {
    const rename = result.renamed.find((r) => r.kind === kind && r.from === item.id);
    if (rename) expected = { ...expected, id: rename.to };
    if (kind === 'quote') {
      const q = expected as Quote;
      const sp = result.renamed.find((r) => r.kind === 'entity' && r.from === q.speaker);
      if (sp) expected = { ...q, speaker: sp.to };
    }
  }
  return list.some((x) => sameData(x, expected));
}

function conflicted(result: MergeResult, kind: Kind, id: string): boolean {
  return result.conflicts.some((c) => c.kind === kind && c.id === id);
}

function sortedCopy(s: Sidecar): Sidecar {
  const by = <T extends { start: number; end: number; id: string }>(a: T, b: T) =>
    a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...s, edits: [...s.edits].sort(by), entities: [...s.entities].sort(by), quotes: [...s.quotes].sort(by) };
}

/** What an item says apart from its id. */
function contentOf(item: { id: string }): string {
  const { id: _id, ...rest } = item as Record<string, unknown>;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A side's additions (ids new to the base) that say what a base item said, where the side no longer holds that base
 * item unchanged under its id: the base item under a new id. One addition per such base item, first ones first.
 */
function movedOnSide<T extends { id: string }>(base: readonly T[], side: readonly T[]): Set<T> {
  const sideById = new Map(side.map((x) => [x.id, x]));
  const freed = new Map<string, number>();
  for (const bi of base) {
    const si = sideById.get(bi.id);
    if (si && sameData(si, bi)) continue;
    freed.set(contentOf(bi), (freed.get(contentOf(bi)) ?? 0) + 1);
  }
  const baseIds = new Set(base.map((x) => x.id));
  const moved = new Set<T>();
  for (const item of side) {
    const left = freed.get(contentOf(item)) ?? 0;
    if (baseIds.has(item.id) || left === 0) continue;
    freed.set(contentOf(item), left - 1);
    moved.add(item);
  }
  return moved;
}

function editsDisjoint(edits: Edit[]): boolean {
  for (let i = 0; i < edits.length; i++)
    for (let j = i + 1; j < edits.length; j++) {
      const a = edits[i];
      const b = edits[j];
      if (a.start === a.end && b.start === b.end ? a.start === b.start : a.start < b.end && b.start < a.end)
        return false;
    }
  return true;
}

describe('mergeSidecars', () => {
  it(`merging a sidecar with itself is the identity (${RUNS} runs, with and without base)`, () => {
    fc.assert(
      fc.property(sidecarArb, sidecarArb, (x, other) => {
        for (const base of [undefined, x, other]) {
          const r = mergeSidecars(x, x, { base });
          expect(sameData(r.sidecar, sortedCopy(x))).toBe(true);
          expect(r.conflicts).toEqual([]);
          expect(r.renamed).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`three-way: additions on both sides are kept, nothing is lost unless deliberately deleted or listed as a conflict (${RUNS} runs)`, () => {
    let additions = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(
        sidecarArb,
        changeArb,
        changeArb,
        fc.constantFrom('mine' as const, 'theirs' as const),
        (base, cm, ct, prefer) => {
          const mine = applyChange(base, cm, 'M');
          const theirs = applyChange(base, ct, 'T');
          const r = mergeSidecars(mine, theirs, { base, prefer });
          conflicts += r.conflicts.length;
          for (const [kind, list] of LISTS) {
            const b = new Map((base[list] as { id: string }[]).map((x) => [x.id, x]));
            for (const [side, sc, other] of [
              ['mine', mine, theirs],
              ['theirs', theirs, mine],
            ] as const) {
              const otherIds = new Set((other[list] as { id: string }[]).map((x) => x.id));
              const moved = movedOnSide<{ id: string }>(base[list], sc[list]);
              for (const item of sc[list] as (Edit | Entity | Quote)[]) {
                const inBase = b.get(item.id);
                if (!inBase) additions++;
                const deletedByOther = inBase !== undefined && sameData(inBase, item) && !otherIds.has(item.id);
                const overriddenByOther = inBase !== undefined && sameData(inBase, item) && otherIds.has(item.id);
                if (deletedByOther || overriddenByOther) continue; // the other side's change wins, as it should
                // The same for a base item this side holds unchanged under a new id (moved by an earlier merge, or
                // deleted and added again): what it says is the base's, so the other side may change or delete it.
                if (moved.has(item)) continue;
                expect(
                  kept(r, kind, item, side) || conflicted(r, kind, item.id),
                  `${side} ${kind} ${item.id} lost`,
                ).toBe(true);
              }
            }
          }
          // What both sides hold is kept (however often the side holding it less often has it), whatever its ids: each
          // side's deletion of another of the base's duplicates does not delete it.
          const speakerIn = (q: Quote) => r.renamed.find((x) => x.kind === 'entity' && x.from === q.speaker)?.to;
          for (const [kind, list] of LISTS) {
            const count = (items: { id: string }[]) => {
              const n = new Map<string, number>();
              for (const x of items) n.set(contentOf(x), (n.get(contentOf(x)) ?? 0) + 1);
              return n;
            };
            const theirItems = (theirs[list] as { id: string }[]).map((x) =>
              kind === 'quote' && speakerIn(x as Quote) ? { ...x, speaker: speakerIn(x as Quote) } : x,
            );
            const inResult = count(r.sidecar[list]);
            const inTheirs = count(theirItems);
            for (const [key, n] of count(mine[list])) {
              const want = Math.min(n, inTheirs.get(key) ?? 0);
              expect(inResult.get(key) ?? 0, `${kind} ${key} held by both`).toBeGreaterThanOrEqual(want);
            }
          }
          // Well-formed output: unique ids, edits still disjoint, speakers resolve when they did on their side.
          for (const [, list] of LISTS) {
            const ids = (r.sidecar[list] as { id: string }[]).map((x) => x.id);
            expect(new Set(ids).size).toBe(ids.length);
          }
          expect(editsDisjoint(r.sidecar.edits)).toBe(true);
          const entityIds = new Set(r.sidecar.entities.map((e) => e.id));
          for (const q of r.sidecar.quotes) if (q.speaker !== null) expect(entityIds.has(q.speaker)).toBe(true);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`merge property: ${RUNS} runs, ${additions} added items checked, ${conflicts} conflicts reported`);
    expect(additions).toBeGreaterThan(RUNS);
  });

  // Found by the property below (seed -1296852821): theirs held mine's addition under another id, and the merge kept
  // it once, as mine's, without saying so; the rename is now listed, so the item reads as kept, not lost.
  it('two-way: the same addition under another id on each side is kept once, and its rename is listed', () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: 400 },
      document: { status: 'todo' },
      edits: [],
      entities: [],
      quotes: [],
    };
    const span = (start: number, end: number) => ({ span: { start, end }, kind: 'direct' as const, speakerPick: 0 });
    const mine = { ...base, quotes: [quote('q1', span(7, 23), [])] };
    const theirs = { ...base, quotes: [quote('q1', span(0, 0), []), quote('q2', span(7, 23), [])] };
    const r = mergeSidecars(mine, theirs);
    expect(r.sidecar.quotes.filter((q) => q.start === 7 && q.end === 23)).toHaveLength(1);
    expect(r.renamed).toContainEqual({ kind: 'quote', from: 'q2', to: 'q1' });
  });

  it(`two-way (no base): the union, every item of both sides kept or listed (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(sidecarArb, changeArb, changeArb, (base, cm, ct) => {
        const mine = applyChange(base, cm, 'M');
        const theirs = applyChange(base, ct, 'T');
        const r = mergeSidecars(mine, theirs);
        for (const [kind, list] of LISTS) {
          for (const [side, sc] of [
            ['mine', mine],
            ['theirs', theirs],
          ] as const) {
            for (const item of sc[list] as (Edit | Entity | Quote)[]) {
              expect(kept(r, kind, item, side) || conflicted(r, kind, item.id), `${side} ${kind} ${item.id} lost`).toBe(
                true,
              );
            }
          }
        }
        expect(editsDisjoint(r.sidecar.edits)).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('keeps both entities when each side added one under the same id, and moves their quote to the new id', () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: '0'.repeat(64), length: 50 },
      document: { status: 'todo' },
      edits: [],
      entities: [{ id: 't1', start: 0, end: 4, label: 'PERSON', text: 'جو ب' }],
      quotes: [],
    };
    const mine: Sidecar = {
      ...base,
      entities: [...base.entities, { id: 't2', start: 10, end: 15, label: 'GPE', text: 'عمّان' }],
    };
    const theirs: Sidecar = {
      ...base,
      entities: [...base.entities, { id: 't2', start: 20, end: 25, label: 'ORG', text: '👍🏽 ab' }],
      quotes: [{ id: 'q1', start: 30, end: 40, text: 'x', speaker: 't2', kind: 'direct' }],
    };
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.conflicts).toEqual([]);
    expect(r.renamed).toEqual([{ kind: 'entity', from: 't2', to: 't3' }]);
    expect(r.sidecar.entities.map((e) => `${e.id}:${e.label}`)).toEqual(['t1:PERSON', 't2:GPE', 't3:ORG']);
    expect(r.sidecar.quotes[0].speaker).toBe('t3');
  });

  // Found by the multi-clone test (seed 21 under load): theirs deleted t2 and tagged another word, which got the freed id
  // t2; mine relabelled t2. Taken as one item both changed, settling the conflict by keeping mine lost theirs' addition.
  it('an id reused for another span on one side is that side’s addition, and the base item it replaced was deleted there', () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: '0'.repeat(64), length: 80 },
      document: { status: 'todo' },
      edits: [],
      entities: [
        { id: 't1', start: 0, end: 4, label: 'PERSON', text: 'جو ب' },
        { id: 't2', start: 34, end: 42, label: 'GPE', text: 'عمّان 🇯🇴' },
      ],
      quotes: [],
    };
    const mine: Sidecar = { ...base, entities: [base.entities[0], { ...base.entities[1], label: 'ORG' }] };
    const theirs: Sidecar = {
      ...base,
      entities: [base.entities[0], { id: 't2', start: 68, end: 74, label: 'ORG', text: 'Reuters' }],
    };
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.entities.map((e) => `${e.start}:${e.label}`)).toEqual(['0:PERSON', '34:ORG', '68:ORG']);
    // Mine changed what theirs deleted: that is the conflict, and theirs' addition is not part of it.
    expect(r.conflicts.map((c) => [c.id, c.reason])).toEqual([['t2', 'changed-and-deleted']]);
    expect(new Set(r.sidecar.entities.map((e) => e.id)).size).toBe(3);
  });

  it('lists a both-changed conflict and keeps the preferred side; an edit overlapping the other side is left out and listed', () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: '0'.repeat(64), length: 50 },
      document: { status: 'todo', title: 'old' },
      edits: [],
      entities: [{ id: 't1', start: 0, end: 4, label: 'PERSON', text: 'abcd' }],
      quotes: [],
    };
    const mine: Sidecar = {
      ...base,
      document: { status: 'in_progress', title: 'old' },
      entities: [{ ...base.entities[0], label: 'ORG' }],
      edits: [{ id: 'e1', start: 5, end: 10, text: 'fghij', replacement: '', kind: 'boilerplate' }],
    };
    const theirs: Sidecar = {
      ...base,
      document: { status: 'todo', title: 'new' },
      entities: [{ ...base.entities[0], label: 'GPE' }],
      edits: [{ id: 'e1', start: 8, end: 12, text: 'ijkl', replacement: 'x', kind: 'typo' }],
    };
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.document).toEqual({ status: 'in_progress', title: 'new' });
    expect(r.sidecar.entities[0].label).toBe('ORG');
    // Both added e1 (new to the base): theirs overlaps mine, so it is listed, not renamed into the result.
    expect(r.conflicts.map((c) => `${c.kind}:${c.id}:${c.reason}:${c.kept}`).sort()).toEqual([
      'edit:e1:overlapping-edit:mine',
      'entity:t1:both-changed:mine',
    ]);
    expect(r.renamed).toEqual([]);
    expect(r.sidecar.edits.map((e) => e.id)).toEqual(['e1']);
    const r2 = mergeSidecars(mine, theirs, { base, prefer: 'theirs' });
    expect(r2.sidecar.entities[0].label).toBe('GPE');
    expect(r2.sidecar.edits.map((e) => `${e.id}:${e.start}`)).toEqual(['e2:8']);
    expect(r2.conflicts.some((c) => c.reason === 'overlapping-edit' && c.kept === 'theirs')).toBe(true);
  });

  it('keeps a speaker entity deleted on one side when the other side quotes it', () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: '0'.repeat(64), length: 50 },
      document: { status: 'todo' },
      edits: [],
      entities: [{ id: 't1', start: 0, end: 4, label: 'PERSON', text: 'abcd' }],
      quotes: [],
    };
    const mine: Sidecar = {
      ...base,
      quotes: [{ id: 'q1', start: 10, end: 20, text: 'q', speaker: 't1', kind: 'direct' }],
    };
    const theirs: Sidecar = { ...base, entities: [] };
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.entities.map((e) => e.id)).toEqual(['t1']);
    expect(r.conflicts.map((c) => c.reason)).toEqual(['speaker-kept']);
  });

  it("statusHistory: both sides' changes of status, each once, oldest first; the status itself merges as before", () => {
    const base: Sidecar = {
      format: 'tahrir-annotations',
      version: 1,
      source: { file: 'a.txt', sha256: '0'.repeat(64), length: 50 },
      document: { status: 'in_progress' },
      edits: [],
      entities: [],
      quotes: [],
      statusHistory: [{ status: 'in_progress', at: '2026-11-01T09:00:00Z' }],
    };
    const mine: Sidecar = {
      ...base,
      document: { status: 'done' },
      statusHistory: [...base.statusHistory!, { status: 'done', at: '2026-11-03T10:00:00Z' }],
    };
    const theirs: Sidecar = {
      ...base,
      document: { status: 'todo' },
      statusHistory: [...base.statusHistory!, { status: 'todo', at: '2026-11-02T08:30:00+01:00' }],
    };
    const history = [
      { status: 'in_progress', at: '2026-11-01T09:00:00Z' },
      { status: 'todo', at: '2026-11-02T08:30:00+01:00' },
      { status: 'done', at: '2026-11-03T10:00:00Z' },
    ];
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.statusHistory).toEqual(history);
    expect(r.sidecar.document.status).toBe('done');
    expect(r.conflicts.map((c) => `${c.id}:${c.kept}`)).toEqual(['status:mine']);
    const r2 = mergeSidecars(mine, theirs, { base, prefer: 'theirs' });
    expect(r2.sidecar.statusHistory).toEqual(history);
    expect(r2.sidecar.document.status).toBe('todo');
    // One side without a history (an older file): the other's is kept; neither: none.
    const { statusHistory: _none, ...older } = theirs;
    expect(mergeSidecars(older, mine, { base }).sidecar.statusHistory).toEqual(mine.statusHistory);
    expect(mergeSidecars(older, older).sidecar.statusHistory).toBeUndefined();
    // Merging a sidecar with itself leaves its history as it was.
    expect(mergeSidecars(mine, mine, { base }).sidecar.statusHistory).toEqual(mine.statusHistory);
  });

  it('resolveExternalChange: keep mine / take theirs return that side unchanged', () => {
    fc.assert(
      fc.property(sidecarArb, sidecarArb, (a, b) => {
        expect(resolveExternalChange('keep-mine', a, b).sidecar).toBe(a);
        expect(resolveExternalChange('take-theirs', a, b).sidecar).toBe(b);
      }),
      { numRuns: 100 },
    );
  });
});

describe('an item under a new id with the content a base item had (moved by an earlier merge, or deleted and added again)', () => {
  const doc = (entities: Entity[], quotes: Quote[] = []): Sidecar => ({
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: LENGTH },
    document: { status: 'todo' },
    edits: [],
    entities,
    quotes,
  });
  const ent = (id: string, start: number, end: number, label = 'ORG') => entity(id, { span: { start, end }, label });
  const q = (id: string, start: number, end: number, speaker: string | null = null): Quote => ({
    id,
    start,
    end,
    text: `q${start}`,
    speaker,
    kind: 'direct',
  });

  // Found by the identity property (seed 2013656563): each side holds the base's q1 as q2 and a new q1; the two new
  // q1s were told apart by side, so the merge kept it twice.
  it('merging a sidecar with itself over a base whose item it holds under another id is the identity', () => {
    const base = doc([], [q('q1', 394, 400)]);
    const x = doc([], [q('q1', 0, 0), q('q2', 394, 400)]);
    const r = mergeSidecars(x, x, { base });
    expect(r.sidecar.quotes).toEqual(x.quotes);
    expect(r.conflicts).toEqual([]);
    expect(r.renamed).toEqual([]);
  });

  // Found by the three-way property (seeds 1331737659, 1022867854): the content was kept once, under mine's id,
  // without saying where theirs went.
  it('theirs deleted an entity and added it again: kept once under its old id, the rename listed, quotes follow', () => {
    const base = doc([ent('t1', 383, 400)]);
    const mine = doc([ent('t1', 383, 400)], [q('q1', 10, 20, 't1')]);
    const theirs = doc([ent('t2', 383, 400)], [q('q2', 30, 40, 't2')]);
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.entities).toEqual([ent('t1', 383, 400)]);
    expect(r.renamed).toEqual([{ kind: 'entity', from: 't2', to: 't1' }]);
    expect(r.sidecar.quotes.map((x) => `${x.id}:${x.speaker}`)).toEqual(['q1:t1', 'q2:t1']);
    expect(r.conflicts).toEqual([]);
  });

  // Found by the three-way property (seed 1406060108): theirs' change was kept under mine's new id, unlisted.
  it('mine deleted a quote and added it again, theirs changed it: their change is kept once and its new id listed', () => {
    const base = doc([], [q('q1', 192, 201)]);
    const mine = doc([], [q('q2', 192, 201)]);
    const changed = { ...q('q1', 192, 201), kind: 'indirect' as const };
    const theirs = doc([], [changed]);
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.quotes).toEqual([{ ...changed, id: 'q2' }]);
    expect(r.renamed).toEqual([{ kind: 'quote', from: 'q1', to: 'q2' }]);
    expect(r.conflicts).toEqual([]);
  });

  // Found by the three-way property (seed 517512199): the property's oracle, going by id, called the original lost.
  // Mine holds the base's t2 unchanged under t3 (as after an earlier merge moved it) and a new t2: theirs deleted
  // the base's t2, so it goes; mine's new t2 stays.
  it('mine holds the base item unchanged under a new id and a new item under its old id; theirs deleted it', () => {
    const base = doc([ent('t1', 0, 0), ent('t2', 392, 400)]);
    const mine = doc([ent('t1', 0, 0), ent('t2', 392, 400, 'GPE'), ent('t3', 392, 400)]);
    const theirs = doc([ent('t1', 0, 0)]);
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.entities).toEqual([ent('t1', 0, 0), ent('t2', 392, 400, 'GPE')]);
    expect(r.conflicts).toEqual([]);
  });
});

describe('a base with duplicate items (found by the three-way property once it counted what both sides hold)', () => {
  const doc = (entities: Entity[], quotes: Quote[] = []): Sidecar => ({
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'ab'.repeat(32), length: LENGTH },
    document: { status: 'todo' },
    edits: [],
    entities,
    quotes,
  });
  const ent = (id: string, start: number, end: number) => entity(id, { span: { start, end }, label: 'ORG' });
  const q = (id: string, start: number, end: number, speaker: string | null = null): Quote => ({
    id,
    start,
    end,
    text: `q${start}`,
    speaker,
    kind: 'direct',
  });

  // Found by the three-way property once it counted what both sides hold (seed 172234513 on a 6-character text; the
  // id-based oracle let it pass): each side deleted another of two identical entities. Each deletion alone is
  // deliberate, but both sides still hold the entity, and the merge dropped it.
  it('a base with two identical entities, each side deleting another one: the entity both still hold is kept once', () => {
    const base = doc([ent('t1', 0, 5), ent('t2', 0, 5), ent('t3', 9, 12)]);
    const mine = doc([ent('t2', 0, 5), ent('t3', 9, 12)]);
    const theirs = doc([ent('t1', 0, 5), ent('t3', 9, 12)]);
    for (const [a, b] of [
      [mine, theirs],
      [theirs, mine],
    ]) {
      const r = mergeSidecars(a, b, { base });
      expect(r.sidecar.entities.map((e) => `${e.start}:${e.end}`)).toEqual(['0:5', '9:12']);
      expect(r.conflicts).toEqual([]);
    }
  });

  // Found by the three-way property (seed 1069001984): each side changed another of two identical entities; the merge
  // took both changes, and the entity both sides still hold was gone.
  it('a base with two identical entities, each side changing another one: both changes and the entity are kept', () => {
    const base = doc([ent('t1', 10, 15), ent('t2', 10, 15)]);
    const mine = doc([{ ...ent('t1', 10, 15), label: 'GPE' }, ent('t2', 10, 15)]);
    const theirs = doc([ent('t1', 10, 15), { ...ent('t2', 10, 15), label: 'LOC' }]);
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.entities.map((e) => `${e.id}:${e.label}`)).toEqual(['t1:GPE', 't2:LOC', 't3:ORG']);
    expect(r.conflicts).toEqual([]);
    expect(r.renamed).toEqual([]);
  });

  it('a base with duplicate quotes, one side changing one, the other deleting the other: the quote both hold is kept', () => {
    const base = doc([ent('t1', 0, 5)], [q('q1', 20, 30, 't1'), q('q2', 20, 30, 't1')]);
    const changed = { ...q('q1', 20, 30, 't1'), kind: 'indirect' as const };
    const mine = doc([ent('t1', 0, 5)], [changed, q('q2', 20, 30, 't1')]);
    const theirs = doc([ent('t1', 0, 5)], [q('q1', 20, 30, 't1')]);
    const r = mergeSidecars(mine, theirs, { base });
    expect(r.sidecar.quotes.map((x) => `${x.kind}:${x.speaker}`).sort()).toEqual(['direct:t1', 'indirect:t1']);
    expect(new Set(r.sidecar.quotes.map((x) => x.id)).size).toBe(2);
    expect(r.conflicts).toEqual([]);
  });
});

describe('merges of merges (three clones through git)', () => {
  const bare = (entities: Entity[]): Sidecar => ({
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'a'.repeat(64), length: LENGTH },
    document: { status: 'todo' },
    edits: [],
    entities,
    quotes: [],
  });
  /**
   * Entities added as the app adds them, each with a quote it speaks: ids numbered per file, so two clones pick the
   * same ones.
   */
  const add = (s: Sidecar, who: string, spans: { start: number; end: number }[]): Sidecar => {
    const entities = [...s.entities];
    const quotes = [...s.quotes];
    const taken = new Set([...entities, ...quotes].map((e) => e.id));
    const fresh = (prefix: string, from: number) => {
      let n = from;
      while (taken.has(`${prefix}${n}`)) n++;
      taken.add(`${prefix}${n}`);
      return `${prefix}${n}`;
    };
    spans.forEach((sp, i) => {
      const id = fresh('t', entities.length + 1);
      entities.push({ ...entity(id, { span: sp, label: 'PERSON' }), link: `${who}-${i}` });
      quotes.push({
        id: fresh('q', quotes.length + 1),
        start: sp.start,
        end: sp.end,
        text: `${who}-${i}`,
        speaker: id,
        kind: 'direct',
      });
    });
    return { ...s, entities, quotes };
  };
  const links = (s: Sidecar) => s.entities.map((e) => e.link).sort();
  /** Each quote with the link of the entity its speaker id names there: who said it survives the merges. */
  const sayers = (s: Sidecar) => {
    const link = new Map(s.entities.map((e) => [e.id, e.link]));
    return s.quotes.map((q) => `${q.text} by ${q.speaker === null ? null : link.get(q.speaker)}`).sort();
  };

  it("a base entity renamed by both earlier merges: each side's addition under its old id is kept, no conflict", () => {
    const base = bare([{ ...entity('t5', { span: { start: 0, end: 3 }, label: 'PERSON' }), link: 'sara' }]);
    const e = (id: string, start: number, link: string): Entity => ({ ...base.entities[0], id, start, link });
    // B merged base into its own t5 (omar), so sara moved to t6; C did the same with its t5 (lina).
    const mergedByB = bare([e('t5', 10, 'omar'), e('t6', 0, 'sara')]);
    const mergedByC = bare([e('t5', 20, 'lina'), e('t6', 0, 'sara')]);
    const r = mergeSidecars(mergedByC, mergedByB, { base });
    expect(links(r.sidecar)).toEqual(['lina', 'omar', 'sara']);
    expect(r.conflicts).toEqual([]);
    expect(new Set(r.sidecar.entities.map((x) => x.id)).size).toBe(3);
  });

  it(`A pushes, B and C each merge A into their own work, then C merges B's merge: nothing lost, every quote's speaker kept, no conflict (${RUNS} runs)`, () => {
    const spans = fc.array(span, { maxLength: 4 });
    fc.assert(
      fc.property(spans, spans, spans, spans, (root, a, b, c) => {
        const r0 = add(bare([]), 'root', root);
        const a1 = add(r0, 'a', a);
        const mergedByB = mergeSidecars(add(r0, 'b', b), a1, { base: r0 });
        const mergedByC = mergeSidecars(add(r0, 'c', c), a1, { base: r0 });
        expect(mergedByB.conflicts).toEqual([]);
        expect(mergedByC.conflicts).toEqual([]);
        const final = mergeSidecars(mergedByC.sidecar, mergedByB.sidecar, { base: a1 });
        const want = [...links(a1), ...links(add(r0, 'b', b)), ...links(add(r0, 'c', c))];
        expect(links(final.sidecar)).toEqual([...new Set(want)].sort());
        expect(sayers(final.sidecar)).toEqual([...new Set(want)].sort().map((l) => `${l} by ${l}`));
        expect(final.conflicts).toEqual([]);
        expect(new Set(final.sidecar.entities.map((x) => x.id)).size).toBe(final.sidecar.entities.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
