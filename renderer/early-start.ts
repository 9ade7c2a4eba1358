// The page's first script (index.html): asks for the workspace and the document the editor will open (the last one
// opened here, else the first) in one request, then runs app.js as soon as it is fetched, or after the early paint's
// frame when the answer comes first (app-start.ts). The browser fetches and compiles app.js meanwhile (modulepreload):
// its ~200 ms (more on a loaded machine) overlap the server reading, checking and sending the document, while the page
// would be idle. The page `tahrir serve` answers to its printed URL, which brings the start's first part with it, has
// no such wait: there app.js, the start's rest and ICU's data are asked for once the first screen's frame is drawn
// (earlyFrameDrawn). main.tsx picks the answers up; when the document asked for is not the one the app opens, the app
// simply asks again.
import type { EditorStart, OpenedDocument, WorkspaceInfo } from '../shared/api';
import { api, httpApi } from './bridge';
import { pageWaits, startAppWhenReady } from './app-start';
import { askEarly, askWhen, startComesInPage, startInPage, type StartInPage } from './early-ask';
import { pageToken } from './page-token';
import { applyAppearance, storedAppearance } from './session/appearance';
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

// early.js runs as soon as it is here (async in index.html), maybe before the page is parsed: the early paint and
// app.js need its body and #root.
const parsed: Promise<unknown> =
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
// A long document's entities after its first screen's are parsed once the early paint's frame is drawn; given in the
// page, that rest is asked for only then (earlyFrameDrawn: `ask` is then called once the page is parsed, after this
// module's evaluation).
const ask = (given: StartInPage | null) =>
  askEarly(httpApi ?? api, given ? {} : lastDocuments(), afterNextFrame, given, given ? earlyFrameDrawn : undefined);
// The page `tahrir serve` answers to its printed URL has the start in a block at its end (electron/started-page.ts):
// early.js runs in its head meanwhile, and makes the tab's first storage accesses (each waits on the browser
// process: up to 200 ms in traces at load) while the server answers, not on the way to the paint: localStorage's
// (the early paint reads the interface's language there) and sessionStorage's (the token kept for a reload).
const inPage = startComesInPage(document);
if (inPage) {
  lastDocuments();
  pageToken(); // keeps the token in sessionStorage, in a task to come
  try {
    void sessionStorage.length; // that task may come before the paint's frame: its first access made here
  } catch {
    // no storage: the token is kept in memory only (page-token.ts)
  }
}
// The theme and contrast the editor chose, on <html> before anything is painted.
applyAppearance(storedAppearance());
window.__tahrirEarlyStart = inPage ? askWhen(parsed, () => ask(startInPage(document))) : ask(null);
const early = window.__tahrirEarlyStart;
// The first screen, text and highlights, as soon as the answer is here: app.js (React, the store) takes hundreds of
// milliseconds more to paint it, and takes over from this paint in the task that renders its own text.
const painted: Promise<boolean> = Promise.all([early.start, parsed.then(firstScreenFonts)]).then(([start]) => {
  try {
    return paintEarly(start) !== null;
  } catch (e) {
    console.warn('Tahrir: the early paint failed; the app paints the document', e); // the app's paint follows
    return false;
  }
});
painted.catch(() => undefined); // the app reports a failed answer when it takes it
// When the start comes in the page (nothing to wait for), the work its first screen does not need waits for that
// screen's frame: the rest of the start, ICU's data and app.js's fetch and compile (below). Begun as the page was
// parsed, they competed with that screen's style, layout and paint on a 2-core machine, where the first screen's open
// is bound by all processes' CPU (the server's, the browser's, the page's threads).
const earlyFrameDrawn: Promise<void> = painted.then(
  (drawn) => (drawn ? afterNextFrame() : undefined),
  () => undefined,
);

const app = new URL('app.js', import.meta.url).href; // not bundled in: index.html preloads it
const PRELOAD_APP = '<link rel="modulepreload" href="app.js">'; // the started page's, asked late (see below)
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
  early.whole,
  early.answering,
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
// While the page waits for its answer, or (the start in the page) once the first screen's frame is drawn: its data
// takes ~50-270 ms of a core (a loaded machine).
void (inPage ? earlyFrameDrawn : Promise.resolve()).then(loadIcuDataAside);
// The started page has no preload of app.js (electron/started-page.ts): fetched and compiled now, beside the rest.
if (inPage) void earlyFrameDrawn.then(() => document.head.insertAdjacentHTML('beforeend', PRELOAD_APP));

/** The faces the first screen is drawn in (index.html preloads their files: build/bundle.mjs). */
const FIRST_SCREEN_FACES = ['400 16px "Noto Sans"', '600 16px "Noto Sans"', '400 16px "Noto Naskh Arabic"'];

/**
 * Resolves once app.css and the first screen's fonts are in (never rejects). The start can now come with the page
 * itself (electron/started-page.ts), before them: painted in a fallback font (font-display: swap), the first screen's
 * lines moved when its fonts came.
 */
function firstScreenFonts(): Promise<unknown> {
  const sheet = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
  const styled =
    !sheet || sheet.sheet
      ? Promise.resolve()
      : new Promise((resolve) => {
          sheet.addEventListener('load', resolve, { once: true });
          sheet.addEventListener('error', resolve, { once: true });
        });
  return styled
    .then(() => Promise.all(FIRST_SCREEN_FACES.map((face) => document.fonts.load(face))))
    .catch(() => undefined); // painted all the same
}
