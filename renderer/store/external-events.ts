// Events from the back end: the list changed, a file changed on disk, menu commands.
// A later external-change handler can replace `onFileEvent` (see setFileEventHandler).
import type { MenuCommand, TahrirEvent } from '../../shared/api';
import { getApi } from './api-connection';
import { refreshDocuments, reloadDocument, stepDocument, switchWorkspace } from './document-actions';
import { redo, undo } from './history';
import { store } from './store';
import type { ExternalChange } from './state';
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
  }
}

/**
 * Default handling of a change on disk to the open document: reload when nothing is
 * unsaved and the sidecar really differs (our own saves come back as events too);
 * otherwise show a banner and let the editor choose.
 */
async function defaultFileEvent(change: ExternalChange): Promise<void> {
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
  const opened = await getApi()
    .openDocument(change.id)
    .catch(() => null);
  const now = store.getState();
  if (!opened || now.doc?.id !== change.id || now.save.state !== 'saved') return;
  if (change.type === 'sidecar-changed' && opened.revision === now.revision) return;
  await reloadDocument();
  showNotice(change.type === 'text-changed' ? 'The text changed on disk: annotations were re-anchored.' : 'The sidecar changed on disk: reloaded.');
}

let onFileEvent: (change: ExternalChange) => Promise<void> = defaultFileEvent;

/** Extension point for a fuller external-change handler. */
export function setFileEventHandler(handler: (change: ExternalChange) => Promise<void>): void {
  onFileEvent = handler;
}

const otherListeners = new Set<(event: TahrirEvent) => void>();

/** Extension point: export/import dialogs listen for their job events here. */
export function addEventListener(listener: (event: TahrirEvent) => void): () => void {
  otherListeners.add(listener);
  return () => otherListeners.delete(listener);
}

export function handleEvent(event: TahrirEvent): void {
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
      void onFileEvent({ type: event.type, id: event.id });
      break;
    case 'open-workspace':
      void switchWorkspace(event.path);
      break;
    default:
      break;
  }
  for (const listener of otherListeners) listener(event);
}

export function listenToBackend(): () => void {
  return getApi().onEvent(handleEvent);
}
