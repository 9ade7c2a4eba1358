// The one Zustand store, combined from slices. Vanilla (no React) so the store and
// its actions run and test in Node; components read it through `useTahrir`.
import { useCallback, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createStore } from 'zustand/vanilla';
import type { LabelConfig } from '../../shared/model';
import type { DocumentSlice, HistorySlice, SaveSlice, TahrirState, UiSlice, WorkspaceSlice } from './state';

export const initialWorkspace = (): WorkspaceSlice => ({ workspace: null, documents: [], filter: '', workspaceError: null });
export const initialDocument = (): DocumentSlice => ({ doc: null, data: null, revision: null, opening: null, openError: null });
export const initialHistory = (): HistorySlice => ({ past: [], future: [], groupKey: null });
export const initialSave = (): SaveSlice => ({ save: { state: 'saved', error: null, retryAt: null } });
export const initialUi = (): UiSlice => ({
  view: 'clean',
  selected: null,
  sideTab: 'entities',
  dialog: null,
  shortcutsOpen: false,
  search: { open: false, query: '', current: 0 },
  flash: null,
  notice: null,
  external: null,
});

export function initialState(): TahrirState {
  return { ...initialWorkspace(), ...initialDocument(), ...initialHistory(), ...initialSave(), ...initialUi() };
}

export const store = createStore<TahrirState>()(() => initialState());

// ---------- React's view of the store: the highlight first, then the panels
//
// The document's highlights follow the store directly (DocumentHighlights subscribes), so a
// keyboard edit's highlight is drawn in the keypress's own task. React's components are told
// of the change at once too, except during `paintFirst`: then they are told after the browser
// has painted that highlight, once the keyboard edits have paused (EDITS_SETTLE_MS), so their
// render (inspector, lists, counts) never delays a highlight.
// Any later key or pointer press first brings React up to date (`catchUp`), so what a
// shortcut acts on is always rendered.

let waiting: (() => void)[] = [];
let waitScheduled = false;

function runWaiting(): void {
  waitScheduled = false;
  const updates = waiting;
  waiting = [];
  for (const update of updates) update();
}

/**
 * Runs `update` after the browser's next paint: a requestAnimationFrame callback runs just
 * before a frame is drawn, and a task posted from it runs once that frame is done. It then
 * waits for the page to be idle, so it does not hold up the frame after either (input, a
 * frame due). Updates asked for before the same paint run together, in order. Returns a
 * function that cancels it.
 */
export function afterNextPaint(update: () => void): () => void {
  waiting.push(update);
  if (!waitScheduled) {
    waitScheduled = true;
    if (typeof requestAnimationFrame === 'undefined') {
      setTimeout(runWaiting, 0);
    } else {
      // A hidden page gets no frames: the timeout still brings everything up to date.
      const fallback = setTimeout(runWaiting, 250);
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        setTimeout(() => whenIdle(runWaiting), 0);
      });
    }
  }
  return () => {
    waiting = waiting.filter((u) => u !== update);
  };
}

/** Past this, the update runs even if the page never went idle. */
const IDLE_WAIT_MS = 100;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'undefined') run();
  else requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
}

const reactListeners = new Set<() => void>();
let paintingFirst = 0;
/** React has not yet been told of the latest change. */
let reactBehind = false;

function tellReact(): void {
  reactBehind = false;
  for (const listener of [...reactListeners]) listener();
}

/**
 * Keyboard edits in quick succession are rendered by React once, this long after the last of
 * them: each render (and the frame it takes) would otherwise be in the way of the next key.
 */
const EDITS_SETTLE_MS = 80;
let lastEditAt = 0;

store.subscribe(() => {
  if (paintingFirst === 0) {
    tellReact();
    return;
  }
  lastEditAt = performance.now();
  if (!reactBehind) {
    reactBehind = true;
    afterNextPaint(tellReactOnceSettled);
  }
});

function tellReactOnceSettled(): void {
  if (!reactBehind) return; // caught up meanwhile
  const wait = lastEditAt + EDITS_SETTLE_MS - performance.now();
  if (wait > 0) setTimeout(() => whenIdle(tellReactOnceSettled), wait);
  else tellReact();
}

/** Runs a keyboard edit whose highlight should be painted before React renders what else it changed. */
export function paintFirst(edit: () => void): void {
  paintingFirst++;
  try {
    edit();
  } finally {
    paintingFirst--;
  }
}

/** Renders now whatever React was not yet told of (before a shortcut acts on the rendered UI). */
export function catchUp(): void {
  if (reactBehind) flushSync(tellReact);
}

function subscribeReact(listener: () => void): () => void {
  reactListeners.add(listener);
  return () => reactListeners.delete(listener);
}

/** React hook: a narrow selector over the store (wrap array/object results in useShallow). */
export function useTahrir<T>(selector: (state: TahrirState) => T): T {
  const snapshot = useCallback(() => selector(store.getState()), [selector]);
  return useSyncExternalStore(subscribeReact, snapshot, snapshot);
}

/** Back to nothing opened (tests, and a workspace switch). */
export function resetStore(): void {
  store.setState(initialState(), true);
}

const NO_LABELS: readonly LabelConfig[] = [];
/** The workspace's labels (a stable empty list before a workspace loads, so selectors do not loop). */
export const selectLabels = (s: TahrirState): readonly LabelConfig[] => s.workspace?.config.labels ?? NO_LABELS;
