// Merging two versions of one sidecar by id: "mine" (unsaved in the editor) and "theirs"
// (changed on disk by a colleague, a git pull, a sync folder). With the version both started
// from ("base") it is a three-way merge: a side that left an item as it was accepts the other
// side's change or deletion. Without a base it is a union. Nothing is dropped silently: an
// item is either in the result, deliberately deleted by one side while the other left it
// untouched, or listed in `conflicts`; and what both sides hold is kept (the base may hold duplicates, each side
// deleting or changing another). Both sides' status histories are kept.

import type { DocumentMetadata, Edit, Entity, Quote, RejectedSuggestion, Sidecar } from './model';
import { idMaker } from './ids';
import { compareSpans } from './sidecar';
import { mergeStatusHistories } from './status-history';

export type MergeItemKind = 'edit' | 'entity' | 'quote';

export type MergeConflictReason =
  /** Both sides changed the same item differently; the preferred side's version is kept. */
  | 'both-changed'
  /** One side deleted the item, the other changed it; the changed version is kept. */
  | 'changed-and-deleted'
  /** An edit from one side overlaps an edit from the other; the preferred side's edit is kept. */
  | 'overlapping-edit'
  /** A kept quote names a speaker entity the merge would have dropped; the entity is kept. */
  | 'speaker-kept'
  /** A document field (status, title...) or the source info differs; the preferred value is kept. */
  | 'field-changed';

export interface MergeConflict {
  kind: MergeItemKind | 'document' | 'source';
  /** Item id, or the field name for 'document'. */
  id: string;
  reason: MergeConflictReason;
  /** Which side's version is in the result ('none' when it was left out). */
  kept: 'mine' | 'theirs' | 'none';
  mine?: unknown;
  theirs?: unknown;
}

export interface MergeRename {
  kind: MergeItemKind;
  /** The id the item had on their side. */
  from: string;
  /** The new id it has in the result (mine kept the old one). */
  to: string;
}

export interface MergeResult {
  sidecar: Sidecar;
  conflicts: MergeConflict[];
  /** Items both sides added under the same id: theirs got a fresh id so both are kept. */
  renamed: MergeRename[];
}

export interface MergeOptions {
  /** The version both sides started from (the sidecar as the editor last loaded it). */
  base?: Sidecar | null;
  /** Whose version wins a conflict; default 'mine'. */
  prefer?: 'mine' | 'theirs';
}

/** Plain-data equality, independent of key order; `undefined` fields count as absent. */
export function sameData(a: unknown, b: unknown): boolean {
  return sameFields(a, b, false);
}

/**
 * `sameData`, leaving out the top level's createdBy/changedBy when `skipNames`. Counts keys
 * without building arrays or copies: the merge driver compares every item of three versions.
 */
function sameFields(a: unknown, b: unknown, skipNames: boolean): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameFields(a[i], bb[i], false)) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const skip = (k: string) => skipNames && (k === 'createdBy' || k === 'changedBy');
  let count = 0;
  for (const k in ao) {
    if (ao[k] === undefined || skip(k)) continue;
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !sameFields(ao[k], bo[k], false)) return false;
    count++;
  }
  for (const k in bo) if (bo[k] !== undefined && !skip(k)) count--;
  return count === 0;
}

/** Items compare by what they say, not who said it: two annotators making the same change agree. */
export function sameContent(a: object, b: object): boolean {
  return sameFields(a, b, true);
}

/** JSON of plain data with object keys sorted: equal for data sameData calls equal. */
function canonicalJson(x: unknown): string {
  if (typeof x !== 'object' || x === null) return JSON.stringify(x) ?? 'null';
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** What an item says apart from its id and authorship: one annotation both sides added, under two ids, has one key. */
function contentKey(item: { id: string }): string {
  const {
    id: _id,
    createdBy: _c,
    changedBy: _ch,
    ...rest
  } = item as { id: string; createdBy?: string; changedBy?: string };
  return canonicalJson(rest);
}

type Side = 'mine' | 'theirs';
interface Placed<T> {
  item: T;
  from: Side;
  /** The id on its side, when the merge gave it a new one. */
  renamedFrom?: string;
  /** Unchanged on both sides (settledItems). */
  settled?: true;
}

const ID_PREFIX: Record<MergeItemKind, string> = { edit: 'e', entity: 't', quote: 'q' };

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  // A loop, not new Map(items.map(...)): no pair array per item (the merge driver indexes 10,000-item lists).
  const out = new Map<string, T>();
  for (const item of items ?? []) out.set(item.id, item);
  return out;
}

/**
 * A fresh id of the form `<prefix><n>` not in `taken` (ids are unique across edits, entities and quotes). Made on the
 * first call: most merges need no fresh id, and the maker reads every id of the three versions.
 */
function freshIdMaker(kind: MergeItemKind, taken: () => Set<string>): () => string {
  let make: (() => string) | null = null;
  return () => (make ??= idMaker(ID_PREFIX[kind], taken()))();
}

/** Which items of each version are settled (1): the same item in all three, unchanged on both sides. */
interface Settled {
  base: Uint8Array;
  mine: Uint8Array;
  theirs: Uint8Array;
  count: number;
}

/**
 * The items unchanged on both sides: the same id and span in all three versions, and the content the base has. Most
 * items of a long document are; they are kept as mine's with nothing more to compare, and stay out of the grouping
 * below, which costs some twenty map operations an item (the merge driver's 10,000-entity sidecar). Found by walking
 * the three lists at once in file order (start, end, id), with no map. A list out of that order only finds fewer: an
 * item not found here is grouped and compared like any other, with the same result.
 */
function settledItems<T extends { id: string; start: number; end: number }>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
): Settled {
  const settled = {
    base: new Uint8Array(base.length),
    mine: new Uint8Array(mine.length),
    theirs: new Uint8Array(theirs.length),
    count: 0,
  };
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < base.length && j < mine.length && k < theirs.length) {
    const bi = base[i];
    const m = compareSpans(mine[j], bi);
    const t = compareSpans(theirs[k], bi);
    if (m === 0 && t === 0) {
      if (sameContent(bi, mine[j]) && sameContent(bi, theirs[k])) {
        settled.base[i] = settled.mine[j] = settled.theirs[k] = 1;
        settled.count++;
      }
      i++;
      j++;
      k++;
    } else if (m < 0) j++;
    else if (t < 0) k++;
    else i++;
  }
  return settled;
}

/** The items not settled. */
function unsettled<T>(items: readonly T[], flags: Uint8Array | undefined): readonly T[] {
  return flags ? items.filter((_, n) => flags[n] === 0) : items;
}

/**
 * Where an earlier merge moved base items on one side: base id → the side's id. Both sides had added an item under
 * one id, so that merge gave the incoming one a fresh id; a later merge against the old base must follow the item to
 * its new id, or it reads the addition now under the old id as a change of the base item (and two additions as one
 * conflict: one of them is then lost when the conflict is settled).
 */
function movesOf<T extends { id: string }>(base: Map<string, T>, side: readonly T[], sideById: Map<string, T>) {
  const moves = new Map<string, string>();
  let added: Map<string, T[]> | null = null;
  for (const [id, bi] of base) {
    const si = sideById.get(id);
    if (si && sameContent(bi, si)) continue;
    if (added === null) {
      added = new Map();
      for (const item of side) {
        if (base.has(item.id)) continue;
        const key = contentKey(item);
        const list = added.get(key);
        if (list) list.push(item);
        else added.set(key, [item]);
      }
      if (added.size === 0) break;
    }
    const moved = added.get(contentKey(bi))?.shift();
    if (moved) moves.set(id, moved.id);
  }
  return moves;
}

/** One item as the three versions hold it. */
interface Versions<T> {
  base?: T;
  mine?: T;
  theirs?: T;
  /** Unchanged on both sides (settledItems): `mine` is kept, nothing to compare. */
  settled?: true;
}

/** Two spans with no character in common (an empty span touching the other counts as near it). */
function apart(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return (
    a.end < b.start ||
    b.end < a.start ||
    (a.end === b.start && a.start < a.end && b.start < b.end) ||
    (b.end === a.start && a.start < a.end && b.start < b.end)
  );
}

/**
 * The items of three versions grouped by identity: a base item's key is its base id, on each side followed to where
 * an earlier merge moved it; an addition's key is its id (two sides adding under one id meet there and are told apart
 * by the merge), marked as new when it took the id of a base item its side moved (both sides may have: they meet).
 * Settled items each stand alone, in mine's order. `base` holds the base items not settled.
 */
function versionsOf<T extends { id: string; start: number; end: number }>(
  base: Map<string, T>,
  mine: readonly T[],
  theirs: readonly T[],
  hasBase: boolean,
  settled: Settled | null,
): Versions<T>[] {
  const out = new Map<string, Versions<T>>();
  // In the order met (mine's items, then theirs'): the result's conflicts and clashing edits follow it.
  const order: Versions<T>[] = [];
  const at = (key: string) => {
    let v = out.get(key);
    if (!v) {
      out.set(key, (v = {}));
      order.push(v);
    }
    return v;
  };
  for (const [side, items] of [
    ['mine', mine],
    ['theirs', theirs],
  ] as const) {
    const flags = settled?.[side];
    const rest = unsettled(items, flags);
    const moves = hasBase ? movesOf(base, rest, byId(rest)) : new Map<string, string>();
    const movedFrom = new Map([...moves].map(([from, to]): [string, string] => [to, from]));
    for (let n = 0; n < items.length; n++) {
      const item = items[n];
      if (flags && flags[n] === 1) {
        if (side === 'mine') order.push({ mine: item, settled: true });
        continue;
      }
      const from = movedFrom.get(item.id);
      // The item now under a base id its side moved is an addition, not the base item: it meets the other side's
      // addition under that id (the same after the same earlier merge), never the base item.
      let key = from ?? (moves.has(item.id) ? `\u0000${item.id}` : item.id);
      // Under a base item's id but nowhere near it: ids are reused (the base item deleted, another tagged, given the
      // freed number), so it is an addition, not that item changed; taken as a change, the two met as one conflict and
      // settling it lost the addition (the multi-clone test, seed 21 under load).
      const b = key === item.id ? base.get(item.id) : undefined;
      if (b && apart(b, item)) key = `\u0001${item.id}`;
      at(key)[side] = item;
    }
  }
  for (const [id, item] of base) if (out.has(id)) out.get(id)!.base = item;
  return order;
}

/** An item of one side the merge by id left out: the base's version where the other side changed or deleted it. */
interface Left<T> {
  item: T;
  side: Side;
  baseId?: string;
}

/**
 * Content both sides hold, left out by the merge by id: with duplicate items in the base, each side may delete or
 * change another one (each side still holding the item), and both were taken. What both hold is in the result at
 * least as often as the side holding it less often has it: the items of `left` to put back until it is.
 */
function heldByBoth<T extends { id: string; start: number; end: number }>(
  left: readonly Left<T>[],
  mine: readonly T[],
  theirs: readonly T[],
  out: readonly Placed<T>[],
): Left<T>[] {
  // Same content, same span: only items at the span of one left out are compared.
  const spanOf = (x: T) => `${x.start}:${x.end}`;
  const spans = new Set(left.map((d) => spanOf(d.item)));
  const starts = new Set(left.map((d) => d.item.start));
  const count = (items: Iterable<T>) => {
    const n = new Map<string, number>();
    for (const x of items) {
      if (!starts.has(x.start) || !spans.has(spanOf(x))) continue;
      const key = contentKey(x);
      n.set(key, (n.get(key) ?? 0) + 1);
    }
    return n;
  };
  const inMine = count(mine);
  const inTheirs = count(theirs);
  const inResult = count(out.map((p) => p.item));
  const back: Left<T>[] = [];
  // Mine's first: their quotes follow theirs only through a rename.
  for (const d of [...left].sort((a, b) => (a.side === b.side ? 0 : a.side === 'mine' ? -1 : 1))) {
    const key = contentKey(d.item);
    const want = Math.min(inMine.get(key) ?? 0, inTheirs.get(key) ?? 0);
    const has = inResult.get(key) ?? 0;
    if (has >= want) continue;
    inResult.set(key, has + 1);
    back.push(d);
  }
  return back;
}

function mergeItems<T extends { id: string; start: number; end: number }>(
  kind: MergeItemKind,
  base: readonly T[] | undefined,
  mine: readonly T[],
  theirs: readonly T[],
  prefer: Side,
  hasBase: boolean,
  taken: () => Set<string>,
  conflicts: MergeConflict[],
  renamed: MergeRename[],
  aliases: Map<string, string> = new Map(),
  /** Filled with each base item's id in the result (where it was kept): its quotes' speakers follow it. */
  baseIds: Map<string, string> = new Map(),
): Placed<T>[] {
  const settled = hasBase && base ? settledItems(base, mine, theirs) : null;
  const b = byId(unsettled(base ?? [], settled?.base));
  // One item may have another id on each side (an earlier merge moved it): compare what they say.
  const same = (x: T, y: T) => sameContent(x, x.id === y.id ? y : { ...y, id: x.id });
  const freshId = freshIdMaker(kind, taken);
  const out: Placed<T>[] = [];
  const left: Left<T>[] = [];
  /** Kept from theirs under their own id: it gets a fresh one if mine's items use that id. */
  const theirsOwn: { placed: Placed<T>; baseId?: string }[] = [];
  // One item under two ids (an earlier merge moved it on one side, or a side deleted it and added it again): the result
  // has mine's id, and says where theirs went so that their quotes and the caller can follow it.
  const alias = (ti: T, mi: T) => {
    aliases.set(ti.id, mi.id);
    renamed.push({ kind, from: ti.id, to: mi.id });
  };
  const fromTheirs = (ti: T, mi: T | undefined): Placed<T> => {
    if (!mi || mi.id === ti.id) return { item: ti, from: 'theirs' };
    alias(ti, mi);
    return { item: { ...ti, id: mi.id }, from: 'theirs', renamedFrom: ti.id };
  };
  const keepMine = (mi: T, ti: T | undefined): Placed<T> => {
    if (ti && ti.id !== mi.id) alias(ti, mi);
    return { item: mi, from: 'mine' };
  };
  // What mine added, by content: theirs may hold the same addition under another id (after an earlier merge renamed
  // it).
  const mineAdded = new Map<string, T>();
  for (const item of unsettled(mine, settled?.mine)) if (!b.has(item.id)) mineAdded.set(contentKey(item), item);
  for (const v of versionsOf(b, mine, theirs, hasBase, settled)) {
    if (v.settled) {
      // Its id is its base id: `baseIds` is left without it (a lookup there falls back to the id itself).
      out.push({ item: v.mine!, from: 'mine', settled: true });
      continue;
    }
    const { base: bi, mine: mi, theirs: ti } = v;
    const id = (mi ?? ti)?.id;
    if (id === undefined) continue; // deleted on both sides
    if (bi && mi) baseIds.set(bi.id, mi.id);
    if (mi && ti) {
      if (same(mi, ti)) out.push(keepMine(mi, ti));
      else if (bi && same(bi, mi)) {
        out.push(fromTheirs(ti, mi));
        left.push({ item: mi, side: 'mine', baseId: bi.id });
      } else if (bi && same(bi, ti)) {
        out.push(keepMine(mi, ti));
        left.push({ item: ti, side: 'theirs', baseId: bi.id });
      } else if (!bi && hasBase) {
        // Both added an item and picked the same id (ids are numbered per file): keep both.
        out.push({ item: mi, from: 'mine' });
        theirsOwn.push({ placed: { item: ti, from: 'theirs' } });
      } else {
        out.push(prefer === 'mine' ? keepMine(mi, ti) : fromTheirs(ti, mi));
        left.push(prefer === 'mine' ? { item: ti, side: 'theirs' } : { item: mi, side: 'mine' });
        conflicts.push({ kind, id, reason: 'both-changed', kept: prefer, mine: mi, theirs: ti });
      }
    } else if (mi) {
      if (!bi) out.push({ item: mi, from: 'mine' });
      else if (same(bi, mi))
        left.push({ item: mi, side: 'mine', baseId: bi.id }); // deleted on disk, untouched here
      else {
        out.push({ item: mi, from: 'mine' });
        conflicts.push({ kind, id, reason: 'changed-and-deleted', kept: 'mine', mine: mi });
      }
    } else if (ti) {
      const twin = bi || mineAdded.size === 0 ? undefined : mineAdded.get(contentKey(ti));
      if (twin) {
        // The same addition as mine's (under another id, after an earlier merge renamed it): kept once, as mine's.
        if (twin.id !== ti.id) {
          aliases.set(ti.id, twin.id);
          renamed.push({ kind, from: ti.id, to: twin.id });
        }
      } else if (!bi) theirsOwn.push({ placed: { item: ti, from: 'theirs' } });
      else if (same(bi, ti))
        left.push({ item: ti, side: 'theirs', baseId: bi.id }); // deleted here, untouched on disk
      else {
        theirsOwn.push({ placed: { item: ti, from: 'theirs' }, baseId: bi.id });
        conflicts.push({ kind, id, reason: 'changed-and-deleted', kept: 'theirs', theirs: ti });
      }
    }
  }
  // Theirs under an id mine's items use (both added one under it): kept under a fresh id.
  // The ids in the result: the settled items' (read only when an id is asked for that the others do not use) and the
  // others'.
  const usedApart = new Set<string>();
  for (const p of out) if (!p.settled) usedApart.add(p.item.id);
  let settledIds: Set<string> | null = null;
  const used = {
    has: (id: string) =>
      usedApart.has(id) ||
      (settled !== null &&
        settled.count > 0 &&
        (settledIds ??= new Set(out.filter((p) => p.settled).map((p) => p.item.id))).has(id)),
    add: (id: string) => usedApart.add(id),
  };
  for (const { placed: p, baseId } of theirsOwn) {
    const kept: Placed<T> = used.has(p.item.id)
      ? { item: { ...p.item, id: freshId() }, from: 'theirs', renamedFrom: p.item.id }
      : p;
    if (kept.renamedFrom) renamed.push({ kind, from: kept.renamedFrom, to: kept.item.id });
    if (baseId !== undefined) baseIds.set(baseId, kept.item.id);
    out.push(kept);
    used.add(kept.item.id);
  }
  if (left.length > 0) {
    for (const d of heldByBoth(left, mine, theirs, out)) {
      // Under its own id where that is free: the side's quotes name it so.
      const taken = used.has(d.item.id);
      const item = taken ? { ...d.item, id: freshId() } : d.item;
      if (d.side === 'theirs' && taken) renamed.push({ kind, from: d.item.id, to: item.id });
      if (d.baseId !== undefined && !baseIds.has(d.baseId)) baseIds.set(d.baseId, item.id);
      out.push({ item, from: d.side, ...(taken ? { renamedFrom: d.item.id } : {}) });
      used.add(item.id);
    }
  }
  return out;
}

function editsOverlap(a: Edit, b: Edit): boolean {
  // Touching edits are fine; two insertions at one point are not (their order is ambiguous).
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Drops edits from the non-preferred side that overlap an edit from the preferred side. */
function settleOverlappingEdits(
  placed: Placed<Edit>[],
  prefer: Side,
  conflicts: MergeConflict[],
  renamed: MergeRename[],
): Placed<Edit>[] {
  const winners = placed.filter((p) => p.from === prefer);
  const kept: Placed<Edit>[] = [...winners];
  for (const p of placed) {
    if (p.from === prefer) continue;
    const clash = kept.find((k) => k.from !== p.from && editsOverlap(k.item, p.item));
    if (clash) {
      // Left out: report it under the id it has on its side, and undo its rename.
      const rename = renamed.findIndex((r) => r.kind === 'edit' && r.to === p.item.id);
      if (rename >= 0) renamed.splice(rename, 1);
      const back = p.renamedFrom ? { ...p.item, id: p.renamedFrom } : p.item;
      conflicts.push({
        kind: 'edit',
        id: back.id,
        reason: 'overlapping-edit',
        kept: prefer,
        mine: prefer === 'mine' ? clash.item : back,
        theirs: prefer === 'mine' ? back : clash.item,
      });
    } else kept.push(p);
  }
  return kept;
}

const DOCUMENT_FIELDS: readonly (keyof DocumentMetadata)[] = [
  'status',
  'title',
  'published',
  'sourceName',
  'keywords',
  'note',
];

function mergeField<T>(
  field: string,
  kind: 'document' | 'source',
  base: T | undefined,
  mine: T | undefined,
  theirs: T | undefined,
  prefer: Side,
  hasBase: boolean,
  conflicts: MergeConflict[],
): T | undefined {
  if (sameData(mine, theirs)) return mine;
  if (hasBase && sameData(base, mine)) return theirs;
  if (hasBase && sameData(base, theirs)) return mine;
  if (!hasBase && mine === undefined) return theirs;
  if (!hasBase && theirs === undefined) return mine;
  conflicts.push({ kind, id: field, reason: 'field-changed', kept: prefer, mine, theirs });
  return prefer === 'mine' ? mine : theirs;
}

function mergeDocumentInfo(
  base: DocumentMetadata | undefined,
  mine: DocumentMetadata,
  theirs: DocumentMetadata,
  prefer: Side,
  hasBase: boolean,
  conflicts: MergeConflict[],
): DocumentMetadata {
  const out: Record<string, unknown> = {};
  const extra = [...Object.keys(mine), ...Object.keys(theirs)].filter(
    (k) => !DOCUMENT_FIELDS.includes(k as keyof DocumentMetadata),
  );
  for (const key of [...DOCUMENT_FIELDS, ...new Set(extra)]) {
    const k = key as keyof DocumentMetadata;
    const v = mergeField(key, 'document', base?.[k], mine[k], theirs[k], prefer, hasBase, conflicts);
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as DocumentMetadata;
}

function rejectedKey(r: RejectedSuggestion): string {
  return `${r.rule}\u0000${r.start}\u0000${r.end}\u0000${r.text}`;
}

function byPosition<T extends { start: number; end: number; id: string }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Merges `mine` and `theirs` by id. Conflicts keep the preferred side's version (default mine)
 * and are listed; additions on both sides are kept (renamed when both picked one id).
 */
export function mergeSidecars(mine: Sidecar, theirs: Sidecar, options: MergeOptions = {}): MergeResult {
  const base = options.base ?? undefined;
  const hasBase = base !== undefined;
  const prefer: Side = options.prefer ?? 'mine';
  const conflicts: MergeConflict[] = [];
  const renamed: MergeRename[] = [];
  // Every id of the three versions, for fresh ids: read only when one is needed (rarely).
  let takenIds: Set<string> | null = null;
  const taken = () => {
    if (takenIds) return takenIds;
    takenIds = new Set<string>();
    for (const s of [base, mine, theirs])
      if (s) for (const list of [s.edits, s.entities, s.quotes]) for (const x of list) takenIds.add(x.id);
    return takenIds;
  };

  const aliases = new Map<string, string>();
  const entityIdsOfBase = new Map<string, string>();
  const entities = mergeItems<Entity>(
    'entity',
    base?.entities,
    mine.entities,
    theirs.entities,
    prefer,
    hasBase,
    taken,
    conflicts,
    renamed,
    aliases,
    entityIdsOfBase,
  );
  // Their quotes must follow their entities' new ids (and the ids mine has for the entities both added).
  const entityRenames = new Map([
    ...aliases,
    ...renamed.filter((r) => r.kind === 'entity').map((r): [string, string] => [r.from, r.to]),
  ]);
  const theirQuotes = theirs.quotes.map((q) =>
    q.speaker !== null && entityRenames.has(q.speaker) ? { ...q, speaker: entityRenames.get(q.speaker) ?? null } : q,
  );
  // The base's quotes are compared with both sides' in the result's ids too.
  const baseQuotes = base?.quotes.map((q) => {
    const speaker = q.speaker === null ? null : (entityIdsOfBase.get(q.speaker) ?? q.speaker);
    return speaker === q.speaker ? q : { ...q, speaker };
  });
  const quotes = mergeItems<Quote>(
    'quote',
    baseQuotes,
    mine.quotes,
    theirQuotes,
    prefer,
    hasBase,
    taken,
    conflicts,
    renamed,
  );
  const edits = settleOverlappingEdits(
    mergeItems<Edit>('edit', base?.edits, mine.edits, theirs.edits, prefer, hasBase, taken, conflicts, renamed),
    prefer,
    conflicts,
    renamed,
  );

  // A quote kept from one side may name a speaker the other side deleted: keep that entity.
  const entityIds = new Set(entities.map((p) => p.item.id));
  let mineEntities: Map<string, Entity> | null = null;
  let theirEntities: Map<string, Entity> | null = null;
  for (const { item: q } of quotes) {
    if (q.speaker === null || entityIds.has(q.speaker)) continue;
    // Indexed only when a speaker is missing (rare).
    mineEntities ??= byId(mine.entities);
    theirEntities ??= byId(
      theirs.entities.map((e) => (entityRenames.has(e.id) ? { ...e, id: entityRenames.get(e.id) ?? e.id } : e)),
    );
    const fromMine = mineEntities.get(q.speaker);
    const speaker = fromMine ?? theirEntities.get(q.speaker);
    if (!speaker) continue; // already dangling on its own side; the validator reports it
    entities.push({ item: speaker, from: fromMine ? 'mine' : 'theirs' });
    entityIds.add(speaker.id);
    conflicts.push({
      kind: 'entity',
      id: speaker.id,
      reason: 'speaker-kept',
      kept: fromMine ? 'mine' : 'theirs',
      mine: fromMine,
      theirs: theirEntities.get(q.speaker),
    });
  }

  const source =
    mergeField('source', 'source', base?.source, mine.source, theirs.source, prefer, hasBase, conflicts) ?? mine.source;
  const document = mergeDocumentInfo(base?.document, mine.document, theirs.document, prefer, hasBase, conflicts);

  const sidecar: Sidecar = {
    format: mine.format,
    version: mine.version,
    source,
    document,
    edits: edits.map((p) => p.item).sort(byPosition),
    entities: entities.map((p) => p.item).sort(byPosition),
    quotes: quotes.map((p) => p.item).sort(byPosition),
  };
  if (mine.rejected || theirs.rejected) {
    const seen = new Map<string, RejectedSuggestion>();
    for (const r of [...(mine.rejected ?? []), ...(theirs.rejected ?? [])])
      if (!seen.has(rejectedKey(r))) seen.set(rejectedKey(r), r);
    sidecar.rejected = [...seen.values()].sort(
      (a, b) => a.start - b.start || a.end - b.end || (rejectedKey(a) < rejectedKey(b) ? -1 : 1),
    );
  }
  const updatedAt = [mine.updatedAt, theirs.updatedAt]
    .filter((x): x is string => typeof x === 'string')
    .sort()
    .pop();
  if (updatedAt !== undefined) sidecar.updatedAt = updatedAt;
  const annotator = mergeField(
    'annotator',
    'document',
    base?.annotator,
    mine.annotator,
    theirs.annotator,
    prefer,
    hasBase,
    conflicts,
  );
  if (annotator !== undefined) sidecar.annotator = annotator;
  // Every change of status either side dated (the status itself is merged as a document field above).
  const statusHistory = mergeStatusHistories(mine.statusHistory, theirs.statusHistory);
  if (statusHistory !== undefined) sidecar.statusHistory = statusHistory;
  return { sidecar, conflicts, renamed };
}

/** Which side a user chose in the external-change dialog. */
export type ExternalChangeChoice = 'keep-mine' | 'take-theirs' | 'merge';

/** The sidecar to save for a choice; `conflicts` only for 'merge'. */
export function resolveExternalChange(
  choice: ExternalChangeChoice,
  mine: Sidecar,
  theirs: Sidecar,
  base?: Sidecar | null,
): MergeResult {
  if (choice === 'keep-mine') return { sidecar: mine, conflicts: [], renamed: [] };
  if (choice === 'take-theirs') return { sidecar: theirs, conflicts: [], renamed: [] };
  return mergeSidecars(mine, theirs, { base });
}
