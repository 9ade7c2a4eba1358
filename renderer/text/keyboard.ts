// Keyboard-first: one window-level handler for every shortcut, and the table the
// shortcut sheet (?) shows. Letter shortcuts use the physical key (event.code) so they
// work the same with an Arabic keyboard layout.
import type { LabelConfig } from '../../shared/model';
import { markQuote, deleteSpan, relabelEntity, setQuoteKind, setQuoteSpeaker, tagAllOccurrences, tagEntity, toggleDone } from '../session/annotation-actions';
import { stepDocument } from '../session/document-actions';
import { redo, undo } from '../session/history';
import { suggestSpeaker } from '../../shared/speaker-suggestion';
import type { TahrirState } from '../session/state';
import { catchUp, paintFirst, store } from '../session/store';
import { closeDialog, closeSearch, openSearch, selectSpan, showNotice, toggleShortcuts, toggleView } from '../session/ui-actions';
import { collapseSelectionToEnd, focusText, selectedSourceRange, textSurface } from './text-surface';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: '1 … 7', what: 'Tag the selection with a label (hotkeys from tahrir.json), or relabel the selected entity' },
  { keys: 'Alt + digit', what: 'Tag the exact characters selected (no snapping to whole words: clitics like و+بايدن)' },
  { keys: 'Q', what: 'Mark the selection as a quote' },
  { keys: 'S', what: 'Speaker of the selected quote: search entities or type a name' },
  { keys: 'Enter', what: 'Accept the suggested speaker of the selected quote' },
  { keys: 'K', what: 'Toggle the selected quote direct / indirect' },
  { keys: 'L', what: 'Link field of the selected entity (knowledge-base id or canonical name)' },
  { keys: 'A', what: 'Tag all occurrences of the selected entity’s text' },
  { keys: 'Delete / Backspace', what: 'Remove the selected entity or quote' },
  { keys: 'Click a highlight', what: 'Select it; click again to cycle through nested spans' },
  { keys: 'Shift + arrows', what: 'Select text with the keyboard (Ctrl + Shift + arrows: by word)' },
  { keys: 'Escape', what: 'Clear the selection, close search or a dialog' },
  { keys: 'Ctrl + Z', what: 'Undo' },
  { keys: 'Ctrl + Shift + Z / Ctrl + Y', what: 'Redo' },
  { keys: 'Ctrl + F', what: 'Search the document (Arabic-normalized); Enter / Shift + Enter steps' },
  { keys: 'Ctrl + Shift + D', what: 'Mark the document done (again: back to in progress)' },
  { keys: 'Alt + ↓ / Alt + ↑', what: 'Next / previous document' },
  { keys: 'T', what: 'Show the clean text or the source text' },
  { keys: '?', what: 'This sheet' },
];

function labelForKey(e: KeyboardEvent, labels: readonly LabelConfig[]): LabelConfig | undefined {
  const digit = /^(Digit|Numpad)(\d)$/.exec(e.code)?.[2];
  return labels.find((l) => l.hotkey !== undefined && (l.hotkey === e.key || l.hotkey === digit));
}

function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.document-text')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function focusField(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) el.focus();
}

/** Digit: tag the selection, or relabel the selected entity. */
function applyLabel(label: string, exact: boolean): void {
  const s = store().getState();
  if (!s.doc || s.doc.readOnly) return;
  const range = selectedSourceRange(exact);
  if (range) {
    tagEntity(label, range);
    collapseSelectionToEnd();
    return;
  }
  if (s.selected?.kind === 'entity') relabelEntity(s.selected.id, label);
}

function quoteSelection(exact: boolean): void {
  const s = store().getState();
  if (!s.doc || s.doc.readOnly) return;
  const range = selectedSourceRange(exact);
  if (!range) {
    showNotice('Select the quote’s text first, then press Q.');
    return;
  }
  markQuote(range);
  collapseSelectionToEnd();
}

function acceptSuggestedSpeaker(): boolean {
  const s = store().getState();
  if (s.selected?.kind !== 'quote' || !s.data || !s.doc) return false;
  const quote = s.data.quotes[s.selected.id];
  if (!quote || quote.speaker || quote.speakerName) return false;
  const id = suggestSpeaker(s.doc.source, Object.values(s.data.entities), quote);
  if (!id) return false;
  setQuoteSpeaker(quote.id, id);
  return true;
}

/** Pressed alone, these do nothing (they only change what the next key does). */
const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/**
 * The edit a key makes whose highlight is painted first (tag, quote, quote kind, delete, undo,
 * redo), or null. These act on the store alone, so React need not be brought up to date first.
 */
function paintedEdit(e: KeyboardEvent, s: TahrirState): (() => void) | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    const key = e.key.toLowerCase();
    if (e.code === 'KeyZ' || key === 'z') return e.shiftKey ? redo : undo;
    if (e.code === 'KeyY' || key === 'y') return redo;
    return null;
  }
  if (mod || isField(e.target) || s.dialog || s.shortcutsOpen || !s.doc) return null;
  const label = labelForKey(e, s.workspace?.config.labels ?? []);
  if (label) return () => applyLabel(label.name, e.altKey);
  if (e.altKey) return null;
  const selected = s.selected;
  if (e.code === 'KeyQ') return () => quoteSelection(false);
  if (e.code === 'KeyK' && selected?.kind === 'quote' && s.data?.quotes[selected.id]) {
    const kind = s.data.quotes[selected.id].kind === 'direct' ? 'indirect' : 'direct';
    return () => setQuoteKind(selected.id, kind);
  }
  if ((e.key === 'Delete' || e.key === 'Backspace') && selected) return () => deleteSpan(selected);
  return null;
}

export function handleKeyDown(e: KeyboardEvent): void {
  // Bringing React up to date on a lone Control would hold up the Z of Ctrl+Z.
  if (MODIFIER_KEYS.has(e.key)) return;
  const edit = paintedEdit(e, store().getState());
  if (edit) {
    e.preventDefault();
    paintFirst(edit);
    return;
  }
  // Every other shortcut may act on what React shows (a field to focus, a dialog): up to date first.
  catchUp();
  const s = store().getState();
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (e.code === 'KeyF' || key === 'f') {
      e.preventDefault();
      openSearch();
      requestAnimationFrame(() => focusField('search-input'));
    } else if (e.shiftKey && e.code === 'KeyD') {
      e.preventDefault();
      toggleDone();
    }
    return;
  }
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    void stepDocument(e.key === 'ArrowDown' ? 1 : -1);
    return;
  }
  if (e.key === 'Escape') {
    if (s.shortcutsOpen) toggleShortcuts(false);
    else if (s.dialog) closeDialog();
    else if (isField(e.target)) {
      if ((e.target as HTMLElement).id === 'search-input') closeSearch();
      focusText();
    } else if (s.search.open) closeSearch();
    else selectSpan(null);
    return;
  }
  if (isField(e.target) || s.dialog) return;
  if (e.key === '?') {
    e.preventDefault();
    toggleShortcuts();
    return;
  }
  if (s.shortcutsOpen || !s.doc) return;
  if (mod || e.altKey) return;
  const selected = s.selected;
  switch (e.code) {
    case 'KeyT':
      e.preventDefault();
      toggleView();
      return;
    case 'KeyA':
      if (selected?.kind === 'entity') {
        e.preventDefault();
        const n = tagAllOccurrences(selected.id);
        showNotice(n ? `Tagged ${n} more occurrence${n === 1 ? '' : 's'}.` : 'No other untagged occurrences.');
      }
      return;
    case 'KeyL':
      if (selected?.kind === 'entity') {
        e.preventDefault();
        focusField('inspector-link');
      }
      return;
    case 'KeyS':
      if (selected?.kind === 'quote') {
        e.preventDefault();
        focusField('speaker-input');
      }
      return;
    default:
      break;
  }
  if (e.key === 'Enter' && acceptSuggestedSpeaker()) {
    e.preventDefault();
    return;
  }
  if (e.target instanceof HTMLElement && textSurface()?.root.contains(e.target) && e.key.length === 1) e.preventDefault();
}

export function installKeyboard(): () => void {
  window.addEventListener('keydown', handleKeyDown);
  // A click right after a shortcut acts on what React shows: bring it up to date first.
  window.addEventListener('pointerdown', catchUp, { capture: true });
  return () => {
    window.removeEventListener('keydown', handleKeyDown);
    window.removeEventListener('pointerdown', catchUp, { capture: true });
  };
}
