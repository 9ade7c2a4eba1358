// TahrirApi over HTTP, for the renderer served by `tahrir serve` (shared/http-protocol.ts):
// one POST per operation, events as Server-Sent Events read through fetch(). Every request
// carries the per-run token as a header (renderer/page-token.ts): never in a cookie, which the
// browser would send to every server on 127.0.0.1, and never in a URL after the first page load.
import { API_METHODS } from '../shared/api';
import type { ApiMethod, EditorStart, TahrirApi, TahrirEvent } from '../shared/api';
import { isWebLink } from '../shared/web-link';
import { unpackListAnswer } from '../shared/document-list-wire';
import { TahrirError } from '../shared/errors';
import { FIRST_PART_HEADER, firstPartJson, joinStart, restPartJson } from '../shared/start-answer-wire';
import type { StartInParts } from '../shared/start-answer-wire';
import type { TahrirErrorData } from '../shared/errors';
import { API_PREFIX, DOWNLOAD_PATH, EVENTS_PATH, TOKEN_HEADER } from '../shared/http-protocol';
import { readEventStream } from './event-stream';
import { pageToken } from './page-token';

export interface HttpApiOptions {
  /** Server origin, e.g. "http://127.0.0.1:4000"; default: the page's own origin. */
  baseUrl?: string;
  /** Default: the token the page was opened with (renderer/page-token.ts). */
  token?: string | null;
  fetch?: typeof fetch;
}

/**
 * How long the event stream waits before it connects again after losing the server (as EventSource would, told `retry:
 * 2000`).
 */
const RECONNECT_MS = 2000;

type Forwarded = Exclude<ApiMethod, 'openExternal'>;

/** Where the API answers: the server's origin ('' for the page's own) and the token to send, if any. */
export interface HttpTarget {
  baseUrl: string;
  token: string | null;
}

/** The page's own server and its token: what a worker, which has neither, is handed. */
export function pageTarget(): HttpTarget {
  return { baseUrl: '', token: pageToken() };
}

function tokenHeaders(target: HttpTarget): Record<string, string> {
  return target.token ? { [TOKEN_HEADER]: target.token } : {};
}

/**
 * One API call whose body ({"args": [...]}) is already made: its result, or the TahrirError the
 * server answered. Also used by the sidecar worker, which writes the sidecar's JSON text into
 * the body as it is instead of encoding it a second time.
 */
export async function postApiCall(
  target: HttpTarget,
  method: ApiMethod,
  body: string | Blob,
  doFetch: typeof fetch = fetch,
  readWhen?: () => Promise<void>,
): Promise<unknown> {
  const response = await sendApiCall(target, method, body, doFetch);
  return ((await readAnswer(method, response, readWhen)) as { result?: unknown }).result;
}

async function sendApiCall(
  target: HttpTarget,
  method: ApiMethod,
  body: string | Blob,
  doFetch: typeof fetch,
): Promise<Response> {
  try {
    return await doFetch(`${target.baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...tokenHeaders(target) },
      body,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new TahrirError(
      'io',
      `Tahrir's server is not reachable (was \`tahrir serve\` stopped?): ${(e as Error).message}`,
    );
  }
}

/**
 * The answer's JSON ({"result": …}), or the TahrirError the server answered. `readWhen`: awaited between the body's
 * arrival and its parse (the bytes wait in their Blob, off the page's main thread).
 */
async function readAnswer(method: ApiMethod, response: Response, readWhen?: () => Promise<void>): Promise<unknown> {
  let answer: unknown;
  try {
    // Through a Blob: Chromium hands a multi-megabyte body (a long document) over several times faster than json().
    const body = await response.blob();
    // A wait that fails (or throws: no session any more) reads the answer at once.
    if (readWhen)
      await Promise.resolve()
        .then(readWhen)
        .catch(() => undefined);
    answer = JSON.parse(await body.text());
  } catch {
    throw new TahrirError('io', `${method}: the server answered ${response.status} without JSON`);
  }
  if (!response.ok) throw toTahrirError(method, response.status, answer);
  return answer;
}

/** startEditor's answer as it comes (shared/start-answer-wire.ts). */
export interface StartParts {
  /**
   * The answer's first part: the first document with only its first screen's text and entities (the whole when not
   * split; shared/start-answer-wire.ts): for the early paint only.
   */
  first: Promise<EditorStart>;
  /** The answer whole. */
  whole: Promise<EditorStart>;
  /** The answer's response has begun (its headers are in). */
  answering: Promise<void>;
}

/**
 * Asks for startEditor and reads its body as it comes: `first` as soon as the first part is in, `whole` once the rest
 * is. `beforeRest` is awaited between the two parses: the page lets the frame that paints the first part go first (the
 * rest's parse, ~100 ms at 50,000 entities on a loaded machine, would hold it back). The request leaves once `askAfter`
 * settles: the page whose first part came in its HTML asks for the rest after its first screen's frame, since asked
 * as the page was parsed, its ~2.5 MB (a long document's other entities, and the first part again) were sent by the
 * server, received by the browser and read by the page while that screen was styled, laid out and painted, on a
 * 2-core machine where the first screen's open is bound by the CPU of all those processes.
 */
export function readStartInParts(
  target: HttpTarget,
  lastDocuments: Record<string, string>,
  doFetch: typeof fetch = fetch,
  beforeRest: () => Promise<void> = () => Promise.resolve(),
  askAfter?: Promise<unknown>,
): StartParts {
  let gotFirst: (start: EditorStart) => void = () => undefined;
  const first = new Promise<EditorStart>((resolve) => (gotFirst = resolve));
  const ask = () => sendApiCall(target, 'startEditor', JSON.stringify({ args: [lastDocuments] }), doFetch);
  const sent = askAfter ? askAfter.then(ask, ask) : ask();
  const whole = (async () => {
    const response = await sent;
    const firstBytes = Number(response.headers.get(FIRST_PART_HEADER));
    if (!response.ok || !(firstBytes > 0) || !response.body) {
      const answer = (await readAnswer('startEditor', response)) as StartInParts;
      const start = unpackListAnswer('startEditor', joinStart(answer.result, answer)) as EditorStart;
      gotFirst(start);
      return start;
    }
    const rest = await readBody(response.body, firstBytes, (head) => {
      const answer = JSON.parse(firstPartJson(head)) as StartInParts;
      gotFirst(unpackListAnswer('startEditor', answer.result) as EditorStart);
    });
    const start = await first;
    await beforeRest();
    const decoder = new TextDecoder();
    const text = rest.map((chunk, i) => decoder.decode(chunk, { stream: i < rest.length - 1 })).join('');
    const rested = JSON.parse(restPartJson(text)) as StartInParts;
    return joinStart(start, rested);
  })();
  whole.catch(() => undefined); // `first` rejects with it when the first part never came
  const answering = sent.then(() => undefined);
  answering.catch(() => undefined); // `whole` rejects with it
  return { first: Promise.race([first, whole]), whole, answering };
}

/**
 * Reads a body whose first `firstBytes` bytes are a part of their own: `atFirst` is called with their text as soon as
 * they are in, and the bytes after them are returned as they came, in chunks. The first part is decoded chunk by
 * chunk as it arrives, in the page's waits for the network: decoded whole once in, its 1.8 MB (a long document's
 * text) were decoded after the last byte, on the way to the early paint, after a copy of every byte then received.
 */
async function readBody(
  body: ReadableStream<Uint8Array>,
  firstBytes: number,
  atFirst: (head: string) => void,
): Promise<Uint8Array[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const head: string[] = [];
  const rest: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (e) {
      throw new TahrirError('io', `startEditor: the answer was cut off: ${(e as Error).message}`);
    }
    if (read.done) break;
    const chunk = read.value;
    const from = length;
    length += chunk.length;
    if (from >= firstBytes) {
      rest.push(chunk);
      continue;
    }
    if (length < firstBytes) {
      head.push(decoder.decode(chunk, { stream: true }));
      continue;
    }
    // The first part ends in this chunk (at an ASCII byte: no character is cut).
    head.push(decoder.decode(chunk.subarray(0, firstBytes - from)));
    if (length > firstBytes) rest.push(chunk.subarray(firstBytes - from));
    try {
      atFirst(head.join(''));
    } catch {
      throw new TahrirError('io', 'startEditor: the server answered without JSON');
    }
  }
  if (length < firstBytes) throw new TahrirError('io', 'startEditor: the answer was cut off');
  return rest;
}

/** TahrirApi over HTTP, and startEditor's answer read as it comes (for early.js). */
export interface HttpApi extends TahrirApi {
  startEditorInParts(
    lastDocuments: Record<string, string>,
    beforeRest?: () => Promise<void>,
    askAfter?: Promise<unknown>,
  ): StartParts;
  /**
   * A listing's answer (listDocuments: the whole list, ~1 MB of JSON at 10,000 documents) is read and parsed once
   * `wait` settles (null: at once). The page waits for its filter to be still: the back end answers a listing when it
   * has read every document, which in a 10,000-document workspace came while the filter was typed in, and its parse
   * and unpacking (a task of 22–24 ms of the main thread at load 16, against 11–14 ms for a key's) landed in a key.
   */
  readListingsWhen(wait: (() => Promise<void>) | null): void;
}

export function createHttpApi(options: HttpApiOptions = {}): HttpApi {
  // Read lazily: the module may be imported where there is no page (store tests in Node).
  const target = (): HttpTarget => ({
    baseUrl: options.baseUrl ?? '',
    token: options.token !== undefined ? options.token : pageToken(),
  });
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);

  let listingsReadWhen: (() => Promise<void>) | null = null;

  function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    const readWhen = method === 'listDocuments' ? (listingsReadWhen ?? undefined) : undefined;
    return postApiCall(target(), method, JSON.stringify({ args }), doFetch, readWhen).then((result) =>
      unpackListAnswer(method, result),
    );
  }

  const methods = Object.fromEntries(
    API_METHODS.filter((m): m is Forwarded => m !== 'openExternal').map((m) => [
      m,
      (...args: unknown[]) => call(m, args),
    ]),
  ) as unknown as Pick<TahrirApi, Forwarded>;

  const listeners = new Set<(event: TahrirEvent) => void>();
  let events: AbortController | null = null;

  function deliver(data: string) {
    let event: TahrirEvent;
    try {
      event = JSON.parse(data) as TahrirEvent;
    } catch {
      return; // not one of ours
    }
    for (const listener of [...listeners]) listener(event);
  }

  /**
   * Reads the event stream until stopped, connecting again after a lost connection; a refusal (the token is not this
   * server's) ends it.
   */
  async function followEvents(stop: AbortSignal) {
    while (!stop.aborted) {
      const to = target();
      try {
        const response = await doFetch(`${to.baseUrl}${EVENTS_PATH}`, {
          headers: tokenHeaders(to),
          credentials: 'omit',
          cache: 'no-store',
          signal: stop,
        });
        if (response.status >= 400 && response.status < 500) {
          await response.body?.cancel();
          return;
        }
        if (response.ok && response.body) await readEventStream(response.body, deliver, stop);
        else await response.body?.cancel();
      } catch {
        // the server is gone or restarting: try again shortly
      }
      if (stop.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECONNECT_MS);
        stop.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }

  /** The file name of a Content-Disposition header (filename*=UTF-8''…, as serve writes it). */
  function attachmentName(disposition: string | null, fallback: string): string {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
    return encoded ? decodeURIComponent(encoded) : fallback;
  }

  return {
    ...methods,
    startEditor: (lastDocuments) => readStartInParts(target(), lastDocuments, doFetch).whole,
    startEditorInParts: (lastDocuments, beforeRest, askAfter) =>
      readStartInParts(target(), lastDocuments, doFetch, beforeRest, askAfter),
    readListingsWhen(wait) {
      listingsReadWhen = wait;
    },
    async downloadExport(path: string) {
      const to = target();
      const response = await doFetch(`${to.baseUrl}${DOWNLOAD_PATH}?path=${encodeURIComponent(path)}`, {
        headers: tokenHeaders(to),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!response.ok) {
        const answer: unknown = await response.json().catch(() => null);
        throw toTahrirError('downloadExport', response.status, answer);
      }
      return {
        name: attachmentName(response.headers.get('content-disposition'), path.split('/').pop() ?? 'export'),
        data: await response.blob(),
      };
    },
    // In a browser the page opens the link itself, in a new tab without access back to us.
    async openExternal(url: string) {
      if (!isWebLink(url))
        throw new TahrirError('invalid-argument', `openExternal: only http and https links open outside the app`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!events) {
        events = new AbortController();
        void followEvents(events.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && events) {
          events.abort();
          events = null;
        }
      };
    },
  } satisfies HttpApi;
}

function toTahrirError(method: string, status: number, body: unknown): TahrirError {
  const data = (body as { error?: Partial<TahrirErrorData> } | null)?.error;
  if (data && typeof data.code === 'string' && typeof data.message === 'string') {
    return TahrirError.fromData(data as TahrirErrorData);
  }
  return new TahrirError('io', `${method}: the server answered ${status}`);
}
