// The side panel's entities by label, regrouped from the last grouping and what changed: always what grouping
// afresh gives, and at 50,000 entities an edit reads a few hundred entities, not all of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataFromSidecar, withSpans } from '../../shared/document-data';
import { firstEntities, groupEntitiesByLabel, type EntityGroups } from '../../shared/entity-groups';
import type { Entity } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';

const LABELS = ['PERSON', 'ORG', 'LOC'];

const entity = (id: string, start: number, length: number, label: string): Entity => ({
  id,
  start,
  end: start + length,
  label,
  text: 'x'.repeat(length),
});

/** Each label's ids in order, as grouping the record afresh gives them. */
const idsOf = (g: EntityGroups): Record<string, string[]> =>
  Object.fromEntries([...g.groups].map(([label, list]) => [label, list.toArray().map((e) => e.id)]));

const opened = (entities: Entity[]) =>
  dataFromSidecar({ ...emptySidecar('a.txt', '0'.repeat(64), 600_000), entities }).entities;

const change = fc.record({
  id: fc.integer({ min: 1, max: 30 }).map((n) => `t${n}`),
  remove: fc.boolean(),
  start: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 1, max: 4 }),
  // MISC: a label the workspace does not have (listed after its own, while it has entities).
  label: fc.constantFrom(...LABELS, 'MISC'),
});

describe('groupEntitiesByLabel', () => {
  it('equals grouping afresh after any sequence of edits, undos and redos', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 30 }), (steps) => {
        let record = opened([entity('t1', 3, 2, 'PERSON'), entity('t2', 5, 1, 'ORG')]);
        const history = [record];
        let groups = groupEntitiesByLabel(record, LABELS);
        for (const [i, step] of steps.entries()) {
          const changes: Record<string, Entity | null> = {};
          for (const c of step) changes[c.id] = c.remove ? null : entity(c.id, c.start, c.length, c.label);
          // Every fourth step goes back two versions (an undo past a redo's branch), the rest forward.
          record = i % 4 === 3 && history.length > 2 ? history[history.length - 3] : withSpans(record, changes);
          history.push(record);
          groups = groupEntitiesByLabel(record, LABELS, groups);
          const fresh = groupEntitiesByLabel(record, LABELS);
          expect(idsOf(groups)).toEqual(idsOf(fresh));
          expect([...groups.groups.keys()].slice(0, LABELS.length)).toEqual(LABELS);
        }
      }),
    );
  });

  it('groups afresh when the labels change or the record is unrelated', () => {
    const a = opened([entity('t1', 0, 2, 'PERSON'), entity('t2', 4, 2, 'LOC')]);
    const g = groupEntitiesByLabel(a, LABELS);
    const relabelled = groupEntitiesByLabel(a, ['LOC', 'PERSON'], g);
    expect([...relabelled.groups.keys()]).toEqual(['LOC', 'PERSON']);
    const b = opened([entity('t9', 1, 1, 'ORG')]);
    expect(idsOf(groupEntitiesByLabel(b, LABELS, g))).toEqual({ PERSON: [], ORG: ['t9'], LOC: [] });
  });

  it('an edit at 50,000 entities reads a few hundred of them, not every one (grouping afresh reads all)', () => {
    // Entities that count the reads of their fields: what regrouping looks at.
    let reads = 0;
    const counted = (e: Entity): Entity =>
      new Proxy(e, {
        get: (target, key) => {
          reads++;
          return Reflect.get(target, key);
        },
      });
    const all: Entity[] = [];
    for (let i = 0; i < 50_000; i++) all.push(counted(entity(`t${i + 1}`, i * 10, 4, LABELS[i % 3])));
    let record = opened(all);
    let groups = groupEntitiesByLabel(record, LABELS);
    reads = 0;
    groupEntitiesByLabel(record, LABELS);
    const afresh = reads;
    expect(afresh).toBeGreaterThanOrEqual(50_000);

    // Tag, delete, relabel and undo, each regrouped from the grouping before.
    const steps: Record<string, Entity | null>[] = [
      { t50001: counted(entity('t50001', 250_003, 2, 'ORG')) },
      { t777: null },
      { t778: counted(entity('t778', 7770, 4, 'LOC')) },
    ];
    const versions = [record];
    for (const step of steps) {
      record = withSpans(record, step);
      versions.push(record);
      reads = 0;
      groups = groupEntitiesByLabel(record, LABELS, groups);
      expect(reads).toBeLessThan(2_000);
    }
    reads = 0;
    groups = groupEntitiesByLabel(versions[versions.length - 2], LABELS, groups); // undo
    expect(reads).toBeLessThan(2_000);
    expect(groups.groups.get('ORG')!.size + groups.groups.get('LOC')!.size + groups.groups.get('PERSON')!.size).toBe(
      50_000,
    );
    expect(firstEntities(groups.groups.get('LOC')!, 3).map((e) => e.id)).toEqual(['t3', 't6', 't9']);
  });
});
