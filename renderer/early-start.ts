// The page's first script (index.html): asks for the workspace, then for the document the editor
// will open (the last one opened here, else the first), and runs app.js as soon as that document
// has been asked for (or after ANSWER_WAIT_MS without the workspace's answer). The browser fetches
// and compiles app.js meanwhile (modulepreload). Run before the document was asked for, app.js's
// ~200 ms (more on a loaded machine) held the request back; run once its answer was read, they came
// on top of the server's time. Run in between, they overlap the server reading, checking and sending
// the document, while the page would be idle. main.tsx picks the answers up; when this script
// guessed another document, the app simply asks again.
import type { OpenedDocument, WorkspaceInfo } from '../shared/api';
import { api } from './bridge';
import { askEarly } from './early-ask';
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

/** The longest app.js waits for the workspace's answer before it runs anyway (and shows its own progress). */
const ANSWER_WAIT_MS = 500;

const { workspace, documents, asked } = askEarly(api, firstDocumentId);
window.__tahrirEarlyStart = { workspace, documents };

const waited = new Promise<void>((resolve) => setTimeout(resolve, ANSWER_WAIT_MS));
const app = new URL('app.js', import.meta.url).href; // not bundled in: index.html preloads it
void Promise.race([asked, waited])
  .then(() => import(/* not bundled */ app))
  .catch((e: unknown) => {
    // Without app.js there is no app to report it: say so on the page.
    document.body.textContent = `Tahrir could not load its app script (${app}): ${e instanceof Error ? e.message : String(e)}`;
  });
