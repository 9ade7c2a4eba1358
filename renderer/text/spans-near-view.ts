// A layer of many source spans, by position (a long document's suggestions: up to 100,000), of which only
// those crossing the paragraphs near the view are items at all, found by binary search when the list changes
// or the view moves. As one HighlightLayer of every span, each change of the list (a keypress) went through
// all of them, and each answer of the tagger as it trained drew them all again.
import { partitionPoint } from '../../shared/sorted-search';
import type { ShownText } from '../../shared/text-view';
import type { HighlightItem, HighlightLayer } from './highlight-layer';

export interface SourceSpan {
  start: number;
  end: number;
}

/** A list by index (an array, or the open suggestions' ChunkedList: a keypress does not copy them all). */
export interface SpanList<T> extends Iterable<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/** An item's key and highlight name (its place is worked out from the span). */
export type ItemOf<T> = (span: T) => { key: string; name: string };

export class SpansNearView<T extends SourceSpan> {
  private list: SpanList<T> = [];
  private itemOf: ItemOf<T> = () => ({ key: '', name: '' });
  private longest = 0;

  constructor(
    private readonly shown: ShownText,
    /** Draws the items (its Ranges only in the paragraphs near the view, too). */
    readonly layer: HighlightLayer,
    /** The paragraphs near the view; null: every paragraph (a document of ordinary length). */
    private readonly near: () => ReadonlySet<number> | null,
  ) {}

  /**
   * Shows `list` (by start, as openSuggestions sorts them): the items of the paragraphs near the view. `longest`: the
   * length of its longest span, or more (the binary searches start this far before a paragraph).
   */
  show(list: SpanList<T>, itemOf: ItemOf<T>, longest: number): void {
    this.list = list;
    this.itemOf = itemOf;
    this.longest = longest;
    this.update();
  }

  /** The view moved (or the list changed): the near paragraphs' items drawn, the others dropped. */
  update(): void {
    // No spans (no suggestions yet): nothing to place, so no asking the page where the view is (a forced layout).
    if (this.list.length === 0) return this.layer.sync([]);
    const near = this.near();
    const items = new Map<string, HighlightItem>();
    if (near === null) {
      for (const span of this.list) this.add(items, span, 0, this.shown.text.length);
    } else {
      for (const [first, last] of runsOf(near)) {
        const paragraphs = this.shown.paragraphs;
        if (first >= paragraphs.length) continue;
        const from = paragraphs[first].start;
        // Up to the next paragraph: a position on a line break belongs to the paragraph before it.
        const to = last + 1 < paragraphs.length ? paragraphs[last + 1].start - 1 : this.shown.text.length;
        const sourceFrom = this.shown.toSource(from, 'start');
        const sourceTo = this.shown.toSource(to, 'end');
        // Spans starting before the run by more than the longest one cannot reach into it.
        for (let i = firstStartingAt(this.list, sourceFrom - this.longest); i < this.list.length; i++) {
          const span = this.list.at(i)!;
          if (span.start > sourceTo) break;
          this.add(items, span, from, to);
        }
      }
    }
    this.layer.sync(items.values());
  }

  /** `span` as an item when it shows and crosses shown [from, to]. */
  private add(items: Map<string, HighlightItem>, span: T, from: number, to: number): void {
    const r = this.shown.toShown(span.start, span.end);
    if (!r || r.end <= r.start || r.end < from || r.start > to) return;
    const { key, name } = this.itemOf(span);
    if (!items.has(key)) items.set(key, { key, name, start: r.start, end: r.end });
  }
}

/** The first index of `list` (by start) whose start is at or after `pos`. */
const firstStartingAt = (list: SpanList<SourceSpan>, pos: number): number =>
  partitionPoint(list.length, (i) => list.at(i)!.start < pos);

/** Paragraph indexes as runs of consecutive ones [first, last], in order. */
function runsOf(paragraphs: ReadonlySet<number>): [number, number][] {
  const sorted = [...paragraphs].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}
