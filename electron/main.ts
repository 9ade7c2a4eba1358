// The desktop app's main process: its lifetime (one instance, start, quit) and the open
// workspace (its Backend), wired to the window, the menu and IPC. The parts live in desktop/:
// the app:// scheme (app-protocol.ts), Electron's security checklist (hardening.ts), the window
// (main-window.ts, window-state.ts), the menu (app-menu.ts), the dialogs (dialogs.ts) and the
// folders and paths the page may name (folder-grants.ts).
import { app, dialog, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TahrirEvent, WorkspaceInfo } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { Backend } from './backend';
import { DesktopSettingsFile, rememberWorkspace } from './desktop-settings';
import type { DesktopSettings } from './desktop-settings';
import { setApplicationMenu } from './desktop/app-menu';
import { chooseLocale } from '../shared/i18n/translator';
import { registerAppScheme, serveRendererFiles } from './desktop/app-protocol';
import { chooseExportDestination, chooseFolder, chooseImportSource } from './desktop/dialogs';
import { FolderGrants, folderFromArgs, isFolder } from './desktop/folder-grants';
import { harden } from './desktop/hardening';
import { createMainWindow } from './desktop/main-window';
import { rememberWindowState, restoredBounds } from './desktop/window-state';
import { apiHandlers } from './host-policy';
import type { HostOperations } from './host-policy';
import { registerIpcHandlers, sendEvent } from './ipc';
import type { IpcHandlers } from './ipc';

/** How long quitting waits for IPC calls in flight (a save being written). */
const QUIT_GRACE_MS = 5_000;

const rendererDir = join(__dirname, 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const bundledSeeds = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(__dirname, '..', 'seeds');
/**
 * The sample workspace: the repository's seeds/ in development; packaged, a writable copy in userData (resources are
 * read-only).
 */
let seedsDir = bundledSeeds;

registerAppScheme();
app.enableSandbox();
// Tests run the app with a throwaway profile (recent folders, window bounds).
if (process.env.TAHRIR_USER_DATA) app.setPath('userData', resolve(process.env.TAHRIR_USER_DATA));

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let workspaceRoot = '';
let unsubscribeBackend: () => void = () => {};
let settings: DesktopSettings = { recentWorkspaces: [] };
let settingsFile: DesktopSettingsFile;
let ipc: IpcHandlers | null = null;
const grants = new FolderGrants();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const folder = folderFromArgs(argv, workingDirectory, app.getAppPath());
    if (folder) askToOpen(folder);
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  settingsFile = new DesktopSettingsFile(join(app.getPath('userData'), 'settings.json'));
  settings = await settingsFile.load();
  for (const folder of settings.recentWorkspaces) grants.grantFolder(folder);
  harden();
  serveRendererFiles(rendererDir);

  if (app.isPackaged) {
    seedsDir = join(app.getPath('userData'), 'seeds');
    if (!isFolder(seedsDir))
      await cp(bundledSeeds, seedsDir, { recursive: true }).catch(() => (seedsDir = bundledSeeds));
  }
  const fromCommandLine = folderFromArgs(process.argv, process.cwd(), app.getAppPath());
  const candidates = [fromCommandLine, settings.recentWorkspaces[0], seedsDir].filter(
    (f): f is string => !!f && isFolder(f),
  );
  let opened = false;
  for (const folder of candidates) {
    try {
      // Not listed here: the window opens at once, and the page's first getWorkspace takes the
      // listing begun now (a list of 100,000 documents is walked while the window loads).
      await useWorkspace(await Backend.openListing(resolve(folder)));
      opened = true;
      break;
    } catch (error) {
      console.error(`tahrir: cannot open ${folder}: ${(error as Error).message}`);
    }
  }
  if (!opened)
    throw new TahrirError('not-found', `no workspace could be opened (tried ${candidates.join(', ') || 'nothing'})`);

  ipc = registerIpcHandlers({
    window: () => mainWindow,
    handlers: apiHandlers({
      backend: currentBackend,
      operations: hostOperations(),
      isGrantedPath: (path) => grants.isGrantedPath(path),
    }),
  });
  buildMenu();
  createWindow();
}

function currentBackend(): Backend {
  if (!backend) throw new TahrirError('not-found', 'no workspace is open');
  return backend;
}

async function switchWorkspace(folder: string): Promise<WorkspaceInfo> {
  const next = await Backend.open(resolve(folder));
  const info = await next.getWorkspace().catch(async (error: unknown) => {
    await next.close();
    throw error;
  });
  await useWorkspace(next);
  mainWindow?.setTitle(`${info.name} — Tahrir`);
  return info;
}

/** `next` becomes the open workspace (its events to the window); the one before is closed. */
async function useWorkspace(next: Backend): Promise<void> {
  const root = next.root;
  const previous = backend;
  unsubscribeBackend();
  backend = next;
  workspaceRoot = root;
  unsubscribeBackend = next.onEvent((event: TahrirEvent) => sendEvent(mainWindow, event));
  await previous?.close();
  grants.grantFolder(root);
  if (root !== resolve(seedsDir)) {
    settings.recentWorkspaces = rememberWorkspace(settings.recentWorkspaces, root);
    await saveSettings();
    if (ipc) buildMenu();
  }
}

/** What the desktop answers itself; the rest goes to the workspace's Backend (host-policy.ts). */
function hostOperations(): HostOperations {
  return {
    async openWorkspace(path: string) {
      const root = resolve(path);
      if (!grants.isGrantedFolder(root)) {
        throw new TahrirError(
          'outside-workspace',
          `${path}: Tahrir opens only folders chosen with File → Open Folder… or from the recent list`,
        );
      }
      if (!isFolder(root)) throw new TahrirError('not-found', `${path}: no such folder`);
      return switchWorkspace(root);
    },
    async chooseWorkspace() {
      const folder = await chooseFolder(mainWindow, 'Open a folder of articles', workspaceRoot);
      if (!folder) return null;
      return switchWorkspace(grants.grantFolder(folder));
    },
    async recentWorkspaces() {
      return [...settings.recentWorkspaces];
    },
    async chooseExportDestination(format) {
      return grants.grantPath(await chooseExportDestination(mainWindow, workspaceRoot, format));
    },
    async chooseImportSource(format) {
      return grants.grantPath(await chooseImportSource(mainWindow, workspaceRoot, format));
    },
    // The URL was checked to be http(s) (shared/api-arguments.ts); only a click in our page gets here.
    async openExternal(url: string) {
      await shell.openExternal(url);
    },
  } satisfies HostOperations;
}

/** The page flushes unsaved work, then calls openWorkspace (granted here). */
function askToOpen(folder: string): void {
  sendEvent(mainWindow, { type: 'open-workspace', path: grants.grantFolder(folder) });
}

function createWindow(): void {
  const win = createMainWindow(preloadPath, restoredBounds(settings.window), {
    maximized: settings.window?.maximized,
    title: `${workspaceRoot.split(/[\\/]/).pop()} — Tahrir`,
  });
  mainWindow = win;
  rememberWindowState(win, (state) => {
    settings.window = state;
    void saveSettings();
  });
  win.on('closed', () => {
    mainWindow = null;
  });
}

async function saveSettings(): Promise<void> {
  try {
    await settingsFile.save(settings);
  } catch (error) {
    console.error(`tahrir: cannot save ${settingsFile.path}: ${(error as Error).message}`);
  }
}

function buildMenu(): void {
  setApplicationMenu({
    recentWorkspaces: settings.recentWorkspaces,
    // The page chooses the same way from navigator.languages, which Electron fills from this.
    locale: chooseLocale([app.getLocale(), ...app.getPreferredSystemLanguages()]),
    isDev: !app.isPackaged,
    sendCommand: (command) => sendEvent(mainWindow, { type: 'menu', command }),
    openFolder: async () => {
      const folder = await chooseFolder(mainWindow, 'Open a folder of articles', workspaceRoot);
      if (folder) askToOpen(folder);
    },
    openRecent: askToOpen,
    clearRecent: () => {
      settings.recentWorkspaces = [];
      void saveSettings();
      buildMenu();
    },
  });
}

app.on('window-all-closed', () => app.quit());

let quitReady = false;
app.on('will-quit', (event) => {
  if (quitReady) return;
  // Let a save in flight finish, and stop watching the workspace, before the process ends.
  event.preventDefault();
  const timeout = new Promise<void>((done) => setTimeout(done, QUIT_GRACE_MS));
  void Promise.race([ipc?.settled() ?? Promise.resolve(), timeout])
    .then(() => Promise.race([Promise.resolve(backend?.close()), timeout]))
    .catch(() => {})
    .finally(() => {
      quitReady = true;
      ipc?.dispose();
      app.quit();
    });
});

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`tahrir: ${message}`);
  dialog.showErrorBox('Tahrir could not start', message);
  app.exit(1);
}
