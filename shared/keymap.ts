// The one keymap: every shortcut's keys, what the shortcut sheet (?) says of it, and the desktop
// menu's accelerator for the commands the menu also has. The page's key handler
// (renderer/text/keyboard.ts) finds a command here and runs its handler; electron/main.ts takes
// the menu's accelerators from here. Letter shortcuts match the physical key (event.code), so
// they work the same with an Arabic keyboard layout.
import type { MenuCommand } from './api';

/**
 * A key press that runs a command: the physical key (`code`) or the character (`key`, compared in
 * lower case), with modifiers. `ctrl` means Ctrl or ⌘. Ctrl and Alt must be up unless said
 * (true: down, 'any': either); Shift is either unless said.
 */
export interface Chord {
  code?: string;
  key?: string;
  ctrl?: boolean | 'any';
  alt?: boolean | 'any';
  shift?: boolean;
}

/** The keys of an event, as the DOM's KeyboardEvent has them. */
export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type KeyCommand =
  | 'tag'
  | 'tag-exact'
  | 'quote'
  | 'speaker'
  | 'accept-speaker'
  | 'quote-kind'
  | 'link'
  | 'tag-all'
  | 'delete'
  | 'escape'
  | 'undo'
  | 'redo'
  | 'find'
  | 'done'
  | 'next-document'
  | 'previous-document'
  | 'toggle-view'
  | 'shortcuts'
  | 'delete-boilerplate'
  | 'delete-typo'
  | 'replace'
  | 'insert-space'
  | 'export'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'accept-suggestion'
  | 'reject-suggestion'
  | 'accept-rule'
  | 'reject-rule'
  | 'next-document-to-clean'
  | 'take-mine'
  | 'take-theirs'
  | 'take-both'
  | 'take-neither';

/**
 * Where a binding's keys work: everywhere a document is open (the default), or only while the
 * Cleanup tab's suggestion list has the focus (A there accepts the suggestion, not tag-all), or
 * the merge conflict queue (Teams: a sidecar a git merge left conflicts in).
 */
export type KeyScope = 'cleanup-list' | 'conflict-queue';

export interface KeyBinding {
  /**
   * The command the page runs; none for what the sheet only explains (the browser's own selection, the cleanup list's
   * keys).
   */
  command?: KeyCommand;
  /**
   * What presses it. 'label': a label's hotkey from tahrir.json (its digit, on the row or the
   * keypad); empty: not a window-wide shortcut.
   */
  chords: readonly Chord[] | 'label';
  /** As the shortcut sheet shows them. */
  keys: string;
  what: string;
  /** Only there (see KeyScope); everywhere when absent. */
  scope?: KeyScope;
  /** The desktop menu item sending this command, with its accelerator (Electron's syntax). */
  menu?: { command: MenuCommand; accelerator: string };
}

export const KEYMAP: readonly KeyBinding[] = [
  {
    command: 'tag',
    chords: 'label',
    keys: '1 … 7',
    what: 'Tag the selection with a label (hotkeys from tahrir.json), or relabel the selected entity',
  },
  {
    command: 'tag-exact',
    chords: 'label',
    keys: 'Alt + digit',
    what: 'Tag the exact characters selected (no snapping to whole words: clitics like و+بايدن)',
  },
  { command: 'quote', chords: [{ code: 'KeyQ' }], keys: 'Q', what: 'Mark the selection as a quote' },
  {
    command: 'speaker',
    chords: [{ code: 'KeyS' }],
    keys: 'S',
    what: 'Speaker of the selected quote: search entities or type a name',
  },
  {
    command: 'accept-speaker',
    chords: [{ key: 'Enter' }],
    keys: 'Enter',
    what: 'Accept the suggested speaker of the selected quote',
  },
  { command: 'quote-kind', chords: [{ code: 'KeyK' }], keys: 'K', what: 'Toggle the selected quote direct / indirect' },
  {
    command: 'link',
    chords: [{ code: 'KeyL' }],
    keys: 'L',
    what: 'Link field of the selected entity (knowledge-base id or canonical name)',
  },
  {
    command: 'tag-all',
    chords: [{ code: 'KeyA' }],
    keys: 'A',
    what: 'Tag all occurrences of the selected entity’s text',
  },
  {
    command: 'delete',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    keys: 'Delete / Backspace',
    what: 'Remove the selected entity or quote',
  },
  { chords: [], keys: 'Click a highlight', what: 'Select it; click again to cycle through nested spans' },
  { chords: [], keys: 'Shift + arrows', what: 'Select text with the keyboard (Ctrl + Shift + arrows: by word)' },
  {
    command: 'escape',
    chords: [{ key: 'Escape', alt: 'any' }],
    keys: 'Escape',
    what: 'Clear the selection, close search or a dialog',
  },
  {
    command: 'undo',
    chords: [
      { code: 'KeyZ', ctrl: true, shift: false },
      { key: 'z', ctrl: true, shift: false },
    ],
    keys: 'Ctrl + Z',
    what: 'Undo',
    menu: { command: 'undo', accelerator: 'CmdOrCtrl+Z' },
  },
  {
    command: 'redo',
    chords: [
      { code: 'KeyZ', ctrl: true, shift: true },
      { key: 'z', ctrl: true, shift: true },
      { code: 'KeyY', ctrl: true },
      { key: 'y', ctrl: true },
    ],
    keys: 'Ctrl + Shift + Z / Ctrl + Y',
    what: 'Redo',
    menu: { command: 'redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  },
  {
    command: 'find',
    chords: [
      { code: 'KeyF', ctrl: true },
      { key: 'f', ctrl: true },
    ],
    keys: 'Ctrl + F',
    what: 'Search the document (Arabic-normalized); Enter / Shift + Enter steps',
    menu: { command: 'find', accelerator: 'CmdOrCtrl+F' },
  },
  {
    command: 'done',
    chords: [{ code: 'KeyD', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + D',
    what: 'Mark the document done (again: back to in progress)',
  },
  {
    command: 'next-document',
    chords: [{ key: 'ArrowDown', alt: true, ctrl: 'any' }],
    keys: 'Alt + ↓ / Alt + ↑',
    what: 'Next / previous document',
    menu: { command: 'next-document', accelerator: 'Alt+Down' },
  },
  {
    command: 'previous-document',
    chords: [{ key: 'ArrowUp', alt: true, ctrl: 'any' }],
    keys: '',
    what: '',
    menu: { command: 'previous-document', accelerator: 'Alt+Up' },
  },
  {
    command: 'toggle-view',
    chords: [{ code: 'KeyT' }],
    keys: 'T',
    what: 'Show the clean text or the source text',
    menu: { command: 'toggle-clean-text', accelerator: 'T' },
  },
  {
    command: 'shortcuts',
    chords: [{ key: '?', alt: 'any' }],
    keys: '?',
    what: 'This sheet',
    menu: { command: 'shortcuts', accelerator: '?' },
  },
  {
    command: 'next-suggestion',
    scope: 'cleanup-list',
    chords: [
      { code: 'KeyJ', shift: false },
      { key: 'ArrowDown', shift: false },
    ],
    keys: 'J / K or ↓ / ↑',
    what: 'Cleanup list: next / previous suggestion (previewed in the text, with why it was made)',
  },
  {
    command: 'previous-suggestion',
    scope: 'cleanup-list',
    chords: [
      { code: 'KeyK', shift: false },
      { key: 'ArrowUp', shift: false },
    ],
    keys: '',
    what: '',
  },
  {
    command: 'accept-suggestion',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyA', shift: false }],
    keys: 'A',
    what: 'Cleanup list: accept the current suggestion (says how many entities and quotes it hides)',
  },
  {
    command: 'reject-suggestion',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyR', shift: false }],
    keys: 'R',
    what: 'Cleanup list: reject the current suggestion',
  },
  {
    command: 'accept-rule',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyA', shift: true }],
    keys: 'Shift + A',
    what: 'Cleanup list: accept every suggestion of the current rule',
  },
  {
    command: 'reject-rule',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyR', shift: true }],
    keys: 'Shift + R',
    what: 'Cleanup list: reject every suggestion of the current rule',
  },
  {
    command: 'next-document-to-clean',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyN', shift: false }],
    keys: 'N',
    what: 'Cleanup list: open the next document (in the list’s order) with suggestions open',
  },
  {
    command: 'take-mine',
    scope: 'conflict-queue',
    chords: [{ code: 'KeyM', shift: false }],
    keys: 'M / T / B / N',
    what: 'Merge conflicts: take mine / theirs / both / neither for the current conflict',
  },
  { command: 'take-theirs', scope: 'conflict-queue', chords: [{ code: 'KeyT', shift: false }], keys: '', what: '' },
  { command: 'take-both', scope: 'conflict-queue', chords: [{ code: 'KeyB', shift: false }], keys: '', what: '' },
  { command: 'take-neither', scope: 'conflict-queue', chords: [{ code: 'KeyN', shift: false }], keys: '', what: '' },
  {
    command: 'delete-boilerplate',
    chords: [{ key: 'Backspace', ctrl: true, shift: false }],
    keys: 'Ctrl + Backspace',
    what: 'Delete the selected clean text as boilerplate (an edit, undoable)',
  },
  {
    command: 'delete-typo',
    chords: [{ key: 'Backspace', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + Backspace',
    what: 'Delete the selected clean text as a typo',
  },
  {
    command: 'replace',
    chords: [{ code: 'KeyE', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + E',
    what: 'Replace the selected clean text (a field opens in the Cleanup tab)',
  },
  {
    command: 'insert-space',
    chords: [{ code: 'Space', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + Space',
    what: 'Insert a space at the caret (split glued words)',
  },
  {
    command: 'export',
    chords: [{ code: 'KeyE', ctrl: true, shift: false }],
    keys: 'Ctrl + E',
    what: 'Export… (the dataset dialog)',
    menu: { command: 'export', accelerator: 'CmdOrCtrl+E' },
  },
];

function modifier(want: boolean | 'any' | undefined, down: boolean): boolean {
  return want === 'any' || (want ?? false) === down;
}

export function chordMatches(chord: Chord, press: KeyPress): boolean {
  if (chord.code !== undefined && chord.code !== press.code) return false;
  if (chord.key !== undefined && chord.key !== press.key.toLowerCase() && chord.key !== press.key) return false;
  if (chord.shift !== undefined && chord.shift !== press.shiftKey) return false;
  return modifier(chord.ctrl, press.ctrlKey || press.metaKey) && modifier(chord.alt, press.altKey);
}

/**
 * The commands whose chords this press matches, in the keymap's order (label hotkeys are the
 * labels' to match). Inside a scope (`where`), its own bindings win: the others only when none of
 * its own matches.
 */
export function commandsFor(press: KeyPress, where?: KeyScope): KeyCommand[] {
  const matching = (scope: KeyScope | undefined): KeyCommand[] => {
    const out: KeyCommand[] = [];
    for (const b of KEYMAP)
      if (b.command && b.scope === scope && b.chords !== 'label' && b.chords.some((c) => chordMatches(c, press)))
        out.push(b.command);
    return out;
  };
  const own = where ? matching(where) : [];
  return own.length > 0 ? own : matching(undefined);
}

/** The accelerator the desktop menu shows for a command it sends. */
export function menuAccelerator(command: MenuCommand): string | undefined {
  return KEYMAP.find((b) => b.menu?.command === command)?.menu?.accelerator;
}

/** The shortcut sheet's rows: every binding with words of its own (Alt + ↑ shares the row of Alt + ↓, K that of J). */
export function shortcutSheet(): { keys: string; what: string }[] {
  return KEYMAP.filter((b) => b.keys !== '').map(({ keys, what }) => ({ keys, what }));
}
