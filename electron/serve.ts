// `tahrir serve`: the editor UI and TahrirApi over HTTP on 127.0.0.1, for machines without the
// desktop build and for end-to-end tests. Protocol: shared/http-protocol.ts.
//
// Another web page open in the same browser must not be able to read or write the workspace:
// every API call and the event stream need the per-run random token in a header, and every
// request a loopback Host header (DNS rebinding); API calls are JSON POSTs (never "simple"
// cross-site requests) from our own origin only. The token is never set as a cookie: cookies are
// not scoped by port, so a browser sends them to every other server on 127.0.0.1. The UI's files
// (page, scripts, styles, fonts, worker) hold no secret and are served without it; other origins
// cannot embed them (Cross-Origin-Resource-Policy) nor read them (no CORS).
import { isUtf8 } from 'node:buffer';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type {
  DocumentSummary,
  EditorStart,
  ExportFormat,
  ImportFormat,
  OpenedDocument,
  TahrirEvent,
  WorkspaceInfo,
} from '../shared/api';
import type { Entity, Quote } from '../shared/model';
import { TahrirError, isTahrirError } from '../shared/errors';
import type { TahrirErrorCode, TahrirErrorData } from '../shared/errors';
import {
  API_PREFIX,
  DOWNLOAD_PATH,
  EVENTS_PATH,
  SERVER_TIMING_HEADER,
  TOKEN_HEADER,
  TOKEN_QUERY,
} from '../shared/http-protocol';
import type { ApiRequestBody } from '../shared/http-protocol';
import { defaultExportDestination } from '../shared/export-destination';
import { exportDownload } from './export-download';
import { firstScreenOf, packSummary, type WireSummary } from '../shared/document-list-wire';
import { encodeWithParts } from './encoded-answer';
import { firstDocumentOf } from '../shared/first-document';
import { firstScreenCut, splitAtFirstScreen } from '../shared/first-screen';
import { entityListStart } from '../shared/entity-groups';
import { FIRST_PART_HEADER, lineLengths, type FirstScreenDocument } from '../shared/start-answer-wire';
import { dispatchApiCall } from './api-dispatch';
import { Backend } from './backend';
import { apiHandlers } from './host-policy';
import type { HostOperations } from './host-policy';
import { keepLastServed, readLastServed } from './last-served';
import { RendererFiles, findRendererDir, preloadLinks } from './renderer-files';
import { firstInvalidUtf8Byte } from './text-file';
import { SECURITY_HEADERS } from './window-options';
import { startBlock, startedPage } from './started-page';

export interface ServerOptions {
  /** The workspace folder. */
  root: string;
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Default: dist/renderer/ next to the running code. */
  rendererDir?: string;
  /** Largest accepted request body; a sidecar of a long, densely annotated article fits. */
  maxBodyBytes?: number;
  /** Where to report unexpected (500) errors; default stderr. */
  log?: (line: string) => void;
  /** How long the first listing reads documents before it answers (ms; tests: BackendOptions.listBudgetMs). */
  listBudgetMs?: number;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/?token=TOKEN — what the user opens. */
  url: string;
  token: string;
  port: number;
  /** The workspace's absolute path. */
  root: string;
  /**
   * Resolves once a page follows the workspace: an event stream is open and the watch it started is in place, so a
   * change made from then on reaches it (a test waits for this instead of sleeping). Pending again once every stream
   * closed.
   */
  following(): Promise<void>;
  /** Resolves once the first listing (begun at start, while the browser loads the page) is read. */
  listed: Promise<void>;
  /**
   * Resolves once the printed URL's page's start is prepared, with its document's id (null when none was: an empty
   * workspace, a page came first, or it could not be read, which the page's start reports).
   */
  prepared: Promise<string | null>;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;
/**
 * How long after the first answer the documents its listing left unread begin to be read when the page has not asked
 * for the whole list by then (ms): it asks once its first screen is painted, and the reading begins then. Begun a
 * second after the answer, as the desktop app does, it took a core of this two-core machine from the page while it
 * loaded (a CPU profile of a 100,000-document open: the server busy from the HTML to the list's paint, ~0.7 s).
 */
const REST_UNASKED_MS = 10_000;

const STATUS_BY_CODE: Record<TahrirErrorCode, number> = {
  'not-found': 404,
  'not-utf8': 400,
  binary: 400,
  'too-large': 413,
  'broken-sidecar': 400,
  'newer-version': 400,
  'stale-revision': 409,
  'outside-workspace': 403,
  exists: 409,
  'invalid-argument': 400,
  cancelled: 409,
  io: 500,
};

export function httpStatusFor(error: TahrirError): number {
  return STATUS_BY_CODE[error.code] ?? 500;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  // The list is read while the browser opens the page (see listEarly).
  // The page's first files are read before the walk of the workspace fills the thread pool.
  const rendererFiles = new RendererFiles(options.rendererDir ?? findRendererDir());
  void rendererFiles
    .preload(['/', '/early.js', '/app.js', '/app.css'])
    .then(() => rendererFiles.read('/'))
    .then((page) => page && rendererFiles.preload(preloadLinks(page.body.toString('utf8'))));
  const backend = await Backend.openListing(root, { restAfterMs: REST_UNASKED_MS, listBudgetMs: options.listBudgetMs });
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const token = randomBytes(24).toString('base64url');
  const tokenDigest = digest(token);
  let port = 0;
  const isToken = (given: unknown) => typeof given === 'string' && timingSafeEqual(digest(given), tokenDigest);

  // A browser tab has no dialogs: paths it names stay inside the workspace (no isGrantedPath).
  const handlers = apiHandlers({
    backend: () => backend,
    operations: {
      async openWorkspace() {
        throw new TahrirError(
          'invalid-argument',
          `tahrir serve shows one folder (${basename(root)}); start it again with another folder`,
        );
      },
      async chooseWorkspace() {
        return null;
      },
      async recentWorkspaces() {
        return [];
      },
      async chooseExportDestination(format: ExportFormat) {
        return defaultExportDestination(format);
      },
      // A browser tab cannot hand us a path from a file dialog; imports run with `tahrir import`.
      async chooseImportSource(_format: ImportFormat) {
        return null;
      },
      async openExternal() {
        throw new TahrirError('invalid-argument', 'the browser opens links itself under tahrir serve');
      },
    } satisfies HostOperations,
  });

  const streams = new Set<ServerResponse>();
  /** openDocument's answers as sent, by the back end's answer object (the same while the document is unchanged). */
  const openAnswers = new WeakMap<object, Buffer>();
  /** The back end answers an unchanged document with the same object (Backend.lastOpened): encoded once. */
  const openedBytes = (opened: object): Buffer => {
    let bytes = openAnswers.get(opened);
    if (!bytes) openAnswers.set(opened, (bytes = jsonBytes(opened)));
    return bytes;
  };
  /**
   * startEditor's document in two parts (shared/start-answer-wire.ts): its JSON with only the first screen's text and
   * entities, and the JSON of the rest of its text and its other entities, encoded when first asked for (after the
   * first part is written); null when it has nothing after its first screen. Encoded once, as openedBytes.
   */
  const openParts = new WeakMap<object, { first: Buffer; rest: () => Buffer } | null>();
  const openedInParts = (opened: OpenedDocument): { first: Buffer; rest: () => Buffer } | null => {
    let inParts = openParts.get(opened);
    if (inParts === undefined) {
      const { units, codePoints } = firstScreenCut(opened.text);
      const { entities } = opened.sidecar;
      const cutText = units < opened.text.length;
      // Entities or quotes not in file order stay whole in the first part; the text is cut all the same.
      const split = splitAtFirstScreen(entities, codePoints) ?? (cutText ? { head: entities, rest: [] } : null);
      const { quotes } = opened.sidecar;
      const quotesSplit = split && (splitAtFirstScreen(quotes, codePoints) ?? { head: quotes, rest: [] });
      let rest: Buffer | null = null;
      inParts = split && {
        first: jsonBytes({
          ...opened,
          text: opened.text.slice(0, units),
          ...(cutText ? { restLineLengths: lineLengths(opened.text, units + 1) } : {}),
          entityList: entityListStart(
            opened.text,
            opened.sidecar,
            backend.config.labels.map((l) => l.name),
          ),
          sidecar: { ...opened.sidecar, entities: split.head, quotes: quotesSplit!.head },
        } satisfies FirstScreenDocument),
        rest: () => (rest ??= restBytes(opened.text.slice(units), split.rest, quotesSplit!.rest)),
      };
      openParts.set(opened, inParts);
    }
    return inParts;
  };
  /** The document lists as sent, by the back end's list (the same array while the listing is the same). */
  const listAnswers = new WeakMap<readonly DocumentSummary[], Promise<Buffer>>();
  const listBytes = (documents: readonly DocumentSummary[]): Promise<Buffer> => {
    let bytes = listAnswers.get(documents);
    if (!bytes) listAnswers.set(documents, (bytes = encodeList(documents)));
    return bytes;
  };
  /**
   * The document this server last opened for a page (startEditor's or openDocument's first document): the one a page
   * opened from the printed URL finds in its HTML (startedPage). Null until a page opened one or the one an earlier
   * run kept is read (prepareStart): then the first.
   */
  let lastOpened: string | null = null;
  /** Keeping lastOpened for the next run (last-served.ts), one write after the other: the last one stays. */
  let keeping: Promise<void> = Promise.resolve();
  const opened = (id: string): void => {
    if (id === lastOpened) return;
    lastOpened = id;
    keeping = keeping.then(() => keepLastServed(root, id)).catch(() => undefined); // a cache: lost, the first opens
  };
  /**
   * startEditor's answer as sent: the list's first screen of rows (`restList`: the whole list, encoded once the answer
   * is on its way) and the first document's first screen (`restPart`: the rest of its text and entities, sent after).
   */
  const encodeStart = async (
    start: EditorStart,
  ): Promise<{ encoded: Buffer; restPart: (() => Buffer) | null; restList: DocumentSummary[] | null }> => {
    const parts = new Map<object, Buffer>();
    const { workspace, first } = start;
    if (first) opened(first.id);
    let answer = start;
    let restList: DocumentSummary[] | null = null;
    let restPart: (() => Buffer) | null = null;
    const head = firstScreenOf(workspace.documents, first?.id ?? null);
    if (head.length < workspace.documents.length) {
      const moreDocuments = workspace.documents.length - head.length;
      answer = { ...start, workspace: { ...workspace, documents: head, moreDocuments } };
      parts.set(head, jsonBytes(head.map(packSummary)));
      restList = workspace.documents;
    } else parts.set(workspace.documents, await listBytes(workspace.documents));
    if (first && 'opened' in first) {
      const inParts = openedInParts(first.opened);
      parts.set(first.opened, inParts?.first ?? openedBytes(first.opened));
      restPart = inParts?.rest ?? null;
    }
    return { encoded: encodeWithParts({ result: answer }, parts), restPart, restList };
  };
  /**
   * The start the printed URL's page will carry, prepared as soon as the listing is read, while the browser has yet to
   * ask: the first document (the one an earlier run kept, else the listing's first) is read, its sidecar checked
   * against its text and its first part encoded. The page's own startEditor then finds each of those in the back end's
   * caches (kept by the files' stat and content: a file changed since is read again) and the first part's bytes here
   * (openParts). At 50,000 entities the first GET's block waited on that work (1.5 s of the server at load ~15). The
   * listing itself is not taken: the page's getWorkspace takes it, as before. Never rejects.
   */
  const prepareStart = async (): Promise<string | null> => {
    try {
      const [documents, kept] = await Promise.all([backend.earlyListing(), readLastServed(root)]);
      const id = documents && firstDocumentOf(documents, kept);
      if (!id || lastOpened !== null) return null; // a page came first: nothing to guess
      if (id === kept) lastOpened = kept; // already kept: not written again
      openedInParts(await backend.openDocument(id));
      return id;
    } catch {
      return null; // the page's own start reads the document again and reports what went wrong
    }
  };
  // The first answer (startEditor) sends the list's first screen of rows; the whole list is encoded when the page
  // asks for it (listedDocuments), once its first screen is painted. Encoded before the first answer, its 100,000
  // rows (packing, encoding, collecting: 0.3–1.3 s) held that answer back; encoded right after it, they took a core
  // from the page's load (a CPU profile of a 100k open: ~0.5–0.65 s of packing between the page's HTML and its paint).
  const listed = backend.earlyListing().then(() => undefined);
  /** Is the first listing read? Until then a page's start waits for it (see StartedPage.appPreload). */
  let listingRead = false;
  void listed.then(() => (listingRead = true));
  let followed = deferred();
  /** prepareStart's work, begun once the server listens: a page's start waits for it rather than doing it twice. */
  let prepared: Promise<string | null> = Promise.resolve(null);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`tahrir serve: ${(error as Error)?.stack ?? String(error)}`);
      if (!response.headersSent)
        sendJson(response, 500, { error: { code: 'io', message: 'Internal error in tahrir serve' } });
      else response.destroy();
    });
  });
  // Slow or stuck clients must not pin connections forever (SSE streams are exempt: they set their own).
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!isLoopbackHost(request.headers.host, port))
      return refuse(response, 'this server answers only to 127.0.0.1, localhost or [::1] on its own port');
    const origin = request.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin, port))
      return refuse(response, 'requests from other sites are refused');
    const isApi = url.pathname === EVENTS_PATH || url.pathname.startsWith(API_PREFIX);
    // The workspace is reached only with the token in the header (the page keeps it: renderer/page-token.ts).
    if (isApi && !isToken(request.headers[TOKEN_HEADER])) {
      return refuse(response, 'open the URL that `tahrir serve` printed (it carries the access token)');
    }
    // The printed URL's ?token= is for the page to read; a wrong one (an earlier run's link) is said so at once.
    if (!isApi && url.searchParams.has(TOKEN_QUERY) && !isToken(url.searchParams.get(TOKEN_QUERY))) {
      return refuse(
        response,
        'this link carries another token than this server’s (from an earlier run?): open the URL that `tahrir serve` printed',
      );
    }

    if (url.pathname === EVENTS_PATH) {
      if (request.method !== 'GET')
        return sendJson(response, 405, errorBody('invalid-argument', 'events are read with GET'), { Allow: 'GET' });
      return openEventStream(request, response);
    }
    if (url.pathname === DOWNLOAD_PATH) {
      if (request.method !== 'GET')
        return sendJson(response, 405, errorBody('invalid-argument', 'downloads are read with GET'), { Allow: 'GET' });
      return sendDownload(response, url.searchParams.get('path') ?? '');
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (request.method !== 'POST')
        return sendJson(response, 405, errorBody('invalid-argument', 'API calls are POST requests'), { Allow: 'POST' });
      return answerApiCall(request, response, url.pathname.slice(API_PREFIX.length));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return void response.end('Method not allowed\n');
    }
    // The printed URL (checked above): the page with early.js and the start in it.
    if (url.pathname === '/' && request.method === 'GET' && url.searchParams.has(TOKEN_QUERY)) {
      if (await serveStartedPage(response)) return;
    }
    return serveFile(request, response, url);
  }

  /**
   * The page opened from the printed URL (electron/started-page.ts): index.html with early.js in it and startEditor's
   * first part (the document last opened here, else the first), so the early paint waits for no other request. The
   * page's head goes at once (the browser fetches the fonts, app.css and app.js while the back end answers). Returns
   * false when this build's page cannot be started so (then it is served as it is).
   */
  async function serveStartedPage(response: ServerResponse): Promise<boolean> {
    const [page, early] = await Promise.all([rendererFiles.read('/'), rendererFiles.read('/early.js')]);
    const started = page && early && startedPage(page.body.toString('utf8'), early.body.toString('utf8'));
    if (!started) return false;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': started.policy,
      ...(started.link ? { Link: started.link } : {}),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.write(started.head);
    // The page would wait for its start with nothing to do (100,000 documents: ~1.3 s of listing): app.js is fetched
    // and compiled meanwhile, not once the early paint's frame is drawn. A start read already (a workspace listed as
    // the browser opened, the document open rows) comes at once, and app.js still after its frame.
    if (!listingRead && started.appPreload) response.write(started.appPreload);
    let block: Buffer | null = null;
    try {
      await prepared;
      const last = lastOpened === null ? {} : { [root]: lastOpened };
      const start = await encodeStart((await dispatchApiCall(handlers, 'startEditor', [last])) as EditorStart);
      block = startBlock(start.encoded, start.restPart !== null);
      if (!start.restList) backend.readRestNow(); // the whole list sent: no page's question will begin it
    } catch (error) {
      // No block: early.js asks for the start itself, and the app reports what went wrong as it would then.
      if (!isTahrirError(error)) log(`tahrir serve: the page's start failed: ${(error as Error)?.stack ?? error}`);
    }
    if (block) response.write(block);
    response.end(started.tail);
    return true;
  }

  async function answerApiCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      return sendJson(response, 415, errorBody('invalid-argument', 'API calls must be sent as application/json'));
    }
    let body: ApiRequestBody;
    try {
      const parsed: unknown = JSON.parse(bodyText(await readBody(request, maxBody)));
      if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as ApiRequestBody).args)) {
        throw new TahrirError('invalid-argument', 'the request body must be {"args": [...]}');
      }
      body = parsed as ApiRequestBody;
    } catch (error) {
      if (isTahrirError(error)) return sendError(response, error);
      return sendJson(
        response,
        400,
        errorBody('invalid-argument', `the request body is not JSON: ${(error as Error).message}`),
      );
    }
    try {
      const asked = performance.now();
      const result = await dispatchApiCall(handlers, method, body.args);
      const answered = performance.now();
      // The document lists and opened documents in the answer, as encoded once (the list packed).
      const parts = new Map<object, Buffer>();
      const answer = result;
      if (method === 'listDocuments' || method === 'listedDocuments')
        parts.set(result as object, await listBytes(result as DocumentSummary[]));
      if (method === 'getWorkspace') {
        const { documents } = result as WorkspaceInfo;
        parts.set(documents, await listBytes(documents));
      }
      if (method === 'startEditor') {
        const start = await encodeStart(result as EditorStart);
        const timing = { [SERVER_TIMING_HEADER]: serverTiming(answered - asked, performance.now() - answered) };
        if (start.restPart) sendInTwoParts(response, start.encoded, start.restPart, timing);
        else sendJsonBytes(response, 200, start.encoded, timing);
        if (!start.restList) backend.readRestNow();
        return;
      }
      if (method === 'openDocument' && result && typeof result === 'object') {
        opened((result as OpenedDocument).id);
        parts.set(result, openedBytes(result));
      }
      if (parts.size === 0) return void sendAnswer(response, { result: result ?? null });
      const encoded = encodeWithParts({ result: answer }, parts);
      const timing = { [SERVER_TIMING_HEADER]: serverTiming(answered - asked, performance.now() - answered) };
      sendJsonBytes(response, 200, encoded, timing);
      // The page asks for the whole list once its first screen is painted: the documents the first listing left
      // unread are read from then on, not while it loads (see REST_UNASKED_MS).
      if (method === 'listedDocuments') backend.readRestNow();
    } catch (error) {
      if (isTahrirError(error)) return sendError(response, error);
      log(`tahrir serve: ${method} failed: ${(error as Error)?.stack ?? String(error)}`);
      sendJson(response, 500, errorBody('io', `${method} failed: ${(error as Error)?.message ?? String(error)}`));
    }
  }

  /** An export's output as a download: the browser cannot reach this disk. */
  async function sendDownload(response: ServerResponse, path: string): Promise<void> {
    let download;
    try {
      download = await exportDownload(root, path);
    } catch (error) {
      if (isTahrirError(error)) return sendError(response, error);
      throw error;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': download.contentType,
      'Content-Length': String(download.data.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
      'Cache-Control': 'no-store',
    });
    response.end(download.data);
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    request.socket.setTimeout(0);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write('retry: 2000\n');
    streams.add(response);
    const send = (event: TahrirEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = backend.onEvent(send);
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
      if (streams.size === 0) followed = deferred();
    });
    // "Connected" once the watch this stream started is in place: a change made before it would not be reported, and
    // a client (or a test) that writes a file on seeing it would wait for an event that never comes.
    void backend.watching().then(() => {
      if (response.writableEnded || response.destroyed) return;
      response.write(': connected\n\n');
      followed.resolve();
    });
  }

  async function serveFile(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const file = await rendererFiles.read(url.pathname);
    if (!file) {
      response.writeHead(404, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return void response.end(
        url.pathname === '/' ? 'The UI is not built yet: run `npm run build`.\n' : 'Not found\n',
      );
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
      // A URL with the token is not kept in the browser's cache (its key is the URL).
      'Cache-Control': url.searchParams.has(TOKEN_QUERY) ? 'no-store' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', () => void backend.close());
    server.once('error', (error: NodeJS.ErrnoException) =>
      rejectListen(
        new TahrirError(
          'invalid-argument',
          error.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : `cannot listen: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  prepared = prepareStart();

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY}=${token}`,
    token,
    port,
    root,
    following: () => followed.promise,
    listed,
    prepared,
    close() {
      closed ??= (async () => {
        for (const stream of streams) stream.end();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await backend.close();
        await keeping;
      })();
      return closed;
    },
  };
}

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function digest(value: string): Buffer {
  // Equal-length digests make the comparison constant-time whatever the length of the guess.
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Host header of a request to our loopback port (anything else may be DNS rebinding). */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
}

function isLoopbackOrigin(origin: string, port: number): boolean {
  const o = origin.toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}` || o === `http://[::1]:${port}`;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, rejectBody) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      return rejectBody(tooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        rejectBody(tooLarge(limit));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', rejectBody);
  });
}

/**
 * The body as text; bytes that are not UTF-8 are refused, never saved as U+FFFD (what toString('utf8') would make of
 * them).
 */
export function bodyText(raw: Buffer): string {
  if (!isUtf8(raw)) {
    const at = Math.max(0, firstInvalidUtf8Byte(raw));
    const shown = Array.from(raw.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new TahrirError(
      'not-utf8',
      `the request body is not UTF-8 (first bad byte at offset ${at}: ${shown}); nothing was saved`,
      undefined,
      { byteOffset: at },
    );
  }
  return raw.toString('utf8');
}

function tooLarge(limit: number): TahrirError {
  return new TahrirError('too-large', `the request body is larger than ${Math.round(limit / 1024 / 1024)} MB`);
}

function errorBody(code: TahrirErrorCode, message: string): { error: TahrirErrorData } {
  return { error: { code, message } };
}

function sendError(response: ServerResponse, error: TahrirError): void {
  sendJson(response, httpStatusFor(error), { error: error.toData() });
}

/**
 * A call's answer, unless the page that asked is gone (closed or reloaded while the call ran): a long document's
 * suggestion changes took ~1 s to encode, and the garbage after it, for nobody, in the way of the next page's open.
 * Returns whether it was sent. (openDocument's answers are encoded even then: they are kept for the next page.)
 */
export function sendAnswer(response: ServerResponse, body: unknown): boolean {
  if (response.destroyed) return false;
  sendJson(response, 200, body);
  return true;
}

function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  sendJsonBytes(response, status, jsonBytes(body), extra);
}

/**
 * Encoded once: Buffer.byteLength and then end(text) went over a long document's answer (2.5 MB for 10,000 entities,
 * mostly Arabic) twice.
 */
/** Summaries packed between two turns of the event loop while a list is encoded (the page's files go out between). */
const PACK_SLICE = 8192;

/** A document list's JSON as sent (packed: shared/document-list-wire.ts). */
async function encodeList(documents: readonly DocumentSummary[]): Promise<Buffer> {
  const packed = new Array<WireSummary>(documents.length);
  for (let i = 0; i < documents.length; i++) {
    if (i > 0 && i % PACK_SLICE === 0) await new Promise<void>((next) => setImmediate(next));
    packed[i] = packSummary(documents[i]);
  }
  return jsonBytes(packed);
}

/**
 * The server's own time in an answer (the back end's, then the encoding's), for the page's Resource Timing
 * (`serverTiming`) and traces: the bench tells the server's share of an open from the network's and the page's.
 */
export function serverTiming(backendMs: number, encodeMs: number): string {
  return `backend;dur=${backendMs.toFixed(1)}, encode;dur=${encodeMs.toFixed(1)}`;
}

/**
 * The second part (shared/start-answer-wire.ts): `,"text":…,"entities":[…],"quotes":[…]` without its closing brace
 * (no quotes when none is left).
 */
function restBytes(text: string, entities: readonly Entity[], quotes: readonly Quote[]): Buffer {
  const restQuotes = quotes.length > 0 ? `,"quotes":${JSON.stringify(quotes)}` : '';
  return Buffer.from(`,"text":${JSON.stringify(text)},"entities":${JSON.stringify(entities)}${restQuotes}`, 'utf8');
}

function jsonBytes(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/**
 * `answer` ({"result": …}) and then the rest of the first document's text and its other entities, in one body
 * (shared/start-answer-wire.ts):
 * the page can parse and paint the first part before the rest is in. The first part is written before the rest is
 * encoded (50,000 entities: 4.5 MB of JSON, 0.2-0.4 s of the server on a loaded machine at a document's first open),
 * so the body goes without a Content-Length.
 */
function sendInTwoParts(
  response: ServerResponse,
  answer: Buffer,
  restPart: () => Buffer,
  extra: Record<string, string> = {},
): void {
  const first = answer.subarray(0, answer.length - 1); // without its closing brace
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    [FIRST_PART_HEADER]: String(first.length),
  });
  // The rest once the first part is with the system's socket: encoded in the same turn, it held back the bytes of
  // the first part that had not fitted in the socket's buffer at once.
  response.write(first, () => {
    if (response.destroyed) return;
    let rest: Buffer;
    try {
      rest = restPart();
    } catch {
      return void response.destroy(); // cut off: the page says so (never a part of the entities taken for all)
    }
    response.write(rest);
    response.end('}');
  });
}

function sendJsonBytes(
  response: ServerResponse,
  status: number,
  bytes: Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
  });
  response.end(bytes);
}

function refuse(response: ServerResponse, why: string): void {
  sendJson(response, 403, errorBody('invalid-argument', `Forbidden: ${why}`));
}
