// Structured conflicts (Teams): what a three-way merge of two annotators' sidecars could not
// settle is written into the sidecar itself, in a `conflicts` section holding every version of
// the item, so the file stays valid JSON and nothing is lost until someone resolves it.
import { sameData, type MergeConflict, type MergeResult } from './merge-sidecars';
import type { Sidecar, SidecarConflict, SidecarConflictKind } from './model';
import { sortSidecar } from './sidecar';

export type { SidecarConflict, SidecarConflictKind, SidecarConflictReason } from './model';

const LIST: Record<'edit' | 'entity' | 'quote', 'edits' | 'entities' | 'quotes'> = {
  edit: 'edits',
  entity: 'entities',
  quote: 'quotes',
};

function baseVersion(base: Sidecar | null, c: MergeConflict): unknown {
  if (!base) return undefined;
  if (c.kind === 'document')
    return c.id === 'annotator' ? base.annotator : (base.document as unknown as Record<string, unknown>)[c.id];
  if (c.kind === 'source') return base.source;
  return (base[LIST[c.kind]] as { id: string }[]).find((x) => x.id === c.id);
}

/**
 * The conflicts of a merge that need a person: both changed one item, one changed what the other
 * deleted, overlapping edits, a document field (or the source text) changed on both sides.
 * Not kept: a speaker entity kept for a quote (nothing was lost), and who wrote the file last.
 */
export function conflictsToResolve(merge: MergeResult, base: Sidecar | null): SidecarConflict[] {
  const out: SidecarConflict[] = [];
  for (const c of merge.conflicts) {
    if (c.reason === 'speaker-kept' || (c.kind === 'document' && c.id === 'annotator')) continue;
    const kind: SidecarConflictKind = c.kind === 'source' ? 'document' : c.kind;
    const entry: SidecarConflict = { kind, id: c.id, reason: c.reason as SidecarConflict['reason'] };
    const b = baseVersion(base, c);
    if (b !== undefined) entry.base = b;
    if (c.mine !== undefined) entry.mine = c.mine;
    if (c.theirs !== undefined) entry.theirs = c.theirs;
    out.push(entry);
  }
  return out;
}

/**
 * The conflicts already in the files, merged three-way as a set: one either side still holds stays
 * unless the base held it too and one side resolved it (removed it).
 */
export function carriedConflicts(base: Sidecar | null, mine: Sidecar, theirs: Sidecar): SidecarConflict[] {
  const inList = (list: readonly SidecarConflict[] | undefined, c: SidecarConflict) =>
    (list ?? []).some((x) => sameData(x, c));
  const out: SidecarConflict[] = [];
  for (const c of [...(mine.conflicts ?? []), ...(theirs.conflicts ?? [])]) {
    if (inList(out, c)) continue;
    const resolvedBySomeone =
      inList(base?.conflicts, c) && (!inList(mine.conflicts, c) || !inList(theirs.conflicts, c));
    if (!resolvedBySomeone) out.push(c);
  }
  return out;
}

function what(c: SidecarConflict): string {
  const why: Record<SidecarConflict['reason'], string> = {
    'both-changed': 'both changed it',
    'changed-and-deleted': 'changed on one side, deleted on the other',
    'overlapping-edit': 'overlapping edits',
    'field-changed': 'both changed it',
  };
  return `${c.kind} ${c.id}: ${why[c.reason]}`;
}

/** "2 unresolved merge conflicts (entity t3: both changed it; edit e2: overlapping edits)". */
export function describeConflicts(conflicts: readonly SidecarConflict[], max = 3): string {
  const n = conflicts.length;
  const shown = conflicts.slice(0, max).map(what).join('; ');
  const more = n > max ? `; and ${n - max} more` : '';
  return `${n} unresolved merge conflict${n === 1 ? '' : 's'} (${shown}${more})`;
}

/** How the editor settles one conflict: one side's version, both (where both can stand), or neither. */
export type ConflictChoice = 'mine' | 'theirs' | 'both' | 'neither';

type Listed = { id: string; start: number; end: number };

function unusedId(taken: ReadonlySet<string>, id: string): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/**
 * The sidecar with its `at`-th conflict settled by `choice` and removed from `conflicts` (the
 * section dropped when it is empty). Items: the chosen version(s) replace what the merge kept;
 * neither removes the item. Document fields: mine or theirs, neither = the common base.
 * A choice that cannot stand (both values of one field, two overlapping edits) is an Error.
 */
export function resolveConflict(sidecar: Sidecar, at: number, choice: ConflictChoice): Sidecar {
  const c = sidecar.conflicts?.[at];
  if (!c) throw new Error(`no conflict number ${at + 1} to resolve`);
  const rest = sidecar.conflicts!.filter((_, i) => i !== at);
  const out: Sidecar = { ...sidecar, document: { ...sidecar.document } };
  if (rest.length > 0) out.conflicts = rest;
  else delete out.conflicts;
  if (c.kind === 'document') {
    if (choice === 'both') throw new Error(`${c.id} holds one value: take mine, theirs or neither (the base)`);
    const value = choice === 'mine' ? c.mine : choice === 'theirs' ? c.theirs : c.base;
    if (c.id === 'source') {
      if (value !== undefined) out.source = value as Sidecar['source'];
    } else {
      const doc = out.document as unknown as Record<string, unknown>;
      if (value === undefined) delete doc[c.id];
      else doc[c.id] = value;
    }
    return out;
  }
  const key = LIST[c.kind];
  const mine = c.mine as Listed | undefined;
  const theirs = c.theirs as Listed | undefined;
  const gone = new Set([c.id, mine?.id, theirs?.id].filter((x): x is string => x !== undefined));
  const list = (sidecar[key] as unknown as Listed[]).filter((x) => !gone.has(x.id));
  const taken = new Set(list.map((x) => x.id));
  const add = (item: Listed | undefined) => {
    if (!item) return;
    const placed = taken.has(item.id) ? { ...item, id: unusedId(taken, item.id) } : item;
    taken.add(placed.id);
    list.push(placed);
  };
  if (choice === 'both' && c.kind === 'edit' && mine && theirs && mine.start < theirs.end && theirs.start < mine.end)
    throw new Error(`edits ${mine.id} and ${theirs.id} overlap: only one of them can stay`);
  if (choice === 'mine' || choice === 'both') add(mine);
  if (choice === 'theirs' || choice === 'both') add(theirs);
  (out as unknown as Record<string, unknown>)[key] = list;
  return sortSidecar(out);
}
