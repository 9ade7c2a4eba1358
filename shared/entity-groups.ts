// The side panel's entities by label, each label's in sidecar order, worked out again after an edit from the last
// grouping and the few spans the edit changed: listing and grouping all 50,000 entities after every keypress was
// ~17 ms of the page's thread per edit, a long task in the way of the next keypress.
import { CodePointIndex } from './code-points';
import { dataFromSidecar, derivedSpanChanges, sortedSpans } from './document-data';
import type { Entity, Sidecar } from './model';
import { spanContext, type SpanContext } from './span-context';
import { compareSpans } from './sidecar-text';
import { SpanList } from './span-list';
import { shownSpanOf, shownText } from './text-view';

export interface EntityGroups {
  /** The record grouped. */
  readonly entities: Record<string, Entity>;
  /** The workspace's label names it was grouped with (their groups come first, in this order, even when empty). */
  readonly labels: readonly string[];
  /** Each label's entities as a persistent sorted list (`size`, iteration in sidecar order, `toArray`). */
  readonly groups: ReadonlyMap<string, SpanList<Entity>>;
}

/** Past this many changed spans (an import, accepting every suggestion) grouping afresh is as quick. */
const MANY_CHANGES = 5000;

const sameNames = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * `entities` by label: from `before` (the grouping of a record this one was derived from, or derived it) by applying
 * what changed, each changed label's list copying one chunk; else grouped afresh. The workspace's labels come first,
 * then labels it does not have, as met.
 */
export function groupEntitiesByLabel(
  entities: Record<string, Entity>,
  labels: readonly string[],
  before?: EntityGroups | null,
): EntityGroups {
  if (before && before.entities === entities && sameNames(before.labels, labels)) return before;
  const changes = before && sameNames(before.labels, labels) ? derivedSpanChanges(before.entities, entities) : null;
  if (!before || !changes || changes.put.length + changes.removed.length > MANY_CHANGES)
    return freshGroups(entities, labels);
  // Each label's changes at once (a list's `with` copies its chunk list once per call).
  const byLabel = new Map<string, Record<string, Entity | null>>();
  const change = (label: string, id: string, entity: Entity | null) => {
    let record = byLabel.get(label);
    if (!record) byLabel.set(label, (record = {}));
    record[id] = entity;
  };
  const was = (id: string): Entity | undefined =>
    Object.hasOwn(before.entities, id) ? before.entities[id] : undefined;
  for (const id of changes.removed) {
    const old = was(id);
    if (old) change(old.label, id, null);
  }
  for (const span of changes.put) {
    const entity = span as Entity;
    const old = was(entity.id);
    if (old && old.label !== entity.label) change(old.label, entity.id, null);
    change(entity.label, entity.id, entity);
  }
  const groups = new Map(before.groups);
  const known = new Set(labels);
  for (const [label, record] of byLabel) {
    const list = (groups.get(label) ?? SpanList.empty<Entity>()).with(record);
    // A label the workspace lacks is listed while it has entities.
    if (list.size === 0 && !known.has(label)) groups.delete(label);
    else groups.set(label, list);
  }
  return { entities, labels, groups };
}

function freshGroups(entities: Record<string, Entity>, labels: readonly string[]): EntityGroups {
  const lists = new Map<string, Entity[]>(labels.map((name) => [name, []]));
  for (const e of sortedSpans(entities)) {
    const list = lists.get(e.label);
    if (list) list.push(e);
    else lists.set(e.label, [e]);
  }
  const groups = new Map<string, SpanList<Entity>>();
  for (const [label, list] of lists) groups.set(label, SpanList.of(list));
  return { entities, labels, groups };
}

/** The first `n` of a label's entities, in sidecar order (without listing the rest). */
export function firstEntities(list: SpanList<Entity>, n: number): Entity[] {
  const out: Entity[] = [];
  if (n <= 0) return out;
  for (const e of list) {
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}

/** Long documents have thousands of spans: a label's list shows this many until asked for all. */
export const LIST_LIMIT = 50;

/** A row of the side panel's entity list as the panel shows it (renderer/ui/SidePanel.tsx's EntityItem). */
export interface ListedEntity {
  entity: Entity;
  /** Inside removed text (or orphaned): hidden from the clean view. */
  hidden: boolean;
  /** The words around it in the clean view (the source's for a hidden one: none). */
  context: SpanContext | null;
}

/** One label's group of the entity list: how many it has, and its first LIST_LIMIT rows. */
export interface ListedGroup {
  label: string;
  count: number;
  first: ListedEntity[];
}

/**
 * The side panel's entity list of a document as it opens (the clean view, nothing selected, no list shown whole), for
 * the early paint to draw before the app has run: each label with entities, in the order first met in sidecar order
 * (the page puts the workspace's labels first: `workspaceOrder`), and the quotes' count for the tabs.
 */
export interface EntityListStart {
  groups: ListedGroup[];
  quotes: number;
}

/**
 * The least height of a row and of a label's heading in the panel (renderer/styles/app.css: `.span-item` 4 px of
 * padding and 1 px of border a side around a 15 px line, `.span-context` a 12.5 px line of line-height 1.5,
 * `.span-group h3` 10 + 4 px of margin around a 12 px line). Rows whose least heights fill a panel's height are all
 * the rows it can show: the early paint draws those, no more (all of a label's first 50, laid out in the first frame,
 * held the open back more than the first screen's text did: traces at 10,000 entities, load ~20, that frame's layout
 * 13-15 ms of CPU without the panel, 40-44 with all its rows; the panel is now drawn in the frame after).
 */
const ROW_AT_LEAST_PX = 25;
const CONTEXT_AT_LEAST_PX = 18;
const HEADING_AT_LEAST_PX = 26;
const rowAtLeastPx = (row: ListedEntity): number => ROW_AT_LEAST_PX + (row.context ? CONTEXT_AT_LEAST_PX : 0);

/** The tallest panel the start's list has rows for (a 4K screen's height): the page draws those its window shows. */
export const EARLY_LIST_HEIGHT_PX = 2_160;

/** Each group's rows (a prefix of its `first`) that fill `heightPx` of the panel, the groups in the panel's order. */
export function rowsInView(groups: readonly ListedGroup[], heightPx: number): number[] {
  let used = 0;
  return groups.map((group) => {
    used += HEADING_AT_LEAST_PX;
    let n = 0;
    for (; n < group.first.length && used < heightPx; n++) used += rowAtLeastPx(group.first[n]);
    return n;
  });
}

/**
 * The entity list `text` and `sidecar` open with (see EntityListStart), worked out as the panel works it out, in its
 * order for the workspace's `labels`: every label's count, and the first rows that fill `heightPx` of the panel.
 */
export function entityListStart(
  text: string,
  sidecar: Sidecar,
  labels: readonly string[],
  heightPx = EARLY_LIST_HEIGHT_PX,
): EntityListStart {
  const data = dataFromSidecar({ ...sidecar, entities: [] });
  const shown = shownText(text, data.edits, 'clean');
  const index = new CodePointIndex(shown.text);
  const grouped = [...(listedInOrder(sidecar.entities) ?? listedGrouped(sidecar))].map(([label, g]) => ({
    label,
    ...g,
  }));
  const listed: ListedGroup[] = [];
  let used = 0;
  for (const { label, count, first } of workspaceOrder(grouped, labels)) {
    used += HEADING_AT_LEAST_PX;
    const rows: ListedEntity[] = [];
    for (const entity of first) {
      if (used >= heightPx) break;
      const at = shownSpanOf(shown, entity);
      rows.push({ entity, hidden: !at, context: at ? spanContext(index, at.start, at.end) : null });
      used += rowAtLeastPx(rows[rows.length - 1]);
    }
    listed.push({ label, count, first: rows });
  }
  return { groups: listed, quotes: new Set(sidecar.quotes.map((q) => q.id)).size };
}

type Listed = Map<string, { count: number; first: Entity[] }>;

/**
 * Each label's count and first rows in one pass, for entities in sidecar order with no id twice (as a sidecar is
 * written); else null. Keyed by id and grouped (listedGrouped), 50,000 entities took ~100 ms of the server's CPU.
 */
function listedInOrder(entities: readonly Entity[]): Listed | null {
  const ids = new Set<string>();
  const listed: Listed = new Map();
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if ((i > 0 && compareSpans(entities[i - 1], e) >= 0) || ids.has(e.id)) return null;
    ids.add(e.id);
    let group = listed.get(e.label);
    if (!group) listed.set(e.label, (group = { count: 0, first: [] }));
    group.count++;
    if (group.first.length < LIST_LIMIT) group.first.push(e);
  }
  return listed;
}

/** As the panel groups them (its record by id: the last of an id kept; sidecar order). */
function listedGrouped(sidecar: Sidecar): Listed {
  const listed: Listed = new Map();
  for (const [label, list] of groupEntitiesByLabel(dataFromSidecar(sidecar).entities, []).groups)
    listed.set(label, { count: list.size, first: firstEntities(list, LIST_LIMIT) });
  return listed;
}

/** The groups in the panel's order: the workspace's labels first, in its order, then the others as met. */
export function workspaceOrder<G extends { label: string }>(groups: readonly G[], labels: readonly string[]): G[] {
  const byLabel = new Map(groups.map((g) => [g.label, g]));
  const known = new Set(labels);
  const first = labels.flatMap((name) => byLabel.get(name) ?? []);
  return [...first, ...groups.filter((g) => !known.has(g.label))];
}
