// What early.js (early-start.ts) does at once: asks for the workspace and the document the editor will open, in one
// request (startEditor). Apart from the page so that it is tested against a real server.
import type { EditorStart, OpenedDocument, TahrirApi, WorkspaceInfo } from '../shared/api';
import { TahrirError } from '../shared/errors';
import { unpackListAnswer } from '../shared/document-list-wire';
import { START_IN_PAGE_ID, type StartInParts } from '../shared/start-answer-wire';
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
 * unasked: the app reports errors when it takes the answers. `beforeRest`, `restAfter`: see HttpApi.startEditorInParts.
 */
export function askEarly(
  api: Pick<TahrirApi, 'startEditor'> & Partial<Pick<HttpApi, 'startEditorInParts'>>,
  lastDocuments: Record<string, string>,
  beforeRest?: () => Promise<void>,
  given?: StartInPage | null,
  restAfter?: Promise<unknown>,
): EarlyAsk {
  const documents = new Map<string, Promise<OpenedDocument>>();
  // Given in the page (its first part, cut: `rest`): the rest is asked for, for that same document, once `restAfter`
  // settles (the page asks after its first screen's frame: early-start.ts).
  const asked = given?.start.first ? { [given.start.workspace.root]: given.start.first.id } : lastDocuments;
  const parts =
    given && !given.rest ? null : api.startEditorInParts?.(asked, beforeRest, given ? restAfter : undefined);
  const whole = given && !given.rest ? Promise.resolve(given.start) : (parts?.whole ?? api.startEditor(asked));
  const start = given ? Promise.resolve(given.start) : (parts?.first ?? whole);
  const workspace = start.then(({ workspace, first }) => {
    if (first) {
      // The document whole: the app opens it only with all its entities, so no edit or save sees a part of them.
      const opened =
        'opened' in first
          ? whole.then((w) => {
              if (w.first?.id !== first.id || !('opened' in w.first))
                throw new TahrirError('io', `startEditor answered for another document than ${first.id}`);
              return w.first.opened;
            })
          : Promise.reject(TahrirError.fromData(first.error));
      opened.catch(() => undefined); // the app reports it when it takes this answer
      documents.set(first.id, opened);
    }
    return workspace;
  });
  workspace.catch(() => undefined); // the app reports it when it takes this answer
  whole.catch(() => undefined); // the app reports it when it takes this answer
  const answering = given ? Promise.resolve() : (parts?.answering ?? new Promise<void>(() => undefined));
  return { start, whole, answering, workspace, documents };
}

/** The start `tahrir serve` wrote into the page (electron/started-page.ts): its first part, and whether more
 * follows. */
export interface StartInPage {
  start: EditorStart;
  /** The first document's text or entities go on after its first screen (asked for with startEditor). */
  rest: boolean;
}

/** The start written into `page` (the page opened from the printed URL), or null (none, or not readable). */
export function startInPage(page: Pick<Document, 'getElementById'>): StartInPage | null {
  const block = page.getElementById(START_IN_PAGE_ID);
  if (!block?.textContent) return null;
  try {
    const { result } = JSON.parse(block.textContent) as StartInParts;
    return { start: unpackListAnswer('startEditor', result) as EditorStart, rest: block.hasAttribute('data-rest') };
  } catch {
    return null; // asked for instead
  }
}

/**
 * `ask()`'s answers, asked once `ready` settles: in the page `tahrir serve` answers to its printed URL, early.js runs
 * in the head, while the server still answers, and the start comes in a block at the body's end.
 */
export function askWhen(ready: Promise<unknown>, ask: () => EarlyAsk): EarlyAsk {
  const asked = ready.then(ask, ask);
  const documents = new Map<string, Promise<OpenedDocument>>();
  const workspace = asked.then((a) =>
    a.workspace.then((w) => {
      // Filled before a.workspace settles (askEarly).
      for (const [id, opened] of a.documents) documents.set(id, opened);
      return w;
    }),
  );
  const on = <T>(pick: (a: EarlyAsk) => Promise<T>): Promise<T> => {
    const p = asked.then(pick);
    p.catch(() => undefined); // the app reports it when it takes this answer
    return p;
  };
  workspace.catch(() => undefined); // the app reports it when it takes this answer
  return {
    start: on((a) => a.start),
    whole: on((a) => a.whole),
    answering: on((a) => a.answering),
    workspace,
    documents,
  };
}

/** Is this the page `tahrir serve` answers to its printed URL, its start to come in a block (`startInPage`)? */
export function startComesInPage(page: Pick<Document, 'querySelector'>): boolean {
  return page.querySelector(`meta[name="${START_IN_PAGE_ID}"]`) !== null;
}
