// The one TahrirApi the UI talks to: the Electron preload's `window.tahrir` when the app runs
// on the desktop, else the HTTP client for `tahrir serve`.
import type { TahrirApi } from '../shared/api';
import { createHttpApi } from './api-http';

declare global {
  interface Window {
    /** Set by electron/preload.ts (contextBridge). */
    tahrir?: TahrirApi;
  }
}

export const api: TahrirApi =
  typeof window !== 'undefined' && window.tahrir ? window.tahrir : createHttpApi();

/** Which host the UI runs in: the desktop app or a browser tab under `tahrir serve`. */
export const host: 'desktop' | 'browser' = typeof window !== 'undefined' && window.tahrir ? 'desktop' : 'browser';
