// The appearance setting as this window keeps it: read from the browser's storage and put on <html> as data-theme /
// data-contrast, which app.css and the label styles follow. early.js puts it there before its first paint (else a
// reload in the dark theme or high contrast drew the first screen light, then switched when app.js's menu mounted);
// the appearance menu (ui/AppearanceMenu.tsx) changes it and follows the system's answers.
import { parseAppearance, resolveAppearance, type AppearanceSetting } from '../../shared/appearance';

const STORAGE_KEY = 'tahrir:appearance';

/** The media queries whose answers a "system" setting follows. */
export const SYSTEM_QUERIES = {
  dark: '(prefers-color-scheme: dark)',
  moreContrast: '(prefers-contrast: more)',
  forcedColors: '(forced-colors: active)',
} as const;

export function storedAppearance(): AppearanceSetting {
  try {
    return parseAppearance(localStorage.getItem(STORAGE_KEY));
  } catch {
    return parseAppearance(null); // storage refused (a locked-down browser): the system's choice
  }
}

export function keepAppearance(setting: AppearanceSetting): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(setting));
  } catch {
    // Not kept across restarts; this window still follows it.
  }
}

/** Puts the setting, as this system resolves it, on <html>. */
export function applyAppearance(setting: AppearanceSetting): void {
  const system = {
    dark: matchMedia(SYSTEM_QUERIES.dark).matches,
    moreContrast: matchMedia(SYSTEM_QUERIES.moreContrast).matches,
    forcedColors: matchMedia(SYSTEM_QUERIES.forcedColors).matches,
  };
  const { theme, contrast } = resolveAppearance(setting, system);
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.contrast = contrast;
}
