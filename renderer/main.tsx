// The renderer's entry: fonts and styles, the bridge to the back end, the editor session and
// its background work (autosave, events, keyboard), then the React tree.
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-600.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import './styles/long-document.css';
import { createRoot } from 'react-dom/client';
import { pageTarget } from './api-http';
import { api, host, httpApi } from './bridge';
import { saveOnExit } from './session/autosave';
import { loadWorkspace, openDocument, readListingsWhenStill } from './session/document-actions';
import { startSession } from './session/session';
import { store } from './session/store';
import { followAnnotationSuggestions } from './session/annotation-suggestions';
import { followSyncStatus } from './session/sync';
import { App } from './ui/App';
import { installKeyboard } from './text/keyboard';
import { applyLabelStyles, dropLabelStyles } from './text/label-styles';
import { earlyPaintShown, endEarlyPaint } from './text/early-paint';
import type {} from './early-start';
import { firstDocumentId, rememberLastDocument } from './session/first-document';
import { prepareWordSnap } from '../shared/word-snap';
import { directionOf, type Locale } from '../shared/i18n/translator';

// A render that throws unmounts the app: the early paint of the first screen must not stay over the empty page
// looking like an editor that does not answer.
const root = createRoot(document.getElementById('root')!, {
  onUncaughtError: (error) => {
    endEarlyPaint();
    reportError(error);
  },
});

// One session per open workspace (another folder opened on the desktop starts the next one, set up alike).
startSession(api, (session) => {
  // Under `tahrir serve` the worker sends saves itself; on the desktop they go through the bridge.
  session.start(host === 'browser' ? pageTarget() : null);
  session.onDispose(installKeyboard());
  session.onDispose(followAnnotationSuggestions());
  session.onDispose(followSyncStatus());
  applyLocale(session.store.getState().locale);
  session.onDispose(
    session.store.subscribe((s, prev) => {
      if (s.locale !== prev.locale) applyLocale(s.locale);
      if (s.workspace !== prev.workspace) applyLabelStyles(s.workspace?.config.labels ?? []);
      if (s.doc && s.doc.id !== prev.doc?.id) rememberLastDocument(s.workspace?.root ?? '', s.doc.id);
    }),
  );
  session.onDispose(() => dropLabelStyles(session.views));
  root.render(<App key={session.id} />);
});
if (httpApi) readListingsWhenStill(httpApi);

/**
 * The page follows the interface's language: its lang, and its direction (the whole chrome
 * mirrors in Arabic; the article's paragraphs keep the direction of their own text).
 */
function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

// Closing the window or reloading: save what is unsaved (the journal already has it).
window.addEventListener('pagehide', saveOnExit);
window.addEventListener('beforeunload', saveOnExit);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saveOnExit();
});

// The workspace and the first document were asked for by early-start.ts (index.html) while this script loaded.
const early = window.__tahrirEarlyStart;
void (async () => {
  // The answer painted early (early.js): that frame first, then the app's open.
  await early?.start.catch(() => undefined);
  await earlyPaintShown();
  let opening: Promise<void> | null = null;
  await loadWorkspace((workspace) => {
    const id = firstDocumentId(workspace);
    if (id) opening = openDocument(id, early?.documents.get(id));
  }, early?.workspace);
  await opening;
  // No document open (none, or it failed to open): the early paint of its first screen leaves now. An open one's text
  // is rendered by React in a task to come, and DocumentView ends the early paint in that task.
  if (!store().getState().doc) endEarlyPaint();
  // Selections snap to words: load the word-break data now rather than on the first selection.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => prepareWordSnap(), { timeout: 2000 });
  else prepareWordSnap();
})();
