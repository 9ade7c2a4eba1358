// What early.js (early-start.ts) does at once: asks for the workspace and the document the editor will open, in one
// request (startEditor). Apart from the page so that it is tested against a real server.
import type { EditorStart, OpenedDocument, TahrirApi, WorkspaceInfo } from '../shared/api';
import { TahrirError } from '../shared/errors';

export interface EarlyAsk {
  /** The answer whole (the early paint draws its document's first screen from it). */
  start: Promise<EditorStart>;
  workspace: Promise<WorkspaceInfo>;
  /** Documents already asked for, by id (filled as soon as the answer comes, before `workspace` settles). */
  documents: Map<string, Promise<OpenedDocument>>;
}

/**
 * Asks `api` for the workspace and its first document (the one `lastDocuments` names for it, else the first) in one
 * round trip: asked one after the other, the document's request waited for the workspace's answer. Never rejects
 * unasked: the app reports errors when it takes the answers.
 */
export function askEarly(api: Pick<TahrirApi, 'startEditor'>, lastDocuments: Record<string, string>): EarlyAsk {
  const documents = new Map<string, Promise<OpenedDocument>>();
  const start = api.startEditor(lastDocuments);
  const workspace = start.then(({ workspace, first }) => {
    if (first) {
      const opened =
        'opened' in first ? Promise.resolve(first.opened) : Promise.reject(TahrirError.fromData(first.error));
      opened.catch(() => undefined); // the app reports it when it takes this answer
      documents.set(first.id, opened);
    }
    return workspace;
  });
  workspace.catch(() => undefined); // the app reports it when it takes this answer
  return { start, workspace, documents };
}
