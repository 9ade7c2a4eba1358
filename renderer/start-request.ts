// startEditor asked for by index.html's own inline script (start-request-inline.ts, built into the page by
// build/bundle.mjs, allowed by its hash in the Content-Security-Policy), as the HTML is parsed: asked by early.js,
// the request waited for early.js to be fetched from the server (which sends the fonts, app.css and app.js at the
// same time) and evaluated, one round trip more than the text-only floor page, whose request goes out as its first
// script runs. early.js reads this request's answer (api-http.ts readStartInParts) instead of asking again.
import { API_PREFIX, TOKEN_HEADER } from '../shared/http-protocol';
import { tokenInPage } from './page-token';
import { lastDocuments } from './session/first-document';

export interface AskedStart {
  token: string;
  /** The request's body, as readStartInParts would send it (the documents last opened here). */
  body: string;
  response: Promise<Response>;
  /** Gives the request up (when early.js asks for another document after all). */
  abort(): void;
}

declare global {
  interface Window {
    /** startEditor as index.html's inline script asked for it, until early.js takes it. */
    __tahrirStartAsked?: AskedStart;
  }
}

/** startEditor's request body. */
export function startEditorBody(last: Record<string, string>): string {
  return JSON.stringify({ args: [last] });
}

/** The request's options, the same from the inline script and from api-http.ts. */
export function apiRequestInit(token: string | null, body: string | Blob, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body,
    credentials: 'omit',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  };
}

/**
 * Asks the page's own server for startEditor at once (the inline script). Does nothing on the desktop (its preload
 * answers, no HTTP) or without a token (the page shows the server's refusal when early.js asks).
 */
export function askStartEditor(): void {
  if (window.tahrir) return;
  const token = tokenInPage();
  if (!token) return;
  const body = startEditorBody(lastDocuments());
  const controller = new AbortController();
  const response = fetch(`${API_PREFIX}startEditor`, apiRequestInit(token, body, controller.signal));
  response.catch(() => undefined); // early.js asks again when it takes a failed request
  window.__tahrirStartAsked = { token, body, response, abort: () => controller.abort() };
}

/**
 * The response of the request the inline script made, when it asked what early.js asks now (same token, same body):
 * taken once. A request for something else is given up.
 */
export function takeAskedStart(token: string | null, body: string): Promise<Response> | null {
  if (typeof window === 'undefined') return null;
  const asked = window.__tahrirStartAsked;
  if (!asked) return null;
  window.__tahrirStartAsked = undefined;
  if (asked.token === token && asked.body === body) return asked.response;
  asked.abort();
  return null;
}
