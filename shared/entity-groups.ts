// The side panel's entities by label, each label's in sidecar order, worked out again after an edit from the last
// grouping and the few spans the edit changed: listing and grouping all 50,000 entities after every keypress was
// ~17 ms of the page's thread per edit, a long task in the way of the next keypress.
import { derivedSpanChanges, sortedSpans } from './document-data';
import type { Entity } from './model';
import { SpanList } from './span-list';

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
