// The appearance setting (theme and contrast) and what it comes to on this system: "system"
// follows the system's `prefers-color-scheme`, and its `prefers-contrast: more` or forced colours.
// Kept by the renderer in the browser's storage; read back leniently (an unknown value is "system").

export type ThemeSetting = 'system' | 'light' | 'dark';
export type ContrastSetting = 'system' | 'more' | 'normal';

export interface AppearanceSetting {
  theme: ThemeSetting;
  contrast: ContrastSetting;
}

/** What the system asks for (the media queries' answers). */
export interface SystemAppearance {
  dark: boolean;
  moreContrast: boolean;
  forcedColors: boolean;
}

export interface Appearance {
  theme: 'light' | 'dark';
  contrast: 'normal' | 'more';
}

export const DEFAULT_APPEARANCE: AppearanceSetting = { theme: 'system', contrast: 'system' };

const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];
const CONTRASTS: readonly ContrastSetting[] = ['system', 'more', 'normal'];

/** The stored setting's text (JSON), or the default for anything missing or unreadable. */
export function parseAppearance(text: string | null): AppearanceSetting {
  let value: unknown = null;
  try {
    value = text ? JSON.parse(text) : null;
  } catch {
    value = null;
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    theme: THEMES.find((t) => t === v.theme) ?? 'system',
    contrast: CONTRASTS.find((c) => c === v.contrast) ?? 'system',
  };
}

export function resolveAppearance(setting: AppearanceSetting, system: SystemAppearance): Appearance {
  return {
    theme: setting.theme === 'system' ? (system.dark ? 'dark' : 'light') : setting.theme,
    // Forced colours: the system's own palette takes the chrome; the labels keep their high-contrast colours.
    contrast:
      setting.contrast === 'more' || (setting.contrast === 'system' && (system.moreContrast || system.forcedColors))
        ? 'more'
        : 'normal',
  };
}
