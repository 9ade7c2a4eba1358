// What early.js (early-start.ts) does at once: asks for the workspace, then for the document the
// editor will open. Apart from the page so that when app.js may run is tested: once the document
// has been asked for, not once its answer has come.
import type { OpenedDocument, TahrirApi, WorkspaceInfo } from '../shared/api';

export interface EarlyAsk {
  workspace: Promise<WorkspaceInfo>;
  /** Documents already asked for, by id (filled as soon as the workspace answers). */
  documents: Map<string, Promise<OpenedDocument>>;
  /** Settles once the first document's request is sent, or there is none to ask for (no workspace, none in it). */
  asked: Promise<void>;
}

/**
 * Asks `api` for the workspace and then for the document `firstId` picks in it. Never rejects: the app reports
 * errors.
 */
export function askEarly(
  api: Pick<TahrirApi, 'getWorkspace' | 'openDocument'>,
  firstId: (workspace: WorkspaceInfo) => string | null,
): EarlyAsk {
  const documents = new Map<string, Promise<OpenedDocument>>();
  const workspace = api.getWorkspace();
  const asked = workspace.then(
    (ws) => {
      const id = firstId(ws);
      if (!id) return;
      const opened = api.openDocument(id);
      opened.catch(() => undefined); // the app reports it when it takes this answer
      documents.set(id, opened);
    },
    () => undefined, // the app reports it when it takes this answer
  );
  return { workspace, documents, asked };
}
