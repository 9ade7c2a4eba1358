// The desktop menu speaks the interface's language (issue 19, the Arabic interface): every label,
// roles included, from the catalogs; the accelerators stay the keymap's.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { AR } from '../../shared/i18n/ar';
import { EN } from '../../shared/i18n/en';

vi.mock('electron', () => ({ Menu: {} })); // Electron's binary is not here; the template is plain data
const { menuTemplate } = await import('../../electron/desktop/app-menu');

const actions = {
  recentWorkspaces: [] as string[],
  isDev: true,
  sendCommand: () => undefined,
  openFolder: () => undefined,
  openRecent: () => undefined,
  clearRecent: () => undefined,
};

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.label !== undefined ? [i.label] : i.type === 'separator' || i.role === 'appMenu' ? [] : [`(${i.role})`]),
    ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
  ]);
}

describe('desktop menu', () => {
  it('labels every item in Arabic for an Arabic system, with the same accelerators', () => {
    for (const mac of [false, true]) {
      const ar = menuTemplate({ ...actions, locale: 'ar' }, mac);
      const en = menuTemplate({ ...actions, locale: 'en' }, mac);
      const arabic = new Set(Object.values(AR));
      expect(labels(ar).filter((l) => !arabic.has(l))).toEqual([]);
      const english = new Set<string>(Object.values(EN));
      expect(labels(en).filter((l) => !english.has(l))).toEqual([]);
      expect(ar.map((m) => m.label)).toEqual(
        mac ? [undefined, '&ملف', '&تحرير', '&عرض', '&مساعدة'] : ['&ملف', '&تحرير', '&عرض', '&مساعدة'],
      );
      const accelerators = (items: MenuItemConstructorOptions[]): unknown[] =>
        items.flatMap((i) => [i.accelerator, ...(Array.isArray(i.submenu) ? accelerators(i.submenu) : [])]);
      expect(accelerators(ar)).toEqual(accelerators(en));
    }
  });
});
