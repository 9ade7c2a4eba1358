// Structured conflicts (Teams): what a three-way merge of two annotators' sidecars could not
// settle is written into the sidecar itself, in a `conflicts` section holding every version of
// the item, so the file stays valid JSON and nothing is lost until someone resolves it.
import { sameData, type MergeConflict, type MergeResult } from './merge-sidecars';
import type { Sidecar, SidecarConflict, SidecarConflictKind } from './model';

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
