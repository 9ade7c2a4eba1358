// Events from the back end: the list changed, a file changed on disk, menu commands.
// The external-change handling replaces the default file-event handler (see ExternalChanges.install).
import type { MenuCommand, TahrirEvent } from '../../shared/api';
import { doneAndNext, refreshDocuments, reloadDocument, stepDocument, switchWorkspace } from './document-actions';
import { redo, undo } from './history';
import { session, type EditorSession } from './session';
import type { ExternalChange } from './state';
import { t } from './locale';
import { AGREEMENT_DIALOG } from './agreement';
import { runSync } from './sync';
import { openDialog, openSearch, showNotice, toggleShortcuts, toggleView } from './ui-actions';

export function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'undo':
      undo();
      break;
    case 'redo':
      redo();
      break;
    case 'find':
      openSearch();
      break;
    case 'export':
    case 'import':
      openDialog(command);
      break;
    case 'done-and-next':
      void doneAndNext();
      break;
    case 'next-document':
      void stepDocument(1);
      break;
    case 'previous-document':
      void stepDocument(-1);
      break;
    case 'shortcuts':
      toggleShortcuts();
      break;
    case 'toggle-clean-text':
      toggleView();
      break;
    case 'agreement':
      openDialog(AGREEMENT_DIALOG);
      break;
    case 'sync':
      void runSync();
      break;
  }
}

/**
 * Default handling of a change on disk to the open document: reload when nothing is
 * unsaved and the sidecar really differs (our own saves come back as events too);
 * otherwise show a banner and let the editor choose.
 */
async function defaultFileEvent(change: ExternalChange): Promise<void> {
  const { store, api } = session();
  const s = store.getState();
  if (s.doc?.id !== change.id) return;
  if (change.type === 'document-removed') {
    store.setState({ external: change });
    return;
  }
  if (s.save.state !== 'saved') {
    store.setState({ external: change });
    return;
  }
  const opened = await api.openDocument(change.id).catch(() => null);
  const now = store.getState();
  if (!opened || now.doc?.id !== change.id || now.save.state !== 'saved') return;
  if (change.type === 'sidecar-changed' && opened.revision === now.revision) return;
  // The answer just checked, shown at once: reading it again left a moment in which an edit (a conflict settled by
  // key right after opening) was made, then replaced by the second answer.
  await reloadDocument(opened);
  showNotice(change.type === 'text-changed' ? t('notice.text-reanchored') : t('notice.sidecar-reloaded'));
}

/** One session's listening to the back end: who handles changes on disk, and who else listens (export/import jobs). */
export class BackendEvents {
  /** Extension point for a fuller external-change handler. */
  onFileEvent: (change: ExternalChange) => Promise<void> = defaultFileEvent;
  private readonly others = new Set<(event: TahrirEvent) => void>();

  constructor(private readonly session: EditorSession) {}

  /** Extension point: export/import dialogs listen for their job events here. */
  addListener(listener: (event: TahrirEvent) => void): () => void {
    this.others.add(listener);
    return () => this.others.delete(listener);
  }

  readonly handle = (event: TahrirEvent): void => {
    switch (event.type) {
      case 'menu':
        runMenuCommand(event.command);
        break;
      case 'documents-changed':
        void refreshDocuments();
        break;
      case 'sidecar-changed':
      case 'text-changed':
      case 'document-removed':
        void refreshDocuments();
        void this.onFileEvent({ type: event.type, id: event.id });
        break;
      case 'open-workspace':
        void switchWorkspace(event.path);
        break;
      default:
        break;
    }
    for (const listener of this.others) listener(event);
  };

  /** Listens to the session's API; returns the function that stops. */
  listen(): () => void {
    return this.session.api.onEvent(this.handle);
  }
}

export function listenToBackend(): () => void {
  return session().events.listen();
}
