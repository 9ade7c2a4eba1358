// React's view of the store (renderer/session/store.ts ReactView): a keyboard edit's panels are
// rendered once the keys pause, soon enough to be within 100 ms of the last key, and that render
// knows its highlight was painted already (so the side panel shows it at once, not a paint later).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTahrirStore, ReactView } from '../../renderer/session/store';

describe('ReactView', () => {
  // The timers are the test's own: on a loaded machine real ones fire late, and the test is of
  // the schedule, not of the machine's speed (that is the bench's editor-scale side-panel row).
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells React of a burst of keyboard edits once, 150 ms after the last, with the state marked painted', async () => {
    const store = createTahrirStore();
    const view = new ReactView(store);
    const told: { at: number; painted: boolean }[] = [];
    view.subscribe(() => told.push({ at: Date.now(), painted: view.isPainted() }));
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      vi.advanceTimersByTime(20);
      const last = Date.now();
      view.paintFirst(() => store.setState({ sideTab: 'entities' }));
      expect(view.isPainted()).toBe(false); // not yet told
      vi.advanceTimersByTime(144);
      expect(told).toHaveLength(0);
      vi.advanceTimersByTime(156);
      expect(told).toHaveLength(1);
      const after = told[0].at - last;
      // Not at 50 ms: an undo pressed right after a delete (40-190 ms in the keys bench) waited behind that render's
      // repaint of all the highlighted text. Nor later than the settle: no idle wait on top of it.
      expect(after).toBeGreaterThanOrEqual(145);
      expect(after).toBeLessThan(175);
      expect(told[0].painted).toBe(true);
      // Any change after that is not painted yet: told at once, and not marked.
      store.setState({ sideTab: 'quotes' });
      expect(told).toHaveLength(2);
      expect(told[1].painted).toBe(false);
    } finally {
      view.dispose();
    }
  });

  it('runs what waits for the next tell in the task that tells React of a keyboard edit, not a paint after it', () => {
    const store = createTahrirStore();
    const view = new ReactView(store);
    const order: string[] = [];
    view.subscribe(() => order.push('react'));
    try {
      // What the live region does after each change: its text written with React's render, in one task (one
      // repaint of the highlighted text), once the keys pause.
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      view.withNextTell(() => order.push('announced'));
      vi.advanceTimersByTime(30);
      expect(order).toEqual([]);
      vi.advanceTimersByTime(300);
      expect(order).toEqual(['react', 'announced']);
      // Cancelled, it does not run.
      view.paintFirst(() => store.setState({ sideTab: 'entities' }));
      view.withNextTell(() => order.push('cancelled'))();
      vi.advanceTimersByTime(300);
      expect(order).toEqual(['react', 'announced', 'react']);
      // React up to date (a change not made by a key): after the next paint, as before.
      store.setState({ sideTab: 'quotes' });
      view.withNextTell(() => order.push('after paint'));
      expect(order).toEqual(['react', 'announced', 'react', 'react']);
      vi.advanceTimersByTime(300);
      expect(order).toEqual(['react', 'announced', 'react', 'react', 'after paint']);
    } finally {
      view.dispose();
    }
  });
});
