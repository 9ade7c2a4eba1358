// Which paragraphs of a long document are near the view (one screen above and below): the only
// ones given highlight Ranges. A long document has thousands of paragraphs and spans; the browser
// then repaints and re-checks only the few hundred Ranges it can show, on open and on every keypress.
import type { ShownText } from '../../shared/text-view';

/** Past this many characters, only paragraphs near the view get Ranges (a news article is far shorter). */
const LONG_DOCUMENT_CHARS = 50_000;

// Tried (scroll10, git 4acd8fe, reverted): the Ranges of blocks leaving kept until the next block came near, one change
// of the Ranges per block instead of two. The scroll bench's traces at 10,000 entities showed no less Paint: a frame
// after a report that changed no Range painted as much as one after a report that did (the heavy frames are the
// blocks' first layout and the repaint that follows it, not the Ranges).

// Tried (scroll11, git 3988d7b, reverted): this margin widened to where Chromium lays blocks out (content-visibility:
// auto works within 150% of the window's height, ~1,200 px in the bench, against one screen of the scroll box here,
// ~590 px), plus a frame of scrolling, so no block is painted bare and then again when its Ranges come (an e2e test
// showed a block of 31 entities laid out with none). Worse: the blocks laid out ahead now had Ranges, and were
// repainted at each highlight change as those in view are. Traces of the 10k scroll bench (one run each, load 23-31):
// block repaints over 0.3 ms 1,141 / 1,150 (main) -> 1,393 / 1,428, 5.4 -> 6.7 a block; at the same load (~30) block
// Paint 11.0 -> 15.3 s, Layout 5.6 -> 6.3 s, our JS 4.6 -> 7.2 s. A narrower margin (70%) fails the every-frame test.

// Why (scroll12, from Chromium's source and traces): any change of any Highlight, and any style or DOM change, makes
// Chromium drop and rebuild every highlight marker (HighlightRegistry::ValidateHighlightMarkers), which invalidates the
// paint of every text node with a Range: every laid-out block with Ranges is repainted, whichever Highlight changed
// (one Highlight per block would not help). A block laid out or skipped by content-visibility is a style change, so a
// scroll repaints the ranged blocks twice a block whatever we do; on main ~3 of 4 frames that repaint have a style
// change (build/read-scroll-trace.mjs). Tried (git 659b617, reverted): this observer's margin exactly the browser's
// (150% of the window's height), so its report comes after the same frame as the browser's decision and the Ranges
// change in the frame the block is laid out or skipped (an e2e test showed each block laid out with its Ranges, which
// failed on main). Traced 10k scroll, interleaved, 3 rounds (load 2-27): repaints 1,111 / 1,120 / 1,114 / 1,136 ->
// 1,080 / 1,093 / 1,093, frames that repaint 464 / 466 / 466 / 474 -> 432 / 435 / 435, but block Paint 19.6 / 21.0 /
// 20.7 / 19.4% -> 23.4 / 23.2 / 24.0% of the thread's task time: fewer repaints, each of more ranged text. The lever
// left is the ranged text per repaint (whole blocks of ~2,500 px now), not the count of changes: e.g. Ranges by
// paragraph, the ones a scroll left behind dropped in a frame that rebuilds the markers anyway.

// Tried (scroll14, git 4626643 and 0fce60b, reverted): Ranges by paragraph, an IntersectionObserver (same margin) on
// the paragraphs of the near blocks. Each paragraph given or dropped its Ranges as it came within a screen or left
// (4626643): the ranged text fell to ~3 screens, but the Ranges changed in nearly every frame, and each change repaints
// every ranged text: traced 10k scroll (1 round, load 18) block repaints 1,956 in 1,040 frames (main 1,128-1,155 in
// 473-486), Paint 2,557 ms (main 1,624-1,859), other paint steps 2,440 (1,803-2,107), thread 9,257 ms (6,973-8,186).
// Whole blocks given Ranges as they come near (one change a block, as here), the paragraphs the view left behind
// dropped in that change (0fce60b; ranged text over 1.5 screens behind an e2e scroll 1.08 screens a frame, main 1.78).
// 2 rounds interleaved with main (load 15-34): repaints 1,111 / 1,125 in 473 / 472 frames (main 1,155 / 1,128 in
// 486 / 473), block Paint 1,499 / 1,307 ms (1,578 / 1,499), Paint 1,800 / 1,522 (1,859 / 1,773), other paint steps
// 2,153 / 1,714 (2,107 / 2,000), intersections 978 / 815 (909 / 894), observer callbacks 383 / 338 (297 / 307), thread
// 8,412 / 6,848 (8,186 / 7,765), heaviest 1% of frames 23.2 / 17.4 ms (24.3 / 21.4): no gain in one round, 12% less
// thread time in the other; not clear. The paragraphs' observer costs about what the paint saves, and the text ahead
// (a whole block, ~2,500 px) is what one change a block needs: less of it needs more changes, each a full repaint.

/**
 * Blocks watched on each side of the near ones (a block is ~2,500 px; the bench's scroll moves 400 px a frame, so the
 * window moves with each report long before the view reaches its edge). With every block watched (212 in the 1.5 MB
 * article), the browser's IntersectionObserverController::computeIntersections was the most of its thread's own time
 * after paint (~1.1 ms a frame). Traced 10k scroll (scroll13, 1,270 frames, 2 rounds interleaved, load 15-35): self
 * time 1,419 / 1,801 -> 986 / 947 ms, 15.3 / 15.0% -> 11.0 / 11.3% of the thread's task time; what is left is mostly
 * the browser's own watch of the content-visibility blocks (one observation each, all 212).
 */
const WATCHED_AROUND = 4;

export class NearView {
  /** Indexes of the paragraphs near the view. */
  readonly paragraphs = new Set<number>();
  private readonly observer: IntersectionObserver;
  /**
   * The blocks of paragraphs (DocumentView renders paragraphs in blocks), with their paragraphs [first, end).
   */
  private readonly observed = new Map<Element, { first: number; end: number }>();
  /** The same blocks in document order. */
  private readonly order: Element[] = [];
  /** The blocks the observer watches: those near the view and WATCHED_AROUND on each side (all, until known). */
  private readonly watching = new Set<Element>();
  /** The paragraphs [first, end) of the blocks watched; null: every block (where the view is is not known). */
  private window: { first: number; end: number } | null = null;

  /** Null for documents of ordinary length (or without IntersectionObserver): every paragraph gets Ranges. */
  static of(
    shown: ShownText,
    scrollRoot: Element | null,
    changed: (paragraphs: ReadonlySet<number>) => void,
  ): NearView | null {
    if (typeof IntersectionObserver === 'undefined' || shown.text.length <= LONG_DOCUMENT_CHARS) return null;
    return new NearView(scrollRoot, changed);
  }

  private constructor(
    scrollRoot: Element | null,
    private readonly changed: (paragraphs: ReadonlySet<number>) => void,
  ) {
    this.observer = new IntersectionObserver((entries) => this.nearChanged(entries), {
      root: scrollRoot,
      rootMargin: '100% 0px',
    });
  }

  has(index: number): boolean {
    return this.paragraphs.has(index);
  }

  /** How many blocks the observer watches (the browser checks each of them every frame that moves them). */
  get watched(): number {
    return this.watching.size;
  }

  /** Knows the block holding paragraph `index` (once per block), and watches it if it is in the window. */
  observe(index: number, el: Element): void {
    const block = el.parentElement;
    // Not in a block of paragraphs: the paragraph is watched alone.
    const inBlock = block?.dataset.first !== undefined && block.dataset.end !== undefined;
    const target = inBlock ? block! : el;
    if (this.observed.has(target)) return;
    const range = inBlock
      ? { first: Number(block!.dataset.first), end: Number(block!.dataset.end) }
      : { first: index, end: index + 1 };
    this.observed.set(target, range);
    // Blocks are rendered in order: nearly always the last.
    let at = this.order.length;
    while (at > 0 && this.observed.get(this.order[at - 1])!.first > range.first) at--;
    this.order.splice(at, 0, target);
    if (!this.window || (range.first < this.window.end && range.end > this.window.first)) this.watch(target);
  }

  private watch(target: Element): void {
    if (this.watching.has(target)) return;
    this.watching.add(target);
    this.observer.observe(target);
  }

  /**
   * The observer watches the blocks near the view and WATCHED_AROUND on each side, the others no more; none near (the
   * view jumped past the window, or is not known yet): every block again, until its next report finds the view.
   */
  private moveWindow(): void {
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < this.order.length; i++) {
      if (!this.paragraphs.has(this.observed.get(this.order[i])!.first)) continue;
      if (lo < 0) lo = i;
      hi = i;
    }
    if (lo < 0) {
      this.window = null;
      for (const target of this.order) this.watch(target);
      return;
    }
    lo = Math.max(0, lo - WATCHED_AROUND);
    hi = Math.min(this.order.length - 1, hi + WATCHED_AROUND);
    this.window = { first: this.observed.get(this.order[lo])!.first, end: this.observed.get(this.order[hi])!.end };
    for (const target of [...this.watching]) {
      const i = this.order.indexOf(target);
      if (i >= lo && i <= hi) continue;
      this.watching.delete(target);
      this.observer.unobserve(target);
    }
    for (let i = lo; i <= hi; i++) this.watch(this.order[i]);
  }

  /**
   * The observer first reports after a frame has been drawn: without this, a long document's first
   * frame would show no highlight. The blocks within a screen of the view now are taken as near at
   * once (one layout, which that frame needs anyway); the observer's first report corrects it.
   */
  seed(scrollRoot: Element | null): void {
    const view = (scrollRoot ?? document.documentElement).getBoundingClientRect();
    for (const [target, block] of this.observed) {
      const box = target.getBoundingClientRect();
      if (box.bottom < view.top - view.height || box.top > view.bottom + view.height) continue;
      for (let index = block.first; index < block.end; index++) this.paragraphs.add(index);
    }
  }

  /** Blocks of paragraphs came near the view or left it: the spans crossing them are drawn or dropped. */
  private nearChanged(entries: IntersectionObserverEntry[]): void {
    const changed = new Set<number>();
    for (const entry of entries) {
      const block = this.observed.get(entry.target);
      if (!block) continue;
      for (let index = block.first; index < block.end; index++) {
        if (entry.isIntersecting === this.paragraphs.has(index)) continue;
        if (entry.isIntersecting) this.paragraphs.add(index);
        else this.paragraphs.delete(index);
        changed.add(index);
      }
    }
    // The first report (every block watched) places the window; later ones move it when the near blocks change.
    if (changed.size > 0 || this.window === null) this.moveWindow();
    this.changed(changed);
  }

  dispose(): void {
    this.observer.disconnect();
  }
}

/**
 * Which of the paragraphs near the view are in it, or within `margin` of it (a fraction of the view's height above and
 * below): an IntersectionObserver on those paragraphs only (a few dozen) says so after each frame that moves them, so
 * asking costs no layout. Measured with getBoundingClientRect instead, each keyboard edit's redraw of the suggestions
 * laid the page out again in the task that had just written the side panel (a forced layout, ~5-11 ms an edit in the
 * keys bench's profile).
 */
export class ParagraphsInView {
  readonly paragraphs = new Set<number>();
  private readonly observer: IntersectionObserver;
  /** Each watched paragraph's element (a paragraph rendered again is watched in its new element). */
  private readonly watched = new Map<number, Element>();
  private readonly indexOf = new WeakMap<Element, number>();

  constructor(
    root: Element | null,
    margin: number,
    /** Paragraphs came into the view (or its margin) or left it. */
    private readonly changed: (paragraphs: ReadonlySet<number>) => void,
  ) {
    this.observer = new IntersectionObserver((entries) => this.report(entries), {
      root,
      rootMargin: `${margin * 100}% 0px`,
    });
  }

  /** Watches paragraph `index` in `el` (it came near the view, or was rendered again). */
  watch(index: number, el: Element): void {
    const was = this.watched.get(index);
    if (was === el) return;
    if (was) this.observer.unobserve(was);
    this.watched.set(index, el);
    this.indexOf.set(el, index);
    this.observer.observe(el);
  }

  /** No longer watched (it left the paragraphs near the view): not in the view either. */
  unwatch(index: number): void {
    const was = this.watched.get(index);
    if (!was) return;
    this.observer.unobserve(was);
    this.watched.delete(index);
    this.paragraphs.delete(index);
  }

  private report(entries: IntersectionObserverEntry[]): void {
    const changed = new Set<number>();
    for (const entry of entries) {
      const index = this.indexOf.get(entry.target);
      if (index === undefined || this.watched.get(index) !== entry.target) continue;
      if (entry.isIntersecting === this.paragraphs.has(index)) continue;
      if (entry.isIntersecting) this.paragraphs.add(index);
      else this.paragraphs.delete(index);
      changed.add(index);
    }
    if (changed.size > 0) this.changed(changed);
  }

  dispose(): void {
    this.observer.disconnect();
  }
}
