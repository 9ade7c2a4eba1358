// The one Zustand store, combined from slices, and React's view of it. Vanilla (no React) so
// the store and its actions run and test in Node; components read it through `useTahrir`.
// Each EditorSession (session.ts) makes its own store and ReactView.
import { useCallback, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpenedDocument } from '../../shared/api';
import type { LabelConfig } from '../../shared/model';
import { initialLocale } from './locale';
import { session } from './session';
import { ALL_SOURCES } from '../../shared/annotation-review';
import type {
  ReviewState,
  CleanupSlice,
  CleanupState,
  DocumentSlice,
  HistorySlice,
  EditorDocument,
  SaveSlice,
  TahrirState,
  UiSlice,
  WorkspaceSlice,
} from './state';
import { rememberedAnnotator } from './annotator-name';

export const initialWorkspace = (): WorkspaceSlice => ({
  workspace: null,
  documents: [],
  moreDocuments: 0,
  filter: '',
  textMatches: null,
  workspaceError: null,
  annotator: rememberedAnnotator(),
});
export const initialDocument = (): DocumentSlice => ({
  doc: null,
  data: null,
  revision: null,
  opening: null,
  openError: null,
  curation: null,
});
/** The document as the editor holds it, from the back end's answer (`reanchored`: after a reload, what moved). */
export const editorDocumentFrom = (opened: OpenedDocument, reanchored = opened.reanchored ?? null): EditorDocument => ({
  id: opened.id,
  file: opened.file,
  source: opened.text,
  base: opened.sidecar,
  readOnly: opened.readOnly ?? null,
  reanchored,
  recovered: opened.recovered ?? null,
});
export const initialHistory = (): HistorySlice => ({ past: [], future: [], groupKey: null });
export const initialSave = (): SaveSlice => ({ save: { state: 'saved', error: null, retryAt: null } });
export const initialUi = (): UiSlice => ({
  locale: initialLocale(),
  view: 'clean',
  selected: null,
  sideTab: 'entities',
  dialog: null,
  shortcutsOpen: false,
  search: { open: false, query: '', current: 0 },
  flash: null,
  notice: null,
  external: null,
  externalChoice: null,
  replacing: null,
  agreement: { versions: [], report: null },
  sync: { status: null, running: false, step: null, attempt: null, report: null },
});
export const initialCleanup = (): CleanupState => ({
  docId: null,
  suggestions: [],
  metadata: {},
  loading: false,
  error: null,
  cursor: null,
});
const initialCleanupSlice = (): CleanupSlice => ({ cleanup: initialCleanup() });
export const initialReview = (sources = ALL_SOURCES): ReviewState => ({
  docId: null,
  suggestions: [],
  version: null,
  tagger: null,
  loading: false,
  error: null,
  cursor: null,
  sources,
});

export function initialState(): TahrirState {
  return {
    ...initialWorkspace(),
    ...initialDocument(),
    ...initialHistory(),
    ...initialSave(),
    ...initialUi(),
    ...initialCleanupSlice(),
    review: initialReview(),
  };
}

export function createTahrirStore(): StoreApi<TahrirState> {
  return createStore<TahrirState>()(() => initialState());
}

/** The current session's store (see session.ts). */
export function store(): StoreApi<TahrirState> {
  return session().store;
}

// ---------- React's view of the store: the highlight first, then the panels
//
// The document's highlights follow the store directly (DocumentHighlights subscribes), so a
// keyboard edit's highlight is drawn in the keypress's own task. React's components are told
// of the change at once too, except during `paintFirst`: then they are told once the keys pause,
// in the third frame with no key (the first paints the highlight), so their render (inspector,
// lists, counts) and the repaint it causes never stand in front of a highlight or the next key.
// Any later key or pointer press first brings React up to date (`catchUp`), so what a
// shortcut acts on is always rendered.

/** Past this, an update waiting for an idle moment runs even if the page never went idle. */
const IDLE_WAIT_MS = 100;
/** A hidden page gets no frames: past this, an update waiting for a paint runs anyway. */
const NO_FRAME_MS = 250;
/**
 * React is told of keyboard edits in the requestAnimationFrame of this frame since the last key (an edit, or a chord's
 * modifier): the keys have paused. Told in the second (before), React's render and the repaint of the whole page it
 * causes (20-31 ms of main thread at 50,000 entities) came just in front of the next key of a run (the bench's undo
 * after a delete, a delete right after a click). In the third, the panels are painted ~60-80 ms after the last key at
 * 60 Hz, within the side panel's goal (100 ms from a pause); a fourth frame would leave no margin at load.
 */
const FRAMES_AFTER_PAUSE = 3;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'undefined') run();
  else requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
}

export class ReactView {
  private waiting: (() => void)[] = [];
  /** Updates to run as React is told of the changes it is behind on (see withNextTell). */
  private withTell: (() => void)[] = [];
  private waitScheduled = false;
  /** Updates to run together as soon as the next frame is painted (see rightAfterNextPaint). */
  private dueAfterPaint: (() => void)[] = [];
  private dueScheduled = false;
  private readonly listeners = new Set<() => void>();
  private paintingFirst = 0;
  /** React has not yet been told of the latest change. */
  private behind = false;
  private disposed = false;
  /** Frames begun since the last keyboard edit or chord modifier, while React is behind (see tellAfterFrames). */
  private framesSinceEdit = 0;
  /** A chain of requestAnimationFrame callbacks is counting framesSinceEdit. */
  private counting = false;
  /** A hidden page's way to tell React anyway (see NO_FRAME_MS). */
  private noFrame: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  /** The state React was last told of once its highlight was painted (tellPainted), or all at once (catchUp). */
  private paintedState: TahrirState | null = null;

  constructor(private readonly store: StoreApi<TahrirState>) {
    this.unsubscribe = store.subscribe(() => {
      if (this.paintingFirst === 0) {
        // A change no key made (the autosave's state, the suggestions following an edit) while React is behind a key's:
        // told with it, once the keys pause. Told at once, React rendered the key's change before its paint:
        // the side panel's lists were put off for another paint, two frames more and another repaint.
        if (!this.behind) this.tell();
        return;
      }
      this.framesSinceEdit = 0;
      if (!this.behind) {
        this.behind = true;
        this.tellAfterFrames();
      }
    });
  }

  /**
   * Runs `update` after the browser's next paint: a requestAnimationFrame callback runs just
   * before a frame is drawn, and a task posted from it runs once that frame is done. It then
   * waits for the page to be idle, so it does not hold up the frame after either (input, a
   * frame due). Updates asked for before the same paint run together, in order. Returns a
   * function that cancels it.
   */
  afterNextPaint(update: () => void): () => void {
    this.waiting.push(update);
    if (!this.waitScheduled) {
      this.waitScheduled = true;
      if (typeof requestAnimationFrame === 'undefined') {
        setTimeout(this.runWaiting, 0);
      } else {
        const fallback = setTimeout(this.runWaiting, NO_FRAME_MS);
        requestAnimationFrame(() => {
          clearTimeout(fallback);
          setTimeout(() => whenIdle(this.runWaiting), 0);
        });
      }
    }
    return () => {
      this.waiting = this.waiting.filter((u) => u !== update);
    };
  }

  /**
   * Runs `update` as soon as the next frame is painted (a task posted from its requestAnimationFrame), with every other
   * update asked for before that frame, in one synchronous render: the side panel's lists on a document's first paint.
   * Each in a timer of its own, then rendered in a scheduler task, they took 3-4 frames after the first paint, not one.
   * Returns a function that cancels it.
   */
  rightAfterNextPaint(update: () => void): () => void {
    this.dueAfterPaint.push(update);
    if (!this.dueScheduled) {
      this.dueScheduled = true;
      const run = (): void => {
        clearTimeout(fallback);
        this.dueScheduled = false;
        const updates = this.dueAfterPaint;
        this.dueAfterPaint = [];
        if (this.disposed || updates.length === 0) return;
        flushSync(() => {
          for (const u of updates) u();
        });
      };
      const fallback = setTimeout(run, typeof requestAnimationFrame === 'undefined' ? 0 : NO_FRAME_MS);
      if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(() => setTimeout(run, 0));
    }
    return () => {
      this.dueAfterPaint = this.dueAfterPaint.filter((u) => u !== update);
    };
  }

  private readonly runWaiting = (): void => {
    this.waitScheduled = false;
    const updates = this.waiting;
    this.waiting = [];
    if (this.disposed) return;
    for (const update of updates) update();
  };

  private tell(): void {
    this.behind = false;
    if (this.noFrame !== null) clearTimeout(this.noFrame);
    this.noFrame = null;
    for (const listener of [...this.listeners]) listener();
    const updates = this.withTell;
    this.withTell = [];
    for (const update of updates) update();
  }

  /**
   * Runs `update` as React is brought up to date after a keyboard edit's paint (see tellAfterFrames), or
   * after the next paint when React is not behind. With highlights registered, the browser repaints all the
   * highlighted text after any change of the page's DOM (~20-70 ms on a long document): a write of its own right after
   * the keypress's paint made a second repaint, which the next key waited behind; written with React's render, it is
   * one.
   */
  withNextTell(update: () => void, measures = false): () => void {
    if (!this.behind || this.disposed) return this.afterNextPaint(update);
    // What measures the text goes before what only writes (the live region's words): a read after a write lays the
    // page out then and there, and again in the frame.
    if (measures) this.withTell.unshift(update);
    else this.withTell.push(update);
    return () => {
      this.withTell = this.withTell.filter((u) => u !== update);
    };
  }

  /**
   * Tells React, all at once, in the requestAnimationFrame of the FRAMES_AFTER_PAUSE-th frame with no key since a
   * keyboard edit (each edit, and a chord's modifier, starts the count again): the first paints the edit's highlight,
   * a later one the side panel and the rest, before the frame's layout, so its DOM writes and the repaint of all the
   * highlighted text they cause (any DOM write does) are that frame's, not another's. In a task after a frame (before),
   * they fell in front of the next frame or the next key (10k undo p95 43 ms; p50 +4-8 ms at load 17-25).
   */
  private tellAfterFrames(): void {
    if (typeof requestAnimationFrame === 'undefined') {
      setTimeout(() => this.tellPainted(this.store.getState(), true), 0);
      return;
    }
    if (this.noFrame !== null) clearTimeout(this.noFrame);
    this.noFrame = setTimeout(() => this.tellPainted(this.store.getState(), true), NO_FRAME_MS);
    if (this.counting) return; // one chain of frames at a time (the fallback above may come first)
    this.counting = true;
    const frame = (): void => {
      if (!this.behind || this.disposed) {
        this.counting = false;
        return;
      }
      if (++this.framesSinceEdit < FRAMES_AFTER_PAUSE) {
        requestAnimationFrame(frame);
        return;
      }
      this.counting = false;
      // No edit since the last frame (it restarts the count): the state that frame painted.
      this.tellPainted(this.store.getState());
    };
    requestAnimationFrame(frame);
  }

  private tellPainted(painted: TahrirState, anyway = false): void {
    if (!this.behind || this.disposed) return; // caught up meanwhile
    // A key pressed since: its highlight is not painted yet, and goes first again. So does a chord's modifier
    // (waitForChord), unless this is the fallback of a page without frames.
    if (this.store.getState() !== painted || (this.framesSinceEdit < FRAMES_AFTER_PAUSE && !anyway))
      return this.tellAfterFrames();
    this.paintedState = painted;
    // Rendered and its effects run now, in this frame (a render left to React's scheduler ran after the paint).
    flushSync(() => this.tell());
  }

  /**
   * Whether what React renders now was already painted where it is urgent (the highlight): told
   * after that paint (or brought up to date by catchUp, all at once). Then a part that would wait
   * for the next paint (useAfterPaint) need not: it shows in this render, not another frame (and
   * idle wait) later, which made a second repaint of all the highlighted text.
   */
  isPainted(): boolean {
    return this.paintedState !== null && this.paintedState === this.store.getState();
  }

  /** React is behind a change painted first: what follows it waits for React's render (withNextTell). */
  isBehind(): boolean {
    return this.behind && !this.disposed;
  }

  /**
   * A modifier went down (the Control of Ctrl+Z) while React is behind: the shortcut's key follows. Telling React now
   * put its render, and the repaint of all the highlighted text it causes, in front of that key (an undo pressed right
   * after a delete): the modifier starts the count of frames with no key again, as an edit does.
   */
  readonly waitForChord = (): void => {
    if (!this.behind || this.disposed) return;
    this.framesSinceEdit = 0;
  };

  /** Runs a keyboard edit whose highlight should be painted before React renders what else it changed. */
  paintFirst(edit: () => void): void {
    this.paintingFirst++;
    try {
      edit();
    } finally {
      this.paintingFirst--;
    }
  }

  /** Renders now whatever React was not yet told of (before a shortcut acts on the rendered UI). */
  readonly catchUp = (): void => {
    if (!this.behind) return;
    // Everything in this render: a part left for after the next paint was another render and repaint, which landed
    // in front of the Delete pressed after a click.
    this.paintedState = this.store.getState();
    flushSync(() => this.tell());
  };

  /** For useSyncExternalStore (a stable function: React would subscribe again on every render otherwise). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.disposed = true;
    if (this.noFrame !== null) clearTimeout(this.noFrame);
    this.unsubscribe();
    this.waiting = [];
    this.withTell = [];
  }
}

/** See ReactView.afterNextPaint (the current session's). */
export function afterNextPaint(update: () => void): () => void {
  return session().react.afterNextPaint(update);
}

/** See ReactView.rightAfterNextPaint (the current session's). */
export function rightAfterNextPaint(update: () => void): () => void {
  return session().react.rightAfterNextPaint(update);
}

/** See ReactView.withNextTell (the current session's). */
export function withNextTell(update: () => void, measures = false): () => void {
  return session().react.withNextTell(update, measures);
}

/** See ReactView.isBehind (the current session's). */
export function isBehind(): boolean {
  return session().react.isBehind();
}

/** See ReactView.isPainted (the current session's). */
export function isPainted(): boolean {
  return session().react.isPainted();
}

/** See ReactView.paintFirst (the current session's). */
export function paintFirst(edit: () => void): void {
  session().react.paintFirst(edit);
}

/** See ReactView.waitForChord (the current session's). */
export function waitForChord(): void {
  session().react.waitForChord();
}

/** See ReactView.catchUp (the current session's). */
export function catchUp(): void {
  session().react.catchUp();
}

/**
 * React hook: whether what React renders was already painted where it is urgent (ReactView.isPainted), as a value
 * React follows: a component rendered while React was behind (another part's render between a key and the render
 * React is told in) renders again when told, and shows at once what it had put off for a paint.
 */
export function usePainted(): boolean {
  const react = session().react;
  const painted = useCallback(() => react.isPainted(), [react]);
  return useSyncExternalStore(react.subscribe, painted, painted);
}

/** React hook: a narrow selector over the store (wrap array/object results in useShallow). */
export function useTahrir<T>(selector: (state: TahrirState) => T): T {
  const current = session();
  const snapshot = useCallback(() => selector(current.store.getState()), [selector, current]);
  return useSyncExternalStore(current.react.subscribe, snapshot, snapshot);
}

const NO_LABELS: readonly LabelConfig[] = [];
/** The workspace's labels (a stable empty list before a workspace loads, so selectors do not loop). */
export const selectLabels = (s: TahrirState): readonly LabelConfig[] => s.workspace?.config.labels ?? NO_LABELS;
