// The merge conflict queue (Teams): a sidecar a git merge left `conflicts` in opens read-only, and
// the editor settles them one at a time (take mine / theirs / both / neither). Each choice is saved
// at once and the document opened again, so the file on disk is clean when the queue is empty.
import type { SidecarConflict } from '../../shared/model';
import { resolveConflict, type ConflictChoice } from '../../shared/sidecar-conflicts';
import { nowStamp } from '../../shared/timestamp';
import { toErrorData } from './autosave';
import { currentAnnotator } from './annotator-name';
import { getApi } from './api-connection';
import { openDocument } from './document-actions';
import type { TahrirState } from './state';
import { store } from './store';
import { t } from './locale';
import { showNotice } from './ui-actions';
import { sayError } from '../../shared/i18n/message';

const NONE: readonly SidecarConflict[] = Object.freeze([]);

/** The open document's conflicts still to settle (one frozen empty list when none: a stable selector result). */
export function openConflicts(s: TahrirState): readonly SidecarConflict[] {
  return s.doc?.base.conflicts ?? NONE;
}

/** Settles the first conflict of the open document by `choice`, saves, and opens the document again. */
export async function resolveCurrentConflict(choice: ConflictChoice): Promise<void> {
  const s = store().getState();
  const doc = s.doc;
  if (!doc || openConflicts(s).length === 0 || s.opening) return;
  let resolved;
  try {
    resolved = { ...resolveConflict(doc.base, 0, choice), updatedAt: nowStamp() };
  } catch (e) {
    showNotice(e instanceof Error ? e.message : String(e), 'error');
    return;
  }
  const name = currentAnnotator();
  if (name) resolved.annotator = name;
  store().setState({ opening: doc.id });
  try {
    await getApi().saveSidecar(doc.id, resolved, s.revision);
  } catch (e) {
    store().setState({ opening: null });
    showNotice(t('notice.conflict-save-failed', { message: sayError(t, toErrorData(e)) }), 'error');
    return;
  }
  const left = resolved.conflicts?.length ?? 0;
  await openDocument(doc.id);
  showNotice(t('notice.conflicts-left', { n: left }));
}
