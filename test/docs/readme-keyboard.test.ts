// The README's Keyboard section says what the keys do, as the keymap has them (issue 19: it said
// "hold Alt to keep exact characters", but only Alt + a label's digit tags the exact characters;
// Alt held while dragging does nothing of the kind).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../shared/keymap';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const keyboard = readme.slice(
  readme.indexOf('## Keyboard'),
  readme.indexOf('\n## ', readme.indexOf('## Keyboard') + 1),
);

describe('README: Keyboard', () => {
  it('names exact-character tagging by its key, Alt + the digit, and promises no Alt held during the drag', () => {
    expect(KEYMAP.find((b) => b.command === 'tag-exact')?.keys).toBe('Alt + digit');
    expect(keyboard).not.toMatch(/hold(ing)? Alt/i);
    expect(keyboard).toMatch(/Alt \+ the digit tags the exact characters/);
  });

  it('names only letter keys the keymap has', () => {
    const letters = [...keyboard.matchAll(/`([A-Z])`/g)].map((m) => m[1]);
    expect(letters.length).toBeGreaterThan(3);
    for (const letter of letters)
      expect(
        KEYMAP.some((b) => b.chords !== 'label' && b.chords.some((c) => c.code === `Key${letter}`)),
        letter,
      ).toBe(true);
  });
});
