// The cleanup review: boilerplate suggestions from the back end, accepted as edits or
// rejected (remembered in the sidecar), and hand edits of the clean text. Accepting and
// rejecting change document data through changeDocument, so undo, redo and autosave
// cover them. Suggestions themselves are not document data: they are the store's cleanup
// slice, refetched per document.
import type { SuggestedEdit } from '../../shared/api';
import type { Say } from '../../shared/i18n/message';
import { EN, type MessageKey } from '../../shared/i18n/en';
import type { DocumentMetadata, Edit, EditKind, RejectedSuggestion } from '../../shared/model';
import { editCleanText } from '../../shared/position-map';
import { shownSpanOf, shownText } from '../../shared/text-view';
import { toErrorData } from './autosave';
import { nextId, sortedSpans, type DocumentData } from '../../shared/document-data';
import { openDocument, visibleDocuments } from './document-actions';
import { changeDocument } from './history';
import { session } from './session';
import { initialCleanup, store, useTahrir } from './store';
import type { CleanupState } from './state';
import { t } from './locale';
import { showNotice } from './ui-actions';

export type { CleanupState } from './state';

/** React hook: a narrow selector over the cleanup slice. */
export function useCleanup<T>(selector: (s: CleanupState) => T): T {
  return useTahrir((s) => selector(s.cleanup));
}

/** Changes the cleanup slice. */
function setCleanup(change: Partial<CleanupState>): void {
  store().setState((s) => ({ cleanup: { ...s.cleanup, ...change } }));
}

export function cleanupState(): CleanupState {
  return store().getState().cleanup;
}

/** Stable identity of a suggestion: its rule and source range. */
export function suggestionKey(s: Pick<SuggestedEdit, 'rule' | 'start' | 'end'>): string {
  return `${s.rule}:${s.start}:${s.end}`;
}

/**
 * Asks the back end for this document's suggestions (the rejected ones and what edits cover are
 * left out there). The rejections go along as the editor has them, saved or not: what a rejected
 * block held (a glued word inside it) is suggested at once. Asked again for the same document,
 * the cursor stays where it was.
 */
export async function loadSuggestions(): Promise<void> {
  const current = session();
  const { doc, data } = current.store.getState();
  const seq = ++current.seq.suggestions;
  if (!doc) {
    current.store.setState({ cleanup: initialCleanup() });
    return;
  }
  const again = cleanupState().docId === doc.id;
  setCleanup({ docId: doc.id, loading: true, error: null });
  try {
    // Only the fields the question takes (a sidecar may carry more of its own).
    const asked = (data?.rejected ?? []).map(({ rule, start, end, text }) => ({ rule, start, end, text }));
    const found = await current.api.suggest(doc.id, { rejected: asked });
    if (seq !== current.seq.suggestions) return;
    // Asked again, the rejected ones stay known (the back end leaves them out): undoing a reject brings its suggestion
    // back.
    const rejected = current.store.getState().data?.rejected;
    const kept = again
      ? cleanupState().suggestions.filter(
          (s) => isRejected(s, rejected) && !found.edits.some((f) => suggestionKey(f) === suggestionKey(s)),
        )
      : [];
    setCleanup({
      docId: doc.id,
      suggestions: [...found.edits, ...kept],
      metadata: found.metadata,
      loading: false,
      cursor: again ? cleanupState().cursor : null,
    });
  } catch (e) {
    if (seq !== current.seq.suggestions) return;
    setCleanup({ docId: doc.id, suggestions: [], metadata: {}, loading: false, error: toErrorData(e) });
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end || b.start === b.end)
    return a.start === b.start || (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

function isRejected(s: SuggestedEdit, rejected: readonly RejectedSuggestion[] | undefined): boolean {
  return !!rejected?.some((r) => r.rule === s.rule && r.text === s.text);
}

/**
 * The suggestions still open for the document as it is now: not rejected and not
 * overlapping an edit. Undoing an accept or a reject brings a suggestion back.
 */
export function openSuggestions(suggestions: readonly SuggestedEdit[], data: DocumentData | null): SuggestedEdit[] {
  if (!data) return [];
  const edits = Object.values(data.edits).filter((e) => !e.orphaned);
  const open = suggestions.filter((s) => !isRejected(s, data.rejected) && !edits.some((e) => overlaps(e, s)));
  // A fix inside a removal still suggested waits for the removal's fate (as the back end holds it back).
  const removals = open.filter(isRemoval);
  return removals.length === 0 ? open : open.filter((s) => isRemoval(s) || !removals.some((r) => overlaps(r, s)));
}

/**
 * The rule's name as its group's heading says it: a built-in rule's, in the interface's language; a workspace rule's
 * own id (tahrir.json), as written.
 */
export function ruleName(rule: string, say: Say = t): string {
  const key = `rule-name.${rule}`;
  return Object.hasOwn(EN, key) ? say(key as MessageKey) : rule;
}

/**
 * The rule's description in the interface's language: a built-in rule's catalog message, else a workspace rule's own
 * words (tahrir.json), as written.
 */
export function ruleDescription(s: Pick<SuggestedEdit, 'description' | 'descriptionMessage'>, say: Say = t): string {
  return s.descriptionMessage ? say(s.descriptionMessage.key, s.descriptionMessage.values) : (s.description ?? '');
}

/** Why this document got the suggestion (a site's count, what was learned), in the interface's language; '' if none. */
export function suggestionReason(s: Pick<SuggestedEdit, 'reason' | 'reasonMessage'>, say: Say = t): string {
  return s.reasonMessage ? say(s.reasonMessage.key, s.reasonMessage.values) : (s.reason ?? '');
}

/**
 * Why the suggestion was made, in words: its own reason (a site's template, what was learned) or its rule's
 * description.
 */
export function suggestionWhy(
  s: Pick<SuggestedEdit, 'rule' | 'description' | 'descriptionMessage' | 'reason' | 'reasonMessage'>,
  say: Say = t,
): string {
  return suggestionReason(s, say) || ruleDescription(s, say) || say('cleanup.rule', { rule: s.rule });
}

/** A rule's suggestions: the description comes along untranslated, so the list says it in the language shown. */
export interface RuleGroup extends Pick<SuggestedEdit, 'rule' | 'description' | 'descriptionMessage'> {
  items: SuggestedEdit[];
}

/** Suggestions grouped by rule, in the order their first one appears in the text. */
export function groupByRule(list: readonly SuggestedEdit[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const s of [...list].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let g = groups.get(s.rule);
    if (!g) {
      g = { rule: s.rule, items: [] };
      if (s.description !== undefined) g.description = s.description;
      if (s.descriptionMessage) g.descriptionMessage = s.descriptionMessage;
      groups.set(s.rule, g);
    }
    g.items.push(s);
  }
  return [...groups.values()];
}

/** The open suggestions in the order the Cleanup tab lists them (by rule, then by place). */
export function reviewOrder(suggestions: readonly SuggestedEdit[], data: DocumentData | null): SuggestedEdit[] {
  return groupByRule(openSuggestions(suggestions, data)).flatMap((g) => g.items);
}

/** The edit that accepting suggestion `s` makes. */
function editFrom(id: string, s: SuggestedEdit): Edit {
  return { id, start: s.start, end: s.end, text: s.text, replacement: s.replacement, kind: s.kind, rule: s.rule };
}

/** Entities and quotes that accepting `list` would hide from the clean text (shown now, gone after). */
export function hiddenByAccepting(
  source: string,
  data: DocumentData,
  list: readonly SuggestedEdit[],
): { entities: number; quotes: number } {
  const edits: Record<string, Edit> = { ...data.edits };
  list.forEach((s, i) => {
    if (!isRejected(s, data.rejected)) edits[`\u0000${i}`] = editFrom(`\u0000${i}`, s);
  });
  const before = shownText(source, data.edits, 'clean');
  const after = shownText(source, edits, 'clean');
  const hidden = (spans: Record<string, { id: string; start: number; end: number; orphaned?: boolean }>): number =>
    sortedSpans(spans).filter((x) => shownSpanOf(before, x) !== null && shownSpanOf(after, x) === null).length;
  return { entities: hidden(data.entities), quotes: hidden(data.quotes) };
}

/** "2 entities and 1 quote" (empty when none). */
export function hiddenWords(hidden: { entities: number; quotes: number }): string {
  if (!hidden.entities && !hidden.quotes) return '';
  return t('cleanup.hidden-words', { ...hidden, both: hidden.entities && hidden.quotes ? 'yes' : 'no' });
}

/** The first change to a document moves it from todo to in progress. */
function touched(data: DocumentData): DocumentMetadata {
  return data.document.status === 'todo' ? { ...data.document, status: 'in_progress' } : data.document;
}

/**
 * Accepts suggestions as edits, in one undo step. Returns how many became edits. When they hide
 * entities or quotes from the clean text, a notice says how many (undo brings them back).
 */
export function acceptSuggestions(list: readonly SuggestedEdit[]): number {
  let added = 0;
  const { doc, data: before } = store().getState();
  const hidden = doc && before ? hiddenByAccepting(doc.source, before, list) : { entities: 0, quotes: 0 };
  changeDocument((data) => {
    const edits = { ...data.edits };
    // Numbered once, then counted up: ids are remembered per record, and this one is still being filled.
    let n = Number(nextId('e', data.edits).slice(1));
    for (const s of list) {
      if (isRejected(s, data.rejected) || Object.values(edits).some((e) => !e.orphaned && overlaps(e, s))) continue;
      const id = `e${n++}`;
      edits[id] = editFrom(id, s);
      added++;
    }
    return added ? { ...data, document: touched(data), edits } : data;
  });
  const words = hiddenWords(hidden);
  if (added && words) showNotice(t('notice.accepted', { n: added, words }));
  return added;
}

/** Rejects suggestions: remembered in the sidecar so they are not proposed again. One undo step. */
export function rejectSuggestions(list: readonly SuggestedEdit[]): number {
  let added = 0;
  changeDocument((data) => {
    const rejected = [...(data.rejected ?? [])];
    for (const s of list) {
      if (isRejected(s, rejected)) continue;
      rejected.push({ rule: s.rule, start: s.start, end: s.end, text: s.text });
      added++;
    }
    return added ? { ...data, rejected } : data;
  });
  // A rejected removal may have held suggestions of its own (a glued word): ask again.
  if (added && list.some(isRemoval)) void loadSuggestions();
  return added;
}

function isRemoval(s: SuggestedEdit): boolean {
  return s.kind === 'boilerplate' && s.start < s.end;
}

export type MetadataField = 'title' | 'published' | 'sourceName' | 'keywords';

/** Fills a document field with the suggested metadata (one undo step). */
export function applyMetadata(field: MetadataField): void {
  const value = cleanupState().metadata[field];
  if (value === undefined) return;
  changeDocument((data) => ({
    ...data,
    document: { ...data.document, [field]: Array.isArray(value) ? [...value] : value },
  }));
}

export function moveCursor(keys: readonly string[], delta: number): void {
  if (keys.length === 0) return;
  const at = keys.indexOf(cleanupState().cursor ?? '');
  const next = at < 0 ? (delta > 0 ? 0 : keys.length - 1) : Math.min(keys.length - 1, Math.max(0, at + delta));
  setCleanup({ cursor: keys[next] });
}

export function setCursor(key: string | null): void {
  setCleanup({ cursor: key });
}

/** The suggestion the keyboard is on, in the review order. */
export function currentSuggestion(): SuggestedEdit | undefined {
  const s = store().getState();
  const cursor = s.cleanup.cursor;
  return cursor ? reviewOrder(s.cleanup.suggestions, s.data).find((x) => suggestionKey(x) === cursor) : undefined;
}

/** Moves the cursor `delta` suggestions on (to the first or last when it is on none); the suggestion it lands on. */
export function stepSuggestion(delta: number): SuggestedEdit | undefined {
  const s = store().getState();
  const order = reviewOrder(s.cleanup.suggestions, s.data);
  moveCursor(order.map(suggestionKey), delta);
  return currentSuggestion();
}

/**
 * Accepts or rejects the current suggestion (or every open one of its rule); the cursor goes to
 * the suggestion that takes its place in the list. False when the cursor is on none.
 */
export function decideCurrent(decision: 'accept' | 'reject', wholeRule = false): boolean {
  const s = store().getState();
  const order = reviewOrder(s.cleanup.suggestions, s.data);
  const at = order.findIndex((x) => suggestionKey(x) === s.cleanup.cursor);
  if (at < 0 || !s.doc || s.doc.readOnly) return false;
  const list = wholeRule ? order.filter((x) => x.rule === order[at].rule) : [order[at]];
  if (decision === 'accept') acceptSuggestions(list);
  else rejectSuggestions(list);
  const after = store().getState();
  const rest = reviewOrder(after.cleanup.suggestions, after.data);
  const firstLeft = order.slice(at).find((x) => rest.some((r) => suggestionKey(r) === suggestionKey(x)));
  setCursor(rest.length === 0 ? null : suggestionKey(firstLeft ?? rest[rest.length - 1]));
  return true;
}

/**
 * Opens the next document after this one, in the list's order (filter included), that has
 * suggestions open, with the cursor on its first. False (with a notice) when none has.
 */
export async function nextDocumentToClean(): Promise<boolean> {
  const current = session();
  const s = current.store.getState();
  const list = visibleDocuments(s);
  const at = list.findIndex((d) => d.id === s.doc?.id);
  const next = [...list.slice(at + 1), ...list.slice(0, Math.max(at, 0))];
  // Each is asked in turn (≤ 50 ms a document): a long run without any stops, and says so.
  for (const d of next.slice(0, NEXT_TO_CLEAN_LOOKS)) {
    let found;
    try {
      found = await current.api.suggest(d.id);
    } catch {
      continue; // a document that cannot be read has nothing to review here
    }
    if (session() !== current) return false;
    if (found.edits.length === 0) continue;
    await openDocument(d.id);
    if (session() !== current || current.store.getState().doc?.id !== d.id) return false;
    await loadSuggestions();
    const order = reviewOrder(cleanupState().suggestions, current.store.getState().data);
    if (order.length === 0) continue;
    setCursor(suggestionKey(order[0]));
    return true;
  }
  showNotice(
    next.length > NEXT_TO_CLEAN_LOOKS
      ? t('notice.none-of-next-to-clean', { n: NEXT_TO_CLEAN_LOOKS })
      : t('notice.none-to-clean'),
  );
  return false;
}

/** How many documents N looks through for suggestions before it gives up. */
const NEXT_TO_CLEAN_LOOKS = 200;

/**
 * A hand edit of the clean text: [cleanStart, cleanEnd) becomes `replacement` (empty
 * deletes, an empty range inserts). Edits it touches merge into one (editCleanText).
 */
export function editClean(cleanStart: number, cleanEnd: number, replacement: string, kind: EditKind): boolean {
  const doc = store().getState().doc;
  if (!doc) return false;
  return changeDocument((data) => {
    const list = sortedSpans(data.edits);
    const next = editCleanText(doc.source, list, cleanStart, cleanEnd, replacement, {
      id: nextId('e', data.edits),
      kind,
    });
    const edits: Record<string, Edit> = {};
    for (const e of next) edits[e.id] = e;
    const same = next.length === list.length && next.every((e) => data.edits[e.id] === e);
    return same ? data : { ...data, document: touched(data), edits };
  });
}
