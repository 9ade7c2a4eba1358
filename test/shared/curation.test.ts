// Curation's differences between annotators' versions (shared/curation.ts): what is agreed, the
// five kinds of difference, and taking a side, both or neither; properties over random versions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  curationDiff,
  openDifferences,
  startCuration,
  takeDifference,
  type Choice,
  type Difference,
} from '../../shared/curation';
import { sidecarFromData, type DocumentData } from '../../shared/document-data';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';
import { checkSidecarStructure } from '../../shared/sidecar-check';

const ent = (id: string, start: number, end: number, label: string, by?: string): Entity => ({
  id,
  start,
  end,
  label,
  text: 'x'.repeat(end - start),
  ...(by ? { createdBy: by } : {}),
});
const quote = (id: string, start: number, end: number, speaker: string | null): Quote => ({
  id,
  start,
  end,
  text: 'q'.repeat(end - start),
  speaker,
  kind: 'direct',
});
const edit = (id: string, start: number, end: number): Edit => ({
  id,
  start,
  end,
  text: 'b'.repeat(end - start),
  replacement: '',
  kind: 'boilerplate',
});

function sidecar(entities: Entity[], quotes: Quote[] = [], edits: Edit[] = []): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'a.txt', sha256: 'a'.repeat(64), length: 200 },
    document: { status: 'in_progress', title: 'T' },
    edits,
    entities,
    quotes,
  };
}

const NAMES = ['annotators/ali', 'annotators/sara', 'annotators/omar', 'annotators/huda'];

/** Takes `choose(d)` for every open difference in order; the sidecar it makes. */
function curate(versions: Sidecar[], choose: (d: Difference) => Choice): Sidecar {
  const { differences } = curationDiff(versions);
  let data: DocumentData = startCuration(sidecar([]), versions, NAMES.slice(0, versions.length));
  for (const d of openDifferences(data, differences)) {
    const next = takeDifference(data, versions, d, choose(d));
    if ('refused' in next) throw new Error(`refused ${d.key}: ${next.refused}`);
    data = next;
  }
  return sidecarFromData(sidecar([]), data);
}

const entityKeys = (s: Sidecar) => s.entities.map((e) => `${e.start}:${e.end}:${e.label}`).sort();
const editKeys = (s: Sidecar) => s.edits.map((e) => `${e.start}:${e.end}`).sort();
const quoteKeys = (s: Sidecar) => {
  const byId = new Map(s.entities.map((e) => [e.id, e]));
  return s.quotes
    .map((q) => {
      const sp = q.speaker ? byId.get(q.speaker) : undefined;
      return `${q.start}:${q.end}:${sp ? `${sp.start}-${sp.end}:${sp.label}` : '-'}`;
    })
    .sort();
};

describe('curationDiff', () => {
  it('names the five kinds of difference, in text order, and keeps what all agree on', () => {
    const a = sidecar(
      [
        ent('t1', 0, 5, 'PERSON', 'ali'),
        ent('t2', 10, 15, 'ORG'),
        ent('t3', 20, 25, 'GPE'),
        ent('t4', 30, 35, 'PERSON'),
        ent('t5', 60, 64, 'PERSON'),
      ],
      [quote('q1', 40, 50, 't4')],
    );
    const b = sidecar(
      [
        ent('t1', 0, 5, 'PERSON', 'sara'),
        ent('t2', 10, 15, 'GPE'),
        ent('t3', 20, 27, 'GPE'),
        ent('t4', 30, 35, 'PERSON'),
        ent('t9', 60, 64, 'PERSON'),
      ],
      [quote('q7', 40, 50, 't9')],
      [edit('e1', 80, 90)],
    );
    const { agreed, differences } = curationDiff([a, b]);
    expect(agreed.entities.map((e) => [e.id, e.createdBy])).toEqual([
      ['t1', 'ali'],
      ['t4', undefined],
      ['t5', undefined],
    ]);
    expect(differences.map((d) => [d.key, d.kind, d.variants.map((v) => v.holders)])).toEqual([
      ['entity 10-15', 'label', [[0], [1]]],
      ['entity 20-27', 'boundary', [[0], [1]]],
      ['quote 40-50', 'speaker', [[0], [1]]],
      ['edit 80-90', 'only-in', [[1]]],
    ]);
  });

  it('finds nothing between identical versions', () => {
    const a = sidecar([ent('t1', 0, 5, 'PERSON')], [quote('q1', 10, 20, 't1')], [edit('e1', 30, 31)]);
    expect(curationDiff([a, structuredClone(a), structuredClone(a)]).differences).toEqual([]);
  });

  it('groups overlapping spans of three versions into one difference, each side with its holders', () => {
    const d = curationDiff([
      sidecar([ent('t1', 0, 10, 'ORG')]),
      sidecar([ent('t1', 0, 10, 'ORG')]),
      sidecar([ent('t1', 0, 4, 'PERSON'), ent('t2', 5, 10, 'PERSON')]),
    ]).differences;
    expect(d).toHaveLength(1);
    expect(d[0].variants.map((v) => [v.item.start, v.holders])).toEqual([
      [0, [2]],
      [0, [0, 1]],
      [5, [2]],
    ]);
  });
});

describe('takeDifference', () => {
  const a = sidecar([ent('t1', 10, 15, 'ORG', 'ali'), ent('t2', 30, 35, 'PERSON')], [quote('q1', 40, 50, 't2')]);
  const b = sidecar(
    [ent('t1', 10, 15, 'GPE', 'sara'), ent('t2', 30, 35, 'PERSON'), ent('t3', 55, 60, 'PERSON', 'sara')],
    [quote('q1', 40, 50, 't3')],
    [edit('e1', 70, 80), edit('e2', 90, 91)],
  );
  const start = () => startCuration(sidecar([ent('t8', 0, 1, 'MISC')]), [a, b], NAMES.slice(0, 2));

  it('starts from the agreed items and the main copy’s document block, recording the versions', () => {
    const data = start();
    expect(Object.values(data.entities).map((e) => e.label)).toEqual(['PERSON']);
    expect(data.document).toEqual({
      status: 'in_progress',
      title: 'T',
      curatedFrom: { versions: NAMES.slice(0, 2), decisions: {} },
    });
  });

  it('takes a side keeping who made it, records the decision, and takes a quote’s speaker along', () => {
    const { differences } = curationDiff([a, b]);
    let data = start();
    data = takeDifference(data, [a, b], differences[0], { version: 1 }) as DocumentData;
    expect(Object.values(data.entities).find((e) => e.start === 10)).toMatchObject({ label: 'GPE', createdBy: 'sara' });
    const q = differences.find((d) => d.span === 'quote')!;
    data = takeDifference(data, [a, b], q, { version: 1 }) as DocumentData;
    const quoted = Object.values(data.quotes)[0];
    expect(data.entities[quoted.speaker!]).toMatchObject({ start: 55, end: 60, label: 'PERSON' });
    expect(data.document.curatedFrom!.decisions).toEqual({
      'entity 10-15': 'annotators/sara',
      'quote 40-50': 'annotators/sara',
    });
    expect(openDifferences(data, differences).map((d) => d.key)).toEqual(['entity 55-60', 'edit 70-80', 'edit 90-91']);
  });

  it('takes both labels, or neither; refuses both speakers for one quote', () => {
    const { differences } = curationDiff([a, b]);
    const both = takeDifference(start(), [a, b], differences[0], 'both') as DocumentData;
    expect(
      Object.values(both.entities)
        .filter((e) => e.start === 10)
        .map((e) => e.label)
        .sort(),
    ).toEqual(['GPE', 'ORG']);
    const neither = takeDifference(start(), [a, b], differences[0], 'neither') as DocumentData;
    expect(Object.values(neither.entities).filter((e) => e.start === 10)).toEqual([]);
    expect(neither.document.curatedFrom!.decisions).toEqual({ 'entity 10-15': 'neither' });
    const q = differences.find((d) => d.span === 'quote')!;
    expect(takeDifference(start(), [a, b], q, 'both')).toEqual({ refused: 'one-speaker' });
  });

  it('refuses both of two overlapping cleanup edits', () => {
    const x = sidecar([], [], [edit('e1', 0, 10)]);
    const y = sidecar([], [], [edit('e1', 5, 12)]);
    const [d] = curationDiff([x, y]).differences;
    expect(d.kind).toBe('boundary');
    expect(takeDifference(startCuration(x, [x, y], NAMES.slice(0, 2)), [x, y], d, 'both')).toEqual({
      refused: 'overlapping-edits',
    });
  });
});

// Random versions of one 40-code-point text: entities (unique by range and label), quotes whose
// speaker is one of the version's entities, and non-overlapping edits.
const LABELS = ['PERSON', 'ORG', 'GPE'];
const range = fc
  .tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 6 }))
  .map(([s, n]) => [s, Math.min(40, s + n)]);
const version = fc
  .record({
    entities: fc.array(fc.tuple(range, fc.constantFrom(...LABELS)), { maxLength: 8 }),
    quotes: fc.array(fc.tuple(range, fc.nat(9)), { maxLength: 3 }),
    edits: fc.array(range, { maxLength: 4 }),
  })
  .map(({ entities, quotes, edits }) => {
    const seen = new Set<string>();
    const es = entities
      .filter(([[s, e], l]) => !seen.has(`${s}:${e}:${l}`) && seen.add(`${s}:${e}:${l}`))
      .map(([[s, e], l], i) => ent(`t${i + 1}`, s, e, l));
    const qSeen = new Set<string>();
    const qs = quotes
      .map(([[s, e], sp], i) => quote(`q${i + 1}`, s, e, es.length ? es[sp % es.length].id : null))
      .filter((q) => !qSeen.has(`${q.start}:${q.end}`) && qSeen.add(`${q.start}:${q.end}`));
    const ed: Edit[] = [];
    for (const [s, e] of [...edits].sort((x, y) => x[0] - y[0]))
      if (!ed.some((x) => x.start < e && s < x.end)) ed.push(edit(`e${ed.length + 1}`, s, e));
    return sidecar(es, qs, ed);
  });
const versions = fc.integer({ min: 2, max: 4 }).chain((n) => fc.array(version, { minLength: n, maxLength: n }));

describe('curation, properties', () => {
  it('taking one version’s side everywhere gives that version', () => {
    fc.assert(
      fc.property(versions, fc.nat(3), (vs, pick) => {
        const v = pick % vs.length;
        const out = curate(vs, () => ({ version: v }));
        expect(entityKeys(out)).toEqual(entityKeys(vs[v]));
        expect(editKeys(out)).toEqual(editKeys(vs[v]));
        expect(quoteKeys(out)).toEqual(quoteKeys(vs[v]));
      }),
      { numRuns: 300 },
    );
  });

  it('neither everywhere gives what every version has; every other item is in one difference', () => {
    fc.assert(
      fc.property(versions, (vs) => {
        const out = curate(vs, () => 'neither');
        const common = (keys: (s: Sidecar) => string[]) => {
          let left = keys(vs[0]);
          for (const s of vs.slice(1)) {
            const other = [...keys(s)];
            left = left.filter((k) => {
              const i = other.indexOf(k);
              if (i < 0) return false;
              other.splice(i, 1);
              return true;
            });
          }
          return left.sort();
        };
        expect(entityKeys(out)).toEqual(common(entityKeys));
        expect(editKeys(out)).toEqual(common(editKeys));
        const { agreed, differences } = curationDiff(vs);
        vs.forEach((s, i) => {
          const placed = differences.flatMap((d) => d.variants.filter((x) => x.holders.includes(i)));
          const total = agreed.entities.length + agreed.quotes.length + agreed.edits.length + placed.length;
          expect(total).toBe(s.entities.length + s.quotes.length + s.edits.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any choices give a sidecar that checks (ids unique, edits apart, speakers exist), or a reason', () => {
    fc.assert(
      fc.property(versions, fc.array(fc.nat(5), { minLength: 40, maxLength: 40 }), (vs, picks) => {
        const { differences } = curationDiff(vs);
        let data = startCuration(sidecar([]), vs, NAMES.slice(0, vs.length));
        differences.forEach((d, i) => {
          const p = picks[i % picks.length];
          const choice: Choice = p === 4 ? 'both' : p === 5 ? 'neither' : { version: p % vs.length };
          const next = takeDifference(data, vs, d, choice);
          if ('refused' in next) expect(choice === 'both' || next.refused === 'overlap').toBe(true);
          else data = next;
        });
        expect(checkSidecarStructure(sidecarFromData(sidecar([]), data))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
