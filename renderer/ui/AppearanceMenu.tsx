// Appearance: light or dark (or as the system says), and high contrast (or as the system says:
// `prefers-contrast: more`, forced colours). The choice is kept in the browser's storage and put on
// <html> as data-theme / data-contrast, which app.css and the label styles follow.
import { useEffect, useState, type ReactElement } from 'react';
import {
  parseAppearance,
  resolveAppearance,
  type AppearanceSetting,
  type ContrastSetting,
  type ThemeSetting,
} from '../../shared/appearance';
import { useTranslator } from '../session/locale';

const STORAGE_KEY = 'tahrir:appearance';
const QUERIES = {
  dark: '(prefers-color-scheme: dark)',
  moreContrast: '(prefers-contrast: more)',
  forcedColors: '(forced-colors: active)',
} as const;

function storedSetting(): AppearanceSetting {
  try {
    return parseAppearance(localStorage.getItem(STORAGE_KEY));
  } catch {
    return parseAppearance(null); // storage refused (a locked-down browser): the system's choice
  }
}

/** Puts the setting, as this system resolves it, on <html>. */
function apply(setting: AppearanceSetting): void {
  const system = {
    dark: matchMedia(QUERIES.dark).matches,
    moreContrast: matchMedia(QUERIES.moreContrast).matches,
    forcedColors: matchMedia(QUERIES.forcedColors).matches,
  };
  const { theme, contrast } = resolveAppearance(setting, system);
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.contrast = contrast;
}

export function AppearanceMenu(): ReactElement {
  const t = useTranslator();
  const [setting, setSetting] = useState(storedSetting);
  useEffect(() => {
    apply(setting);
    // The system's answers change (night mode, a contrast setting): follow them while the setting says "system".
    const lists = Object.values(QUERIES).map((q) => matchMedia(q));
    const follow = (): void => apply(setting);
    for (const l of lists) l.addEventListener('change', follow);
    return () => {
      for (const l of lists) l.removeEventListener('change', follow);
    };
  }, [setting]);
  const change = (next: AppearanceSetting): void => {
    setSetting(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not kept across restarts; this window still follows it.
    }
  };
  return (
    <details className="appearance" data-testid="appearance">
      <summary className="appearance-summary" title={t('appearance.title')}>
        {t('appearance.summary')}
      </summary>
      <div className="appearance-panel">
        <label>
          <span>{t('appearance.theme')}</span>
          <select
            data-testid="theme-select"
            value={setting.theme}
            onChange={(e) => change({ ...setting, theme: e.target.value as ThemeSetting })}
          >
            <option value="system">{t('appearance.system')}</option>
            <option value="light">{t('appearance.light')}</option>
            <option value="dark">{t('appearance.dark')}</option>
          </select>
        </label>
        <label>
          <span>{t('appearance.contrast')}</span>
          <select
            data-testid="contrast-select"
            value={setting.contrast}
            onChange={(e) => change({ ...setting, contrast: e.target.value as ContrastSetting })}
          >
            <option value="system">{t('appearance.system')}</option>
            <option value="more">{t('appearance.more')}</option>
            <option value="normal">{t('appearance.normal')}</option>
          </select>
        </label>
      </div>
    </details>
  );
}
