// What early.js (early-start.ts) does at once: asks for the workspace and the document the editor will open, in one
// request (startEditor). Apart from the page so that it is tested against a real server.
import type { EditorStart, OpenedDocument, TahrirApi, WorkspaceInfo } from '../shared/api';
import { TahrirError } from '../shared/errors';
import type { HttpApi } from './api-http';

export interface EarlyAsk {
  /**
   * The answer's first part: the workspace and the document with its first screen's entities (the early paint draws
   * that screen from it); under `tahrir serve` the rest of a long document's entities is still on its way.
   */
  start: Promise<EditorStart>;
  /** The answer whole (with all of the first document's entities). */
  whole: Promise<EditorStart>;
  /** The answer's response has begun (under `tahrir serve`; never settles on the desktop, whose answer comes whole). */
  answering: Promise<void>;
  workspace: Promise<WorkspaceInfo>;
  /** Documents already asked for, whole, by id (filled as soon as the first part comes, before `workspace` settles). */
  documents: Map<string, Promise<OpenedDocument>>;
}

/**
 * Asks `api` for the workspace and its first document (the one `lastDocuments` names for it, else the first) in one
 * round trip: asked one after the other, the document's request waited for the workspace's answer. Never rejects
 * unasked: the app reports errors when it takes the answers. `beforeRest`: see HttpApi.startEditorInParts.
 */
export function askEarly(
  api: Pick<TahrirApi, 'startEditor'> & Partial<Pick<HttpApi, 'startEditorInParts'>>,
  lastDocuments: Record<string, string>,
  beforeRest?: () => Promise<void>,
): EarlyAsk {
  const documents = new Map<string, Promise<OpenedDocument>>();
  const parts = api.startEditorInParts?.(lastDocuments, beforeRest);
  const whole = parts?.whole ?? api.startEditor(lastDocuments);
  const start = parts?.first ?? whole;
  const workspace = start.then(({ workspace, first }) => {
    if (first) {
      // The document whole: the app opens it only with all its entities, so no edit or save sees a part of them.
      const opened =
        'opened' in first
          ? whole.then((w) => (w.first as { opened: OpenedDocument }).opened)
          : Promise.reject(TahrirError.fromData(first.error));
      opened.catch(() => undefined); // the app reports it when it takes this answer
      documents.set(first.id, opened);
    }
    return workspace;
  });
  workspace.catch(() => undefined); // the app reports it when it takes this answer
  whole.catch(() => undefined); // the app reports it when it takes this answer
  const answering = parts?.answering ?? new Promise<void>(() => undefined);
  return { start, whole, answering, workspace, documents };
}
