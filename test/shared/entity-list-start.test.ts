// The side panel's entity list as a document opens, worked out by the server for the early paint
// (shared/entity-groups.ts entityListStart, workspaceOrder): the labels, counts and first rows the panel's own
// grouping lists, in its order, for any sidecar and any workspace labels (ones without entities, entities of labels
// the workspace lacks, more than LIST_LIMIT of a label); and the early paint's words are the catalogs'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataFromSidecar } from '../../shared/document-data';
import {
  entityListStart,
  firstEntities,
  groupEntitiesByLabel,
  LIST_LIMIT,
  workspaceOrder,
} from '../../shared/entity-groups';
import { createTranslator, LOCALES } from '../../shared/i18n/translator';
import type { Entity } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';
import { EARLY_PANEL_WORDS } from '../../renderer/text/early-panel';

const TEXT = 'word '.repeat(400);
const LABELS = ['PERSON', 'ORG', 'LOC', 'GPE'];

/** What the panel lists (SidePanel.tsx's EntitiesTab): each label with entities, its count and first rows' ids. */
function panelLists(entities: Entity[], labels: string[]): [string, number, string[]][] {
  const { groups } = groupEntitiesByLabel(
    dataFromSidecar({ ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities }).entities,
    labels,
  );
  return [...groups]
    .filter(([, list]) => list.size > 0)
    .map(([label, list]) => [label, list.size, firstEntities(list, LIST_LIMIT).map((e) => e.id)]);
}

const entityArb = fc.record({
  id: fc.integer({ min: 0, max: 400 }).map((n) => `e${n}`),
  start: fc.integer({ min: 0, max: 1_900 }),
  length: fc.integer({ min: 1, max: 8 }),
  label: fc.constantFrom('PERSON', 'ORG', 'LOC', 'GPE', 'EVENT', 'DATE'),
});

describe('entityListStart', () => {
  it("lists the panel's labels, counts and first rows, in its order, for any entities and workspace labels", () => {
    fc.assert(
      fc.property(
        fc.array(entityArb, { maxLength: 300 }),
        fc.subarray(LABELS),
        fc.boolean(),
        (drawn, labels, sorted) => {
          const entities: Entity[] = drawn.map(({ id, start, length, label }) => ({
            id,
            start,
            end: start + length,
            label,
            text: TEXT.slice(start, start + length),
          }));
          if (sorted) entities.sort((a, b) => a.start - b.start || a.end - b.end);
          const start = entityListStart(TEXT, { ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities });
          const listed = workspaceOrder(start.groups, labels).map(
            (g) => [g.label, g.count, g.first.map((r) => r.entity.id)] as [string, number, string[]],
          );
          expect(listed).toEqual(panelLists(entities, labels));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives each row the words around it in the clean view, and marks one inside removed text hidden', () => {
    const text = 'The talks in Geneva ended.\nMenu Home About Geneva\nTalks resume in Paris on Monday.';
    const removed = text.indexOf('Menu');
    const entities: Entity[] = [
      { id: 'g1', start: 13, end: 19, label: 'GPE', text: 'Geneva' },
      {
        id: 'g2',
        start: text.indexOf('Geneva', removed),
        end: text.indexOf('Geneva', removed) + 6,
        label: 'GPE',
        text: 'Geneva',
      },
      { id: 'p1', start: text.indexOf('Paris'), end: text.indexOf('Paris') + 5, label: 'GPE', text: 'Paris' },
    ];
    const end = text.indexOf('\n', removed) + 1;
    const edits = [
      { id: 'x1', start: removed, end, text: text.slice(removed, end), replacement: '', kind: 'boilerplate' as const },
    ];
    const start = entityListStart(text, { ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities, edits });
    expect(
      start.groups[0].first.map((r) => [r.entity.id, r.hidden, r.context && r.context.before + '|' + r.context.after]),
    ).toEqual([
      ['g1', false, 'The talks in | ended.'],
      ['g2', true, null],
      ['p1', false, 'Talks resume in | on Monday.'],
    ]);
  });
});

describe("the early paint's side panel words", () => {
  it('are what the interface says in each language', () => {
    for (const locale of LOCALES) {
      const t = createTranslator(locale, { isolate: true });
      for (const [key, words] of Object.entries(EARLY_PANEL_WORDS[locale]))
        expect([key, words]).toEqual([key, t(key as Parameters<typeof t>[0])]);
    }
  });
});
