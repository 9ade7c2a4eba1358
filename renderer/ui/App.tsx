// The editor's frame: top bar, document list, the document, the side panel, dialogs.
import type { ComponentType, ReactElement } from 'react';
import { DOCUMENT_STATUSES } from '../../shared/model';
import { setStatus } from '../session/annotation-actions';
import { redo, undo } from '../session/history';
import { useTahrir } from '../session/store';
import { closeDialog, openDialog, setView, toggleShortcuts } from '../session/ui-actions';
import { Announcer } from './Announcer';
import { AnnotatorName } from './AnnotatorName';
import { AppearanceMenu } from './AppearanceMenu';
import { ConflictQueue } from './ConflictQueue';
import { Banners } from './Banners';
import type { DialogProps } from './dialog-registry';
import { ExportDialog } from './ExportDialog';
import { ExternalChangeDialog } from './ExternalChangeDialog';
import { ImportDialog } from './ImportDialog';
import { CORPUS_CLEANUP_DIALOG, CorpusCleanupDialog } from './CorpusCleanupDialog';
import { EXTERNAL_CHANGE_DIALOG } from '../session/external-change';
import { DocumentList, STATUS_TEXT } from './DocumentList';
import { DocumentView } from './DocumentView';
import { LabelBar } from './LabelBar';
import { SaveIndicator } from './SaveIndicator';
import { SearchBar } from './SearchBar';
import { ShortcutSheet } from './ShortcutSheet';
import { SidePanel } from './SidePanel';

function TopBar(): ReactElement {
  const workspace = useTahrir((s) => s.workspace);
  const doc = useTahrir((s) => s.doc);
  const status = useTahrir((s) => s.data?.document.status);
  const view = useTahrir((s) => s.view);
  const canUndo = useTahrir((s) => s.past.length > 0);
  const canRedo = useTahrir((s) => s.future.length > 0);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-name">Tahrir</span> <span className="brand-ar">تحرير</span>
        {workspace && (
          <span className="workspace-name" title={workspace.root}>
            {workspace.name}
          </span>
        )}
      </div>
      {doc && (
        <div className="doc-tools">
          <bdi className="doc-id">{doc.id}</bdi>
          <div className="segmented" role="radiogroup" aria-label="Text shown">
            <button
              role="radio"
              aria-checked={view === 'clean'}
              className={view === 'clean' ? 'current' : undefined}
              onClick={() => setView('clean')}
              title="Key T"
            >
              Clean text
            </button>
            <button
              role="radio"
              aria-checked={view === 'source'}
              className={view === 'source' ? 'current' : undefined}
              onClick={() => setView('source')}
              title="Key T"
            >
              Source
            </button>
          </div>
          <button className="icon" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
            ↶
          </button>
          <button className="icon" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
            ↷
          </button>
          <label className="status-select" title="Ctrl+Shift+D marks done">
            <span className={`status-dot status-${status}`} />
            <select
              aria-label="Document status"
              data-testid="status-select"
              value={status}
              disabled={!!doc.readOnly}
              onChange={(e) => setStatus(e.target.value as (typeof DOCUMENT_STATUSES)[number])}
            >
              {DOCUMENT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {STATUS_TEXT[st]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="bar-end">
        <AnnotatorName />
        <SaveIndicator />
        <button
          className="small"
          onClick={() => openDialog(CORPUS_CLEANUP_DIALOG)}
          title="The lines each site's articles share: remove one everywhere"
        >
          Site templates…
        </button>
        <button className="small" onClick={() => openDialog('import')} title="Import pre-annotations">
          Import…
        </button>
        <button
          className="small"
          onClick={() => openDialog('export')}
          title="Export a dataset (Ctrl+E)"
          data-testid="open-export"
        >
          Export…
        </button>
        <AppearanceMenu />
        <button
          className="icon"
          onClick={() => toggleShortcuts(true)}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
}

/** The dialogs openDialog(kind) opens. */
const DIALOGS: Readonly<Record<string, ComponentType<DialogProps>>> = {
  export: ExportDialog,
  import: ImportDialog,
  [CORPUS_CLEANUP_DIALOG]: CorpusCleanupDialog,
  [EXTERNAL_CHANGE_DIALOG]: ExternalChangeDialog,
};

function OpenDialog(): ReactElement | null {
  const kind = useTahrir((s) => s.dialog);
  if (!kind) return null;
  const Dialog = Object.hasOwn(DIALOGS, kind) ? DIALOGS[kind] : undefined;
  if (Dialog) return <Dialog onClose={closeDialog} />;
  return (
    <div className="overlay" onClick={closeDialog}>
      <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
        <p>“{kind}” is not available in this version.</p>
        <button onClick={closeDialog}>Close</button>
      </div>
    </div>
  );
}

export function App(): ReactElement {
  const workspaceError = useTahrir((s) => s.workspaceError);
  const hasDoc = useTahrir((s) => !!s.doc);
  const opening = useTahrir((s) => s.opening);
  return (
    <div className="app">
      <TopBar />
      <DocumentList />
      <main className="document-pane">
        {workspaceError && (
          <div className="banner error" role="alert">
            Cannot open the workspace: {workspaceError.message}
          </div>
        )}
        <Banners />
        <ConflictQueue />
        <SearchBar />
        <LabelBar />
        <DocumentView />
        {!hasDoc && !opening && <p className="empty-hint center">Choose a document on the left.</p>}
      </main>
      <SidePanel />
      <ShortcutSheet />
      <OpenDialog />
      <Announcer />
    </div>
  );
}
