// The application menu. Commands that act on the document go to the page as 'menu' events;
// keys the page handles itself are shown but not registered, so one key press never acts twice.
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';
import { menuAccelerator } from '../../shared/keymap';

export interface MenuActions {
  /** Folders of File → Open Recent, newest first. */
  recentWorkspaces: readonly string[];
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

function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
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
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent folders', enabled: false }];

  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        command('Export…', 'export', menuAccelerator('export')),
        command('Import…', 'import'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo and redo act on the document's annotations (the page's history), so the page decides.
        pageKey('Undo', 'undo'),
        pageKey('Redo', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        pageKey('Find…', 'find'),
      ],
    },
    {
      label: '&View',
      submenu: [
        pageKey('Done and Next', 'done-and-next'),
        pageKey('Next Document', 'next-document'),
        pageKey('Previous Document', 'previous-document'),
        pageKey('Toggle Clean / Source Text', 'toggle-clean-text'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.isDev
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        // "?" and "T" are typed in text fields too: the page handles them only outside fields.
        pageKey('Keyboard Shortcuts', 'shortcuts'),
        { type: 'separator' },
        { role: 'about' },
      ],
    },
  ];
}
