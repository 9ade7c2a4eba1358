// A document's first edit made ready before its key: what it would work out in its keypress (the source's code-point
// index, each record's span list and largest id) is worked out once the document is open, in an idle moment.
import { prepareForEdits } from '../../shared/document-data';
import { sourceIndex } from '../../shared/text-view';
import type { StoreApi } from 'zustand';
import type { TahrirState } from './state';

/** Past this, the preparation runs even if the page never went idle (an edit before it does the work itself). */
const IDLE_TIMEOUT_MS = 1_000;
/** Without requestIdleCallback (tests under Node): a short wait instead. */
const NO_IDLE_WAIT_MS = 50;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, NO_IDLE_WAIT_MS);
}

/**
 * Prepares each document opened (or read again) for its first edit, in idle time. At 50,000 entities the first tag of
 * a page built the code-point index of the 1.5 MB source and read all 50,000 ids (nextId) in its keypress, in cold
 * code. Returns the unsubscribe.
 */
export function prepareOpenedForEdits(store: StoreApi<TahrirState>): () => void {
  return store.subscribe((s, prev) => {
    const doc = s.doc;
    if (!doc || doc === prev.doc) return;
    whenIdle(() => {
      const now = store.getState();
      if (now.doc !== doc || !now.data) return; // another document meanwhile: its own preparation is on its way
      sourceIndex(doc.source);
      // The data now (an edit made meanwhile derives from the opened records: the work lands on them all the same).
      prepareForEdits(now.data);
    });
  });
}
