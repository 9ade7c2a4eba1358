// The page's first script (index.html): asks for the workspace and the document the editor will open (the last one
// opened here, else the first) in one request, then runs app.js as soon as it is fetched, or after the early paint's
// frame when the answer comes first (app-start.ts). The browser fetches and compiles app.js meanwhile (modulepreload):
// its ~200 ms (more on a loaded machine) overlap the server reading, checking and sending the document, while the page
// would be idle. main.tsx picks the answers up; when the document asked for is not the one the app opens, the app
// simply asks again.
import type { EditorStart, OpenedDocument, WorkspaceInfo } from '../shared/api';
import { api, httpApi } from './bridge';
import { pageWaits, startAppWhenReady } from './app-start';
import { askEarly, startInPage } from './early-ask';
import { lastDocuments } from './session/first-document';
import { paintEarly } from './text/early-paint';

export interface EarlyStart {
  /** The answer's first part (painted early: text/early-paint.ts); the documents come whole. */
  start: Promise<EditorStart>;
  whole: Promise<EditorStart>;
  answering: Promise<void>;
  workspace: Promise<WorkspaceInfo>;
  /** Documents already asked for, by id (filled as soon as the answer comes). */
  documents: Map<string, Promise<OpenedDocument>>;
}

declare global {
  interface Window {
    __tahrirEarlyStart?: EarlyStart;
  }
}

// A long document's entities after its first screen's are parsed once the early paint's frame is drawn. The start
// written into the page by `tahrir serve` (opened from its printed URL) is painted without a request, and with no
// storage read before it (a tab's first: up to 250 ms in traces at load).
const given = startInPage(document);
const ask = askEarly(httpApi ?? api, given ? {} : lastDocuments(), afterNextFrame, given);
window.__tahrirEarlyStart = ask;
// early.js runs as soon as it is here (async in index.html), maybe before the page is parsed: the early paint and
// app.js need its body and #root.
const parsed: Promise<unknown> =
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
// The first screen, text and highlights, as soon as the answer is here: app.js (React, the store) takes hundreds of
// milliseconds more to paint it, and takes over from this paint in the task that renders its own text.
const painted = Promise.all([ask.start, parsed]).then(([start]) => {
  try {
    return paintEarly(start) !== null;
  } catch (e) {
    console.warn('Tahrir: the early paint failed; the app paints the document', e); // the app's paint follows
    return false;
  }
});
painted.catch(() => undefined); // the app reports a failed answer when it takes it

const app = new URL('app.js', import.meta.url).href; // not bundled in: index.html preloads it
// As soon as it is fetched, unless the answer came first: then after the early paint's frame (app-start.ts).
startAppWhenReady(
  painted,
  () =>
    void parsed
      .then(() => import(/* not bundled */ app))
      .catch((e: unknown) => {
        // Without app.js there is no app to report it: say so on the page.
        document.body.textContent = `Tahrir could not load its app script (${app}): ${e instanceof Error ? e.message : String(e)}`;
      }),
  pageWaits(app),
  ask.whole,
  ask.answering,
);

/** Resolves in a task after the next frame (or after a second: no frame comes in a hidden tab). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 1000);
  });
}

/**
 * The page's first Intl object loads ICU's locale data (50–270 ms in headless Chromium on a loaded machine), which
 * the app's first render needs (its messages are ICU MessageFormat). ICU keeps that data for the whole renderer
 * process, so a worker loads it (icu-worker.ts), off the main thread: loaded here on the main thread after the
 * request, it held the answer back whenever the answer came first. Without the worker, the app's first render loads it.
 */
function loadIcuDataAside(): void {
  try {
    new Worker(new URL('icu-worker.js', import.meta.url), { name: 'tahrir-icu' });
  } catch {
    // no worker here (an odd host): the app's first render loads the data itself
  }
}
loadIcuDataAside();
