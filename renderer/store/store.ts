// The one Zustand store, combined from slices. Vanilla (no React) so the store and
// its actions run and test in Node; components read it through `useTahrir`.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
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

/** React hook: a narrow selector over the store (wrap array/object results in useShallow). */
export function useTahrir<T>(selector: (state: TahrirState) => T): T {
  return useStore(store, selector);
}

/** Back to nothing opened (tests, and a workspace switch). */
export function resetStore(): void {
  store.setState(initialState(), true);
}

const NO_LABELS: readonly LabelConfig[] = [];
/** The workspace's labels (a stable empty list before a workspace loads, so selectors do not loop). */
export const selectLabels = (s: TahrirState): readonly LabelConfig[] => s.workspace?.config.labels ?? NO_LABELS;
