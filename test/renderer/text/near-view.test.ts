// Which paragraphs of a long document have Ranges, and which blocks and paragraphs the IntersectionObservers watch:
// the browser computes every watched target's intersection each frame a scroll moves it (~1 ms a frame with the 212
// blocks of the 1.5 MB article watched), so only the blocks near the view and a few on each side are, and only the
// paragraphs of the near blocks and one on each side; the view is still found wherever it goes. Node has no
// IntersectionObserver: the browser's is stood in for by one that reports as it does (a target's first state once
// watched, then each change of it, after a frame), by where each target lies against the view at `scrollTop`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../../../shared/text-view';
import { NearView } from '../../../renderer/text/near-view';

const BLOCKS = 400;
const PER_BLOCK = 10;
/** A block is 1,000 px tall, a paragraph 100 px; the view 600 px. */
const BLOCK_PX = 1000;
const PARAGRAPH_PX = BLOCK_PX / PER_BLOCK;
const VIEW_PX = 600;
let scrollTop = 0;

/** A stand-in element at [top, bottom) of the document. */
const placed = (top: number, bottom: number, more: object = {}) => ({
  ...more,
  getBoundingClientRect: () => ({ top: top - scrollTop, bottom: bottom - scrollTop }),
});

/** Within a screen (the observers' margin) of the view. */
const nearView = (top: number, bottom: number) => bottom >= scrollTop - VIEW_PX && top <= scrollTop + 2 * VIEW_PX;

class StandInObserver {
  static made: StandInObserver[] = [];
  readonly targets = new Map<Element, boolean | undefined>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    StandInObserver.made.push(this);
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
  /** A frame drawn: the watched targets whose state is new are reported. */
  frame() {
    const entries: IntersectionObserverEntry[] = [];
    for (const [target, was] of this.targets) {
      const box = target.getBoundingClientRect();
      const now = nearView(box.top + scrollTop, box.bottom + scrollTop);
      if (was === now) continue;
      this.targets.set(target, now);
      const rootBounds = { top: -VIEW_PX, bottom: 2 * VIEW_PX };
      entries.push({ target, isIntersecting: now, boundingClientRect: box, rootBounds } as IntersectionObserverEntry);
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

/** A document of BLOCKS blocks of PER_BLOCK paragraphs; the view at `top`. */
function setUp(top: number) {
  scrollTop = top;
  const shown = shownText(
    Array.from({ length: BLOCKS * PER_BLOCK }, (_, i) => `paragraph ${i} ${'x'.repeat(30)}`).join('\n'),
    {},
    'clean',
  );
  const blocks = Array.from({ length: BLOCKS }, (_, b) =>
    placed(b * BLOCK_PX, (b + 1) * BLOCK_PX, {
      dataset: { first: String(b * PER_BLOCK), end: String((b + 1) * PER_BLOCK) },
    }),
  );
  const root = { getBoundingClientRect: () => ({ top: 0, bottom: VIEW_PX, height: VIEW_PX }) } as unknown as Element;
  StandInObserver.made = [];
  const changes = { count: 0 };
  const near = NearView.of(shown, root, (changed) => (changes.count += changed.size > 0 ? 1 : 0))!;
  const [byBlock, byParagraph] = StandInObserver.made;
  for (let b = 0; b < BLOCKS; b++)
    for (let i = b * PER_BLOCK; i < (b + 1) * PER_BLOCK; i++) {
      const top = i * PARAGRAPH_PX;
      near.observe(i, placed(top, top + PARAGRAPH_PX, { parentElement: blocks[b] }) as unknown as Element);
    }
  near.seed(root);
  /** A frame drawn at `top`: the paragraphs' observer computes first, so a paragraph watched now reports a frame on. */
  const frame = (at: number) => {
    scrollTop = at;
    byParagraph.frame();
    byBlock.frame();
  };
  return { near, byBlock, byParagraph, frame, changes };
}

/** The paragraphs within a screen of a view at `top`. */
const nearTo = (top: number) => {
  scrollTop = top;
  return Array.from({ length: BLOCKS * PER_BLOCK }, (_, i) => i).filter((i) =>
    nearView(i * PARAGRAPH_PX, (i + 1) * PARAGRAPH_PX),
  );
};
const sorted = (near: NearView) => [...near.paragraphs].sort((a, b) => a - b);

describe('NearView', () => {
  it('gives Ranges to the paragraphs within a screen of the view, not to every paragraph of the near blocks', () => {
    const { near, byBlock, byParagraph, frame } = setUp(1500);
    // Before the first report: those within a screen, measured once (the first frame shows them).
    expect(sorted(near)).toEqual(nearTo(1500));
    expect(byBlock.targets.size).toBe(BLOCKS); // where the view is is not known before the first report
    frame(1500);
    // Blocks 0-2 are near (0-3,000 px), yet only the paragraphs in 800-2,800 px have Ranges (main: all 30).
    expect(sorted(near)).toEqual(nearTo(1500));
    expect(near.paragraphs.size).toBe(20);
    expect(byBlock.targets.size).toBeLessThanOrEqual(12);
    expect(byParagraph.targets.size).toBeLessThanOrEqual(5 * PER_BLOCK);
  });

  it('follows a steady scroll, down and back up, with the paragraphs it left behind dropped as blocks come', () => {
    const { near, byBlock, byParagraph, frame, changes } = setUp(0);
    let most = 0;
    let ranged = 0;
    let inNearBlocks = 0;
    const steps = [];
    for (let top = 0; top <= 40 * BLOCK_PX; top += 400) steps.push(top);
    for (let top = 40 * BLOCK_PX; top >= 0; top -= 400) steps.push(top);
    for (const top of steps) {
      frame(top);
      // Every paragraph within a screen of the view has its Ranges, and none out of the blocks near it.
      const drawn = sorted(near);
      expect(drawn.filter((i) => nearTo(top).includes(i))).toEqual(nearTo(top));
      const blocks = [...new Set(nearTo(top).map((i) => Math.floor(i / PER_BLOCK)))];
      expect(drawn.every((i) => blocks.includes(Math.floor(i / PER_BLOCK)))).toBe(true);
      ranged += drawn.length;
      inNearBlocks += blocks.length * PER_BLOCK;
      if (top > 0) most = Math.max(most, byBlock.targets.size + byParagraph.targets.size);
    }
    // Main gave every paragraph of the near blocks Ranges (ranged = inNearBlocks); measured 0.94 with these short
    // blocks (1,000 px for a 1,800 px margin; the bench's are ~2,500 px).
    expect(ranged / inNearBlocks).toBeLessThan(0.95);
    // No more changes of the Ranges than blocks coming and leaving (each change repaints every ranged text): 2 a block
    // each way, and one at each of the two turns.
    expect(changes.count).toBeLessThanOrEqual(2 * 2 * 40 + 2);
    // Blocks: 3 near and 4 on each side; paragraphs: those of the near blocks.
    expect(most).toBeLessThanOrEqual(11 + 3 * PER_BLOCK);
  });

  it('finds the view again after a jump past the blocks watched (to the end, and back to the top)', () => {
    const { near, byBlock, frame } = setUp(0);
    frame(0);
    const end = (BLOCKS - 1) * BLOCK_PX;
    frame(end); // the near blocks left: every block is watched again, the top's paragraphs lose their Ranges
    frame(end); // ... the view is found, its paragraphs watched
    frame(end); // ... and reported
    expect(sorted(near)).toEqual(expect.arrayContaining(nearTo(end)));
    expect(sorted(near).every((i) => i >= (BLOCKS - 2) * PER_BLOCK)).toBe(true);
    expect(byBlock.targets.size).toBeLessThanOrEqual(12);
    frame(0);
    frame(0);
    frame(0);
    expect(sorted(near)).toEqual(expect.arrayContaining(nearTo(0)));
    expect(sorted(near).every((i) => i < 2 * PER_BLOCK)).toBe(true);
  });
});
