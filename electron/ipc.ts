// The main-process side of window.tahrir: one `ipcMain.handle('tahrir:<method>')` per TahrirApi
// operation. Each handler first checks who is asking (the top frame of our window, showing our
// app:// page: not an iframe, not a page navigated elsewhere), then the arguments' shapes
// (shared/api-arguments.ts), and only then calls the handler table (host-policy.ts).
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../shared/api';
import type { ApiHandlers, TahrirEvent } from '../shared/api';
import { TahrirError, isTahrirError } from '../shared/errors';
import { IPC_EVENT_CHANNEL, ipcChannel } from '../shared/ipc-protocol';
import type { IpcResult } from '../shared/ipc-protocol';
import { dispatchApiCall } from './api-dispatch';
import { isAppUrl } from './window-options';

export interface IpcOptions {
  window: () => BrowserWindow | null;
  /** Every operation: the desktop's own, the rest forwarded to the open workspace (host-policy.ts). */
  handlers: ApiHandlers;
  log?: (line: string) => void;
}

export interface IpcHandlers {
  /** Resolves when no call is running (so quitting does not cut a save in half). */
  settled(): Promise<void>;
  dispose(): void;
}

/** Did this come from our page, in the top frame (not an iframe) of our window? */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  if (event.sender !== window.webContents || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(options: IpcOptions): IpcHandlers {
  const log = options.log ?? ((line: string) => console.error(line));
  let running = 0;
  let idle: (() => void)[] = [];

  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcResult> => {
      if (!isTrustedSender(event, options.window())) {
        log(`tahrir: refused ${method} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return {
          ok: false,
          error: new TahrirError(
            'invalid-argument',
            `${method}: refused, the request did not come from Tahrir's window`,
          ).toData(),
        };
      }
      running++;
      try {
        return { ok: true, result: await dispatchApiCall(options.handlers, method, args) };
      } catch (error) {
        if (isTahrirError(error)) return { ok: false, error: error.toData() };
        log(`tahrir: ${method} failed: ${(error as Error)?.stack ?? String(error)}`);
        return {
          ok: false,
          error: { code: 'io', message: `${method} failed: ${(error as Error)?.message ?? String(error)}` },
        };
      } finally {
        if (--running === 0) {
          for (const done of idle) done();
          idle = [];
        }
      }
    });
  }

  return {
    settled: () => (running === 0 ? Promise.resolve() : new Promise<void>((done) => idle.push(done))),
    dispose() {
      for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
    },
  };
}

/** Pushes a TahrirEvent to the window's page (external changes, export progress, menu commands). */
export function sendEvent(window: BrowserWindow | null, event: TahrirEvent): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed())
    window.webContents.send(IPC_EVENT_CHANNEL, event);
}
