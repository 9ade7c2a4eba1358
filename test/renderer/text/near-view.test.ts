// Which blocks of a long document the IntersectionObserver watches: the browser computes every watched target's
// intersection each frame a scroll moves it (~1 ms a frame with the 212 blocks of the 1.5 MB article watched), so only
// the blocks near the view and a few on each side are, and the view is still found wherever it goes. Node has no
// IntersectionObserver: the browser's is stood in for by one that reports as it does (a target's first state once
// watched, then each change of it, after a frame).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../../../shared/text-view';
import { NearView } from '../../../renderer/text/near-view';

const BLOCKS = 400;
const PER_BLOCK = 10;

class StandInObserver {
  static last: StandInObserver;
  readonly targets = new Map<Element, boolean | undefined>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    StandInObserver.last = this;
  }
  observe(target: Element) {
    if (!this.targets.has(target)) this.targets.set(target, undefined);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** A frame drawn with these blocks near the view: the watched ones whose state is new are reported. */
  frame(near: (block: number) => boolean) {
    const entries: IntersectionObserverEntry[] = [];
    for (const [target, was] of this.targets) {
      const now = near(Number((target as HTMLElement).dataset.first) / PER_BLOCK);
      if (was === now) continue;
      this.targets.set(target, now);
      entries.push({ target, isIntersecting: now } as IntersectionObserverEntry);
    }
    if (entries.length > 0) this.callback(entries);
  }
}

const g = globalThis as unknown as Record<string, unknown>;
let had: unknown;
beforeAll(() => {
  had = g.IntersectionObserver;
  g.IntersectionObserver = StandInObserver;
});
afterAll(() => {
  g.IntersectionObserver = had;
});

/** A document of BLOCKS blocks of PER_BLOCK paragraphs, each block 1,000 px tall; the view 600 px at `top`. */
function setUp(top: number) {
  const shown = shownText(
    Array.from({ length: BLOCKS * PER_BLOCK }, (_, i) => `paragraph ${i} ${'x'.repeat(30)}`).join('\n'),
    {},
    'clean',
  );
  const blocks = Array.from({ length: BLOCKS }, (_, b) => {
    const block = {
      dataset: { first: String(b * PER_BLOCK), end: String((b + 1) * PER_BLOCK) },
      getBoundingClientRect: () => ({ top: b * 1000 - top, bottom: (b + 1) * 1000 - top }),
    };
    return block;
  });
  const root = { getBoundingClientRect: () => ({ top: 0, bottom: 600, height: 600 }) } as unknown as Element;
  let changes = 0;
  const near = NearView.of(shown, root, () => changes++)!;
  for (let b = 0; b < BLOCKS; b++)
    for (let i = b * PER_BLOCK; i < (b + 1) * PER_BLOCK; i++)
      near.observe(i, { parentElement: blocks[b] } as unknown as Element);
  near.seed(root);
  return { near, observer: StandInObserver.last };
}

/** The blocks within a screen (600 px) of a view at `top`. */
const nearTo = (top: number) => (b: number) => (b + 1) * 1000 > top - 600 && b * 1000 < top + 1200;
const nearBlocks = (near: NearView) =>
  [...new Set([...near.paragraphs].map((i) => Math.floor(i / PER_BLOCK)))].sort((a, b) => a - b);

describe('NearView', () => {
  it('watches the blocks near the view and a few around them, not all of a long document', () => {
    const { near, observer } = setUp(0);
    expect(observer.targets.size).toBe(BLOCKS); // where the view is is not known before the first report
    observer.frame(nearTo(0));
    expect(nearBlocks(near)).toEqual([0, 1]);
    expect(observer.targets.size).toBeLessThanOrEqual(12);
  });

  it('follows a steady scroll through the whole document with the near blocks always watched', () => {
    const { near, observer } = setUp(0);
    let most = 0;
    for (let top = 0; top <= (BLOCKS - 1) * 1000; top += 400) {
      observer.frame(nearTo(top));
      const expected = Array.from({ length: BLOCKS }, (_, b) => b).filter(nearTo(top));
      expect(nearBlocks(near)).toEqual(expected);
      if (top > 0) most = Math.max(most, observer.targets.size);
    }
    expect(most).toBeLessThanOrEqual(12);
  });

  it('finds the view again after a jump past the blocks watched (to the end, and back to the top)', () => {
    const { near, observer } = setUp(0);
    observer.frame(nearTo(0));
    const end = (BLOCKS - 1) * 1000;
    observer.frame(nearTo(end)); // the near blocks left: every block is watched again
    observer.frame(nearTo(end)); // ... and the view is found
    expect(nearBlocks(near)).toEqual([BLOCKS - 2, BLOCKS - 1]);
    expect(observer.targets.size).toBeLessThanOrEqual(12);
    observer.frame(nearTo(0));
    observer.frame(nearTo(0));
    expect(nearBlocks(near)).toEqual([0, 1]);
  });
});
