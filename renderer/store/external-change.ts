// Changes made on disk to the open document by someone else (VS Code's dirty-write
// prevention): a sidecar changed with nothing unsaved here is reloaded quietly; with unsaved
// changes nothing is overwritten and the editor chooses keep mine / take theirs / merge by id.
// A changed text is re-anchored (unsaved changes too) and the editor is told what moved or was
// orphaned. A removed text keeps everything here, and offers a recovery copy.
import type { OpenedDocument } from '../../shared/api';
import { reanchor } from '../../shared/anchoring';
import { mergeSidecars, type MergeResult } from '../../shared/merge-sidecars';
import type { Sidecar } from '../../shared/model';
import { getApi } from './api-connection';
import { currentSidecar, markChanged, saveNow, toErrorData } from './autosave';
import { dataFromSidecar, sidecarFromData, type DocumentData } from './document-data';
import { setFileEventHandler } from './external-events';
import { store } from './store';
import type { ExternalChange, TahrirState } from './state';
import { closeDialog, openDialog, showNotice } from './ui-actions';

export const EXTERNAL_CHANGE_DIALOG = 'external-change';

/** What the dialog shows: the version on disk, the unsaved one here, and the merge of both. */
export interface PendingChange {
  change: ExternalChange;
  theirs: OpenedDocument | null;
  mine: Sidecar | null;
  /** The version both started from (the last one loaded or saved here). */
  base: Sidecar | null;
  merged: MergeResult | null;
  error: string | null;
}

let pending: PendingChange | null = null;
const watchers = new Set<() => void>();

export function pendingChange(): PendingChange | null {
  return pending;
}

export function onPendingChange(listener: () => void): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

function setPending(next: PendingChange | null): void {
  pending = next;
  for (const w of watchers) w();
}

// ---- the base of a three-way merge: the sidecar last loaded or saved here ----

/** The base, or what it is made from: built only when a merge needs it (not after every save of a long document). */
type LastSaved = { id: string; sidecar: Sidecar } | { id: string; base: Sidecar; data: DocumentData };
let lastSaved: LastSaved | null = null;

function trackLastSaved(s: TahrirState, prev: TahrirState): void {
  if (!s.doc || !s.data) {
    lastSaved = null;
    return;
  }
  if (s.doc !== prev.doc && s.data !== prev.data && s.save.state === 'saved') {
    // Opened or reloaded: what was loaded is the base.
    lastSaved = { id: s.doc.id, base: s.doc.base, data: s.data };
  } else if (s.revision !== prev.revision && s.save.state === 'saved') {
    // Saved, and nothing changed meanwhile: what is on disk is what is here.
    lastSaved = { id: s.doc.id, base: s.doc.base, data: s.data };
  }
}

function baseFor(id: string): Sidecar | null {
  if (lastSaved?.id !== id) return null;
  if ('data' in lastSaved) lastSaved = { id, sidecar: sidecarFromData(lastSaved.base, lastSaved.data) };
  return lastSaved.sidecar;
}

// ---- applying a version ----

/** Shows `opened` as the document, with `sidecar` as its data (default: the one opened). History restarts. */
function showDocument(opened: OpenedDocument, sidecar: Sidecar = opened.sidecar, reanchored = opened.reanchored ?? null): void {
  store.setState({
    doc: {
      id: opened.id,
      file: opened.file,
      source: opened.text,
      base: opened.sidecar,
      readOnly: opened.readOnly ?? null,
      reanchored,
      recovered: opened.recovered ?? null,
    },
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
  lastSaved = { id: opened.id, sidecar: opened.sidecar };
}

function unsaved(s: TahrirState): boolean {
  return s.save.state !== 'saved';
}

async function onSidecarChanged(change: ExternalChange): Promise<void> {
  const theirs = await getApi()
    .openDocument(change.id)
    .catch(() => null);
  const s = store.getState();
  if (!theirs || s.doc?.id !== change.id) return;
  if (theirs.revision === s.revision && !unsaved(s)) return; // nothing new (e.g. our own save)
  if (!unsaved(s)) {
    showDocument(theirs);
    showNotice(theirs.readOnly ? 'The sidecar changed on disk and cannot be read: shown read-only.' : 'The sidecar changed on disk: reloaded.');
    return;
  }
  // Unsaved changes here: never overwrite blindly. The autosave meets a stale revision and waits.
  const mine = currentSidecar();
  const base = baseFor(change.id);
  let merged: MergeResult | null = null;
  let error: string | null = null;
  if (theirs.readOnly) error = `The sidecar on disk cannot be read (${theirs.readOnly.message}); only "keep mine" is possible.`;
  else if (mine) merged = mergeSidecars(mine, theirs.sidecar, { base });
  store.setState({ external: change });
  setPending({ change, theirs, mine, base, merged, error });
  openDialog(EXTERNAL_CHANGE_DIALOG);
}

async function onTextChanged(change: ExternalChange): Promise<void> {
  const reopened = await getApi()
    .openDocument(change.id)
    .catch((e: unknown) => {
      showNotice(`The text of ${change.id} changed on disk and cannot be opened: ${toErrorData(e).message}`, 'error');
      return null;
    });
  const s = store.getState();
  if (!reopened || s.doc?.id !== change.id) return;
  if (!unsaved(s) || reopened.readOnly) {
    // The back end re-anchored the sidecar on disk to the new text; the report says what moved.
    // Nothing is written until the editor changes something (then the re-anchored offsets are saved).
    showDocument(reopened);
    showNotice(describeReanchor(reopened));
    return;
  }
  // Unsaved changes: re-anchor them here to the new text, then save them.
  const mine = currentSidecar();
  if (!mine) return;
  const { sidecar, report } = reanchor(reopened.text, mine);
  showDocument(reopened, { ...sidecar, source: reopened.sidecar.source }, report);
  markChanged();
  showNotice(describeReanchor({ ...reopened, reanchored: report }));
}

function describeReanchor(opened: OpenedDocument): string {
  const r = opened.reanchored;
  if (!r || (r.moved.length === 0 && r.orphaned.length === 0)) return 'The text changed on disk: every annotation is still where its text is.';
  return `The text changed on disk: ${r.moved.length} annotation(s) moved with their text, ${r.orphaned.length} could not be found (kept, marked orphaned).`;
}

function onDocumentRemoved(change: ExternalChange): void {
  const s = store.getState();
  store.setState({ external: change });
  setPending({ change, theirs: null, mine: currentSidecar(), base: baseFor(change.id), merged: null, error: null });
  // Nothing here is dropped: the data stays open, and the journal gets a copy at once.
  const mine = currentSidecar();
  if (mine && s.doc && !s.doc.readOnly) void getApi().writeRecovery(change.id, mine).catch(() => undefined);
  openDialog(EXTERNAL_CHANGE_DIALOG);
}

/** The handler the event stream calls for changes to files on disk. */
export async function handleExternalChange(change: ExternalChange): Promise<void> {
  if (store.getState().doc?.id !== change.id) return;
  if (change.type === 'sidecar-changed') return onSidecarChanged(change);
  if (change.type === 'text-changed') return onTextChanged(change);
  onDocumentRemoved(change);
}

// ---- the editor's choice ----

function finish(): void {
  setPending(null);
  store.setState({ external: null });
  if (store.getState().dialog === EXTERNAL_CHANGE_DIALOG) closeDialog();
}

/** Keep mine: write the unsaved version over the one on disk (a deliberate overwrite, with its revision). */
export async function keepMine(): Promise<boolean> {
  const p = pending;
  const s = store.getState();
  if (!p?.theirs || !s.doc || s.doc.id !== p.change.id) return false;
  store.setState({ revision: p.theirs.revision, save: { state: 'dirty', error: null, retryAt: null } });
  finish();
  return saveNow();
}

/** Take theirs: show the version on disk; the unsaved changes here are dropped (and their journal copy). */
export async function takeTheirs(): Promise<void> {
  const p = pending;
  if (!p?.theirs || store.getState().doc?.id !== p.change.id) return;
  showDocument(p.theirs);
  finish();
  await getApi()
    .discardRecovery(p.change.id)
    .catch(() => undefined);
}

/** Merge by id: both sides' additions kept; conflicts keep mine and are listed. Saved at once. */
export async function mergeBoth(): Promise<boolean> {
  const p = pending;
  const s = store.getState();
  if (!p?.theirs || !p.merged || !s.doc || s.doc.id !== p.change.id) return false;
  showDocument(p.theirs, p.merged.sidecar);
  finish();
  const conflicts = p.merged.conflicts.length;
  markChanged();
  const ok = await saveNow();
  showNotice(conflicts ? `Merged with the version on disk; ${conflicts} conflict(s) kept your version.` : 'Merged with the version on disk.');
  return ok;
}

/** Document removed: keep a copy of the annotations in the recovery journal (offered when the text is back). */
export async function keepRecoveryCopy(): Promise<void> {
  const p = pending;
  const mine = p?.mine ?? currentSidecar();
  if (!p || !mine) return;
  try {
    await getApi().writeRecovery(p.change.id, mine);
    showNotice('A recovery copy is kept; it is offered when the text file is back.');
  } catch (e) {
    showNotice(`Could not keep a recovery copy: ${toErrorData(e).message}`, 'error');
  }
  finish();
}

/** Decide later: the banner stays, nothing is written. */
export function decideLater(): void {
  setPending(null);
  if (store.getState().dialog === EXTERNAL_CHANGE_DIALOG) closeDialog();
}

let installed: (() => void) | null = null;

/** Takes over file-change events from the default handler, and tracks the merge base. */
export function installExternalChangeHandling(): () => void {
  installed?.();
  setFileEventHandler(handleExternalChange);
  const unsubscribe = store.subscribe(trackLastSaved);
  const s = store.getState();
  lastSaved = s.doc && s.data ? { id: s.doc.id, base: s.doc.base, data: s.data } : null;
  installed = () => {
    unsubscribe();
    installed = null;
  };
  return installed;
}
