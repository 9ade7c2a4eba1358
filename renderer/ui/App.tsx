// The editor's frame: top bar, document list, the document, the side panel, dialogs.
import { useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';
import { DOCUMENT_STATUSES } from '../../shared/model';
import { setStatus } from '../session/annotation-actions';
import { redo, undo } from '../session/history';
import { LOCALE_NAMES, LOCALES, isLocale } from '../../shared/i18n/translator';
import { setLocale, useTranslator } from '../session/locale';
import { useTahrir } from '../session/store';
import { closeDialog, openDialog, setView, toggleShortcuts } from '../session/ui-actions';
import { Announcer } from './Announcer';
import { AnnotatorName } from './AnnotatorName';
import { AppearanceMenu } from './AppearanceMenu';
import { ConflictQueue } from './ConflictQueue';
import { CurationQueue } from './CurationQueue';
import { AgreementDialog } from './AgreementDialog';
import { AGREEMENT_DIALOG } from '../session/agreement';
import { Banners } from './Banners';
import type { DialogProps } from './dialog-registry';
import { ExportDialog } from './ExportDialog';
import { ExternalChangeDialog } from './ExternalChangeDialog';
import { ImportDialog } from './ImportDialog';
import { CORPUS_CLEANUP_DIALOG, CorpusCleanupDialog } from './CorpusCleanupDialog';
import { EXTERNAL_CHANGE_DIALOG } from '../session/external-change';
import { DocumentList, STATUS_MESSAGE } from './DocumentList';
import { DocumentView } from './DocumentView';
import { LabelBar } from './LabelBar';
import { PROGRESS_DIALOG, ProgressDialog } from './ProgressDialog';
import { SaveIndicator } from './SaveIndicator';
import { SearchBar } from './SearchBar';
import { SuggestionBar } from './SuggestionBar';
import { ShortcutSheet } from './ShortcutSheet';
import { SidePanel } from './SidePanel';
import { SyncButton } from './SyncControl';
import { SyncReportDialog } from './SyncReportDialog';
import { SYNC_REPORT_DIALOG } from '../session/sync';
import { sayError } from '../../shared/i18n/message';

function TopBar(): ReactElement {
  const workspace = useTahrir((s) => s.workspace);
  const doc = useTahrir((s) => s.doc);
  const status = useTahrir((s) => s.data?.document.status);
  const view = useTahrir((s) => s.view);
  const canUndo = useTahrir((s) => s.past.length > 0);
  const canRedo = useTahrir((s) => s.future.length > 0);
  const t = useTranslator();
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
          <div className="segmented" role="radiogroup" aria-label={t('top.text-shown')}>
            <button
              role="radio"
              aria-checked={view === 'clean'}
              className={view === 'clean' ? 'current' : undefined}
              onClick={() => setView('clean')}
              title={t('top.key-t')}
            >
              {t('top.clean-text')}
            </button>
            <button
              role="radio"
              aria-checked={view === 'source'}
              className={view === 'source' ? 'current' : undefined}
              onClick={() => setView('source')}
              title={t('top.key-t')}
            >
              {t('top.source')}
            </button>
          </div>
          <button
            className="icon"
            onClick={undo}
            disabled={!canUndo}
            data-testid="undo"
            title={t('top.undo-title')}
            aria-label={t('top.undo')}
          >
            {/* The arrow turns back against the reading direction: mirrored in Arabic (app.css). */}
            <span className="directional">↶</span>
          </button>
          <button
            className="icon"
            onClick={redo}
            disabled={!canRedo}
            title={t('top.redo-title')}
            aria-label={t('top.redo')}
          >
            <span className="directional">↷</span>
          </button>
          <label className="status-select" title={t('top.status-title')}>
            <span className={`status-dot status-${status}`} />
            <select
              aria-label={t('top.status')}
              data-testid="status-select"
              value={status}
              disabled={!!doc.readOnly}
              onChange={(e) => setStatus(e.target.value as (typeof DOCUMENT_STATUSES)[number])}
            >
              {DOCUMENT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(STATUS_MESSAGE[st])}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="bar-end">
        <AnnotatorName />
        <SaveIndicator />
        <SyncButton />
        <WorkspaceTools />
        <AppearanceMenu />
        <button
          className="icon"
          onClick={() => toggleShortcuts(true)}
          data-testid="open-shortcuts"
          title={t('top.shortcuts-title')}
          aria-label={t('sheet.title')}
        >
          ?
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}

/**
 * The workspace's tools (site templates, agreement, progress, import, export): in the bar where the window is wide
 * enough, else (app.css, under 1,400 px) behind one button, as a menu that closes on Escape, on a click elsewhere and
 * once a tool is chosen. All in the bar need 1,920 px in English: narrower, the clean / source switch and the status
 * were squeezed to nothing under the annotator's button, and at 1,024 px the language and ? were off screen.
 */
function WorkspaceTools(): ReactElement {
  const t = useTranslator();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent): void => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const choose = (what: () => void) => () => {
    setOpen(false);
    what();
  };
  return (
    <div
      className="workspace-menu"
      ref={menu}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        className="small workspace-menu-toggle"
        aria-expanded={open}
        aria-controls="workspace-tools"
        data-testid="workspace-menu"
        onClick={() => setOpen(!open)}
      >
        {t('top.workspace-menu')} <span aria-hidden="true">▾</span>
      </button>
      <div className="workspace-tools" id="workspace-tools" data-open={open || undefined}>
        <button
          className="small"
          onClick={choose(() => openDialog(CORPUS_CLEANUP_DIALOG))}
          title={t('top.site-templates-title')}
          data-testid="open-site-templates"
        >
          {t('top.site-templates')}
        </button>
        <button
          className="small"
          onClick={choose(() => openDialog(AGREEMENT_DIALOG))}
          title={t('top.agreement-title')}
          data-testid="open-agreement"
        >
          {t('top.agreement')}
        </button>
        <button
          className="small"
          onClick={choose(() => openDialog(PROGRESS_DIALOG))}
          title={t('top.progress-title')}
          data-testid="open-progress"
        >
          {t('top.progress')}
        </button>
        <button
          className="small"
          onClick={choose(() => openDialog('import'))}
          title={t('top.import-title')}
          data-testid="open-import"
        >
          {t('top.import')}
        </button>
        <button
          className="small"
          onClick={choose(() => openDialog('export'))}
          title={t('top.export-title')}
          data-testid="open-export"
        >
          {t('top.export')}
        </button>
      </div>
    </div>
  );
}

/** The interface's language, remembered for the next start (each language named in itself). */
function LanguageSwitch(): ReactElement {
  const t = useTranslator();
  return (
    <select
      className="language-switch"
      aria-label={t('top.language')}
      title={t('top.language')}
      data-testid="language-switch"
      value={t.locale}
      onChange={(e) => {
        if (isLocale(e.target.value)) setLocale(e.target.value);
      }}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}

/** The dialogs openDialog(kind) opens. */
const DIALOGS: Readonly<Record<string, ComponentType<DialogProps>>> = {
  export: ExportDialog,
  import: ImportDialog,
  [CORPUS_CLEANUP_DIALOG]: CorpusCleanupDialog,
  [PROGRESS_DIALOG]: ProgressDialog,
  [AGREEMENT_DIALOG]: AgreementDialog,
  [EXTERNAL_CHANGE_DIALOG]: ExternalChangeDialog,
  [SYNC_REPORT_DIALOG]: SyncReportDialog,
};

function OpenDialog(): ReactElement | null {
  const kind = useTahrir((s) => s.dialog);
  const t = useTranslator();
  if (!kind) return null;
  const Dialog = Object.hasOwn(DIALOGS, kind) ? DIALOGS[kind] : undefined;
  if (Dialog) return <Dialog onClose={closeDialog} />;
  return (
    <div className="overlay" onClick={closeDialog}>
      <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()}>
        <p>{t('app.dialog-unavailable', { kind })}</p>
        <button onClick={closeDialog}>{t('app.close')}</button>
      </div>
    </div>
  );
}

export function App(): ReactElement {
  const workspaceError = useTahrir((s) => s.workspaceError);
  const hasDoc = useTahrir((s) => !!s.doc);
  const opening = useTahrir((s) => s.opening);
  const t = useTranslator();
  return (
    <div className="app">
      <TopBar />
      <DocumentList />
      <main className="document-pane">
        {workspaceError && (
          <div className="banner error" role="alert">
            {t('app.workspace-error', { message: sayError(t, workspaceError) })}
          </div>
        )}
        <Banners />
        <ConflictQueue />
        <CurationQueue />
        <SearchBar />
        <LabelBar />
        <SuggestionBar />
        <DocumentView />
        {!hasDoc && !opening && <p className="empty-hint center">{t('app.choose-document')}</p>}
      </main>
      <SidePanel />
      <ShortcutSheet />
      <OpenDialog />
      <Announcer />
    </div>
  );
}
