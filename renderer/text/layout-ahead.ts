// A long document's blocks of paragraphs are laid out only near the view (content-visibility: auto in
// long-document.css). Laying a block out for the first time (shaping and breaking ~4,000 characters of
// text) is the heaviest part of the frame in which it comes near: a scroll's long frames came one block apart.
// So when the browser lays a block out, the blocks on either side are laid out in the next idle time, while
// they are still skipped: reading a paragraph's box in a skipped block lays it out without showing it, and the
// browser finds it laid out when it comes near.
//
// Traced 10k scroll (scroll15, 1,270 frames; main and this run side by side, 3 rounds, load 8-10 / 23-32 / 22-28):
// blocks laid out ahead 146 / 80 / 68 of 212 (the fewer idle periods, the more the load); layouts over 2 ms in the
// frames 215 / 216 -> 74 / 133 / 146; Layout in the frames over 25 ms 919 / 1,112 -> 511 / 934 / 1,026 ms; frames
// over 16.7 ms of thread time 97 / 62 -> 46 / 42 / 64; heaviest 1% of frames' thread time 36.0 / 25.5 -> 33.2 / 22.6
// / 23.2 ms; drops (noise) 526 / 1,067 -> 389 / 1,035 / 995. The cost: reading the box computes the block's style, a
// style change, so the next frame repaints the ranged blocks (near-view.ts): block repaints 1,120 / 1,135 -> 1,291 /
// 1,262 / 1,199, the thread's time +1.6% / +1.7%, in frames with no block to lay out.

/** An idle period shorter than this is left alone: a block's first layout takes ~4 ms (scroll bench traces). */
const IDLE_ENOUGH_MS = 6;

/**
 * After a key or a click, no block is laid out ahead for this long: a block's first layout (~4 ms traced, more under
 * load) run in the idle time between the frames that follow an edit put off the side panel's paint past its 100 ms
 * (CI on 087456c: 107 ms in the long-document e2e). A scroll has no such input, and its blocks come near one by one.
 */
const QUIET_AFTER_INPUT_MS = 1_000;

/** Blocks laid out ahead on each side of those shown: a block is ~2,400 px, 6 frames of the bench's fling. */
const BLOCKS_AHEAD = 2;

/** Whether `el` is one of DocumentView's blocks of paragraphs. */
function isBlock(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.classList.contains('para-block');
}

/** The block `distance` blocks after `block` (`step` 1) or before it (-1), if any. */
function sibling(block: Element, distance: number, step: 1 | -1): HTMLElement | null {
  let el: Element | null = block;
  for (let n = 0; n < distance && el; n++) el = step === 1 ? el.nextElementSibling : el.previousElementSibling;
  return isBlock(el) ? el : null;
}

export class LayoutAhead {
  /** Blocks the browser laid out, or this laid out ahead: nothing left to do for them. */
  private readonly done = new WeakSet<Element>();
  /** Blocks the browser shows now (laid out, near the view). */
  private readonly shown = new Set<Element>();
  /** Blocks to lay out in the next idle time, nearest first. */
  private queue: HTMLElement[] = [];
  private idle: number | null = null;
  private wait: ReturnType<typeof setTimeout> | null = null;
  /** When the editor last pressed a key or a pointer (performance.now()). */
  private inputAt = -Infinity;
  /** New blocks (DocumentView renders a long document's paragraphs in batches): the next one may be new. */
  private readonly added = new MutationObserver(() => this.aroundShown());

  constructor(private readonly root: Element) {
    // The event does not bubble: caught on its way down.
    root.addEventListener('contentvisibilityautostatechange', this.stateChanged, { capture: true });
    this.added.observe(root, { childList: true });
    for (const type of ['keydown', 'pointerdown'] as const)
      root.ownerDocument.addEventListener(type, this.input, { capture: true, passive: true });
  }

  private readonly input = (): void => {
    this.inputAt = performance.now();
  };

  private readonly stateChanged = (e: Event): void => {
    const block = e.target as Element;
    if (!isBlock(block)) return;
    if ((e as ContentVisibilityAutoStateChangeEvent).skipped) {
      this.shown.delete(block);
      return;
    }
    this.shown.add(block);
    this.done.add(block);
    this.aroundShown();
  };

  /** The blocks on either side of those shown (BLOCKS_AHEAD, nearest first), not laid out yet, queued. */
  private aroundShown(): void {
    // Anew: where the view is now, not where it was.
    this.queue = [];
    for (let distance = 1; distance <= BLOCKS_AHEAD; distance++)
      for (const block of this.shown)
        for (const next of [sibling(block, distance, 1), sibling(block, distance, -1)])
          if (next && !this.done.has(next)) this.queue.push(next);
    this.layOutLater();
  }

  private layOutLater(): void {
    if (this.queue.length > 0 && this.idle === null && this.wait === null && typeof requestIdleCallback === 'function')
      this.idle = requestIdleCallback(this.layOut);
  }

  private readonly layOut = (deadline: IdleDeadline): void => {
    this.idle = null;
    const sinceInput = performance.now() - this.inputAt;
    if (sinceInput < QUIET_AFTER_INPUT_MS) {
      this.wait = setTimeout(() => {
        this.wait = null;
        this.layOutLater();
      }, QUIET_AFTER_INPUT_MS - sinceInput);
      return;
    }
    while (this.queue.length > 0 && deadline.timeRemaining() >= IDLE_ENOUGH_MS) {
      const block = this.queue.shift()!;
      if (this.done.has(block) || !block.isConnected) continue;
      this.done.add(block);
      // The last paragraph's box: the whole block laid out (the block keeps its size until it is shown).
      block.lastElementChild?.getBoundingClientRect();
    }
    this.layOutLater();
  };

  dispose(): void {
    this.root.removeEventListener('contentvisibilityautostatechange', this.stateChanged, { capture: true });
    this.added.disconnect();
    for (const type of ['keydown', 'pointerdown'] as const)
      this.root.ownerDocument.removeEventListener(type, this.input, { capture: true });
    if (this.idle !== null) cancelIdleCallback(this.idle);
    if (this.wait !== null) clearTimeout(this.wait);
    this.queue = [];
  }
}
