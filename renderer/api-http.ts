// TahrirApi over HTTP, for the renderer served by `tahrir serve` (shared/http-protocol.ts):
// one POST per operation, events as Server-Sent Events. The per-run token comes from the
// page's own URL (`/?token=…`); the server also set it as an HttpOnly cookie for the assets.
import { API_METHODS } from '../shared/api';
import type { ApiMethod, TahrirApi, TahrirEvent } from '../shared/api';
import { isWebLink } from '../shared/api-arguments';
import { TahrirError } from '../shared/errors';
import type { TahrirErrorData } from '../shared/errors';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY } from '../shared/http-protocol';

export interface HttpApiOptions {
  /** Server origin, e.g. "http://127.0.0.1:4000"; default: the page's own origin. */
  baseUrl?: string;
  /** Default: the `token` query parameter of the page's URL (else only the cookie is sent). */
  token?: string | null;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

type Forwarded = Exclude<ApiMethod, 'openExternal'>;

/** Where the API answers: the server's origin ('' for the page's own) and the token to send, if any. */
export interface HttpTarget {
  baseUrl: string;
  token: string | null;
}

/** The page's own server and the token from its URL (`/?token=…`): what a worker, which has no page URL, is handed. */
export function pageTarget(): HttpTarget {
  return { baseUrl: '', token: new URLSearchParams(location.search).get(TOKEN_QUERY) };
}

/**
 * One API call whose body ({"args": [...]}) is already made: its result, or the TahrirError the
 * server answered. Also used by the sidecar worker, which writes the sidecar's JSON text into
 * the body as it is instead of encoding it a second time.
 */
export async function postApiCall(target: HttpTarget, method: ApiMethod, body: string | Blob, doFetch: typeof fetch = fetch): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (target.token) headers[TOKEN_HEADER] = target.token;
  let response: Response;
  try {
    response = await doFetch(`${target.baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new TahrirError('io', `Tahrir's server is not reachable (was \`tahrir serve\` stopped?): ${(e as Error).message}`);
  }
  let answer: unknown;
  try {
    // Through a Blob: Chromium hands a multi-megabyte body (a long document) over several times faster than json().
    answer = JSON.parse(await (await response.blob()).text());
  } catch {
    throw new TahrirError('io', `${method}: the server answered ${response.status} without JSON`);
  }
  if (!response.ok) throw toTahrirError(method, response.status, answer);
  return (answer as { result?: unknown }).result;
}

export function createHttpApi(options: HttpApiOptions = {}): TahrirApi {
  // Read lazily: the module may be imported where there is no page (store tests in Node).
  const token = () =>
    options.token !== undefined ? options.token : new URLSearchParams(location.search).get(TOKEN_QUERY);
  const target = (): HttpTarget => ({ baseUrl: options.baseUrl ?? '', token: token() });
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);

  function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    return postApiCall(target(), method, JSON.stringify({ args }), doFetch);
  }

  const methods = Object.fromEntries(
    API_METHODS.filter((m): m is Forwarded => m !== 'openExternal').map((m) => [
      m,
      (...args: unknown[]) => call(m, args),
    ]),
  ) as unknown as Pick<TahrirApi, Forwarded>;

  const listeners = new Set<(event: TahrirEvent) => void>();
  let source: EventSource | null = null;

  function openEvents() {
    const Source = options.EventSource ?? EventSource;
    const t = token();
    // EventSource cannot send headers: the token goes in the query (or the cookie alone).
    const url = `${options.baseUrl ?? ''}${EVENTS_PATH}${t ? `?${TOKEN_QUERY}=${encodeURIComponent(t)}` : ''}`;
    source = new Source(url, { withCredentials: false });
    source.onmessage = (message: MessageEvent<string>) => {
      let event: TahrirEvent;
      try {
        event = JSON.parse(message.data) as TahrirEvent;
      } catch {
        return; // not one of ours; EventSource reconnects by itself on errors
      }
      for (const listener of [...listeners]) listener(event);
    };
  }

  return {
    ...methods,
    // In a browser the page opens the link itself, in a new tab without access back to us.
    async openExternal(url: string) {
      if (!isWebLink(url)) throw new TahrirError('invalid-argument', `openExternal: only http and https links open outside the app`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  } satisfies TahrirApi;
}

function toTahrirError(method: string, status: number, body: unknown): TahrirError {
  const data = (body as { error?: Partial<TahrirErrorData> } | null)?.error;
  if (data && typeof data.code === 'string' && typeof data.message === 'string') {
    return TahrirError.fromData(data as TahrirErrorData);
  }
  return new TahrirError('io', `${method}: the server answered ${status}`);
}
