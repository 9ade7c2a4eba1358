// Page-side helpers of the bare and peer pages: fetch the bench document, render one
// `<p dir="auto">` per line as text (Tahrir's own paragraphs are `p[data-para]`, with their direction chosen by content), and find a code-point span in the DOM (UTF-16 inside).
import type { Sidecar } from '../../../shared/model';

export interface BenchDocument {
  text: string;
  sidecar: Sidecar;
}

export interface RenderedParagraph {
  node: Text;
  /** Code point where the line starts in the source text. */
  start: number;
  end: number;
  /** UTF-16 offset of the line in the container's textContent (what DOM-offset libraries count). */
  domStart: number;
  /** True when the line has astral characters, so code points and UTF-16 units differ. */
  astral: boolean;
}

/** The text alone: the text-only floor fetches nothing else (not the sidecar it would not use). */
export function loadBenchText(): Promise<string> {
  return fetch('/bench/text.txt').then((r) => r.text());
}

export async function loadBenchDocument(): Promise<BenchDocument> {
  const [text, sidecar] = await Promise.all([
    fetch('/bench/text.txt').then((r) => r.text()),
    fetch('/bench/sidecar.json').then((r) => r.json() as Promise<Sidecar>),
  ]);
  return { text, sidecar };
}

const ASTRAL = /[\uD800-\uDBFF]/;

export function renderParagraphs(container: HTMLElement, text: string): RenderedParagraph[] {
  const paragraphs: RenderedParagraph[] = [];
  const fragment = document.createDocumentFragment();
  let start = 0;
  let domStart = 0;
  for (const line of text.split('\n')) {
    const p = document.createElement('p');
    p.dir = 'auto';
    const node = document.createTextNode(line);
    p.append(node);
    fragment.append(p);
    const astral = ASTRAL.test(line);
    const length = astral ? Array.from(line).length : line.length;
    paragraphs.push({ node, start, end: start + length, domStart, astral });
    start += length + 1; // the newline is not rendered as text
    domStart += line.length;
  }
  container.append(fragment);
  return paragraphs;
}

function utf16Offset(line: string, codePoints: number): number {
  let units = 0;
  for (let n = 0; n < codePoints && units < line.length; n++) {
    const c = line.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return units;
}

export interface PlacedSpan {
  paragraph: RenderedParagraph;
  /** UTF-16 offsets inside the paragraph's text node. */
  from: number;
  to: number;
}

/** Finds a source span [start, end) when it lies inside one line; null when it crosses lines. */
export function placeSpan(paragraphs: RenderedParagraph[], start: number, end: number): PlacedSpan | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= start) lo = mid;
    else hi = mid - 1;
  }
  const paragraph = paragraphs[lo];
  if (end > paragraph.end) return null;
  const line = paragraph.node.data;
  if (!paragraph.astral) return { paragraph, from: start - paragraph.start, to: end - paragraph.start };
  return { paragraph, from: utf16Offset(line, start - paragraph.start), to: utf16Offset(line, end - paragraph.start) };
}

export function rangeOf(span: PlacedSpan): Range {
  const range = document.createRange();
  range.setStart(span.paragraph.node, span.from);
  range.setEnd(span.paragraph.node, span.to);
  return range;
}

/** Words that no entity covers, spread over the document, for "add one" timings. */
export function untaggedWords(doc: BenchDocument, paragraphs: RenderedParagraph[], count: number): PlacedSpan[] {
  const covered = new Set<number>();
  for (const e of doc.sidecar.entities) for (let i = e.start; i < e.end; i++) covered.add(i);
  const out: PlacedSpan[] = [];
  const step = Math.max(1, Math.floor(paragraphs.length / count));
  for (let p = 0; p < paragraphs.length && out.length < count; p += step) {
    const paragraph = paragraphs[p];
    if (paragraph.astral) continue;
    const match = /\s([\u0621-\u064A]{4,})\s/.exec(paragraph.node.data);
    if (!match) continue;
    const from = match.index + 1;
    const to = from + match[1].length;
    let free = true;
    for (let i = paragraph.start + from; i < paragraph.start + to; i++) if (covered.has(i)) free = false;
    if (free) out.push({ paragraph, from, to });
  }
  return out;
}

/**
 * The next unused word whose line is on screen, for an add the user could see; when none is, the
 * page's scroller (the floor's scroll box, or the document) scrolls on by most of its height and this
 * returns null (the caller tries again once the page has settled). It scrolled only the document once,
 * which on the floor page (a scroll box of its own) never moved: its add-one row timed one try a run.
 */
export function nextWordInView(words: readonly PlacedSpan[], used: Set<PlacedSpan>): PlacedSpan | null {
  const scroller = window.__bench.scrollContainer();
  const view =
    scroller === document.scrollingElement ? { top: 0, bottom: innerHeight } : scroller.getBoundingClientRect();
  const top = Math.max(0, view.top);
  const bottom = Math.min(innerHeight, view.bottom);
  for (const word of words) {
    if (used.has(word)) continue;
    const box = word.paragraph.node.parentElement!.getBoundingClientRect();
    if (box.top < top || box.bottom > bottom) continue;
    used.add(word);
    return word;
  }
  scroller.scrollTop += (bottom - top) * 0.8;
  return null;
}
