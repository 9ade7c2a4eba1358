// Bringing a place in the text into view (a search result, a span chosen in the side panel).
import { paragraphElementAt } from './text-surface';

/** Scrolls the paragraph holding shown position `pos` to the middle of the view, unless it is in view already. */
export function scrollToShown(pos: number): void {
  const el = paragraphElementAt(pos);
  if (!el) return;
  const box = el.getBoundingClientRect();
  const pane = el.closest('.document-scroll')?.getBoundingClientRect();
  if (pane && box.top >= pane.top && box.bottom <= pane.bottom) return;
  el.scrollIntoView({ block: 'center' });
}
