// A document's status over time: each save that changes `document.status` adds the new status
// and the save's time to the sidecar's `statusHistory` (an additive optional field), so the
// progress view can chart documents per status over time from what happened, not only from the
// last save. Worked out on the back end, by comparing the sidecar saved with the file it replaces.
import type { Sidecar } from './model';

/**
 * `next` with its status change recorded: when its status differs from the file it replaces
 * (`previous`), the new status is appended with the time `at`. The history already in the file is
 * kept (the editor may send one without it). A file without a history yet starts one with its own
 * status as of its last save. No file yet: nothing is recorded (the sidecar as sent is written, and
 * its `updatedAt` dates its first status just as well).
 */
export function withStatusChange(previous: Sidecar | null, next: Sidecar, at: string): Sidecar {
  if (!previous) return next;
  const now = next.document.status;
  const was = previous.document.status;
  let history = previous.statusHistory ?? next.statusHistory;
  if (now === was) return history ? { ...next, statusHistory: history } : next;
  if (!history && was !== 'todo' && previous.updatedAt) history = [{ status: was, at: previous.updatedAt }];
  return { ...next, statusHistory: [...(history ?? []), { status: now, at }] };
}
