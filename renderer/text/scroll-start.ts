// The input that starts a scroll of the document, heard before the browser scrolls. The scroll event comes too late
// for what must be drawn in a scroll's first frame: a scroll the browser makes on its own thread (a scroll bar
// dragged, a finger, a fling) shows what the page painted last, and the page hears of it in a later frame.

/**
 * Keys that scroll the text when it (or nothing) has the focus; with Alt, Ctrl or Meta they are shortcuts, and Shift
 * with any but Space (a page up) extends the selection.
 */
const SCROLL_KEYS: readonly string[] = ['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'Home', 'End', ' '];

export function isScrollKey(e: KeyboardEvent): boolean {
  return SCROLL_KEYS.includes(e.key) && !e.altKey && !e.metaKey && !e.ctrlKey && (!e.shiftKey || e.key === ' ');
}

/**
 * A press on the box's own scroll bars: on the box itself (not its text), outside its client area (the bars are
 * outside it, on either side as the text's direction puts them). Measures the box only then, never on a text click.
 */
export function onScrollBar(e: PointerEvent, box: Element): boolean {
  if (e.target !== box) return false;
  const rect = box.getBoundingClientRect();
  const left = rect.left + box.clientLeft;
  const top = rect.top + box.clientTop;
  return (
    e.clientX < left || e.clientX >= left + box.clientWidth || e.clientY < top || e.clientY >= top + box.clientHeight
  );
}

/**
 * Calls `started` on the input that starts a scroll of `box`: a key that scrolls, a press on its scroll bars or with
 * the middle button (autoscroll), a finger put on it. A press may rest before it moves: `released` follows when it
 * ends. Clicks in the text (select, then a key) start nothing. Not the wheel: the browser scrolls at a wheel before
 * the page hears of it, in the frame its scroll event comes in (a passive listener gains nothing; a blocking one
 * would hold every wheel scroll up behind the page's work).
 */
export function listenForScrollStart(
  box: HTMLElement,
  /** `held`: a press, down until `released`. */
  started: (held: boolean) => void,
  released: () => void,
): () => void {
  const key = (e: KeyboardEvent) => {
    const target = e.target instanceof Node ? e.target : null;
    if (isScrollKey(e) && (target === document.body || (target !== null && box.contains(target)))) started(false);
  };
  let pressed = false;
  const release = () => {
    if (!pressed) return;
    pressed = false;
    released();
  };
  const press = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' && e.button !== 1 && !onScrollBar(e, box)) return;
    pressed = true;
    started(true);
  };
  window.addEventListener('keydown', key);
  box.addEventListener('pointerdown', press, { passive: true });
  window.addEventListener('pointerup', release, { capture: true });
  window.addEventListener('pointercancel', release, { capture: true });
  return () => {
    window.removeEventListener('keydown', key);
    box.removeEventListener('pointerdown', press);
    window.removeEventListener('pointerup', release, { capture: true });
    window.removeEventListener('pointercancel', release, { capture: true });
  };
}
