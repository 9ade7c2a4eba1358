// The one keymap drives the page's key handler, the desktop menu's accelerators and the shortcut
// sheet: a press finds one command, the menu shows keys the page really handles, the sheet lists
// every command.
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api';
import { createTranslator } from '../../shared/i18n/translator';
import {
  commandsFor,
  KEYMAP,
  labelOfPress,
  menuAccelerator,
  shortcutSheet,
  type Chord,
  type KeyPress,
} from '../../shared/keymap';

const press = (p: Partial<KeyPress>): KeyPress => ({
  code: '',
  key: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...p,
});

/** Presses a chord stands for (Shift either way when the chord leaves it open). */
function pressesOf(chord: Chord): KeyPress[] {
  const key =
    chord.key ??
    (chord.code?.startsWith('Key') ? chord.code.slice(3).toLowerCase() : chord.code === 'Space' ? ' ' : '');
  const code = chord.code ?? '';
  const shifts = chord.shift === undefined ? [false, true] : [chord.shift];
  return shifts.map((shiftKey) =>
    press({ code, key, shiftKey, ctrlKey: chord.ctrl === true, altKey: chord.alt === true }),
  );
}

/** An Electron accelerator as the key press it names. */
function pressOfAccelerator(accelerator: string): KeyPress {
  const parts = accelerator.split('+');
  const last = parts.at(-1)!;
  const key =
    last === 'Down' ? 'ArrowDown' : last === 'Up' ? 'ArrowUp' : last === 'Enter' ? 'Enter' : last.toLowerCase();
  const code = /^[A-Z]$/.test(last) ? `Key${last}` : '';
  return press({
    code,
    key,
    ctrlKey: parts.includes('CmdOrCtrl'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  });
}

describe('keymap', () => {
  it('finds the command of a press, by the physical key on any layout', () => {
    expect(commandsFor(press({ code: 'KeyZ', key: 'z', ctrlKey: true }))).toEqual(['undo']);
    expect(commandsFor(press({ code: 'KeyZ', key: 'Z', ctrlKey: true, shiftKey: true }))).toEqual(['redo']);
    expect(commandsFor(press({ code: 'KeyY', key: 'y', metaKey: true }))).toEqual(['redo']);
    expect(commandsFor(press({ code: 'KeyQ', key: 'ض' }))).toEqual(['quote']); // Arabic layout: Q is ض
    expect(commandsFor(press({ code: 'KeyE', key: 'ث', ctrlKey: true }))).toEqual(['export']);
    expect(commandsFor(press({ code: 'KeyE', key: 'E', ctrlKey: true, shiftKey: true }))).toEqual(['replace']);
    expect(commandsFor(press({ code: 'Backspace', key: 'Backspace' }))).toEqual(['delete']);
    expect(commandsFor(press({ code: 'Backspace', key: 'Backspace', ctrlKey: true, shiftKey: true }))).toEqual([
      'delete-typo',
    ]);
    expect(commandsFor(press({ code: 'ArrowDown', key: 'ArrowDown', altKey: true }))).toEqual(['next-document']);
    expect(commandsFor(press({ code: 'Slash', key: '?', shiftKey: true }))).toEqual(['shortcuts']);
    // Arabic layout: Shift + the same key types ؟ (and Q types ض, Ctrl+Z is Ctrl+ئ).
    expect(commandsFor(press({ code: 'Slash', key: '؟', shiftKey: true }))).toEqual(['shortcuts']);
    expect(commandsFor(press({ code: 'KeyZ', key: 'ئ', ctrlKey: true }))).toEqual(['undo']);
    expect(commandsFor(press({ code: 'KeyF', key: 'ب', ctrlKey: true }))).toEqual(['find']);
    expect(commandsFor(press({ code: 'KeyD', key: 'ي', ctrlKey: true, shiftKey: true }))).toEqual(['done']);
    expect(commandsFor(press({ code: 'KeyQ', key: 'q', altKey: true }))).toEqual([]); // Alt+Q is nothing
    expect(commandsFor(press({ code: 'KeyX', key: 'x', ctrlKey: true }))).toEqual([]);
    expect(commandsFor(press({ code: 'KeyX', key: 'ء' }))).toEqual(['reject-annotation-suggestion']); // Arabic layout: X is ء
    expect(commandsFor(press({ code: 'Enter', key: 'Enter', ctrlKey: true }))).toEqual(['done-and-next']);
    expect(commandsFor(press({ code: 'NumpadEnter', key: 'Enter', metaKey: true }))).toEqual(['done-and-next']);
    expect(commandsFor(press({ code: 'Enter', key: 'Enter' }))).toEqual(['accept-speaker']);
  });

  it('never gives one press two commands', () => {
    for (const binding of KEYMAP) {
      if (binding.chords === 'label') continue;
      for (const chord of binding.chords)
        for (const p of pressesOf(chord))
          expect([binding.command, commandsFor(p, binding.scope)]).toEqual([binding.command, [binding.command]]);
    }
  });

  it('gives the menu the keys the page handles for the same command', () => {
    const pageKeys: MenuCommand[] = [
      'undo',
      'redo',
      'find',
      'done-and-next',
      'next-document',
      'previous-document',
      'toggle-clean-text',
      'shortcuts',
      'export',
    ];
    for (const command of pageKeys) {
      const binding = KEYMAP.find((b) => b.menu?.command === command)!;
      expect(menuAccelerator(command)).toBe(binding.menu!.accelerator);
      expect(commandsFor(pressOfAccelerator(binding.menu!.accelerator))).toEqual([binding.command]);
    }
    expect(menuAccelerator('import')).toBeUndefined();
  });

  it('lists every command in the shortcut sheet', () => {
    const sheet = shortcutSheet(createTranslator('en'));
    expect(sheet.every((row) => row.keys && row.what)).toBe(true);
    for (const binding of KEYMAP)
      if (
        binding.command &&
        binding.keys !== '' &&
        !['previous-document', 'previous-suggestion', 'previous-annotation-suggestion'].includes(binding.command)
      )
        expect(sheet.map((r) => r.keys)).toContain(binding.keys);
    expect(sheet.map((r) => r.keys)).toContain('Alt + ↓ / Alt + ↑'); // previous-document shares that row
    expect(sheet.map((r) => r.keys)).toContain('J / K or ↓ / ↑'); // previous-suggestion shares that row
    expect(sheet.map((r) => r.keys)).toContain('N / Shift + N'); // previous-annotation-suggestion shares that row
    expect(sheet.map((r) => r.keys)).toContain('M / T / B / N'); // take theirs / both / neither share take mine's
  });

  it('reviews entity and quote suggestions with N, Y, X (the physical keys), Shift + Y and Alt + Y', () => {
    expect(commandsFor(press({ code: 'KeyY', key: 'غ' }))).toEqual(['accept-annotation-suggestion']); // Arabic layout
    expect(commandsFor(press({ code: 'KeyY', key: 'Y', shiftKey: true }))).toEqual(['accept-all-of-label']);
    expect(commandsFor(press({ code: 'KeyY', key: 'y', altKey: true }))).toEqual(['accept-all-of-source']);
    expect(commandsFor(press({ code: 'KeyY', key: 'y', ctrlKey: true }))).toEqual(['redo']);
  });

  it('finds a label by its hotkey on the same physical key with an Arabic layout', () => {
    const labels = [
      { name: 'PERSON', hotkey: '1' },
      { name: 'PRODUCT', hotkey: 'p' },
    ];
    expect(labelOfPress(press({ code: 'Digit1', key: '1' }), labels)?.name).toBe('PERSON');
    expect(labelOfPress(press({ code: 'Digit1', key: '١' }), labels)?.name).toBe('PERSON'); // Arabic-Indic digit row
    expect(labelOfPress(press({ code: 'Numpad1', key: '1' }), labels)?.name).toBe('PERSON');
    expect(labelOfPress(press({ code: 'KeyP', key: 'ح' }), labels)?.name).toBe('PRODUCT'); // Arabic layout: P types ح
    expect(labelOfPress(press({ code: 'KeyO', key: 'خ' }), labels)).toBeUndefined();
  });

  it('gives the sheet in either language, every row with words', () => {
    for (const locale of ['en', 'ar'] as const) {
      const sheet = shortcutSheet(createTranslator(locale));
      expect(sheet.length).toBe(KEYMAP.filter((b) => b.what !== '').length);
      expect(sheet.every((row) => row.keys && row.what)).toBe(true);
    }
    const ar = shortcutSheet(createTranslator('ar'));
    expect(ar.find((r) => r.keys === 'Q')?.what).toBe('تعليم التحديد اقتباسًا');
    expect(ar.map((r) => r.keys)).toContain('Alt + رقم');
  });

  it('gives the merge conflict queue its own keys: M / T / B / N (physical keys, so an Arabic layout works)', () => {
    const queue = 'conflict-queue' as const;
    expect(commandsFor(press({ code: 'KeyM', key: 'ة' }), queue)).toEqual(['take-mine']);
    expect(commandsFor(press({ code: 'KeyT', key: 'ف' }), queue)).toEqual(['take-theirs']);
    expect(commandsFor(press({ code: 'KeyB', key: 'لا' }), queue)).toEqual(['take-both']);
    expect(commandsFor(press({ code: 'KeyN', key: 'ى' }), queue)).toEqual(['take-neither']);
    expect(commandsFor(press({ code: 'KeyT', key: 't' }))).toEqual(['toggle-view']); // elsewhere as before
  });

  it('gives the cleanup list its own review keys, the others going on as anywhere else', () => {
    const list = 'cleanup-list' as const;
    expect(commandsFor(press({ code: 'KeyA', key: 'a' }), list)).toEqual(['accept-suggestion']);
    expect(commandsFor(press({ code: 'KeyA', key: 'a' }))).toEqual(['tag-all']); // in the text
    expect(commandsFor(press({ code: 'KeyA', key: 'ش', shiftKey: true }), list)).toEqual(['accept-rule']); // Arabic layout
    expect(commandsFor(press({ code: 'KeyR', key: 'r' }), list)).toEqual(['reject-suggestion']);
    expect(commandsFor(press({ code: 'KeyR', key: 'R', shiftKey: true }), list)).toEqual(['reject-rule']);
    expect(commandsFor(press({ code: 'KeyJ', key: 'j' }), list)).toEqual(['next-suggestion']);
    expect(commandsFor(press({ code: 'ArrowUp', key: 'ArrowUp' }), list)).toEqual(['previous-suggestion']);
    expect(commandsFor(press({ code: 'KeyK', key: 'k' }), list)).toEqual(['previous-suggestion']);
    expect(commandsFor(press({ code: 'KeyK', key: 'k' }))).toEqual(['quote-kind']);
    expect(commandsFor(press({ code: 'KeyN', key: 'n' }), list)).toEqual(['next-document-to-clean']);
    expect(commandsFor(press({ code: 'KeyN', key: 'n' }))).toEqual(['next-annotation-suggestion']); // in the text
    expect(commandsFor(press({ code: 'KeyN', key: 'N', shiftKey: true }))).toEqual(['previous-annotation-suggestion']);
    expect(commandsFor(press({ code: 'KeyZ', key: 'z', ctrlKey: true }), list)).toEqual(['undo']);
    expect(commandsFor(press({ code: 'ArrowDown', key: 'ArrowDown', altKey: true }), list)).toEqual(['next-document']);
  });
});
