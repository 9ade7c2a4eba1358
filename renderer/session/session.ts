// One editor session per open workspace: the store (every slice, the cleanup review's too), React's
// view of it, autosave, the sidecar worker, external-change handling, the back end's events and the
// API connection, as fields of one object that `dispose` stops as a whole. Tests make a fresh one
// each (startSession); the app makes one at start-up (main.tsx).
//
// `current` is the renderer's one module-level mutable (lint forbids any other, see
// eslint.config.mjs): actions stay plain functions that event listeners and components call
// without hooks, and reach the session through `session()`.
import type { DocumentSummary, TahrirApi } from '../../shared/api';
import type { HttpTarget } from '../api-http';
import { Autosave, type AutosaveOptions } from './autosave';
import { BackendEvents } from './external-events';
import { ExternalChanges } from './external-change';
import { SidecarWriter } from './sidecar-writer';
import type { DocumentData } from '../../shared/document-data';
import type { DocumentFilter } from '../../shared/document-filter';
import type { TahrirState } from './state';
import type { Locale, Translator } from '../../shared/i18n/translator';
import { createTahrirStore, initialCleanup, initialReview, ReactView } from './store';
import { prepareOpenedForEdits } from './edit-ready';

/**
 * What layers above the session keep per session (the mounted text surface, the label stylesheet):
 * they add their fields to this interface (declaration merging), so the session does not import them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the layers above
export interface SessionViews {}

/** Values derived from the store, kept while what they come from is unchanged (the same object for React). */
export interface SessionMemo {
  live: {
    documents: DocumentSummary[];
    data: DocumentData | null;
    id: string | undefined;
    out: DocumentSummary[];
  } | null;
  visible: {
    all: DocumentSummary[];
    filter: string;
    textMatches: TahrirState['textMatches'];
    workspace: TahrirState['workspace'];
    annotator: string | null;
    out: DocumentSummary[];
    /** The filter parsed and its words folded (null: no filter), and whether the back end's answer decided. */
    parsed: DocumentFilter | null;
    needles: string[];
    answered: boolean;
    /** Where in `all` each row of `out` is: what the next, narrower filter looks at again. */
    at: Int32Array | null;
  } | null;
  /**
   * The lists of the last filters typed over the same documents (newest last): Backspace back to one
   * is that list again, not the whole list filtered anew.
   */
  visibleBefore: NonNullable<SessionMemo['visible']>[];
  search: { text: string; query: string; out: { start: number; end: number }[] } | null;
  /** The open entity and quote suggestions (annotation-suggestions.ts). */
  review: { suggestions: object; data: DocumentData | null; sources: object; out: unknown } | null;
  /** The list's progress line, for the documents it was counted over. */
  /** The listing's documents done (counted once per listing), and the answer with the open document's live status. */
  progress: {
    documents: DocumentSummary[];
    listedDone: number;
    live: DocumentSummary[];
    out: { done: number; total: number };
  } | null;
  /**
   * Each listed document's id and title folded for the filter, in the listing's order
   * (document-actions.ts `foldedNames`); the next listing takes over those of its unchanged documents.
   */
  names: { documents: DocumentSummary[]; folded: string[] } | null;
  /** A listing's names as far as the idle folding got (foldNamesWhenIdle): a keystroke folds on from there. */
  folding: {
    documents: DocumentSummary[];
    folded: string[];
    /** The last listing's names, taken over where a document and its title are the same. */
    before: { documents: DocumentSummary[]; folded: string[] } | null;
    /** The last listing's places by id, made only if its order is not this one's. */
    placeBefore: Map<string, number> | null;
  } | null;
}

export class EditorSession {
  /**
   * Tells sessions apart (the UI's root is keyed by it, so a new workspace renders from scratch), and
   * windows apart for the back end's text search (a window's later search cancels only its own).
   */
  readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  readonly store = createTahrirStore();
  readonly react: ReactView;
  readonly sidecars: SidecarWriter;
  readonly autosave: Autosave;
  readonly external: ExternalChanges;
  readonly events: BackendEvents;
  readonly views: SessionViews = {};
  /** Counters: a later answer wins over an earlier one still on its way; the same notice or flash twice still shows. */
  readonly seq = { open: 0, suggestions: 0, annotationSuggestions: 0, flash: 0, notice: 0, search: 0, syncStatus: 0 };
  /** The filter's search waits for typing to pause (see setFilter). */
  searchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Keys typed into the filter so far (setFilter): a search's answer is dropped when one came after it was asked. */
  filterKeys = 0;
  /** When the last of them was typed (performance.now()): a listing waits for the filter to be still (filterStill). */
  filterKeyAt = -Infinity;
  /** Listings asked for (takeDocuments), and the number of the one shown last: an older one is not shown after it. */
  readonly listings: {
    asked: number;
    shown: number;
    /** The whole list asked for again (refreshDocuments) and not answered yet; the one asked for after it. */
    refreshing: Promise<void> | null;
    next: Promise<void> | null;
  } = { asked: 0, shown: 0, refreshing: null, next: null };
  /** The words the back end last answered for, whether or not its answer changed the store (searchTexts). */
  searchedWords: string | null = null;
  readonly memo: SessionMemo = {
    live: null,
    visible: null,
    visibleBefore: [],
    search: null,
    review: null,
    progress: null,
    names: null,
    folding: null,
  };
  /** Each language's translator, made on first use (it parses each message once). */
  readonly translators: Partial<Record<Locale, Translator>> = {};
  private readonly stops: (() => void)[] = [];

  constructor(
    /** The session's one way to the disk: the bridge in the app, the real back end in tests. */
    public api: TahrirApi,
    /**
     * What the app does with each new session (start it, its keys, its UI); the next workspace's session gets the same.
     */
    readonly setup: (session: EditorSession) => void = () => undefined,
  ) {
    this.react = new ReactView(this.store);
    this.sidecars = new SidecarWriter(() => this.api);
    this.autosave = new Autosave(this);
    this.external = new ExternalChanges(this);
    this.events = new BackendEvents(this);
    // Suggestions belong to one document: fetched again when another one opens.
    this.stops.push(
      this.store.subscribe((s, prev) => {
        if (s.doc?.id !== prev.doc?.id && s.cleanup.docId !== (s.doc?.id ?? null))
          this.store.setState({ cleanup: initialCleanup() });
        if (s.doc?.id !== prev.doc?.id && s.review.docId !== (s.doc?.id ?? null))
          this.store.setState({ review: initialReview(s.review.sources) });
        // Its sidecar became unreadable (changed on disk): its suggestions go, as nothing can be accepted now.
        else if (s.doc !== prev.doc && s.doc?.readOnly && s.review.docId !== null)
          this.store.setState({ review: initialReview(s.review.sources) });
      }),
      prepareOpenedForEdits(this.store),
    );
  }

  /**
   * The app's background work: the sidecar worker (`server`: under `tahrir serve` it sends saves
   * itself; null on the desktop, where they go through the bridge), autosave, external changes
   * and the back end's events.
   */
  start(server: HttpTarget | null, autosave: Partial<AutosaveOptions> = {}): this {
    this.sidecars.start(server);
    this.autosave.start(autosave);
    this.external.install();
    this.stops.push(this.events.listen());
    return this;
  }

  /** Ties `stop` to the session's end (window listeners the app installed for it). */
  onDispose(stop: () => void): void {
    this.stops.push(stop);
  }

  /** Stops everything the session started; its unsaved changes are the caller's to save first. */
  dispose(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.autosave.stop();
    this.external.uninstall();
    this.sidecars.stop();
    for (const stop of this.stops.splice(0)) stop();
    this.react.dispose();
  }
}

let current: EditorSession | null = null;

export function session(): EditorSession {
  if (!current) throw new Error('Tahrir: no editor session (call startSession first)');
  return current;
}

/** Ends the current session, if any, and makes a fresh one on `api`, set up by `setup`. */
export function startSession(api: TahrirApi, setup?: (session: EditorSession) => void): EditorSession {
  current?.dispose();
  current = new EditorSession(api, setup);
  current.setup(current);
  return current;
}

/** Another workspace opened: a fresh session on the same API, set up as the one it replaces. */
export function nextSession(): EditorSession {
  const last = session();
  return startSession(last.api, last.setup);
}
