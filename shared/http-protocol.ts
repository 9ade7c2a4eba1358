// How `tahrir serve` carries TahrirApi over HTTP (server: electron/serve.ts, client: renderer).
//
//   POST {API_PREFIX}<method>   body {"args": [...]}     → 200 {"result": …} | 4xx/5xx {"error": TahrirErrorData}
//                               (startEditor's for a long document in two parts: shared/start-answer-wire.ts)
//   GET  {EVENTS_PATH}          Server-Sent Events, each `data:` line one TahrirEvent as JSON
//   GET  {DOWNLOAD_PATH}?path=… an export's output as a download (a folder as a tar archive)
//   GET  /?token=…              the renderer (index.html), which reads the token from its URL
//
// API calls and the event stream must carry the per-run token in the TOKEN_HEADER header (never
// a cookie: cookies are shared by every port of 127.0.0.1), every request a loopback Host header;
// anything else gets 403. The renderer's files are served without the token: they hold no secret.

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const DOWNLOAD_PATH = '/api/download';
export const TOKEN_HEADER = 'x-tahrir-token';
export const TOKEN_QUERY = 'token';

export interface ApiRequestBody {
  args: unknown[];
}

/** The header of an API answer's server time (`backend;dur=…, encode;dur=…`, ms): the server's share of an open. */
export const SERVER_TIMING_HEADER = 'Server-Timing';
