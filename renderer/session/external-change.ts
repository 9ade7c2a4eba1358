// Changes made on disk to the open document by someone else (VS Code's dirty-write
// prevention): a sidecar changed with nothing unsaved here is reloaded quietly; with unsaved
// changes nothing is overwritten and the editor chooses keep mine / take theirs / merge by id.
// A changed text is re-anchored (unsaved changes too) and the editor is told what moved or was
// orphaned. A removed text keeps everything here, and offers a recovery copy.
import type { OpenedDocument } from '../../shared/api';
import { reanchor } from '../../shared/anchoring';
import { mergeSidecars, type MergeResult } from '../../shared/merge-sidecars';
import type { Sidecar } from '../../shared/model';
import { toErrorData } from './autosave';
import { dataFromSidecar, sidecarFromData, type DocumentData } from '../../shared/document-data';
import { session, type EditorSession } from './session';
import { editorDocumentFrom } from './store';
import type { ExternalChange, PendingChange, TahrirState } from './state';
import { t } from './locale';
import { closeDialog, openDialog, showNotice } from './ui-actions';
import { sayError } from '../../shared/i18n/message';

export type { PendingChange } from './state';

export const EXTERNAL_CHANGE_DIALOG = 'external-change';

/**
 * The base of a three-way merge, or what it is made from: built only when a merge needs it (not after every save of a
 * long document).
 */
type LastSaved = { id: string; sidecar: Sidecar } | { id: string; base: Sidecar; data: DocumentData };

function unsaved(s: TahrirState): boolean {
  return s.save.state !== 'saved';
}

function describeReanchor(opened: OpenedDocument): string {
  const r = opened.reanchored;
  if (!r || (r.moved.length === 0 && r.orphaned.length === 0)) return t('notice.text-changed-nothing-moved');
  return t('notice.text-changed-moved', { moved: r.moved.length, orphaned: r.orphaned.length });
}

/** One session's handling of changes on disk, and the merge base it keeps (the sidecar last loaded or saved here). */
export class ExternalChanges {
  private lastSaved: LastSaved | null = null;
  private installed: (() => void) | null = null;

  constructor(private readonly session: EditorSession) {}

  private get store() {
    return this.session.store;
  }

  private setPending(next: PendingChange | null): void {
    this.store.setState({ externalChoice: next });
  }

  private readonly trackLastSaved = (s: TahrirState, prev: TahrirState): void => {
    if (!s.doc || !s.data) {
      this.lastSaved = null;
      return;
    }
    if (s.doc !== prev.doc && s.data !== prev.data && s.save.state === 'saved') {
      // Opened or reloaded: what was loaded is the base.
      this.lastSaved = { id: s.doc.id, base: s.doc.base, data: s.data };
    } else if (s.revision !== prev.revision && s.save.state === 'saved') {
      // Saved, and nothing changed meanwhile: what is on disk is what is here.
      this.lastSaved = { id: s.doc.id, base: s.doc.base, data: s.data };
    }
  };

  private baseFor(id: string): Sidecar | null {
    const last = this.lastSaved;
    if (last?.id !== id) return null;
    if ('data' in last) {
      const built = { id, sidecar: sidecarFromData(last.base, last.data) };
      this.lastSaved = built;
      return built.sidecar;
    }
    return last.sidecar;
  }

  /** Shows `opened` as the document, with `sidecar` as its data (default: the one opened). History restarts. */
  private showDocument(
    opened: OpenedDocument,
    sidecar: Sidecar = opened.sidecar,
    reanchored = opened.reanchored ?? null,
  ): void {
    this.store.setState({
      doc: editorDocumentFrom(opened, reanchored),
      data: dataFromSidecar(sidecar),
      revision: opened.revision,
      save: { state: 'saved', error: null, retryAt: null },
      past: [],
      future: [],
      groupKey: null,
      selected: null,
      flash: null,
      external: null,
    });
    // What is on disk now is the base of any later merge (not the data shown, which may be unsaved).
    this.lastSaved = { id: opened.id, sidecar: opened.sidecar };
  }

  private async onSidecarChanged(change: ExternalChange): Promise<void> {
    const theirs = await this.session.api.openDocument(change.id).catch(() => null);
    const s = this.store.getState();
    if (!theirs || s.doc?.id !== change.id) return;
    if (theirs.revision === s.revision && !unsaved(s)) return; // nothing new (e.g. our own save)
    if (!unsaved(s)) {
      this.showDocument(theirs);
      showNotice(theirs.readOnly ? t('notice.sidecar-unreadable') : t('notice.sidecar-reloaded'));
      return;
    }
    // Unsaved changes here: never overwrite blindly. The autosave meets a stale revision and waits.
    const mine = this.session.autosave.currentSidecar();
    const base = this.baseFor(change.id);
    let merged: MergeResult | null = null;
    let error: string | null = null;
    if (theirs.readOnly) error = t('external.theirs-unreadable', { message: sayError(t, theirs.readOnly) });
    else if (mine) merged = mergeSidecars(mine, theirs.sidecar, { base });
    this.store.setState({ external: change });
    this.setPending({ change, theirs, mine, base, merged, error });
    openDialog(EXTERNAL_CHANGE_DIALOG);
  }

  private async onTextChanged(change: ExternalChange): Promise<void> {
    const reopened = await this.session.api.openDocument(change.id).catch((e: unknown) => {
      showNotice(t('notice.text-unreadable', { id: change.id, message: sayError(t, toErrorData(e)) }), 'error');
      return null;
    });
    const s = this.store.getState();
    if (!reopened || s.doc?.id !== change.id) return;
    if (!unsaved(s) || reopened.readOnly) {
      // The back end re-anchored the sidecar on disk to the new text; the report says what moved.
      // Nothing is written until the editor changes something (then the re-anchored offsets are saved).
      this.showDocument(reopened);
      showNotice(describeReanchor(reopened));
      return;
    }
    // Unsaved changes: re-anchor them here to the new text, then save them.
    const mine = this.session.autosave.currentSidecar();
    if (!mine) return;
    const { sidecar, report } = reanchor(reopened.text, mine);
    this.showDocument(reopened, { ...sidecar, source: reopened.sidecar.source }, report);
    this.session.autosave.markChanged();
    showNotice(describeReanchor({ ...reopened, reanchored: report }));
  }

  private onDocumentRemoved(change: ExternalChange): void {
    const s = this.store.getState();
    const mine = this.session.autosave.currentSidecar();
    this.store.setState({ external: change });
    this.setPending({ change, theirs: null, mine, base: this.baseFor(change.id), merged: null, error: null });
    // Nothing here is dropped: the data stays open, and the journal gets a copy at once.
    if (mine && s.doc && !s.doc.readOnly) void this.session.api.writeRecovery(change.id, mine).catch(() => undefined);
    openDialog(EXTERNAL_CHANGE_DIALOG);
  }

  /** The handler the event stream calls for changes to files on disk. */
  readonly handle = async (change: ExternalChange): Promise<void> => {
    if (this.store.getState().doc?.id !== change.id) return;
    if (change.type === 'sidecar-changed') return this.onSidecarChanged(change);
    if (change.type === 'text-changed') return this.onTextChanged(change);
    this.onDocumentRemoved(change);
  };

  // ---- the editor's choice ----

  private finish(): void {
    this.setPending(null);
    this.store.setState({ external: null });
    if (this.store.getState().dialog === EXTERNAL_CHANGE_DIALOG) closeDialog();
  }

  /** Keep mine: write the unsaved version over the one on disk (a deliberate overwrite, with its revision). */
  async keepMine(): Promise<boolean> {
    const s = this.store.getState();
    const p = s.externalChoice;
    if (!p?.theirs || !s.doc || s.doc.id !== p.change.id) return false;
    this.store.setState({ revision: p.theirs.revision, save: { state: 'dirty', error: null, retryAt: null } });
    this.finish();
    return this.session.autosave.saveNow();
  }

  /** Take theirs: show the version on disk; the unsaved changes here are dropped (and their journal copy). */
  async takeTheirs(): Promise<void> {
    const s = this.store.getState();
    const p = s.externalChoice;
    if (!p?.theirs || s.doc?.id !== p.change.id) return;
    this.showDocument(p.theirs);
    this.finish();
    await this.session.api.discardRecovery(p.change.id).catch(() => undefined);
  }

  /** Merge by id: both sides' additions kept; conflicts keep mine and are listed. Saved at once. */
  async mergeBoth(): Promise<boolean> {
    const s = this.store.getState();
    const p = s.externalChoice;
    if (!p?.theirs || !p.merged || !s.doc || s.doc.id !== p.change.id) return false;
    this.showDocument(p.theirs, p.merged.sidecar);
    this.finish();
    const conflicts = p.merged.conflicts.length;
    this.session.autosave.markChanged();
    const ok = await this.session.autosave.saveNow();
    showNotice(conflicts ? t('notice.merged-conflicts', { n: conflicts }) : t('notice.merged'));
    return ok;
  }

  /** Document removed: keep a copy of the annotations in the recovery journal (offered when the text is back). */
  async keepRecoveryCopy(): Promise<void> {
    const p = this.store.getState().externalChoice;
    const mine = p?.mine ?? this.session.autosave.currentSidecar();
    if (!p || !mine) return;
    try {
      await this.session.api.writeRecovery(p.change.id, mine);
      showNotice(t('notice.recovery-kept'));
    } catch (e) {
      showNotice(t('notice.recovery-failed', { message: sayError(t, toErrorData(e)) }), 'error');
    }
    this.finish();
  }

  /** Decide later: the banner stays, nothing is written. */
  decideLater(): void {
    this.setPending(null);
    if (this.store.getState().dialog === EXTERNAL_CHANGE_DIALOG) closeDialog();
  }

  /** Takes over file-change events from the default handler, and tracks the merge base. */
  install(): () => void {
    this.installed?.();
    this.session.events.onFileEvent = this.handle;
    const unsubscribe = this.store.subscribe(this.trackLastSaved);
    const s = this.store.getState();
    this.lastSaved = s.doc && s.data ? { id: s.doc.id, base: s.doc.base, data: s.data } : null;
    const installed = () => {
      unsubscribe();
      if (this.installed === installed) this.installed = null;
    };
    this.installed = installed;
    return installed;
  }

  uninstall(): void {
    this.installed?.();
  }
}

// The current session's, for the dialog and tests.
export const pendingChange = (): PendingChange | null => session().store.getState().externalChoice;
export const handleExternalChange = (change: ExternalChange): Promise<void> => session().external.handle(change);
export const keepMine = (): Promise<boolean> => session().external.keepMine();
export const takeTheirs = (): Promise<void> => session().external.takeTheirs();
export const mergeBoth = (): Promise<boolean> => session().external.mergeBoth();
export const keepRecoveryCopy = (): Promise<void> => session().external.keepRecoveryCopy();
export const decideLater = (): void => session().external.decideLater();
export const installExternalChangeHandling = (): (() => void) => session().external.install();
