// Opening workspaces and documents, moving between documents, recovered changes.
import type { DocumentSummary, OpenedDocument, WorkspaceInfo } from '../../shared/api';
import type { HttpApi } from '../api-http';
import { getApi } from './api-connection';
import { flushBeforeSwitch, markChanged, takeUnsaved, toErrorData, unsavedDocuments } from './autosave';
import { dataFromSidecar, spanCount } from '../../shared/document-data';
import { changeDocument } from './history';
import { nextSession, session, type SessionMemo } from './session';
import { t } from './locale';
import { showNotice } from './ui-actions';
import { setStatus } from './annotation-actions';
import { afterNextPaint, initialDocument, initialHistory, editorDocumentFrom, store } from './store';
import type { TahrirState } from './state';
import {
  assignedPasses,
  foldForFilter,
  foldWords,
  holdsAll,
  narrows,
  placesHoldingAll,
  parseFilter,
  statusPasses,
  type DocumentFilter,
} from '../../shared/document-filter';
import { annotatorOf } from './annotator-name';
import { sayError } from '../../shared/i18n/message';

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
    const moreDocuments = workspace.moreDocuments ?? 0;
    store().setState({ workspace, documents: workspace.documents, moreDocuments, workspaceError: null });
    // The first answer had the list's first screen: the rest once that is painted (parsing 100,000 rows took the page
    // 0.1–0.5 s, and the server as long to encode them, before it).
    if (moreDocuments > 0) afterNextPaint(() => void takeDocuments(() => getApi().listedDocuments(), true));
    else followPending(workspace.documents);
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
    nextSession().store.setState({ workspace, documents: workspace.documents, moreDocuments: 0, workspaceError: null });
    followPending(workspace.documents);
    if (left.length > 0)
      showNotice(
        t('notice.left-unsaved', { documents: new Intl.ListFormat(store().getState().locale).format(left) }),
        'error',
      );
    if (workspace.documents[0]) await openDocument(workspace.documents[0].id);
  } catch (e) {
    store().setState({
      notice: {
        kind: 'error',
        text: t('notice.open-failed', { path, message: sayError(t, toErrorData(e)) }),
        seq: Date.now(),
      },
    });
  }
}

/**
 * After a listing: the filter's names folded when idle; a large workspace lists its documents
 * before it has read them all (`pending`): list again, an answer the back end gives once it has
 * read them.
 */
function followPending(documents: DocumentSummary[]): void {
  foldNamesWhenIdle(documents);
  if (documents.some((d) => d.pending)) void refreshDocuments();
}

/**
 * The whole list asked for again, after a change on disk: one listing at a time, and of the calls made while it is on
 * its way, one listing after it (which answers them all). Every sidecar a batch of the watcher's changed was a
 * listing of its own: an import into a 5,424-document workspace under `tahrir serve` asked for 19 in 10 s, 150 ms of
 * the server's CPU each, and merged 40 documents in that time (the command line merged 5,217 in 19 s of CPU).
 */
export function refreshDocuments(): Promise<void> {
  const listings = session().listings;
  if (listings.refreshing) {
    listings.next ??= listings.refreshing.then(() => {
      listings.next = null;
      return refreshDocuments();
    });
    return listings.next;
  }
  const refreshing = listAgain().finally(() => {
    if (listings.refreshing === refreshing) listings.refreshing = null;
  });
  listings.refreshing = refreshing;
  return refreshing;
}

async function listAgain(): Promise<void> {
  // A text may have changed too: the filter's words are searched again.
  if (await takeDocuments(() => getApi().listDocuments())) void searchTexts(true);
}

/**
 * Under `tahrir serve`: a listing's answer is read once the filter is still, as takeDocuments would take it only then
 * (HttpApi.readListingsWhen). Parsed as it came, a 10,000-document listing was a 22–24 ms task of the page's main
 * thread in the way of a keystroke (3 of 3 runs at load 16; a 100,000-document workspace's comes minutes later).
 */
export function readListingsWhenStill(http: Pick<HttpApi, 'readListingsWhen'>): void {
  http.readListingsWhen(() => filterStill());
}

/**
 * The whole list `list` answers, in place of the one shown; false when it failed (said in a notice). `rest`: the rest
 * of the first screen's list, taken only if no listing came first.
 */
async function takeDocuments(list: () => Promise<DocumentSummary[]>, rest = false): Promise<boolean> {
  const current = session();
  const n = ++current.listings.asked;
  try {
    const documents = await list();
    // A new listing of the documents shown (the counts of those read since, a change on disk) waits while the filter
    // is typed in: 10,000 rows filtered and drawn again were 200–500 ms of the page's main thread, in a keystroke's
    // way (the first listing's rest is the filter's own documents: taken at once).
    if (!rest) await filterStill(current);
    if (current.listings.shown > n) return true; // a later listing is shown already
    if (rest && store().getState().moreDocuments === 0) return true;
    current.listings.shown = n;
    store().setState({ documents, moreDocuments: 0 });
    followPending(documents);
    return true;
  } catch (e) {
    store().setState({
      notice: {
        kind: 'error',
        text: t('notice.list-failed', { message: sayError(t, toErrorData(e)) }),
        seq: Date.now(),
      },
    });
    return false;
  }
}

function documentState(opened: OpenedDocument): Partial<TahrirState> {
  return {
    doc: editorDocumentFrom(opened),
    data: dataFromSidecar(opened.sidecar),
    revision: opened.revision,
    opening: null,
    openError: null,
    curation: null,
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

/**
 * The editor chose a document in the list: opens it, unless it is the one open or being opened. Opened again, its
 * answer from disk replaced the state: a journal just restored came back as its banner (the list clicked while the
 * remembered document was still opening at start-up, under load).
 */
export function chooseDocument(id: string): Promise<void> {
  const s = store().getState();
  if (s.opening === id || (s.opening === null && s.doc?.id === id)) return Promise.resolve();
  return openDocument(id);
}

/**
 * Reloads the open document from disk (after an external change), or shows `answer`, just read from disk; unsaved
 * changes are not kept.
 */
export async function reloadDocument(answer?: OpenedDocument): Promise<void> {
  const current = session();
  const id = current.store.getState().doc?.id;
  if (!id) return;
  const seq = current.seq.open;
  // The answer is for this document only if no other was opened (or began to open) meanwhile: Done and next, right
  // after a change on disk to the one left, had the late answer put that one back on screen.
  const stillOpen = () => isCurrent(current) && current.seq.open === seq && current.store.getState().doc?.id === id;
  try {
    // An answer already in hand is shown in this same turn: an edit made while asking again would be lost.
    const opened = answer ?? (await getApi().openDocument(id));
    if (stillOpen()) current.store.setState({ ...documentState(opened), ...initialHistory() });
  } catch (e) {
    if (stillOpen()) current.store.setState({ openError: toErrorData(e) });
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

/**
 * Filter box: every word must be in the name, title or text (Arabic-normalized; the text through
 * the back end's search, names and titles alone until it answers); `status:done` (or todo,
 * in_progress) matches the status.
 */
export function documentFilter(
  filter: string,
  textMatches?: TahrirState['textMatches'],
  teams?: Pick<TahrirState, 'workspace' | 'annotator'>,
  folded: (d: DocumentSummary, i: number) => string = foldName,
): (d: DocumentSummary, i: number) => boolean {
  return filterOf(parseFilter(filter), textMatches, teams, folded).passes;
}

/** The back end's answer for these words, when it is for them. */
function answerFor(
  parsed: DocumentFilter,
  textMatches: TahrirState['textMatches'] | undefined,
): ReadonlySet<string> | null {
  return textMatches && textMatches.words === parsed.words.join(' ') ? textMatches.ids : null;
}

function filterOf(
  parsed: DocumentFilter,
  textMatches: TahrirState['textMatches'] | undefined,
  teams: Pick<TahrirState, 'workspace' | 'annotator'> | undefined,
  folded: (d: DocumentSummary, i: number) => string,
): { needles: string[]; answered: ReadonlySet<string> | null; passes: (d: DocumentSummary, i: number) => boolean } {
  const needles = foldWords(parsed.words);
  const answered = answerFor(parsed, textMatches);
  const assignment = teams?.workspace?.assignment;
  const me = teams ? annotatorOf(teams.annotator, teams.workspace) : '';
  const passes = (d: DocumentSummary, i: number) => {
    if (!statusPasses(parsed, d.status)) return false;
    if (!assignedPasses(parsed, d.id, assignment, me)) return false;
    if (needles.length === 0) return true;
    // The back end's answer names only those the text makes pass (TahrirApi.searchDocuments).
    return holdsAll(folded(d, i), needles) || (answered !== null && answered.has(d.id));
  };
  return { needles, answered, passes };
}

/** A document's id and title as the filter compares them. */
function foldName(d: DocumentSummary): string {
  return foldForFilter(`${d.id}\n${d.title ?? ''}`);
}

/**
 * foldName of every listed document, in the listing's order, kept in the session: a filter
 * keystroke over 100,000 documents folded every name again (300 ms of a p95 of 500 ms). A new
 * listing folds only the names it changed, and a keystroke before the idle folding is done folds on
 * from where it got (it started over: a 100,000-document workspace's first key folded every name
 * while the idle folding had done part of them).
 */
function foldedNames(documents: DocumentSummary[]): string[] {
  const { memo } = session();
  if (memo.names?.documents === documents) return memo.names.folded;
  const folding = memo.folding?.documents === documents ? memo.folding : startFolding(memo, documents);
  const { folded } = folding;
  for (let i = folded.length; i < documents.length; i++) folded.push(nameAt(folding, i));
  memo.names = { documents, folded };
  memo.folding = null;
  return folded;
}

type Folding = NonNullable<SessionMemo['folding']>;

/** The names of `documents` to fold, from the last listing's where a document's title is the same. */
function startFolding(memo: SessionMemo, documents: DocumentSummary[]): Folding {
  memo.folding = { documents, folded: [], before: memo.names, placeBefore: null };
  return memo.folding;
}

/**
 * The folded name of the document at place `i`: the last listing's when its title is the same. Looked up at the same
 * place first (a listing keeps its order); a map of the last listing by id only when that place holds another
 * document: kept for every name, the map and an object a name were half of a 100,000-name fold (and its garbage).
 */
function nameAt(folding: Folding, i: number): string {
  const d = folding.documents[i];
  const before = folding.before;
  if (before) {
    let j: number | undefined = i;
    if (before.documents[i]?.id !== d.id) {
      folding.placeBefore ??= new Map(before.documents.map((b, k) => [b.id, k]));
      j = folding.placeBefore.get(d.id);
    }
    if (j !== undefined && before.documents[j].title === d.title) return before.folded[j];
  }
  return foldName(d);
}

function isCurrent(s: ReturnType<typeof session>): boolean {
  try {
    return session() === s;
  } catch {
    return false; // no session any more
  }
}

/** Names folded in one idle slice before the page is asked again. */
const NAMES_SLICE = 2048;

/**
 * foldedNames while the page is idle, a slice at a time, so the first keystroke in the filter
 * finds them ready (100,000 names: 0.1–0.3 s, the first keystroke's whole p95).
 */
function foldNamesWhenIdle(documents: DocumentSummary[]): void {
  if (typeof requestIdleCallback !== 'function') return; // folded at the first keystroke instead
  const current = session();
  const { memo } = current;
  if (memo.names?.documents === documents) return;
  const folding = startFolding(memo, documents);
  const { folded } = folding;
  const step = (deadline: IdleDeadline) => {
    // A newer listing, or the filter typed meanwhile (foldedNames finished it), or another session.
    if (memo.folding !== folding || current.store.getState().documents !== documents) return;
    if (!isCurrent(current)) return;
    do {
      const end = Math.min(documents.length, folded.length + NAMES_SLICE);
      for (let i = folded.length; i < end; i++) folded.push(nameAt(folding, i));
    } while (folded.length < documents.length && deadline.timeRemaining() > 2);
    if (folded.length < documents.length) requestIdleCallback(step);
    else {
      memo.names = { documents, folded };
      memo.folding = null;
    }
  };
  requestIdleCallback(step);
}

export function matchesFilter(
  d: DocumentSummary,
  filter: string,
  textMatches?: TahrirState['textMatches'],
  teams?: Pick<TahrirState, 'workspace' | 'annotator'>,
): boolean {
  return documentFilter(filter, textMatches, teams)(d, 0);
}

/** The lists of the last filters kept for Backspace (visibleDocuments). */
const KEPT_FILTERS = 8;

export function visibleDocuments(s: TahrirState): DocumentSummary[] {
  const all = liveDocuments(s);
  const { memo } = session();
  const before = memo.visible;
  const sameList = (v: NonNullable<SessionMemo['visible']>) =>
    v.all === all && v.textMatches === s.textMatches && v.workspace === s.workspace && v.annotator === s.annotator;
  if (before && sameList(before) && before.filter === s.filter) return before.out;
  // Backspace (or the filter typed again): a list made for these documents a few keys ago.
  if (before && sameList(before)) {
    memo.visibleBefore = memo.visibleBefore.filter(sameList);
    const again = memo.visibleBefore.find((v) => v.filter === s.filter);
    memo.visibleBefore = memo.visibleBefore.filter((v) => v !== again && v.filter !== before.filter);
    memo.visibleBefore.push(before);
    if (memo.visibleBefore.length > KEPT_FILTERS) memo.visibleBefore.shift();
    if (again) {
      memo.visible = again;
      return again.out;
    }
  } else memo.visibleBefore = [];
  let out = all;
  let at: Int32Array | null = null;
  let parsed: DocumentFilter | null = null;
  let needles: string[] = [];
  let answered = false;
  if (s.filter.trim()) {
    parsed = parseFilter(s.filter);
    // The live list is the listing with the open document's counts: the same documents in the same order.
    const names = all.length === s.documents.length ? foldedNames(s.documents) : all.map(foldName);
    const filter = filterOf(parsed, s.textMatches, s, (_d, i) => names[i]);
    needles = filter.needles;
    // An answer that adds no document (the words are in the names) changes nothing: the names alone, narrowed.
    answered = filter.answered !== null && filter.answered.size > 0;
    // Typing a word further only narrows the list: only the rows the last keystroke kept are
    // looked at again (100,000, then the few thousand holding `article-1`, …), not the whole list.
    const narrowing =
      before?.parsed &&
      before.all === all &&
      before.workspace === s.workspace &&
      before.annotator === s.annotator &&
      !before.answered &&
      !answered &&
      narrows(before.parsed, before.needles, parsed, needles);
    const candidates = narrowing ? before.at : null;
    let kept: Int32Array;
    if (!answered && needles.length > 0 && parsed.statuses.length === 0 && parsed.assigned === null) {
      // Words alone (the filter as typed, mostly): the names only.
      kept = placesHoldingAll(names, needles, candidates);
    } else {
      const n = candidates ? candidates.length : all.length;
      const places = new Int32Array(n);
      let k = 0;
      for (let j = 0; j < n; j++) {
        const i = candidates ? candidates[j] : j;
        if (filter.passes(all[i], i)) places[k++] = i;
      }
      kept = places.slice(0, k);
    }
    // Every document passes (`article-` in a corpus named so): the list itself, no copy of it.
    at = kept;
    if (kept.length < all.length) {
      out = new Array<DocumentSummary>(kept.length);
      for (let j = 0; j < kept.length; j++) out[j] = all[kept[j]];
    }
  }
  memo.visible = {
    all,
    filter: s.filter,
    textMatches: s.textMatches,
    workspace: s.workspace,
    annotator: s.annotator,
    out,
    parsed,
    needles,
    answered,
    at,
  };
  return out;
}

/**
 * The progress line's numbers. The listing's documents are counted once per listing; an edit changes
 * only the open document's status, so after it the count is that one row's difference (a walk of every
 * row per change of the open document cost 100,000 documents 10–40 ms as the workspace opened).
 */
export function progress(s: TahrirState): { done: number; total: number } {
  const live = liveDocuments(s);
  const { memo } = session();
  const before = memo.progress;
  if (before?.live === live && before.out.total === live.length + s.moreDocuments) return before.out;
  let listedDone = 0;
  if (before?.documents === s.documents) listedDone = before.listedDone;
  else for (const d of s.documents) if (d.status === 'done') listedDone++;
  let done = listedDone;
  if (live !== s.documents) {
    // liveDocuments changed one row at most (the open document's): its listed status gives way to the live one.
    const id = s.doc?.id;
    const i = id ? s.documents.findIndex((d) => d.id === id) : -1;
    if (i >= 0) done += Number(live[i].status === 'done') - Number(s.documents[i].status === 'done');
  }
  // The rows still to come count in the total (the done ones among them once they come).
  memo.progress = { documents: s.documents, listedDone, live, out: { done, total: live.length + s.moreDocuments } };
  return memo.progress.out;
}

/**
 * How long typing in the filter pauses before the texts are searched (Enter searches at once). Names and titles are
 * filtered at every key; the texts are the back end's to search, which costs it a walk of every text (10,000
 * documents: 10–40 ms of CPU once read, seconds at 100,000 when the texts are read again). At 150 ms a search went
 * out between most keys of a word typed at an ordinary pace (200–300 ms apart), its CPU taken from the page the keys
 * were typed on and its answer landing as the next key came (10,000 documents: keys of 100–400 ms).
 */
export const FILTER_SEARCH_DELAY = 500;

export function setFilter(filter: string): void {
  const current = session();
  current.filterKeys++;
  current.filterKeyAt = performance.now();
  store().setState({ filter });
  if (current.searchTimer !== null) clearTimeout(current.searchTimer);
  current.searchTimer = setTimeout(() => {
    current.searchTimer = null;
    void searchTexts();
  }, FILTER_SEARCH_DELAY);
}

/** Resolves once no key was typed into the filter for FILTER_SEARCH_DELAY (at once when none was). */
export function filterStill(current = session()): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const wait = current.filterKeyAt + FILTER_SEARCH_DELAY - performance.now();
      if (wait <= 0) resolve();
      else setTimeout(check, wait);
    };
    check();
  });
}

/** Enter in the filter box: the texts searched now, not after the pause. */
export function searchTextsNow(): Promise<void> {
  const current = session();
  if (current.searchTimer !== null) clearTimeout(current.searchTimer);
  current.searchTimer = null;
  return searchTexts();
}

/**
 * Asks the back end which documents hold the filter's words in their text (again, when `again`:
 * the texts changed); the latest answer wins. An answer is never applied while the filter is typed in: one that
 * comes after a key typed since it was asked is dropped (that key's own search follows its pause), and one that adds
 * no document to the names' matches, where the list held none from the texts before, leaves the store as it is (the
 * list filtered and drawn again for nothing, in the frame of the key typed next).
 */
export async function searchTexts(again = false): Promise<void> {
  const current = session();
  const { words } = parseFilter(store().getState().filter);
  const key = words.join(' ');
  if (words.length === 0 || (!again && current.searchedWords === key)) return;
  const seq = ++current.seq.search;
  const keys = current.filterKeys;
  try {
    const ids = await getApi().searchDocuments(words, current.id);
    if (seq !== current.seq.search || keys !== current.filterKeys) return;
    current.searchedWords = key;
    const before = store().getState().textMatches;
    const addedBefore = before !== null && before.words === key && before.ids.size > 0;
    if (ids.length > 0 || addedBefore) store().setState({ textMatches: { words: key, ids: new Set(ids) } });
  } catch (e) {
    // 'cancelled': this window's later search replaced it on the back end.
    if (seq === current.seq.search && toErrorData(e).code !== 'cancelled')
      showNotice(t('notice.search-failed', { message: sayError(t, toErrorData(e)) }), 'error');
  }
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

/**
 * Done and next (Ctrl+Enter): marks the open document done (one undo step) and opens the next
 * document after it in the list's order (the filter applied as it was) that is not done; at the
 * end of the list it says so, and how many not done are left above.
 */
export async function doneAndNext(): Promise<void> {
  const s = store().getState();
  // Pressed again while the next one opens: that one is not on screen yet to be marked done.
  if (!s.doc || !s.data || (s.opening !== null && s.opening !== s.doc.id)) return;
  if (s.doc.readOnly) {
    showNotice(t('notice.done-read-only', { id: s.doc.id, message: sayError(t, s.doc.readOnly) }), 'error');
    return;
  }
  // The list before the status changes: under `status:todo` the document would leave it.
  const list = visibleDocuments(s);
  const at = list.findIndex((d) => d.id === s.doc!.id);
  setStatus('done');
  const workable = (d: DocumentSummary) => d.status !== 'done' && d.id !== s.doc!.id && !d.problem;
  const next = list.slice(at + 1).find(workable);
  if (next) {
    await openDocument(next.id);
    return;
  }
  const above = list.slice(0, Math.max(at, 0)).filter(workable).length;
  const filtered = s.filter.trim() ? 'yes' : 'no';
  showNotice(above > 0 ? t('notice.done-none-after', { filtered, above }) : t('notice.done-all', { filtered }));
}
