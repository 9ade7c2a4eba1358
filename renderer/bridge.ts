// The one TahrirApi the UI talks to: the Electron preload's `window.tahrir` when the app runs
// on the desktop, else the HTTP client for `tahrir serve`.
import { API_METHODS } from '../shared/api';
import type { TahrirApi } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { isTahrirErrorData } from '../shared/ipc-protocol';
import { createHttpApi, type HttpApi } from './api-http';

declare global {
  interface Window {
    /** Set by electron/preload.ts (contextBridge). */
    tahrir?: TahrirApi;
  }
}

/**
 * The preload rejects with plain error data, because the context bridge copies only the message
 * of an Error object; turn it back into a TahrirError here so callers can check `code`.
 */
export function withTypedErrors(bridged: TahrirApi): TahrirApi {
  const wrapped = { onEvent: (listener) => bridged.onEvent(listener) } as TahrirApi;
  for (const method of API_METHODS) {
    const call = bridged[method] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      call(...args).catch((error: unknown) => {
        throw isTahrirErrorData(error) && !(error instanceof TahrirError) ? TahrirError.fromData(error) : error;
      });
  }
  return wrapped;
}

const desktop = typeof window !== 'undefined' ? window.tahrir : undefined;

/** The HTTP client under `tahrir serve` (which also reads startEditor's answer as it comes); null on the desktop. */
export const httpApi: HttpApi | null = desktop ? null : createHttpApi();

export const api: TahrirApi = httpApi ?? withTypedErrors(desktop!);

/** Which host the UI runs in: the desktop app or a browser tab under `tahrir serve`. */
export const host: 'desktop' | 'browser' = desktop ? 'desktop' : 'browser';
