// The mounted document text, for code outside React (keyboard commands) that needs
// the DOM selection in store terms. Kept in the session's views (one per session).
import { session } from '../session/session';
import { withNextTell } from '../session/store';
import type { ShownText } from '../../shared/text-view';
import type { DocumentHighlights } from './document-highlights';
import { selectShown, selectionToShown, type ParagraphElements } from './dom-offsets';

export interface TextSurface {
  root: HTMLElement;
  shown: ShownText;
  elements: ParagraphElements;
  highlights: DocumentHighlights;
  /** Renders the paragraphs up to `index` now, if they are still to come (long documents render in batches). */
  reveal(index: number): void;
}

declare module '../session/session' {
  interface SessionViews {
    /** The document text mounted now (DocumentView), if any. */
    textSurface?: TextSurface | null;
    /**
     * Whether the caret in the text is where the user put it (a click, a drag, the arrows, a
     * search result), not where focus alone left it (Tab puts it, unseen, at the headline's start).
     */
    caretPlaced?: boolean;
    /** The last tag's collapse of the selection, while it waits (see collapseSelectionToEnd). */
    collapseDue?: (() => void) | null;
  }
}

export function setTextSurface(next: TextSurface | null): void {
  session().views.textSurface = next;
}

export function textSurface(): TextSurface | null {
  return session().views.textSurface ?? null;
}

/** The text selection as a source span (snapped to words unless `exact`); null when none. */
export function selectedSourceRange(exact: boolean): { start: number; end: number } | null {
  // A digit pressed again before the last tag's collapse ran relabels what it tagged, as after the collapse.
  session().views.collapseDue?.();
  const surface = textSurface();
  if (!surface) return null;
  const shown = selectionToShown(surface.root, surface.shown, exact);
  if (!shown) return null;
  const start = surface.shown.toSource(shown.start, 'start');
  const end = surface.shown.toSource(shown.end, 'end');
  return end > start ? { start, end } : null;
}

/**
 * After tagging: a caret at the end of the selection, so the next digit relabels instead of tagging again. Only
 * the selection that was tagged: a new one made before the deferred collapse runs (a fast drag after the digit)
 * is the user's next target and stays whole (it was collapsed too, and its digit relabelled the last entity).
 * It waits for React's render after the keys pause (withNextTell), in that frame: in a frame of its own right after
 * the highlight's, moving the selection repainted all the highlighted text a second time per tag (50,000 entities:
 * ~6 ms of this thread in the tag's second frame, 20-40 ms after the key; keys10's trace). A key that reads the
 * selection runs it first.
 */
export function collapseSelectionToEnd(): void {
  const tagged = selectionEnds(document.getSelection());
  const views = session().views;
  const collapse = (): void => {
    if (views.collapseDue !== collapse) return;
    views.collapseDue = null;
    const sel = document.getSelection();
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed && sameEnds(selectionEnds(sel), tagged)) sel.collapseToEnd();
  };
  views.collapseDue = collapse;
  withNextTell(collapse);
}

type SelectionEnds = readonly [Node | null, number, Node | null, number];

function selectionEnds(sel: Selection | null): SelectionEnds | null {
  return sel ? [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset] : null;
}

function sameEnds(a: SelectionEnds | null, b: SelectionEnds | null): boolean {
  return !!a && !!b && a.every((x, i) => x === b[i]);
}

/** Focus came to the text (Tab, Escape from a field): the caret there is not one the user chose. */
export function caretFromFocus(): void {
  session().views.caretPlaced = false;
}

/** A click, a drag or a key that moves the caret: the caret is the user's. */
export function caretPlacedByUser(): void {
  session().views.caretPlaced = true;
}

export function isCaretPlaced(): boolean {
  return session().views.caretPlaced === true;
}

export function focusText(): void {
  textSurface()?.root.focus({ preventScroll: true });
}

export function selectShownRange(start: number, end: number): void {
  const surface = textSurface();
  if (!surface) return;
  surface.reveal(surface.shown.paragraphAt(end));
  selectShown(start, end, surface.shown, surface.elements);
  caretPlacedByUser();
}

/** The element of the paragraph holding shown position `pos`, rendered first if it was still to come. */
export function paragraphElementAt(pos: number): HTMLElement | null {
  const surface = textSurface();
  if (!surface) return null;
  const index = surface.shown.paragraphAt(pos);
  surface.reveal(index);
  return surface.elements.get(index) ?? null;
}
