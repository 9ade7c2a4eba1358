// React's view of the store (renderer/session/store.ts ReactView): a keyboard edit's panels are
// rendered once the keys pause, in the third frame with no key (never in the keypress's own task or
// frame, nor in a task in front of a frame, nor in the second frame, just where the next key of a run
// comes), and that render knows its highlight was painted already (so the side panel shows it at once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTahrirStore, ReactView } from '../../renderer/session/store';

/** The page's frames, run by the test: each call runs the requestAnimationFrame callbacks asked for before it. */
function frames(): { next: () => void; waiting: () => number } {
  let callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => callbacks.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return {
    next: () => {
      const due = callbacks;
      callbacks = [];
      for (const cb of due) cb(performance.now());
    },
    waiting: () => callbacks.length,
  };
}

describe('ReactView', () => {
  // The timers are the test's own: on a loaded machine real ones fire late, and the test is of
  // the schedule, not of the machine's speed (that is the bench's editor-scale side-panel row).
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("tells React of a keyboard edit in its third frame's requestAnimationFrame, with the state marked painted", () => {
    const frame = frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    const told: { at: number; painted: boolean }[] = [];
    view.subscribe(() => told.push({ at: Date.now(), painted: view.isPainted() }));
    try {
      const pressed = Date.now();
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      expect(told).toHaveLength(0); // not in the keypress's task
      vi.advanceTimersByTime(12);
      expect(told).toHaveLength(0); // nor before its frame
      frame.next(); // the frame that paints the highlight
      expect(told).toHaveLength(0);
      // Nor in a task after it, in front of the second frame (when the keys bench takes the edit as painted): the tag's,
      // delete's and undo's p50 were 4-8 ms later so.
      vi.advanceTimersByTime(16);
      expect(told).toHaveLength(0);
      // Nor in the second frame (before): React's render and the repaint of the page it causes (20-31 ms at 50,000
      // entities) were in front of the undo the keys bench presses right after the delete's second frame begins.
      frame.next();
      expect(told).toHaveLength(0);
      vi.advanceTimersByTime(16);
      // In the third, before its layout: its DOM writes and the repaint they cause are that frame's.
      frame.next();
      expect(told).toHaveLength(1);
      expect(told[0].at - pressed).toBeLessThan(60);
      expect(told[0].painted).toBe(true);
      expect(frame.waiting()).toBe(0);
      // Any change after that is not painted yet: told at once, and not marked.
      store.setState({ sideTab: 'entities' });
      expect(told).toHaveLength(2);
      expect(told[1].painted).toBe(false);
    } finally {
      view.dispose();
    }
  });

  it('waits for the third frame from the last edit of a run of keys (pressed while React is behind)', () => {
    const frame = frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    let told = 0;
    view.subscribe(() => told++);
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      frame.next();
      frame.next();
      view.paintFirst(() => store.setState({ sideTab: 'entities' })); // the next key, before the third frame
      frame.next();
      frame.next();
      vi.advanceTimersByTime(1);
      expect(told).toBe(0);
      expect(frame.waiting()).toBe(1); // one chain of frames, not two
      frame.next();
      expect(told).toBe(1);
      expect(view.isPainted()).toBe(true);
      expect(frame.waiting()).toBe(0);
      // The run over, the next edit's panel is in its third frame.
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      frame.next();
      frame.next();
      expect(told).toBe(1);
      frame.next();
      expect(told).toBe(2);
    } finally {
      view.dispose();
    }
  });

  it("tells a change no key made, while React is behind a key's, with the key's: once the keys pause, painted", () => {
    const frame = frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    const painted: boolean[] = [];
    view.subscribe(() => painted.push(view.isPainted()));
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' })); // the undo
      frame.next();
      // The autosave's state, or the suggestions following the edit. Told at once (before), React rendered the undo
      // before its paint, and the side panel's lists waited for another paint: two frames more, another repaint.
      store.setState({ dialog: null, shortcutsOpen: true });
      expect(painted).toEqual([]);
      frame.next();
      expect(painted).toEqual([]);
      frame.next();
      expect(painted).toEqual([true]);
    } finally {
      view.dispose();
    }
  });

  it("waits for the third frame from a chord's modifier (the Control of Ctrl+Z) pressed while React is behind", () => {
    const frame = frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    let told = 0;
    view.subscribe(() => told++);
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' })); // the delete
      frame.next();
      frame.next();
      // Its Z follows within milliseconds: React's render, and the repaint of all the highlighted text it causes, would
      // be in front of it.
      view.waitForChord();
      frame.next();
      frame.next();
      expect(told).toBe(0);
      frame.next();
      expect(told).toBe(1);
      // With React up to date, a modifier changes nothing.
      view.waitForChord();
      view.paintFirst(() => store.setState({ sideTab: 'entities' }));
      frame.next();
      frame.next();
      frame.next();
      expect(told).toBe(2);
      // Nor does a page without frames wait for ever.
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      view.waitForChord();
      vi.advanceTimersByTime(250);
      expect(told).toBe(3);
    } finally {
      view.dispose();
    }
  });

  it('renders all of what it was behind on at once when caught up (no part left for a render after the paint)', () => {
    frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    const painted: boolean[] = [];
    view.subscribe(() => painted.push(view.isPainted()));
    try {
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      // A click right after the key: React up to date first, the side panel's lists included (useAfterPaint reads
      // isPainted). Before, they were left for a transition render after the next paint: another repaint of all the
      // highlighted text, which landed in front of the Delete pressed after the click.
      view.catchUp();
      expect(painted).toEqual([true]);
    } finally {
      view.dispose();
    }
  });

  it('runs what waits for the next tell in the task that tells React of a keyboard edit, not a paint after it', () => {
    const frame = frames();
    const store = createTahrirStore();
    const view = new ReactView(store);
    const order: string[] = [];
    view.subscribe(() => order.push('react'));
    try {
      // What the live region does after each change: its text written with React's render, in one task (one
      // repaint of the highlighted text), after the keypress's frame.
      view.paintFirst(() => store.setState({ sideTab: 'quotes' }));
      view.withNextTell(() => order.push('announced'));
      vi.advanceTimersByTime(30);
      expect(order).toEqual([]);
      frame.next();
      frame.next();
      frame.next();
      expect(order).toEqual(['react', 'announced']);
      // Cancelled, it does not run.
      view.paintFirst(() => store.setState({ sideTab: 'entities' }));
      view.withNextTell(() => order.push('cancelled'))();
      frame.next();
      frame.next();
      frame.next();
      expect(order).toEqual(['react', 'announced', 'react']);
      // React up to date (a change not made by a key): after the next paint, as before.
      store.setState({ sideTab: 'quotes' });
      view.withNextTell(() => order.push('after paint'));
      expect(order).toEqual(['react', 'announced', 'react', 'react']);
      frame.next();
      vi.advanceTimersByTime(300);
      expect(order).toEqual(['react', 'announced', 'react', 'react', 'after paint']);
    } finally {
      view.dispose();
    }
  });
});
