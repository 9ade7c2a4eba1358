// React's view of the store (renderer/session/store.ts ReactView): a keyboard edit's panels are
// rendered once the keys pause, soon enough to be within 100 ms of the last key, and that render
// knows its highlight was painted already (so the side panel shows it at once, not a paint later).
import { describe, expect, it } from 'vitest';
import { createTahrirStore, ReactView } from '../../renderer/session/store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ReactView', () => {
  it('tells React of a burst of keyboard edits once, 50 ms after the last, with the state marked painted', async () => {
    const store = createTahrirStore();
    const view = new ReactView(store);
    const told: { at: number; painted: boolean }[] = [];
    view.subscribe(() => told.push({ at: performance.now(), painted: view.isPainted() }));
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      await sleep(20);
      const last = performance.now();
      view.paintFirst(() => store.setState({ sideTab: 'entities' }));
      expect(view.isPainted()).toBe(false); // not yet told
      await sleep(200);
      expect(told).toHaveLength(1);
      const after = told[0].at - last;
      expect(after).toBeGreaterThanOrEqual(45);
      // Was 80 ms and more (a settle of 80 ms, then an idle wait): the panels came ≥ 100 ms after the key.
      expect(after).toBeLessThan(75);
      expect(told[0].painted).toBe(true);
      // Any change after that is not painted yet: told at once, and not marked.
      store.setState({ sideTab: 'quotes' });
      expect(told).toHaveLength(2);
      expect(told[1].painted).toBe(false);
    } finally {
      view.dispose();
    }
  });
});
