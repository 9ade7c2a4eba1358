// Loaded by index.html before app.js: asks for the workspace, then for the document the
// editor will open (the last one opened here, else the first), while the browser is still
// compiling and running the app's much larger script. main.tsx picks the answers up; without
// this script (or when it guessed another document) the app simply asks again.
import type { OpenedDocument, WorkspaceInfo } from '../shared/api';
import { api } from './bridge';
import { firstDocumentId } from './store/first-document';

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

const documents = new Map<string, Promise<OpenedDocument>>();
const workspace = api.getWorkspace();
workspace.then(
  (ws) => {
    const id = firstDocumentId(ws);
    if (!id) return;
    const opened = api.openDocument(id);
    opened.catch(() => undefined); // the app reports it when it takes this answer
    documents.set(id, opened);
  },
  () => undefined, // the app reports it when it takes this answer
);
window.__tahrirEarlyStart = { workspace, documents };
