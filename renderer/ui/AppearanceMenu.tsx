// Appearance: light or dark (or as the system says), and high contrast (or as the system says:
// `prefers-contrast: more`, forced colours). The choice is kept in the browser's storage and put on
// <html> (session/appearance.ts; early.js puts it there before the first paint).
import { useEffect, useState, type ReactElement } from 'react';
import type { AppearanceSetting, ContrastSetting, ThemeSetting } from '../../shared/appearance';
import { applyAppearance, keepAppearance, storedAppearance, SYSTEM_QUERIES } from '../session/appearance';
import { useTranslator } from '../session/locale';
import { closingDetails } from './popover';

export function AppearanceMenu(): ReactElement {
  const t = useTranslator();
  const [setting, setSetting] = useState(storedAppearance);
  useEffect(() => {
    applyAppearance(setting);
    // The system's answers change (night mode, a contrast setting): follow them while the setting says "system".
    const lists = Object.values(SYSTEM_QUERIES).map((q) => matchMedia(q));
    const follow = (): void => applyAppearance(setting);
    for (const l of lists) l.addEventListener('change', follow);
    return () => {
      for (const l of lists) l.removeEventListener('change', follow);
    };
  }, [setting]);
  const change = (next: AppearanceSetting): void => {
    setSetting(next);
    keepAppearance(next);
  };
  return (
    <details className="appearance" data-testid="appearance" ref={closingDetails}>
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
