// The page's first script (index.html): asks for the workspace, then for the document the editor
// will open (the last one opened here, else the first), and runs app.js once that answer is read
// (or after ANSWER_WAIT_MS). The browser fetches and compiles app.js meanwhile (modulepreload) and
// the page is otherwise idle, waiting on the server; run first, app.js's ~200 ms would hold a
// long document's answer unread until after it. main.tsx picks the answers up; when this script
// guessed another document, the app simply asks again.
import type { OpenedDocument, WorkspaceInfo } from '../shared/api';
import { api } from './bridge';
import { firstDocumentId } from './session/first-document';

export interface EarlyStart {
  workspace: Promise<WorkspaceInfo>;
  /** Documents already asked for, by id (filled as soon as the workspace answers). */
  documents: Map<string, Promise<OpenedDocument>>;
}

declare global {
  interface Window {
    __tahrirEarlyStart?: EarlyStart;
  }
}

/** The longest app.js waits for those answers before it runs anyway (and shows its own progress). */
const ANSWER_WAIT_MS = 500;

const documents = new Map<string, Promise<OpenedDocument>>();
const workspace = api.getWorkspace();
const firstDocument = workspace.then(
  (ws) => {
    const id = firstDocumentId(ws);
    if (!id) return;
    const opened = api.openDocument(id);
    opened.catch(() => undefined); // the app reports it when it takes this answer
    documents.set(id, opened);
    return opened;
  },
  () => undefined, // the app reports it when it takes this answer
);
window.__tahrirEarlyStart = { workspace, documents };

const waited = new Promise<void>((resolve) => setTimeout(resolve, ANSWER_WAIT_MS));
const app = new URL('app.js', import.meta.url).href; // not bundled in: index.html preloads it
void Promise.race([firstDocument.catch(() => undefined), waited])
  .then(() => import(/* not bundled */ app))
  .catch((e: unknown) => {
    // Without app.js there is no app to report it: say so on the page.
    document.body.textContent = `Tahrir could not load its app script (${app}): ${e instanceof Error ? e.message : String(e)}`;
  });
