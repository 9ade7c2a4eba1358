// The review of entity and quote suggestions in the editor: fetched from the back end per
// document (and again as its tagger learns from the saves), stepped through by keyboard,
// accepted as entities and quotes (a quote with its suggested speaker) or rejected (kept in the
// sidecar's `rejected`), each decision one undo step through changeDocument. The suggestions are
// the store's review slice, never document data: not saved, not exported, not counted.
import {
  acceptedInto,
  isEntitySuggestion,
  openList,
  openSuggestions,
  openSuggestionsAfterChanges,
  openSuggestionsAfterEdit,
  QUOTES_LABEL,
  rejectedInto,
  sortSuggestions,
  SOURCE_NAMES,
  SUGGESTION_SOURCES,
  suggestionId,
  suggestionsAfterChanges,
  type OpenSuggestions,
  type SuggestionSources,
} from '../../shared/annotation-review';
import type { TaggerStatus } from '../../shared/api';
import type { DocumentData } from '../../shared/document-data';
import type { Suggestion, SuggestionSource } from '../../shared/suggestions';
import { sourceIndex } from '../../shared/text-view';
import { toErrorData } from './autosave';
import { changeDocument } from './history';
import { session } from './session';
import { afterNextPaint, store, useTahrir } from './store';
import type { ReviewState } from './state';
import { t } from './locale';
import { showNotice } from './ui-actions';

/** While the tagger trains, the suggestions are asked for again this often (its new ones come in). */
const TRAINING_POLL_MS = 1500;
/** After a save, asked again once saves pause (the workspace's names and the tagger follow saves). */
const AFTER_SAVE_MS = 1500;
const SOURCES_KEY = 'tahrir.suggestionSources';

export function useReview<T>(selector: (s: ReviewState) => T): T {
  return useTahrir((s) => selector(s.review));
}

function setReview(change: Partial<ReviewState>): void {
  store().setState((s) => ({ review: { ...s.review, ...change } }));
}

/** The sources the editor turned off last time (this browser's storage), else all on. */
export function storedSources(): SuggestionSources {
  const all: SuggestionSources = { workspace: true, tagger: true, 'quote-finder': true };
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(SOURCES_KEY) ?? '{}') as Record<string, unknown>;
    for (const source of SUGGESTION_SOURCES) if (saved[source] === false) all[source] = false;
  } catch {
    // no storage, or something else in it: all on
  }
  return all;
}

/** Turns a source on or off (remembered in this browser). */
export function setSuggestionSource(source: SuggestionSource, on: boolean): void {
  const sources = { ...store().getState().review.sources, [source]: on };
  setReview({ sources });
  try {
    globalThis.localStorage?.setItem(SOURCES_KEY, JSON.stringify(sources));
  } catch {
    // storage full or forbidden: the setting holds for this session
  }
}

/** Asks the back end for the open document's suggestions; the cursor stays where it was for the same document. */
export async function loadAnnotationSuggestions(): Promise<void> {
  const current = session();
  const { doc } = current.store.getState();
  const seq = ++current.seq.annotationSuggestions;
  // A read-only document takes no suggestion (nothing can be accepted there): none asked for, the bar says why.
  if (!doc || doc.readOnly) return;
  const had = current.store.getState().review;
  const again = had.docId === doc.id;
  // Asked again for suggestions the editor has (after a save, as the tagger trains): nothing shown changes until the
  // answer does. Marked as loading, the bar's state was written twice a poll, and each DOM write repaints all the
  // highlighted text (a key pressed meanwhile waited a frame for it).
  const refresh = again && had.version !== null && !had.error && !had.loading;
  if (!refresh)
    setReview({ docId: doc.id, loading: true, error: null, ...(again ? {} : { sources: storedSources() }) });
  try {
    const before = current.store.getState().review;
    // The changes since the version the editor has (a few after a save, none mostly), else the whole answer.
    const since = before.docId === doc.id && !before.error ? before.version : null;
    const found = await current.api.annotationSuggestionChanges(doc.id, since);
    if (seq !== current.seq.annotationSuggestions || session() !== current) return;
    const now = current.store.getState().review;
    let suggestions: Suggestion[];
    const same = found.changes && !found.changes.added.length && !found.changes.removed.length;
    if (same && now.docId === doc.id && now.version === found.version && !now.loading)
      if (sameTaggerStatus(now.tagger, found.tagger)) return; // nothing new: no render, no repaint
    if (found.changes && now.docId === doc.id && now.version === since)
      suggestions = same
        ? now.suggestions
        : suggestionsAfterChanges(now.suggestions, found.changes.removed, found.changes.added);
    else if (found.all) suggestions = sortSuggestions([...found.all.entities, ...found.all.quotes]);
    else {
      // Changes since a version this editor no longer has (another answer came between): the whole answer, again.
      setReview({ version: null });
      if (seq === current.seq.annotationSuggestions) void loadAnnotationSuggestions();
      return;
    }
    setReview({
      docId: doc.id,
      // Unchanged (asked again as the tagger trains): the same list, so nothing is worked out or drawn again.
      suggestions,
      version: found.version,
      tagger: found.tagger,
      loading: false,
      cursor: again ? current.store.getState().review.cursor : null,
    });
  } catch (e) {
    if (seq !== current.seq.annotationSuggestions || session() !== current) return;
    setReview({ docId: doc.id, suggestions: [], version: null, loading: false, error: toErrorData(e) });
  }
}

/** The same words in the bar: the back end's status is a new object with every answer. */
function sameTaggerStatus(a: TaggerStatus | null, b: TaggerStatus | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.state === b.state &&
    a.documents === b.documents &&
    a.sentences === b.sentences &&
    a.trainedAt === b.trainedAt &&
    a.problem === b.problem &&
    JSON.stringify(a.problemMessage) === JSON.stringify(b.problemMessage)
  );
}

/**
 * A document's suggestions asked for once its text is painted and the page is idle: the back end works them out over
 * the whole text (seconds on a long document, with up to 100,000 in the answer), which must not delay the open.
 * Until then the bar says they are being looked for.
 */
export function loadAnnotationSuggestionsAfterPaint(): () => void {
  const current = session();
  const docId = current.store.getState().doc?.id;
  if (!docId || current.store.getState().doc?.readOnly) return () => undefined;
  if (!current.store.getState().review.loading) setReview({ loading: true });
  return afterNextPaint(() => {
    if (session() === current && current.store.getState().doc?.id === docId) void loadAnnotationSuggestions();
  });
}

/**
 * Keeps the suggestions in step: fetched when a document opens (once it is painted), again after saves pause (what
 * the workspace knows changed) and every little while as long as the tagger trains. Returns a stop.
 */
export function followAnnotationSuggestions(): () => void {
  const current = session();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = () => {};
  let stopped = false;
  const later = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void loadAnnotationSuggestions().then(() => {
        // An answer with nothing new leaves the store as it was (no new status to follow): ask again from here.
        const state = current.store.getState().review.tagger?.state;
        if (!stopped && !timer && session() === current && (state === 'training' || state === 'reading'))
          later(TRAINING_POLL_MS);
      });
    }, ms);
  };
  const stop = current.store.subscribe((s, prev) => {
    if (s.doc?.id !== prev.doc?.id) {
      if (timer) clearTimeout(timer);
      timer = null;
      pending();
      if (s.doc) pending = loadAnnotationSuggestionsAfterPaint();
    } else if (s.doc && s.revision !== prev.revision && prev.revision !== undefined) later(AFTER_SAVE_MS);
    else if (s.review.tagger !== prev.review.tagger && s.review.tagger?.state === 'training') later(TRAINING_POLL_MS);
    else if (s.review.tagger !== prev.review.tagger && s.review.tagger?.state === 'reading') later(TRAINING_POLL_MS);
  });
  if (current.store.getState().doc) pending = loadAnnotationSuggestionsAfterPaint();
  return () => {
    stopped = true;
    stop();
    pending();
    if (timer) clearTimeout(timer);
  };
}

/** The open suggestions of the document as it is now (memoized per inputs: React and the highlights ask often). */
export function openAnnotationSuggestions(): Suggestion[] {
  const { review, data } = store().getState();
  // As one array (made once per list): for the keys that step through them or decide many at once.
  return openOf(review, data).toArray();
}

/**
 * The open suggestions for `review` and `data` (memoized): after an edit, or a change the back end sent, only the
 * suggestions where it changed something are looked at, and the list shares all but a chunk or two with the one
 * before (a keypress on a long document with 100,000 suggestions copied and counted them all).
 */
export function openOf(review: ReviewState, data: DocumentData | null): OpenSuggestions {
  const memo = session().memo;
  const hit = memo.review;
  if (hit && hit.suggestions === review.suggestions && hit.data === data && hit.sources === review.sources)
    return hit.out as OpenSuggestions;
  let out: OpenSuggestions | null = null;
  if (hit && hit.sources === review.sources && hit.data && data) {
    const was = hit.suggestions as Suggestion[];
    const before = hit.out as OpenSuggestions;
    // An edit since: only the suggestions where it changed something are looked at (with those the list had).
    const afterEdit =
      hit.data === data
        ? before
        : openSuggestionsAfterEdit(before, was, hit.data as DocumentData, data, review.sources);
    // New suggestions since, made from those by the back end's changes: only the changed ones are looked at.
    out = afterEdit && openSuggestionsAfterChanges(afterEdit, was, review.suggestions, data, review.sources);
  }
  out ??= openList(openSuggestions(review.suggestions, data, review.sources));
  memo.review = { suggestions: review.suggestions, data, sources: review.sources, out };
  return out;
}

export function currentAnnotationSuggestion(): Suggestion | undefined {
  const cursor = store().getState().review.cursor;
  return cursor ? openAnnotationSuggestions().find((s) => suggestionId(s) === cursor) : undefined;
}

/** Moves the cursor `delta` on (to the first or last when on none, or on one gone); the suggestion it lands on. */
export function stepAnnotationSuggestion(delta: number): Suggestion | undefined {
  const open = openAnnotationSuggestions();
  if (open.length === 0) {
    setReview({ cursor: null });
    return undefined;
  }
  const at = open.findIndex((s) => suggestionId(s) === store().getState().review.cursor);
  const next = at < 0 ? (delta >= 0 ? 0 : open.length - 1) : (at + delta + open.length) % open.length;
  setReview({ cursor: suggestionId(open[next]) });
  return open[next];
}

export function setAnnotationCursor(s: Suggestion | null): void {
  setReview({ cursor: s ? suggestionId(s) : null });
}

function slicer(): (start: number, end: number) => string {
  const source = store().getState().doc?.source ?? '';
  return (start, end) => sourceIndex(source).slice(start, end);
}

/** The workspace's label for people (a speaker's entity), if it has one. */
function personLabel(): string | null {
  const labels = store().getState().workspace?.config.labels ?? [];
  return labels.find((l) => l.name === 'PERSON')?.name ?? null;
}

/** Accepts suggestions (optionally all with `label`), one undo step; how many became entities or quotes. */
export function acceptAnnotationSuggestions(list: readonly Suggestion[], label?: string): number {
  let added = 0;
  const slice = slicer();
  changeDocument((data) => {
    const result = acceptedInto(data, list, slice, { label, personLabel: personLabel() });
    added = result.added;
    return result.data;
  });
  return added;
}

/** Rejects suggestions (kept in the sidecar, so not offered again for those spans), one undo step. */
export function rejectAnnotationSuggestions(list: readonly Suggestion[]): number {
  let added = 0;
  const slice = slicer();
  changeDocument((data) => {
    const result = rejectedInto(data, list, slice);
    added = result.added;
    return result.data;
  });
  return added;
}

/** After a decision the cursor goes to the suggestion that took the decided one's place. */
function decided(before: readonly Suggestion[], at: number): Suggestion | undefined {
  const rest = openAnnotationSuggestions();
  const ids = new Set(rest.map(suggestionId));
  const next = before.slice(at + 1).find((s) => ids.has(suggestionId(s))) ?? rest[rest.length - 1];
  setAnnotationCursor(next ?? null);
  return next;
}

/** Accept (with `label`: as that label) or reject the suggestion the cursor is on; false when it is on none. */
export function decideCurrentAnnotation(decision: 'accept' | 'reject', label?: string): Suggestion | false | undefined {
  const { doc, review } = store().getState();
  const open = openAnnotationSuggestions();
  const at = open.findIndex((s) => suggestionId(s) === review.cursor);
  if (at < 0 || !doc || doc.readOnly) return false;
  const s = open[at];
  if (label !== undefined && !isEntitySuggestion(s)) return false;
  const n = decision === 'accept' ? acceptAnnotationSuggestions([s], label) : rejectAnnotationSuggestions([s]);
  if (n === 0) return false;
  return decided(open, at);
}

/** Accepts every open suggestion with the current one's label (quotes: every quote), or from its source. */
export function acceptAllLikeCurrent(by: 'label' | 'source'): number {
  const current = currentAnnotationSuggestion();
  if (!current) return 0;
  const open = openAnnotationSuggestions();
  const kindOf = (s: Suggestion) => (isEntitySuggestion(s) ? s.label : QUOTES_LABEL);
  const list = open.filter((s) => (by === 'label' ? kindOf(s) === kindOf(current) : s.source === current.source));
  const n = acceptAnnotationSuggestions(list);
  if (n > 0) {
    const what =
      by === 'source'
        ? t(SOURCE_NAMES[current.source])
        : isEntitySuggestion(current)
          ? current.label
          : t('review.quotes-label');
    showNotice(t('notice.accepted-suggestions-of', { n, what }));
  }
  decided(open, open.indexOf(current));
  return n;
}

/**
 * Accepts every open suggestion of a label (quotes: QUOTES_LABEL) or of a source, without a cursor (the
 * panel's buttons).
 */
export function acceptAllOf(filter: { label?: string; source?: SuggestionSource }): number {
  const open = openAnnotationSuggestions();
  const list = open.filter(
    (s) =>
      (filter.source === undefined || s.source === filter.source) &&
      (filter.label === undefined || (isEntitySuggestion(s) ? s.label : QUOTES_LABEL) === filter.label),
  );
  const n = acceptAnnotationSuggestions(list);
  if (n > 0) showNotice(t('notice.accepted-suggestions', { n }));
  return n;
}
