// A recording stand-in for the `electron` module, for running the bundled main process in Node
// where Electron's binary is missing (see main-process.test.ts). It records what main.ts asks
// of Electron and lets a test play the user, the page and the operating system.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../build/bundle.mjs';
import type { IpcResult } from '../../shared/ipc-protocol';

/* eslint-disable @typescript-eslint/no-explicit-any -- the stand-in mirrors Electron's loosely typed surface */
export class FakeWebContents extends EventEmitter {
  url = '';
  sent: { channel: string; payload: any }[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: '', parent: null as unknown };
  reloads = 0;
  send(channel: string, payload: any) {
    this.sent.push({ channel, payload });
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
  reload() {
    this.reloads++;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

export function makeElectron(appDir: string) {
  const record = {
    schemes: [] as any[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: any, ...args: any[]) => Promise<IpcResult>>(),
    windows: [] as any[],
    menu: null as any,
    opened: [] as string[],
    permissionRequest: null as any,
    permissionCheck: null as any,
    blockedUrls: null as any,
    paths: new Map<string, string>([['userData', join(appDir, 'default-user-data')]]),
    quits: 0,
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    enableSandbox() {},
    setPath: (name: string, path: string) => record.paths.set(name, path),
    getPath: (name: string) => record.paths.get(name)!,
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['en-US'],
    getAppPath: () => appDir,
    whenReady: () => Promise.resolve(),
    quit() {
      record.quits++;
    },
    exit() {},
  });
  class BrowserWindow extends EventEmitter {
    options: any;
    webContents = new FakeWebContents();
    title = '';
    constructor(options: any) {
      super();
      this.options = options;
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1100, height: 750 });
    setTitle(title: string) {
      this.title = title;
    }
    show() {}
    maximize() {}
    restore() {}
    focus() {}
    destroyed = false;
    destroy() {
      this.destroyed = true;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: any[]) => record.schemes.push(...schemes),
      handle: (scheme: string, handler: any) => record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: any) => (record.permissionRequest = h),
        setPermissionCheckHandler: (h: any) => (record.permissionCheck = h),
        webRequest: { onBeforeRequest: (filter: any) => (record.blockedUrls = filter.urls) },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: any) => record.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => record.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: any) => ({ template }),
      setApplicationMenu: (menu: any) => (record.menu = menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox() {},
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async (url: string) => void record.opened.push(url) },
  };
  return { electron, record };
}

export type StandIn = ReturnType<typeof makeElectron>;

/**
 * Bundles electron/main.ts into `appDir`/dist/main.cjs (as build/bundle.mjs does), installs the
 * stand-in as that app's `electron` module, runs it with `argv`, and waits for its window.
 */
export async function runMainProcess(
  repo: string,
  appDir: string,
  argv: string[],
  options: { isPackaged?: boolean } = {},
): Promise<StandIn> {
  await build({ ...bundleOptions(join(appDir, 'dist')).main, logLevel: 'silent' });
  const standIn = makeElectron(appDir);
  standIn.electron.app.isPackaged = options.isPackaged ?? false;
  const key = `__tahrirElectronStandIn_${Math.random().toString(36).slice(2)}`;
  await mkdir(join(appDir, 'node_modules', 'electron'), { recursive: true });
  await writeFile(
    join(appDir, 'node_modules', 'electron', 'index.js'),
    `module.exports = globalThis[${JSON.stringify(key)}];`,
  );
  (globalThis as Record<string, unknown>)[key] = standIn.electron;
  const savedArgv = process.argv;
  process.argv = argv; // read when the app is ready, so kept until the window is there
  try {
    createRequire(import.meta.url)(join(appDir, 'dist', 'main.cjs'));
    const deadline = Date.now() + 20_000;
    while (standIn.record.windows.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.argv = savedArgv;
  }
  return standIn;
}
