// How the desktop app carries TahrirApi over Electron IPC (main: electron/ipc.ts, renderer side:
// electron/preload.ts). One `ipcMain.handle` channel per operation; results come wrapped
// because Electron keeps only the message of a thrown error, and our errors carry a code.

import type { ApiMethod } from './api';
import type { TahrirErrorData } from './errors';

export const IPC_CHANNEL_PREFIX = 'tahrir:';
/** Main → renderer: one TahrirEvent per message. */
export const IPC_EVENT_CHANNEL = 'tahrir:event';

export function ipcChannel(method: ApiMethod): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

export type IpcResult = { ok: true; result: unknown } | { ok: false; error: TahrirErrorData };

/** A TahrirError that crossed a boundary as plain data (IPC, the context bridge). */
export function isTahrirErrorData(value: unknown): value is TahrirErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TahrirErrorData).code === 'string' &&
    typeof (value as TahrirErrorData).message === 'string'
  );
}
