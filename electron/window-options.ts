// The desktop window's security settings as plain data (no electron import), so a test can load
// and check them, and `tahrir serve` sends the very same Content-Security-Policy.

/** The renderer is served from this privileged custom scheme, so `'self'` in the CSP means our files only. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tahrir';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Is this URL one of our own pages (app://tahrir/…)? Navigation, IPC and permissions trust nothing else. */
export function isAppUrl(url: string): boolean {
  try {
    // app:// is not a "special" scheme for WHATWG URL (its origin is "null"): compare protocol and host.
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** No eval, no inline script or style, nothing from the network, no framing, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every file of the renderer, in Electron (app://) and under `tahrir serve`. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** BrowserWindow `webPreferences` (Electron's security checklist). */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Off: on Linux Chromium's spellchecker downloads its dictionaries from Google's servers, and
    // Tahrir makes no network requests. (The source text is read, not typed.)
    spellcheck: false,
  } as const;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 };

/** BrowserWindow constructor options. */
export function windowOptions(preloadPath: string, bounds: WindowBounds = DEFAULT_BOUNDS) {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Tahrir',
    show: false, // shown on 'ready-to-show', without a white flash
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(preloadPath),
  };
}
