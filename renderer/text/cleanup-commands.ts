// Hand edits of the clean text from the DOM selection (their keys are in shared/keymap.ts).
// The text is never edited in place: each becomes a stored edit.
import type { SuggestedEdit } from '../../shared/api';
import type { EditKind } from '../../shared/model';
import { decideCurrent, editClean, nextDocumentToClean, stepSuggestion } from '../session/cleanup-suggestions';
import type { PendingReplace } from '../session/state';
import { store } from '../session/store';
import { t } from '../session/locale';
import { needTarget, refusedReadOnly, setSideTab, showNotice } from '../session/ui-actions';
import { domPointToShown, selectionToShown } from './dom-offsets';
import { focusLater, markFocus } from './focus-later';
import { isCaretPlaced, paragraphElementAt, textSurface } from './text-surface';

export function setPendingReplace(p: PendingReplace | null): void {
  store().setState({ replacing: p });
}

/** The selection in the clean text, exact characters; null (with a notice) otherwise. */
export function selectedCleanRange(key: string): { start: number; end: number } | null {
  const surface = textSurface();
  const s = store().getState();
  // Read-only: said so (Ctrl+Backspace on selected words there said nothing).
  if (!surface || !s.doc || refusedReadOnly()) return null;
  if (s.view !== 'clean') {
    showNotice(t('notice.edits-need-clean-text'));
    return null;
  }
  const range = selectionToShown(surface.root, surface.shown, true);
  if (!range) needTarget('hint.select-text-to-change', key);
  return range;
}

export function deleteSelection(kind: EditKind): boolean {
  const range = selectedCleanRange(kind === 'typo' ? 'Ctrl + Shift + Backspace' : 'Ctrl + Backspace');
  if (!range) return false;
  const done = editClean(range.start, range.end, '', kind);
  document.getSelection()?.removeAllRanges();
  return done;
}

/** Opens the inline replace field in the Cleanup tab for the selected clean text. */
export function startReplace(): boolean {
  const range = selectedCleanRange('Ctrl + Shift + E');
  const surface = textSurface();
  if (!range || !surface) return false;
  setSideTab('cleanup');
  setPendingReplace({ ...range, text: Array.from(surface.shown.text).slice(range.start, range.end).join('') });
  return true;
}

export function finishReplace(replacement: string): boolean {
  const p = store().getState().replacing;
  setPendingReplace(null);
  if (!p || replacement === p.text) return false;
  return editClean(p.start, p.end, replacement, 'typo');
}

/**
 * Inserts a space at the caret (or before the selection): glued words split. Only at a caret the
 * user placed (focus alone leaves an unseen one at the headline's start), and it says what it did.
 */
export function insertSpace(): boolean {
  const surface = textSurface();
  const s = store().getState();
  const sel = document.getSelection();
  if (!surface || !s.doc || refusedReadOnly()) return false;
  if (s.view !== 'clean') {
    showNotice(t('notice.edits-need-clean-text'));
    return false;
  }
  const range =
    sel && sel.rangeCount > 0 && surface.root.contains(sel.anchorNode) && isCaretPlaced() ? sel.getRangeAt(0) : null;
  const at = range ? domPointToShown(range.startContainer, range.startOffset, surface.root, surface.shown) : null;
  if (at === null) {
    needTarget('hint.click-where-space', 'Ctrl + Shift + Space');
    return false;
  }
  const done = editClean(at, at, ' ', 'split');
  if (done) showNotice(t('notice.inserted-space'));
  return done;
}

/** The Cleanup tab's list of suggestions (its review keys work while it has the focus). */
export const SUGGESTION_LIST_ID = 'cleanup-suggestion-list';

/**
 * In the list, or on the Cleanup tab shown: an editor who clicks the tab presses J or A next, and those keys fell
 * through to the text's (A said "Select an entity first"; J did nothing) until the list was clicked or tabbed to.
 */
export function inSuggestionList(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    (!!target.closest(`#${SUGGESTION_LIST_ID}`) ||
      target.matches('[role="tab"][data-tab="cleanup"][aria-selected="true"]'))
  );
}

/** Brings the suggestion's place in the text into view. */
export function scrollToSuggestion(s: SuggestedEdit): void {
  const surface = textSurface();
  if (!surface) return;
  const r = surface.shown.toShown(s.start, s.end);
  if (!r) return;
  paragraphElementAt(r.start)?.scrollIntoView({ block: 'center' });
}

/** J / K: the next or previous suggestion, shown in the text. */
export function stepAndShow(delta: 1 | -1): void {
  const s = stepSuggestion(delta);
  if (s) scrollToSuggestion(s);
}

/** A / R (Shift: the whole rule); a hint when the cursor is on no suggestion. */
export function decide(decision: 'accept' | 'reject', wholeRule: boolean): void {
  if (refusedReadOnly()) return;
  if (!decideCurrent(decision, wholeRule)) showNotice(t('notice.move-to-suggestion'));
}

/** N: the next document with suggestions open; the list keeps the focus there. */
export async function openNextToClean(): Promise<void> {
  const mark = markFocus(); // the focus moved while the next document loads stays where it was moved
  if (!(await nextDocumentToClean())) return;
  focusLater(SUGGESTION_LIST_ID, mark);
  const s = stepSuggestion(0);
  if (s) scrollToSuggestion(s);
}
