// The application menu. Commands that act on the document go to the page as 'menu' events;
// keys the page handles itself are shown but not registered, so one key press never acts twice.
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';
import { createTranslator, type Locale } from '../../shared/i18n/translator';
import { menuAccelerator } from '../../shared/keymap';

export interface MenuActions {
  /** Folders of File → Open Recent, newest first. */
  recentWorkspaces: readonly string[];
  /** The interface's language (from app.getLocale()): the menu's words are the catalogs'. */
  locale: Locale;
  /** Show Reload and the developer tools (not packaged). */
  isDev: boolean;
  sendCommand(command: MenuCommand): void;
  /** File → Open Folder…: the dialog, then the page is asked to open it. */
  openFolder(): void;
  openRecent(folder: string): void;
  clearRecent(): void;
}

export function setApplicationMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}

/** The menu as Electron builds it (exported for its test: every label in the interface's language). */
export function menuTemplate(actions: MenuActions, mac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  const t = createTranslator(actions.locale);
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.sendCommand(name),
  });
  // Keys the page handles itself (renderer/text/keyboard.ts, the same in a browser): the menu
  // shows them but does not register them, so one key press never acts twice. (macOS ignores
  // registerAccelerator, so there the menu leaves the key to the page and shows none.)
  // The keys are the keymap's (shared/keymap.ts), as the page's handler and its shortcut sheet have them.
  const pageKey = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    ...command(label, name, mac ? undefined : menuAccelerator(name)),
    registerAccelerator: false,
  });
  const recent: MenuItemConstructorOptions[] = actions.recentWorkspaces.length
    ? [
        ...actions.recentWorkspaces.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })),
        { type: 'separator' as const },
        { label: t('menu.clear-recent'), click: () => actions.clearRecent() },
      ]
    : [{ label: t('menu.no-recent'), enabled: false }];

  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.open-folder'), accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        { label: t('menu.open-recent'), submenu: recent },
        { type: 'separator' },
        command(t('menu.export'), 'export', menuAccelerator('export')),
        command(t('menu.import'), 'import'),
        command(t('menu.agreement'), 'agreement', menuAccelerator('agreement')),
        { type: 'separator' },
        pageKey(t('menu.sync'), 'sync'),
        { type: 'separator' },
        mac
          ? { role: 'close', label: t('menu.close') }
          : { role: 'quit', label: t('menu.quit'), accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        // Undo and redo act on the document's annotations (the page's history), so the page decides.
        pageKey(t('menu.undo'), 'undo'),
        pageKey(t('menu.redo'), 'redo'),
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.select-all') },
        { type: 'separator' },
        pageKey(t('menu.find'), 'find'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        pageKey(t('menu.done-and-next'), 'done-and-next'),
        pageKey(t('menu.next-document'), 'next-document'),
        pageKey(t('menu.previous-document'), 'previous-document'),
        pageKey(t('menu.toggle-clean-text'), 'toggle-clean-text'),
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.reset-zoom') },
        { role: 'zoomIn', label: t('menu.zoom-in') },
        { role: 'zoomOut', label: t('menu.zoom-out') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.full-screen') },
        ...(actions.isDev
          ? [
              { type: 'separator' as const },
              { role: 'reload' as const, label: t('menu.reload') },
              { role: 'toggleDevTools' as const, label: t('menu.dev-tools') },
            ]
          : []),
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        // "?" and "T" are typed in text fields too: the page handles them only outside fields.
        pageKey(t('menu.shortcuts'), 'shortcuts'),
        { type: 'separator' },
        { role: 'about', label: t('menu.about') },
      ],
    },
  ];
}
