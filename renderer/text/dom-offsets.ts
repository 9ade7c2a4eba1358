// DOM selections come in UTF-16 units within a paragraph's text node; the store
// speaks shown-text code points (then source code points). Conversions both ways.
import type { Paragraph, ShownText } from '../../shared/text-view';
import { snapEnd, snapStart } from '../../shared/word-snap';

/** The paragraph elements, by paragraph index (missing when not rendered). */
export type ParagraphElements = Map<number, HTMLElement>;

function paragraphOf(node: Node, root: HTMLElement): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const p = el?.closest<HTMLElement>('[data-para]') ?? null;
  return p && root.contains(p) ? p : null;
}

/** The first or last paragraph element at or inside `node` (a paragraph, or a block of them). */
function paragraphIn(node: Node, which: 'first' | 'last'): HTMLElement | null {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as HTMLElement;
  if (el.dataset.para !== undefined) return el;
  const all = el.querySelectorAll<HTMLElement>('[data-para]');
  return (which === 'first' ? all[0] : all[all.length - 1]) ?? null;
}

/**
 * UTF-16 units of the paragraph's text before a DOM point in it. A paragraph is one text node,
 * or, in a right-to-left paragraph with left-to-right runs, text nodes and <bdi>s holding one each.
 */
function unitsBefore(p: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE && node === p.firstChild) return offset;
  if (node === p && p.childNodes.length === 1 && p.firstChild?.nodeType === Node.TEXT_NODE)
    return offset === 0 ? 0 : (p.firstChild.textContent ?? '').length;
  const range = p.ownerDocument.createRange();
  range.setStart(p, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The DOM point `unit` UTF-16 units into a paragraph's text: in its text node, or in the text node
 * of the run holding it; at the edge of a run, a start goes in the run after and an end in the
 * run before, so a span inside a run is one node's.
 */
function pointAt(p: HTMLElement, unit: number, side: 'start' | 'end'): { node: Node; offset: number } | null {
  const first = p.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE && !first.nextSibling) return { node: first, offset: unit };
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let before = 0;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node.textContent ?? '').length;
    if (side === 'end' ? unit <= before + length : unit < before + length) return { node, offset: unit - before };
    before += length;
    last = node;
  }
  return last ? { node: last, offset: (last.textContent ?? '').length } : null;
}

/** A DOM point as (paragraph, UTF-16 offset in it); null outside the text. */
export function domPointToParagraph(
  node: Node,
  offset: number,
  root: HTMLElement,
  shown: ShownText,
): { para: Paragraph; unit: number } | null {
  const p = paragraphOf(node, root);
  if (!p && node.nodeType === Node.ELEMENT_NODE && (node === root || root.contains(node))) {
    // Selections made by the keyboard across paragraphs can land between them (in the text, or in a block of
    // paragraphs).
    const n = shown.paragraphs.length;
    if (n === 0) return null;
    const after = node.childNodes[offset];
    const next = after ? paragraphIn(after, 'first') : null;
    if (next) return { para: shown.paragraphs[Number(next.dataset.para)], unit: 0 };
    const before = offset > 0 ? node.childNodes[offset - 1] : undefined;
    const prev = before ? paragraphIn(before, 'last') : null;
    const para = prev
      ? shown.paragraphs[Number(prev.dataset.para)]
      : offset === 0
        ? shown.paragraphs[0]
        : shown.paragraphs[n - 1];
    if (!para) return null;
    return { para, unit: prev || offset > 0 ? para.text.length : 0 };
  }
  if (!p) return null;
  const para = shown.paragraphs[Number(p.dataset.para)];
  if (!para) return null;
  const unit =
    node.nodeType === Node.TEXT_NODE || node === p || p.contains(node)
      ? Math.min(unitsBefore(p, node, offset), para.text.length)
      : 0;
  return { para, unit };
}

export function domPointToShown(node: Node, offset: number, root: HTMLElement, shown: ShownText): number | null {
  const at = domPointToParagraph(node, offset, root, shown);
  return at ? at.para.start + at.para.units.toCodePoint(at.unit) : null;
}

/**
 * The selection as a shown-text span, snapped to whole words unless `exact`
 * (Alt held). Null when nothing (or no word) is selected in the text.
 */
export function selectionToShown(
  root: HTMLElement,
  shown: ShownText,
  exact: boolean,
): { start: number; end: number } | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const a = domPointToParagraph(range.startContainer, range.startOffset, root, shown);
  const b = domPointToParagraph(range.endContainer, range.endOffset, root, shown);
  if (!a || !b) return null;
  let startUnit = a.unit;
  let endUnit = b.unit;
  if (!exact) {
    // After a proclitic only where the selection runs to its word's end: in another paragraph, it runs past it.
    const s = snapStart(a.para.text, a.unit, a.para === b.para ? b.unit : Infinity);
    const e = snapEnd(b.para.text, b.unit);
    if (s === null || e === null) return null;
    startUnit = s;
    endUnit = e;
  }
  const start = a.para.start + a.para.units.toCodePoint(startUnit);
  const end = b.para.start + b.para.units.toCodePoint(endUnit);
  return end > start ? { start, end } : null;
}

/**
 * Ranges covering a shown-text span, one per rendered paragraph it crosses; with `only`,
 * just in those paragraphs (highlights are drawn only near the view).
 *
 * StaticRanges, not live Ranges: the browser updates every live Range in the document on
 * every DOM change (a side-panel count, a list item), so thousands of highlight Ranges made
 * each of those changes cost milliseconds. A paragraph's text node never changes; when a
 * paragraph is rendered again its highlights are drawn again (see DocumentHighlights).
 */
export function shownToRanges(
  start: number,
  end: number,
  shown: ShownText,
  elements: ParagraphElements,
  only?: { has(paragraph: number): boolean },
): StaticRange[] {
  const out: StaticRange[] = [];
  if (end <= start || shown.paragraphs.length === 0) return out;
  const first = shown.paragraphAt(start);
  const last = shown.paragraphAt(end);
  for (let i = first; i <= last; i++) {
    if (only && !only.has(i)) continue;
    const para = shown.paragraphs[i];
    const s = Math.max(start, para.start) - para.start;
    const e = Math.min(end, para.end) - para.start;
    if (e <= s) continue;
    const p = elements.get(i);
    const from = p && pointAt(p, para.units.toUtf16(s), 'start');
    const to = p && pointAt(p, para.units.toUtf16(e), 'end');
    if (!from || !to) continue;
    out.push(
      new StaticRange({
        startContainer: from.node,
        startOffset: from.offset,
        endContainer: to.node,
        endOffset: to.offset,
      }),
    );
  }
  return out;
}

/** Puts the DOM selection on a shown-text span (search results, keyboard focus). */
export function selectShown(start: number, end: number, shown: ShownText, elements: ParagraphElements): void {
  const ranges = shownToRanges(start, end, shown, elements);
  if (ranges.length === 0) return;
  const sel = document.getSelection();
  if (!sel) return;
  const range = new Range();
  range.setStart(ranges[0].startContainer, ranges[0].startOffset);
  range.setEnd(ranges[ranges.length - 1].endContainer, ranges[ranges.length - 1].endOffset);
  sel.removeAllRanges();
  sel.addRange(range);
}
