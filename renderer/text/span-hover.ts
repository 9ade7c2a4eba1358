// The span under the mouse pointer: found once a frame at most (pointermove comes faster), from
// the caret position at the point (the same lookup as a click), and only over a paragraph's text.
import type { ShownText } from '../../shared/text-view';
import { domPointToShown } from './dom-offsets';
import type { ShownSpan } from './hit-test';

export type HoverListener = (spans: ShownSpan[], clientX: number, clientY: number) => void;

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * The character under (x, y) beside the caret point (its offset in the text node); null in a line's empty end, or a
 * margin.
 */
function characterAt(doc: Document, at: CaretPoint, x: number, y: number): number | null {
  if (at.node.nodeType !== Node.TEXT_NODE) return null;
  const length = (at.node.textContent ?? '').length;
  const range = doc.createRange();
  for (const offset of [at.offset, at.offset - 1]) {
    if (offset < 0 || offset >= length) continue;
    range.setStart(at.node, offset);
    range.setEnd(at.node, offset + 1);
    for (const b of range.getClientRects())
      if (x >= b.left - 0.5 && x <= b.right + 0.5 && y >= b.top - 2 && y <= b.bottom + 2) return offset;
  }
  return null;
}

export class SpanHover {
  private frame = 0;
  private last: { x: number; y: number } | null = null;
  private key = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly shown: ShownText,
    private readonly spansAt: (pos: number) => ShownSpan[],
    private readonly listener: HoverListener,
  ) {
    root.addEventListener('pointermove', this.move);
    root.addEventListener('pointerleave', this.leave);
  }

  private readonly move = (e: PointerEvent): void => {
    this.last = { x: e.clientX, y: e.clientY };
    if (!this.frame) this.frame = requestAnimationFrame(this.look);
  };

  private readonly leave = (): void => {
    this.last = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.report([], 0, 0);
  };

  private readonly look = (): void => {
    this.frame = 0;
    const at = this.last;
    if (!at) return;
    const doc = this.root.ownerDocument;
    const caret = caretAt(doc, at.x, at.y);
    const offset = caret && this.root.contains(caret.node) ? characterAt(doc, caret, at.x, at.y) : null;
    const pos = caret && offset !== null ? domPointToShown(caret.node, offset, this.root, this.shown) : null;
    const spans = pos === null ? [] : this.spansAt(pos).filter((s) => s.start <= pos && pos < s.end);
    this.report(spans, at.x, at.y);
  };

  private report(spans: ShownSpan[], x: number, y: number): void {
    const key = spans.map((s) => `${s.ref.kind}:${s.ref.id}`).join(',');
    // Nothing under the pointer, as before: nothing to do (the tip follows the pointer over spans).
    if (key === this.key && spans.length === 0) return;
    this.key = key;
    this.listener(spans, x, y);
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.root.removeEventListener('pointermove', this.move);
    this.root.removeEventListener('pointerleave', this.leave);
  }
}
