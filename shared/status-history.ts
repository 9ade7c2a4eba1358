// A document's status over time: each save that changes `document.status` adds the new status
// and the save's time to the sidecar's `statusHistory` (an additive optional field), so the
// progress view can chart documents per status over time from what happened, not only from the
// last save. Worked out on the back end, by comparing the sidecar saved with the file it replaces.
import type { Sidecar, StatusChange } from './model';

function changeKey(c: StatusChange): string {
  const annotator = (c as { annotator?: unknown }).annotator;
  return `${c.at}\u0000${c.status}\u0000${typeof annotator === 'string' ? annotator : ''}`;
}

/** Oldest first; a time that does not parse sorts by its text after the ones that do. */
function byTime(a: StatusChange, b: StatusChange): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/**
 * Two versions' histories as one: each change of either (the same time, status and annotator once), oldest first.
 * A history only grows, so what either side holds happened: merged versions (git, Sync, a change on disk) keep both.
 * Undefined when neither has one.
 */
export function mergeStatusHistories(
  a: readonly StatusChange[] | undefined,
  b: readonly StatusChange[] | undefined,
): StatusChange[] | undefined {
  if (!a && !b) return undefined;
  const seen = new Map<string, StatusChange>();
  for (const c of [...(a ?? []), ...(b ?? [])]) if (!seen.has(changeKey(c))) seen.set(changeKey(c), c);
  return [...seen.values()].sort(byTime);
}

/**
 * `next` with its status change recorded: when its status differs from the file it replaces
 * (`previous`), the new status is appended with the time `at`. The history already in the file is
 * kept (the editor may send one without it, or one merged with it after a change on disk: the two
 * are merged). A file without a history yet starts one with its own
 * status as of its last save. No file yet: nothing is recorded (the sidecar as sent is written, and
 * its `updatedAt` dates its first status just as well).
 */
export function withStatusChange(previous: Sidecar | null, next: Sidecar, at: string): Sidecar {
  if (!previous) return next;
  const now = next.document.status;
  const was = previous.document.status;
  let history = mergeStatusHistories(previous.statusHistory, next.statusHistory);
  if (now === was) return history ? { ...next, statusHistory: history } : next;
  if (!history && was !== 'todo' && previous.updatedAt) history = [{ status: was, at: previous.updatedAt }];
  return { ...next, statusHistory: [...(history ?? []), { status: now, at }] };
}
