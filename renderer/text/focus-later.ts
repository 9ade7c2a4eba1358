// Focus moved a frame later (once the element is drawn), unless the user or the page moved it meanwhile.

/** Where the focus is now: a later move is made only while it is still there (see focusLater). */
export interface FocusMark {
  readonly at: Element | null;
}

/** Marks where the focus is, before work after which the focus is to move (a document to load, a bar to draw). */
export function markFocus(): FocusMark {
  return { at: document.activeElement };
}

/**
 * Focuses the element `id` after the next frame, unless the focus moved since `mark` was taken: a click, a Tab, a
 * dialog or another shortcut in between is the user's latest word and keeps the focus (on a loaded machine a frame
 * can come late). A focus lost because its element went (the body has it) is still moved.
 */
export function focusLater(id: string, mark: FocusMark = markFocus()): void {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== mark.at && now !== null && now !== document.body) return;
    const el = document.getElementById(id);
    if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  });
}
