// Opening workspaces and documents, moving between documents, recovered changes.
import type { DocumentSummary, OpenedDocument, WorkspaceInfo } from '../../shared/api';
import { getApi } from './api-connection';
import { flushBeforeSwitch, markChanged, takeUnsaved, toErrorData, unsavedDocuments } from './autosave';
import { dataFromSidecar, spanCount } from '../../shared/document-data';
import { changeDocument } from './history';
import { nextSession, session } from './session';
import { showNotice } from './ui-actions';
import { initialDocument, initialHistory, editorDocumentFrom, store } from './store';
import type { TahrirState } from './state';

/**
 * Loads the workspace; `then` runs with it before it is shown (the first document is asked
 * for before the list renders).
 */
export async function loadWorkspace(
  then?: (workspace: WorkspaceInfo) => void,
  asked?: Promise<WorkspaceInfo>,
): Promise<void> {
  try {
    performance.mark('tahrir:workspace-requested');
    const workspace = await (asked ?? getApi().getWorkspace());
    performance.mark('tahrir:workspace-received');
    then?.(workspace);
    store().setState({ workspace, documents: workspace.documents, workspaceError: null });
  } catch (e) {
    store().setState({ workspaceError: toErrorData(e) });
  }
}

/**
 * Desktop: another folder was chosen. Save first, then open it and its first document in a session
 * of its own: nothing of the last workspace carries over (its documents left unsaved would be
 * retried against the new one; their changes stay in the last workspace's journal).
 */
export async function switchWorkspace(path: string): Promise<void> {
  await flushBeforeSwitch();
  const autosave = session().autosave;
  autosave.holdRetries();
  try {
    const workspace = await getApi()
      .openWorkspace(path)
      .catch((e: unknown) => {
        autosave.releaseRetries();
        throw e;
      });
    const left = unsavedDocuments();
    nextSession().store.setState({ workspace, documents: workspace.documents, workspaceError: null });
    if (left.length > 0)
      showNotice(
        `Not saved in the last workspace (kept in its recovery journal, offered when it is opened again): ${left.join(', ')}`,
        'error',
      );
    if (workspace.documents[0]) await openDocument(workspace.documents[0].id);
  } catch (e) {
    store().setState({
      notice: { kind: 'error', text: `Could not open ${path}: ${toErrorData(e).message}`, seq: Date.now() },
    });
  }
}

export async function refreshDocuments(): Promise<void> {
  try {
    store().setState({ documents: await getApi().listDocuments() });
  } catch (e) {
    store().setState({
      notice: { kind: 'error', text: `Could not list documents: ${toErrorData(e).message}`, seq: Date.now() },
    });
  }
}

function documentState(opened: OpenedDocument): Partial<TahrirState> {
  return {
    doc: editorDocumentFrom(opened),
    data: dataFromSidecar(opened.sidecar),
    revision: opened.revision,
    opening: null,
    openError: null,
    save: { state: 'saved', error: null, retryAt: null },
    selected: null,
    flash: null,
    external: null,
  };
}

/**
 * Opens a document (saving the current one first). History starts empty. `asked`: the
 * document's answer when it was already asked for (at start-up, see early-start.ts).
 */
export async function openDocument(id: string, asked?: Promise<OpenedDocument>): Promise<void> {
  const seq = ++session().seq.open;
  // Asked for at once, before anything renders: saving the document being left does not
  // change this one (reopening the same one waits for its save first).
  // User Timing marks: where an open spends its time, in DevTools and `npm run bench`.
  performance.mark('tahrir:open-requested');
  const early = asked ?? (store().getState().doc?.id !== id ? getApi().openDocument(id) : null);
  early?.catch(() => undefined); // seen below, after the save
  store().setState({ opening: id });
  await flushBeforeSwitch();
  let opened: OpenedDocument;
  try {
    opened = await (early ?? getApi().openDocument(id));
    performance.mark('tahrir:open-received');
  } catch (e) {
    if (seq !== session().seq.open) return;
    store().setState({
      ...initialDocument(),
      ...initialHistory(),
      openError: { ...toErrorData(e), file: toErrorData(e).file ?? id },
    });
    return;
  }
  if (seq !== session().seq.open) return;
  const kept = takeUnsaved(id);
  store().setState({ ...documentState(opened), ...initialHistory() });
  if (kept) {
    store().setState({ data: kept.data, revision: kept.revision });
    markChanged();
  }
}

/** Reloads the open document from disk (after an external change); unsaved changes are not kept. */
export async function reloadDocument(): Promise<void> {
  const s = store().getState();
  if (!s.doc) return;
  try {
    const opened = await getApi().openDocument(s.doc.id);
    store().setState({ ...documentState(opened), ...initialHistory() });
  } catch (e) {
    store().setState({ openError: toErrorData(e) });
  }
}

/** Restores changes recovered from the crash journal (one undo step) and saves them. */
export function restoreRecovered(): void {
  const s = store().getState();
  const recovered = s.doc?.recovered;
  if (!s.doc || !recovered) return;
  const restored = dataFromSidecar(recovered.sidecar);
  store().setState({ doc: { ...s.doc, recovered: null } });
  changeDocument(() => restored);
}

export async function discardRecovered(): Promise<void> {
  const s = store().getState();
  if (!s.doc?.recovered) return;
  store().setState({ doc: { ...s.doc, recovered: null } });
  await getApi()
    .discardRecovery(s.doc.id)
    .catch(() => undefined);
}

/** Live summaries: the open document's status and counts follow its data at once. */
export function liveDocuments(s: TahrirState): DocumentSummary[] {
  const id = s.doc?.id;
  const { memo } = session();
  const liveMemo = memo.live;
  if (liveMemo && liveMemo.documents === s.documents && liveMemo.data === s.data && liveMemo.id === id)
    return liveMemo.out;
  let out = s.documents;
  const i = id ? s.documents.findIndex((d) => d.id === id) : -1;
  if (i >= 0 && s.data) {
    out = [...s.documents];
    out[i] = {
      ...s.documents[i],
      status: s.data.document.status,
      entities: spanCount(s.data.entities),
      quotes: spanCount(s.data.quotes),
      edits: spanCount(s.data.edits),
    };
  }
  memo.live = { documents: s.documents, data: s.data, id, out };
  return out;
}

/** Filter box: words match the id or title; `status:done` (or todo, in_progress) matches the status. */
export function matchesFilter(d: DocumentSummary, filter: string): boolean {
  for (const word of filter.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word.startsWith('status:')) {
      if (d.status !== word.slice(7).replace('-', '_')) return false;
    } else if (!d.id.toLowerCase().includes(word) && !(d.title ?? '').toLowerCase().includes(word)) return false;
  }
  return true;
}

export function visibleDocuments(s: TahrirState): DocumentSummary[] {
  const all = liveDocuments(s);
  const { memo } = session();
  const visibleMemo = memo.visible;
  if (visibleMemo && visibleMemo.all === all && visibleMemo.filter === s.filter) return visibleMemo.out;
  const out = s.filter.trim() ? all.filter((d) => matchesFilter(d, s.filter)) : all;
  memo.visible = { all, filter: s.filter, out };
  return out;
}

export function progress(s: TahrirState): { done: number; total: number } {
  const all = liveDocuments(s);
  return { done: all.filter((d) => d.status === 'done').length, total: all.length };
}

export function setFilter(filter: string): void {
  store().setState({ filter });
}

/** Alt+Down / Alt+Up: the next or previous document in the (filtered) list. */
export async function stepDocument(delta: 1 | -1): Promise<void> {
  const s = store().getState();
  const list = visibleDocuments(s);
  if (list.length === 0) return;
  const current = list.findIndex((d) => d.id === (s.opening ?? s.doc?.id));
  const next = current < 0 ? (delta > 0 ? 0 : list.length - 1) : current + delta;
  if (next < 0 || next >= list.length) return;
  await openDocument(list[next].id);
}
