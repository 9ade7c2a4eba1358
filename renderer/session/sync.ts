// Sync (Teams), for editors who never use git: the Sync command (button, key, menu) saves what
// is unsaved, asks the back end to commit, pull through the merge driver and push, and shows its
// report (what came in, from whom; conflicts: the first conflicted document opens as the
// conflict queue). The status line's figures (ahead/behind, unsynced documents) follow saves and
// syncs, asked for once saves pause.
import type { SyncStatus, SyncStep } from '../../shared/api';
import { currentAnnotator } from './annotator-name';
import { saveNow, toErrorData } from './autosave';
import { openDocument, refreshDocuments } from './document-actions';
import { t } from './locale';
import { session } from './session';
import type { SyncState } from './state';
import { store } from './store';
import { openDialog, showNotice } from './ui-actions';
import { sayError } from '../../shared/i18n/message';

export const SYNC_REPORT_DIALOG = 'sync-report';
/** After a save, the status line is asked again once saves pause this long (ms). */
const AFTER_SAVE_MS = 800;

function setSync(change: Partial<SyncState>): void {
  store().setState((s) => ({ sync: { ...s.sync, ...change } }));
}

/** Asks the back end where this clone stands (the latest answer wins). */
export async function refreshSyncStatus(): Promise<void> {
  const seq = ++session().seq.syncStatus;
  try {
    const status = await session().api.syncStatus(currentAnnotator());
    if (seq === session().seq.syncStatus) setSync({ status });
  } catch {
    // The status line is a hint: an answer that failed leaves the last one.
  }
}

/**
 * The Sync command: saves first (nothing unsaved is left behind), then syncs, shows the report,
 * refreshes the list, and opens the first document with conflicts as the conflict queue.
 */
export async function runSync(): Promise<void> {
  const s = store().getState();
  if (s.sync.running) return;
  setSync({ running: true, step: 'saving', attempt: null });
  try {
    if (!(await saveNow())) {
      showNotice(t('sync.unsaved'), 'error');
      return;
    }
    const report = await session().api.sync({ annotator: currentAnnotator() });
    setSync({ report, status: report.status });
    openDialog(SYNC_REPORT_DIALOG);
    if (report.incoming.length > 0 || report.conflicts.length > 0) void refreshDocuments();
    const open = store().getState().doc?.id;
    const conflicted = report.conflicts.find((id) => id === open) ?? report.conflicts[0];
    if (conflicted !== undefined) await openDocument(conflicted);
  } catch (e) {
    showNotice(t('sync.failed', { message: sayError(t, toErrorData(e)) }), 'error');
  } finally {
    setSync({ running: false, step: null, attempt: null });
  }
}

/** A step of the running sync, from the back end's events. */
export function noteSyncStep(step: SyncStep, attempt?: number): void {
  if (store().getState().sync.running) setSync({ step, attempt: attempt ?? null });
}

/** Keeps the status line current: when the workspace loads, after saves pause, when the annotator changes. */
export function followSyncStatus(): () => void {
  const current = session();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refreshSyncStatus();
    }, ms);
  };
  const stop = current.store.subscribe((s, prev) => {
    if (s.workspace !== prev.workspace || s.annotator !== prev.annotator) later(0);
    else if (s.revision !== prev.revision && s.doc?.id === prev.doc?.id) later(AFTER_SAVE_MS);
    else if (s.documents !== prev.documents && !s.sync.running) later(AFTER_SAVE_MS);
  });
  const unlisten = current.events.addListener((event) => {
    if (event.type === 'sync-progress') noteSyncStep(event.step, event.attempt);
  });
  if (current.store.getState().workspace) later(0);
  return () => {
    stop();
    unlisten();
    if (timer) clearTimeout(timer);
  };
}

/** The status line's words for a status: "↑2 ↓1 · 3 unsynced", or what is missing. */
export function syncStatusWords(status: SyncStatus | null): string {
  if (!status) return '';
  if (status.problem) return t(`sync.status.${status.problem.reason === 'no-git' ? 'no-git' : 'no-repository'}`);
  return t('sync.status', { ahead: status.ahead, behind: status.behind, unsynced: status.unsynced });
}
