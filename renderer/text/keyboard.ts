// Keyboard-first: one window-level handler for every shortcut. The keys are the keymap's
// (shared/keymap.ts, also the shortcut sheet's and the desktop menu's); here is what each
// command does, and when it applies.
import { sortedSpans } from '../../shared/document-data';
import { shownText } from '../../shared/text-view';
import { commandsFor, labelOfPress, type KeyCommand } from '../../shared/keymap';
import type { MessageKey } from '../../shared/i18n/translator';
import type { LabelConfig } from '../../shared/model';
import { t } from '../session/locale';
import { suggestSpeaker } from '../../shared/speaker-suggestion';
import {
  markQuote,
  deleteSpan,
  relabelEntity,
  setQuoteKind,
  setQuoteSpeaker,
  tagAllOccurrences,
  tagEntity,
  toggleDone,
} from '../session/annotation-actions';
import { doneAndNext, stepDocument } from '../session/document-actions';
import { openConflicts, resolveCurrentConflict } from '../session/conflict-queue';
import { AGREEMENT_DIALOG } from '../session/agreement';
import { curating, takeCurrent, takeVersion } from '../session/curation';
import { redo, undo } from '../session/history';
import { runSync } from '../session/sync';
import type { TahrirState } from '../session/state';
import { catchUp, paintFirst, store, waitForChord } from '../session/store';
import {
  clearHint,
  closeDialog,
  closeSearch,
  needTarget,
  openDialog,
  openSearch,
  selectSpan,
  refusedReadOnly,
  showNotice,
  toggleShortcuts,
  toggleView,
} from '../session/ui-actions';
import {
  decide,
  deleteSelection,
  inSuggestionList,
  insertSpace,
  openNextToClean,
  startReplace,
  stepAndShow,
} from './cleanup-commands';
import { focusLater, markFocus } from './focus-later';
import { acceptAllLike, decideSuggestion, onSuggestion, stepSuggestionAndShow } from './suggestion-commands';
import { collapseSelectionToEnd, focusText, selectedSourceRange, textSurface } from './text-surface';

function labelForKey(e: KeyboardEvent, labels: readonly LabelConfig[]): LabelConfig | undefined {
  return labelOfPress(e, labels);
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

/** Keys that act on the document: a document is open, and no field, dialog or sheet has the keys. */
function editing(e: KeyboardEvent, s: TahrirState): boolean {
  return !isField(e.target) && !s.dialog && !s.shortcutsOpen && !!s.doc;
}

/** The open document holds merge conflicts to settle (Teams). */
function settling(e: KeyboardEvent, s: TahrirState): boolean {
  return editing(e, s) && openConflicts(s).length > 0;
}

/** A merge conflict or a curation's difference to settle: the queue's keys take a side. */
function takingSides(e: KeyboardEvent, s: TahrirState): boolean {
  return settling(e, s) || (editing(e, s) && curating(s));
}

/** M / T / B / N: a merge conflict's mine / theirs / both / neither, else a curation's first / second version / … */
function takeSide(side: 'mine' | 'theirs' | 'both' | 'neither'): (e: KeyboardEvent, s: TahrirState) => void {
  return (e, s) => {
    if (settling(e, s)) void resolveCurrentConflict(side);
    else if (side === 'mine' || side === 'theirs') takeVersion(side === 'mine' ? 0 : 1);
    else takeCurrent(side);
  };
}

/** Digit: tag the selection, or relabel the selected entity. */
function applyLabel(e: KeyboardEvent, exact: boolean): void {
  const label = labelForKey(e, store().getState().workspace?.config.labels ?? []);
  if (label) tagWithLabel(label, exact);
}

/**
 * What a label's digit does, and its button in the label bar: tag the selection, else relabel the selected entity, else
 * say what it needs.
 */
export function tagWithLabel(label: LabelConfig, exact: boolean): void {
  const s = store().getState();
  if (!s.doc || refusedReadOnly()) return;
  const range = selectedSourceRange(exact);
  if (range) {
    // Refused by the label's policy (tahrir.json): the selection stays, to be narrowed.
    if (tagEntity(label.name, range)) collapseSelectionToEnd();
    return;
  }
  // On an entity suggestion (N): accept it with this label.
  if (!s.selected && onSuggestion() && decideSuggestion('accept', label.name)) return;
  if (s.selected?.kind === 'entity') relabelEntity(s.selected.id, label.name);
  else needTarget('hint.select-text', `${label.hotkey ?? ''} (${label.name})`.trim());
}

function quoteSelection(exact: boolean): void {
  const s = store().getState();
  if (!s.doc || refusedReadOnly()) return;
  const range = selectedSourceRange(exact);
  if (!range) {
    needTarget('hint.select-quote-text', 'Q');
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
  const id = suggestSpeaker(s.doc.source, sortedSpans(s.data.entities), quote);
  if (!id) return false;
  setQuoteSpeaker(quote.id, id);
  return true;
}

interface Handler {
  /**
   * An edit whose highlight is painted before React renders what else it changed (tag, quote,
   * quote kind, delete, undo, redo): it acts on the store alone, so React need not be brought up
   * to date first. Every other command may act on what React shows (a field to focus, a dialog).
   */
  paintFirst?: boolean;
  /** Whether the command applies now; else the key goes on to the next command it matches, or to the page. */
  when(e: KeyboardEvent, s: TahrirState): boolean;
  /** Runs it; false when the key keeps its default action all the same. */
  run(e: KeyboardEvent, s: TahrirState): boolean | void;
  /**
   * What it acts on and its key: pressed while editing with none selected, it says so (needTarget) instead of nothing.
   */
  needs?: { hint: MessageKey; key: string };
}

const always = (): boolean => true;
const selectedEntity = (e: KeyboardEvent, s: TahrirState): boolean => editing(e, s) && s.selected?.kind === 'entity';
const selectedQuote = (e: KeyboardEvent, s: TahrirState): boolean => editing(e, s) && s.selected?.kind === 'quote';

type When = Handler['when'];
type Run = Handler['run'];
/**
 * An edit's key on a read-only document: it says so (refusedReadOnly), whatever is selected. Delete there asked for a
 * selection first and, on one, did nothing; so did K and A.
 */
const orReadOnly =
  (when: When): When =>
  (e, s) =>
    when(e, s) || (editing(e, s) && !!s.doc?.readOnly);
const unlessReadOnly =
  (run: Run): Run =>
  (e, s) =>
    refusedReadOnly() ? undefined : run(e, s);

const HANDLERS: { [C in KeyCommand]: Handler } = {
  tag: { paintFirst: true, when: editing, run: (e) => applyLabel(e, false) },
  'tag-exact': { paintFirst: true, when: editing, run: (e) => applyLabel(e, true) },
  quote: { paintFirst: true, when: editing, run: () => quoteSelection(false) },
  'quote-kind': {
    paintFirst: true,
    when: orReadOnly((e, s) => selectedQuote(e, s) && !!s.data?.quotes[s.selected!.id]),
    run: unlessReadOnly((_e, s) =>
      setQuoteKind(s.selected!.id, s.data!.quotes[s.selected!.id].kind === 'direct' ? 'indirect' : 'direct'),
    ),
    needs: { hint: 'hint.select-quote', key: 'K' },
  },
  delete: {
    paintFirst: true,
    when: orReadOnly((e, s) => editing(e, s) && !!s.selected),
    run: unlessReadOnly((_e, s) => deleteSpan(s.selected!)),
    needs: { hint: 'hint.select-entity-or-quote', key: 'Delete' },
  },
  undo: { paintFirst: true, when: always, run: () => void undo() },
  redo: { paintFirst: true, when: always, run: () => void redo() },
  find: {
    when: always,
    run: () => {
      const mark = markFocus();
      openSearch();
      focusLater('search-input', mark);
    },
  },
  done: { when: always, run: () => toggleDone() },
  'done-and-next': { when: (_e, s) => !s.dialog && !s.shortcutsOpen && !!s.doc, run: () => void doneAndNext() },
  'next-document': { when: always, run: () => void stepDocument(1) },
  'previous-document': { when: always, run: () => void stepDocument(-1) },
  escape: {
    when: always,
    run: (e, s) => {
      if (s.shortcutsOpen) toggleShortcuts(false);
      else if (s.dialog) closeDialog();
      else if (isField(e.target)) {
        if ((e.target as HTMLElement).id === 'search-input') closeSearch();
        focusText();
      } else if (s.search.open) closeSearch();
      else selectSpan(null);
      return false; // Escape's own action (leaving a field, a native dialog) stays
    },
  },
  shortcuts: { when: (e, s) => !isField(e.target) && !s.dialog, run: () => toggleShortcuts() },
  'toggle-view': { when: editing, run: () => toggleView() },
  'tag-all': {
    when: orReadOnly(selectedEntity),
    run: unlessReadOnly((_e, s) => {
      const n = tagAllOccurrences(s.selected!.id);
      showNotice(t('notice.tagged-more', { n }));
    }),
    needs: { hint: 'hint.select-entity', key: 'A' },
  },
  link: {
    when: selectedEntity,
    run: () => focusField('inspector-link'),
    needs: { hint: 'hint.select-entity', key: 'L' },
  },
  speaker: {
    when: selectedQuote,
    run: () => focusField('speaker-input'),
    needs: { hint: 'hint.select-quote', key: 'S' },
  },
  'accept-speaker': { when: editing, run: () => acceptSuggestedSpeaker() },
  export: {
    when: always,
    run: (_e, s) => {
      if (!s.dialog) openDialog('export');
    },
  },
  sync: { when: always, run: () => void runSync() },
  'delete-boilerplate': { when: editing, run: () => void deleteSelection('boilerplate') },
  'delete-typo': { when: editing, run: () => void deleteSelection('typo') },
  replace: { when: editing, run: () => void startReplace() },
  'insert-space': { when: editing, run: () => void insertSpace() },
  // The cleanup list's keys (the keymap gives them only while the list has the focus).
  'next-suggestion': { when: editing, run: () => stepAndShow(1) },
  'previous-suggestion': { when: editing, run: () => stepAndShow(-1) },
  'accept-suggestion': { when: editing, run: () => decide('accept', false) },
  'reject-suggestion': { when: editing, run: () => decide('reject', false) },
  'accept-rule': { when: editing, run: () => decide('accept', true) },
  'reject-rule': { when: editing, run: () => decide('reject', true) },
  'next-document-to-clean': { when: editing, run: () => void openNextToClean() },
  // Entity and quote suggestions (suggestion-commands.ts).
  'next-annotation-suggestion': { when: editing, run: () => stepSuggestionAndShow(1) },
  'previous-annotation-suggestion': { when: editing, run: () => stepSuggestionAndShow(-1) },
  'accept-annotation-suggestion': { paintFirst: true, when: editing, run: () => void decideSuggestion('accept') },
  'reject-annotation-suggestion': { paintFirst: true, when: editing, run: () => void decideSuggestion('reject') },
  'accept-all-of-label': { paintFirst: true, when: editing, run: () => acceptAllLike('label') },
  'accept-all-of-source': { paintFirst: true, when: editing, run: () => acceptAllLike('source') },
  'take-mine': { when: takingSides, run: takeSide('mine') },
  'take-theirs': { when: takingSides, run: takeSide('theirs') },
  'take-both': { when: takingSides, run: takeSide('both') },
  'take-neither': { when: takingSides, run: takeSide('neither') },
  'take-version': {
    when: (e, s) => editing(e, s) && curating(s),
    run: (e) => takeVersion(Number(/\d$/.exec(e.code)?.[0] ?? 0) - 1),
  },
  agreement: {
    when: always,
    run: (_e, s) => {
      if (!s.dialog) openDialog(AGREEMENT_DIALOG);
    },
  },
};

/** Pressed alone, these do nothing (they only change what the next key does). */
const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** The commands a key press may run, in order: a label's hotkey first (tahrir.json), then the keymap's. */
function commandsOf(e: KeyboardEvent, s: TahrirState): KeyCommand[] {
  // A document holding merge conflicts is read-only: M/T/B/N settle them (the queue's keys); a
  // curation with differences left takes sides with the same keys, and its digits take a version.
  const scope = inSuggestionList(e.target)
    ? 'cleanup-list'
    : openConflicts(s).length > 0 || curating(s)
      ? 'conflict-queue'
      : undefined;
  const commands = commandsFor(e, scope);
  if (scope !== 'conflict-queue' && !e.ctrlKey && !e.metaKey && labelForKey(e, s.workspace?.config.labels ?? []))
    commands.unshift(e.altKey ? 'tag-exact' : 'tag');
  return commands;
}

export function handleKeyDown(e: KeyboardEvent): void {
  // Bringing React up to date on a lone Control would hold up the Z of Ctrl+Z; so would telling it of an edit now.
  if (MODIFIER_KEYS.has(e.key)) {
    if (!e.repeat) waitForChord();
    return;
  }
  const before = store().getState();
  const commands = commandsOf(e, before);
  for (const command of commands) {
    const handler = HANDLERS[command];
    if (handler.paintFirst && handler.when(e, before)) {
      e.preventDefault();
      clearHint();
      paintFirst(() => handler.run(e, before));
      return;
    }
  }
  // Every other shortcut may act on what React shows (a field to focus, a dialog): up to date first.
  catchUp();
  const s = store().getState();
  for (const command of commands) {
    const handler = HANDLERS[command];
    if (handler.paintFirst || !handler.when(e, s)) continue;
    clearHint();
    if (handler.run(e, s) !== false) e.preventDefault();
    return;
  }
  // A command that needs a selected entity or quote, with none: say so, the same way for each.
  const waiting = editing(e, s) ? commands.map((c) => HANDLERS[c].needs).find((n) => n !== undefined) : undefined;
  if (waiting) {
    e.preventDefault();
    needTarget(waiting.hint, waiting.key);
    return;
  }
  // The text is never typed into.
  if (
    editing(e, s) &&
    !e.ctrlKey &&
    !e.metaKey &&
    !e.altKey &&
    e.key.length === 1 &&
    e.target instanceof HTMLElement &&
    textSurface()?.root.contains(e.target)
  )
    e.preventDefault();
}

/**
 * Whether a pointer pressed here acts on the store alone: the document's text, as React last rendered it (an undo of a
 * text edit, not yet rendered, leaves the text behind the store). A click there selects the span under it from the
 * store and the highlights, and is told to React as a keyboard edit is (paintFirst in DocumentView); a drag selects
 * text for the next key.
 */
function inRenderedText(target: EventTarget | null): boolean {
  const surface = textSurface();
  const s = store().getState();
  if (!surface || !s.doc || !s.data || !(target instanceof Node) || !surface.root.contains(target)) return false;
  return shownText(s.doc.source, s.data.edits, s.view) === surface.shown;
}

/**
 * A pointer pressed right after a shortcut acts on what React shows (a button, a list, a field): React is brought up
 * to date first. Not in the text: that render (the inspector, the side panel, and the repaint of all the highlighted
 * text any DOM write causes) came in front of the click's own frame and the Delete pressed after it; it waits, as the
 * click's own change does, for the keys and clicks to pause.
 */
function catchUpForPointer(e: PointerEvent): void {
  if (!inRenderedText(e.target)) catchUp();
}

export function installKeyboard(): () => void {
  window.addEventListener('keydown', handleKeyDown);
  window.addEventListener('pointerdown', catchUpForPointer, { capture: true });
  return () => {
    window.removeEventListener('keydown', handleKeyDown);
    window.removeEventListener('pointerdown', catchUpForPointer, { capture: true });
  };
}
