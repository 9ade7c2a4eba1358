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

/**
 * The longest app.js waits for the workspace's answer before it runs anyway (ms): a small workspace
 * answers well within it (app.js then runs once the document is asked for, overlapping the server's
 * reading of it), while a large one's answer (100,000 documents: 0.3 s and more) is awaited by a page
 * that would be idle — app.js's 0.25–0.6 s of start-up ran after that answer instead of during the wait.
 */
export const ANSWER_WAIT_MS = 150;

/** Settles when app.js may run: once `asked` has (the first document asked for), or after `waitMs`. */
export function appMayRun(asked: Promise<void>, waitMs = ANSWER_WAIT_MS): Promise<void> {
  const waited = new Promise<void>((resolve) => setTimeout(resolve, waitMs));
  return Promise.race([asked, waited]);
}
