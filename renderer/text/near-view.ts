// Which paragraphs of a long document are near the view (one screen above and below): the only
// ones given highlight Ranges. A long document has thousands of paragraphs and spans; the browser
// then repaints and re-checks only the few hundred Ranges it can show, on open and on every keypress.
import type { ShownText } from '../../shared/text-view';

/** Past this many characters, only paragraphs near the view get Ranges (a news article is far shorter). */
const LONG_DOCUMENT_CHARS = 50_000;

/** The event a `content-visibility: auto` element gets when the browser starts or stops skipping its contents. */
const SKIP_CHANGE = 'contentvisibilityautostatechange';
/** A block that left the view alone keeps its Ranges this long, unless another comes first (see nearChanged). */
const LEAVING_MS = 150;

/**
 * Whether the browser says when it starts and stops rendering a block (Chromium 108+, Firefox 125+, so Electron).
 * The tests that run without it (Node) pass `false`.
 */
const saysWhenSkipped = (): boolean => typeof globalThis.ContentVisibilityAutoStateChangeEvent === 'function';

export class NearView {
  /** Indexes of the paragraphs near the view. */
  readonly paragraphs = new Set<number>();
  /** Null where the browser says when it renders a block (see the constructor). */
  private readonly observer: IntersectionObserver | null;
  /**
   * The blocks of paragraphs watched (DocumentView renders paragraphs in blocks), with their paragraphs [first, end).
   */
  private readonly observed = new Map<Element, { first: number; end: number }>();
  private readonly listenedOn: EventTarget;
  /** Blocks that came near or left since the last change was passed on (see nearChanged). */
  private readonly coming = new Set<Element>();
  private readonly leaving = new Set<Element>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly skipChanged = (event: Event): void => {
    const skipped = (event as ContentVisibilityAutoStateChangeEvent).skipped;
    this.nearChanged([{ target: event.target as Element, near: !skipped }]);
  };

  /** Null for documents of ordinary length (or without IntersectionObserver): every paragraph gets Ranges. */
  static of(
    shown: ShownText,
    scrollRoot: Element | null,
    changed: (paragraphs: ReadonlySet<number>) => void,
  ): NearView | null {
    if (typeof IntersectionObserver === 'undefined' || shown.text.length <= LONG_DOCUMENT_CHARS) return null;
    return new NearView(scrollRoot, changed, saysWhenSkipped());
  }

  /**
   * Near the view is where the browser renders a block (content-visibility: auto): it says so by an event on the block
   * as it starts or stops rendering it, after the frame that decided it, before the one that shows the block's text.
   * An IntersectionObserver on every block (~375 in the 10,000-entity article) instead computed each one's place in
   * every frame of a scroll (~1.4 ms a frame in a trace) on top of the browser's own for content-visibility. Without
   * the event, the observer (a screen above and below the view).
   */
  private constructor(
    scrollRoot: Element | null,
    private readonly changed: (paragraphs: ReadonlySet<number>) => void,
    followsBrowser: boolean,
  ) {
    this.listenedOn = scrollRoot ?? document;
    // The event does not bubble: caught on its way down to the block.
    if (followsBrowser) this.listenedOn.addEventListener(SKIP_CHANGE, this.skipChanged, { capture: true });
    this.observer = followsBrowser
      ? null
      : new IntersectionObserver(
          (entries) => this.nearChanged(entries.map((e) => ({ target: e.target, near: e.isIntersecting }))),
          { root: scrollRoot, rootMargin: '100% 0px' },
        );
  }

  has(index: number): boolean {
    return this.paragraphs.has(index);
  }

  /** Watches the block holding paragraph `index` (once per block). */
  observe(index: number, el: Element): void {
    const block = el.parentElement;
    // Not in a block of paragraphs: the paragraph is watched alone.
    const inBlock = block?.dataset.first !== undefined && block.dataset.end !== undefined;
    const target = inBlock ? block! : el;
    if (this.observed.has(target)) return;
    this.observed.set(
      target,
      inBlock
        ? { first: Number(block!.dataset.first), end: Number(block!.dataset.end) }
        : { first: index, end: index + 1 },
    );
    this.observer?.observe(target);
  }

  /**
   * The browser first says which blocks it renders after a frame has been drawn: without this, a long document's
   * first frame would show no highlight. The blocks within a screen of the view now are taken as near at once (one
   * layout, which that frame needs anyway), and so are those the browser renders already (a view built again on a
   * document scrolled down: they would say nothing until they leave); its first report corrects the rest.
   */
  seed(scrollRoot: Element | null): void {
    const view = (scrollRoot ?? document.documentElement).getBoundingClientRect();
    for (const [target, block] of this.observed) {
      const box = target.getBoundingClientRect();
      const near = box.bottom >= view.top - view.height && box.top <= view.bottom + view.height;
      if (!near && !(this.observer === null && rendered(target))) continue;
      for (let index = block.first; index < block.end; index++) this.paragraphs.add(index);
    }
  }

  /**
   * Blocks of paragraphs came near the view or left it: the spans crossing them are drawn or dropped. A block that
   * left keeps its Ranges until the next one comes (or the view is still): every change of a highlight repaints all of
   * them, so the two changes cost one repaint, not two (the block that left is not rendered: its Ranges show nothing).
   */
  private nearChanged(entries: readonly { target: Element; near: boolean }[]): void {
    let came = false;
    for (const entry of entries) {
      if (!this.observed.has(entry.target)) continue;
      if (entry.near) {
        this.leaving.delete(entry.target);
        this.coming.add(entry.target);
        came = true;
      } else {
        this.coming.delete(entry.target);
        this.leaving.add(entry.target);
      }
    }
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (came) this.flush();
    else if (this.leaving.size > 0) this.flushTimer = setTimeout(() => this.flush(), LEAVING_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    const changed = new Set<number>();
    for (const [targets, near] of [
      [this.coming, true],
      [this.leaving, false],
    ] as const) {
      for (const target of targets) {
        const block = this.observed.get(target)!;
        for (let index = block.first; index < block.end; index++) {
          if (near === this.paragraphs.has(index)) continue;
          if (near) this.paragraphs.add(index);
          else this.paragraphs.delete(index);
          changed.add(index);
        }
      }
      targets.clear();
    }
    if (changed.size > 0) this.changed(changed);
  }

  dispose(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.observer?.disconnect();
    this.listenedOn.removeEventListener(SKIP_CHANGE, this.skipChanged, { capture: true });
  }
}

/** Whether the browser renders this block's contents now (a block of paragraphs with content-visibility: auto). */
function rendered(block: Element): boolean {
  const first = block.firstElementChild;
  return first !== null && first.checkVisibility({ contentVisibilityAuto: true });
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
