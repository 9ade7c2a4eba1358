// The desktop app's main process: one window showing the renderer from the privileged app://
// scheme, the application menu, the open workspace (its Backend), and the hardening of
// Electron's security checklist (sandbox, CSP, no navigation, no new windows, no webviews,
// no permissions, IPC only from our own page).
import { BrowserWindow, Menu, app, dialog, protocol, screen, session, shell } from 'electron';
import type { MenuItemConstructorOptions, OpenDialogOptions } from 'electron';
import { statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExportFormat, ImportFormat, MenuCommand, TahrirEvent, WorkspaceInfo } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { defaultExportDestination, exportsToFolder } from '../shared/export-destination';
import { Backend } from './backend';
import { apiHandlers } from './host-policy';
import type { HostOperations } from './host-policy';
import { DesktopSettingsFile, placeOnScreen, rememberWorkspace } from './desktop-settings';
import type { DesktopSettings } from './desktop-settings';
import { registerIpcHandlers, sendEvent } from './ipc';
import type { IpcHandlers } from './ipc';
import { readRendererFile } from './renderer-files';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, DEFAULT_BOUNDS, SECURITY_HEADERS, isAppUrl, windowOptions } from './window-options';

/** How long a closing window waits for the page to finish saving before it is closed anyway. */
const CLOSE_GRACE_MS = 5_000;
/** How long quitting waits for IPC calls in flight (a save being written). */
const QUIT_GRACE_MS = 5_000;

const isDev = !app.isPackaged;
const rendererDir = join(__dirname, 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const bundledSeeds = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(__dirname, '..', 'seeds');
/** The sample workspace: the repository's seeds/ in development; packaged, a writable copy in userData (resources are read-only). */
let seedsDir = bundledSeeds;

// Must happen before 'ready': app:// behaves like https (secure context, fetch, 'self' in the CSP).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
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
/** Folders the user opened themselves (command line, dialog, recent list, seeds): the only ones openWorkspace accepts. */
const grantedFolders = new Set<string>();
/** Export destinations and import sources the user picked in a dialog: the only paths outside the workspace the page may name. */
const grantedPaths = new Set<string>();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const folder = folderFromArgs(argv, workingDirectory);
    if (folder) askToOpen(folder);
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  settingsFile = new DesktopSettingsFile(join(app.getPath('userData'), 'settings.json'));
  settings = await settingsFile.load();
  for (const folder of settings.recentWorkspaces) grantedFolders.add(resolve(folder));
  harden();
  protocol.handle(APP_SCHEME, serveRendererFile);

  if (app.isPackaged) {
    seedsDir = join(app.getPath('userData'), 'seeds');
    if (!isFolder(seedsDir)) await cp(bundledSeeds, seedsDir, { recursive: true }).catch(() => (seedsDir = bundledSeeds));
  }
  const fromCommandLine = folderFromArgs(process.argv, process.cwd());
  const candidates = [fromCommandLine, settings.recentWorkspaces[0], seedsDir].filter((f): f is string => !!f && isFolder(f));
  let opened = false;
  for (const folder of candidates) {
    try {
      await switchWorkspace(folder);
      opened = true;
      break;
    } catch (error) {
      console.error(`tahrir: cannot open ${folder}: ${(error as Error).message}`);
    }
  }
  if (!opened) throw new TahrirError('not-found', `no workspace could be opened (tried ${candidates.join(', ') || 'nothing'})`);

  ipc = registerIpcHandlers({
    window: () => mainWindow,
    handlers: apiHandlers({ backend: currentBackend, operations: hostOperations(), isGrantedPath: (path) => grantedPaths.has(path) }),
  });
  buildMenu();
  createWindow();
}

function currentBackend(): Backend {
  if (!backend) throw new TahrirError('not-found', 'no workspace is open');
  return backend;
}

async function switchWorkspace(folder: string): Promise<WorkspaceInfo> {
  const root = resolve(folder);
  const next = await Backend.open(root);
  const info = await next.getWorkspace();
  const previous = backend;
  unsubscribeBackend();
  backend = next;
  workspaceRoot = root;
  unsubscribeBackend = next.onEvent((event: TahrirEvent) => sendEvent(mainWindow, event));
  await previous?.close();
  grantedFolders.add(root);
  if (root !== resolve(seedsDir)) {
    settings.recentWorkspaces = rememberWorkspace(settings.recentWorkspaces, root);
    await saveSettings();
    if (ipc) buildMenu();
  }
  mainWindow?.setTitle(`${info.name} — Tahrir`);
  return info;
}

function hostOperations(): HostOperations {
  return {
    async openWorkspace(path: string) {
      const root = resolve(path);
      if (!grantedFolders.has(root)) {
        throw new TahrirError('outside-workspace', `${path}: Tahrir opens only folders chosen with File → Open Folder… or from the recent list`);
      }
      if (!isFolder(root)) throw new TahrirError('not-found', `${path}: no such folder`);
      return switchWorkspace(root);
    },
    async chooseWorkspace() {
      const folder = await chooseFolder('Open a folder of articles');
      if (!folder) return null;
      grantedFolders.add(folder);
      return switchWorkspace(folder);
    },
    async recentWorkspaces() {
      return [...settings.recentWorkspaces];
    },
    async chooseExportDestination(format: ExportFormat) {
      const suggested = join(workspaceRoot, defaultExportDestination(format));
      if (exportsToFolder(format)) return grant(await chooseFolder(`Export (${format}) into a folder`, true));
      const answer = mainWindow
        ? await dialog.showSaveDialog(mainWindow, { title: `Export (${format})`, defaultPath: suggested, properties: ['createDirectory', 'showOverwriteConfirmation'] })
        : { canceled: true, filePath: undefined };
      return grant(answer.canceled || !answer.filePath ? null : answer.filePath);
    },
    async chooseImportSource(format: ImportFormat) {
      if (format === 'brat') return grant(await chooseFolder('Import brat annotations from a folder'));
      const extensions: Record<Exclude<ImportFormat, 'brat'>, string[]> = { jsonl: ['jsonl', 'json'], conll: ['conll', 'txt', 'tsv'], labelstudio: ['json'] };
      const options: OpenDialogOptions = {
        title: `Import (${format})`,
        defaultPath: workspaceRoot,
        properties: ['openFile'],
        filters: [{ name: format, extensions: extensions[format] }, { name: 'All files', extensions: ['*'] }],
      };
      const answer = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : { canceled: true, filePaths: [] };
      return grant(answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths[0]);
    },
    // The URL was checked to be http(s) (shared/api-arguments.ts); only a click in our page gets here.
    async openExternal(url: string) {
      await shell.openExternal(url);
    },
  } satisfies HostOperations;
}

function grant(path: string | null): string | null {
  if (path) grantedPaths.add(resolve(path));
  return path;
}

async function chooseFolder(title: string, create = false): Promise<string | null> {
  if (!mainWindow) return null;
  const answer = await dialog.showOpenDialog(mainWindow, {
    title,
    defaultPath: workspaceRoot || undefined,
    properties: create ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
  });
  return answer.canceled || answer.filePaths.length === 0 ? null : resolve(answer.filePaths[0]);
}

/** The page flushes unsaved work, then calls openWorkspace (granted here). */
function askToOpen(folder: string): void {
  const root = resolve(folder);
  grantedFolders.add(root);
  sendEvent(mainWindow, { type: 'open-workspace', path: root });
}

function createWindow(): void {
  const saved = settings.window ? placeOnScreen(settings.window, screen.getAllDisplays().map((d) => d.workArea)) : DEFAULT_BOUNDS;
  const win = new BrowserWindow(windowOptions(preloadPath, saved));
  mainWindow = win;
  if (settings.window?.maximized) win.maximize();
  win.setTitle(`${workspaceRoot.split(/[\\/]/).pop()} — Tahrir`);
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveWindowState(win), 500);
  };
  win.on('resize', rememberBounds);
  win.on('move', rememberBounds);
  win.on('maximize', rememberBounds);
  win.on('unmaximize', rememberBounds);

  // Closing: the page's beforeunload handler saves what is pending; when it holds the page open
  // (unsaved changes still being written) it closes the window itself once done. A page that
  // never finishes does not keep the window open for more than CLOSE_GRACE_MS.
  let closing = false;
  let forceClose: NodeJS.Timeout | undefined;
  win.on('close', () => {
    clearTimeout(saveTimer);
    void saveWindowState(win);
    closing = true;
  });
  win.webContents.on('will-prevent-unload', () => {
    if (!closing || forceClose) return;
    forceClose = setTimeout(() => {
      if (!win.isDestroyed()) win.destroy();
    }, CLOSE_GRACE_MS);
  });
  win.on('closed', () => {
    clearTimeout(forceClose);
    mainWindow = null;
  });
  let crashes: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    // Unsaved work is in the recovery journal; reloading offers it back. A page that keeps
    // crashing is not reloaded forever.
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < 60_000), now];
    console.error(`tahrir: the window's page stopped (${details.reason})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (crashes.length <= 3) win.webContents.reload();
    else dialog.showErrorBox('Tahrir', `The editor stopped ${crashes.length} times in a minute (${details.reason}). Unsaved changes are kept in the recovery journal; restart Tahrir to get them back.`);
  });

  void win.loadURL(APP_ENTRY_URL);
}

async function saveWindowState(win: BrowserWindow): Promise<void> {
  if (win.isDestroyed()) return;
  const bounds = win.getNormalBounds();
  settings.window = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() || undefined };
  await saveSettings();
}

async function saveSettings(): Promise<void> {
  try {
    await settingsFile.save(settings);
  } catch (error) {
    console.error(`tahrir: cannot save ${settingsFile.path}: ${(error as Error).message}`);
  }
}

/** app://tahrir/<path> → dist/renderer/<path>, with the CSP; nothing outside that folder. */
async function serveRendererFile(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404, headers });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
  });
}

/** Electron's security checklist for everything the app may ever show. */
function harden(): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation...; only writing to the clipboard from our page.
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL())),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin));
  // Belt and braces under the CSP: the page never talks to the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // Links open in the system browser only through api.openExternal, after a click in our page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function sendMenuCommand(command: MenuCommand): void {
  sendEvent(mainWindow, { type: 'menu', command });
}

function buildMenu(): void {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => sendMenuCommand(name),
  });
  // Keys the page handles itself (renderer/components/keyboard.ts, the same in a browser): the menu
  // shows them but does not register them, so one key press never acts twice. (macOS ignores
  // registerAccelerator, so there the menu leaves the key to the page and shows none.)
  const pageKey = (label: string, name: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    ...command(label, name, process.platform === 'darwin' ? undefined : accelerator),
    registerAccelerator: false,
  });
  const recent: MenuItemConstructorOptions[] = settings.recentWorkspaces.length
    ? [
        ...settings.recentWorkspaces.map((folder) => ({ label: folder, click: () => askToOpen(folder) })),
        { type: 'separator' as const },
        {
          label: 'Clear Recent',
          click: () => {
            settings.recentWorkspaces = [];
            void saveSettings();
            buildMenu();
          },
        },
      ]
    : [{ label: 'No recent folders', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        {
          label: 'Open Folder…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const folder = await chooseFolder('Open a folder of articles');
            if (folder) askToOpen(folder);
          },
        },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        command('Export…', 'export', 'CmdOrCtrl+E'),
        command('Import…', 'import'),
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo and redo act on the document's annotations (the page's history), so the page decides.
        pageKey('Undo', 'undo', 'CmdOrCtrl+Z'),
        pageKey('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        pageKey('Find…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        pageKey('Next Document', 'next-document', 'Alt+Down'),
        pageKey('Previous Document', 'previous-document', 'Alt+Up'),
        pageKey('Toggle Clean / Source Text', 'toggle-clean-text', 'T'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        // "?" and "T" are typed in text fields too: the page handles them only outside fields.
        pageKey('Keyboard Shortcuts', 'shortcuts', '?'),
        { type: 'separator' },
        { role: 'about' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The folder named on the command line (the first argument that is not a switch), if it exists. */
function folderFromArgs(argv: readonly string[], cwd: string): string | null {
  // Packaged: [exe, ...args]; in development: [electron, ...switches, appPath, ...args].
  const appPath = resolve(app.getAppPath());
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const folder = resolve(cwd, arg);
    if (folder !== appPath && isFolder(folder)) return folder;
  }
  return null;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
