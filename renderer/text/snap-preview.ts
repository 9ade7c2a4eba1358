// While text is selected, the words a digit would tag: selections snap to whole words, so the span
// tagged can be longer than the selection (half a word selected tags all of it). A quiet highlight
// shows it before the key, only when it differs from what is selected. Looked at once a frame.
import type { ShownText } from '../../shared/text-view';
import { selectionToShown } from './dom-offsets';
import type { HighlightLayer } from './highlight-layer';

export const SNAP_PREVIEW_HIGHLIGHT = 'tahrir-snap-preview';

export class SnapPreview {
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly shown: ShownText,
    private readonly layer: HighlightLayer,
  ) {
    root.ownerDocument.addEventListener('selectionchange', this.changed);
  }

  private readonly changed = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.look);
  };

  private readonly look = (): void => {
    this.frame = 0;
    const sel = this.root.ownerDocument.getSelection();
    const inText = !!sel && sel.rangeCount > 0 && !sel.isCollapsed && this.root.contains(sel.anchorNode);
    const snapped = inText ? selectionToShown(this.root, this.shown, false) : null;
    const exact = snapped ? selectionToShown(this.root, this.shown, true) : null;
    const differs = !!snapped && (!exact || exact.start !== snapped.start || exact.end !== snapped.end);
    this.layer.sync(differs && snapped ? [{ key: 'snap', name: SNAP_PREVIEW_HIGHLIGHT, ...snapped }] : []);
  };

  /** What the preview shows now (null: none), for tests and the inspector's words. */
  shownNow(): { start: number; end: number } | null {
    const item = this.layer.items()[0];
    return item ? { start: item.start, end: item.end } : null;
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.root.ownerDocument.removeEventListener('selectionchange', this.changed);
    this.layer.clear();
  }
}
