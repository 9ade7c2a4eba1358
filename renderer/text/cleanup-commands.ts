// Hand edits of the clean text from the DOM selection, and the window-level shortcuts
// of the cleanup review and the dataset dialogs (Ctrl+Backspace, Ctrl+Shift+E,
// Ctrl+Shift+Space, Ctrl+E). The text is never edited in place: each becomes a stored edit.
import type { EditKind } from '../../shared/model';
import { editClean } from '../session/cleanup-suggestions';
import type { PendingReplace } from '../session/state';
import { store } from '../session/store';
import { openDialog, setSideTab, showNotice } from '../session/ui-actions';
import { domPointToShown, selectionToShown } from './dom-offsets';
import { textSurface } from './text-surface';

export const CLEANUP_SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'J / K or ↓ / ↑', what: 'Cleanup tab: next / previous suggestion (previewed in the text)' },
  { keys: 'A / R', what: 'Cleanup tab: accept / reject the current suggestion' },
  { keys: 'Shift + A / Shift + R', what: 'Cleanup tab: accept / reject every suggestion of the current rule' },
  { keys: 'Ctrl + Backspace', what: 'Delete the selected clean text as boilerplate (an edit, undoable)' },
  { keys: 'Ctrl + Shift + Backspace', what: 'Delete the selected clean text as a typo' },
  { keys: 'Ctrl + Shift + E', what: 'Replace the selected clean text (a field opens in the Cleanup tab)' },
  { keys: 'Ctrl + Shift + Space', what: 'Insert a space at the caret (split glued words)' },
  { keys: 'Ctrl + E', what: 'Export… (the dataset dialog)' },
];

export function setPendingReplace(p: PendingReplace | null): void {
  store().setState({ replacing: p });
}

/** The selection in the clean text, exact characters; null (with a notice) otherwise. */
export function selectedCleanRange(): { start: number; end: number } | null {
  const surface = textSurface();
  const s = store().getState();
  if (!surface || !s.doc || s.doc.readOnly) return null;
  if (s.view !== 'clean') {
    showNotice('Hand edits work on the clean text: press T to show it.');
    return null;
  }
  const range = selectionToShown(surface.root, surface.shown, true);
  if (!range) showNotice('Select the text to change in the clean text first.');
  return range;
}

export function deleteSelection(kind: EditKind): boolean {
  const range = selectedCleanRange();
  if (!range) return false;
  const done = editClean(range.start, range.end, '', kind);
  document.getSelection()?.removeAllRanges();
  return done;
}

/** Opens the inline replace field in the Cleanup tab for the selected clean text. */
export function startReplace(): boolean {
  const range = selectedCleanRange();
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

/** Inserts a space at the caret (or before the selection): glued words split. */
export function insertSpace(): boolean {
  const surface = textSurface();
  const s = store().getState();
  const sel = document.getSelection();
  if (!surface || !s.doc || s.doc.readOnly || !sel || !sel.anchorNode) return false;
  if (s.view !== 'clean') {
    showNotice('Hand edits work on the clean text: press T to show it.');
    return false;
  }
  const range = sel.getRangeAt(0);
  const at = domPointToShown(range.startContainer, range.startOffset, surface.root, surface.shown);
  if (at === null) return false;
  return editClean(at, at, ' ', 'split');
}

export function handleCleanupKeys(e: KeyboardEvent): void {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return;
  const s = store().getState();
  if (e.code === 'KeyE' && !e.shiftKey) {
    e.preventDefault();
    if (!s.dialog) openDialog('export');
    return;
  }
  if (s.dialog || s.shortcutsOpen || !s.doc) return;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target && !target.closest('.document-text') && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
  if (e.key === 'Backspace') {
    e.preventDefault();
    deleteSelection(e.shiftKey ? 'typo' : 'boilerplate');
  } else if (e.shiftKey && e.code === 'KeyE') {
    e.preventDefault();
    startReplace();
  } else if (e.shiftKey && e.code === 'Space') {
    e.preventDefault();
    insertSpace();
  }
}

export function installCleanupKeys(): () => void {
  window.addEventListener('keydown', handleCleanupKeys);
  return () => window.removeEventListener('keydown', handleCleanupKeys);
}
