// The text the editor shows (clean text by default, or the source) split into
// paragraphs, and the mapping between its code points and source code points.
// Derived from (source, edits, view) and memoized: recomputed only when those change.
import type { Edit } from './model';
import { CodePointIndex, codePointLength } from './code-points';
import { mapSpan, PositionMap } from './position-map';
import { sortedSpans } from './document-data';
import { partitionPoint } from './sorted-search';

/** Which text the editor shows: the clean text (the source with its edits applied) or the source. */
export type TextView = 'clean' | 'source';
type ViewKind = TextView;

/** Bidi embedding, override and isolate controls: shown as a visible marker, never obeyed. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
/** Same length (one UTF-16 unit, one code point) so offsets do not move. */
export const BIDI_MARKER = '\u25C6';

export interface Paragraph {
  index: number;
  /** Code point offset of the paragraph in the shown text. */
  start: number;
  end: number;
  /** The paragraph's text without its line break. */
  text: string;
  /** What is rendered: `text` with bidi controls replaced by BIDI_MARKER. */
  display: string;
  /** Offsets (code points, in the paragraph) of bidi controls; empty when none. */
  bidi: number[];
  /** UTF-16 ↔ code point offsets within `text`. */
  readonly units: CodePointIndex;
}

/**
 * A paragraph whose offset index is built on first use: a long document has thousands, and few are ever selected or
 * drawn.
 */
class LineParagraph implements Paragraph {
  private index_: CodePointIndex | null = null;

  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly display: string,
    readonly bidi: number[],
  ) {}

  get units(): CodePointIndex {
    return (this.index_ ??= new CodePointIndex(this.text));
  }
}

export interface ShownText {
  view: ViewKind;
  text: string;
  paragraphs: Paragraph[];
  /** Shown position → source position; `side` says which way to lean at an edit boundary. */
  toSource(pos: number, side: 'start' | 'end'): number;
  /** A source span in shown coordinates; null when it lies entirely inside removed text. */
  toShown(start: number, end: number): { start: number; end: number; clipped: boolean } | null;
  /** Index of the paragraph holding shown position `pos` (a position at a line break belongs to the line before). */
  paragraphAt(pos: number): number;
  /** Source offsets bounding the spans that may show at shown position `pos` (see PositionMap.sourceBounds). */
  sourceBounds(pos: number): { lastStart: number; firstEnd: number };
}

/** A line of nothing but spaces: the room between paragraphs in most scraped articles. */
const BLANK = /^\s*$/u;

/**
 * How a paragraph is drawn if it is a blank line: `first` of a run of blank lines takes one line's room, `more` (a
 * blank line after a blank line) none; null for a line with text. Real articles put one to five blank lines between
 * paragraphs (../shared/corpus/news: 3,872 runs of one, 217 of two to five), each drawn as a full paragraph (55 px at
 * 19 px type): a run of five was 275 px of nothing. The lines stay in the page, empty, so offsets never move.
 */
export function blankLine(paragraphs: readonly Paragraph[], index: number): 'first' | 'more' | null {
  if (!BLANK.test(paragraphs[index].text)) return null;
  return index > 0 && BLANK.test(paragraphs[index - 1].text) ? 'more' : 'first';
}

/** The class of a paragraph's element (app.css): `para`, with `has-bidi`, `blank` and `more` where they apply. */
export function paragraphClass(paragraphs: readonly Paragraph[], index: number): string {
  const blank = blankLine(paragraphs, index);
  const bidi = paragraphs[index].bidi.length ? ' has-bidi' : '';
  return `para${bidi}${blank === null ? '' : blank === 'first' ? ' blank' : ' blank more'}`;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const length = codePointLength(line);
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    const bodyLength = body.length === line.length ? length : length - 1;
    const bidi: number[] = [];
    let display = body;
    if (BIDI_CONTROL.test(body)) {
      const units = new CodePointIndex(body);
      display = body.replace(BIDI_CONTROL, (_m, offset: number) => {
        bidi.push(units.toCodePoint(offset));
        return BIDI_MARKER;
      });
    }
    BIDI_CONTROL.lastIndex = 0;
    out.push(new LineParagraph(index, start, start + bodyLength, body, display, bidi));
    start += length + 1;
  });
  return out;
}

function makeParagraphAt(paragraphs: Paragraph[]): (pos: number) => number {
  // The last paragraph starting at or before `pos` (the first one for a position before them all).
  return (pos) => Math.max(0, partitionPoint(paragraphs.length, (i) => paragraphs[i].start <= pos) - 1);
}

function sourceView(source: string): ShownText {
  const paragraphs = splitParagraphs(source);
  return {
    view: 'source',
    text: source,
    paragraphs,
    toSource: (pos) => pos,
    toShown: (start, end) => ({ start, end, clipped: false }),
    paragraphAt: makeParagraphAt(paragraphs),
    sourceBounds: (pos) => ({ lastStart: pos, firstEnd: pos }),
  };
}

function cleanView(map: PositionMap): ShownText {
  const paragraphs = splitParagraphs(map.cleanText);
  return {
    view: 'clean',
    text: map.cleanText,
    paragraphs,
    // A span's start leans forward and its end backward, so it never swallows removed text.
    toSource: (pos, side) => map.toSource(pos, side === 'start' ? 'after' : 'before'),
    toShown: (start, end) => mapSpan(map, start, end),
    paragraphAt: makeParagraphAt(paragraphs),
    sourceBounds: (pos) => map.sourceBounds(pos),
  };
}

/** The last few shown texts: lists that follow the document a render late ask for the one before. */
const memo: { source: string; edits: Record<string, Edit>; view: ViewKind; shown: ShownText }[] = [];
const MEMO_SIZE = 3;

/** The shown text for this source, edits and view; the same object while they do not change. */
export function shownText(source: string, edits: Record<string, Edit>, view: ViewKind): ShownText {
  const hit = memo.find((m) => m.source === source && m.edits === edits && m.view === view);
  if (hit) return hit.shown;
  let shown: ShownText;
  try {
    shown = view === 'source' ? sourceView(source) : cleanView(new PositionMap(source, sortedSpans(edits)));
  } catch {
    // Edits that do not apply (a broken sidecar opens read-only): show the source as it is.
    shown = sourceView(source);
  }
  memo.unshift({ source, edits, view, shown });
  memo.length = Math.min(memo.length, MEMO_SIZE);
  return shown;
}

const placed = new WeakMap<ShownText, WeakMap<object, { start: number; end: number } | null>>();

/**
 * Where a span shows in this shown text; null when hidden (inside removed text, or orphaned).
 * Cached per (shown text, span object): spans are immutable, so a keypress maps only the new one.
 */
export function shownSpanOf(
  shown: ShownText,
  span: { start: number; end: number; orphaned?: boolean },
): { start: number; end: number } | null {
  let cache = placed.get(shown);
  if (!cache) placed.set(shown, (cache = new WeakMap()));
  const hit = cache.get(span);
  if (hit !== undefined) return hit;
  const r = span.orphaned ? null : shown.toShown(span.start, span.end);
  const out = r && r.end > r.start ? { start: r.start, end: r.end } : null;
  cache.set(span, out);
  return out;
}

let sourceMemo: { source: string; index: CodePointIndex } | null = null;

/** Code point index of the open document's source (slicing a long source by code points stays O(log n)). */
export function sourceIndex(source: string): CodePointIndex {
  if (sourceMemo?.source !== source) sourceMemo = { source, index: new CodePointIndex(source) };
  return sourceMemo.index;
}
