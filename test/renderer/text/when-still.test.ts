// The suggestions of a long document follow the view once it stops moving: while a scroll brings
// paragraphs near the view frame after frame, none of that work runs; once it has been still, it runs
// once, for every paragraph that came or went meanwhile.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WhenStill } from '../../../renderer/text/when-still';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WhenStill', () => {
  it('does nothing while the view keeps moving, then the work once for all the paragraphs moved', () => {
    const runs: number[][] = [];
    const still = new WhenStill(150, (paragraphs) => runs.push([...paragraphs].sort((a, b) => a - b)));
    // A scroll of two seconds, a frame every 16 ms, each bringing a paragraph near the view.
    for (let frame = 0; frame < 125; frame++) {
      still.moved([frame]);
      vi.advanceTimersByTime(16);
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual(Array.from({ length: 125 }, (_, i) => i));
    // Still again: nothing more to do.
    vi.advanceTimersByTime(1_000);
    expect(runs).toHaveLength(1);
  });

  it('a cancel (the document closed) drops what was waiting', () => {
    const work = vi.fn();
    const still = new WhenStill(150, work);
    still.moved([1, 2]);
    still.cancel();
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();
  });
});
