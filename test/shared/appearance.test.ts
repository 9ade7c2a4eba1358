// The appearance setting: stored leniently, and resolved against what the system asks for.
import { describe, expect, it } from 'vitest';
import { parseAppearance, resolveAppearance } from '../../shared/appearance';

const system = (over: Partial<{ dark: boolean; moreContrast: boolean; forcedColors: boolean }> = {}) => ({
  dark: false,
  moreContrast: false,
  forcedColors: false,
  ...over,
});

describe('appearance', () => {
  it('reads what was stored, and anything unreadable as "system"', () => {
    expect(parseAppearance('{"theme":"dark","contrast":"more"}')).toEqual({ theme: 'dark', contrast: 'more' });
    expect(parseAppearance(null)).toEqual({ theme: 'system', contrast: 'system' });
    expect(parseAppearance('not json')).toEqual({ theme: 'system', contrast: 'system' });
    expect(parseAppearance('{"theme":"purple","contrast":1}')).toEqual({ theme: 'system', contrast: 'system' });
    expect(parseAppearance('"dark"')).toEqual({ theme: 'system', contrast: 'system' });
    expect(parseAppearance('{"__proto__":{"theme":"dark"}}')).toEqual({ theme: 'system', contrast: 'system' });
  });

  it('"system" follows prefers-color-scheme, prefers-contrast: more and forced colours; a choice overrides them', () => {
    const auto = { theme: 'system', contrast: 'system' } as const;
    expect(resolveAppearance(auto, system())).toEqual({ theme: 'light', contrast: 'normal' });
    expect(resolveAppearance(auto, system({ dark: true }))).toEqual({ theme: 'dark', contrast: 'normal' });
    expect(resolveAppearance(auto, system({ moreContrast: true }))).toEqual({ theme: 'light', contrast: 'more' });
    expect(resolveAppearance(auto, system({ forcedColors: true }))).toEqual({ theme: 'light', contrast: 'more' });
    expect(
      resolveAppearance({ theme: 'light', contrast: 'normal' }, system({ dark: true, moreContrast: true })),
    ).toEqual({ theme: 'light', contrast: 'normal' });
    expect(resolveAppearance({ theme: 'dark', contrast: 'more' }, system())).toEqual({
      theme: 'dark',
      contrast: 'more',
    });
  });
});
