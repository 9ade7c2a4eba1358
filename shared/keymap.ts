// The one keymap: every shortcut's keys, what the shortcut sheet (?) says of it, and the desktop
// menu's accelerator for the commands the menu also has. The page's key handler
// (renderer/text/keyboard.ts) finds a command here and runs its handler; electron/main.ts takes
// the menu's accelerators from here. Letter shortcuts match the physical key (event.code), so
// they work the same with an Arabic keyboard layout.
import type { MenuCommand } from './api';
import type { MessageKey, Translator } from './i18n/translator';

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
  | 'done-and-next'
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
  | 'next-annotation-suggestion'
  | 'previous-annotation-suggestion'
  | 'accept-annotation-suggestion'
  | 'reject-annotation-suggestion'
  | 'accept-all-of-label'
  | 'accept-all-of-source'
  | 'take-mine'
  | 'take-theirs'
  | 'take-both'
  | 'take-neither'
  | 'take-version'
  | 'agreement'
  | 'sync';

/**
 * Where a binding's keys work: everywhere a document is open (the default), or only while the
 * Cleanup tab's suggestion list has the focus (A there accepts the suggestion, not tag-all), or
 * the merge conflict queue (Teams: a sidecar a git merge left conflicts in), which a curation with
 * differences to settle shares: one concept (take a side, both, neither), one set of keys.
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
  /** As the shortcut sheet shows them (key names, the same in every language). */
  keys: string;
  /** The message the sheet shows instead of `keys`, when they are words ("Click a highlight"). */
  keysSaid?: MessageKey;
  /** The sheet's words for it (a message of the catalogs); '' when it shares the row above. */
  what: MessageKey | '';
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
    what: 'keys.tag',
  },
  {
    command: 'tag-exact',
    chords: 'label',
    keys: 'Alt + digit',
    keysSaid: 'keys.tag-exact.keys',
    what: 'keys.tag-exact',
  },
  { command: 'quote', chords: [{ code: 'KeyQ' }], keys: 'Q', what: 'keys.quote' },
  {
    command: 'speaker',
    chords: [{ code: 'KeyS' }],
    keys: 'S',
    what: 'keys.speaker',
  },
  {
    command: 'accept-speaker',
    chords: [{ key: 'Enter' }],
    keys: 'Enter',
    what: 'keys.accept-speaker',
  },
  { command: 'quote-kind', chords: [{ code: 'KeyK' }], keys: 'K', what: 'keys.quote-kind' },
  {
    command: 'link',
    chords: [{ code: 'KeyL' }],
    keys: 'L',
    what: 'keys.link',
  },
  {
    command: 'tag-all',
    chords: [{ code: 'KeyA' }],
    keys: 'A',
    what: 'keys.tag-all',
  },
  {
    command: 'delete',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    keys: 'Delete / Backspace',
    what: 'keys.delete',
  },
  { chords: [], keys: 'Click a highlight', keysSaid: 'keys.click.keys', what: 'keys.click' },
  { chords: [], keys: 'Shift + arrows', keysSaid: 'keys.shift-arrows.keys', what: 'keys.shift-arrows' },
  {
    command: 'escape',
    chords: [{ key: 'Escape', alt: 'any' }],
    keys: 'Escape',
    what: 'keys.escape',
  },
  {
    command: 'undo',
    chords: [
      { code: 'KeyZ', ctrl: true, shift: false },
      { key: 'z', ctrl: true, shift: false },
    ],
    keys: 'Ctrl + Z',
    what: 'keys.undo',
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
    what: 'keys.redo',
    menu: { command: 'redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  },
  {
    command: 'find',
    chords: [
      { code: 'KeyF', ctrl: true },
      { key: 'f', ctrl: true },
    ],
    keys: 'Ctrl + F',
    what: 'keys.find',
    menu: { command: 'find', accelerator: 'CmdOrCtrl+F' },
  },
  {
    command: 'done',
    chords: [{ code: 'KeyD', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + D',
    what: 'keys.done',
  },
  {
    command: 'done-and-next',
    chords: [{ key: 'Enter', ctrl: true, shift: false }],
    keys: 'Ctrl + Enter',
    what: 'keys.done-and-next',
    menu: { command: 'done-and-next', accelerator: 'CmdOrCtrl+Enter' },
  },
  {
    command: 'next-document',
    chords: [{ key: 'ArrowDown', alt: true, ctrl: 'any' }],
    keys: 'Alt + ↓ / Alt + ↑',
    what: 'keys.next-document',
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
    what: 'keys.toggle-view',
    menu: { command: 'toggle-clean-text', accelerator: 'T' },
  },
  {
    command: 'shortcuts',
    // ؟ is Shift + / on an Arabic layout (its / key types ظ): the same physical key as ?.
    chords: [
      { key: '?', alt: 'any' },
      { key: '؟', alt: 'any' },
    ],
    keys: '?',
    what: 'keys.shortcuts',
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
    keysSaid: 'keys.next-suggestion.keys',
    what: 'keys.next-suggestion',
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
    what: 'keys.accept-suggestion',
  },
  {
    command: 'reject-suggestion',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyR', shift: false }],
    keys: 'R',
    what: 'keys.reject-suggestion',
  },
  {
    command: 'accept-rule',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyA', shift: true }],
    keys: 'Shift + A',
    what: 'keys.accept-rule',
  },
  {
    command: 'reject-rule',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyR', shift: true }],
    keys: 'Shift + R',
    what: 'keys.reject-rule',
  },
  {
    command: 'next-document-to-clean',
    scope: 'cleanup-list',
    chords: [{ code: 'KeyN', shift: false }],
    keys: 'N',
    what: 'keys.next-document-to-clean',
  },
  {
    command: 'next-annotation-suggestion',
    chords: [{ code: 'KeyN', shift: false }],
    keys: 'N / Shift + N',
    what: 'keys.next-annotation-suggestion',
  },
  {
    command: 'previous-annotation-suggestion',
    chords: [{ code: 'KeyN', shift: true }],
    keys: '',
    what: '',
  },
  {
    command: 'accept-annotation-suggestion',
    chords: [{ code: 'KeyY', shift: false }],
    keys: 'Y',
    what: 'keys.accept-annotation-suggestion',
  },
  {
    command: 'reject-annotation-suggestion',
    chords: [{ code: 'KeyX', shift: false }],
    keys: 'X',
    what: 'keys.reject-annotation-suggestion',
  },
  {
    command: 'accept-all-of-label',
    chords: [{ code: 'KeyY', shift: true }],
    keys: 'Shift + Y',
    what: 'keys.accept-all-of-label',
  },
  {
    command: 'accept-all-of-source',
    chords: [{ code: 'KeyY', alt: true, shift: false }],
    keys: 'Alt + Y',
    what: 'keys.accept-all-of-source',
  },
  {
    command: 'take-mine',
    scope: 'conflict-queue',
    chords: [{ code: 'KeyM', shift: false }],
    keys: 'M / T / B / N',
    what: 'keys.take-conflict',
  },
  { command: 'take-theirs', scope: 'conflict-queue', chords: [{ code: 'KeyT', shift: false }], keys: '', what: '' },
  { command: 'take-both', scope: 'conflict-queue', chords: [{ code: 'KeyB', shift: false }], keys: '', what: '' },
  { command: 'take-neither', scope: 'conflict-queue', chords: [{ code: 'KeyN', shift: false }], keys: '', what: '' },
  {
    command: 'take-version',
    scope: 'conflict-queue',
    chords: [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [
      { code: `Digit${n}`, shift: false },
      { code: `Numpad${n}`, shift: false },
    ]),
    keys: '1 … 9',
    what: 'keys.take-version',
  },
  {
    command: 'agreement',
    chords: [{ code: 'KeyG', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + G',
    what: 'keys.agreement',
    menu: { command: 'agreement', accelerator: 'CmdOrCtrl+Shift+G' },
  },
  {
    command: 'delete-boilerplate',
    chords: [{ key: 'Backspace', ctrl: true, shift: false }],
    keys: 'Ctrl + Backspace',
    what: 'keys.delete-boilerplate',
  },
  {
    command: 'delete-typo',
    chords: [{ key: 'Backspace', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + Backspace',
    what: 'keys.delete-typo',
  },
  {
    command: 'replace',
    chords: [{ code: 'KeyE', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + E',
    what: 'keys.replace',
  },
  {
    command: 'insert-space',
    chords: [{ code: 'Space', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + Space',
    what: 'keys.insert-space',
  },
  {
    command: 'export',
    chords: [{ code: 'KeyE', ctrl: true, shift: false }],
    keys: 'Ctrl + E',
    what: 'keys.export',
    menu: { command: 'export', accelerator: 'CmdOrCtrl+E' },
  },
  {
    command: 'sync',
    chords: [{ code: 'KeyS', ctrl: true, shift: true }],
    keys: 'Ctrl + Shift + S',
    what: 'keys.sync',
    menu: { command: 'sync', accelerator: 'CmdOrCtrl+Shift+S' },
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

/**
 * The label whose hotkey (tahrir.json) this press is: a digit on the row or the keypad, a Latin
 * letter by its physical key (so "p" is still P where an Arabic layout types ح), else the character.
 */
export function labelOfPress<L extends { hotkey?: string }>(press: KeyPress, labels: readonly L[]): L | undefined {
  const digit = /^(Digit|Numpad)(\d)$/.exec(press.code)?.[2];
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1].toLowerCase();
  return labels.find(
    (l) =>
      l.hotkey !== undefined &&
      (l.hotkey === press.key || l.hotkey === digit || (letter !== undefined && l.hotkey.toLowerCase() === letter)),
  );
}

/** The accelerator the desktop menu shows for a command it sends. */
export function menuAccelerator(command: MenuCommand): string | undefined {
  return KEYMAP.find((b) => b.menu?.command === command)?.menu?.accelerator;
}

/**
 * The shortcut sheet's rows, in the language of `t`: every binding with words of its own (Alt + ↑
 * shares the row of Alt + ↓, K that of J).
 */
export function shortcutSheet(t: Translator): { keys: string; what: string }[] {
  return KEYMAP.filter((b) => b.keys !== '' && b.what !== '').map((b) => ({
    keys: b.keysSaid ? t(b.keysSaid) : b.keys,
    what: t(b.what as MessageKey),
  }));
}
