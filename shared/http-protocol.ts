// How `tahrir serve` carries TahrirApi over HTTP (server: electron/serve.ts, client: renderer).
//
//   POST {API_PREFIX}<method>   body {"args": [...]}     → 200 {"result": …} | 4xx/5xx {"error": TahrirErrorData}
//   GET  {EVENTS_PATH}          Server-Sent Events, each `data:` line one TahrirEvent as JSON
//   GET  /?token=…              the renderer (index.html); sets the token cookie for its assets
//
// Every request must carry the per-run token (header, cookie or `token` query parameter)
// and a loopback Host header; anything else gets 403.

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-tahrir-token';
/** The cookie is named `tahrir-token-<port>`: cookies are shared across ports, and two servers must not overwrite each other's. */
export const TOKEN_COOKIE = 'tahrir-token';
export const TOKEN_QUERY = 'token';

export interface ApiRequestBody {
  args: unknown[];
}
