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
  rowsInView,
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
        fc.nat(),
        (drawn, labels, sorted, heightPx) => {
          const entities: Entity[] = drawn.map(({ id, start, length, label }) => ({
            id,
            start,
            end: start + length,
            label,
            text: TEXT.slice(start, start + length),
          }));
          if (sorted) entities.sort((a, b) => a.start - b.start || a.end - b.end);
          const sidecar = { ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities };
          const start = entityListStart(TEXT, sidecar, labels, Infinity);
          expect(workspaceOrder(start.groups, labels)).toEqual(start.groups);
          const listed = start.groups.map(
            (g) => [g.label, g.count, g.first.map((r) => r.entity.id)] as [string, number, string[]],
          );
          expect(listed).toEqual(panelLists(entities, labels));
          // For a panel of any height: the first rows of those, as many as fill it (rowsInView), the words around alike.
          const height = heightPx % 3_000;
          const cut = entityListStart(TEXT, sidecar, labels, height);
          const rows = rowsInView(start.groups, height);
          expect(cut.groups.map((g) => [g.label, g.count, g.first])).toEqual(
            start.groups.map((g, i) => [g.label, g.count, g.first.slice(0, rows[i])]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lists rows until their least heights fill the panel: every row it can show, and no more', () => {
    const entities: Entity[] = Array.from({ length: 120 }, (_, i) => ({
      id: `e${String(i).padStart(3, '0')}`,
      start: i * 10,
      end: i * 10 + 4,
      label: LABELS[i % 2],
      text: TEXT.slice(i * 10, i * 10 + 4),
    }));
    const sidecar = { ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities };
    // A heading at least 26 px, a row with the words around it 43: 800 px hold the first label's heading and 18 rows.
    expect(rowsInView(entityListStart(TEXT, sidecar, LABELS, 800).groups, 800)).toEqual([18, 0]);
    expect(entityListStart(TEXT, sidecar, LABELS, 800).groups.map((g) => [g.count, g.first.length])).toEqual([
      [60, 18],
      [60, 0],
    ]);
    expect(entityListStart(TEXT, sidecar, LABELS).groups.map((g) => g.first.length)).toEqual([50, 0]);
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
    const start = entityListStart(text, { ...emptySidecar('a.txt', '0'.repeat(64), 2_000), entities, edits }, ['GPE']);
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
