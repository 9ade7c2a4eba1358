// The per-run token of `tahrir serve`, as the page keeps it. It comes once, in the URL that serve
// prints (`/?token=…`; `#token=…` works too), and is taken out of the address bar at once, so it
// is not shown, bookmarked or shared with the page's address. The page keeps it in memory and in
// sessionStorage, which (unlike a cookie) belongs to this origin alone, port included, and to this
// tab: a reload still works, and no other server on 127.0.0.1 is ever sent or shown the token.
// Every API call and the event stream send it as a header (renderer/api-http.ts).
import { TOKEN_QUERY } from '../shared/http-protocol';

const STORAGE_KEY = 'tahrir-serve-token';

declare global {
  interface Window {
    /** The token once read: early.js and app.js are two bundles, each with its own copy of this module. */
    __tahrirToken?: string | null;
  }
}

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked by the browser's settings: this page load still has it in memory
  }
}

/** The token of the server that served this page, or null (no page, or opened without it). */
export function pageToken(): string | null {
  if (typeof window === 'undefined' || typeof location === 'undefined') return null;
  if (window.__tahrirToken !== undefined) return window.__tahrirToken;
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const given = url.searchParams.get(TOKEN_QUERY) ?? fragment.get(TOKEN_QUERY);
  if (!given) return (window.__tahrirToken = stored());
  // Kept and taken out of the address bar in the next task, after the caller's request is on its way: early.js asks
  // for the document right after this, and a tab's first sessionStorage access makes two synchronous calls to the
  // browser process (a permission check, then the storage's load: 1–250 ms each in traces of the bench's open at load
  // 17–39), which held startEditor's request back.
  setTimeout(() => keepOutOfTheAddressBar(given), 0);
  return (window.__tahrirToken = given);
}

/** Keeps `token` for a reload (sessionStorage) and takes it out of the address bar. */
function keepOutOfTheAddressBar(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // kept in memory only: a reload will need the printed URL again
  }
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  url.searchParams.delete(TOKEN_QUERY);
  fragment.delete(TOKEN_QUERY);
  url.hash = fragment.toString();
  history.replaceState(history.state, '', url.href);
}
