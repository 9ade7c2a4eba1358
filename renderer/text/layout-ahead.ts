// A long document's blocks of paragraphs laid out ahead, a few per idle moment, so that a scroll only paints them. A
// block out of view is not laid out (content-visibility: auto) until it first comes near the view: in a trace of the
// browser bench's scroll (10,000 entities), the frames that brought a block near were the heavy ones (Layout ~2-8 ms
// of the page's thread on top of its Paint), where the bare page, laid out whole on its open, only paints. A block
// laid out once keeps its layout when the browser skips it again (it keeps its text's shaping too).
import { isLongDocument } from './near-view';
import type { ShownText } from '../../shared/text-view';

/** Laid out only while the idle moment has at least this much left (a block takes a few ms). */
const MIN_IDLE_MS = 6;
/** Not before the open's own frames are done (its first paint, the side panel's lists in the frame after). */
const START_AFTER_MS = 500;

export class LayoutAhead {
  private handle: number | null = null;
  private start: ReturnType<typeof setTimeout> | null = null;
  /** The blocks in document order, as React renders them (a live list: the idle batches add to it). */
  private readonly blocks: HTMLCollectionOf<Element>;
  /** The blocks before this one are laid out. */
  private next = 0;

  /** Null for a document of ordinary length (its blocks are all near the view) or without idle callbacks. */
  static of(shown: ShownText, root: HTMLElement): LayoutAhead | null {
    if (!isLongDocument(shown) || typeof requestIdleCallback !== 'function') return null;
    return new LayoutAhead(root);
  }

  private constructor(private readonly root: HTMLElement) {
    this.blocks = root.getElementsByClassName('para-block');
    this.start = setTimeout(() => {
      this.start = null;
      this.schedule();
    }, START_AFTER_MS);
  }

  /** Blocks laid out so far (for tests). */
  get laidOut(): number {
    return this.next;
  }

  /** Only at truly idle moments (no timeout): a key's or a scroll's frame never waits for this. */
  private schedule(): void {
    this.handle = requestIdleCallback((deadline) => this.run(deadline));
  }

  private run(deadline: IdleDeadline): void {
    this.handle = null;
    while (this.next < this.blocks.length && deadline.timeRemaining() > MIN_IDLE_MS) {
      const block = this.blocks[this.next] as HTMLElement;
      // Its last paragraphs are still to be rendered (the idle batches): laid out once they are.
      if (block.childElementCount < Number(block.dataset.end) - Number(block.dataset.first)) break;
      layOut(block);
      this.next++;
    }
    const more = this.next < this.blocks.length || this.root.getElementsByClassName('paragraphs-to-come').length > 0;
    if (more) this.schedule();
  }

  dispose(): void {
    if (this.start !== null) clearTimeout(this.start);
    this.start = null;
    if (this.handle !== null) cancelIdleCallback(this.handle);
    this.handle = null;
  }
}

/**
 * Lays out a block the browser skips (content-visibility: auto, out of view), in this task: shown for the moment of a
 * forced layout, then left to the browser again, which skips it as before (no frame sees it shown).
 */
function layOut(block: HTMLElement): void {
  block.style.contentVisibility = 'visible';
  void block.offsetHeight;
  block.style.contentVisibility = '';
}
