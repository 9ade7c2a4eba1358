// Selection, side panel, view, search, dialogs and notices: UI state only (never saved).
import { findAll } from '../../shared/arabic-normalize';
import type { MessageKey } from '../../shared/i18n/translator';
import { t } from './locale';
import { session } from './session';
import { store } from './store';
import type { SpanRef, TextView } from './state';
import { shownText } from '../../shared/text-view';
import { sayError } from '../../shared/i18n/message';

export function selectSpan(ref: SpanRef | null): void {
  store().setState({ selected: ref });
}

/** Select a span and flash it (the document view scrolls it into view). */
export function flashSpan(ref: SpanRef): void {
  store().setState({ selected: ref, flash: { ...ref, seq: ++session().seq.flash } });
}

export function setView(view: TextView): void {
  store().setState({ view });
}

export function toggleView(): void {
  setView(store().getState().view === 'clean' ? 'source' : 'clean');
}

export function setSideTab(sideTab: string): void {
  store().setState({ sideTab });
}

/** Dialogs a panel registers (export, import…) open by kind. */
export function openDialog(kind: string): void {
  store().setState({ dialog: kind });
}

export function closeDialog(): void {
  store().setState({ dialog: null });
}

export function toggleShortcuts(open?: boolean): void {
  store().setState((s) => ({ shortcutsOpen: open ?? !s.shortcutsOpen }));
}

export function showNotice(text: string, kind: 'info' | 'error' = 'info'): void {
  store().setState({ notice: { kind, text, seq: ++session().seq.notice } });
}

/**
 * True, saying why, when the open document is read-only (a sidecar that cannot be read): a digit on a selection did
 * nothing and said nothing there, and Y / X / A on the suggestion under the cursor said "Move to a suggestion first".
 */
export function refusedReadOnly(): boolean {
  const doc = store().getState().doc;
  if (!doc?.readOnly) return false;
  showNotice(t('notice.read-only', { id: doc.id, message: sayError(t, doc.readOnly) }), 'error');
  return true;
}

/**
 * The one message of every command that needs a target first ("Select a quote first, then press
 * S.": `hint` is its message, `key` the key to press). Short-lived, and gone at the next command (clearHint).
 */
export function needTarget(hint: MessageKey, key: string): void {
  store().setState({ notice: { kind: 'hint', text: t(hint, { key }), seq: ++session().seq.notice } });
}

/** A command ran: a hint about an earlier key no longer applies. */
export function clearHint(): void {
  if (store().getState().notice?.kind === 'hint') store().setState({ notice: null });
}

export function clearNotice(): void {
  store().setState({ notice: null });
}

export function openSearch(): void {
  store().setState((s) => ({ search: { ...s.search, open: true } }));
}

export function closeSearch(): void {
  store().setState((s) => ({ search: { ...s.search, open: false } }));
}

export function setSearchQuery(query: string): void {
  store().setState({ search: { open: true, query, current: 0 } });
}

/** Matches of the search query in the shown text (shown code points), Arabic-normalized. */
export function searchMatches(): { start: number; end: number }[] {
  const { store, memo } = session();
  const s = store.getState();
  if (!s.doc || !s.data || !s.search.open || !s.search.query.trim()) return [];
  const text = shownText(s.doc.source, s.data.edits, s.view).text;
  if (memo.search && memo.search.text === text && memo.search.query === s.search.query) return memo.search.out;
  const out = findAll(text, s.search.query);
  memo.search = { text, query: s.search.query, out };
  return out;
}

/** Enter / Shift+Enter in the search box. */
export function stepSearch(delta: 1 | -1): void {
  const n = searchMatches().length;
  if (n === 0) return;
  store().setState((s) => ({ search: { ...s.search, current: (((s.search.current + delta) % n) + n) % n } }));
}
